"""Which database this computer uses: the configuration in QSettings, the PostgreSQL
password in the system keyring, and testing a connection.

The password of the shared PostgreSQL server is never written to QSettings. When the
optional ``keyring`` package is installed (``pip install ipdesk[keyring]``; the Windows
build includes it) and the system has a keyring (Windows Credential Manager, the Secret
Service of GNOME/KDE), the password is kept there under the service ``ipdesk`` and the
account ``user@host:port/database``. Otherwise ipdesk asks for it at each start.

Nothing here shows anything: the widgets call these functions (the slow ones from a
background task) and translate the ``ConnectionProblem`` codes.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from ipdesk import db, paths
from ipdesk.ui.settings import keys

log = logging.getLogger(__name__)

KEYRING_SERVICE = "ipdesk"
CONNECT_TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class DatabaseConfig:
    """Where the database is. ``kind`` is ``keys.EMBEDDED`` or ``keys.POSTGRESQL``."""

    kind: str
    path: Path = Path()
    host: str = ""
    port: int = keys.DEFAULT_POSTGRESQL_PORT
    name: str = keys.DEFAULT_DATABASE_NAME
    user: str = keys.DEFAULT_DATABASE_USER
    password_in_keyring: bool = False

    @classmethod
    def embedded(cls, path: Path | None = None) -> DatabaseConfig:
        return cls(keys.EMBEDDED, path=path or paths.default_sqlite_path())

    @classmethod
    def postgresql(
        cls,
        host: str,
        port: int = keys.DEFAULT_POSTGRESQL_PORT,
        name: str = keys.DEFAULT_DATABASE_NAME,
        user: str = keys.DEFAULT_DATABASE_USER,
        *,
        password_in_keyring: bool = False,
    ) -> DatabaseConfig:
        return cls(
            keys.POSTGRESQL,
            host=host.strip(),
            port=port,
            name=name.strip(),
            user=user.strip(),
            password_in_keyring=password_in_keyring,
        )

    @property
    def is_embedded(self) -> bool:
        return self.kind == keys.EMBEDDED

    def url(self, password: str = "") -> URL:
        if self.is_embedded:
            return URL.create("sqlite", database=str(self.path))
        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=password or None,
            host=self.host or None,
            port=self.port,
            database=self.name or None,
            query={"connect_timeout": str(CONNECT_TIMEOUT_SECONDS)},
        )

    def label(self) -> str:
        """Names the database for people and logs; never contains the password."""
        if self.is_embedded:
            return db.describe(self.url())
        return f"PostgreSQL {self.keyring_account()}"

    def keyring_account(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.name}"

    def with_keyring(self, stored: bool) -> DatabaseConfig:
        return replace(self, password_in_keyring=stored)


# -- QSettings -------------------------------------------------------------------------------


def load_config(settings: QSettings) -> DatabaseConfig | None:
    """The configured database; None before the first start has chosen one."""
    kind = keys.read_str(settings, keys.DATABASE_KIND)
    if kind == keys.EMBEDDED:
        saved = keys.read_str(settings, keys.DATABASE_PATH)
        return DatabaseConfig.embedded(Path(saved) if saved else None)
    if kind == keys.POSTGRESQL:
        return DatabaseConfig.postgresql(
            keys.read_str(settings, keys.DATABASE_HOST),
            keys.read_int(settings, keys.DATABASE_PORT, keys.DEFAULT_POSTGRESQL_PORT, (1, 65535)),
            keys.read_str(settings, keys.DATABASE_NAME, keys.DEFAULT_DATABASE_NAME),
            keys.read_str(settings, keys.DATABASE_USER, keys.DEFAULT_DATABASE_USER),
            password_in_keyring=keys.read_bool(settings, keys.DATABASE_PASSWORD_IN_KEYRING),
        )
    return None


def save_config(settings: QSettings, config: DatabaseConfig) -> None:
    """Write ``config`` (never a password) and sync."""
    settings.setValue(keys.DATABASE_KIND, config.kind)
    if config.is_embedded:
        settings.setValue(keys.DATABASE_PATH, str(config.path))
        for key in (
            keys.DATABASE_HOST,
            keys.DATABASE_PORT,
            keys.DATABASE_NAME,
            keys.DATABASE_USER,
            keys.DATABASE_PASSWORD_IN_KEYRING,
        ):
            settings.remove(key)
    else:
        settings.remove(keys.DATABASE_PATH)
        settings.setValue(keys.DATABASE_HOST, config.host)
        settings.setValue(keys.DATABASE_PORT, config.port)
        settings.setValue(keys.DATABASE_NAME, config.name)
        settings.setValue(keys.DATABASE_USER, config.user)
        settings.setValue(keys.DATABASE_PASSWORD_IN_KEYRING, config.password_in_keyring)
    settings.sync()


# -- the system keyring ----------------------------------------------------------------------


def _keyring() -> Any | None:
    """The ``keyring`` module when installed (an optional dependency), else None."""
    try:
        return importlib.import_module("keyring")
    except ImportError:
        return None


def keyring_available() -> bool:
    """True when the ``keyring`` package is installed and has a usable backend."""
    module = _keyring()
    if module is None:
        return False
    try:
        backend = module.get_keyring()
    except Exception:  # a broken backend configuration: no keyring
        log.warning("The system keyring cannot be used", exc_info=True)
        return False
    priority = getattr(backend, "priority", 1)
    return bool(priority is None or priority > 0)


def store_password(config: DatabaseConfig, password: str) -> bool:
    """Keep the password in the system keyring; False when that is not possible."""
    module = _keyring()
    if module is None:
        return False
    try:
        module.set_password(KEYRING_SERVICE, config.keyring_account(), password)
    except Exception:
        log.warning("Could not store the database password in the keyring", exc_info=True)
        return False
    return True


def stored_password(config: DatabaseConfig) -> str | None:
    """The password kept in the system keyring, or None."""
    if config.is_embedded or not config.password_in_keyring:
        return None
    module = _keyring()
    if module is None:
        return None
    try:
        value = module.get_password(KEYRING_SERVICE, config.keyring_account())
    except Exception:
        log.warning("Could not read the database password from the keyring", exc_info=True)
        return None
    return value if isinstance(value, str) else None


def forget_password(config: DatabaseConfig) -> None:
    module = _keyring()
    if module is None or config.is_embedded:
        return
    try:
        module.delete_password(KEYRING_SERVICE, config.keyring_account())
    except Exception:  # nothing stored, or no keyring: nothing to forget
        log.debug("No keyring entry removed for %s", config.keyring_account())


# -- testing a connection --------------------------------------------------------------------


@dataclass(frozen=True)
class ConnectionReport:
    """A successful test: the server's version (e.g. "PostgreSQL 15.8")."""

    server: str


