"""The partner agencies: everyone sees the active ones; the administrator adds, edits,
deactivates and activates them. Every call goes through ``ipdesk.services.admin.agencies`` in a
background task."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipdesk.models import AgencyKind, Role
from ipdesk.remote.calls import Call, call
from ipdesk.services.admin import agencies
from ipdesk.services.admin.agencies import COURT_LEVELS, AgencyForm, AgencyInfo
from ipdesk.ui.agencies.texts import agency_kind_text, court_level_text
from ipdesk.ui.desk import Change, ChangeKind, Desk, Refusal
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.row_table import ROW_ID_ROLE, RowTableModel
from ipdesk.ui.service_dialog import ServiceDialog

AGENCY_ID_ROLE = ROW_ID_ROLE


_CHANGED = Change.of(ChangeKind.AGENCIES)


class AgencyTableModel(RowTableModel[AgencyInfo]):
    """Read-only rows of :class:`AgencyInfo`; inactive agencies in grey."""

    CODE, KIND, NAME, LEVEL, CONTACT, PHONE, ADDRESS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("Code"),
                self.tr("Kind"),
                self.tr("Name"),
                self.tr("Court level"),
                self.tr("Contact person"),
                self.tr("Phone"),
                self.tr("Address"),
            ],
            parent,
        )

    def row_of(self, agency_id: int) -> int:
        return self.find_row(lambda agency: agency.id == agency_id)

    def cell(self, agency: AgencyInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(agency, column)
        if role == Qt.ItemDataRole.ForegroundRole and not agency.active:
            return QColor(Qt.GlobalColor.gray)
        if role == Qt.ItemDataRole.ToolTipRole and not agency.active:
            return self.tr("Deactivated: no longer offered")
        return None

    def _display(self, agency: AgencyInfo, column: int) -> str | None:
        values = {
            self.CODE: agency.code,
            self.KIND: agency_kind_text(agency.kind),
            self.NAME: agency.name,
            self.LEVEL: court_level_text(agency.court_level),
            self.CONTACT: agency.contact_person or "",
            self.PHONE: agency.phone or "",
            self.ADDRESS: agency.address or "",
        }
        return values.get(column)


class AgencyEditDialog(ServiceDialog):
    """Create an agency (``agency`` None) or edit one."""

    def __init__(
        self,
        desk: Desk,
        agency: AgencyInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._agency = agency
        self.setObjectName("agency_edit_dialog")
        if agency is None:
            self.setWindowTitle(self.tr("New agency"))
        else:
            self.setWindowTitle(self.tr("Edit agency — {0}").format(agency.name))

        self.code_edit = QLineEdit(agency.code if agency else "")
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setMaxLength(32)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for kind in AgencyKind:
            self.kind_combo.addItem(agency_kind_text(kind), kind.value)
        self.name_edit = QLineEdit(agency.name if agency else "")
        self.name_edit.setObjectName("name_edit")
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("level_combo")
        for level in COURT_LEVELS:
            self.level_combo.addItem(court_level_text(level), level)
        self.contact_edit = QLineEdit(agency.contact_person or "" if agency else "")
        self.contact_edit.setObjectName("contact_edit")
        self.phone_edit = QLineEdit(agency.phone or "" if agency else "")
        self.phone_edit.setObjectName("phone_edit")
        self.phone_edit.setPlaceholderText(self.tr("e.g. 0475-8123456 or 13912345678"))
        self.address_edit = QLineEdit(agency.address or "" if agency else "")
        self.address_edit.setObjectName("address_edit")
        self.region_edit = QLineEdit(agency.region or "" if agency else "")
        self.region_edit.setObjectName("region_edit")
        self.region_edit.setPlaceholderText(self.tr("Division code, e.g. 150502"))

        if agency is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(agency.kind.value))
            if agency.court_level:
                self.level_combo.setCurrentIndex(self.level_combo.findData(agency.court_level))
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)

        self.form.addRow(self.tr("&Code:"), self.code_edit)
        self.form.addRow(self.tr("&Kind:"), self.kind_combo)
        self.form.addRow(self.tr("&Name:"), self.name_edit)
        self.form.addRow(self.tr("Court &level:"), self.level_combo)
        self.form.addRow(self.tr("Contact &person:"), self.contact_edit)
        self.form.addRow(self.tr("&Phone:"), self.phone_edit)
        self.form.addRow(self.tr("&Address:"), self.address_edit)
        self.form.addRow(self.tr("&Region:"), self.region_edit)
        self._on_kind_changed()

    def _on_kind_changed(self, *_args: object) -> None:
        self.level_combo.setEnabled(self.kind_combo.currentData() == AgencyKind.COURT.value)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "code": self.code_edit,
            "kind": self.kind_combo,
            "name": self.name_edit,
            "court_level": self.level_combo,
            "contact_person": self.contact_edit,
            "phone": self.phone_edit,
            "address": self.address_edit,
            "region": self.region_edit,
        }

    def _changes(self, _result: object) -> Change:
        return _CHANGED

    def _call(self) -> Call[AgencyInfo] | None:
        kind = str(self.kind_combo.currentData())
        form = AgencyForm(
            code=self.code_edit.text(),
            kind=kind,
            name=self.name_edit.text(),
            contact_person=self.contact_edit.text(),
            phone=self.phone_edit.text(),
            address=self.address_edit.text(),
            court_level=str(self.level_combo.currentData()) if kind == "court" else "",
            region=self.region_edit.text(),
        )
        if self._agency is None:
            return call(agencies.create_agency, form)
        return call(agencies.update_agency, self._agency.id, form)


class AgenciesDialog(QDialog):
    """The list of partner agencies; editable by administrators."""

    agencies_loaded = Signal(int)
    """The list was (re)loaded: how many rows it shows."""
    agency_saved = Signal(object)
    """An agency was created, edited, deactivated or activated: its ``AgencyInfo``."""
    failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self._actor = desk.actor
        self.is_admin = self._actor.role == Role.ADMIN
        self.setObjectName("agencies_dialog")
        self.setWindowTitle(self.tr("Partner agencies"))

        self.model = AgencyTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("agencies_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.show_inactive = QCheckBox(self.tr("Show &deactivated"))
        self.show_inactive.setObjectName("show_inactive")
        self.show_inactive.toggled.connect(self.reload)
        self.add_button = QPushButton(self.tr("&New…"))
        self.add_button.setObjectName("add_button")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("edit_button")
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.active_button = QPushButton(self.tr("De&activate"))
        self.active_button.setObjectName("active_button")
        self.active_button.clicked.connect(self._on_active_clicked)
        for widget in (self.show_inactive, self.add_button, self.edit_button, self.active_button):
            widget.setVisible(self.is_admin)
        self.status = QLabel()
        self.status.setObjectName("agencies_status")
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.show_inactive)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.active_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(900, 480)
        self._update_buttons()
        desk.follow(self, [ChangeKind.AGENCIES], self.reload)
        self.reload()

    # -- asking (patched in tests) -------------------------------------------------------------

    @classmethod
    def ask_agency(
        cls,
        parent: QWidget,
        desk: Desk,
        agency: AgencyInfo | None,
    ) -> AgencyInfo | None:
        """Run the edit dialog; the saved agency, or None when cancelled."""
        dialog = AgencyEditDialog(desk, agency, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        result: AgencyInfo = dialog.result_value
        return result

    # -- loading -------------------------------------------------------------------------------

    def reload(self, *_args: object) -> None:
        include = self.is_admin and self.show_inactive.isChecked()
        load = call(agencies.list_agencies, include_inactive=include)
        self.desk.read(self, load, self._on_loaded, self._on_failed, purpose="load")

    def _on_loaded(self, rows: list[AgencyInfo]) -> None:
        self.model.set_rows(rows)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%n agency(ies)", "", len(rows)))
        self._update_buttons()
        self.agencies_loaded.emit(len(rows))

    def _on_failed(self, refusal: Refusal) -> None:
        text = refusal.text
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)
        self.failed.emit(text)

    # -- actions -------------------------------------------------------------------------------

    def selected(self) -> AgencyInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, agency_id: int) -> None:
        row = self.model.row_of(agency_id)
        if row >= 0:
            self.view.selectRow(row)

    def _update_buttons(self, *_args: object) -> None:
        agency = self.selected()
        self.edit_button.setEnabled(self.is_admin and agency is not None)
        self.active_button.setEnabled(self.is_admin and agency is not None)
        if agency is not None and not agency.active:
            self.active_button.setText(self.tr("&Activate"))
        else:
            self.active_button.setText(self.tr("De&activate"))

    def _on_add_clicked(self) -> None:
        self._edit(None)

    def _on_edit_clicked(self) -> None:
        agency = self.selected()
        if agency is not None:
            self._edit(agency)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        agency = self.model.row_at(index.row())
        if agency is not None and self.is_admin:
            self._edit(agency)

    def _edit(self, agency: AgencyInfo | None) -> None:
        saved = type(self).ask_agency(self, self.desk, agency)
        if saved is not None:
            self.agency_saved.emit(saved)  # the list follows the change

    def _on_active_clicked(self) -> None:
        agency = self.selected()
        if agency is None:
            return
        change = call(agencies.set_agency_active, agency.id, not agency.active)
        self.desk.write(self, change, self.agency_saved.emit, self._on_failed, changes=_CHANGED)
