"""The main window: the organisation tree on the left, the work area on the right.

Feature widgets join it through a small interface, so that wiring a new feature needs no
change here:

* ``add_page(widget, title)`` puts a widget into the work area and a View-menu entry that
  shows it (the first page added is the one shown at start; ``show_page`` brings another
  to the front, ``page_shown`` tells which came); ``add_lazy_page(kind, build, title)``
  does the same for a page that is built (and its module imported) only when it is first
  shown or asked for (``page(kind)``); ``add_dock(widget, title)`` adds a dock
  (its layout is remembered); ``add_banner(widget)`` puts a notice across the top;
* ``menu(name)`` gives a menu ("file", "edit", "view", "admin" for administrators, "help")
  for ``addAction``;
* the frequent actions emit signals that the features connect to: ``new_case_requested``
  (Ctrl+N), ``search_requested`` (Ctrl+F), ``next_alert_requested`` (F8) and
  ``sign_out_requested`` (Ctrl+Shift+Q); while nothing is connected, the action says so in
  the status bar;
* ``remember_columns(header, name)`` restores a table's column widths and order and saves
  them when the window closes;
* ``settings_saved`` relays the keys the settings dialog changed (see
  ``ipdesk.ui.settings.keys``);
* ``when_settled(func, delay_ms)`` runs background work (the alert scan, the daily backup,
  file checks) once the user's first page has been filled (``hold_background`` /
  ``settle``) and the window painted, so that it does not compete with what the user
  looks at first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import (
    SIGNAL,
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ipdesk import paths
from ipdesk.services.admin.org import OfficeInfo
from ipdesk.services.rules.capabilities import Capability, capabilities
from ipdesk.ui.desk import Desk, Refusal
from ipdesk.ui.org_source import org_source
from ipdesk.ui.org_tree import NAME, OPEN_CASES, OrgTreeModel
from ipdesk.ui.settings import keys

log = logging.getLogger(__name__)

_GEOMETRY_KEY = keys.MAIN_WINDOW_GEOMETRY
_STATE_KEY = keys.MAIN_WINDOW_STATE
_SPLITTER_KEY = keys.MAIN_WINDOW_SPLITTER

SETTLE_GRACE_MS = 5000
"""Background work held for the first page starts after this at the latest."""
FIRST_PAINT_WAIT_MS = 1000
"""Background work held for the first page waits this long at most for the window's first
paint (a window that is shown but not painted: minimised, on a locked screen)."""

FIRST_SIZE = QSize(1280, 800)
"""The window's size at the first start (then the size the user left it at). Every page
fits it beside the organisation and the alerts (tests/ui/test_window_fits.py)."""

FIRST_DOCK_WIDTH = 320
"""A dock's width beside the work area at the first start."""

W = TypeVar("W", bound=QWidget)


def open_url(url: QUrl) -> bool:
    """Open ``url`` with the desktop's program for it (replaced in tests)."""
    return QDesktopServices.openUrl(url)


class LazyPage(QWidget):
    """Stands in the work area for a page whose widget is built the first time it is
    needed: when the page is first shown, or asked for (``MainWindow.page``, a drill-down
    into it). Its module is imported then, not at start-up. Once built, the widget takes
    its place among the pages."""

    def __init__(self, kind: str, build: Callable[[], QWidget], name: str = "") -> None:
        super().__init__()
        self.kind = kind
        """The class name of the widget it builds (``MainWindow.page`` finds it by it)."""
        self.name = name
        """The objectName the widget will have (its View-menu action is named after it)."""
        self.setObjectName(f"lazy_{name or kind}")
        self._build: Callable[[], QWidget] | None = build
        self.built: QWidget | None = None

    def make(self) -> QWidget:
        if self.built is None:
            build, self._build = self._build, None
            assert build is not None, "a page being built asked for itself"
            self.built = build()
        return self.built


