"""``ipdesk``: the desktop application. Wires logging, settings, fonts, translations, the
database and the main window together once at start-up.

Which database: ``--demo`` (a temporary one), else ``--database-url`` or
``$IPDESK_DATABASE_URL``, else the one chosen at the first start (QSettings, see
``ipdesk.ui.settings.keys``). Before anything has been chosen the first-start wizard runs
(``ipdesk.ui.setup_wizard``); ``--setup`` runs it again.

``ipdesk --self-test`` checks an installation without showing anything: it opens a fresh
temporary database, migrates and seeds it, generates a few demo cases, renders documents
and exits 0, or 1 with one line on stderr naming the step that failed.

Logs go to ``ipdesk.log`` in the user log directory, rotated (``setup_logging``); a filter
masks anything that looks like an ID number or a mobile number.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import logging.handlers
import os
import platform
import re
import shutil
import sys
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

# The start's imports (SQLAlchemy, the models, the services, Qt: some 115,000 objects the
# collector tracks, which live as long as the program) run with the cyclic collector
# paused: it would go over them again and again as they come (about 90 ms of CPU, a tenth
# of the start, 230 collections). They are then frozen out of its later collections
# (gc.freeze), each full one of which would cost some 30 ms more. ``main`` does the same
# for the window's modules (some 23,000 more).
try:
    _collecting = gc.isenabled()
    gc.disable()
    # First the --user's password check (argon2, some 0.2 s that let go of the GIL): it
    # runs beside everything below, and ``EarlyStart``'s sign-in takes its answer.
    from ipdesk import sign_in_ahead

    _CHECK_AHEAD = sign_in_ahead.begin(sys.argv[1:])

    # The core before Qt: PySide6 hooks every import after its own to read the module's
    # source (for ``from __feature__ import ...``, which ipdesk does not use), about 0.3 ms
    # a module: SQLAlchemy, the models and the services (some 400 modules) come before it.
    from sqlalchemy import Engine
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session, sessionmaker

    from ipdesk import db, paths
    from ipdesk.logging_setup import PersonalDataFilter
    from ipdesk.services.actors import Actor
    from ipdesk.services.admin import auth
    from ipdesk.services.admin.auth import SignedIn
    from ipdesk.services.admin.setup import initialise
    from ipdesk.services.errors import ServiceError
    from ipdesk.services.infra import audit, backup

    # isort: split
    from PySide6.QtCore import (
        QCoreApplication,
        QEventLoop,
        QLibraryInfo,
        QLocale,
        QMessageLogContext,
        QSettings,
        QThreadPool,
        QTimer,
        QtMsgType,
        QTranslator,
        qInstallMessageHandler,
    )
finally:
    gc.freeze()
    if _collecting:
        gc.enable()


def _skip_feature_scan() -> None:
    """PySide6 reads the source of every module imported after it (``inspect.getsource``)
    to see whether it names PySide6, for its ``from __feature__ import`` switches
    (snake_case, true_property) that ipdesk does not use: about 0.3 ms a module, some 300
    at start (the window's, psycopg, ...) and more when a page is first shown. Every module
    is left out of the switches instead; a module that imports ``__feature__`` still gets
    them (that import sets its own entry). Nothing happens with a PySide6 without it."""
    try:
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return
    if callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: False


_skip_feature_scan()

# The window's modules (Qt's widgets, ipdesk.ui) are imported by ``main`` once the database
# is opening on a thread of its own (``EarlyStart``), and by each function that needs them.
if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ipdesk.demo.generator import DemoSummary
    from ipdesk.ui import network
    from ipdesk.ui.desk import Gate
    from ipdesk.ui.main_window import MainWindow
    from ipdesk.ui.sessions import OpenWindow
    from ipdesk.ui.settings.database import DatabaseConfig
    from ipdesk.ui.stores import FileStores

log = logging.getLogger(__name__)

T = TypeVar("T")

LANGUAGES = ("zh_CN", "en")  # ipdesk.ui.settings.keys's (which imports the settings dialog)
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_KEY = "ui/language"  # keys.LANGUAGE
I18N_DIR = paths.RESOURCES_DIR / "i18n"
ICONS_DIR = paths.RESOURCES_DIR / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
LOG_FILE_NAME = "ipdesk.log"
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUP_COUNT = 5
SELF_TEST_CASES = 20
# Simplified Chinese first: with fonts-noto-cjk alone Qt may pick the Japanese variant.
CJK_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")
DEMO_CASES = 3000
PASSWORD_ENV = "IPDESK_PASSWORD"
DEMO_USER_HINT = "city"
SCREENSHOT_TIMEOUT_MS = 10 * 60 * 1000
CHECK_WAIT_S = 1.0
"""How long the start waits for the --user's password check to begin before it imports the
window's modules anyway (a database being migrated, or far away)."""
SCREENSHOT_POLL_MS = 100
SCREENSHOT_QUIET_POLLS = 3  # no load running for this many polls in a row

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("context", "text")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ipdesk",
        description="IP rights protection aid and mediation desktop client. "
        "Qt options (-platform, -style, ...) are passed on to Qt.",
        allow_abbrev=False,
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--database-url",
        default=None,
        help=f"SQLAlchemy URL (default: ${db.ENV_URL} or the embedded database)",
    )
    where.add_argument(
        "--demo",
        action="store_true",
        help=f"work on a fresh temporary database filled with {DEMO_CASES} demo cases",
    )
    where.add_argument(
        "--setup",
        action="store_true",
        help="run the first-start wizard again (choose the database, ...)",
    )
    where.add_argument(
        "--server",
        default=None,
        metavar="URL",
        help="work through ipdesk-server at URL (https://host:port) instead of a database",
    )
    parser.add_argument(
        "--server-ca",
        default=None,
        metavar="FILE",
        help="the certificate authority that signed the server's certificate (PEM)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="user-interface language")
    parser.add_argument(
        "--user",
        default=None,
        metavar="NAME",
        help=f"sign in as NAME without the dialog; the password comes from ${PASSWORD_ENV} "
        "(with --demo: the demo password)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        metavar="PATH",
        help="save a PNG of the main window once its data has loaded, then quit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a temporary database without showing anything; "
        "exit 0 when it works",
    )
    return parser


# -- logs -----------------------------------------------------------------------------------


def setup_logging(log_dir: Path | None = None, *, level: int = logging.INFO) -> Path | None:
    """Log to ``<log_dir>/ipdesk.log`` (rotated: 5 older files of 2 MB, UTF-8) and
    warnings to stderr when there is one. Returns the log file, or None when the folder
    cannot be written (then only stderr)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "ipdesk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    # APScheduler says "Running job … executed successfully" on every scan.
    logging.getLogger("apscheduler").setLevel(max(level, logging.WARNING))
    masking = PersonalDataFilter()
    if sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console.addFilter(masking)
        console.ipdesk = True  # type: ignore[attr-defined]
        root.addHandler(console)
    folder = log_dir if log_dir is not None else paths.user_log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE_NAME,
            maxBytes=LOG_MAX_BYTES,
            backupCount=LOG_BACKUP_COUNT,
            encoding="utf-8",
        )
    except OSError as exc:
        log.warning("Cannot write the log file in %s: %s", folder, exc)
        return None
    file_handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    )
    file_handler.addFilter(masking)
    file_handler.ipdesk = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    logging.captureWarnings(True)
    return folder / LOG_FILE_NAME


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """sys.excepthook: an error nobody caught goes to the log (a windowed program on
    Windows has no console to show it), then to the default hook."""
    if not issubclass(kind, KeyboardInterrupt):
        log.critical("Uncaught exception", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def ipdesk_version() -> str:
    try:
        return metadata.version("ipdesk")
    except metadata.PackageNotFoundError:
        return "?"


# -- icon -----------------------------------------------------------------------------------


def app_icon() -> QIcon:
    """The window icon in every size rendered from resources/icons/ipdesk.svg (high-DPI
    screens take the larger ones)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        path = ICONS_DIR / f"ipdesk-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon


# -- language and fonts ---------------------------------------------------------------------


def choose_language(requested: str | None, settings: QSettings, system: QLocale) -> str:
    """--lang, else the saved choice, else the system's: English for an English locale,
    Chinese (the users' language) for every other one, C/POSIX included."""
    from ipdesk.ui.settings import keys

    if requested in LANGUAGES:
        return str(requested)
    saved = keys.language(settings)
    if saved is not None:
        return saved
    if system.language() == QLocale.Language.English:
        return "en"
    return DEFAULT_LANGUAGE


# Texts that newer Qt versions renamed and whose translation files (qtbase_zh_CN among
# them) still carry only the older wording: (context, text, disambiguation) -> the older
# (context, text) that the same file translates.
QT_RENAMED_TEXTS: dict[tuple[str, str, str], tuple[str, str]] = {
    ("QFileDialog", "&Look in:", ""): ("QFileDialog", "Look in:"),
    ("QFileDialog", "Files of &type:", ""): ("QFileDialog", "Files of type:"),
    ("QAbstractFileIconProvider", "Folder", "All other platforms"): ("QFileDialog", "Folder"),
    ("QAbstractFileIconProvider", "Folder", ""): ("QFileDialog", "Folder"),
    ("QAbstractFileIconProvider", "Drive", ""): ("QFileDialog", "Drive"),
    ("QAbstractFileIconProvider", "File", ""): ("QFileDialog", "File"),
}
_MNEMONIC = re.compile(r"&(\w)")
_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_HASHES, _QM_MESSAGES = 0x42, 0x69
_QM_END, _QM_TRANSLATION, _QM_SOURCE, _QM_CONTEXT, _QM_COMMENT = 1, 3, 6, 7, 8
_qm_data: list[bytes] = []  # a QTranslator loaded from memory does not copy its data


def _elf_hash(data: bytes) -> int:
    """Qt's hash of a message's source text and comment in a .qm file."""
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def qm_file(messages: Iterable[tuple[str, str, str, str]]) -> bytes:
    """A compiled translation file (.qm) of (context, source, disambiguation, translation)
    messages, as ``lrelease`` writes one."""
    body, hashes = bytearray(), []

    def field(tag: int, data: bytes) -> bytes:
        return bytes([tag]) + len(data).to_bytes(4, "big") + data

    for context, source, comment, translation in messages:
        hashes.append((_elf_hash((source + comment).encode()), len(body)))
        body += field(_QM_TRANSLATION, translation.encode("utf-16-be"))
        body += field(_QM_SOURCE, source.encode())
        body += field(_QM_CONTEXT, context.encode())
        body += field(_QM_COMMENT, comment.encode())
        body += bytes([_QM_END])
    table = b"".join(h.to_bytes(4, "big") + o.to_bytes(4, "big") for h, o in sorted(hashes))
    return _QM_MAGIC + field(_QM_HASHES, table) + field(_QM_MESSAGES, bytes(body))


def renamed_qt_texts(qt: QTranslator) -> QTranslator | None:
    """A translator of :data:`QT_RENAMED_TEXTS` through their older wording in ``qt`` (Qt's
    own translator for the language), so that Qt's file dialog is not half English; a
    mnemonic (&L) the older wording lacks is kept as "(&L)". None when ``qt`` has none."""
    messages = []
    for (context, source, comment), (old_context, old_source) in QT_RENAMED_TEXTS.items():
        text = qt.translate(old_context, old_source)
        if not text:
            continue
        mnemonic = _MNEMONIC.search(source)
        if mnemonic and "&" not in text:
            stem = text.rstrip(":：")
            text = f"{stem}(&{mnemonic.group(1).upper()}){text[len(stem) :]}"
        messages.append((context, source, comment, text))
    if not messages:
        return None
    data = qm_file(messages)
    translator = QTranslator()
    if not translator.load(data):
        return None
    _qm_data.append(data)
    return translator


def load_translators(language: str) -> list[QTranslator]:
    """Qt's own texts (standard buttons and dialogs: qtbase, which PySide6 ships) and
    ipdesk's, for ``language``."""
    translators: list[QTranslator] = []
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        translators.append(qt)
        renamed = renamed_qt_texts(qt)
        if renamed is not None:
            translators.append(renamed)
    elif language != "en":
        log.warning("No Qt translations for %s in %s", language, qt_dir)
    own = QTranslator()
    if own.load(f"ipdesk_{language}", str(I18N_DIR)):
        translators.append(own)
    else:
        log.warning("No translations for %s in %s", language, I18N_DIR)
    return translators


def choose_font_family(available: Iterable[str]) -> str | None:
    families = set(available)
    return next((f for f in CJK_FAMILIES if f in families), None)


def _apply_font(app: QApplication) -> None:
    from PySide6.QtGui import QFont, QFontDatabase

    family = choose_font_family(QFontDatabase.families())
    if family is None:
        log.warning("No Simplified Chinese font found; Chinese text may not display")
        return
    font = QFont(app.font())
    font.setFamilies([family, *font.families()])
    app.setFont(font)


# -- database -------------------------------------------------------------------------------


def open_database(url: str) -> Engine:
    """Engine on a database migrated to the newest schema and seeded. Raises on failure."""
    engine = db.make_engine(url)
    try:
        initialise(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def run_with_progress(func: Callable[[], T], text: str, *, interactive: bool) -> T:
    """Run ``func`` in the background while the event loop keeps turning; when interactive,
    a busy dialog shows if it takes longer than half a second. Returns its result or
    raises its error."""
    from PySide6.QtWidgets import QProgressDialog

    from ipdesk.ui.tasks import run_task

    outcome: list[tuple[bool, object]] = []
    dialog: QProgressDialog | None = None
    if interactive:
        dialog = QProgressDialog(text, "", 0, 0)
        dialog.setWindowTitle("ipdesk")
        dialog.setCancelButton(None)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        shown = dialog  # not for what is over in a moment:
        QTimer.singleShot(500, shown, lambda: None if outcome else shown.show())
    loop = QEventLoop()

    def finish(succeeded: bool, payload: object) -> None:
        outcome.append((succeeded, payload))
        loop.quit()

    run_task(func, lambda r: finish(True, r), lambda e: finish(False, e))
    if not outcome:
        loop.exec()
    if dialog is not None:
        dialog.close()
        dialog.deleteLater()
    succeeded, payload = outcome[0]
    if not succeeded:
        assert isinstance(payload, BaseException)
        raise payload
    return payload  # type: ignore[return-value]


@dataclass(frozen=True)
class Opened:
    """The database the session works on."""

    engine: Engine
    label: str
    signed_in: SignedIn | None = None
    """Set when the first-start wizard created the administrator: no sign-in needed."""


CANCELLED = 0
"""Exit status when the user cancelled before the main window (nothing went wrong)."""
FAILED = 1


def run_setup_wizard(settings: QSettings) -> Opened | int:
    """The first-start wizard; CANCELLED when the user cancelled it."""
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QDialog

    from ipdesk.ui.setup_wizard import SetupWizard

    logo = QPixmap(str(ICONS_DIR / "ipdesk-64.png"))
    wizard = SetupWizard(settings, logo=logo)
    accepted = wizard.exec() == QDialog.DialogCode.Accepted
    try:
        if not accepted or wizard.config is None:
            return CANCELLED
        return Opened(wizard.take_engine(), wizard.config.label(), wizard.signed_in)
    finally:
        wizard.deleteLater()


def _open_errors() -> tuple[type[BaseException], ...]:
    """What opening a database may fail with, to be told to the user: Alembic's errors
    too once Alembic is loaded (it is not imported for its exception class alone)."""
    errors: tuple[type[BaseException], ...] = (ServiceError, SQLAlchemyError, OSError, ValueError)
    alembic_errors = sys.modules.get("alembic.util.exc")
    if alembic_errors is not None:
        errors += (alembic_errors.CommandError,)
    return errors


def _open_in_background(
    url: str, label: str, *, interactive: bool, early: EarlyStart | None = None
) -> Engine:
    opening: Callable[[], Engine] = lambda: open_database(url)  # noqa: E731
    if early is not None and early.url == url:
        if early.engine.done():  # opened since the start: no task, no event loop to wait
            return early.engine.result()
        opening = early.engine.result  # opening since the start
    return run_with_progress(
        opening,
        translate("app", "Opening the database {0}…").format(label),
        interactive=interactive,
    )


def _open_url(url: str, *, interactive: bool, early: EarlyStart | None = None) -> Opened | int:
    """The database at ``url`` (given on the command line or in the environment)."""
    label = url.split("://", 1)[0]  # until describe() has vetted the URL
    try:
        label = db.describe(url)
        engine = _open_in_background(url, label, interactive=interactive, early=early)
        return Opened(engine, label)
    except _open_errors() as exc:
        _report_open_failure(label, exc, interactive=interactive)
        return FAILED


def _report_open_failure(label: str, exc: BaseException, *, interactive: bool) -> None:
    log.error("Opening the database %s failed", label, exc_info=exc)
    text = translate("app", "The database could not be opened:\n{0}\n\n{1}").format(
        label, _failure_text(exc)
    )
    _complain(text)
    if interactive:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, translate("app", "Cannot open the database"), text)


def _failure_text(exc: BaseException) -> str:
    from ipdesk.ui.messages import error_text
    from ipdesk.ui.settings.database import ConnectionProblem

    if isinstance(exc, ConnectionProblem):
        return exc.detail or exc.code
    return error_text(exc)


def _open_configured(
    config: DatabaseConfig, settings: QSettings, *, interactive: bool
) -> Opened | int:
    """The database chosen at the first start. When it cannot be opened, the user may try
    again (another password), run the first-start wizard again, or quit (FAILED)."""
    from ipdesk.ui.settings import database
    from ipdesk.ui.settings.connection_form import problem_text
    from ipdesk.ui.settings.database import ConnectionProblem

    problem = ""
    password = database.stored_password(config) or ""
    asked = False
    while True:
        if not config.is_embedded and not password and interactive:
            entered = _ask_password(config, problem)
            if entered is None:
                return CANCELLED
            password, remember = entered
            asked = True
            if remember and database.store_password(config, password):
                config = config.with_keyring(True)
                database.save_config(settings, config)
        label = config.label()
        url = config.url(password).render_as_string(hide_password=False)
        try:
            return Opened(_open_in_background(url, label, interactive=interactive), label)
        except _open_errors() as exc:
            failure: BaseException = exc
            if isinstance(exc, SQLAlchemyError) and not config.is_embedded:
                failure = database.classify(exc)
            log.error("Opening the database %s failed", label, exc_info=exc)
            if not interactive:
                _report_open_failure(label, failure, interactive=False)
                return FAILED
            if isinstance(failure, ConnectionProblem) and failure.code == "password":
                problem = problem_text(failure, config)
                password = ""  # ask again, saying why
                continue
            if asked:
                password = ""
            choice = _ask_after_failure(label, failure, config)
            if choice == "setup":
                return run_setup_wizard(settings)
            if choice != "retry":
                return FAILED


def _ask_password(config: DatabaseConfig, problem: str) -> tuple[str, bool] | None:
    from PySide6.QtWidgets import QDialog

    from ipdesk.ui.settings import database
    from ipdesk.ui.settings.password_dialog import DatabasePasswordDialog

    dialog = DatabasePasswordDialog(
        config, problem=problem, can_remember=database.keyring_available()
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.password(), dialog.remember()
    finally:
        dialog.deleteLater()


def _ask_after_failure(label: str, failure: BaseException, config: DatabaseConfig) -> str:
    """ "retry", "setup" or "quit"."""
    from PySide6.QtWidgets import QMessageBox

    from ipdesk.ui.messages import error_text
    from ipdesk.ui.settings.connection_form import problem_text
    from ipdesk.ui.settings.database import ConnectionProblem

    if isinstance(failure, ConnectionProblem):
        reason = problem_text(failure, config)
    else:
        reason = error_text(failure)
    box = QMessageBox(QMessageBox.Icon.Critical, translate("app", "Cannot open the database"), "")
    box.setText(
        translate("app", "The database could not be opened:\n{0}\n\n{1}").format(label, reason)
    )
    box.setInformativeText(
        translate(
            "app",
            "Try again once the problem is solved, or choose another database in the "
            "first-start wizard.",
        )
    )
    retry = box.addButton(translate("app", "&Try again"), QMessageBox.ButtonRole.AcceptRole)
    setup = box.addButton(
        translate("app", "&Choose the database…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is retry:
        return "retry"
    if clicked is setup:
        return "setup"
    return "quit"


def choose_database(
    args: argparse.Namespace,
    settings: QSettings,
    *,
    interactive: bool,
    demo_dir: str | None,
    early: EarlyStart | None = None,
) -> Opened | int:
    """Open the database this run works on (see the module docstring); else the exit
    status: FAILED when it could not be opened (already reported), CANCELLED when the user
    cancelled. ``early``: the database named on the command line, opening already."""
    from ipdesk.ui.settings import database
    from ipdesk.ui.settings.database import DatabaseConfig

    if demo_dir is not None:
        return _open_url(f"sqlite:///{Path(demo_dir) / 'demo.sqlite3'}", interactive=interactive)
    url = args.database_url or os.environ.get(db.ENV_URL)
    if url:
        return _open_url(url, interactive=interactive, early=early)
    config = None if args.setup else database.load_config(settings)
    if config is None:
        existing = paths.default_sqlite_path()
        if existing.exists() and not args.setup:
            # a database from before the wizard existed: keep using it, no questions
            config = DatabaseConfig.embedded(existing)
            database.save_config(settings, config)
        elif interactive:
            return run_setup_wizard(settings)
        else:
            config = DatabaseConfig.embedded()
    return _open_configured(config, settings, interactive=interactive)


def generate_demo_data(session_factory: sessionmaker[Session], *, interactive: bool) -> int | None:
    """Fill the database with demo cases off the GUI thread while a progress dialog shows;
    return once done, with the number of cases added (the adjudicated ones too), or failed
    (None, after telling the user)."""
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from ipdesk.ui.messages import error_text
    from ipdesk.ui.tasks import ProgressRelay, run_task

    dialog = QProgressDialog(translate("app", "Generating demo cases…"), "", 0, DEMO_CASES)
    dialog.setWindowTitle(translate("app", "Demo data"))
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    relay = ProgressRelay(dialog)

    def on_progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    relay.progressed.connect(on_progressed)
    loop = QEventLoop()
    failure: list[Exception] = []
    added: list[int] = []

    def on_done(summary: DemoSummary) -> None:
        added.append(summary.cases)
        loop.quit()

    def on_error(error: Exception) -> None:
        failure.append(error)
        loop.quit()

    from ipdesk.demo.generator import generate  # the demo only for --demo (psycopg with it)

    run_task(
        lambda: generate(session_factory, cases=DEMO_CASES, seed=1, progress=relay.report),
        on_done,
        on_error,
        context=dialog,
    )
    if interactive:
        dialog.show()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if failure:
        log.error("Generating demo data failed", exc_info=failure[0])
        text = translate("app", "The demo data could not be generated: {0}").format(
            error_text(failure[0])
        )
        _complain(text)
        if interactive:
            QMessageBox.warning(None, translate("app", "Demo data"), text)
        return None
    return added[0]


# -- signing in -----------------------------------------------------------------------------


def _password_of(args: argparse.Namespace) -> str:
    """The password of ``--user`` (not the demo's): from the environment."""
    return os.environ.get(PASSWORD_ENV, "")


class EarlyStart:
    """The start's work that needs neither Qt nor the user, on a thread of its own while
    ``main`` imports the window's modules and starts Qt: the database named on the command
    line (or in the environment) opened and migrated, the sessions prepared
    (:func:`prepare_sessions`) and, with ``--user``, the password checked (argon2 lets go
    of the GIL: its 0.2 s of hashing overlaps the imports). A database chosen at the first
    start is opened as before, once Qt runs (it may ask for a password)."""

    def __init__(
        self,
        url: str,
        user: str | None,
        password: str,
        ahead: sign_in_ahead.CheckAhead | None = None,
    ) -> None:
        self.url = url
        self.engine: Future[Engine] = Future()
        self.sessions: Future[sessionmaker[Session]] = Future()
        self.signed: Future[SignedIn] | None = Future() if user is not None else None
        self.checking = threading.Event()
        """Set when the password's check begins (or the start failed before it)."""
        self._user, self._password = user or "", password
        self._ahead = ahead
        """The same password's check, begun before the program's modules loaded."""
        self._thread = threading.Thread(target=self._run, name="ipdesk-start", daemon=True)

    @classmethod
    def of(cls, args: argparse.Namespace) -> EarlyStart | None:
        """Started for a database on the command line or in the environment; None for
        the others (the demo's, the first-start wizard's, the settings', a server)."""
        url = args.database_url or os.environ.get(db.ENV_URL)
        if not url or args.demo or args.setup or getattr(args, "server", None):
            return None
        password = _password_of(args)
        ahead = _CHECK_AHEAD
        if ahead is not None and not ahead.is_for(url, args.user, password):
            ahead = None  # main() called with another command line than the program's
        early = cls(url, args.user, password, ahead)
        early._thread.start()
        return early

    def let_the_check_begin(self, timeout: float | None = None) -> None:
        """Wait (``timeout`` at most, default :data:`CHECK_WAIT_S`) until the password's
        check begins: the database's opening and the imports would share the GIL, and the
        check (which needs none) would start after both, alone; begun first, it runs
        beside the imports. Begun ahead (:mod:`ipdesk.sign_in_ahead`), it is running
        already."""
        if self.signed is not None and self._ahead is None:
            self.checking.wait(CHECK_WAIT_S if timeout is None else timeout)

    def opened(self, engine: Engine) -> bool:
        """Whether ``engine`` is the one opened here."""
        return self.engine.done() and not self.engine.exception() and self.engine.result() is engine

    def _run(self) -> None:
        steps: list[Future[Any]] = [self.engine, self.sessions]
        if self.signed is not None:
            steps.append(self.signed)
        try:
            engine = open_database(self.url)
            self.engine.set_result(engine)
            factory = audited_sessions(engine)
            if self.signed is not None:  # first: the longest, and the imports to overlap
                self.checking.set()
                try:
                    ahead = self._ahead.answer if self._ahead is not None else None
                    signed = auth.sign_in(factory, self._user, self._password, ahead=ahead)
                    self.signed.set_result(signed)
                except BaseException as exc:
                    self.signed.set_exception(exc)
            tidy_up(engine)
            self.sessions.set_result(factory)
        except BaseException as exc:  # told where the step's result is asked for
            self.checking.set()
            for step in steps:
                if not step.done():
                    step.set_exception(exc)


def sign_in_user(
    args: argparse.Namespace, gate: Gate, label: str, *, early: EarlyStart | None = None
) -> SignedIn | None:
    """The signed-in user: with --user without a dialog, else through the sign-in dialog.
    None when the user cancelled or the sign-in was refused (already reported). ``early``:
    the --user's password checked since the start, on the database opened."""
    from ipdesk.ui.auth import sign_in_at_start
    from ipdesk.ui.messages import error_text

    if args.user is None:
        if args.screenshot is not None:
            _complain("--screenshot needs --user")
            return None
        username = DEMO_USER_HINT if args.demo else ""
        return sign_in_at_start(gate, database_label=label, username=username)
    if args.demo:
        from ipdesk.demo.generator import DEMO_PASSWORD

        password = DEMO_PASSWORD
    else:
        password = _password_of(args)
    try:
        if early is not None and early.signed is not None:
            return early.signed.result()
        return gate.sign_in(args.user, password)
    except ServiceError as exc:
        _complain(error_text(exc))
        return None


# -- screenshot -----------------------------------------------------------------------------


def _arm_screenshot(app: QApplication, window: MainWindow, path: Path) -> None:
    """Save ``window`` to ``path`` once its data has loaded, then quit.

    Loaded means: the organisation tree is in, the user's first page is filled, and no
    load the window started is still running (the panels beside the page) for a moment.
    """
    from ipdesk.ui import tasks

    taken = False
    awaited = {"org", "page"}
    quiet_polls = 0

    def shoot() -> None:
        nonlocal taken
        if taken:
            return
        taken = True
        app.processEvents()
        ok = window.grab().save(str(path))
        if not ok:
            _complain(f"could not save the screenshot to {path}")
        app.exit(0 if ok else 1)

    def poll() -> None:
        nonlocal quiet_polls
        quiet_polls = quiet_polls + 1 if tasks.pending() == 0 else 0
        if quiet_polls >= SCREENSHOT_QUIET_POLLS:
            shoot()
        elif not taken:
            QTimer.singleShot(SCREENSHOT_POLL_MS, poll)

    def arrived(what: str) -> None:
        awaited.discard(what)
        if not awaited:
            QTimer.singleShot(0, poll)

    window.org_loaded.connect(lambda: arrived("org"))
    window.org_load_failed.connect(lambda _error: arrived("org"))
    window.settled.connect(lambda _filled: arrived("page"))
    if window.is_settled:
        awaited.discard("page")

    def timed_out() -> None:
        if not taken:
            _complain("timed out waiting for data; screenshot taken anyway")
            shoot()

    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timed_out)


def _complain(text: str) -> None:
    """One line on stderr, when there is one (a windowed program on Windows has none)."""
    if sys.stderr is not None:
        sys.stderr.write(f"ipdesk: {text}\n")


# -- self-test ------------------------------------------------------------------------------


class SelfTestFailed(Exception):
    def __init__(self, step: str, error: BaseException) -> None:
        detail = str(error).strip().splitlines()
        super().__init__(f"{step}: {type(error).__name__}: {detail[0] if detail else ''}")
        self.step = step


def self_test() -> int:
    """Check this installation (see the module docstring). Prints one line; 0 on success."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QCoreApplication.setOrganizationName(paths.APP_AUTHOR)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "ipdesk"])
    try:
        summary = _self_test_steps(app)
    except SelfTestFailed as exc:
        log.error("Self-test failed: %s", exc, exc_info=exc.__cause__)
        _complain(f"self-test failed: {exc}")
        return 1
    finally:
        QThreadPool.globalInstance().waitForDone()
    log.info("Self-test passed: %s", summary)
    if sys.stdout is not None:
        sys.stdout.write(f"ipdesk {ipdesk_version()} self-test passed: {summary}\n")
    return 0


def _self_test_steps(app: QCoreApplication) -> str:
    def step(name: str, func: Callable[[], T]) -> T:
        try:
            return func()
        except Exception as exc:
            raise SelfTestFailed(name, exc) from exc

    def translations() -> int:
        found = load_translators(DEFAULT_LANGUAGE)
        own = [t for t in found if Path(t.filePath()).name.startswith("ipdesk_")]
        if not own:
            raise FileNotFoundError(f"ipdesk_{DEFAULT_LANGUAGE}.qm not in {I18N_DIR}")
        return len(found)

    def icon() -> int:
        sizes = app_icon().availableSizes()
        if len(sizes) < len(ICON_SIZES):
            raise FileNotFoundError(f"icons missing in {ICONS_DIR}")
        return len(sizes)

    def scheduler() -> None:
        # APScheduler finds its triggers and executors through package metadata (entry
        # points), which a bundle must carry.
        from apscheduler.schedulers.background import BackgroundScheduler

        sched = BackgroundScheduler(executors={"default": {"type": "threadpool"}})
        sched.add_job(print, "interval", minutes=5)

    def driver() -> str:
        import psycopg

        impl = str(psycopg.pq.__impl__)
        if getattr(sys, "frozen", False) and impl == "python":
            raise ImportError("psycopg found no bundled libpq (psycopg_binary is missing)")
        return impl

    from ipdesk.demo.generator import generate

    counts = step("translations", translations)
    icons = step("icon", icon)
    step("scheduler", scheduler)
    pq = step("postgresql driver", driver)
    with tempfile.TemporaryDirectory(prefix="ipdesk-self-test-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'self-test.sqlite3'}"
        engine = step("database", lambda: open_database(url))
        try:
            factory = db.make_session_factory(engine)
            step("demo cases", lambda: generate(factory, cases=SELF_TEST_CASES, seed=1))
            number = step("document", lambda: _render_one(factory, Path(tmp) / "documents"))
            step("templates", _check_templates)
        finally:
            engine.dispose()
    return (
        f"database migrated and seeded, {SELF_TEST_CASES} demo cases, document rendered for "
        f"case {number}, templates checked, {counts} translations, {icons} icon sizes, "
        f"psycopg {pq}"
    )


def _render_one(factory: sessionmaker[Session], store: Path) -> str:
    """Render an acceptance notice for the first demo case that has what it needs; check
    that the file is a Word document naming the case."""
    from ipdesk.services import documents
    from ipdesk.services.queries.cases_query import CaseFilter, case_ids

    actor = Actor.system()
    with factory.begin() as session:
        ids = case_ids(session, actor, CaseFilter(status="closed"))
        last: Exception = LookupError("no demo case to render")
        for case_id in ids:
            try:
                made = documents.render_document(
                    session, actor, case_id, documents.DocumentKind.ACCEPTANCE_NOTICE, store
                )
            except documents.MissingFacts as exc:
                last = exc
                continue
            with zipfile.ZipFile(made.path) as docx:
                xml = docx.read("word/document.xml").decode("utf-8")
            if made.case_number not in xml:
                raise ValueError(f"{made.path.name} does not name case {made.case_number}")
            return made.case_number
    raise last


def _check_templates() -> None:
    from ipdesk.services import documents

    errors = [p for p in documents.check_templates() if p.severity == "error"]
    if errors:
        raise ValueError(str(errors[0]))
    documents.preview(documents.DocumentKind.MEDIATION_AGREEMENT, today=dt.date(2026, 1, 5))


# -- main -----------------------------------------------------------------------------------


def open_main_window(
    gate: Gate,
    signed: SignedIn,
    label: str,
    settings: QSettings,
    *,
    stores: FileStores | None = None,
    daily_backups: bool = True,
    log_dir: Path | None = None,
    loads_after_paint: bool = False,
) -> MainWindow:
    """The main window of ``signed``'s session with every feature of their role: what the
    program shows after sign-in (and what the journey tests drive), on the user's own desk
    (which goes with the window at sign-out). Everything the user changes through it is
    audited in their name.

    ``loads_after_paint``: for a window shown at once, its pages' first loads (the first
    page's rows, the organisation) start after its first paint, not while it is built: on
    a busy machine they took CPU from it (the work list's first query at 1,000,000
    cases). They start anyway after ``FIRST_PAINT_WAIT_MS`` (a window shown minimised)."""
    from ipdesk.ui.features import install_features
    from ipdesk.ui.main_window import FIRST_PAINT_WAIT_MS, MainWindow

    desk = gate.open_desk(signed, stores=stores)
    if loads_after_paint:
        desk.hold_reads()  # released by the window's first paint (MainWindow.paintEvent)
    window = MainWindow(desk, label, settings=settings, log_dir=log_dir)
    desk.setParent(window)
    install_features(window, desk, settings, stores=stores, daily_backups=daily_backups)
    if loads_after_paint:
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, window, desk.release_reads)
    return window


def window_opener(
    gate: Gate,
    label: str,
    settings: QSettings,
    *,
    stores: FileStores | None = None,
    daily_backups: bool = True,
    log_dir: Path | None = None,
    demo_cases: int | None = None,
) -> OpenWindow:
    """What opens the main window after each sign-in of this run (see
    :class:`ipdesk.ui.sessions.Sessions`); ``demo_cases`` says so in the status bar."""

    def open_window(signed: SignedIn) -> MainWindow:
        log.info("Signed in: %s (%s)", signed.username, signed.role.value)
        window = open_main_window(
            gate,
            signed,
            label,
            settings,
            stores=stores,
            daily_backups=daily_backups,
            log_dir=log_dir,
            loads_after_paint=True,  # Sessions.open shows it at once
        )
        if demo_cases is not None:
            window.statusBar().showMessage(
                translate("app", "Demo database with %n case(s)", "", demo_cases)
            )
        return window

    return open_window


def prepare_sessions(engine: Engine) -> sessionmaker[Session]:
    """The sessions of the program on ``engine``, audited, once the leftovers of killed
    backups are removed."""
    session_factory = audited_sessions(engine)
    tidy_up(engine)
    return session_factory


def audited_sessions(engine: Engine) -> sessionmaker[Session]:
    """The program's sessions on ``engine``: every change they make is audited."""
    session_factory = db.make_session_factory(engine)
    audit.install(session_factory)
    return session_factory


def tidy_up(engine: Engine) -> None:
    """What every start tidies: the leftovers of killed backups and restores. (The files
    of earlier versions are imported in the background after the first page, before the
    file check: :meth:`ipdesk.ui.desk.Desk.repair_local_files`.)"""
    remove_backup_leftovers(engine)


def remove_backup_leftovers(engine: Engine) -> list[Path]:
    """Remove the hidden copies killed backups and restores left (personal data): beside
    the embedded database, in the user's data folder and in the temporary folder."""
    folders = [paths.user_data_dir(), Path(tempfile.gettempdir())]
    if db.is_sqlite(engine) and engine.url.database not in (None, "", ":memory:"):
        folders.insert(0, Path(str(engine.url.database)).parent)
    removed = backup.remove_leftovers(*dict.fromkeys(folders))
    if removed:
        log.info("Removed %d leftovers of killed backups or restores", len(removed))
    return removed


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = build_parser().parse_known_args(sys.argv[1:] if argv is None else argv)
    log_file = setup_logging()
    if args.self_test:
        return self_test()
    sys.excepthook = _log_uncaught
    early = EarlyStart.of(args)  # the database opens while the window's modules load
    if early is not None:
        early.let_the_check_begin()
    log.info(
        "ipdesk %s starting (Python %s, Qt for Python %s, %s)",
        ipdesk_version(),
        platform.python_version(),
        _pyside_version(),
        _platform_text(),
    )

    gc.disable()  # for the window's modules, as for this module's (see its imports)
    try:
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        from ipdesk.ui import features as features  # the window's, with the database opening
        from ipdesk.ui import network
        from ipdesk.ui.auth import SignInDialog
        from ipdesk.ui.desk import Gate
        from ipdesk.ui.sessions import Sessions
        from ipdesk.ui.stores import FileStores
    finally:
        gc.freeze()
        gc.enable()

    QCoreApplication.setOrganizationName(paths.APP_AUTHOR)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    QGuiApplication.setDesktopFileName("ipdesk")  # matches installer/ipdesk.desktop
    app = QApplication([sys.argv[0] if sys.argv else "ipdesk", *qt_args])
    qInstallMessageHandler(_log_qt_message)
    app.setWindowIcon(app_icon())
    _apply_font(app)

    settings = QSettings()
    language = choose_language(args.lang, settings, QLocale.system())
    QLocale.setDefault(QLocale(language))
    translators = load_translators(language)
    for translator in translators:
        app.installTranslator(translator)

    demo_dir = tempfile.mkdtemp(prefix="ipdesk-demo-") if args.demo else None
    interactive = args.screenshot is None
    server = network.server_of(args, settings)
    if server is not None:
        return run_through_server(app, server, args, settings, translators, log_file)
    opened = choose_database(
        args, settings, interactive=interactive, demo_dir=demo_dir, early=early
    )
    server = network.server_of(args, settings) if opened == CANCELLED else None
    if server is not None:  # the first-start wizard chose a server
        return run_through_server(app, server, args, settings, translators, log_file)
    if isinstance(opened, int):
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
        qInstallMessageHandler(None)
        return opened
    engine, label = opened.engine, opened.label
    log.info("Database: %s", label)
    if early is not None and early.opened(engine):
        session_factory = early.sessions.result()  # its leftovers removed
    else:
        early = None
        session_factory = prepare_sessions(engine)
    demo_cases = generate_demo_data(session_factory, interactive=interactive) if args.demo else None
    if args.demo and demo_cases is None:
        _cleanup(engine, demo_dir)
        return 1
    gate = Gate(session_factory)
    signed = opened.signed_in or sign_in_user(args, gate, label, early=early)
    if signed is None:
        _cleanup(engine, demo_dir)
        return 1 if args.user is not None or not interactive else 0
    # Sign in → the user's window → File → Sign out → sign in again, until the user quits.
    # A demo database is thrown away with its files: its evidence and documents stay in its
    # folder, and backing it up would only fill the user's backup folder.
    sessions = Sessions(
        window_opener(
            gate,
            label,
            settings,
            stores=FileStores.in_folder(Path(demo_dir)) if demo_dir is not None else None,
            daily_backups=demo_dir is None,
            log_dir=log_file.parent if log_file is not None else None,
            demo_cases=demo_cases,
        ),
        lambda: SignInDialog(gate, database_label=label),
    )
    window = sessions.open(signed)
    if args.screenshot is not None:
        _arm_screenshot(app, window, args.screenshot)

    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()
        for translator in translators:
            app.removeTranslator(translator)
        _cleanup(engine, demo_dir)
        log.info("ipdesk stopped")
        qInstallMessageHandler(None)


def run_through_server(
    app: QApplication,
    server: network.Server,
    args: argparse.Namespace,
    settings: QSettings,
    translators: list[QTranslator],
    log_file: Path | None,
) -> int:
    """``main`` in network mode: sign in on ``server``, then the user's windows, each on a
    desk that works through the server (no database, no daily backup here)."""
    from ipdesk.ui import network
    from ipdesk.ui.auth import SignInDialog
    from ipdesk.ui.sessions import Sessions

    interactive = args.screenshot is None
    gate = network.open_gate(server, interactive=interactive)
    if isinstance(gate, int):
        qInstallMessageHandler(None)
        return gate
    label = server.url
    log.info("Server: %s", label)
    signed = sign_in_user(args, gate, label)
    if signed is None:
        gate.close()
        qInstallMessageHandler(None)
        return 1 if args.user is not None or not interactive else 0
    sessions = Sessions(
        window_opener(
            gate,
            label,
            settings,
            daily_backups=False,
            log_dir=log_file.parent if log_file is not None else None,
        ),
        lambda: SignInDialog(gate, database_label=label),
    )
    network.sign_out_when_the_server_ends_it(sessions)
    window = sessions.open(signed)
    if args.screenshot is not None:
        _arm_screenshot(app, window, args.screenshot)
    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()
        gate.close()
        for translator in translators:
            app.removeTranslator(translator)
        log.info("ipdesk stopped")
        qInstallMessageHandler(None)


def _platform_text() -> str:
    """The system, its release and the machine ("Linux-6.1.0-x86_64"): ``platform.platform()``
    without the processor's name, for which it runs ``uname -p`` on Linux (a process started
    before the window: 5-15 ms)."""
    return "-".join((platform.system(), platform.release(), platform.machine()))


def _pyside_version() -> str:
    import PySide6

    return str(PySide6.__version__)


def _cleanup(engine: Engine, demo_dir: str | None) -> None:
    engine.dispose()
    if demo_dir is not None:
        shutil.rmtree(demo_dir, ignore_errors=True)
