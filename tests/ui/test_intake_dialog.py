"""The intake dialog, filled in like a person: typing, tabbing, saving."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.queries.search import search_cases
from ipdesk.services.rules import identifiers as ids
from ipdesk.ui import tasks
from ipdesk.ui.cases import CaseListWidget
from ipdesk.ui.intake.dialog import IntakeDialog
from tests.helpers.desks import make_desk
from tests.helpers.factories import make_case, make_user, seed

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question box would block the test: answer yes unless a test says otherwise."""
    monkeypatch.setattr(IntakeDialog, "ask", classmethod(lambda cls, parent, title, text: True))


@pytest.fixture
def staff(session_factory: sessionmaker[Session]) -> Actor:
    with session_factory.begin() as session:
        seed(session)
        return Actor.of(make_user(session, Role.STATION_STAFF, station="TL01-S01"))


def open_dialog(
    qtbot: QtBot,
    factory: sessionmaker[Session],
    actor: Actor,
    tmp_path: Path,
    *,
    register: bool = True,
    **kw: object,
) -> IntakeDialog:
    dialog = IntakeDialog(
        make_desk(factory, actor, today=lambda: TODAY),
        store=tmp_path / "store",
        draft_path=tmp_path / "draft.json",
        **kw,  # type: ignore[arg-type]
    )
    if register:  # qtbot closes it after the test
        qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    return dialog


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` as a person does: Latin characters key by key, Chinese the way an
    input method delivers it (a committed string per word)."""
    run = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            if run and not run.isascii():
                commit(widget, run)
                run = ""
            run += char
        else:
            if run and run.isascii():
                qtbot.keyClicks(widget, run)
                run = ""
            if char != "\0":
                run += char
    if run:
        commit(widget, run)


def commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_here(qtbot: QtBot, text: str) -> None:
    type_into(qtbot, focused(), text)


def tab(qtbot: QtBot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry of a combo box as a person does: focus it and type its beginning."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text)


def fill_valid(qtbot: QtBot, dialog: IntakeDialog, applicant: str = "王伟") -> None:
    rng = random.Random(7)
    person_id = ids.make_resident_id(rng, "150502", dt.date(1980, 5, 17))
    uscc = ids.make_uscc(rng, "150502")
    applicant_editor, respondent_editor = dialog.party_editors
    applicant_editor.edits["name"].setFocus()
    type_here(qtbot, applicant)
    tab(qtbot)
    type_here(qtbot, person_id)
    tab(qtbot)
    type_here(qtbot, "13912345678")
    respondent_editor.edits["name"].setFocus()
    type_here(qtbot, "通辽市草原食品有限公司")
    tab(qtbot)
    type_here(qtbot, uscc)
    choose(qtbot, dialog.ip_type_combo, "Trademark")
    tab(qtbot)
    type_here(qtbot, "12345678")
    dialog.facts_edit.setFocus()
    type_here(qtbot, "被申请人在其门店销售假冒申请人注册商标的商品。")
    tab(qtbot)
    type_here(qtbot, "停止侵权，赔偿经济损失。")
    tab(qtbot)
    type_here(qtbot, "12000.50")


def test_each_bad_field_shows_its_own_message_next_to_it(
    qtbot: QtBot, session_factory: sessionmaker[Session], staff: Actor, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, session_factory, staff, tmp_path)
    assert dialog.station_combo.currentData() == "TL01-S01"  # the user's own station
    applicant = dialog.party_editors[0]
    assert focused() is applicant.edits["name"]

    # The applicant's name left empty: tab through it.
    tab(qtbot)
    assert dialog.field_error("parties[0].name") == "The name is required."
    # A resident ID number with a wrong check digit.
    valid = ids.make_resident_id(random.Random(1), "150502", dt.date(1980, 5, 17))
    wrong = valid[:17] + ("0" if valid[17] != "0" else "1")
    assert focused() is applicant.edits["id_number"]
    type_here(qtbot, wrong)
    tab(qtbot)
    assert dialog.field_error("parties[0].id_number") == "The ID number's check digit is wrong."

    # The respondent (an organisation) with a wrong credit-code check character.
    respondent = dialog.party_editors[1]
    respondent.edits["name"].setFocus()
    type_here(qtbot, "通辽市某某商贸有限公司")
    tab(qtbot)
    code = ids.make_uscc(random.Random(2), "150502")
    bad_code = code[:17] + ("1" if code[17] != "1" else "2")
    type_here(qtbot, bad_code)
    tab(qtbot)
    assert dialog.field_error("parties[1].id_number") == (
        "The unified social credit code's check character is wrong."
    )

    # An invention patent number with a wrong check digit.
    choose(qtbot, dialog.ip_type_combo, "Invention")
    tab(qtbot)
    assert focused() is dialog.right_number_edit
    type_here(qtbot, "200310102344.6")
    tab(qtbot)
    assert dialog.field_error("right_number") == (
        "The patent application number's check digit is wrong."
    )

    # Facts and claim: required; tabbing through them empty marks them.
    dialog.facts_edit.setFocus()
    tab(qtbot)
    assert dialog.field_error("facts") == "The facts and reasons are required."
    tab(qtbot)
    assert dialog.field_error("claim") == "The claims are required."

    # A court referral needs the court's case number.
    choose(qtbot, dialog.channel_combo, "Court")
    assert dialog.court_case_number_edit.isVisibleTo(dialog)
    dialog.save()  # refused locally: every message is shown now
    assert dialog.field_error("court_case_number") == (
        "A case referred by a court needs the court's case number."
    )

    assert not dialog.save_button.isEnabled()
    assert "problem" in dialog.save_reason()
    assert "The ID number's check digit is wrong." in dialog.save_button.toolTip()

    # Correcting a field takes its message away at once.
    applicant.edits["id_number"].setFocus()
    applicant.edits["id_number"].selectAll()
    type_here(qtbot, valid)
    assert dialog.field_error("parties[0].id_number") == ""


def test_amount_accepts_only_yuan_with_two_decimals(
    qtbot: QtBot, session_factory: sessionmaker[Session], staff: Actor, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, session_factory, staff, tmp_path)
    dialog.amount_edit.setFocus()
    type_here(qtbot, "12a000.505")
    assert dialog.amount_edit.text() == "12000.50"
    assert isinstance(dialog.form().amount_claimed, str)  # text for the service, never float


def test_valid_case_is_saved_and_found_in_the_list_and_by_search(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    staff: Actor,
    tmp_path: Path,
    ui_settings: object,
) -> None:
    dialog = open_dialog(qtbot, session_factory, staff, tmp_path)
    evidence = tmp_path / "receipt.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    dialog.add_files([evidence])
    fill_valid(qtbot, dialog)
    assert dialog.errors() == {}
    assert dialog.save_button.isEnabled()
    dialog.save_draft()
    assert dialog.draft_path.exists()

    with qtbot.waitSignal(dialog.case_registered) as registered:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    case_id, number = registered.args
    assert number.startswith("TL01-2026-")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.draft_path.exists()  # deleted after a successful save
    assert dialog.registered is not None and len(dialog.registered.attachments) == 1

    widget = CaseListWidget(make_desk(session_factory, staff), settings=ui_settings)  # type: ignore[arg-type]
    qtbot.addWidget(widget)
    assert widget.model.case_id(0) == case_id
    with qtbot.waitSignal(widget.model.loaded, timeout=2000):
        type_into(qtbot, widget.search_edit, "王伟")
    assert widget.model.rowCount() == 1
    assert widget.model.case_id(0) == case_id
    with session_factory() as session:
        assert search_cases(session, staff, "王伟") == [case_id]


def test_conflicting_open_case_is_a_warning_with_a_link(
    qtbot: QtBot, session_factory: sessionmaker[Session], staff: Actor, tmp_path: Path
) -> None:
    with session_factory.begin() as session:
        existing = make_case(session, applicant="王伟", respondent="通辽市草原食品有限公司")
        existing_id, existing_number = existing.id, existing.number
    dialog = open_dialog(qtbot, session_factory, staff, tmp_path)
    fill_valid(qtbot, dialog)
    with qtbot.waitSignal(dialog.conflicts_found) as found:
        dialog.save()
    assert [hit.case_id for hit in found.args[0]] == [existing_id]
    assert dialog.conflict_label.isVisible()
    assert existing_number in dialog.conflict_label.text()
    with qtbot.waitSignal(dialog.case_open_requested) as opened:
        dialog.conflict_label.linkActivated.emit(f"case:{existing_id}")
    assert opened.args == [existing_id]
    with qtbot.waitSignal(dialog.case_registered):
        dialog.save()  # the user continues


def test_draft_is_offered_back_after_the_dialog_died_unsaved(
    qtbot: QtBot, session_factory: sessionmaker[Session], staff: Actor, tmp_path: Path
) -> None:
    dialog = open_dialog(
        qtbot, session_factory, staff, tmp_path, register=False, autosave_interval_ms=50
    )
    dialog.party_editors[0].edits["name"].setFocus()
    type_here(qtbot, "李娜")
    dialog.facts_edit.setFocus()
    type_here(qtbot, "在网店销售侵权商品")
    with qtbot.waitSignal(dialog.draft_saved, timeout=2000):
        pass
    dialog.autosave_timer.stop()
    destroyed: list[bool] = []
    dialog.destroyed.connect(lambda: destroyed.append(True))
    dialog.hide()
    dialog.deleteLater()  # a crash or a lost window: nothing asked, nothing saved
    qtbot.waitUntil(lambda: bool(destroyed))

    again = open_dialog(qtbot, session_factory, staff, tmp_path)
    assert again.draft_banner.isVisible()
    assert again.party_editors[0].edits["name"].text() == ""
    qtbot.mouseClick(again.restore_button, Qt.MouseButton.LeftButton)
    assert not again.draft_banner.isVisible()
    assert again.party_editors[0].edits["name"].text() == "李娜"
    assert again.facts_edit.toPlainText() == "在网店销售侵权商品"


def test_enter_does_not_submit_and_escape_asks_first(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    staff: Actor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_dialog(qtbot, session_factory, staff, tmp_path)
    fill_valid(qtbot, dialog)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    dialog.facts_edit.setFocus()
    qtbot.keyClick(dialog.facts_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.registered is None
    assert dialog.facts_edit.toPlainText().endswith("\n")

    questions: list[str] = []

    def no(cls: type, parent: QWidget, title: str, text: str) -> bool:
        questions.append(title)
        return False

    monkeypatch.setattr(IntakeDialog, "ask", classmethod(no))
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert questions and dialog.isVisible()

    dialog.save_draft()
    monkeypatch.setattr(IntakeDialog, "ask", classmethod(lambda cls, p, t, x: True))
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not dialog.draft_path.exists()


def test_oversized_evidence_is_refused_with_the_limit(
    qtbot: QtBot, session_factory: sessionmaker[Session], staff: Actor, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, session_factory, staff, tmp_path, max_attachment_bytes=1024)
    assert "1.0 KB" in dialog.limit_label.text()
    big = tmp_path / "video.mp4"
    big.write_bytes(b"x" * 4096)
    dialog.add_files([big])
    assert dialog.attachments_list.count() == 0
    assert "more than the limit of 1.0 KB" in dialog.attachments_error.text()
