"""The sign-in, first-administrator and user administration dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

import ipdesk.ui.auth as auth_ui
from ipdesk.models import Case, CaseStatus, Role, User
from ipdesk.services.actors import Actor
from ipdesk.services.admin import auth
from ipdesk.services.admin.auth import SignedIn, UserInfo
from ipdesk.services.admin.org import org_tree
from ipdesk.services.cases import mediation, routing, workflow
from ipdesk.ui import tasks
from ipdesk.ui.auth import CreateAdministratorDialog, SignInDialog
from ipdesk.ui.auth.users_dialog import (
    ConfirmDisable,
    ResetPasswordDialog,
    UserAdminDialog,
    UserEditDialog,
    UserTableModel,
)
from ipdesk.ui.desk import Desk, Gate
from tests.helpers.desks import make_desk
from tests.helpers.factories import TEST_PASSWORD, agreement_form, make_case, make_user

Factory = sessionmaker[Session]


def add_user(factory: Factory, role: Role, **kw: Any) -> int:
    with factory.begin() as s:
        return make_user(s, role, **kw).id


def admin_actor(factory: Factory) -> Actor:
    user_id = add_user(factory, Role.ADMIN, username="root", display_name="管理员")
    with factory() as s:
        return Actor.of(s.get(User, user_id))  # type: ignore[arg-type]


def sign_in_dialog(qtbot: QtBot, factory: Factory, **kw: Any) -> SignInDialog:
    dialog = SignInDialog(Gate(factory), **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def submit(qtbot: QtBot, dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


# -- signing in -----------------------------------------------------------------------------


def test_enter_signs_in(qtbot: QtBot, seeded: Factory) -> None:
    user_id = add_user(seeded, Role.MEDIATOR, office="TL01", username="med1")
    dialog = sign_in_dialog(qtbot, seeded, database_label="SQLite test.sqlite3")
    with qtbot.waitSignal(dialog.signed_in) as blocker:
        submit(qtbot, dialog, "med1", TEST_PASSWORD)
    signed: SignedIn = blocker.args[0]
    assert (signed.user_id, signed.role) == (user_id, Role.MEDIATOR)
    assert dialog.signed_in_as == signed
    assert dialog.result() == QDialog.DialogCode.Accepted
    database_label = dialog.findChild(type(dialog.error_label), "database_label")
    assert database_label is not None and database_label.text().endswith("test.sqlite3")


def test_wrong_password_is_shown_next_to_the_fields(qtbot: QtBot, seeded: Factory) -> None:
    add_user(seeded, Role.MEDIATOR, office="TL01", username="med1")
    dialog = sign_in_dialog(qtbot, seeded)
    with qtbot.waitSignal(dialog.sign_in_failed) as blocker:
        submit(qtbot, dialog, "med1", "not-the-password")
    assert blocker.args == ["Wrong user name or password."]
    assert dialog.error_text() == "Wrong user name or password."
    assert dialog.isVisible() and dialog.signed_in_as is None
    assert dialog.password_edit.text() == ""  # typed again, the user name is kept
    assert dialog.username_edit.text() == "med1"
    assert dialog.sign_in_button.isEnabled()


def test_lock_out_tells_how_long(qtbot: QtBot, seeded: Factory) -> None:
    add_user(seeded, Role.MEDIATOR, office="TL01", username="med1")
    dialog = sign_in_dialog(qtbot, seeded)
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        with qtbot.waitSignal(dialog.sign_in_failed):
            submit(qtbot, dialog, "med1", "guess")
    locked = (
        "Too many wrong passwords: the account is locked. "
        f"Try again in {auth.LOCKOUT_MINUTES} minute(s)."
    )
    assert dialog.error_text() == locked
    with qtbot.waitSignal(dialog.sign_in_failed) as blocker:  # the right password too
        submit(qtbot, dialog, "med1", TEST_PASSWORD)
    assert "locked" in blocker.args[0]


def test_disabled_user_is_told(qtbot: QtBot, seeded: Factory) -> None:
    add_user(seeded, Role.CITY_MANAGER, username="gone", active=False)
    dialog = sign_in_dialog(qtbot, seeded)
    with qtbot.waitSignal(dialog.sign_in_failed) as blocker:
        submit(qtbot, dialog, "gone", TEST_PASSWORD)
    assert blocker.args == ["This account has been disabled. Please ask an administrator."]


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [("", "x", "Enter your user name."), ("someone", "", "Enter your password.")],
)
def test_empty_fields_are_asked_for(
    qtbot: QtBot, seeded: Factory, username: str, password: str, message: str
) -> None:
    dialog = sign_in_dialog(qtbot, seeded)
    submit(qtbot, dialog, username, password)
    assert dialog.error_text() == message
    assert dialog.isVisible()


# -- the first administrator ----------------------------------------------------------------


def create_admin_dialog(qtbot: QtBot, factory: Factory) -> CreateAdministratorDialog:
    dialog = CreateAdministratorDialog(Gate(factory))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_first_start_creates_the_administrator(qtbot: QtBot, seeded: Factory) -> None:
    dialog = create_admin_dialog(qtbot, seeded)
    assert dialog.username_edit.text() == "admin"
    dialog.name_edit.setText("系统管理员")
    dialog.password_edit.setText("admin-pass-1")
    dialog.confirm_edit.setText("admin-pass-2")
    dialog.create_button.click()
    assert dialog.error_text() == "The two passwords do not match."

    dialog.password_edit.setText("12345678")
    dialog.confirm_edit.setText("12345678")
    with qtbot.waitSignal(dialog.creation_failed) as blocker:
        dialog.create_button.click()
    assert blocker.args == ["The password must not consist of digits only."]
    assert dialog.password_edit.hasFocus()

    dialog.password_edit.setText("admin-pass-1")
    dialog.confirm_edit.setText("admin-pass-1")
    with qtbot.waitSignal(dialog.administrator_created) as blocker:
        qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    info: UserInfo = blocker.args[0]
    assert (info.username, info.display_name, info.role) == ("admin", "系统管理员", Role.ADMIN)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert auth.sign_in(seeded, "admin", "admin-pass-1").role == Role.ADMIN


def test_start_up_creates_the_administrator_then_signs_in(
    qtbot: QtBot, seeded: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``sign_in_at_start`` with the modal ``exec`` of both dialogs played by the test."""
    shown: list[str] = []

    def create_exec(self: CreateAdministratorDialog) -> int:
        shown.append("create")
        self.name_edit.setText("管理员")
        self.password_edit.setText("admin-pass-1")
        self.confirm_edit.setText("admin-pass-1")
        self.create_button.click()
        return self.result()

    def sign_in_exec(self: SignInDialog) -> int:
        shown.append(f"sign in as {self.username_edit.text() or '?'}")
        self.username_edit.setText("admin")
        self.password_edit.setText("admin-pass-1")
        self.sign_in_button.click()
        return self.result()

    monkeypatch.setattr(CreateAdministratorDialog, "exec", create_exec)
    monkeypatch.setattr(SignInDialog, "exec", sign_in_exec)
    with tasks.synchronous():
        signed = auth_ui.sign_in_at_start(Gate(seeded))
        assert signed is not None and signed.role == Role.ADMIN
        assert shown == ["create", "sign in as admin"]
        # The next start goes straight to signing in.
        shown.clear()
        assert auth_ui.sign_in_at_start(Gate(seeded)) is not None
        assert shown == ["sign in as ?"]


