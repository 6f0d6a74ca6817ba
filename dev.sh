#!/usr/bin/env bash
# Set up everything ipdesk needs on a Debian/Ubuntu machine, then run it.
#
#   ./dev.sh app     set up, then start ipdesk on a fresh embedded demo database
#   ./dev.sh test    set up, then run the whole test suite (lint, types, import contracts,
#                    SQLite + PostgreSQL)
#   ./dev.sh setup   set up only
#
# Setting up: the Debian packages Qt, the fonts, LibreOffice (PDF export) and the test PostgreSQL server need (when
# missing; needs root or sudo), then the virtual environment in .venv/ with ipdesk installed
# in editable mode. Both steps are skipped when already done.
set -euo pipefail
cd "$(dirname "$0")"

QT_PACKAGES="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3"
WINDOW_PACKAGES="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0"
WINDOW_PACKAGES="$WINDOW_PACKAGES libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 libxcb-image0"
FONT_PACKAGES="fonts-noto-cjk"
# PDF export and the templates' page check (LibreOffice headless); pdftotext reads the pages back
DOCUMENT_PACKAGES="libreoffice-writer-nogui poppler-utils"
TEST_PACKAGES="postgresql"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_debian_packages() {
    local wanted=("$@") missing=()
    command -v dpkg-query >/dev/null || { log "not a Debian system: install ${wanted[*]} yourself"; return 0; }
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { log "missing packages (run as root): ${missing[*]}"; exit 1; }
        sudo="sudo"
    fi
    log "installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_venv() {
    local stamp=.venv/.ipdesk-installed
    if [ ! -x .venv/bin/python ]; then
        log "creating .venv"
        python3 -m venv .venv
    fi
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        log "installing ipdesk and its dependencies into .venv"
        .venv/bin/python -m pip install -q --upgrade pip
        .venv/bin/python -m pip install -q -e '.[dev]'
        touch "$stamp"
    fi
}

cmd="${1:-}"
shift || true
case "$cmd" in
    setup)
        # shellcheck disable=SC2086
        install_debian_packages $QT_PACKAGES $WINDOW_PACKAGES $FONT_PACKAGES $DOCUMENT_PACKAGES $TEST_PACKAGES
        setup_venv
        ;;
    app)
        # shellcheck disable=SC2086
        install_debian_packages $QT_PACKAGES $WINDOW_PACKAGES $FONT_PACKAGES $DOCUMENT_PACKAGES
        setup_venv
        exec .venv/bin/ipdesk --demo "$@"
        ;;
    test)
        # shellcheck disable=SC2086
        install_debian_packages $QT_PACKAGES $FONT_PACKAGES $DOCUMENT_PACKAGES $TEST_PACKAGES
        setup_venv
        log "ruff"
        .venv/bin/ruff check .
        .venv/bin/ruff format --check .
        log "mypy"
        .venv/bin/mypy ipdesk tests
        log "import contracts (pyproject.toml [tool.importlinter])"
        .venv/bin/lint-imports
        log "pytest (SQLite and PostgreSQL), one worker per core"
        # Each worker runs whole test files (module fixtures built once) with its own
        # throw-away PostgreSQL server; IPDESK_TEST_WORKERS=0 runs in this process.
        QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest \
            -n "${IPDESK_TEST_WORKERS:-auto}" --dist loadfile "$@"
        ;;
    *)
        echo "usage: ./dev.sh app|test|setup" >&2
        exit 2
        ;;
esac
