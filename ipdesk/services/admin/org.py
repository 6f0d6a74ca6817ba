"""The organisation: the tree of offices and stations, and importing it from CSV files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ipdesk.models import OPEN_STATUSES, Case, MediationKind, Office, Role, Station
from ipdesk.services.actors import Actor
from ipdesk.services.errors import ImportFailed
from ipdesk.services.infra.tabular import Row, read_csv

OFFICE_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("代码", "编码", "裁决所代码"),
    "name": ("名称", "裁决所名称"),
    "region": ("区域", "行政区划", "区划代码"),
    "address": ("地址",),
    "phone": ("电话", "联系电话"),
    # The court region serving an office without a division code of its own (开发区).
    "court_region": ("法院区域", "管辖法院区域"),
    "mediation_kind": ("调解类型", "调解组织类型"),
    "mediation_org_name": ("调解组织名称", "调解组织"),
}
#: An office's mediation kind as the CSV may write it.
MEDIATION_KIND_NAMES: dict[str, MediationKind] = {
    "administrative": MediationKind.ADMINISTRATIVE,
    "行政调解": MediationKind.ADMINISTRATIVE,
    "people": MediationKind.PEOPLE,
    "人民调解": MediationKind.PEOPLE,
    "court_invited": MediationKind.COURT_INVITED,
    "特邀调解": MediationKind.COURT_INVITED,
}
STATION_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("代码", "编码", "站点代码"),
    "name": ("名称", "站点名称"),
    "office": ("所属裁决所", "裁决所", "裁决所代码"),
    "address": ("地址",),
    "phone": ("电话", "联系电话"),
}
_LIMITS = {
    "code": 32,
    "name": 200,
    "region": 100,
    "address": 300,
    "phone": 40,
    "office": 32,
    "court_region": 100,
    "mediation_kind": 32,
    "mediation_org_name": 200,
}


@dataclass(frozen=True)
class StationInfo:
    id: int
    code: str
    name: str
    open_cases: int


@dataclass(frozen=True)
class OfficeInfo:
    id: int
    code: str
    name: str
    open_cases: int
    stations: tuple[StationInfo, ...]


@dataclass(frozen=True)
class ImportSummary:
    offices_added: int
    offices_updated: int
    offices_deactivated: int
    stations_added: int
    stations_updated: int
    stations_deactivated: int


def org_tree(session: Session, actor: Actor) -> list[OfficeInfo]:
    """Active offices with their active stations and open-case counts, within the actor's scope."""
    open_by_station: Counter[int] = Counter()
    open_by_office: Counter[int] = Counter()
    counts = session.execute(
        select(Case.office_id, Case.station_id, func.count())
        .where(Case.status.in_(OPEN_STATUSES))
        .group_by(Case.office_id, Case.station_id)
    )
    for office_id, station_id, n in counts:
        open_by_office[office_id] += n
        if station_id is not None:
            open_by_station[station_id] += n
    offices = session.scalars(select(Office).where(Office.active).order_by(Office.code)).all()
    stations = session.scalars(select(Station).where(Station.active).order_by(Station.code)).all()
    by_office: dict[int, list[StationInfo]] = {}
    for st in stations:
        if actor.role == Role.STATION_STAFF and st.id != actor.station_id:
            continue
        by_office.setdefault(st.office_id, []).append(
            StationInfo(st.id, st.code, st.name, open_by_station[st.id])
        )
    result = []
    for office in offices:
        if actor.role == Role.STATION_STAFF and office.id not in by_office:
            continue
        if actor.role in (Role.MEDIATOR, Role.OFFICE_MANAGER) and office.id != actor.office_id:
            continue
        shown = tuple(by_office.get(office.id, ()))
        # station staff see their station's cases only, so not the office's total either
        open_cases = (
            sum(st.open_cases for st in shown)
            if actor.role == Role.STATION_STAFF
            else open_by_office[office.id]
        )
        result.append(OfficeInfo(office.id, office.code, office.name, open_cases, shown))
    return result