# -- user administration --------------------------------------------------------------------


def infos(factory: Factory) -> list[UserInfo]:
    with factory() as s:
        return auth.list_users(s, Actor.system())


def test_user_table_model_passes_the_model_tester(
    qtmodeltester: ModelTester, seeded: Factory
) -> None:
    add_user(seeded, Role.STATION_STAFF, station="TL01-S01", username="staff")
    add_user(seeded, Role.MEDIATOR, office="TL01", username="med", active=False)
    add_user(seeded, Role.CITY_MANAGER, username="city")
    model = UserTableModel()
    qtmodeltester.check(model)
    model.set_rows(infos(seeded))
    qtmodeltester.check(model)
    model.set_rows([])
    model.set_rows(infos(seeded))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["city", "med", "staff"]
    assert [model.index(r, UserTableModel.SCOPE).data() for r in range(3)] == [
        "Whole city",
        "TL01",
        "TL01-S01",
    ]
    assert [model.index(r, UserTableModel.STATUS).data() for r in range(3)] == [
        "Active",
        "Disabled",
        "Active",
    ]
    assert model.index(1, UserTableModel.ROLE).data() == "Mediator"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "User name"


def test_locked_users_show_until_when(seeded: Factory) -> None:
    user_id = add_user(seeded, Role.CITY_MANAGER, username="locked")
    until = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
    with seeded.begin() as s:
        s.get(User, user_id).locked_until = until  # type: ignore[union-attr]
    model = UserTableModel()
    model.set_rows(infos(seeded))
    assert model.index(0, UserTableModel.STATUS).data() == (
        f"Locked until {until.astimezone().strftime('%H:%M')}"
    )


