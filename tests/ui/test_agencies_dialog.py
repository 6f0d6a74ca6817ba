"""The partner agencies dialog: read-only for most, maintained by the administrator."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import AgencyKind
from ipdesk.services.admin.agencies import AgencyInfo
from ipdesk.ui import tasks
from ipdesk.ui.agencies import AgenciesDialog, AgencyEditDialog, AgencyTableModel
from ipdesk.ui.desk import Desk
from tests.helpers.desks import make_desk
from tests.helpers.factories import People, make_people


@pytest.fixture
def sync() -> Iterator[None]:
    with tasks.synchronous():
        yield


@pytest.fixture
def people(seeded: sessionmaker[Session]) -> People:
    with seeded.begin() as s:
        return make_people(s)


def info(agency_id: int, active: bool = True) -> AgencyInfo:
    return AgencyInfo(
        agency_id,
        f"CT-{agency_id}",
        AgencyKind.COURT,
        "某法院",
        None,
        None,
        None,
        "basic",
        None,
        active,
    )


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AgencyTableModel()
    qtmodeltester.check(model)
    model.set_rows([info(1), info(2, active=False)])
    qtmodeltester.check(model)
    assert model.index(1, AgencyTableModel.LEVEL).data() == "Basic-level court"
    assert model.index(0, AgencyTableModel.KIND).data() == "Court"
    assert model.row_of(2) == 1


def test_a_mediator_sees_the_active_agencies_only(
    qtbot: QtBot, seeded: sessionmaker[Session], people: People, sync: None
) -> None:
    with seeded() as s:
        mediator = people.actor(s, "mediator")
    dialog = AgenciesDialog(make_desk(seeded, mediator))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 13
    assert dialog.add_button.isHidden() and dialog.show_inactive.isHidden()


def test_the_administrator_adds_edits_and_deactivates(
    qtbot: QtBot,
    seeded: sessionmaker[Session],
    people: People,
    sync: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with seeded() as s:
        admin = people.actor(s, "admin")
    dialog = AgenciesDialog(make_desk(seeded, admin))
    qtbot.addWidget(dialog)
    opened: list[AgencyEditDialog] = []

    def ask(
        _cls: type[AgenciesDialog],
        parent: AgenciesDialog,
        desk: Desk,
        agency: AgencyInfo | None,
    ) -> AgencyInfo | None:
        edit = AgencyEditDialog(desk, agency, parent)
        opened.append(edit)
        if agency is None:
            edit.code_edit.setText("PR-KL")
            edit.kind_combo.setCurrentIndex(edit.kind_combo.findData("procuratorate"))
            assert not edit.level_combo.isEnabled()
            edit.name_edit.setText("开鲁县人民检察院")
            edit.phone_edit.setText("12345")
            edit.submit()
            assert "The phone number is not valid" in edit.error_text()
            edit.phone_edit.setText("0475 6212345")
        else:
            edit.contact_edit.setText("赵检察官")
        edit.submit()
        result: AgencyInfo | None = edit.result_value
        return result

    monkeypatch.setattr(AgenciesDialog, "ask_agency", classmethod(ask))
    with qtbot.waitSignal(dialog.agency_saved) as saved:
        dialog.add_button.click()
    created = saved.args[0]
    assert (created.code, created.phone) == ("PR-KL", "0475-6212345")
    assert dialog.model.rowCount() == 14

    dialog.select(created.id)
    with qtbot.waitSignal(dialog.agency_saved) as saved:
        dialog.edit_button.click()
    assert saved.args[0].contact_person == "赵检察官"

    dialog.select(created.id)
    assert dialog.active_button.text() == "De&activate"
    with qtbot.waitSignal(dialog.agency_saved):
        dialog.active_button.click()
    assert dialog.model.rowCount() == 13
    dialog.show_inactive.setChecked(True)
    assert dialog.model.rowCount() == 14
    dialog.select(created.id)
    assert dialog.active_button.text() == "&Activate"
    for edit in opened:
        edit.deleteLater()
