"""The organisation tree model."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.services.actors import Actor
from ipdesk.services.admin.org import OfficeInfo, StationInfo, org_tree
from ipdesk.ui.org_tree import (
    CODE_ROLE,
    ID_ROLE,
    KIND_ROLE,
    OFFICE,
    OPEN_CASES_ROLE,
    STATION,
    OrgTreeModel,
)


def _offices() -> list[OfficeInfo]:
    return [
        OfficeInfo(
            1,
            "TL01",
            "科尔沁区知识产权行政裁决所",
            12,
            (
                StationInfo(11, "TL01-S01", "西门市场监管所维权援助工作站", 7),
                StationInfo(12, "TL01-S02", "东郊市场监管所维权援助工作站", 5),
            ),
        ),
        OfficeInfo(2, "TL02", "开鲁县知识产权行政裁决所", 0, ()),
        OfficeInfo(
            3, "TL03", "库伦旗知识产权行政裁决所", 1, (StationInfo(31, "TL03-S01", "库伦站", 1),)
        ),
    ]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = OrgTreeModel()
    qtmodeltester.check(model)
    model.load(_offices())
    qtmodeltester.check(model)


def test_reloading_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = OrgTreeModel()
    model.load(_offices())
    # The tester stays connected and checks every signal the reloads emit.
    qtmodeltester.check(model)
    model.load(_offices()[1:])
    model.load([])
    model.load(_offices())
    assert model.office_count() == 3


def test_offices_and_stations_show_names_with_open_case_counts() -> None:
    model = OrgTreeModel()
    model.load(_offices())

    assert model.office_count() == 3
    assert model.station_count() == 3
    office = model.index(0, 0)
    assert office.data() == "科尔沁区知识产权行政裁决所"
    assert office.siblingAtColumn(1).data() == "12"
    assert office.data(KIND_ROLE) == OFFICE
    assert office.data(ID_ROLE) == 1
    assert office.data(CODE_ROLE) == "TL01"
    assert office.data(OPEN_CASES_ROLE) == 12
    station = model.index(1, 0, office)
    assert station.data() == "东郊市场监管所维权援助工作站"
    assert station.siblingAtColumn(1).data() == "5"
    assert model.unit_at(station.siblingAtColumn(1)) == (STATION, station.data(ID_ROLE))
    assert station.data(KIND_ROLE) == STATION
    assert "TL01-S02" in station.data(Qt.ItemDataRole.ToolTipRole)
    assert model.rowCount(model.index(1, 0)) == 0


def test_items_are_read_only() -> None:
    model = OrgTreeModel()
    model.load(_offices())
    flags = model.flags(model.index(0, 0))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert flags & Qt.ItemFlag.ItemIsSelectable


def test_unit_at_and_index_of_find_each_other() -> None:
    model = OrgTreeModel()
    model.load(_offices())

    assert model.unit_at(model.index_of(STATION, 31)) == (STATION, 31)
    assert model.unit_at(model.index_of(OFFICE, 2)) == (OFFICE, 2)
    assert not model.index_of(STATION, 999).isValid()
    assert not model.index_of(OFFICE, 11).isValid()  # a station id is not an office id
    assert model.unit_at(QModelIndex()) is None


def test_reload_replaces_the_tree() -> None:
    model = OrgTreeModel()
    model.load(_offices())
    model.load(_offices()[1:2])
    assert model.office_count() == 1
    assert model.station_count() == 0
    assert model.index(0, 0).data() == "开鲁县知识产权行政裁决所"
    assert model.index(0, 1).data() == "0"


def test_header_is_translatable_text() -> None:
    model = OrgTreeModel()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Organisation"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Open cases"


def test_model_holds_the_seeded_organisation(
    seeded: sessionmaker[Session], qtmodeltester: ModelTester
) -> None:
    with seeded() as session:
        offices = org_tree(session, Actor.system())
    model = OrgTreeModel()
    model.load(offices)

    qtmodeltester.check(model)
    assert model.office_count() == 9
    assert model.station_count() == 89
