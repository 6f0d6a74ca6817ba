"""The period's workbook and the monthly report, opened and read back."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseStatus, Channel, DisputeType, IpType, Role
from ipdesk.services.actors import Actor
from ipdesk.services.documents import TemplateBroken
from ipdesk.services.errors import PermissionDenied, ValidationError
from ipdesk.services.queries.dashboard import DashboardFilter, Period, figures
from ipdesk.services.queries.reports import (
    CN_DATE,
    SHARE,
    Cancelled,
    monthly_context,
    write_monthly_docx,
    write_report,
)
from tests.helpers.factories import (
    actor,
    make_adjustment,
    make_case,
    make_user,
    seed,
    station,
)

D = dt.date
PERIOD = Period(D(2026, 3, 1), D(2026, 5, 31))
TODAY = D(2026, 11, 27)
ID_NUMBER = "150502198001011234"
PHONE = "13812345678"


@pytest.fixture
def db(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """TL01: an open overdue case suspended once (with a reason), a case closed late
    after an extension, a case closed on time; TL02: one received case."""
    with session_factory.begin() as s:
        seed(s)
        overdue = make_case(
            s,
            "TL01-S01",
            CaseStatus.MEDIATING,
            received_on=D(2026, 2, 1),
            accepted_on=D(2026, 2, 2),
            due_on=D(2026, 4, 20),
            applicant="王小明",
        )
        overdue.parties[0].id_number = ID_NUMBER
        overdue.parties[0].phone = PHONE
        overdue.parties[1].id_number = "91150502MA0N12345X"
        make_adjustment(
            s, overdue, D(2026, 2, 10), D(2026, 2, 20), reason="等待专利无效宣告审查结论"
        )
        late = make_case(
            s,
            "TL01-S02",
            CaseStatus.CLOSED,
            received_on=D(2026, 3, 2),
            accepted_on=D(2026, 3, 3),
            closed_on=D(2026, 5, 20),
            due_on=D(2026, 5, 10),
        )
        make_adjustment(s, late, D(2026, 4, 1), extension_days=7, reason="案情复杂，经批准延长")
        make_case(
            s,
            "TL01-S01",
            CaseStatus.CLOSED,
            received_on=D(2026, 3, 10),
            accepted_on=D(2026, 3, 11),
            closed_on=D(2026, 4, 11),
            due_on=D(2026, 5, 11),
        )
        make_case(s, "TL02-S01", CaseStatus.REGISTERED, received_on=D(2026, 5, 2))
    return session_factory


def all_values(path: Path) -> list[object]:
    wb = load_workbook(path)
    return [cell for ws in wb for row in ws.iter_rows(values_only=True) for cell in row]


def test_the_workbook(db: sessionmaker[Session], tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    reports: list[tuple[int, int]] = []
    with db() as s:
        summary = write_report(
            s, Actor.system(), out, PERIOD, lambda d, t: reports.append((d, t)), today=TODAY
        )
        fig = figures(s, Actor.system(), DashboardFilter(PERIOD), today=TODAY)
    assert (summary.cases, summary.overdue, summary.as_of) == (4, 2, PERIOD.end)
    assert reports[0] == (0, 6) and reports[-1] == (6, 6)
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "案件清单", "超期案件", "图表数据", "行政裁决"]
    for ws in wb:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.print_title_rows == "$5:$5"
        assert ws.freeze_panes in ("C6", "A6")
        assert ws["A1"].font.bold

    summary_sheet = wb["汇总"]
    header = [c.value for c in summary_sheet[5]]
    assert header[:5] == ["代码", "单位", "收案数", "受理数", "期末在办"]
    total = {h: c.value for h, c in zip(header, summary_sheet[6], strict=True)}
    assert total["单位"] == "全市合计"
    assert (total["收案数"], total["结案数"], total["超期未结"]) == (
        fig.total.received,
        fig.total.closed,
        fig.total.overdue,
    )
    assert (total["收案数"], total["期末在办"], total["结案数"], total["按期结案"]) == (3, 2, 2, 1)
    assert total["按期结案率"] == pytest.approx(0.5)
    assert summary_sheet.cell(6, header.index("按期结案率") + 1).number_format == SHARE
    offices = [row[0].value for row in summary_sheet.iter_rows(min_row=7) if row[0].value]
    assert offices[:3] == ["TL01", "TL01-S01", "TL01-S02"] and "TL02" in offices

    cases = wb["案件清单"]
    head = [c.value for c in cases[5]]
    rows = [dict(zip(head, r, strict=True)) for r in cases.iter_rows(min_row=6, values_only=True)]
    rows = [r for r in rows if r["裁决所"]]  # not the note below the table
    assert len(rows) == 4
    first = next(r for r in rows if r["申请人"] == "王小明")
    assert first["申请人证件号"] == "150502********1234"
    assert first["申请人电话"] == "138****5678"
    assert first["被申请人证件号"] == "911505********345X"
    assert first["收案日期"] == dt.datetime(2026, 2, 1)
    assert cases.cell(6, head.index("收案日期") + 1).number_format == CN_DATE
    closed = [r for r in rows if r["结案日期"]]
    assert sorted(r["办理天数"] for r in closed) == [31, 78]
    # no full ID or phone number anywhere in the workbook
    text = " ".join(str(v) for v in all_values(out))
    assert ID_NUMBER not in text and PHONE not in text and "91150502MA0N12345X" not in text

    overdue = wb["超期案件"]
    head = [c.value for c in overdue[5]]
    rows = [
        dict(zip(head, r, strict=True))
        for r in overdue.iter_rows(min_row=6, values_only=True)
        if r[1]
    ]
    assert [(r["类别"], r["超期天数"], r["最近中止/延长"]) for r in rows] == [
        ("未结超期", 41, "中止"),
        ("超期结案", 10, "延长"),
    ]
    assert rows[0]["原因"] == "等待专利无效宣告审查结论"
    assert rows[1]["原因"] == "案情复杂，经批准延长"

    charts = [r for r in wb["图表数据"].iter_rows(min_row=6, values_only=True)]
    assert (None, "2026年3月", 2, 0, None) in charts
    assert (None, "2026年5月", 1, 1, None) in charts
    assert ("TL01", "科尔沁区知识产权行政裁决所", 1, None, None) in charts


def test_an_office_manager_reports_on_the_office_only(
    db: sessionmaker[Session], tmp_path: Path
) -> None:
    out = tmp_path / "tl02.xlsx"
    with db.begin() as s:
        manager = actor(make_user(s, Role.OFFICE_MANAGER, office="TL02"))
        mediator = actor(make_user(s, Role.MEDIATOR, office="TL01"))
    with db() as s:
        summary = write_report(s, manager, out, PERIOD, today=TODAY)
        assert summary.cases == 1
        with pytest.raises(PermissionDenied):
            write_report(s, mediator, tmp_path / "no.xlsx", PERIOD, today=TODAY)
    assert not (tmp_path / "no.xlsx").exists()
    wb = load_workbook(out)
    assert wb["汇总"]["B6"].value == "合计"
    numbers = [r[0] for r in wb["案件清单"].iter_rows(min_row=6, values_only=True) if r[1]]
    assert len(numbers) == 1 and str(numbers[0]).startswith("TL02-")


def test_cancelling_leaves_no_file(db: sessionmaker[Session], tmp_path: Path) -> None:
    folder = tmp_path / "out"  # the SQLite database lives in tmp_path
    folder.mkdir()
    out = folder / "cancelled.xlsx"
    with db() as s, pytest.raises(Cancelled):
        write_report(s, Actor.system(), out, PERIOD, cancelled=lambda: True, today=TODAY)
    assert list(folder.iterdir()) == []
    # a later cancellation (while saving) keeps an older file as it was
    out.write_bytes(b"old")
    calls = 0

    def late() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    with db() as s, pytest.raises(Cancelled):
        write_report(s, Actor.system(), out, PERIOD, cancelled=late, today=TODAY)
    assert [p.name for p in folder.iterdir()] == ["cancelled.xlsx"]
    assert out.read_bytes() == b"old"


def test_a_big_case_list_reports_progress_and_can_be_cancelled_midway(
    db: sessionmaker[Session], tmp_path: Path
) -> None:
    with db.begin() as s:
        where = station(s, "TL03-S01")
        s.add_all(
            Case(
                number=f"TL03-2026-B{n:05d}",
                office_id=where.office_id,
                station_id=where.id,
                status=CaseStatus.REGISTERED,
                ip_type=IpType.COPYRIGHT,
                dispute_type=DisputeType.INFRINGEMENT,
                facts="未经许可复制发行。",
                claim="停止侵权。",
                channel=Channel.ONLINE,
                received_on=D(2026, 4, 1) + dt.timedelta(days=n % 50),
            )
            for n in range(2100)
        )
    folder = tmp_path / "out"
    folder.mkdir()
    seen: list[tuple[int, int]] = []
    with db() as s, pytest.raises(Cancelled):
        write_report(
            s,
            Actor.system(),
            folder / "big.xlsx",
            PERIOD,
            lambda d, t: seen.append((d, t)),
            lambda: bool(seen) and seen[-1][0] >= 2000,
            today=TODAY,
        )
    assert seen == [(0, 2106), (1000, 2106), (2000, 2106)]
    assert list(folder.iterdir()) == []
    # openpyxl's own temporary files (one per streamed sheet) are gone too
    assert not [f for f in ALL_TEMP_FILES if os.path.exists(f)]


def test_the_monthly_report(db: sessionmaker[Session], tmp_path: Path) -> None:
    out = tmp_path / "monthly.docx"
    with db() as s:
        context = monthly_context(s, Actor.system(), 2026, 5, today=TODAY)
        assert context["title"] == "2026年5月知识产权纠纷处理工作月报"
        assert context["total"]["closed"] == 1 and context["total"]["on_time"] == "0.0%"
        assert [c["number"][:4] for c in context["overdue_cases"]] == ["TL01", "TL01"]
        assert context["overdue_cases"][0]["reason"] == "中止：等待专利无效宣告审查结论"
        write_monthly_docx(s, Actor.system(), out, 2026, 5, today=TODAY)
        with pytest.raises(ValidationError):
            monthly_context(s, Actor.system(), 2027, 1, today=TODAY)
        with pytest.raises(TemplateBroken):
            write_monthly_docx(
                s, Actor.system(), tmp_path / "none.docx", 2026, 5, forms_dir=tmp_path, today=TODAY
            )
    assert not (tmp_path / "none.docx").exists()
    doc = Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2026年5月知识产权纠纷处理工作月报" in text
    assert "全市　统计期间：2026年5月1日至2026年5月31日" in text
    assert "收到纠纷1件" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "科尔沁区知识产权行政裁决所" in cells and "合计" in cells
    assert "中止：等待专利无效宣告审查结论" in cells
    with zipfile.ZipFile(out) as z:
        assert "{{" not in z.read("word/document.xml").decode()
