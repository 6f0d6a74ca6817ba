"""The QSettings keys of ipdesk, their defaults and typed readers: the one place to look
them up.

Where the values live: on Windows in the registry under ``HKEY_CURRENT_USER\\Software\\
ipdesk\\ipdesk``, on Linux in ``~/.config/ipdesk/ipdesk.conf`` (QSettings' native format for
organisation "ipdesk", application "ipdesk"). Both belong to the user, not to the
installation: an upgrade or a reinstall keeps them.

=====================================  ==========  ===========================================
key                                    type        default / meaning
=====================================  ==========  ===========================================
``ui/language``                        str         unset: from the system locale; "zh_CN"/"en"
``alerts/scan_interval_minutes``       int         5 (1 … 1440): how often the alert scan runs
``attachments/max_size_mb``            int         50 (1 … 2048): largest attachment accepted
``backup/folder``                      str         <user data dir>/backups
``database/kind``                      str         unset: first start (wizard); "embedded",
                                                   "postgresql" or "server" (ipdesk-server)
``server/url``                         str         network mode: https://host:port of ipdesk-server
``server/ca_file``                     str         network mode: the deployment CA's PEM file
``database/path``                      str         embedded: <user data dir>/ipdesk.sqlite3
``database/host``                      str         PostgreSQL server name or address
``database/port``                      int         5432
``database/name``                      str         "ipdesk"
``database/user``                      str         "ipdesk"
``database/password_in_keyring``       bool        false: ask for the password at each start;
                                                   true: the system keyring holds it. The
                                                   password itself is never in QSettings.
``main_window/geometry``               bytes       the main window's size and position
``main_window/state``                  bytes       tool bars and docks
``main_window/splitter``               bytes       organisation tree | work area
``columns/<table>``                    bytes       a table's column widths, order and sorting
                                                   (``MainWindow.remember_columns``)
=====================================  ==========  ===========================================

``ipdesk --database-url URL`` and ``$IPDESK_DATABASE_URL`` override the ``database/*`` keys
for one run; ``--lang`` overrides ``ui/language``. Readers here never fail: a missing or
malformed value gives the default, an out-of-range number the nearest allowed one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ipdesk import paths

LANGUAGE = "ui/language"
ALERT_SCAN_INTERVAL_MINUTES = "alerts/scan_interval_minutes"
ATTACHMENT_MAX_SIZE_MB = "attachments/max_size_mb"
BACKUP_FOLDER = "backup/folder"

DATABASE_KIND = "database/kind"
DATABASE_PATH = "database/path"
DATABASE_HOST = "database/host"
DATABASE_PORT = "database/port"
DATABASE_NAME = "database/name"
DATABASE_USER = "database/user"
DATABASE_PASSWORD_IN_KEYRING = "database/password_in_keyring"
SERVER_URL = "server/url"
SERVER_CA_FILE = "server/ca_file"

MAIN_WINDOW_GEOMETRY = "main_window/geometry"
MAIN_WINDOW_STATE = "main_window/state"
MAIN_WINDOW_SPLITTER = "main_window/splitter"
COLUMNS_PREFIX = "columns/"

LANGUAGES = ("zh_CN", "en")
EMBEDDED = "embedded"
POSTGRESQL = "postgresql"
SERVER = "server"

DEFAULT_ALERT_SCAN_INTERVAL_MINUTES = 5
ALERT_SCAN_INTERVAL_RANGE = (1, 24 * 60)
DEFAULT_ATTACHMENT_MAX_SIZE_MB = 50
ATTACHMENT_MAX_SIZE_RANGE = (1, 2048)
DEFAULT_POSTGRESQL_PORT = 5432
DEFAULT_DATABASE_NAME = "ipdesk"
DEFAULT_DATABASE_USER = "ipdesk"


def default_backup_folder() -> Path:
    return paths.user_data_dir() / "backups"


# -- typed readers ---------------------------------------------------------------------------


def read_str(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key)
    return value if isinstance(value, str) and value else default


def read_int(settings: QSettings, key: str, default: int, bounds: tuple[int, int]) -> int:
    """An int setting clamped to ``bounds``; ``default`` when missing or not a number."""
    value = settings.value(key)
    if isinstance(value, bool) or value is None:
        return default
    try:
        number = value if isinstance(value, int) else int(str(value).strip())
    except ValueError:
        return default
    low, high = bounds
    return min(max(number, low), high)


def read_bool(settings: QSettings, key: str, default: bool = False) -> bool:
    value = settings.value(key)
    if isinstance(value, bool):
        return value
    if isinstance(value, str):  # INI files give strings back
        return value.strip().lower() in ("true", "1", "yes")
    if isinstance(value, int):
        return value != 0
    return default


def language(settings: QSettings) -> str | None:
    """The saved language, or None to follow the system."""
    value = settings.value(LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else None


def alert_scan_interval_minutes(settings: QSettings) -> int:
    return read_int(
        settings,
        ALERT_SCAN_INTERVAL_MINUTES,
        DEFAULT_ALERT_SCAN_INTERVAL_MINUTES,
        ALERT_SCAN_INTERVAL_RANGE,
    )


def attachment_max_size_mb(settings: QSettings) -> int:
    return read_int(
        settings, ATTACHMENT_MAX_SIZE_MB, DEFAULT_ATTACHMENT_MAX_SIZE_MB, ATTACHMENT_MAX_SIZE_RANGE
    )


def attachment_max_bytes(settings: QSettings) -> int:
    """The attachment limit in bytes, as ``ipdesk.services.cases.intake`` takes it."""
    return attachment_max_size_mb(settings) * 1024 * 1024


def backup_folder(settings: QSettings) -> Path:
    saved = read_str(settings, BACKUP_FOLDER)
    return Path(saved) if saved else default_backup_folder()
