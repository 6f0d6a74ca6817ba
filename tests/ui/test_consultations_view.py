"""The consultations list view: its model, its filters and paging, and its dialogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import CaseStatus, ConsultationKind, ConsultationState
from ipdesk.services.cases.consultations import ConsultationPage, ConsultationRow, RowState
from ipdesk.ui import tasks
from ipdesk.ui.consultations import (
    AnswerDialog,
    ConsultationRequestDialog,
    ConsultationsTableModel,
    ConsultationsView,
    WithdrawDialog,
)
from ipdesk.ui.consultations.model import CASE, REQUEST_ID_ROLE, STATE, STATE_ROLE
from tests.helpers.desks import make_desk
from tests.helpers.factories import People, agency, make_case, make_people

TODAY = dt.date(2026, 10, 15)


def row(request_id: int, state: RowState = RowState.REQUESTED) -> ConsultationRow:
    return ConsultationRow(
        request_id=request_id,
        consultation_id=1,
        case_id=7,
        case_number="TL01-2026-00007",
        office_code="TL01",
        kind=ConsultationKind.CONSULTATION,
        subject="会商事项",
        agency_id=3,
        agency_name="通辽市司法局",
        requested_on=dt.date(2026, 9, 30),
        due_on=dt.date(2026, 10, 20),
        answered_on=None,
        state=state,
        consultation_state=ConsultationState.OPEN,
    )


def page(ids: range, total: int, offset: int = 0) -> ConsultationPage:
    return ConsultationPage(tuple(row(i) for i in ids), total, offset)


# --- the model ------------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ConsultationsTableModel()
    qtmodeltester.check(model)
    model.set_page(page(range(1, 4), total=3))
    qtmodeltester.check(model)
    model.set_page(page(range(0), total=0))
    model.set_page(page(range(1, 3), total=2))
    assert model.rowCount() == 2


def test_model_pages_in_as_qt_asks(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    model = ConsultationsTableModel()
    model.set_page(page(range(1, 3), total=5))
    assert model.canFetchMore()
    with qtbot.waitSignal(model.fetch_requested) as asked:
        model.fetchMore()
    assert asked.args == [2]
    assert not model.canFetchMore()  # one request at a time
    model.append_page(page(range(1, 3), total=5, offset=0))  # stale: ignored
    assert model.rowCount() == 2
    model.append_page(page(range(3, 6), total=5, offset=2))
    assert model.rowCount() == 5 and not model.canFetchMore()
    qtmodeltester.check(model)
    assert model.index(4, CASE).data() == "TL01-2026-00007"
    assert model.index(4, 0).data(REQUEST_ID_ROLE) == 5
    assert model.index(0, STATE).data() == "Requested"
    assert model.index(0, 0).data(STATE_ROLE) == "requested"


def test_late_rows_are_marked() -> None:
    model = ConsultationsTableModel()
    model.set_page(ConsultationPage((row(1, RowState.LATE), row(2)), 2, 0))
    assert model.index(0, STATE).data() == "Late"
    assert model.index(0, 0).data(9) is not None  # foreground brush
    assert model.index(1, 0).data(9) is None


# --- the view with the database -------------------------------------------------------------


@pytest.fixture
def sync() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def people(seeded: sessionmaker[Session]) -> People:
    with seeded.begin() as s:
        return make_people(s)


@pytest.fixture
def case_id(seeded: sessionmaker[Session], people: People) -> int:
    with seeded.begin() as s:
        return make_case(
            s,
            status=CaseStatus.MEDIATING,
            received_on=dt.date(2026, 9, 20),
            mediator_id=people.mediator,
        ).id


def test_request_answer_and_withdraw_through_the_view(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, case_id: int, sync: None
) -> None:
    with seeded() as s:
        mediator = people.actor(s, "mediator")
        court, bureau = agency(s, "CT-KEQ").id, agency(s, "JB-TL").id
    view = ConsultationsView(make_desk(seeded, mediator, today=lambda: TODAY), case_id=case_id)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 0
    assert not view.request_button.isHidden()
    assert not view.answer_button.isEnabled()

    view.request_button.click()
    dialog = view.current_dialog
    assert isinstance(dialog, ConsultationRequestDialog)
    qtbot.addWidget(dialog)
    dialog.submit()  # nothing filled in: refused, the dialog stays
    assert "The subject is required." in dialog.error_text()
    assert "Please choose the receiving agencies." in dialog.error_text()
    dialog.subject_edit.setText("涉案商标权属是否存在争议")
    dialog.questions_edit.setPlainText("请提供相关诉讼信息。")
    dialog.check_agency(court)
    dialog.check_agency(bureau)
    with qtbot.waitSignal(view.rows_loaded) as loaded:
        dialog.submit()
    assert loaded.args == [2]
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [view.model.row_at(r).agency_name for r in range(2)] == [  # type: ignore[union-attr]
        "通辽市科尔沁区人民法院",
        "通辽市司法局",
    ]

    view.select_row(0)
    assert view.answer_button.isEnabled() and view.meeting_button.isEnabled()
    view.answer_button.click()
    answer = view.current_dialog
    assert isinstance(answer, AnswerDialog)
    qtbot.addWidget(answer)
    answer.opinion_edit.setPlainText("未发现相关诉讼。")
    answer.submit()
    first = view.model.row_at(0)
    assert first is not None and first.state == RowState.ANSWERED

    view.select_row(1)
    view.withdraw_button.click()
    withdraw = view.current_dialog
    assert isinstance(withdraw, WithdrawDialog)
    qtbot.addWidget(withdraw)
    withdraw.reason_edit.setPlainText("无需再征求意见")
    withdraw.submit()
    second = view.model.row_at(1)
    assert second is not None and second.state == RowState.WITHDRAWN

    view.state_filter.setCurrentIndex(view.state_filter.findData("withdrawn"))
    assert view.model.rowCount() == 1
    view.state_filter.setCurrentIndex(view.state_filter.findData("late"))
    assert view.model.rowCount() == 0
    view.agency_filter.setCurrentIndex(view.agency_filter.findData(court))
    view.state_filter.setCurrentIndex(0)
    assert view.model.rowCount() == 1


def test_a_crime_referral_offers_procuratorates_only(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, case_id: int, sync: None
) -> None:
    with seeded() as s:
        mediator = people.actor(s, "mediator")
        court, procuratorate = agency(s, "CT-KEQ").id, agency(s, "PR-KEQ").id
    view = ConsultationsView(make_desk(seeded, mediator, today=lambda: TODAY), case_id=case_id)
    qtbot.addWidget(view)
    view.request_button.click()
    dialog = view.current_dialog
    assert isinstance(dialog, ConsultationRequestDialog)
    qtbot.addWidget(dialog)
    dialog.check_agency(court)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("crime_referral"))
    assert dialog.hint.text() == "A suspected crime is referred to a procuratorate only."
    assert dialog.checked_agencies() == ()  # the court is hidden
    dialog.check_agency(procuratorate)
    dialog.subject_edit.setText("涉嫌销售假冒注册商标的商品罪")
    dialog.questions_edit.setPlainText("请审查并反馈。")
    dialog.submit()
    assert view.model.rowCount() == 1
    referral = view.model.row_at(0)
    assert referral is not None and referral.kind == ConsultationKind.CRIME_REFERRAL
    view.select_row(0)
    assert not view.meeting_button.isEnabled()


def test_the_list_pages_and_filters_by_office(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, sync: None
) -> None:
    from ipdesk.services.cases import consultations as cs

    with seeded.begin() as s:
        for station, mediator in (("TL01-S01", "mediator"), ("TL02-S01", "mediator_other")):
            case = make_case(
                s,
                station,
                CaseStatus.MEDIATING,
                received_on=dt.date(2026, 9, 20),
                mediator_id=getattr(people, mediator),
            )
            cs.request_consultation(
                s,
                people.actor(s, mediator),
                case.id,
                cs.ConsultationForm(
                    kind="consultation",
                    subject="会商",
                    questions="问题",
                    agency_ids=(agency(s, "JB-TL").id, agency(s, "OT-IPC").id),
                    requested_on=dt.date(2026, 9, 30),
                ),
                today=TODAY,
            )
        city = people.actor(s, "city")
    view = ConsultationsView(make_desk(seeded, city, today=lambda: TODAY), page_size=3)
    qtbot.addWidget(view)
    assert view.office_filter.count() == 10  # all + 9 offices
    assert (view.model.rowCount(), view.model.total) == (3, 4)
    view.model.fetchMore()
    assert view.model.rowCount() == 4
    tl02 = view.office_filter.findText("TL02", Qt.MatchFlag.MatchStartsWith)
    view.office_filter.setCurrentIndex(tl02)
    assert view.model.rowCount() == 2
    assert view.summary.text() == "2 request(s)"
