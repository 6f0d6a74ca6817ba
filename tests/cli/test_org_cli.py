"""ipdesk-admin init / org / import-org: the organisation contract of design.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from ipdesk.cli import main
from ipdesk.db import make_engine, make_session_factory
from ipdesk.models import Office, Station

OFFICES = "code,name,region\nA1,甲裁决所,150502\nB2,乙裁决所,150521\n"
STATIONS = "code,name,office\nA1-1,甲一站,A1\nA1-2,甲二站,A1\nB2-1,乙一站,B2\n"


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, *args])


def snapshot(url: str) -> list[tuple[object, ...]]:
    engine = make_engine(url)
    with make_session_factory(engine)() as s:
        offices: list[tuple[object, ...]] = [
            (o.code, o.name, o.active) for o in s.scalars(select(Office).order_by(Office.code))
        ]
        stations: list[tuple[object, ...]] = [
            (st.code, st.name, st.office_id, st.active)
            for st in s.scalars(select(Station).order_by(Station.code))
        ]
    engine.dispose()
    return offices + stations


@pytest.fixture
def initialised(database_url: str) -> str:
    assert run(database_url, "init") == 0
    return database_url


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_init_then_org_json_has_9_offices_and_89_stations(
    initialised: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(initialised, "org", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["offices"]) == 9
    assert sum(len(o["stations"]) for o in doc["offices"]) == 89
    first = doc["offices"][0]
    assert set(first) >= {"code", "name", "stations"}
    assert set(first["stations"][0]) >= {"code", "name"}
    assert first["name"].endswith("知识产权行政裁决所")


def test_init_twice_is_harmless(initialised: str) -> None:
    before = snapshot(initialised)
    assert run(initialised, "init") == 0
    assert snapshot(initialised) == before


def test_commands_refuse_an_uninitialised_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(f"sqlite:///{tmp_path / 'empty.sqlite3'}", "org") != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["ipdesk-admin: 数据库尚未初始化：请先运行 ipdesk-admin init"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_import_replaces_the_organisation(
    initialised: str, tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    offices = write(tmp_path / "o.csv", OFFICES, encoding)
    stations = write(tmp_path / "s.csv", STATIONS, encoding)
    assert run(initialised, "import-org", str(offices), str(stations)) == 0
    capsys.readouterr()
    assert run(initialised, "org", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert [(o["code"], o["name"]) for o in doc["offices"]] == [
        ("A1", "甲裁决所"),
        ("B2", "乙裁决所"),
    ]
    assert [s["code"] for s in doc["offices"][0]["stations"]] == ["A1-1", "A1-2"]
    # The seed's units are kept, deactivated: cases may refer to them.
    engine = make_engine(initialised)
    with make_session_factory(engine)() as s:
        assert s.scalars(select(Office).where(Office.code == "TL01")).one().active is False
    engine.dispose()


def test_import_accepts_chinese_headers(initialised: str, tmp_path: Path) -> None:
    offices = write(tmp_path / "o.csv", "代码,名称\nA1,甲裁决所\n", "gb18030")
    stations = write(tmp_path / "s.csv", "代码,名称,所属裁决所\nA1-1,甲一站,A1\n", "gb18030")
    assert run(initialised, "import-org", str(offices), str(stations)) == 0


REFUSALS = [
    pytest.param(
        OFFICES + "A1,重复所,150502\n",
        STATIONS,
        "o.csv 第4行：代码“A1”重复（第2行已有）",
        id="duplicate-office",
    ),
    pytest.param(
        OFFICES,
        STATIONS + "A1-1,重复站,A1\n",
        "s.csv 第5行：代码“A1-1”重复（第2行已有）",
        id="duplicate-station",
    ),
    pytest.param(
        OFFICES,
        STATIONS + "C3-1,丙一站,C3\n",
        "s.csv 第5行：所属裁决所“C3”不在 o.csv 中",
        id="unknown-office",
    ),
    pytest.param(
        OFFICES,
        "code,name\nA1-1,甲一站\n",
        "s.csv 第1行：缺少必需的列 office（所属裁决所）",
        id="missing-column",
    ),
    pytest.param(
        OFFICES,
        "code,name,office,colour\nA1-1,甲一站,A1,red\n",
        "s.csv 第1行：未知的列“colour”（第4列）",
        id="unknown-column",
    ),
    pytest.param(
        OFFICES + "C3,,150502\n", STATIONS, "o.csv 第4行：“名称”不能为空", id="empty-name"
    ),
    pytest.param(
        OFFICES,
        STATIONS + "A1-3,甲三站,A1,extra\n",
        "s.csv 第5行：列数多于表头（4 > 3）",
        id="extra-cell",
    ),
    pytest.param("", STATIONS, "o.csv：文件为空", id="empty-file"),
]


@pytest.mark.parametrize(("offices_text", "stations_text", "message"), REFUSALS)
def test_refused_import_names_file_and_line_and_changes_nothing(
    initialised: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    offices_text: str,
    stations_text: str,
    message: str,
) -> None:
    before = snapshot(initialised)
    offices = write(tmp_path / "o.csv", offices_text)
    stations = write(tmp_path / "s.csv", stations_text)
    capsys.readouterr()
    assert run(initialised, "import-org", str(offices), str(stations)) == 1
    assert capsys.readouterr().err == f"ipdesk-admin: {message}\n"
    assert snapshot(initialised) == before


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"\x80\x81\xff\xfe\x00", "o.csv：不是文本文件（可能是 Excel 或其他二进制文件）"),
        (
            b"code,name\nA1,\xff\xff\xff\n",
            "o.csv：无法识别的文字编码（请保存为 UTF-8 或 GB18030/GBK）",
        ),
    ],
    ids=["binary", "undecodable"],
)
def test_wrong_encoding_is_refused(
    initialised: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    payload: bytes,
    message: str,
) -> None:
    before = snapshot(initialised)
    offices = tmp_path / "o.csv"
    offices.write_bytes(payload)
    stations = write(tmp_path / "s.csv", STATIONS)
    capsys.readouterr()
    assert run(initialised, "import-org", str(offices), str(stations)) == 1
    assert capsys.readouterr().err == f"ipdesk-admin: {message}\n"
    assert snapshot(initialised) == before


def test_missing_file_is_one_line(
    initialised: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stations = write(tmp_path / "s.csv", STATIONS)
    capsys.readouterr()
    assert run(initialised, "import-org", str(tmp_path / "nope.csv"), str(stations)) == 1
    err = capsys.readouterr().err
    assert err.startswith("ipdesk-admin: nope.csv：无法读取文件") and err.count("\n") == 1


def test_usage_error_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["import-org"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1