def admin_dialog(qtbot: QtBot, factory: Factory, actor: Actor) -> UserAdminDialog:
    dialog = UserAdminDialog(make_desk(factory, actor))
    qtbot.addWidget(dialog)
    # The load started by the constructor is delivered through the event loop: connecting
    # now cannot miss it.
    with qtbot.waitSignal(dialog.users_loaded):
        pass
    return dialog


def test_admin_dialog_lists_and_disables_users(
    qtbot: QtBot, seeded: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    actor = admin_actor(seeded)
    med = add_user(seeded, Role.MEDIATOR, office="TL01", username="med", display_name="调解员甲")
    dialog = admin_dialog(qtbot, seeded, actor)
    model = dialog.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["med", "root"]
    assert not dialog.toggle_active_button.isEnabled()

    assert dialog.select_user(med)
    assert dialog.toggle_active_button.isEnabled()
    assert dialog.toggle_active_button.text() == "&Disable"
    # Disabling is asked first; "no" changes nothing.
    asked: list[str] = []

    def answer(reply: bool) -> Callable[[object, UserInfo], bool]:
        def ask(_parent: object, user: UserInfo) -> bool:
            asked.append(user.username)
            return reply

        return ask

    monkeypatch.setattr(ConfirmDisable, "ask", answer(False))
    dialog.toggle_active_button.click()
    assert asked == ["med"]
    assert auth.sign_in(seeded, "med", TEST_PASSWORD).user_id == med
    assert dialog.toggle_active_button.text() == "&Disable"
    monkeypatch.setattr(ConfirmDisable, "ask", answer(True))
    with qtbot.waitSignal(dialog.users_loaded):
        dialog.toggle_active_button.click()
    assert asked == ["med", "med"]
    assert dialog.message_label.text() == "med was disabled and can no longer sign in."
    assert model.index(model.row_of(med), UserTableModel.STATUS).data() == "Disabled"
    assert dialog.selected_user() is not None and dialog.selected_user().id == med  # type: ignore[union-attr]
    assert dialog.toggle_active_button.text() == "&Enable"
    with pytest.raises(auth.AccountDisabled):
        auth.sign_in(seeded, "med", TEST_PASSWORD)

    with qtbot.waitSignal(dialog.users_loaded):
        dialog.toggle_active_button.click()  # enabling is not asked
    assert asked == ["med", "med"]
    assert dialog.message_label.text() == "med can sign in again."
    assert auth.sign_in(seeded, "med", TEST_PASSWORD).user_id == med


def test_admin_cannot_disable_themselves(qtbot: QtBot, seeded: Factory) -> None:
    actor = admin_actor(seeded)
    dialog = admin_dialog(qtbot, seeded, actor)
    assert actor.user_id is not None and dialog.select_user(actor.user_id)
    with qtbot.waitSignal(dialog.message_shown) as blocker:
        dialog.toggle_active_button.click()
    assert blocker.args == ["You cannot disable your own account."]
    assert dialog.toggle_active_button.isEnabled()


def test_admin_dialog_new_and_change_role_go_through_ask(
    qtbot: QtBot, seeded: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    actor = admin_actor(seeded)
    dialog = admin_dialog(qtbot, seeded, actor)
    asked: list[tuple[int, UserInfo | None]] = []

    def fake_ask(parent: Any, desk: Desk, offices: Any, user: Any = None) -> Any:
        asked.append((len(offices), user))
        who = desk.actor
        with seeded.begin() as s:
            if user is None:
                return auth.create_user(
                    s,
                    who,
                    "new.staff",
                    "新站员",
                    Role.STATION_STAFF,
                    "good-pass-1",
                    station_code="TL02-S01",
                )
            return auth.change_role(s, who, user.id, Role.OFFICE_MANAGER, office_code="TL02")

    monkeypatch.setattr(UserEditDialog, "ask", fake_ask)
    with qtbot.waitSignal(dialog.users_loaded):
        dialog.new_button.click()
    assert asked == [(9, None)]  # the dialog is given the organisation to choose from
    created = dialog.selected_user()
    assert created is not None and created.username == "new.staff"
    assert dialog.message_label.text() == "User new.staff was created."

    with qtbot.waitSignal(dialog.users_loaded):
        dialog.change_role_button.click()
    assert asked[1][1] == created
    changed = dialog.selected_user()
    assert changed is not None and (changed.role, changed.office_code) == (
        Role.OFFICE_MANAGER,
        "TL02",
    )
    assert dialog.message_label.text() == "new.staff is now: Office manager."


def test_admin_dialog_reset_password_goes_through_ask(
    qtbot: QtBot, seeded: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    actor = admin_actor(seeded)
    med = add_user(seeded, Role.MEDIATOR, office="TL01", username="med")
    dialog = admin_dialog(qtbot, seeded, actor)
    monkeypatch.setattr(ResetPasswordDialog, "ask", lambda *args: None)  # cancelled
    dialog.select_user(med)
    dialog.reset_password_button.click()
    assert dialog.message_label.text() == ""


def edit_dialog(
    qtbot: QtBot, factory: Factory, actor: Actor, user: UserInfo | None = None
) -> UserEditDialog:
    with factory() as s:
        offices = org_tree(s, actor)
    dialog = UserEditDialog(make_desk(factory, actor), offices, user)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_edit_dialog_creates_a_user_with_a_fitting_scope(qtbot: QtBot, seeded: Factory) -> None:
    actor = admin_actor(seeded)
    dialog = edit_dialog(qtbot, seeded, actor)
    assert dialog.role() == Role.MEDIATOR
    assert dialog.scope_combo.count() == 9 and dialog.scope_combo.currentData() == "TL01"

    dialog.set_role(Role.CITY_MANAGER)
    assert (dialog.scope_combo.count(), dialog.scope_combo.isEnabled()) == (1, False)
    assert dialog.scope_combo.currentText() == "Whole city"

    dialog.set_role(Role.STATION_STAFF)
    assert dialog.scope_combo.count() == 89
    assert dialog.select_scope("TL03-S02")
    dialog.username_edit.setText("Zhan.Yuan")
    dialog.name_edit.setText("站员")
    dialog.password_edit.setText("staff-pass-1")
    dialog.confirm_edit.setText("staff-pass-x")
    dialog.ok_button.click()
    assert dialog.error_text() == "The two passwords do not match."

    dialog.confirm_edit.setText("staff-pass-1")
    dialog.username_edit.setText("x")
    with qtbot.waitSignal(dialog.refused) as blocker:
        dialog.ok_button.click()
    assert "user name" in blocker.args[0]
    assert dialog.username_edit.hasFocus()

    dialog.username_edit.setText("Zhan.Yuan")
    with qtbot.waitSignal(dialog.saved) as blocker:
        qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)
    info: UserInfo = blocker.args[0]
    assert (info.username, info.role, info.station_code) == (
        "zhan.yuan",
        Role.STATION_STAFF,
        "TL03-S02",
    )
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert auth.sign_in(seeded, "zhan.yuan", "staff-pass-1").station_id is not None


def test_edit_dialog_changes_role_and_scope(qtbot: QtBot, seeded: Factory) -> None:
    actor = admin_actor(seeded)
    add_user(seeded, Role.MEDIATOR, office="TL04", username="med")
    user = next(u for u in infos(seeded) if u.username == "med")
    dialog = edit_dialog(qtbot, seeded, actor, user)
    assert dialog.username_edit.isReadOnly()
    assert (dialog.role(), dialog.scope_combo.currentData()) == (Role.MEDIATOR, "TL04")
    dialog.set_role(Role.OFFICE_MANAGER)
    assert dialog.scope_combo.currentData() == "TL04"  # the office is kept
    dialog.select_scope("TL05")
    with qtbot.waitSignal(dialog.saved) as blocker:
        dialog.ok_button.click()
    assert (blocker.args[0].role, blocker.args[0].office_code) == (Role.OFFICE_MANAGER, "TL05")


def test_edit_dialog_shows_the_last_admin_refusal(qtbot: QtBot, seeded: Factory) -> None:
    actor = admin_actor(seeded)
    me = next(u for u in infos(seeded) if u.username == "root")
    dialog = edit_dialog(qtbot, seeded, actor, me)
    dialog.set_role(Role.CITY_MANAGER)
    with qtbot.waitSignal(dialog.refused) as blocker:
        dialog.ok_button.click()
    assert blocker.args == ["This is the last active administrator: it must stay."]
    assert dialog.isVisible()


def test_reset_password_dialog(qtbot: QtBot, seeded: Factory) -> None:
    actor = admin_actor(seeded)
    add_user(seeded, Role.CITY_MANAGER, username="city")
    user = next(u for u in infos(seeded) if u.username == "city")
    dialog = ResetPasswordDialog(make_desk(seeded, actor), user)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setText("short")
    dialog.confirm_edit.setText("short")
    with qtbot.waitSignal(dialog.refused) as blocker:
        dialog.ok_button.click()
    assert blocker.args == ["The password must have at least 8 characters."]
    dialog.password_edit.setText("a-new-password")
    dialog.confirm_edit.setText("a-new-password")
    with qtbot.waitSignal(dialog.saved):
        dialog.ok_button.click()
    assert auth.sign_in(seeded, "city", "a-new-password").username == "city"


# -- the way through the network ----------------------------------------------------------------


def test_station_to_office_to_mediator_with_real_sign_ins(qtbot: QtBot, seeded: Factory) -> None:
    """Sign in as station staff (a case is registered at the station), as the office manager
    (assign the suggested mediator), as the mediator (accept, mediate, agree, close); the
    station sees its case closed."""
    add_user(seeded, Role.STATION_STAFF, station="TL01-S01", username="staff")
    add_user(seeded, Role.OFFICE_MANAGER, office="TL01", username="manager")
    mediator_id = add_user(seeded, Role.MEDIATOR, office="TL01", username="mediator")

    def sign_in(username: str) -> Actor:
        dialog = sign_in_dialog(qtbot, seeded)
        with qtbot.waitSignal(dialog.signed_in) as blocker:
            submit(qtbot, dialog, username, TEST_PASSWORD)
        actor: Actor = blocker.args[0].actor
        return actor

    staff = sign_in("staff")
    with seeded.begin() as s:
        case_id = make_case(s, station_code="TL01-S01").id
    with seeded() as s:
        rows = routing.station_cases(s, staff).rows
        assert [(r.id, r.status) for r in rows] == [(case_id, CaseStatus.REGISTERED)]

    manager = sign_in("manager")
    with seeded.begin() as s:
        (row,) = routing.to_assign(s, manager).rows
        suggestion = routing.suggest_mediator(s, manager, row.id)
        assert suggestion is not None and suggestion.user_id == mediator_id
        routing.assign_mediator(s, manager, row.id, row.version, suggestion.user_id)

    mediator = sign_in("mediator")
    with seeded.begin() as s:
        (row,) = routing.my_cases(s, mediator).rows
        version = row.version
        for step in (workflow.accept, workflow.start_mediation):
            version = step(s, mediator, row.id, version).version
        case = s.get(Case, row.id)
        assert case is not None
        version = mediation.record_agreement(
            s, mediator, row.id, version, agreement_form(case)
        ).case_version
        assert workflow.close(s, mediator, row.id, version).status == CaseStatus.CLOSED

    with seeded() as s:
        (row,) = routing.station_cases(s, staff).rows
        assert row.status == CaseStatus.CLOSED
        case = s.scalars(select(Case).where(Case.id == case_id)).one()
        assert [e.kind for e in case.events] == [
            "assigned",
            "accepted",
            "mediation_started",
            "agreement_recorded",
            "closed",
        ]
