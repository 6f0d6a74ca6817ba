"""User administration for administrators: the table of users and the small dialogs that
create a user, change a role and scope, and reset a password. Every change goes through
``ipdesk.services.admin.auth`` in a background task."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipdesk.models import Role
from ipdesk.models.base import utcnow
from ipdesk.remote.calls import Call, call
from ipdesk.services.admin import auth
from ipdesk.services.admin.auth import UserInfo
from ipdesk.services.admin.org import OfficeInfo
from ipdesk.services.errors import ValidationError
from ipdesk.services.queries import read_models
from ipdesk.ui.auth.texts import auth_error_text, role_text
from ipdesk.ui.desk import Change, ChangeKind, Desk, Refusal
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.row_table import RowTableModel
from ipdesk.ui.service_dialog import ServiceDialog

Index = QModelIndex | QPersistentModelIndex


# -- the table model ---------------------------------------------------------------------------


_CHANGED = Change.of(ChangeKind.USERS)


class UserTableModel(RowTableModel[UserInfo]):
    """A read-only table of ``UserInfo`` rows: user name, name, role, scope, status."""

    USERNAME, NAME, ROLE, SCOPE, STATUS = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("User name"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Office / station"),
                self.tr("Status"),
            ],
            parent,
        )

    def row_of(self, user_id: int) -> int:
        """The row of the user; -1 when not in the table."""
        return self.find_row(lambda user: user.id == user_id)

    def cell(self, user: UserInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(user, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SCOPE:
            return user.station_name or user.office_name or None
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return QColor(Qt.GlobalColor.gray)
        return None

    def _display(self, user: UserInfo, column: int) -> str:
        if column == self.USERNAME:
            return user.username
        if column == self.NAME:
            return user.display_name
        if column == self.ROLE:
            return role_text(user.role)
        if column == self.SCOPE:
            return user.station_code or user.office_code or self.tr("Whole city")
        if not user.active:
            return self.tr("Disabled")
        if user.locked_until is not None and user.is_locked(utcnow()):
            return self.tr("Locked until {0}").format(
                user.locked_until.astimezone().strftime("%H:%M")
            )
        return self.tr("Active")


# -- small dialogs -------------------------------------------------------------------------------


class _ServiceDialog(ServiceDialog):
    """A user form (see :class:`ServiceDialog`) with the sign-in texts of refusals."""

    @property
    def saved_user(self) -> UserInfo | None:
        """The ``UserInfo`` the service returned."""
        result: UserInfo | None = self.result_value
        return result

    def _changes(self, _result: object) -> Change:
        return _CHANGED

    def _passwords_match(self, password: QLineEdit, confirm: QLineEdit) -> bool:
        if password.text() == confirm.text():
            return True
        mismatch = ValidationError("password", "两次输入的密码不一致", code="password_mismatch")
        self._show_error(auth_error_text(mismatch))
        confirm.setFocus()
        return False


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UserEditDialog(_ServiceDialog):
    """Create a user (``user`` None) or change an existing user's role and scope."""

    def __init__(
        self,
        desk: Desk,
        offices: Sequence[OfficeInfo],
        user: UserInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._offices = list(offices)
        self._user = user
        self.setObjectName("user_edit_dialog")
        if user is None:
            self.setWindowTitle(self.tr("New user"))
            self.ok_button.setText(self.tr("Create"))
        else:
            self.setWindowTitle(self.tr("Change role — {0}").format(user.username))
            self.ok_button.setText(self.tr("Save"))

        self.username_edit = QLineEdit(user.username if user else "")
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setMaxLength(64)
        self.username_edit.setReadOnly(user is not None)
        self.name_edit = QLineEdit(user.display_name if user else "")
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setReadOnly(user is not None)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("role_combo")
        for role in Role:
            self.role_combo.addItem(role_text(role), role.value)
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("scope_combo")
        self.password_edit = _password_edit("password_edit")
        self.confirm_edit = _password_edit("confirm_edit")

        self.form.addRow(self.tr("&User name:"), self.username_edit)
        self.form.addRow(self.tr("&Name:"), self.name_edit)
        self.form.addRow(self.tr("&Role:"), self.role_combo)
        self.form.addRow(self.tr("&Office / station:"), self.scope_combo)
        if user is None:
            self.form.addRow(self.tr("&Password:"), self.password_edit)
            self.form.addRow(self.tr("R&epeat password:"), self.confirm_edit)

        self.role_combo.currentIndexChanged.connect(self._on_role_changed)
        if user is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(user.role.value))
        else:
            self.role_combo.setCurrentIndex(self.role_combo.findData(Role.MEDIATOR.value))
        self._on_role_changed()
        if user is not None:
            self.select_scope(user.station_code or user.office_code)
            self.role_combo.setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        desk: Desk,
        offices: Sequence[OfficeInfo],
        user: UserInfo | None = None,
    ) -> UserInfo | None:
        """Show the dialog modally; the saved user, or None when cancelled."""
        dialog = cls(desk, offices, user, parent)
        return dialog.saved_user if dialog.exec() == QDialog.DialogCode.Accepted else None

    def role(self) -> Role:
        return Role(self.role_combo.currentData())

    def set_role(self, role: Role) -> None:
        self.role_combo.setCurrentIndex(self.role_combo.findData(role.value))

    def select_scope(self, code: str | None) -> bool:
        index = self.scope_combo.findData(code)
        if index < 0:
            return False
        self.scope_combo.setCurrentIndex(index)
        return True

    def _on_role_changed(self) -> None:
        role = self.role()
        previous = self.scope_combo.currentData()
        self.scope_combo.clear()
        if role == Role.STATION_STAFF:
            for office in self._offices:
                for station in office.stations:
                    self.scope_combo.addItem(f"{station.code}  {station.name}", station.code)
        elif role in (Role.MEDIATOR, Role.OFFICE_MANAGER):
            for office in self._offices:
                self.scope_combo.addItem(f"{office.code}  {office.name}", office.code)
        else:
            self.scope_combo.addItem(self.tr("Whole city"), None)
        self.scope_combo.setEnabled(role not in (Role.CITY_MANAGER, Role.ADMIN))
        self.select_scope(previous)  # switching mediator <-> office manager keeps the office

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "username": self.username_edit,
            "display_name": self.name_edit,
            "password": self.password_edit,
            "role": self.role_combo,
            "office": self.scope_combo,
            "station": self.scope_combo,
        }

    def _call(self) -> Call[UserInfo] | None:
        role = self.role()
        code = self.scope_combo.currentData()
        office = code if role in (Role.MEDIATOR, Role.OFFICE_MANAGER) else None
        station = code if role == Role.STATION_STAFF else None
        if self._user is not None:
            return call(
                auth.change_role, self._user.id, role, office_code=office, station_code=station
            )
        if not self._passwords_match(self.password_edit, self.confirm_edit):
            return None
        return call(
            auth.create_user,
            self.username_edit.text(),
            self.name_edit.text(),
            role,
            self.password_edit.text(),
            office_code=office,
            station_code=station,
        )


