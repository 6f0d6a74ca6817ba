"""``ipdesk``: the desktop application. Wires settings, fonts, translations, the database and
the main window together once at start-up."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from alembic.util.exc import CommandError
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QSettings,
    QThreadPool,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db, paths
from ipdesk.services.auth import SignedIn, sign_in
from ipdesk.services.demo import DEMO_PASSWORD, generate
from ipdesk.services.errors import ServiceError
from ipdesk.services.setup import initialise
from ipdesk.ui.auth import sign_in_at_start
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.messages import error_text
from ipdesk.ui.tasks import ProgressRelay, run_task

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGE_KEY = "ui/language"
I18N_DIR = paths.RESOURCES_DIR / "i18n"
# Simplified Chinese first: with fonts-noto-cjk alone Qt may pick the Japanese variant.
CJK_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")
DEMO_CASES = 3000
PASSWORD_ENV = "IPDESK_PASSWORD"
DEMO_USER_HINT = "city"
SCREENSHOT_TIMEOUT_MS = 10 * 60 * 1000

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
    return parser


# -- language and fonts ---------------------------------------------------------------------


def choose_language(requested: str | None, settings: QSettings, system: QLocale) -> str:
    """--lang, else the saved choice, else the system's: English for an English locale,
    Chinese (the users' language) for every other one, C/POSIX included."""
    if requested in LANGUAGES:
        return str(requested)
    saved = settings.value(LANGUAGE_KEY)
    if isinstance(saved, str) and saved in LANGUAGES:
        return saved
    if system.language() == QLocale.Language.English:
        return "en"
    return DEFAULT_LANGUAGE


def load_translators(language: str) -> list[QTranslator]:
    """Qt's own texts (standard buttons and dialogs) and ipdesk's, for ``language``."""
    translators = []
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        translators.append(qt)
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


def generate_demo_data(session_factory: sessionmaker[Session], *, interactive: bool) -> bool:
    """Fill the database with demo cases off the GUI thread while a progress dialog shows;
    return once done (True) or failed (False, after telling the user)."""
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

    def on_error(error: Exception) -> None:
        failure.append(error)
        loop.quit()

    run_task(
        lambda: generate(session_factory, cases=DEMO_CASES, seed=1, progress=relay.report),
        lambda _summary: loop.quit(),
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
        return False
    return True


# -- signing in -----------------------------------------------------------------------------


def sign_in_user(
    args: argparse.Namespace, session_factory: sessionmaker[Session], label: str
) -> SignedIn | None:
    """The signed-in user: with --user without a dialog, else through the sign-in dialog.
    None when the user cancelled or the sign-in was refused (already reported)."""
    if args.user is None:
        if args.screenshot is not None:
            _complain("--screenshot needs --user")
            return None
        username = DEMO_USER_HINT if args.demo else ""
        return sign_in_at_start(session_factory, database_label=label, username=username)
    password = DEMO_PASSWORD if args.demo else os.environ.get(PASSWORD_ENV, "")
    try:
        return sign_in(session_factory, args.user, password)
    except ServiceError as exc:
        _complain(error_text(exc))
        return None


# -- screenshot -----------------------------------------------------------------------------


def _arm_screenshot(app: QApplication, window: MainWindow, path: Path) -> None:
    """Save ``window`` to ``path`` after the next (re)load of its data, then quit."""
    taken = False

    def shoot(*_args: object) -> None:
        nonlocal taken
        if taken:
            return
        taken = True
        app.processEvents()
        ok = window.grab().save(str(path))
        if not ok:
            _complain(f"could not save the screenshot to {path}")
        app.exit(0 if ok else 1)

    def later(*_args: object) -> None:
        QTimer.singleShot(0, shoot)

    window.org_loaded.connect(later)
    window.org_load_failed.connect(later)

    def timed_out() -> None:
        if not taken:
            _complain("timed out waiting for data; screenshot taken anyway")
            shoot()

    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timed_out)


def _complain(text: str) -> None:
    """One line on stderr, when there is one (a windowed program on Windows has none)."""
    if sys.stderr is not None:
        sys.stderr.write(f"ipdesk: {text}\n")


# -- main -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args, qt_args = build_parser().parse_known_args(sys.argv[1:] if argv is None else argv)

    QCoreApplication.setOrganizationName(paths.APP_AUTHOR)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    app = QApplication([sys.argv[0] if sys.argv else "ipdesk", *qt_args])
    _apply_font(app)

    settings = QSettings()
    language = choose_language(args.lang, settings, QLocale.system())
    QLocale.setDefault(QLocale(language))
    translators = load_translators(language)
    for translator in translators:
        app.installTranslator(translator)

    demo_dir = tempfile.mkdtemp(prefix="ipdesk-demo-") if args.demo else None
    if demo_dir is not None:
        url = f"sqlite:///{Path(demo_dir) / 'demo.sqlite3'}"
    else:
        url = args.database_url or db.default_url()
    label = url.split("://", 1)[0]  # until describe() has vetted the URL
    interactive = args.screenshot is None

    try:
        label = db.describe(url)
        engine = open_database(url)
    except (ServiceError, SQLAlchemyError, CommandError, OSError) as exc:
        text = translate("app", "The database could not be opened:\n{0}\n\n{1}").format(
            label, error_text(exc)
        )
        _complain(text)
        if interactive:
            QMessageBox.critical(None, translate("app", "Cannot open the database"), text)
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
        return 1

    session_factory = db.make_session_factory(engine)
    if args.demo and not generate_demo_data(session_factory, interactive=interactive):
        _cleanup(engine, demo_dir)
        return 1
    signed = sign_in_user(args, session_factory, label)
    if signed is None:
        _cleanup(engine, demo_dir)
        return 1 if args.user is not None or not interactive else 0
    window = MainWindow(session_factory, label, signed.actor, settings=settings)
    if args.demo:
        window.statusBar().showMessage(
            translate("app", "Demo database with %n case(s)", "", DEMO_CASES)
        )
    if args.screenshot is not None:
        _arm_screenshot(app, window, args.screenshot)
    window.show()

    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()
        for translator in translators:
            app.removeTranslator(translator)
        _cleanup(engine, demo_dir)


def _cleanup(engine: Engine, demo_dir: str | None) -> None:
    engine.dispose()
    if demo_dir is not None:
        shutil.rmtree(demo_dir, ignore_errors=True)
