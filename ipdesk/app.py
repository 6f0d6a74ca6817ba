"""``ipdesk``: the desktop application. Wires settings, fonts, translations, the database and
the main window together once at start-up."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from alembic.util.exc import CommandError
from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
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
from ipdesk.services.actors import Actor
from ipdesk.services.demo import generate
from ipdesk.services.errors import ServiceError
from ipdesk.services.setup import initialise
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


def _generate_demo(
    window: MainWindow,
    session_factory: sessionmaker[Session],
    on_finished: Callable[[], None],
    *,
    interactive: bool,
) -> None:
    """Fill the database with demo cases off the GUI thread, with a progress dialog."""
    dialog = QProgressDialog(translate("app", "Generating demo cases…"), "", 0, 0, window)
    dialog.setWindowTitle(translate("app", "Demo data"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    relay = ProgressRelay(dialog)

    def on_progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def on_done(_summary: object) -> None:
        dialog.close()
        dialog.deleteLater()
        window.reload_org()
        window.statusBar().showMessage(
            translate("app", "Demo database with %n case(s)", "", DEMO_CASES)
        )
        on_finished()

    def on_error(error: Exception) -> None:
        dialog.close()
        dialog.deleteLater()
        log.error("Generating demo data failed", exc_info=error)
        text = translate("app", "The demo data could not be generated: {0}").format(
            error_text(error)
        )
        window.statusBar().showMessage(text)
        if interactive:
            QMessageBox.warning(window, translate("app", "Demo data"), text)
        on_finished()

    relay.progressed.connect(on_progressed)
    run_task(
        lambda: generate(session_factory, cases=DEMO_CASES, seed=1, progress=relay.report),
        on_done,
        on_error,
        context=window,
    )
    dialog.show()


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
    # Until sign-in exists the desktop acts as the system administrator (city-wide scope).
    window = MainWindow(session_factory, label, Actor.system(), settings=settings)

    def on_ready() -> None:
        if args.screenshot is not None:
            _arm_screenshot(app, window, args.screenshot)

    if args.demo:
        window.show()
        _generate_demo(window, session_factory, on_ready, interactive=interactive)
    else:
        on_ready()
        window.show()

    try:
        return app.exec()
    finally:
        QThreadPool.globalInstance().waitForDone()
        engine.dispose()
        for translator in translators:
            app.removeTranslator(translator)
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