class MainWindow(QMainWindow):
    unit_selected = Signal(str, int)
    """The user selected an office or station: kind ("office"/"station") and id."""
    org_loaded = Signal()
    """The organisation tree has been (re)loaded."""
    org_load_failed = Signal(str)
    """Loading the organisation tree failed; the text says why."""
    new_case_requested = Signal()
    """The user asked to register a new case (File → New case, Ctrl+N)."""
    search_requested = Signal()
    """The user asked to search (Edit → Find, Ctrl+F)."""
    next_alert_requested = Signal()
    """The user asked for the next deadline alert (View → Next alert, F8)."""
    sign_out_requested = Signal()
    """The user asked to sign out (File → Sign out, Ctrl+Shift+Q): whoever runs the
    sessions closes this window and asks who signs in next."""
    settings_saved = Signal(list)
    """The settings dialog saved: the keys whose values changed."""
    page_shown = Signal(QWidget)
    """A page added with ``add_page`` came to the front."""
    settled = Signal(bool)
    """The work held by ``hold_background`` starts: True when the first page was filled,
    False when it waited ``SETTLE_GRACE_MS`` in vain."""

    def __init__(
        self,
        desk: Desk,
        database_label: str,
        *,
        settings: QSettings | None = None,
        log_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._log_dir = log_dir if log_dir is not None else paths.user_log_dir()
        self.menus: dict[str, QMenu] = {}
        self._headers: dict[str, QHeaderView] = {}
        self._page_actions = QActionGroup(self)
        self._page_actions.setExclusive(True)
        self._database_label = database_label
        self._actor = actor = desk.actor
        self._settings = settings if settings is not None else QSettings()
        self._selected: tuple[str, int] | None = None
        self._settled = True
        self._settling: bool | None = None  # settle()'s ``filled`` while it waits for a paint
        self._painted = False
        self._held: list[tuple[Callable[[], None], int]] = []
        self._closed = False  # a closed window starts no more background work
        self._lazy_pages: list[LazyPage] = []

        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("IP Rights Protection Aid and Mediation — ipdesk"))

        self.org_model = OrgTreeModel(self)
        self.org_view = QTreeView()
        self.org_view.setObjectName("org_view")
        self.org_view.setModel(self.org_model)
        self.org_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.org_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.org_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Names in full (the longest have 30 characters; the pane scrolls sideways rather
        # than cut them), after the open cases in their own labelled column.
        self.org_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        org_header = self.org_view.header()
        org_header.setStretchLastSection(False)
        org_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        org_header.moveSection(org_header.visualIndex(OPEN_CASES), 0)
        self.org_view.setTreePosition(NAME)
        self.org_view.setMinimumWidth(240)
        # The selection, not the current index: a tree that gets the keyboard focus makes its
        # first row current without selecting it (QAbstractItemView), which must not take the
        # user from their first page to the case list of the first office.
        self.org_view.selectionModel().selectionChanged.connect(self._on_unit_selection_changed)

        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        # Placeholder until the case list exists.
        placeholder = QLabel(self.tr("The case list will appear here."))
        placeholder.setObjectName("case_list_placeholder")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder.setEnabled(False)
        self.pages.addWidget(placeholder)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.org_view)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.pages.currentChanged.connect(self._on_page_changed)

        # Notices across the top (hidden while they have nothing to say), then the work.
        central = QWidget()
        central.setObjectName("central")
        self.banners = QVBoxLayout()
        self.banners.setContentsMargins(6, 0, 6, 0)
        self.banners.setSpacing(4)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(self.banners)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._build_menus()
        # The pages, one click (or Ctrl+1…9) away; the View menu has them too.
        self.page_bar = QToolBar(self.tr("Pages"))
        self.page_bar.setObjectName("page_bar")
        self.page_bar.setMovable(False)
        self.page_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.page_bar)

        self.database_status = QLabel(self.tr("Database: {0}").format(database_label))
        self.database_status.setObjectName("database_status")
        self.statusBar().addPermanentWidget(self.database_status)
        self.user_status = QLabel(self.tr("Signed in: {0}").format(actor.name))
        self.user_status.setObjectName("user_status")
        self.statusBar().addPermanentWidget(self.user_status)

        self._restore_settings()
        # One tree for the desk (the case list's and work list's filters share it); it
        # reloads after changes of the organisation and of cases (the open-case counts).
        self._org = org_source(desk)
        self.statusBar().showMessage(self._loading_text())
        self._org.subscribe(self, self._on_org_loaded, self._on_org_load_failed, counts=True)

    # -- building -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self._add_menu("file", self.tr("&File"))
        self.new_case_action = self._add_request_action(
            file_menu,
            self.tr("&New case…"),
            "new_case_action",
            QKeySequence(QKeySequence.StandardKey.New),
            self.new_case_requested,
            "new_case_requested()",
        )
        # File-menu entries of features go before this separator; the session's after it.
        self.session_separator = file_menu.addSeparator()
        self.sign_out_action = self._add_request_action(
            file_menu,
            self.tr("Sign &out"),
            "sign_out_action",
            QKeySequence("Ctrl+Shift+Q"),
            self.sign_out_requested,
            "sign_out_requested()",
        )
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quit_action")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = self._add_menu("edit", self.tr("&Edit"))
        self.search_action = self._add_request_action(
            edit_menu,
            self.tr("&Find…"),
            "search_action",
            QKeySequence("Ctrl+F"),
            self.search_requested,
            "search_requested()",
        )
        edit_menu.addSeparator()
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setObjectName("settings_action")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        edit_menu.addAction(self.settings_action)

        view_menu = self._add_menu("view", self.tr("&View"))
        self.next_alert_action = self._add_request_action(
            view_menu,
            self.tr("&Next alert"),
            "next_alert_action",
            QKeySequence("F8"),
            self.next_alert_requested,
            "next_alert_requested()",
        )
        view_menu.addSeparator()

        if Capability.MANAGE_USERS in capabilities(self._actor):
            admin_menu = self._add_menu("admin", self.tr("&Administration"))
            self.users_action = QAction(self.tr("&Users…"), self)
            self.users_action.setObjectName("users_action")
            self.users_action.triggered.connect(self._on_users_triggered)
            admin_menu.addAction(self.users_action)

        help_menu = self._add_menu("help", self.tr("&Help"))
        self.open_log_folder_action = QAction(self.tr("Open &log folder"), self)
        self.open_log_folder_action.setObjectName("open_log_folder_action")
        self.open_log_folder_action.triggered.connect(self.open_log_folder)
        help_menu.addAction(self.open_log_folder_action)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("&About ipdesk"), self)
        self.about_action.setObjectName("about_action")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_triggered)
        help_menu.addAction(self.about_action)

    def _add_menu(self, name: str, title: str) -> QMenu:
        menu = self.menuBar().addMenu(title)
        menu.setObjectName(f"{name}_menu")
        self.menus[name] = menu
        return menu

    def _add_request_action(
        self,
        menu: QMenu,
        text: str,
        name: str,
        shortcut: QKeySequence,
        signal: SignalInstance,
        signature: str,
    ) -> QAction:
        """An action whose trigger emits ``signal`` for the feature that handles it."""
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: self._request(signal, signature, action))
        menu.addAction(action)
        return action

    def _request(self, signal: SignalInstance, signature: str, action: QAction) -> None:
        if self.receivers(SIGNAL(signature)) == 0:
            self.statusBar().showMessage(
                self.tr("“{0}” is not available yet.").format(action.text().replace("&", "")),
                5000,
            )
            return
        signal.emit()

    # -- extending ------------------------------------------------------------------------

    def menu(self, name: str) -> QMenu:
        """The menu called ``name``: "file", "edit", "view", "help" (and "admin" for an
        administrator). KeyError for a menu this user does not have."""
        return self.menus[name]

    def add_page(
        self, widget: QWidget, title: str, *, shortcut: QKeySequence | None = None
    ) -> QAction:
        """Add ``widget`` to the work area with an entry in the page bar and the View menu
        that shows it (Ctrl+1…9 by default, in the order of adding); the first page added
        replaces the placeholder. Returns the entry's action."""
        placeholder = self.pages.findChild(QLabel, "case_list_placeholder")
        if placeholder is not None and self.pages.indexOf(placeholder) >= 0:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self.pages.addWidget(widget)
        action = QAction(title, self)
        name = widget.name if isinstance(widget, LazyPage) else widget.objectName()
        action.setObjectName(f"show_{name or self.pages.count()}_action")
        action.setCheckable(True)
        number = len(self._page_actions.actions()) + 1
        if shortcut is None and number <= 9:
            shortcut = QKeySequence(f"Ctrl+{number}")
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda: self.show_page(widget))
        self._page_actions.addAction(action)
        self.menus["view"].addAction(action)
        self.page_bar.addAction(action)
        if self.pages.count() == 1:
            action.setChecked(True)
        return action

    def add_lazy_page(
        self,
        kind: str,
        build: Callable[[], QWidget],
        title: str,
        *,
        name: str = "",
        shortcut: QKeySequence | None = None,
    ) -> LazyPage:
        """Like ``add_page`` for a page that ``build()`` makes when it is first shown or
        asked for (``page``, ``ensure_page``); ``kind`` is the class name of the widget it
        makes, ``name`` its objectName. The LazyPage returned stands for the page
        (``show_page`` takes it)."""
        lazy = LazyPage(kind, build, name)
        self._lazy_pages.append(lazy)
        self.add_page(lazy, title, shortcut=shortcut)
        return lazy

    def ensure_page(self, page: QWidget) -> QWidget:
        """The widget of ``page``: built now (and put in its place) for a LazyPage not yet
        built; ``page`` itself otherwise."""
        if not isinstance(page, LazyPage):
            return page
        if page.built is not None:
            return page.built
        widget = page.make()
        index = self.pages.indexOf(page)
        if index >= 0:
            current = self.pages.currentWidget() is page
            blocked = self.pages.blockSignals(True)
            try:
                self.pages.insertWidget(index, widget)
                if current:
                    self.pages.setCurrentWidget(widget)
                self.pages.removeWidget(page)
            finally:
                self.pages.blockSignals(blocked)
            page.hide()
        return widget

    def page(self, kind: type[W]) -> W | None:
        """The page widget of class ``kind`` (built now if it is a lazy page not built
        yet); None when the window has no such page."""
        for index in range(self.pages.count()):
            widget = self.pages.widget(index)
            if isinstance(widget, LazyPage) and widget.kind == kind.__name__:
                widget = self.ensure_page(widget)
            if isinstance(widget, kind):
                return widget
        return None

    def show_page(self, widget: QWidget) -> None:
        """Bring a page added with ``add_page`` (or ``add_lazy_page``: the LazyPage or the
        widget it built) to the front."""
        if isinstance(widget, LazyPage):
            widget = self.ensure_page(widget)
        index = self.pages.indexOf(widget)
        if index < 0:
            raise ValueError("not a page of this window")
        self.pages.setCurrentIndex(index)
        self._page_actions.actions()[index].setChecked(True)

    def _on_page_changed(self, index: int) -> None:
        widget = self.pages.widget(index)
        if isinstance(widget, LazyPage):
            widget = self.ensure_page(widget)
        if widget is not None and widget.objectName() != "case_list_placeholder":
            self.page_shown.emit(widget)

    # -- background work after the first page ----------------------------------------------

    def hold_background(self, grace_ms: int = SETTLE_GRACE_MS) -> None:
        """Hold what ``when_settled`` is given until ``settle()`` (the first page filled) or
        ``grace_ms`` at the latest."""
        if not self._settled:
            return
        self._settled = False
        QTimer.singleShot(grace_ms, self, lambda: self.settle(filled=False))

    def settle(self, *, filled: bool = True) -> None:
        """The user's first page is there (``filled``; False: it did not come in time):
        start the work held back, in the order given, once the window has been painted. A
        page filled before the first paint (a small database) would otherwise delay it by
        that work (the alert scheduler's imports, the alerts' and holidays' first loads, the
        daily backup's check): a shown window not painted yet waits for its first paint,
        ``FIRST_PAINT_WAIT_MS`` at most."""
        if self._settled or self._settling is not None:
            return
        self._settling = filled
        if self.isVisible() and not self._painted:
            QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._release_held)
        else:
            self._release_held()

    def _release_held(self) -> None:
        if self._settled:
            return
        self._settled = True
        held, self._held = self._held, []
        for func, delay_ms in held:
            self._run_later(func, delay_ms)
        self.settled.emit(bool(self._settling))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # after this paint, not within it: the pages' loads the desk held
            # (``Desk.hold_reads``), then the background work once the first page is there
            QTimer.singleShot(0, self, self._desk.release_reads)
            if self._settling is not None:
                QTimer.singleShot(0, self, self._release_held)

    @property
    def is_settled(self) -> bool:
        return self._settled

    def when_settled(self, func: Callable[[], None], delay_ms: int = 0) -> None:
        """Run ``func`` ``delay_ms`` after the first page was filled (at once when it has
        been, or when nothing was held), unless the window has been closed by then."""
        if self._settled:
            self._run_later(func, delay_ms)
        else:
            self._held.append((func, delay_ms))

    def _run_later(self, func: Callable[[], None], delay_ms: int) -> None:
        def run() -> None:
            if not self._closed:
                func()

        if delay_ms <= 0:
            run()
        else:
            QTimer.singleShot(delay_ms, self, run)

    def add_banner(self, widget: QWidget) -> None:
        """Show ``widget`` across the top of the window, above the organisation and the
        work area (a notice such as the holiday banner, which hides itself when it has
        nothing to say)."""
        self.banners.addWidget(widget)

    def add_dock(
        self,
        widget: QWidget,
        title: str,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """Add ``widget`` in a dock with a View-menu entry that shows or hides it. Give the
        widget an objectName: the dock's place and size are remembered under it."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{widget.objectName() or title}_dock")
        dock.setWidget(widget)
        if not self.restoreDockWidget(dock):  # where the user left it last time, else:
            self.addDockWidget(area, dock)
            if area in (
                Qt.DockWidgetArea.LeftDockWidgetArea,
                Qt.DockWidgetArea.RightDockWidgetArea,
            ):
                # not as wide as its table would like: the page beside it comes first
                self.resizeDocks([dock], [FIRST_DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.menus["view"].addAction(dock.toggleViewAction())
        return dock

    def remember_columns(self, header: QHeaderView, name: str) -> None:
        """Restore ``header``'s column widths, order and sorting saved under ``name`` (a
        feature's table, e.g. "case_list"), and save them when the window closes."""
        state = self._settings.value(keys.COLUMNS_PREFIX + name)
        if isinstance(state, QByteArray):
            header.restoreState(state)
        self._headers[name] = header

    # -- settings -------------------------------------------------------------------------

    def open_settings(self) -> None:
        # the dialog and its pages: imported when first opened
        from ipdesk.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self._settings, database_label=self._database_label, parent=self)
        dialog.settings_saved.connect(self._on_settings_saved)
        dialog.exec()
        dialog.deleteLater()

    def _on_settings_saved(self, changed: list[str]) -> None:
        from ipdesk.ui.settings.dialog import RESTART_KEYS

        if any(key in RESTART_KEYS for key in changed):
            self.statusBar().showMessage(
                self.tr("Some changes take effect when ipdesk starts again."), 10000
            )
        self.settings_saved.emit(changed)

    def open_log_folder(self) -> None:
        """Show the folder of the log files in the desktop's file manager."""
        try:
            self._log_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("Cannot create the log folder %s: %s", self._log_dir, exc)
        if not open_url(QUrl.fromLocalFile(str(self._log_dir))):
            QMessageBox.information(
                self,
                self.tr("Log folder"),
                self.tr("The log files are in:\n{0}").format(self._log_dir),
            )

    def _restore_settings(self) -> None:
        geometry = self._settings.value(_GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            # the first start: 1,280 × 800, or the screen's room for windows if it has less
            self.resize(FIRST_SIZE.boundedTo(self.screen().availableGeometry().size()))
        state = self._settings.value(_STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self._settings.value(_SPLITTER_KEY)
        if not (isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)):
            self.splitter.setSizes([320, 960])  # the offices' names whole, the page wide

    def _save_settings(self) -> None:
        self._settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(_STATE_KEY, self.saveState())
        self._settings.setValue(_SPLITTER_KEY, self.splitter.saveState())
        for name, header in self._headers.items():
            if shiboken6.isValid(header):
                self._settings.setValue(keys.COLUMNS_PREFIX + name, header.saveState())
        self._settings.sync()

    # -- loading --------------------------------------------------------------------------

    def reload_org(self) -> None:
        """Load the organisation tree in the background; ``org_loaded`` tells when done."""
        self.statusBar().showMessage(self._loading_text())
        self._org.reload()

    def _loading_text(self) -> str:
        return self.tr("Loading the organisation…")

    def _on_org_loaded(self, offices: list[OfficeInfo]) -> None:
        self.org_model.load(offices)
        if len(offices) == 1:
            self.org_view.expandAll()
        self._restore_selection()
        if self.statusBar().currentMessage() == self._loading_text():
            self.statusBar().clearMessage()  # but keep a message someone showed meanwhile
        self.org_loaded.emit()

    def _on_org_load_failed(self, refusal: Refusal) -> None:
        log.error("Loading the organisation failed: %s", refusal.text)
        text = self.tr("The organisation could not be loaded: {0}").format(refusal.text)
        self.statusBar().showMessage(text)
        self.org_load_failed.emit(text)

    def _restore_selection(self) -> None:
        if self._selected is None:
            return
        index = self.org_model.index_of(*self._selected)
        if index.isValid():
            self.org_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.org_view.scrollTo(index)

    # -- slots ----------------------------------------------------------------------------

    def _on_unit_selection_changed(
        self, selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        unit = self.org_model.unit_at(indexes[0])
        if unit is None or unit == self._selected:
            return
        self._selected = unit
        self.unit_selected.emit(*unit)

    def _on_users_triggered(self) -> None:
        from ipdesk.ui.auth.users_dialog import UserAdminDialog  # when first asked for

        UserAdminDialog(self._desk, self).exec()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About ipdesk"), self.about_text())

    def about_text(self) -> str:
        import html  # here: its entities' table (2,000 names) is not for the start

        try:
            version = metadata.version("ipdesk")
        except metadata.PackageNotFoundError:
            version = "?"
        return self.tr(
            "<h3>ipdesk {0}</h3><p>IP Rights Protection Aid and Mediation</p><p>Database: {1}</p>"
        ).format(version, html.escape(self._database_label))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        self._closed = True  # signed out or quitting: what was held back or delayed stays undone
        self._held.clear()
        self._desk.drop_held_reads()
        super().closeEvent(event)
