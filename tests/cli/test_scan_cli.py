"""ipdesk-admin scan and holidays: the contract of design.md."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ipdesk.cli import main
from ipdesk.db import make_engine, make_session_factory
from ipdesk.models import Alert, CaseStatus, HolidayDay
from tests.helpers.factories import make_case_with_limits


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, *args])


@pytest.fixture
def with_cases(database_url: str) -> str:
    """Two cases accepted on Tue 2026-09-01 (due Mon 2026-11-02), one on 09-10 (due 11-09)."""
    assert run(database_url, "init") == 0
    engine = make_engine(database_url)
    with make_session_factory(engine).begin() as s:
        for accepted in (dt.date(2026, 9, 1), dt.date(2026, 9, 1), dt.date(2026, 9, 10)):
            make_case_with_limits(
                s,
                status=CaseStatus.MEDIATING,
                received_on=accepted - dt.timedelta(days=1),
                accepted_on=accepted,
            )
    engine.dispose()
    return database_url


def alert_count(url: str) -> int:
    engine = make_engine(url)
    with make_session_factory(engine)() as s:
        count = s.scalar(select(func.count()).select_from(Alert)) or 0
    engine.dispose()
    return count


def test_scan_json_then_a_second_scan_at_the_same_now_creates_none(
    with_cases: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(with_cases, "scan", "--now", "2026-10-28T09:00:00+08:00", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"now", "examined", "created", "alerts"}
    assert doc["now"] == "2026-10-28T09:00:00+08:00"
    assert (doc["examined"], doc["created"]) == (3, 3)
    assert doc["alerts"] == [
        {"case": "TL01-2026-00001", "kind": "handling", "threshold": "warn:5", "due": "2026-11-02"},
        {"case": "TL01-2026-00002", "kind": "handling", "threshold": "warn:5", "due": "2026-11-02"},
        {
            "case": "TL01-2026-00003",
            "kind": "handling",
            "threshold": "warn:15",
            "due": "2026-11-09",
        },
    ]
    assert run(with_cases, "scan", "--now", "2026-10-28T09:00:00+08:00", "--json") == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["examined"], again["created"], again["alerts"]) == (3, 0, [])
    assert alert_count(with_cases) == 3


def test_scan_text_is_one_line(with_cases: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(with_cases, "scan", "--now", "2026-11-03T01:00:00+00:00") == 0
    assert capsys.readouterr().out.splitlines() == ["已检查 3 项期限，新建 3 条提醒"]


def test_scan_without_now_uses_the_clock(
    with_cases: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(with_cases, "scan", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    moment = dt.datetime.fromisoformat(doc["now"])
    assert abs(moment - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_a_bad_now_is_one_line_and_changes_nothing(
    with_cases: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        run(with_cases, "scan", "--now", "tomorrow")
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "tomorrow" in err[0]
    assert alert_count(with_cases) == 0


def test_scan_refuses_an_uninitialised_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(f"sqlite:///{tmp_path / 'empty.sqlite3'}", "scan") == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        "ipdesk-admin: 数据库尚未初始化：请先运行 ipdesk-admin init"
    ]


# --- holidays -------------------------------------------------------------------------------


def test_holidays_show_json_and_text(with_cases: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(with_cases, "holidays", "show", "2026", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["year"], doc["covered"], doc["chinesecalendar"], doc["declared"]) == (
        2026,
        True,
        True,
        False,
    )
    assert len(doc["days"]) == 365
    assert doc["days"][273] == {
        "date": "2026-10-01",
        "rest": True,
        "source": "chinesecalendar",
        "name": "国庆节",
    }
    assert run(with_cases, "holidays", "show", "2027") == 0
    out = capsys.readouterr().out.splitlines()
    # 104 weekend days and 13 weekdays that are statutory holidays or substitute days.
    assert out[0] == (
        "2027年：国务院节假日安排尚未录入，暂按法定节假日规则和周末计算（请录入该年节假日安排）"
        "；休息日 117 天"
    )
    assert "2027-02-05  休  春节  （法定节假日规则，暂定）" in out
    assert "2027-02-09  休  春节（补假）  （法定节假日规则，暂定）" in out
    assert len(out) == 1 + 13


def test_holidays_import_moves_due_dates(
    with_cases: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(with_cases, "scan", "--now", "2026-10-28T09:00:00+08:00") == 0
    path = tmp_path / "h.csv"
    path.write_text("date,type,name\n2026-11-02,rest,测试\n2026-11-09,rest,测试\n")
    capsys.readouterr()
    assert run(with_cases, "holidays", "import", str(path), "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc == {
        "years": [2026],
        "rest_days": 2,
        "working_days": 0,
        "limits_examined": 3,
        "limits_changed": 3,
        "alerts_withdrawn": 3,
    }
    assert run(with_cases, "scan", "--now", "2026-10-28T09:00:00+08:00", "--json") == 0
    dues = {a["due"] for a in json.loads(capsys.readouterr().out)["alerts"]}
    assert dues == {"2026-11-03", "2026-11-10"}
    assert run(with_cases, "holidays", "show", "2026") == 0
    assert "2026-11-02  休  测试  （管理员录入）" in capsys.readouterr().out.splitlines()


def test_a_bad_holiday_file_is_one_line_and_changes_nothing(
    with_cases: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "h.csv"
    path.write_text("date,type\n2027-01-01,rest\n2027-01-32,rest\n")
    capsys.readouterr()
    assert run(with_cases, "holidays", "import", str(path)) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        "ipdesk-admin: h.csv 第3行：日期“2027-01-32”无效（应为 YYYY-MM-DD 或 YYYY/M/D 的真实日期）"
    ]
    engine = make_engine(with_cases)
    with make_session_factory(engine)() as s:
        assert s.scalar(select(func.count()).select_from(HolidayDay)) == 0
    engine.dispose()


def test_holidays_show_refuses_a_bad_year(
    with_cases: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        run(with_cases, "holidays", "show", "20x6")
    assert exit_info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
