"""The "My work" page: the work list of the signed-in user's role.

* a mediator: the open cases assigned to them, most urgent due date first (``my_cases``);
* an office manager: their office's cases waiting for a mediator, oldest first; a city
  manager the same for all offices or the one chosen (``to_assign``), with the assign
  action (the case view's :class:`~ipdesk.ui.case_view.actions.ActionDialog`);
* station staff: their station's cases, newest first (``station_cases``).

Administrators have no work list (:func:`work_list_kind` is None). Enter or a double-click
opens the case (``case_open_requested``); pages are fetched as the list scrolls.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipdesk.models import Role
from ipdesk.remote.calls import call
from ipdesk.services.actors import Actor
from ipdesk.services.admin.org import OfficeInfo
from ipdesk.services.cases import routing
from ipdesk.services.cases.routing import CaseRow
from ipdesk.ui.desk import CASE_WORK, Desk, Refusal
from ipdesk.ui.org_source import org_source
from ipdesk.ui.unit_combo import add_unit, unit_combo
from ipdesk.ui.worklists.model import CASE_ID_ROLE, PAGE_SIZE, Loader, WorkListModel

if TYPE_CHECKING:
    from ipdesk.ui.case_view.actions import ActionDialog

log = logging.getLogger(__name__)

MY_CASES, TO_ASSIGN, STATION_CASES = "my_cases", "to_assign", "station_cases"


def work_list_kind(actor: Actor) -> str | None:
    """The work list of ``actor``'s role (None: administrators have none)."""
    return {
        Role.MEDIATOR: MY_CASES,
        Role.OFFICE_MANAGER: TO_ASSIGN,
        Role.CITY_MANAGER: TO_ASSIGN,
        Role.STATION_STAFF: STATION_CASES,
    }.get(actor.role)