def import_org(
    session: Session, actor: Actor, offices_csv: Path, stations_csv: Path
) -> ImportSummary:
    """Replace the organisation by the user's files, all or nothing.

    Offices and stations are matched by code: new ones are added, known ones updated,
    and those missing from the files are deactivated (never deleted: cases refer to them).
    Every problem is found before anything is written.
    """
    actor.require(Role.ADMIN)
    office_rows = read_csv(offices_csv, OFFICE_COLUMNS, ("code", "name"))
    station_rows = read_csv(stations_csv, STATION_COLUMNS, ("code", "name", "office"))
    _check_rows(offices_csv.name, office_rows, OFFICE_COLUMNS, ("code", "name"))
    _check_rows(stations_csv.name, station_rows, STATION_COLUMNS, ("code", "name", "office"))
    office_codes = {r.values["code"] for r in office_rows}
    if not office_rows:
        raise ImportFailed(f"{offices_csv.name}：没有任何裁决所")
    for row in office_rows:
        kind = row.values.get("mediation_kind") or "administrative"
        if kind not in MEDIATION_KIND_NAMES:
            raise ImportFailed(
                f"{offices_csv.name} 第{row.line}行：调解类型“{kind}”"
                "应为行政调解、人民调解或特邀调解"
            )
    for row in station_rows:
        if row.values["office"] not in office_codes:
            raise ImportFailed(
                f"{stations_csv.name} 第{row.line}行：所属裁决所“{row.values['office']}”"
                f"不在 {offices_csv.name} 中"
            )

    existing_offices = {o.code: o for o in session.scalars(select(Office))}
    added = updated = 0
    for row in office_rows:
        v = row.values
        office = existing_offices.get(v["code"])
        if office is None:
            office = Office(code=v["code"])
            session.add(office)
            added += 1
        else:
            updated += 1
        office.name = v["name"]
        office.region = v.get("region") or None
        office.address = v.get("address") or None
        office.phone = v.get("phone") or None
        office.court_region = v.get("court_region") or None
        office.mediation_kind = MEDIATION_KIND_NAMES[v.get("mediation_kind") or "administrative"]
        office.mediation_org_name = v.get("mediation_org_name") or None
        office.active = True
        existing_offices[v["code"]] = office
    offices_deactivated = _deactivate(existing_offices.values(), office_codes)
    session.flush()

    existing_stations = {s.code: s for s in session.scalars(select(Station))}
    station_codes = {r.values["code"] for r in station_rows}
    s_added = s_updated = 0
    for row in station_rows:
        v = row.values
        station = existing_stations.get(v["code"])
        if station is None:
            station = Station(code=v["code"])
            session.add(station)
            s_added += 1
        else:
            s_updated += 1
        station.name = v["name"]
        station.office_id = existing_offices[v["office"]].id
        station.address = v.get("address") or None
        station.phone = v.get("phone") or None
        station.active = True
    stations_deactivated = _deactivate(existing_stations.values(), station_codes)
    session.flush()
    return ImportSummary(
        added, updated, offices_deactivated, s_added, s_updated, stations_deactivated
    )


def _deactivate(units: Iterable[Office | Station], keep: set[str]) -> int:
    n = 0
    for unit in units:
        if unit.code not in keep and unit.active:
            unit.active = False
            n += 1
    return n


def _check_rows(
    label: str, rows: list[Row], columns: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        for key, value in row.values.items():
            name = columns[key][0]
            if key in required and not value:
                raise ImportFailed(f"{label} 第{row.line}行：“{name}”不能为空")
            if len(value) > _LIMITS[key]:
                raise ImportFailed(
                    f"{label} 第{row.line}行：“{name}”过长（最多{_LIMITS[key]}个字符）"
                )
            if any(ord(ch) < 32 for ch in value):
                raise ImportFailed(f"{label} 第{row.line}行：“{name}”含有控制字符")
        code = row.values["code"]
        if code in seen:
            raise ImportFailed(f"{label} 第{row.line}行：代码“{code}”重复（第{seen[code]}行已有）")
        seen[code] = row.line
