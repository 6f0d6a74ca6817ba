"""Where ipdesk keeps its files on this machine (platformdirs)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "ipdesk"
APP_AUTHOR = "ipdesk"

PACKAGE_DIR = Path(__file__).resolve().parent
# forms/ and resources/ sit beside the package in the source tree; PyInstaller puts them
# at the root of the bundle (installer/ipdesk.spec).
ROOT_DIR = Path(getattr(sys, "_MEIPASS", PACKAGE_DIR.parent))
FORMS_DIR = ROOT_DIR / "forms"
RESOURCES_DIR = ROOT_DIR / "resources"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_sqlite_path() -> Path:
    return user_data_dir() / "ipdesk.sqlite3"
