"""ipdesk-admin report: the workbook and the monthly report, and bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from ipdesk.cli import main
from ipdesk.db import make_engine, make_session_factory
from ipdesk.models import CaseStatus
from tests.helpers.factories import make_case

TODAY = "2026-11-27"


def run(url: str, *args: str) -> int:
    """The exit status, also of a usage error (argparse exits)."""
    try:
        return main(["--database-url", url, *args])
    except SystemExit as exc:
        return int(exc.code or 0)


@pytest.fixture
def with_cases(database_url: str) -> str:
    """TL01: a case received 2026-03-02 and closed 04-01; TL02: one received 2025-12-30."""
    assert run(database_url, "init") == 0
    engine = make_engine(database_url)
    with make_session_factory(engine).begin() as s:
        make_case(
            s,
            "TL01-S01",
            CaseStatus.CLOSED,
            received_on=dt.date(2026, 3, 2),
            accepted_on=dt.date(2026, 3, 3),
            closed_on=dt.date(2026, 4, 1),
            due_on=dt.date(2026, 5, 4),
        )
        make_case(s, "TL02-S01", CaseStatus.MEDIATING, received_on=dt.date(2025, 12, 30))
    engine.dispose()
    return database_url


def numbers(path: Path) -> list[str]:
    sheet = load_workbook(path)["案件清单"]
    return [str(r[0]) for r in sheet.iter_rows(min_row=6, values_only=True) if r[1]]


def test_the_default_period_is_the_year_to_today(
    with_cases: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "report.xlsx"
    capsys.readouterr()
    assert run(with_cases, "report", "--out", str(out), "--today", TODAY, "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {
        "out": str(out),
        "from": "2026-01-01",
        "to": TODAY,
        "as_of": TODAY,
        "cases": 2,  # TL02's case is still open this year
        "overdue": 0,
    }
    assert numbers(out) == ["TL01-2026-00001", "TL02-2025-00001"]


def test_from_and_to_and_one_office(
    with_cases: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "q1.xlsx"
    args = ("--from", "2026-01-01", "--to", "2026-03-31", "--today", TODAY)
    assert run(with_cases, "report", "--out", str(out), *args, "--office", "TL01") == 0
    line = capsys.readouterr().out
    assert line.startswith(f"已写入 {out}：2026-01-01 至 2026-03-31")
    assert numbers(out) == ["TL01-2026-00001"]
    summary = load_workbook(out)["汇总"]
    assert summary["B6"].value == "合计" and summary["C6"].value == 1  # received


def test_the_monthly_report(
    with_cases: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "2026-04.docx"
    assert (
        run(with_cases, "report", "--monthly", "2026-04", "--out", str(out), "--today", TODAY) == 0
    )
    assert capsys.readouterr().out.strip() == f"已写入 {out}：2026年4月工作月报"
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "2026年4月知识产权纠纷处理工作月报" in text and "结案1件" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--out", "r.csv"), "应写入 .xlsx 文件"),
        (("--out", "r.xlsx", "--from", "2026-05-01", "--to", "2026-04-30"), "晚于结束日期"),
        (("--out", "r.xlsx", "--from", "2026-02-30"), "无效的日期"),
        (("--out", "r.xlsx", "--office", "TL99"), "TL99"),
        (("--monthly", "2026-13", "--out", "m.docx"), "无效的月份"),
        (("--monthly", "2026-04", "--out", "m.xlsx"), "应写入 .docx 文件"),
        (("--monthly", "2026-04", "--from", "2026-04-01", "--out", "m.docx"), "--monthly"),
        (("--monthly", "2027-01", "--out", "m.docx"), "尚未开始"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    with_cases: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    capsys.readouterr()
    folder = tmp_path / "out"
    folder.mkdir()
    args = tuple(str(folder / a) if a.endswith((".csv", ".xlsx", ".docx")) else a for a in args)
    assert run(with_cases, "report", *args, "--today", TODAY) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert list(folder.iterdir()) == []