class ConnectionProblem(Exception):
    """A connection test failed. ``code`` says why, for a translated text:

    ``refused`` (nothing listens there), ``unknown_host``, ``timeout``, ``password``
    (authentication failed), ``no_database``, ``no_permission``, ``missing_host``,
    ``missing_user``, ``missing_database``, ``other``. ``detail`` is the driver's first line.
    """

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def check_config(config: DatabaseConfig) -> None:
    """Refuse an incomplete PostgreSQL configuration before trying to connect."""
    if config.is_embedded:
        return
    if not config.host:
        raise ConnectionProblem("missing_host")
    if not config.name:
        raise ConnectionProblem("missing_database")
    if not config.user:
        raise ConnectionProblem("missing_user")


def try_connection(config: DatabaseConfig, password: str) -> ConnectionReport:
    """Connect once and ask the server's version. Slow (up to the connect timeout): call it
    from a background task. Raises ConnectionProblem."""
    check_config(config)
    engine = db.make_engine(config.url(password), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            if config.is_embedded:
                version = conn.execute(text("select sqlite_version()")).scalar_one()
                return ConnectionReport(f"SQLite {version}")
            raw = conn.execute(text("show server_version")).scalar_one()
            return ConnectionReport(f"PostgreSQL {str(raw).split()[0]}")
    except SQLAlchemyError as exc:
        raise classify(exc) from exc
    finally:
        engine.dispose()


_SQLSTATES = {
    "28P01": "password",  # invalid_password
    "28000": "password",  # invalid_authorization_specification (pg_hba refused)
    "3D000": "no_database",  # invalid_catalog_name
    "42501": "no_permission",  # insufficient_privilege
}
_TEXTS = (
    ("password authentication failed", "password"),
    ("no password supplied", "password"),
    ("does not exist", "no_database"),
    ("connection refused", "refused"),
    ("failed to resolve host", "unknown_host"),
    ("could not translate host name", "unknown_host"),
    ("name or service not known", "unknown_host"),
    ("timeout expired", "timeout"),
    ("timed out", "timeout"),
)


def classify(error: BaseException) -> ConnectionProblem:
    """The ConnectionProblem for a driver error: by SQLSTATE, else by the message."""
    orig = getattr(error, "orig", None) or error
    message = str(orig).strip()
    detail = message.splitlines()[0] if message else type(orig).__name__
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate in _SQLSTATES:
        return ConnectionProblem(_SQLSTATES[sqlstate], detail)
    lowered = message.lower()
    for needle, code in _TEXTS:
        if needle in lowered:
            return ConnectionProblem(code, detail)
    return ConnectionProblem("other", detail)
