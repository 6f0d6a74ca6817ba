"""ipdesk-admin case list / case show / import-cases: design.md's contracts."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
from pathlib import Path

import pytest

from ipdesk.cli import main
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.deadlines import legal_today

HEADER = ["received", "station", "ip_type", "right_number", "applicant_name", "applicant_id",
          "respondent_name", "respondent_id", "facts", "claim"]  # fmt: skip


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, *args])


def ledger(path: Path, rows: int, *, bad_row: int | None = None) -> Path:
    rng = random.Random(rows)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    today = legal_today().isoformat()
    for i in range(rows):
        applicant_id = ids.make_resident_id(rng)
        if i == bad_row:
            applicant_id = applicant_id[:-1] + ("0" if applicant_id[-1] != "0" else "1")
        writer.writerow(
            [
                today,
                ("TL01-S01", "TL01-S02", "TL02-S01")[i % 3],
                "商标",
                ids.make_trademark_number(rng),
                f"申请人{i}",
                applicant_id,
                f"被申请人{i}",
                ids.make_uscc(rng),
                "事实",
                "请求",
            ]
        )
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def initialised(database_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(database_url, "init") == 0
    capsys.readouterr()
    return database_url


@pytest.fixture
def with_cases(initialised: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(initialised, "import-cases", str(ledger(tmp_path / "l.csv", 4))) == 0
    capsys.readouterr()
    return initialised


def json_out(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_import_cases_json(
    initialised: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger(tmp_path / "台账.csv", 3)
    assert run(initialised, "import-cases", str(path), "--json") == 0
    doc = json_out(capsys)
    assert isinstance(doc, dict)
    assert (doc["imported"], doc["errors"]) == (3, [])
    year = legal_today().year
    assert doc["numbers"] == [f"TL01-{year}-00001", f"TL01-{year}-00002", f"TL02-{year}-00001"]


def test_an_invalid_ledger_changes_nothing(
    initialised: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger(tmp_path / "bad.csv", 3, bad_row=1)
    assert run(initialised, "import-cases", str(path), "--json") == 1
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["imported"] == 0
    assert doc["errors"] == [{"row": 3, "column": "applicant_id", "message": "身份证号校验位错误"}]
    assert captured.err.strip().splitlines() == [
        "ipdesk-admin: bad.csv：1 行有错误（共 1 处），未导入任何案件"
    ]
    assert run(initialised, "import-cases", str(path)) == 1
    captured = capsys.readouterr()
    assert captured.out.strip().splitlines() == ["第3行 applicant_id：身份证号校验位错误"]
    assert len(captured.err.strip().splitlines()) == 1
    assert run(initialised, "case", "list", "--json") == 0
    assert json_out(capsys) == {"cases": []}


def test_dry_run_imports_nothing(
    initialised: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger(tmp_path / "ok.csv", 2)
    assert run(initialised, "import-cases", str(path), "--dry-run") == 0
    assert "2 行全部有效" in capsys.readouterr().out
    assert run(initialised, "case", "list", "--json") == 0
    assert json_out(capsys) == {"cases": []}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import-cases", "/nonexistent/x.csv"], "找不到文件 /nonexistent/x.csv"),
        (["case", "show", "TL01-1999-00001"], "案件“TL01-1999-00001”不存在"),
        (["case", "list", "--office", "NOPE"], "裁决所代码“NOPE”不存在"),
        (["case", "list", "--station", "NOPE"], "站点代码“NOPE”不存在"),
    ],
)
def test_refusals_are_one_line(
    initialised: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(initialised, *args) == 1
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == [f"ipdesk-admin: {message}"]
    assert captured.out == ""


def test_usage_errors_are_one_line(initialised: str, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ["case", "list", "--status", "sleeping"],
        ["case", "list", "--limit", "0"],
        ["case"],
    ):
        with pytest.raises(SystemExit) as caught:
            run(initialised, *args)
        assert caught.value.code == 2
        assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_case_list_json(with_cases: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(with_cases, "case", "list", "--json") == 0
    doc = json_out(capsys)
    assert isinstance(doc, dict)
    cases = doc["cases"]
    year = legal_today().year
    assert [c["number"] for c in cases] == [
        f"TL01-{year}-00003",
        f"TL02-{year}-00001",
        f"TL01-{year}-00002",
        f"TL01-{year}-00001",
    ]
    # Not yet accepted: its due date is the decision on acceptance's (5 working days).
    due = cases[0].pop("due")
    assert isinstance(due, str) and dt.date.fromisoformat(due) > legal_today() - dt.timedelta(60)
    assert cases[0] == {
        "number": f"TL01-{year}-00003",
        "status": "registered",
        "office": "TL01",
        "station": "TL01-S01",
        "accepted": None,
    }
    for args, expected in [
        (["--office", "TL02"], 1),
        (["--station", "TL01-S02"], 1),
        (["--status", "registered"], 4),
        (["--status", "mediating"], 0),
        (["--status", "suspended"], 0),
        (["--limit", "2"], 2),
    ]:
        assert run(with_cases, "case", "list", "--json", *args) == 0
        doc = json_out(capsys)
        assert isinstance(doc, dict) and len(doc["cases"]) == expected, args


def test_case_show_json(with_cases: str, capsys: pytest.CaptureFixture[str]) -> None:
    year = legal_today().year
    number = f"TL01-{year}-00001"
    assert run(with_cases, "case", "show", number, "--json") == 0
    doc = json_out(capsys)
    assert isinstance(doc, dict)
    assert {k: doc[k] for k in ("number", "status", "office", "station", "accepted")} == {
        "number": number,
        "status": "registered",
        "office": "TL01",
        "station": "TL01-S01",
        "accepted": None,
    }
    # Not yet accepted: its due date is the decision on acceptance's.
    decision = [x for x in doc["limits"] if x["kind"] == "acceptance_decision"]
    assert decision and doc["due"] == decision[0]["due"] is not None
    applicant, respondent = doc["parties"]
    assert (applicant["role"], applicant["kind"], applicant["name"]) == (
        "applicant",
        "person",
        "申请人0",
    )
    assert (respondent["role"], respondent["kind"]) == ("respondent", "organisation")
    for party in (applicant, respondent):
        assert party["id_number"][6:14] == "*" * 8  # masked, even for the administrator
    assert [(e["kind"], e["to"]) for e in doc["timeline"]] == [("registered", "registered")]
    (limit,) = doc["limits"]
    assert set(limit) == {"kind", "start", "due", "state"}
    assert (limit["kind"], limit["state"]) == ("acceptance_decision", "running")
    assert doc["documents"] == []


def test_text_output_is_for_people(with_cases: str, capsys: pytest.CaptureFixture[str]) -> None:
    year = legal_today().year
    assert run(with_cases, "case", "list") == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 4 and "已登记" in lines[0] and "申请人3 诉 被申请人3" in lines[0]
    assert run(with_cases, "case", "show", f"TL01-{year}-00001") == 0
    out = capsys.readouterr().out
    assert "申请人  申请人0" in out and "时间线" in out and "********" in out
    assert run(with_cases, "case", "list", "--status", "closed") == 0
    assert capsys.readouterr().out.strip() == "没有符合条件的案件"
