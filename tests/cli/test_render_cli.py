"""ipdesk-admin render / templates check / templates preview (design.md's contract)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.cli import build_parser, main
from ipdesk.cli import render as render_cli
from ipdesk.models import Case, CaseStatus, Document, Role
from ipdesk.paths import FORMS_DIR
from ipdesk.services.documents import DocumentKind
from tests.helpers.factories import make_case, make_user, seed
from tests.services.test_documents import (
    APPLICANT_ID,
    ONE_RUN,
    RESPONDENT_ID,
    SPLIT,
    _rewrite,
    document_text,
    documented_case,
)


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, *args])


@pytest.fixture(autouse=True)
def _registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until the lead registers the module in ipdesk/cli/__init__.py, register it here."""
    import ipdesk.cli as cli

    parser = build_parser()
    if "render" in parser._subparsers._group_actions[0].choices:  # type: ignore[union-attr, operator]
        return
    original = cli.build_parser

    def with_render() -> object:
        p = original()
        sub = p._subparsers._group_actions[0]  # type: ignore[union-attr]
        render_cli.register(sub)
        return p

    monkeypatch.setattr(cli, "build_parser", with_render)


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    """Where commands write (tmp_path itself holds the SQLite database)."""
    path = tmp_path / "out"
    path.mkdir()
    return path


@pytest.fixture
def number(session_factory: sessionmaker[Session]) -> str:
    with session_factory.begin() as s:
        seed(s)
        return documented_case(s).number


def test_render_writes_the_document(
    database_url: str, number: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "协议" / "agreement.docx"
    assert (
        run(database_url, "render", "confirmation_application", "--case", number, "--out", str(out))
        == 0
    )
    text = document_text(out)
    for expected in (
        "司法确认申请书",
        "张伟",
        APPLICANT_ID,
        "通辽市草原商贸有限公司",
        RESPONDENT_ID,
        "通辽市科尔沁区人民法院",
        "¥12,000.00",
        "人民币壹万贰仟元整",
        "二〇二六年十月十五日",
    ):
        assert expected in text, expected
    printed = capsys.readouterr().out
    assert str(out) in printed and "sha256" in printed
    assert [p.name for p in out.parent.iterdir()] == ["agreement.docx"]


def test_a_case_lacking_facts_is_refused_and_nothing_is_written(
    database_url: str,
    session_factory: sessionmaker[Session],
    outdir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with session_factory.begin() as s:
        seed(s)
        mediator = make_user(s, Role.MEDIATOR, office="TL01")
        bare = make_case(s, "TL01-S01", CaseStatus.MEDIATING, mediator_id=mediator.id).number
    out = outdir / "out.docx"
    assert (
        run(database_url, "render", "mediation_agreement", "--case", bare, "--out", str(out)) == 1
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("ipdesk-admin: 无法生成调解协议书，案件缺少：")
    for missing in ("申请人张三的公民身份号码", "调解协议"):
        assert missing in err[0]
    assert not out.exists() and list(outdir.iterdir()) == []


def test_a_refusal_leaves_an_existing_file_alone(
    database_url: str, number: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "closing.docx"
    out.write_bytes(b"earlier")
    assert run(database_url, "render", "closing_notice", "--case", number, "--out", str(out)) == 1
    assert "结案日期" in capsys.readouterr().err
    assert out.read_bytes() == b"earlier"


def test_render_records_nothing_on_the_case(
    database_url: str, number: str, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    assert (
        run(
            database_url,
            "render",
            "acceptance_notice",
            "--case",
            number,
            "--out",
            str(tmp_path / "a.docx"),
        )
        == 0
    )
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0
        assert s.scalar(select(Case.id).where(Case.number == number))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["render", "acceptance_notice", "--case", "NOPE-1", "--out", "a.docx"],
            "案件 NOPE-1 不存在",
        ),
        (["render", "acceptance_notice", "--case", "{number}", "--out", "a.txt"], ".docx 或 .pdf"),
    ],
)
def test_bad_input_is_refused_with_one_line(
    database_url: str,
    number: str,
    outdir: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    args = [a.replace("{number}", number) for a in args[:-1]] + [str(outdir / args[-1])]
    assert run(database_url, *args) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
    assert list(outdir.iterdir()) == []


def test_an_unknown_kind_is_a_usage_error(outdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{outdir / 'unused.sqlite3'}"
    with pytest.raises(SystemExit) as exited:
        run(url, "render", "letter", "--case", "X", "--out", str(outdir / "a.docx"))
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "invalid choice" in err[0]
    assert list(outdir.iterdir()) == []


def test_templates_check_passes_on_the_shipped_forms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'unused.sqlite3'}"  # the check needs no database
    assert run(url, "templates", "check") == 0
    assert f"{len(DocumentKind)} 个模板均无问题" in capsys.readouterr().out
    assert run(url, "templates", "check", "--json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is True and doc["problems"] == [] and doc["templates"] == len(DocumentKind)
    assert not (tmp_path / "unused.sqlite3").exists()


def test_templates_check_reports_template_and_tag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(FORMS_DIR, forms)
    _rewrite(
        forms / "mediation_agreement.docx",
        {ONE_RUN: SPLIT, "调解组织：{{ mediation.organisation }}": "调解组织：{{ office.nmae }}"},
    )
    url = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    assert run(url, "templates", "check", "--forms", str(forms), "--json") == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert {(p["template"], p["tag"], p["code"]) for p in problems} == {
        ("mediation_agreement.docx", "{{ mediator.name }}", "split"),
        ("mediation_agreement.docx", "office.nmae", "unknown_attribute"),
    }
    assert run(url, "templates", "check", "--forms", str(forms)) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("mediation_agreement.docx：") for line in lines)


def test_render_with_a_broken_template_is_refused(
    database_url: str,
    number: str,
    tmp_path: Path,
    outdir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    forms = tmp_path / "forms"
    shutil.copytree(FORMS_DIR, forms)
    _rewrite(forms / "mediation_agreement.docx", {ONE_RUN: "调解员：{{ mediatr.name }}</w:t>"})
    out = outdir / "out.docx"
    args = [
        "render",
        "mediation_agreement",
        "--case",
        number,
        "--out",
        str(out),
        "--forms",
        str(forms),
    ]
    assert run(database_url, *args) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "mediation_agreement.docx" in err[0] and "mediatr" in err[0]
    assert list(outdir.iterdir()) == []


def test_templates_preview_renders_the_demo_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    out = tmp_path / "preview.docx"
    assert run(url, "templates", "preview", "court_return_letter", "--out", str(out)) == 0
    text = document_text(out)
    assert "诉调对接回复函" in text and "通辽市科尔沁区人民法院" in text


@pytest.mark.slow
def test_templates_pages_keep_every_signature_with_its_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if shutil.which("libreoffice") is None and shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    url = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    assert run(url, "templates", "pages") == 0
    assert f"{len(DocumentKind)} 个模板的分页均无问题" in capsys.readouterr().out


def test_templates_pages_without_libreoffice_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ipdesk.services.documents.page_check.find_libreoffice", lambda: None)
    assert run(f"sqlite:///{tmp_path / 'unused.sqlite3'}", "templates", "pages") == 1
    err = capsys.readouterr().err
    assert err.startswith("ipdesk-admin: 无法检查分页") and len(err.strip().splitlines()) == 1
