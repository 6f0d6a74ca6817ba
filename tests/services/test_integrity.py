"""check_files: records without their file, files changed behind the program's back,
files no record references — reported, never deleted."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Attachment, Document
from ipdesk.services.intake import AttachmentInput, register_case
from ipdesk.services.integrity import check_files
from tests.helpers.factories import REGISTRAR, make_case, seed, valid_intake_form


def _store(root: Path, stored_name: str, data: bytes) -> None:
    path = root.joinpath(*stored_name.split("/"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tree(*roots: Path) -> list[tuple[str, bytes]]:
    return sorted(
        (str(p), p.read_bytes()) for root in roots for p in root.rglob("*") if p.is_file()
    )


@pytest.fixture
def stores(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> tuple[sessionmaker[Session], Path, Path, dict[str, int]]:
    """Three evidence files and two documents, all as recorded."""
    attachments, documents = tmp_path / "attachments", tmp_path / "documents"
    ids: dict[str, int] = {}
    with session_factory.begin() as s:
        seed(s)
        case = make_case(s)
        for n in range(3):
            data = f"证据{n}".encode() * (n + 1)
            name = f"{case.id}/{_sha(data)}.pdf"
            _store(attachments, name, data)
            a = Attachment(
                case_id=case.id,
                original_name=f"证据{n}.pdf",
                stored_name=name,
                sha256=_sha(data),
                size=len(data),
            )
            s.add(a)
            s.flush()
            ids[f"a{n}"] = a.id
        for n in range(2):
            data = f"文书{n}".encode() * 10
            name = f"{case.number}/acceptance_notice-v{n + 1}.docx"
            _store(documents, name, data)
            d = Document(
                case_id=case.id,
                kind="acceptance_notice",
                version=n + 1,
                sha256=_sha(data),
                size=len(data),
                stored_name=name,
            )
            s.add(d)
            s.flush()
            ids[f"d{n}"] = d.id
    return session_factory, attachments, documents, ids


def test_consistent_stores(
    stores: tuple[sessionmaker[Session], Path, Path, dict[str, int]],
) -> None:
    factory, attachments, documents, _ids = stores
    with factory() as s:
        report = check_files(s, attachments, documents)
    assert report.ok and report.problems == ()
    assert (report.records, report.files) == (5, 5)


def test_every_kind_of_problem_is_reported_and_nothing_deleted(
    stores: tuple[sessionmaker[Session], Path, Path, dict[str, int]],
) -> None:
    factory, attachments, documents, ids = stores
    with factory() as s:
        a0, a1, a2 = (s.get(Attachment, ids[f"a{n}"]) for n in range(3))
        d0 = s.get(Document, ids["d0"])
        assert a0 and a1 and a2 and d0
        missing = attachments.joinpath(*a0.stored_name.split("/"))
        same_size = attachments.joinpath(*a1.stored_name.split("/"))
        shorter = documents.joinpath(*d0.stored_name.split("/"))
    missing.unlink()
    data = same_size.read_bytes()
    same_size.write_bytes(bytes([data[0] ^ 1]) + data[1:])
    shorter.write_bytes(b"x")
    _store(attachments, "999/stray.pdf", b"stray")
    _store(attachments, ".incoming/0123abcd.part", b"half")
    _store(documents, "TL01-2026-00001/.closing_notice-v1.docx.k2j3.part", b"half")
    with factory.begin() as s:
        bad = Attachment(
            case_id=a2.case_id,
            original_name="坏名字",
            stored_name="../../etc/passwd",
            sha256="0" * 64,
            size=1,
        )
        s.add(bad)
        s.flush()
        bad_id = bad.id
    files_before = _tree(attachments, documents)

    with factory() as s:
        report = check_files(s, attachments, documents)
    assert not report.ok
    assert [(p.kind, p.problem, p.record_id) for p in report.missing] == [
        ("attachment", "missing", ids["a0"])
    ]
    assert sorted((p.kind, p.problem, p.record_id) for p in report.damaged) == sorted(
        [
            ("attachment", "sha256", ids["a1"]),
            ("attachment", "bad_name", bad_id),
            ("document", "size", ids["d0"]),
        ]
    )
    assert sorted((p.problem, p.path) for p in report.unreferenced) == [
        ("incomplete", ".incoming/0123abcd.part"),
        ("incomplete", "TL01-2026-00001/.closing_notice-v1.docx.k2j3.part"),
        ("unreferenced", "999/stray.pdf"),
    ]
    assert all(p.message and "\n" not in p.message for p in report.problems)
    assert report.as_dict()["ok"] is False
    assert _tree(attachments, documents) == files_before  # nothing deleted or changed

    with factory() as s:  # quick mode: presence and size only
        quick = check_files(s, attachments, documents, verify_hashes=False)
    assert {p.problem for p in quick.damaged} == {"size", "bad_name"}


def test_one_folder_for_both_and_missing_folders(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
        case = make_case(s)
        data = b"evidence"
        _store(tmp_path / "files", f"{case.id}/{_sha(data)}", data)
        s.add(
            Attachment(
                case_id=case.id,
                original_name="e",
                stored_name=f"{case.id}/{_sha(data)}",
                sha256=_sha(data),
                size=len(data),
            )
        )
    with session_factory() as s:
        report = check_files(s, tmp_path / "files", tmp_path / "files")
        assert report.ok and report.unreferenced == () and report.files == 1
        gone = check_files(s, tmp_path / "nowhere", tmp_path / "nowhere-either")
    assert [p.problem for p in gone.missing] == ["missing"] and gone.files == 0


def test_cases_registered_with_evidence_check_out(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    evidence = tmp_path / "照片.jpg"
    evidence.write_bytes(b"\xff\xd8\xff" + b"0" * 1000)
    with session_factory.begin() as s:
        seed(s)
    with session_factory.begin() as s:
        register_case(
            s, REGISTRAR, valid_intake_form(), [AttachmentInput(evidence)], store=store
        )
    with session_factory() as s:
        report = check_files(s, store, tmp_path / "documents")
    assert report.ok and report.problems == () and report.records == 1