class ResetPasswordDialog(_ServiceDialog):
    """Give a user a new password (and lift a lock-out)."""

    def __init__(
        self,
        desk: Desk,
        user: UserInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._user = user
        self.setObjectName("reset_password_dialog")
        self.setWindowTitle(self.tr("Reset password — {0}").format(user.username))
        self.ok_button.setText(self.tr("Set password"))
        self.password_edit = _password_edit("password_edit")
        self.confirm_edit = _password_edit("confirm_edit")
        self.form.addRow(
            QLabel(self.tr("New password for {0} ({1}):").format(user.display_name, user.username))
        )
        self.form.addRow(self.tr("&Password:"), self.password_edit)
        self.form.addRow(self.tr("R&epeat password:"), self.confirm_edit)
        self.password_edit.setFocus()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        desk: Desk,
        user: UserInfo,
    ) -> UserInfo | None:
        dialog = cls(desk, user, parent)
        return dialog.saved_user if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _field_widgets(self) -> dict[str, QWidget]:
        return {"password": self.password_edit}

    def _call(self) -> Call[UserInfo] | None:
        if not self._passwords_match(self.password_edit, self.confirm_edit):
            return None
        return call(auth.reset_password, self._user.id, self.password_edit.text())


# -- the administration dialog -------------------------------------------------------------------


