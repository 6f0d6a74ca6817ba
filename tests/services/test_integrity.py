"""check_files: every record against its content in the database (present, size, chunks,
SHA-256), contents no record names, stray files in the desktop's folders — reported,
never deleted."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import delete, update
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Attachment, BlobChunk, Document
from ipdesk.services.cases.intake import AttachmentInput, register_case
from ipdesk.services.infra import blobs
from ipdesk.services.infra.integrity import check_files
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


Stores = tuple[sessionmaker[Session], Path, Path, dict[str, int]]


@pytest.fixture
def stores(session_factory: sessionmaker[Session], tmp_path: Path) -> Stores:
    """Three evidence files and two documents, all as recorded, in the database."""
    attachments, documents = tmp_path / "attachments", tmp_path / "documents"
    ids: dict[str, int] = {}
    with session_factory.begin() as s:
        seed(s)
        case = make_case(s)
        for n in range(3):
            data = f"证据{n}".encode() * (n + 1)
            blobs.put_bytes(s, data, kind="pdf", max_bytes=1 << 20)
            a = Attachment(
                case_id=case.id,
                original_name=f"证据{n}.pdf",
                stored_name=f"{case.id}/{_sha(data)}.pdf",
                sha256=_sha(data),
                size=len(data),
            )
            s.add(a)
            s.flush()
            ids[f"a{n}"] = a.id
        for n in range(2):
            data = f"文书{n}".encode() * 10
            blobs.put_bytes(s, data, kind=blobs.DOCX, max_bytes=1 << 20)
            d = Document(
                case_id=case.id,
                kind="acceptance_notice",
                version=n + 1,
                sha256=_sha(data),
                size=len(data),
                stored_name=f"{case.number}/acceptance_notice-v{n + 1}.docx",
            )
            s.add(d)
            s.flush()
            ids[f"d{n}"] = d.id
    return session_factory, attachments, documents, ids


def test_consistent_stores(stores: Stores) -> None:
    factory, attachments, documents, _ids = stores
    with factory() as s:
        report = check_files(s, attachments, documents)
        assert check_files(s, None, None).ok
    assert report.ok and report.problems == ()
    assert (report.records, report.files) == (5, 5)  # five contents, no files


def test_every_kind_of_problem_is_reported_and_nothing_deleted(stores: Stores) -> None:
    factory, attachments, documents, ids = stores
    with factory.begin() as s:
        a0, a1, a2 = (s.get(Attachment, ids[f"a{n}"]) for n in range(3))
        d0, d1 = s.get(Document, ids["d0"]), s.get(Document, ids["d1"])
        assert a0 and a1 and a2 and d0 and d1
        # a0: its content gone; a1: one byte of its chunk flipped; a2: a chunk lost;
        # d0: recorded with another size; d1's content alone, and one nobody names
        s.execute(delete(BlobChunk).where(BlobChunk.sha256 == a0.sha256))
        s.execute(delete(blobs.BLOBS).where(blobs.BLOBS.c.sha256 == a0.sha256))
        data = bytearray(b"".join(blobs.iter_chunks(s, a1.sha256)))
        data[0] ^= 1
        s.execute(update(BlobChunk).where(BlobChunk.sha256 == a1.sha256).values(data=bytes(data)))
        s.execute(delete(BlobChunk).where(BlobChunk.sha256 == a2.sha256))
        d0.size += 1
        stray_content = blobs.put_bytes(s, b"nobody's", kind="text", max_bytes=100).sha256
    _store(attachments, "999/stray.pdf", b"stray")
    _store(attachments, ".incoming/0123abcd.part", b"half")
    _store(documents, "TL01-2026-00001/.closing_notice-v1.docx.k2j3.part", b"half")
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
            ("attachment", "chunks", ids["a2"]),
            ("document", "size", ids["d0"]),
        ]
    )
    assert sorted((p.problem, p.path) for p in report.unreferenced) == [
        ("incomplete", ".incoming/0123abcd.part"),
        ("incomplete", "TL01-2026-00001/.closing_notice-v1.docx.k2j3.part"),
        ("unreferenced", "999/stray.pdf"),
        ("unreferenced_content", stray_content),
    ]
    assert all(p.message and "\n" not in p.message for p in report.problems)
    assert report.as_dict()["ok"] is False
    assert _tree(attachments, documents) == files_before  # nothing deleted or changed

    with factory() as s:  # quick mode: presence, sizes and chunks, no hashing
        quick = check_files(s, attachments, documents, verify_hashes=False)
    assert {p.problem for p in quick.damaged} == {"size", "chunks"}


def test_one_folder_for_both_and_missing_folders(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
        case = make_case(s)
        data = b"evidence"
        _store(tmp_path / "files", f"{case.id}/{_sha(data)}", data)  # an opened copy
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
        lacking = check_files(s, tmp_path / "files", tmp_path / "files")
        assert [p.problem for p in lacking.missing] == ["missing"]
    with session_factory.begin() as s:
        blobs.put_bytes(s, data, kind="text", max_bytes=100)
    with session_factory() as s:
        report = check_files(s, tmp_path / "files", tmp_path / "files")
        assert report.ok and report.unreferenced == () and report.files == 2
        gone = check_files(s, tmp_path / "nowhere", tmp_path / "nowhere-either")
    assert gone.ok and gone.files == 1


def test_cases_registered_with_evidence_check_out(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    evidence = tmp_path / "照片.jpg"
    evidence.write_bytes(b"\xff\xd8\xff" + b"0" * 1000)
    with session_factory.begin() as s:
        seed(s)
    with session_factory.begin() as s:
        register_case(s, REGISTRAR, valid_intake_form(), [AttachmentInput(evidence)], store=store)
    with session_factory() as s:
        report = check_files(s, store, tmp_path / "documents")
    assert report.ok and report.problems == () and report.records == 1
