"""Hostile evidence and names (issue 21, items 7, 8, 9 and the name-length message of 10):
evidence is allowed by content, stored under an extension of its kind with a clean name,
an executable is never opened, noncharacters and invisible characters are refused at
intake, and stored names cannot drive the terminal through the command line."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.cli import main
from ipdesk.cli.output import one_field, terminal_safe
from ipdesk.models import Attachment, Case
from ipdesk.services.actors import Actor
from ipdesk.services.cases.evidence import attachment_file
from ipdesk.services.cases.intake import (
    AttachmentInput,
    attachment_path,
    check_intake,
    evidence_name,
    store_attachments,
)
from ipdesk.services.errors import PermissionDenied, ValidationError, ValidationErrors
from ipdesk.services.queries.lookups import has_control_chars
from ipdesk.services.rules.evidence_types import check_openable, kind_of
from tests.helpers.cli_admin import sign_in_as_admin
from tests.helpers.factories import make_case, seed, valid_intake_form

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 100
LNK = b"L\x00\x00\x00\x01\x14\x02\x00" + b"\x00" * 100


def _docx(path: Path) -> bytes:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return path.read_bytes()


def _zip_of_exe(path: Path) -> bytes:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("setup.exe", EXE)
    return path.read_bytes()


def _file(tmp_path: Path, content: bytes, name: str) -> AttachmentInput:
    path = tmp_path / f"f{len(list(tmp_path.iterdir()))}"
    path.write_bytes(content)
    return AttachmentInput(path, name=name)


@pytest.fixture
def case_id(session_factory: sessionmaker[Session]) -> int:
    with session_factory.begin() as s:
        seed(s)
        return make_case(s).id


def _store(
    factory: sessionmaker[Session], case_id: int, store: Path, files: list[AttachmentInput]
) -> list[tuple[str, str]]:
    with factory.begin() as s:
        case = s.get(Case, case_id)
        assert case is not None
        stored = store_attachments(s, Actor.system(), case, files, store=store)
        return [(a.original_name, a.stored_name) for a in stored]


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (EXE, "合同\u202efdp.exe"),
        (EXE, "合同.pdf"),
        (ELF, "照片.jpg"),
        (LNK, "证据.lnk"),
        (b"#!/bin/sh\nrm -rf ~\n", "说明.txt"),
        (b"\x00\x01\x02\x03" * 50, "数据.bin"),
        (None, "压缩包.zip"),
    ],
)
def test_executables_and_unknown_kinds_are_refused(
    session_factory: sessionmaker[Session],
    case_id: int,
    tmp_path: Path,
    content: bytes | None,
    name: str,
) -> None:
    store = tmp_path / "store"
    src = tmp_path / "src"
    src.mkdir()
    if content is None:
        content = _zip_of_exe(tmp_path / "x.zip")
    with pytest.raises((ValidationError, ValidationErrors)) as caught:
        _store(session_factory, case_id, store, [_file(src, content, name)])
    error = caught.value
    errors = error.errors if isinstance(error, ValidationErrors) else [error]
    assert [e.code for e in errors] == ["attachment_type_refused"]
    assert "\u202e" not in errors[0].message
    assert not [p for p in store.rglob("*") if p.is_file()]  # nothing left behind


def test_allowed_kinds_are_stored_under_their_own_extension_with_a_clean_name(
    session_factory: sessionmaker[Session], case_id: int, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    src = tmp_path / "src"
    src.mkdir()
    docx = _docx(tmp_path / "a.docx")
    stored = _store(
        session_factory,
        case_id,
        store,
        [
            _file(src, PDF, "合同\u202efdp.exe"),  # shows as 合同exe.pdf: a PDF in fact
            _file(src, PNG, "照\u200b片\x1b[31m.png\ufeff"),
            _file(src, docx, "协议.docx"),
            _file(src, "聊天记录：发货单号 123\n".encode(), "run.bat"),
        ],
    )
    names = [name for name, _ in stored]
    suffixes = [Path(stored_name).suffix for _, stored_name in stored]
    assert names == ["合同fdp.exe", "照片[31m.png", "协议.docx", "run.bat"]
    assert suffixes == [".pdf", ".png", ".docx", ".txt"]
    with session_factory() as s:  # each opens from a private copy the database wrote
        ids = s.scalars(select(Attachment.id).where(Attachment.case_id == case_id)).all()
        for attachment_id, (_, stored_name) in zip(sorted(ids), stored, strict=True):
            path = attachment_file(s, Actor.system(), attachment_id, store)
            assert path == attachment_path(store, stored_name)
            check_openable(path)


def test_an_executable_in_the_store_is_never_opened(tmp_path: Path) -> None:
    planted = tmp_path / "7" / "abc.pdf"  # stored before the allow-list, or by hand
    planted.parent.mkdir()
    planted.write_bytes(EXE)
    with pytest.raises(PermissionDenied) as caught:
        check_openable(planted)
    assert caught.value.code == "evidence_not_openable"
    renamed = tmp_path / "7" / "b.exe"
    renamed.write_bytes(PDF)  # a PDF under an extension the system would run
    with pytest.raises(PermissionDenied):
        check_openable(renamed)
    good = tmp_path / "7" / "c.pdf"
    good.write_bytes(PDF)
    check_openable(good)
    assert kind_of(good) is not None and kind_of(planted) is None


def test_a_name_over_the_limit_is_refused_with_the_right_number(
    session_factory: sessionmaker[Session], case_id: int, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    with pytest.raises(ValidationErrors) as caught:
        _store(session_factory, case_id, tmp_path / "store", [_file(src, PDF, "证" * 261 + ".pdf")])
    [error] = caught.value.errors
    assert error.code == "attachment_name_too_long"
    assert "260" in error.message and "300" not in error.message


@pytest.mark.parametrize(
    "bad", ["\uffff", "\ufffe", "\ufdd0", "\ufdef", "\U0001ffff", "\U0010fffe", "\U0010ffff"]
)
def test_every_noncharacter_is_refused_at_intake(bad: str) -> None:
    assert has_control_chars(f"王{bad}伟")
    form = valid_intake_form(applicant=f"王{bad}伟")
    codes = {e.code for e in check_intake(form).errors}
    assert "text_control" in codes


@pytest.mark.parametrize("bad", ["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u061c"])
def test_zero_width_and_bidi_characters_are_refused_in_names(bad: str) -> None:
    form = valid_intake_form(applicant=f"王{bad}伟")
    errors = check_intake(form).errors
    assert {e.code for e in errors} == {"text_invisible"}
    assert "text_invisible" not in {
        e.code for e in check_intake(valid_intake_form(facts=f"事实{bad}")).errors
    }


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300))
def test_evidence_names_are_clean_and_the_terminal_safe(name: str) -> None:
    clean = evidence_name(name)
    assert clean and clean == clean.strip()
    assert not has_control_chars(clean)
    shown = one_field(clean)
    assert "\n" not in shown and "\x1b" not in shown and "\u202e" not in shown
    safe = terminal_safe(name)
    unsafe = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    assert not [c for c in safe if unicodedata.category(c) in unsafe and c not in "\n\t"]
    assert not has_control_chars(safe, multiline=True)


def test_case_show_prints_no_control_characters(
    session_factory: sessionmaker[Session],
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with session_factory.begin() as s:
        seed(s)
        case = make_case(s, applicant="张三\x1b[2J\x1b]0;pwned\x07", respondent="李四\n伪造的一行")
        number = case.number
    sign_in_as_admin(monkeypatch, database_url)
    assert main(["--database-url", database_url, "case", "show", number]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "伪造的一行" in out and "\n伪造的一行" not in out
    assert main(["--database-url", database_url, "case", "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\n伪造的一行" not in out