class ConfirmDisable:
    """The question before a user is disabled."""

    @classmethod
    def ask(cls, parent: QWidget | None, user: UserInfo) -> bool:
        """True when the administrator confirms disabling ``user``."""
        translate = QCoreApplication.translate
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("UserAdminDialog", "Disable user"),
            translate(
                "UserAdminDialog",
                "Disable {0} ({1})? They can no longer sign in until an administrator "
                "enables the account again.",
            ).format(user.username, user.display_name),
            QMessageBox.StandardButton.Cancel,
            parent,
        )
        disable = box.addButton(
            translate("UserAdminDialog", "&Disable"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        confirmed = box.clickedButton() is disable
        box.deleteLater()
        return confirmed


class UserAdminDialog(QDialog):
    """The table of all users with the actions an administrator takes on them."""

    users_loaded = Signal()
    """The table has been (re)loaded."""
    message_shown = Signal(str)
    """A result or an error was shown under the table."""

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self._offices: list[OfficeInfo] = []
        self._select_after_load: int | None = None
        self.setObjectName("user_admin_dialog")
        self.setWindowTitle(self.tr("Users"))
        self.resize(820, 520)

        self.model = UserTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("users_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(self._on_change_role)

        self.new_button = QPushButton(self.tr("&New user…"))
        self.new_button.setObjectName("new_button")
        self.new_button.clicked.connect(self._on_new)
        self.change_role_button = QPushButton(self.tr("Change &role…"))
        self.change_role_button.setObjectName("change_role_button")
        self.change_role_button.clicked.connect(self._on_change_role)
        self.toggle_active_button = QPushButton(self.tr("&Disable"))
        self.toggle_active_button.setObjectName("toggle_active_button")
        self.toggle_active_button.clicked.connect(self._on_toggle_active)
        self.reset_password_button = QPushButton(self.tr("Reset &password…"))
        self.reset_password_button.setObjectName("reset_password_button")
        self.reset_password_button.clicked.connect(self._on_reset_password)

        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        actions = QHBoxLayout()
        for button in (
            self.new_button,
            self.change_role_button,
            self.toggle_active_button,
            self.reset_password_button,
        ):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(close)
        self._update_buttons()
        self.reload()

    # -- loading ---------------------------------------------------------------------------

    def reload(self, select_user: int | None = None) -> None:
        """Load users and the organisation in the background; ``users_loaded`` tells when."""
        if select_user is None:
            current = self.selected_user()
            select_user = current.id if current else None
        self._select_after_load = select_user
        load = call(read_models.users_and_offices)
        self._desk.read(self, load, self._on_loaded, self._on_failed, purpose="load")

    def _on_loaded(self, loaded: tuple[list[UserInfo], list[OfficeInfo]]) -> None:
        users, self._offices = loaded
        self.model.set_rows(users)
        if self._select_after_load is not None:
            self.select_user(self._select_after_load)
        self._update_buttons()
        self.users_loaded.emit()

    def _on_failed(self, refusal: Refusal) -> None:
        self.show_message(refusal.text, error=True)

    # -- selection ---------------------------------------------------------------------------

    def selected_user(self) -> UserInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_user(self, user_id: int) -> bool:
        row = self.model.row_of(user_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        return True

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (self.change_role_button, self.toggle_active_button):
            button.setEnabled(user is not None)
        self.reset_password_button.setEnabled(user is not None)
        if user is not None and not user.active:
            self.toggle_active_button.setText(self.tr("&Enable"))
        else:
            self.toggle_active_button.setText(self.tr("&Disable"))

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if error else "")
        self.message_label.setText(text)
        self.message_shown.emit(text)

    # -- actions ----------------------------------------------------------------------------

    def _on_new(self) -> None:
        info = UserEditDialog.ask(self, self._desk, self._offices)
        if info is not None:
            self.show_message(self.tr("User {0} was created.").format(info.username))
            self.reload(info.id)

    def _on_change_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        info = UserEditDialog.ask(self, self._desk, self._offices, user)
        if info is not None:
            self.show_message(
                self.tr("{0} is now: {1}.").format(info.username, role_text(info.role))
            )
            self.reload(info.id)

    def _on_reset_password(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        info = ResetPasswordDialog.ask(self, self._desk, user)
        if info is not None:
            self.show_message(self.tr("The password of {0} was reset.").format(info.username))
            self.reload(info.id)

    def _on_toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        # Disabling locks a colleague out: asked first (one's own account is refused anyway).
        if user.active and user.id != self._actor.user_id and not ConfirmDisable.ask(self, user):
            return
        toggle = call(auth.set_active, user.id, not user.active)

        def done(info: UserInfo) -> None:
            text = (
                self.tr("{0} can sign in again.")
                if info.active
                else self.tr("{0} was disabled and can no longer sign in.")
            )
            self.show_message(text.format(info.username))
            self.reload(info.id)

        self.toggle_active_button.setEnabled(False)
        self._desk.write(self, toggle, done, self._on_toggle_failed, changes=_CHANGED)

    def _on_toggle_failed(self, refusal: Refusal) -> None:
        self._update_buttons()
        self.show_message(refusal.text, error=True)
