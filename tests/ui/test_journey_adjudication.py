"""The administrative adjudication of a patent-infringement request through the real main
window (issue 20): the office manager opens the registered request from "My work",
requests adjudication, accepts it, sets the panel, serves the request, records the
defence, notifies and records the oral hearing, signs the decision off and serves it; an
alert scan with the clock moved past the 15-day window raises the window's alert, which is
acknowledged in the alerts dock. The case view's Adjudication tab shows each step; the
manager's View → Outcomes of like cases counts the adjudicated case.

Dates are counted back from today (a hearing must have been held to be recorded).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import (
    Adjudication,
    Alert,
    Case,
    CaseStatus,
    IpType,
    LimitKind,
    Party,
    PartyRole,
    Role,
)
from ipdesk.services.cases.alerts import scan_alerts
from ipdesk.services.cases.limits import refresh_case_limits
from ipdesk.services.infra import audit
from ipdesk.services.rules.deadlines import BEIJING, legal_today
from ipdesk.ui import tasks
from ipdesk.ui.adjudication.dialogs import StepDialog
from ipdesk.ui.alerts import AlertsPanel
from ipdesk.ui.case_view import CaseView, CaseViewDialog
from ipdesk.ui.qdates import to_qdate
from ipdesk.ui.similar_cases.spread import OutcomeSpreadDialog
from ipdesk.ui.worklists.page import WorkListPage
from tests.helpers.factories import TEST_PASSWORD, make_case, make_user
from tests.helpers.journey import sign_in_window, wait_for_dialog

T = legal_today()


def ago(days: int) -> dt.date:
    return T - dt.timedelta(days=days)


@pytest.fixture(autouse=True)
def _synchronous() -> Iterator[None]:
    with tasks.synchronous():
        yield


def step(qtbot: QtBot, view: CaseView, action: str) -> StepDialog:
    qtbot.waitUntil(lambda: action in view.action_buttons, timeout=10_000)
    qtbot.mouseClick(view.action_buttons[action], Qt.MouseButton.LeftButton)
    dialog = view.action_dialog
    assert isinstance(dialog, StepDialog) and dialog.isVisible()
    return dialog


def set_date(dialog: StepDialog, name: str, day: dt.date) -> None:
    dialog.widgets[name].setDate(to_qdate(day))  # type: ignore[attr-defined]


def write(dialog: StepDialog, name: str, text: str) -> None:
    widget = dialog.widgets[name]
    if isinstance(widget, QPlainTextEdit):
        widget.insertPlainText(text)
    else:
        assert isinstance(widget, QLineEdit)
        widget.insert(text)  # keyClicks types ASCII only


def done(qtbot: QtBot, view: CaseView, dialog: StepDialog) -> None:
    with qtbot.waitSignal(view.action_done, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error_text() == ""


def test_a_patent_request_is_adjudicated_through_the_window(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    ui_settings: QSettings,
    tmp_path: Path,
) -> None:
    audit.install(seeded)
    with seeded.begin() as s:
        manager = make_user(
            s, Role.OFFICE_MANAGER, office="TL01", username="wang", display_name="王主任"
        )
        first = make_user(s, Role.MEDIATOR, office="TL01", display_name="李承办")
        second = make_user(s, Role.MEDIATOR, office="TL01", display_name="赵承办")
        case = make_case(
            s,
            ip_type=IpType.PATENT_UTILITY_MODEL,
            right_number="ZL202320123456.1",
            received_on=ago(41),
            applicant="张伟",
            respondent="通辽市某某机械有限公司",
        )
        refresh_case_limits(s, case)
        case_id, officers = case.id, (manager.id, first.id, second.id)

    window = sign_in_window(qtbot, seeded, "wang", TEST_PASSWORD, tmp_path, ui_settings)
    work = window.findChild(WorkListPage)
    assert work is not None
    qtbot.waitUntil(lambda: work.select_case(case_id), timeout=10_000)
    work.view.setFocus()
    qtbot.keyClick(work.view, Qt.Key.Key_Return)
    view = wait_for_dialog(qtbot, CaseViewDialog, where=lambda d: d.view.case_id == case_id).view
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)

    # -- request, acceptance (the manager approves), the panel
    dialog = step(qtbot, view, "choose_adjudication")
    set_date(dialog, "requested_on", ago(41))
    done(qtbot, view, dialog)
    dialog = step(qtbot, view, "accept_adjudication")
    set_date(dialog, "on", ago(39))
    done(qtbot, view, dialog)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status == "accepted")
    dialog = step(qtbot, view, "set_panel")
    officers_list = dialog.widgets["officers"]
    assert isinstance(officers_list, QListWidget)
    for row in range(officers_list.count()):
        if officers_list.item(row).data(Qt.ItemDataRole.UserRole) in officers:
            officers_list.item(row).setCheckState(Qt.CheckState.Checked)
    assert sorted(dialog.officer_ids()) == sorted(officers)
    done(qtbot, view, dialog)

    # -- the request served (送达回证), the defence, the hearing
    dialog = step(qtbot, view, "serve_request")
    combo = dialog.widgets["method"]
    combo.setCurrentIndex(combo.findData("mail"))  # type: ignore[attr-defined]
    set_date(dialog, "sent_on", ago(38))
    set_date(dialog, "received_on", ago(36))
    write(dialog, "signed_by", "王某")
    done(qtbot, view, dialog)
    dialog = step(qtbot, view, "record_defence")
    set_date(dialog, "received_on", ago(30))
    write(dialog, "summary", "被请求人认为被控产品未落入权利要求1的保护范围。")
    done(qtbot, view, dialog)
    dialog = step(qtbot, view, "notify_hearing")
    set_date(dialog, "notified_on", ago(25))
    set_date(dialog, "hearing_on", ago(15))
    write(dialog, "place", "第一裁决所审理室")
    done(qtbot, view, dialog)
    dialog = step(qtbot, view, "record_hearing")
    set_date(dialog, "held_on", ago(15))
    write(dialog, "participants", "请求人张伟；被请求人委托代理人李某")
    write(dialog, "content", "双方就技术特征比对发表意见并质证。")
    done(qtbot, view, dialog)

    # -- the decision, signed off by the manager, and its service on both parties
    dialog = step(qtbot, view, "decide")
    write(dialog, "order_to_stop", "责令被请求人立即停止制造、销售被控侵权产品。")
    write(dialog, "reasons", "被控侵权产品具备权利要求1的全部技术特征，落入专利权保护范围。")
    set_date(dialog, "decided_on", ago(3))
    done(qtbot, view, dialog)
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.status == "adjudicated")
    dialog = step(qtbot, view, "serve_decision")
    assert len(dialog.party_rows) == 2
    for _party, _method, sent, received in dialog.party_rows:
        sent.setDate(to_qdate(ago(2)))
        received.setDate(to_qdate(ago(1)))
    done(qtbot, view, dialog)

    # -- the Adjudication tab lists the steps up to the decision's service
    tab = view.adjudication
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.step == "decision_served")
    assert tab.view is not None
    assert [s.done for s in tab.view.steps][:9] == [True] * 9
    assert tab.services_table.rowCount() == 1 + 2 + 2  # request, hearing notice, decision
    assert tab.view.suit_window_due is not None
    assert "王主任" in tab.summary_label.text()

    # -- the alert scan with the clock moved past the window, then the alerts dock
    later = tab.view.suit_window_due + dt.timedelta(days=1)
    with seeded.begin() as s:
        result = scan_alerts(s, dt.datetime(later.year, later.month, later.day, 9, tzinfo=BEIJING))
    assert [a.kind for a in result.alerts] == [LimitKind.SUIT_WINDOW]
    panel = window.findChild(AlertsPanel)
    assert panel is not None
    with qtbot.waitSignal(panel.alerts_loaded, timeout=10_000):
        panel.reload()
    assert panel.unacknowledged == 1
    row = next(
        r
        for r in range(panel.model.rowCount())
        if panel.model.row_at(r).case_id == case_id  # type: ignore[union-attr]
    )
    panel.view.selectionModel().select(
        panel.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    with qtbot.waitSignal(panel.alerts_acknowledged, timeout=10_000):
        qtbot.mouseClick(panel.acknowledge_button, Qt.MouseButton.LeftButton)
    with seeded() as s:
        alert = s.scalars(select(Alert).where(Alert.case_id == case_id)).one()
        assert alert.acknowledged_by_id == officers[0]

    # -- the timeline holds every step
    assert view.detail is not None
    kinds = [e.kind for e in view.detail.timeline]
    for kind in (
        "adjudication_requested",
        "adjudication_accepted",
        "panel_set",
        "request_served",
        "defence_recorded",
        "hearing_notified",
        "hearing_held",
        "adjudication_decided",
        "decision_served",
    ):
        assert kind in kinds, kind
    assert view.detail.status == CaseStatus.ADJUDICATED.value

    # -- the manager's view of like cases' outcomes (View menu): the adjudicated case counts
    action = window.findChild(QAction, "outcome_spread_action")
    assert action is not None
    action.trigger()
    spread = wait_for_dialog(qtbot, OutcomeSpreadDialog)
    qtbot.waitUntil(lambda: spread.rows is not None, timeout=10_000)
    assert spread.rows is not None
    like = next(r for r in spread.rows if r.ip_type == IpType.PATENT_UTILITY_MODEL.value)
    assert like.office == "TL01" and like.spread.outcomes.get("adjudicated") == 1
    spread.close()


def test_enforcement_waits_for_the_reminder(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    ui_settings: QSettings,
    tmp_path: Path,
) -> None:
    """The window to sue has passed and the infringer did not stop: the office manager
    serves the written reminder (催告书) from the case view; the application for enforcement
    is refused until 10 days after its service (行政强制法 Art. 54), with the reason."""
    from ipdesk.services.cases import adjudication as adj
    from ipdesk.services.cases.adjudication import Service
    from tests.helpers.factories import actor

    with seeded.begin() as s:
        manager = make_user(
            s, Role.OFFICE_MANAGER, office="TL01", username="wang", display_name="王主任"
        )
        officers = [
            manager.id,
            make_user(s, Role.MEDIATOR, office="TL01", display_name="李承办").id,
            make_user(s, Role.MEDIATOR, office="TL01", display_name="赵承办").id,
        ]
        case = make_case(
            s,
            ip_type=IpType.PATENT_UTILITY_MODEL,
            right_number="ZL202320123456.1",
            received_on=ago(75),
            applicant="张伟",
            respondent="通辽市某某机械有限公司",
        )
        refresh_case_limits(s, case)
        case_id, who = case.id, actor(manager)

    def run(func, *args, **kwargs):  # type: ignore[no-untyped-def]
        with seeded.begin() as s:
            current = s.get(Case, case_id)
            assert current is not None
            return func(s, who, case_id, current.version_id, *args, **kwargs)

    run(adj.choose_adjudication, requested_on=ago(75), today=ago(75))
    run(adj.accept_adjudication, on=ago(74), today=ago(74))
    run(adj.set_panel, officers, today=ago(74))
    run(adj.serve_request, Service("mail", ago(73), ago(71)), today=ago(71))
    run(adj.record_defence, received_on=ago(65), summary="不侵权。", today=ago(65))
    run(adj.notify_hearing, notified_on=ago(63), hearing_on=ago(55), place="审理室", today=ago(63))
    run(adj.record_hearing, held_on=ago(55), participants="双方", content="质证。", today=ago(55))
    run(
        adj.decide,
        infringement_found=True,
        reasons="落入保护范围。",
        order_to_stop="立即停止销售。",
        decided_on=ago(50),
        today=ago(50),
    )
    with seeded() as s:
        parties = [
            p.id
            for p in s.scalars(select(Party).where(Party.case_id == case_id))
            if p.role in (PartyRole.APPLICANT, PartyRole.RESPONDENT)
        ]
    run(adj.serve_decision, [Service("direct", ago(48), ago(47), party_id=p) for p in parties])

    window = sign_in_window(qtbot, seeded, "wang", TEST_PASSWORD, tmp_path, ui_settings)
    work = window.findChild(WorkListPage)
    assert work is not None
    qtbot.waitUntil(lambda: work.select_case(case_id), timeout=10_000)
    work.view.setFocus()
    qtbot.keyClick(work.view, Qt.Key.Key_Return)
    view = wait_for_dialog(qtbot, CaseViewDialog, where=lambda d: d.view.case_id == case_id).view
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)

    dialog = step(qtbot, view, "remind_enforcement")
    set_date(dialog, "served_on", T)
    done(qtbot, view, dialog)
    tab = view.adjudication
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.enforcement_reminded_on == T)
    assert T.isoformat() in tab.summary_label.text()

    dialog = step(qtbot, view, "apply_enforcement")
    court = dialog.widgets["court"]
    assert court.count() > 0  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.refused, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "reminder" in dialog.error_text() and T.isoformat() in dialog.error_text()
    with seeded() as s:
        a = s.scalars(select(Adjudication).where(Adjudication.case_id == case_id)).one()
        assert a.enforcement_reminded_on == T and a.enforcement_applied_on is None
