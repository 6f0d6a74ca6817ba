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
from ipdesk.services.infra import blobs, integrity
from ipdesk.services.infra.integrity import FileProblem, check_files
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


# --------------------------------------------------------------------------- found by the database


def _flip_first_byte(s: Session, sha256: str) -> None:
    data = bytearray(b"".join(blobs.iter_chunks(s, sha256)))
    data[0] ^= 1
    s.execute(update(BlobChunk).where(BlobChunk.sha256 == sha256).values(data=bytes(data)))


def test_the_databases_findings_are_exactly_the_problems(
    stores: Stores, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each case a set-based look-up could get wrong, and the report in full, in order."""
    factory, _attachments, _documents, ids = stores
    big = bytes(range(256)) * 1200  # two chunks, the second lost
    with factory.begin() as s:
        a0, a1, a2 = (s.get(Attachment, ids[f"a{n}"]) for n in range(3))
        d0, d1 = s.get(Document, ids["d0"]), s.get(Document, ids["d1"])
        assert a0 and a1 and a2 and d0 and d1
        a0.sha256 = a0.sha256.upper()  # the same content, named in capitals: fine
        a1.size += 1  # a size off by one, either way
        d1.size -= 1
        gone = a2.sha256  # its content gone, and named in capitals
        a2.sha256 = gone.upper()
        s.execute(delete(BlobChunk).where(BlobChunk.sha256 == gone))
        s.execute(delete(blobs.BLOBS).where(blobs.BLOBS.c.sha256 == gone))
        long = blobs.put_bytes(s, big, kind="pdf", max_bytes=1 << 20)
        s.execute(delete(BlobChunk).where(BlobChunk.sha256 == long.sha256, BlobChunk.seq == 1))
        a3 = Attachment(
            case_id=a0.case_id,
            original_name="长.pdf",
            stored_name=f"{a0.case_id}/{long.sha256}.pdf",
            sha256=long.sha256,
            size=len(big),
        )
        d2 = Document(  # a document naming the same broken content
            case_id=d0.case_id,
            kind="closing_notice",
            version=1,
            sha256=long.sha256,
            size=len(big),
            stored_name="TL01-2026-00001/closing_notice-v1.docx",
        )
        s.add_all([a3, d2])
        s.flush()
        nobody = blobs.put_bytes(s, b"nobody's", kind="text", max_bytes=100).sha256
        chunks = ("chunks", str(len(big)), str(blobs.CHUNK_BYTES))
        expected_missing = (FileProblem("attachment", "missing", a2.stored_name, a2.id),)
        expected_damaged = (
            FileProblem(
                "attachment", "size", a1.stored_name, a1.id, str(a1.size), str(a1.size - 1)
            ),
            FileProblem("attachment", *chunks[:1], a3.stored_name, a3.id, *chunks[1:]),
            FileProblem("document", "size", d1.stored_name, d1.id, str(d1.size), str(d1.size + 1)),
            FileProblem("document", *chunks[:1], d2.stored_name, d2.id, *chunks[1:]),
        )
        copies = (a0.stored_name, d0.stored_name)
    # d0's content is named by d0 alone: not unreferenced. One folder for both kinds.
    folder = tmp_path / "files"
    for name in (*copies, "999/stray.pdf", ".incoming/0123abcd.part"):
        _store(folder, name, b"copy")
    _store(folder, "TL01-2026-00001/.closing_notice-v1.docx.k2j3.part", b"half")
    _store(folder, "999/partial.part", b"named like a temporary file, but not one")
    expected_unreferenced = (
        FileProblem("attachment", "unreferenced_content", nobody),
        FileProblem("attachment", "incomplete", ".incoming/0123abcd.part"),
        FileProblem("attachment", "unreferenced", "999/partial.part"),
        FileProblem("attachment", "unreferenced", "999/stray.pdf"),
        FileProblem(
            "attachment", "incomplete", "TL01-2026-00001/.closing_notice-v1.docx.k2j3.part"
        ),
    )
    # with the hashes or not; the broken contents named in the statement, or (as when
    # there are too many to name) looked up by the database
    for verify, in_list in ((False, integrity._IN_LIST), (True, integrity._IN_LIST), (False, 0)):
        monkeypatch.setattr(integrity, "_IN_LIST", in_list)
        with factory() as s:
            report = check_files(s, folder, folder, verify_hashes=verify)
        assert report.missing == expected_missing
        assert report.damaged == expected_damaged
        assert report.unreferenced == expected_unreferenced
        assert (report.records, report.files) == (7, 6 + 6)  # 6 contents, 6 files


def test_separate_folders_and_many_names(stores: Stores, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each folder is looked at against its own kind's records (a document's name in the
    evidence folder is a stray there), whatever the number of look-ups."""
    factory, attachments, documents, ids = stores
    monkeypatch.setattr(integrity, "_BATCH", 2)
    with factory() as s:
        a_names = [s.get(Attachment, ids[f"a{n}"]).stored_name for n in range(3)]  # type: ignore[union-attr]
        d_names = [s.get(Document, ids[f"d{n}"]).stored_name for n in range(2)]  # type: ignore[union-attr]
    for name in a_names:
        _store(attachments, name, b"copy")
    for name in d_names:
        _store(documents, name, b"copy")
    _store(attachments, d_names[0], b"a document's name in the evidence folder")
    _store(documents, a_names[0], b"and the other way round")
    with factory() as s:
        report = check_files(s, attachments, documents, verify_hashes=False)
    assert report.ok and (report.records, report.files) == (5, 5 + 7)
    assert report.unreferenced == (
        FileProblem("attachment", "unreferenced", d_names[0]),
        FileProblem("document", "unreferenced", a_names[0]),
    )


def test_contents_whose_hash_differs_name_their_records_in_order(
    stores: Stores, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the hashes verified: every record of a changed content, by kind and id, over
    several look-ups; a record of another size is reported for its size."""
    factory, attachments, documents, ids = stores
    monkeypatch.setattr(integrity, "_IN_LIST", 1)
    with factory.begin() as s:
        a0, a2 = s.get(Attachment, ids["a0"]), s.get(Attachment, ids["a2"])
        d0, d1 = s.get(Document, ids["d0"]), s.get(Document, ids["d1"])
        assert a0 and a2 and d0 and d1
        for record in (a0, a2, d1):
            _flip_first_byte(s, record.sha256)
        d0.sha256 = a2.sha256.upper()  # a document naming a changed content too
        d0.size = a2.size
        a2.size += 1
        expected = (
            FileProblem("attachment", "sha256", a0.stored_name, a0.id, a0.sha256),
            FileProblem("attachment", "size", a2.stored_name, a2.id, str(a2.size), str(d0.size)),
            FileProblem("document", "sha256", d0.stored_name, d0.id, a2.sha256),
            FileProblem("document", "sha256", d1.stored_name, d1.id, d1.sha256),
        )
    with factory() as s:
        report = check_files(s, attachments, documents)
        quick = check_files(s, attachments, documents, verify_hashes=False)
        changed = blobs.check_blobs(s)[1]
    assert report.missing == () and report.damaged == expected
    assert quick.damaged == (expected[1],)
    assert changed == sorted(  # a2's content once, in order
        blobs.BlobProblem(sha, "sha256", sha)
        for sha in {p.expected for p in expected if p.problem == "sha256"}
        if sha is not None
    )
