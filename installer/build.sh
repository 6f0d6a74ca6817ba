#!/usr/bin/env bash
# Build the one-folder bundle dist/ipdesk/ with PyInstaller, then smoke-test it.
#
#   installer/build.sh
#
# Needs the project's virtual environment (./dev.sh setup); installs PyInstaller into it
# when missing (and the optional keyring support with WITH_KEYRING=1). Work files go to
# build/, the bundle to dist/ipdesk/. The smoke test runs the built program offscreen with
# --self-test on a fresh temporary database and a private home, so nothing of the user's
# is read or written. Windows: see installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=.venv/bin/python
[ -x "$PYTHON" ] || { echo "no .venv: run ./dev.sh setup first" >&2; exit 1; }

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "==> installing PyInstaller into .venv" >&2
    "$PYTHON" -m pip install -q "pyinstaller>=6,<7"
fi
if [ "${WITH_KEYRING:-0}" = 1 ] && ! "$PYTHON" -c "import keyring" 2>/dev/null; then
    echo "==> installing keyring into .venv" >&2
    "$PYTHON" -m pip install -q -e '.[keyring]'
fi

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build installer/ipdesk.spec
seconds=$(( $(date +%s) - start ))
size=$(du -sh dist/ipdesk | cut -f1)
echo "==> built dist/ipdesk in ${seconds} s (${size})" >&2

echo "==> smoke test: dist/ipdesk/ipdesk --self-test" >&2
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
env -u IPDESK_DATABASE_URL HOME="$home" XDG_CONFIG_HOME="$home/config" \
    XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state" XDG_CACHE_HOME="$home/cache" \
    QT_QPA_PLATFORM=offscreen dist/ipdesk/ipdesk --self-test
echo "==> smoke test passed" >&2
