"""The start-up check of the evidence and document files: a banner, a list, nothing deleted."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Attachment
from ipdesk.services.actors import Actor
from ipdesk.services.infra import blobs
from ipdesk.ui.desk import Desk
from ipdesk.ui.maintenance.file_check import FileCheckBanner
from ipdesk.ui.stores import FileStores
from tests.helpers.factories import make_case, seed


def _attach(factory: sessionmaker[Session], store: Path, data: bytes, *, write: bool) -> str:
    """An evidence record; with ``write`` its content in the database and a copy in
    ``store`` (as if opened on this computer)."""
    digest = hashlib.sha256(data).hexdigest()
    with factory.begin() as s:
        case = make_case(s)
        if write:
            blobs.put_bytes(s, data, kind="pdf", max_bytes=1 << 20)
        name = f"{case.id}/{digest}.pdf"
        s.add(
            Attachment(
                case_id=case.id,
                original_name="证据.pdf",
                stored_name=name,
                sha256=digest,
                size=len(data),
            )
        )
    if write:
        (store / name).parent.mkdir(parents=True, exist_ok=True)
        (store / name).write_bytes(data)
    return name


def banner_for(qtbot: QtBot, factory: sessionmaker[Session], root: Path) -> FileCheckBanner:
    desk = Desk(factory, Actor.system(), stores=FileStores.in_folder(root))
    banner = FileCheckBanner(desk)
    qtbot.addWidget(banner)
    with qtbot.waitSignal(banner.checked, timeout=10_000):
        banner.check()
    return banner


def test_stores_that_match_their_records_show_no_banner(
    qtbot: QtBot, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
    _attach(session_factory, tmp_path / "attachments", b"evidence", write=True)
    banner = banner_for(qtbot, session_factory, tmp_path)
    assert banner.report is not None and banner.report.ok and not banner.report.problems
    assert banner.isHidden()


def test_a_missing_file_and_a_stray_one_are_shown_and_kept(
    qtbot: QtBot, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
    store = tmp_path / "attachments"
    missing = _attach(session_factory, store, b"lost evidence", write=False)
    stray = store / "7" / "left-over.pdf"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"no record")

    banner = banner_for(qtbot, session_factory, tmp_path)
    assert not banner.isHidden()
    assert banner.message.text().startswith("1 evidence or document record(s) lack their file")
    dialog = banner.show_details()
    listed = dialog.findChild(QPlainTextEdit, "file_check_list").toPlainText()  # type: ignore[union-attr]
    assert f"证据材料文件缺失（内容不在数据库中）：{missing}" in listed
    assert "没有记录引用的证据材料文件：7/left-over.pdf" in listed
    assert stray.read_bytes() == b"no record"  # reported, never deleted
    dialog.reject()


def test_only_stray_files_get_a_milder_banner(
    qtbot: QtBot, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
    part = tmp_path / "documents" / "TL01-2026-00001" / ".notice.docx.x1.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(b"half")
    banner = banner_for(qtbot, session_factory, tmp_path)
    assert banner.report is not None and banner.report.ok
    assert not banner.isHidden()
    assert "1 file(s) in the evidence and document folders belong to no case" in (
        banner.message.text()
    )
    assert part.exists()


def test_the_file_check_imports_the_files_of_an_earlier_version_first(
    qtbot: QtBot, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    """The check (in the background after the first page) first stores the content of a
    record of an earlier version whose file is in this computer's folder, then checks:
    only the record whose file is elsewhere is reported. A second check of the run does
    not import again, even a file that has come meanwhile."""
    from ipdesk.models import Blob

    with session_factory.begin() as s:
        seed(s)
    elsewhere = _attach(
        session_factory, tmp_path / "attachments", b"%PDF-1.4 evidence", write=False
    )
    here = _attach(session_factory, tmp_path / "attachments", b"%PDF-1.4 old", write=False)
    (tmp_path / "attachments" / here).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "attachments" / here).write_bytes(b"%PDF-1.4 old")
    banner = banner_for(qtbot, session_factory, tmp_path)
    with session_factory() as s:
        assert s.query(Blob.sha256).all() == [(hashlib.sha256(b"%PDF-1.4 old").hexdigest(),)]
    assert banner.report is not None
    assert [m.path for m in banner.report.missing] == [elsewhere]
    assert not banner.isHidden()
    (tmp_path / "attachments" / elsewhere).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "attachments" / elsewhere).write_bytes(b"%PDF-1.4 evidence")  # copied in
    banner_for(qtbot, session_factory, tmp_path)  # the window of the next sign-in
    with session_factory() as s:
        assert s.query(Blob).count() == 1  # once a database a run (files import-local: now)


def test_the_start_does_not_import_the_files_of_earlier_versions(
    session_factory: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sessions the start prepares are ready without the import's look-up (seconds at
    a million records): it waits for the file check."""
    from ipdesk import app
    from ipdesk.services.infra import file_import

    imported: list[object] = []
    monkeypatch.setattr(file_import, "import_local_files", lambda *a: imported.append(a))
    engine = session_factory.kw["bind"]
    app.prepare_sessions(engine)
    assert imported == []
