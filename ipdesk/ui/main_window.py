"""The main window: the organisation tree on the left, the work area on the right."""

from __future__ import annotations

import html
import logging
from importlib import metadata

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.db import READ_ONLY
from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.org import OfficeInfo, org_tree
from ipdesk.ui.auth.users_dialog import UserAdminDialog
from ipdesk.ui.messages import error_text
from ipdesk.ui.org_tree import OrgTreeModel
from ipdesk.ui.tasks import run_task

log = logging.getLogger(__name__)

_GEOMETRY_KEY = "main_window/geometry"
_STATE_KEY = "main_window/state"
_SPLITTER_KEY = "main_window/splitter"


class MainWindow(QMainWindow):
    unit_selected = Signal(str, int)
    """The user selected an office or station: kind ("office"/"station") and id."""
    org_loaded = Signal()
    """The organisation tree has been (re)loaded."""
    org_load_failed = Signal(str)
    """Loading the organisation tree failed; the text says why."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        database_label: str,
        actor: Actor,
        *,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session_factory = session_factory
        self._database_label = database_label
        self._actor = actor
        self._settings = settings if settings is not None else QSettings()
        self._load_generation = 0
        self._selected: tuple[str, int] | None = None

        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("IP Rights Protection Aid and Mediation — ipdesk"))

        self.org_model = OrgTreeModel(self)
        self.org_view = QTreeView()
        self.org_view.setObjectName("org_view")
        self.org_view.setModel(self.org_model)
        self.org_view.setUniformRowHeights(True)
        self.org_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.org_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Station names differ in the middle and end with the count: keep both ends visible.
        self.org_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.org_view.setMinimumWidth(240)
        self.org_view.selectionModel().currentChanged.connect(self._on_current_unit_changed)

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
        self.setCentralWidget(self.splitter)

        self._build_menus()

        self.database_status = QLabel(self.tr("Database: {0}").format(database_label))
        self.database_status.setObjectName("database_status")
        self.statusBar().addPermanentWidget(self.database_status)
        self.user_status = QLabel(self.tr("Signed in: {0}").format(actor.name))
        self.user_status.setObjectName("user_status")
        self.statusBar().addPermanentWidget(self.user_status)

        self._restore_settings()
        self.reload_org()

    # -- building -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quit_action")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        if self._actor.role == Role.ADMIN:
            admin_menu = self.menuBar().addMenu(self.tr("&Administration"))
            self.users_action = QAction(self.tr("&Users…"), self)
            self.users_action.setObjectName("users_action")
            self.users_action.triggered.connect(self._on_users_triggered)
            admin_menu.addAction(self.users_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About ipdesk"), self)
        self.about_action.setObjectName("about_action")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._on_about_triggered)
        help_menu.addAction(self.about_action)

    def _restore_settings(self) -> None:
        geometry = self._settings.value(_GEOMETRY_KEY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1280, 800)
        state = self._settings.value(_STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self._settings.value(_SPLITTER_KEY)
        if not (isinstance(splitter, QByteArray) and self.splitter.restoreState(splitter)):
            self.splitter.setSizes([460, 820])

    def _save_settings(self) -> None:
        self._settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(_STATE_KEY, self.saveState())
        self._settings.setValue(_SPLITTER_KEY, self.splitter.saveState())
        self._settings.sync()

    # -- loading --------------------------------------------------------------------------

    def reload_org(self) -> None:
        """Load the organisation tree in the background; ``org_loaded`` tells when done."""
        self._load_generation += 1
        generation = self._load_generation
        factory, actor = self._session_factory, self._actor

        def load() -> list[OfficeInfo]:
            with factory() as session:
                session.connection(execution_options=READ_ONLY)
                return org_tree(session, actor)

        self.statusBar().showMessage(self._loading_text())
        run_task(
            load,
            lambda offices: self._on_org_loaded(generation, offices),
            lambda exc: self._on_org_load_failed(generation, exc),
            context=self,
        )

    def _loading_text(self) -> str:
        return self.tr("Loading the organisation…")

    def _on_org_loaded(self, generation: int, offices: list[OfficeInfo]) -> None:
        if generation != self._load_generation:
            return  # a newer load is on its way
        self.org_model.load(offices)
        if len(offices) == 1:
            self.org_view.expandAll()
        self._restore_selection()
        if self.statusBar().currentMessage() == self._loading_text():
            self.statusBar().clearMessage()  # but keep a message someone showed meanwhile
        self.org_loaded.emit()

    def _on_org_load_failed(self, generation: int, error: Exception) -> None:
        if generation != self._load_generation:
            return
        log.error("Loading the organisation failed", exc_info=error)
        text = self.tr("The organisation could not be loaded: {0}").format(error_text(error))
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

    def _on_current_unit_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        unit = self.org_model.unit_at(current)
        if unit is None or unit == self._selected:
            return
        self._selected = unit
        self.unit_selected.emit(*unit)

    def _on_users_triggered(self) -> None:
        UserAdminDialog(self._session_factory, self._actor, self).exec()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About ipdesk"), self.about_text())

    def about_text(self) -> str:
        try:
            version = metadata.version("ipdesk")
        except metadata.PackageNotFoundError:
            version = "?"
        return self.tr(
            "<h3>ipdesk {0}</h3><p>IP Rights Protection Aid and Mediation</p><p>Database: {1}</p>"
        ).format(version, html.escape(self._database_label))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        super().closeEvent(event)
