#!/bin/sh
# Refresh the translation sources from the code, then compile them.
#
#   scripts/update_translations.sh
#
# pyside6-lupdate collects every self.tr(...) / QCoreApplication.translate(...) /
# QT_TRANSLATE_NOOP(...) text from the UI code into resources/i18n/ipdesk_<lang>.ts, keeping
# translations already made and marking vanished texts obsolete. Translate new entries
# in the .ts files (pyside6-linguist, or any editor), then run this script again:
# pyside6-lrelease compiles each .ts into the .qm file the application loads.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BIN=${PYSIDE6_BIN:-$ROOT/.venv/bin}
LUPDATE=$BIN/pyside6-lupdate
LRELEASE=$BIN/pyside6-lrelease
[ -x "$LUPDATE" ] || LUPDATE=pyside6-lupdate
[ -x "$LRELEASE" ] || LRELEASE=pyside6-lrelease

SOURCES=$(find ipdesk/ui -name '*.py' | sort)
SOURCES="ipdesk/app.py $SOURCES"

for lang in zh_CN en; do
    ts=resources/i18n/ipdesk_$lang.ts
    # shellcheck disable=SC2086  # SOURCES is a list of paths without spaces
    "$LUPDATE" -no-obsolete -locations relative -source-language en -target-language "$lang" \
        $SOURCES -ts "$ts"
done

# The source texts are English: fill every English entry that is still empty with its
# source text (plural forms get it too; write proper singular/plural forms by hand).
"${PYTHON:-$ROOT/.venv/bin/python}" - resources/i18n/ipdesk_en.ts <<'PY'
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
tree = ET.parse(path)
for message in tree.iter("message"):
    source = message.findtext("source") or ""
    translation = message.find("translation")
    if translation is None or translation.get("type") not in ("unfinished", None):
        continue
    forms = translation.findall("numerusform")
    if forms:
        if all(not (f.text or "") for f in forms):
            for f in forms:
                f.text = source
            translation.attrib.pop("type", None)
    elif not (translation.text or "") or translation.text == source:
        translation.text = source
        translation.attrib.pop("type", None)
with open(path, "wb") as f:
    f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(f, encoding="utf-8", xml_declaration=False)
    f.write(b"\n")
PY

for lang in zh_CN en; do
    "$LRELEASE" resources/i18n/ipdesk_$lang.ts -qm resources/i18n/ipdesk_$lang.qm
done