class WorkListPage(QWidget):
    """The signed-in user's work list with its filters and actions."""

    case_open_requested = Signal(int)
    """The user asked to open a case (Enter, double-click, Open)."""
    mediator_assigned = Signal(str, str)
    """A mediator was assigned from here: the case's number and the mediator's name."""
    loaded = Signal(int)
    """The list was (re)loaded: the number of cases it holds."""

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        actor = desk.actor
        kind = work_list_kind(actor)
        if kind is None:
            raise ValueError(f"no work list for the role {actor.role.value}")
        self.kind = kind
        self._desk = desk
        self._actor = actor
        self._offices: dict[str, int] = {}  # code -> id, for the assign dialog
        # An office manager assigns within their office; a city manager's offices load.
        self._offices_known = actor.office_id is not None
        self.dialog: ActionDialog | None = None
        self._dialog_case_id = 0
        self.setObjectName("work_list")

        self.title = QLabel(self._title_text())
        self.title.setObjectName("work_list_title")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("work_list_summary")
        self.summary.setWordWrap(True)  # a long text: two lines, not a wider window

        self.office_combo = unit_combo("work_list_office")  # long names elide
        add_unit(self.office_combo, self.tr("All offices"), None)
        self.office_combo.setVisible(actor.role == Role.CITY_MANAGER)
        self.office_combo.currentIndexChanged.connect(self._on_options_changed)
        self.open_only = QCheckBox(self.tr("Open cases only"))
        self.open_only.setObjectName("work_list_open_only")
        self.open_only.setVisible(kind == STATION_CASES)
        self.open_only.toggled.connect(self._on_options_changed)

        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("work_list_refresh")
        self.refresh_button.clicked.connect(self.reload)
        self.open_button = QPushButton(self.tr("&Open case"))
        self.open_button.setObjectName("work_list_open")
        self.open_button.clicked.connect(self.open_selected)
        self.assign_button = QPushButton(self.tr("&Assign mediator…"))
        self.assign_button.setObjectName("work_list_assign")
        self.assign_button.setVisible(kind == TO_ASSIGN)
        self.assign_button.clicked.connect(self.assign_selected)

        self.model = WorkListModel(desk, self._loader(), self, page_size=page_size)
        desk.follow(self, CASE_WORK, self.reload)
        self.model.loaded.connect(self._on_loaded)
        self.model.load_failed.connect(self._on_load_failed)
        self.view = QTableView()
        self.view.setObjectName("work_list_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        rows = self.view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        # A page holds a hundred rows: fitting the columns to them costs little; the
        # parties take the room that is left.
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.column_of("parties"), QHeaderView.ResizeMode.Stretch)
        hidden = {"office"} if actor.role != Role.CITY_MANAGER else set()
        if kind == MY_CASES:
            hidden |= {"mediator", "office"}
        if kind == STATION_CASES:
            hidden |= {"station"}  # all of them are the staff member's station
        for key in hidden:
            header.setSectionHidden(self.model.column_of(key), True)
        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.office_combo)
        top.addWidget(self.open_only)
        top.addWidget(self.refresh_button)
        top.addWidget(self.open_button)
        top.addWidget(self.assign_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._update_actions()
        if kind == TO_ASSIGN:
            self._load_offices()  # and again after every change of the organisation

    def _title_text(self) -> str:
        if self.kind == MY_CASES:
            return self.tr("My cases")
        if self.kind == TO_ASSIGN:
            return self.tr("Cases to assign")
        return self.tr("My station's cases")

    # -- loading ----------------------------------------------------------------------------

    def _loader(self) -> Loader:
        if self.kind == MY_CASES:
            return call(routing.my_cases)
        if self.kind == TO_ASSIGN:
            return call(routing.to_assign, office_code=self.office_combo.currentData())
        return call(routing.station_cases, open_only=self.open_only.isChecked())

    def reload(self, *_args: object) -> None:
        """Load the list again from its first page (in the background)."""
        self.model.set_loader(self._loader())

    def _on_options_changed(self, *_args: object) -> None:
        self.reload()

    def _on_loaded(self, total: int) -> None:
        self.summary.setText(self._count_text(total))
        self.summary.setStyleSheet("")
        self._update_actions()
        if self.dialog is not None and self.dialog.isVisible():
            row = self.model.row_of(self._dialog_case_id)
            case = self.model.row_at(row) if row is not None else None
            if case is not None:  # still waiting: apply the kept input to its new version
                self.dialog.set_version(case.version)
        self.loaded.emit(total)

    def _count_text(self, total: int) -> str:
        if self.kind == MY_CASES:
            return self.tr("%n open case(s) assigned to you", "", total)
        if self.kind == TO_ASSIGN:
            return self.tr("%n case(s) waiting for a mediator", "", total)
        return self.tr("%n case(s)", "", total)

    def _on_load_failed(self, text: str) -> None:
        self.summary.setText(self.tr("The work list could not be loaded: {0}").format(text))
        self.summary.setStyleSheet("color: #b00020;")

    def _load_offices(self) -> None:
        def failed(refusal: Refusal) -> None:
            log.warning("Loading the offices for the work list failed: %s", refusal.text)

        # the desk's one organisation tree, shared with the main window (and its reloads)
        org_source(self._desk).subscribe(self, self._on_offices_loaded, failed)

    def _on_offices_loaded(self, offices: list[OfficeInfo]) -> None:
        self._offices = {o.code: o.id for o in offices}
        self._offices_known = True
        if self._actor.role == Role.CITY_MANAGER:
            current = self.office_combo.currentData()
            self.office_combo.blockSignals(True)
            self.office_combo.clear()
            add_unit(self.office_combo, self.tr("All offices"), None)
            for office in offices:
                add_unit(self.office_combo, f"{office.code}  {office.name}", office.code)
            self.office_combo.setCurrentIndex(max(0, self.office_combo.findData(current)))
            self.office_combo.blockSignals(False)
        self._update_actions()

    # -- actions ----------------------------------------------------------------------------

    def selected_case(self) -> CaseRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_case(self, case_id: int) -> bool:
        """Make the case the current row (when it has been fetched)."""
        row = self.model.row_of(case_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    def _update_actions(self, *_args: object) -> None:
        case = self.selected_case()
        self.open_button.setEnabled(case is not None)
        self.assign_button.setEnabled(case is not None and self._offices_known)

    def _on_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CASE_ID_ROLE)
        if isinstance(case_id, int):
            self.case_open_requested.emit(case_id)

    def open_selected(self) -> None:
        case = self.selected_case()
        if case is not None:
            self.case_open_requested.emit(case.id)

    def _office_id(self, case: CaseRow) -> int | None:
        if self._actor.role == Role.OFFICE_MANAGER:
            return self._actor.office_id
        return self._offices.get(case.office_code)

    def assign_selected(self) -> ActionDialog | None:
        """Open the assign dialog for the selected case (window-modal, not blocking)."""
        case = self.selected_case()
        if self.kind != TO_ASSIGN or case is None:
            return None
        office_id = self._office_id(case)
        if office_id is None:
            return None
        from ipdesk.ui.case_view.actions import ActionDialog  # the case view: when first used

        dialog = ActionDialog(self._desk, case.id, case.version, office_id, "assign_mediator", self)
        self._dialog_case_id = case.id
        dialog.mediator_assigned.connect(self.mediator_assigned)
        dialog.reload_requested.connect(self.reload)
        dialog.finished.connect(lambda _code, d=dialog: self._on_dialog_finished(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_finished(self, dialog: ActionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
