"""Ledger import: every row validated like the intake form; any error imports nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseEvent, CaseSequence, Party, PartyKind, Role
from ipdesk.services.actors import Actor
from ipdesk.services.cases.case_import import COLUMNS, import_cases
from ipdesk.services.errors import ImportFailed
from ipdesk.services.rules import identifiers as ids
from tests.helpers.factories import make_user, seed

SYSTEM = Actor.system()
TODAY = dt.date(2026, 11, 27)
KEYS = [
    "received",
    "station",
    "ip_type",
    "right_number",
    "applicant_name",
    "applicant_id",
    "respondent_name",
    "respondent_id",
    "facts",
    "claim",
    "amount_claimed",
]


def ledger_rows(n: int, seed_: int = 1) -> list[dict[str, object]]:
    rng = random.Random(seed_)
    rows: list[dict[str, object]] = []
    for i in range(n):
        rows.append(
            {
                "received": f"2026-0{1 + i % 9}-1{i % 10}",
                "station": ("TL01-S01", "TL01-S02", "TL02-S01")[i % 3],
                "ip_type": ("商标", "发明专利", "著作权")[i % 3],
                "right_number": (
                    ids.make_trademark_number(rng),
                    "ZL" + ids.make_patent_number(rng, 2020, "invention"),
                    "",
                )[i % 3],
                "applicant_name": f"申请人{i}",
                "applicant_id": ids.make_resident_id(rng),
                "respondent_name": f"通辽市被申请{i}商贸有限公司",
                "respondent_id": ids.make_uscc(rng) if i % 2 else "",
                "facts": f"被申请人销售侵权商品（第{i}件）。",
                "claim": "停止侵权，赔偿损失。",
                "amount_claimed": f"{1000 * (i + 1)}.50",
            }
        )
    return rows


def write_csv(
    path: Path,
    rows: list[dict[str, object]],
    *,
    labels: bool = False,
    encoding: str = "utf-8",
) -> Path:
    header = [COLUMNS[k][0] if labels else k for k in KEYS]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(k, "") for k in KEYS])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def sessions(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


def snapshot(sessions: sessionmaker[Session]) -> tuple[object, ...]:
    with sessions() as s:
        return (
            s.scalar(select(func.count()).select_from(Case)),
            s.scalar(select(func.count()).select_from(Party)),
            s.scalar(select(func.count()).select_from(CaseEvent)),
            sorted(
                s.execute(
                    select(CaseSequence.office_id, CaseSequence.year, CaseSequence.last_value)
                ).all()
            ),
        )


@pytest.mark.parametrize(
    ("labels", "encoding"), [(False, "utf-8"), (True, "utf-8-sig"), (True, "gb18030")]
)
def test_a_valid_csv_ledger_is_imported(
    sessions: sessionmaker[Session], tmp_path: Path, labels: bool, encoding: str
) -> None:
    path = write_csv(tmp_path / "台账.csv", ledger_rows(6), labels=labels, encoding=encoding)
    seen: list[tuple[int, int]] = []
    with sessions.begin() as s:
        result = import_cases(
            s, SYSTEM, path, progress=lambda d, t: seen.append((d, t)), today=TODAY
        )
    assert (result.rows, result.imported, result.errors) == (6, 6, ())
    assert result.numbers[:3] == ("TL01-2026-00001", "TL01-2026-00002", "TL02-2026-00001")
    assert seen[-1] == (12, 12) and len(seen) == 12
    with sessions() as s:
        case = s.scalars(select(Case).where(Case.number == "TL02-2026-00001")).one()
        assert case.right_number is None and case.ip_type.value == "copyright"
        assert str(case.amount_claimed) == "3000.50"
        assert [p.kind for p in case.parties] == [PartyKind.PERSON, PartyKind.ORGANISATION]
        patent = s.scalars(select(Case).where(Case.number == "TL01-2026-00002")).one()
        assert "." in (patent.right_number or "") and not patent.right_number.startswith("ZL")  # type: ignore[union-attr]
        event = s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)).one()
        assert event.details == {"source": "import", "file": "台账.csv", "row": 4}


def test_any_invalid_row_imports_nothing(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    rows = ledger_rows(5)
    rows[1]["applicant_id"] = "150502198005170011"  # bad check digit
    rows[3]["station"] = "TL99-S99"
    rows[3]["ip_type"] = "专利"
    rows[4]["received"] = "2099-01-01"
    rows[4]["amount_claimed"] = "一千元"
    path = write_csv(tmp_path / "bad.csv", rows)
    before = snapshot(sessions)
    with sessions.begin() as s:
        result = import_cases(s, SYSTEM, path, today=TODAY)
    assert result.imported == 0
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (3, "applicant_id", "id_checksum"),
        (5, "ip_type", "ip_type_invalid"),
        (5, "station", "station_unknown"),
        (6, "received", "received_future"),
        (6, "amount_claimed", "amount_format"),
    ]
    assert result.errors[0].message == "身份证号校验位错误"
    assert result.errors[0].as_dict() == {
        "row": 3,
        "column": "applicant_id",
        "message": "身份证号校验位错误",
    }
    assert snapshot(sessions) == before


def test_dry_run_validates_only(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ok.csv", ledger_rows(3))
    before = snapshot(sessions)
    with sessions.begin() as s:
        result = import_cases(s, SYSTEM, path, dry_run=True, today=TODAY)
    assert (result.rows, result.imported, result.errors, result.dry_run) == (3, 0, (), True)
    assert snapshot(sessions) == before


def test_an_xlsx_ledger_with_chinese_labels(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    rng = random.Random(5)
    header = "收到日期 站点代码 知识产权类型 权利号 申请人 申请人证件号 被申请人 被申请人证件号"
    header += " 事实与理由 请求事项 请求金额 来源方式"
    good = [
        dt.datetime(2026, 3, 4),
        "TL01-S01",
        "商标",
        12345678,  # a number cell
        "王伟",
        ids.make_resident_id(rng),
        "科尔沁区某某商行",  # no ID: an organisation by its name
        None,
        "事实",
        "请求",
        1234.5,  # a float amount: read through its shortest text, never as a float
        "电话",
    ]
    path = write_xlsx(tmp_path / "ledger.xlsx", header.split(), [good, [None] * 12, good])
    with sessions.begin() as s:
        result = import_cases(s, SYSTEM, path, today=TODAY)
    assert (result.rows, result.imported) == (2, 2)
    with sessions() as s:
        case = s.scalars(select(Case).order_by(Case.id)).first()
        assert case is not None
        assert (case.received_on, case.right_number, str(case.amount_claimed)) == (
            dt.date(2026, 3, 4),
            "12345678",
            "1234.50",
        )
        assert case.channel.value == "phone"
        assert case.parties[1].kind == PartyKind.ORGANISATION
        event = s.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id)).one()
        assert event.details is not None and event.details["row"] == 2


def test_an_id_number_that_excel_stored_as_a_number_is_refused(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    header = ["received", "station", "ip_type", "applicant_name", "applicant_id",
              "respondent_name", "facts", "claim"]  # fmt: skip
    row: list[object] = ["2026-01-05", "TL01-S01", "著作权", "王伟", 150502198005170018,
                         "某公司", "事实", "请求"]  # fmt: skip
    path = write_xlsx(tmp_path / "ids.xlsx", header, [row])
    with sessions.begin() as s:
        result = import_cases(s, SYSTEM, path, today=TODAY)
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (2, "applicant_id", "number_stored_as_float")
    ]
    assert "文本" in result.errors[0].message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("received,station,colour\n", "未知的列“colour”（第3列）"),
        ("received,station\n", "缺少必需的列"),
        ("", "文件为空"),
        ("received,收到日期\n", "重复"),
    ],
)
def test_header_problems_refuse_the_file(
    sessions: sessionmaker[Session], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "h.csv"
    path.write_text(content, encoding="utf-8")
    with sessions.begin() as s, pytest.raises(ImportFailed) as caught:
        import_cases(s, SYSTEM, path)
    assert message in str(caught.value)
    assert str(caught.value).startswith("h.csv")


def test_unsupported_and_unreadable_files(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    odt = tmp_path / "x.ods"
    odt.write_bytes(b"zip")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    for path, text in ((odt, "不支持的文件类型"), (broken, "无法读取 Excel 文件")):
        with sessions.begin() as s, pytest.raises(ImportFailed, match=text):
            import_cases(s, SYSTEM, path)


def test_station_staff_import_only_their_stations_cases(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    with sessions.begin() as s:
        clerk = Actor.of(make_user(s, Role.STATION_STAFF, station="TL01-S01"))
    path = write_csv(tmp_path / "mixed.csv", ledger_rows(3))
    with sessions.begin() as s:
        result = import_cases(s, clerk, path, today=TODAY)
    assert [(e.row, e.column, e.code) for e in result.errors] == [
        (3, "station", "station_out_of_scope"),
        (4, "station", "station_out_of_scope"),
    ]
