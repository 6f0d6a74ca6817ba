"""Booby-trapped backups (issue 21, item 5): a zip bomb is refused with a clear error
and read with bounded memory."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import pytest

from ipdesk.services.infra import backup as bk


def _bomb(path: Path, member: str, size: int) -> None:
    chunk = b" " * (1 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z,
        z.open(member, "w", force_zip64=True) as out,
    ):
        out.write(b'{"program": "ipdesk", "tables": [')
        for _ in range(size >> 20):
            out.write(chunk)
        out.write(b"]}")


@pytest.mark.parametrize("size", [bk.MAX_MANIFEST_BYTES + (1 << 20), 256 << 20])
def test_a_zip_bomb_manifest_is_refused_with_bounded_memory(tmp_path: Path, size: int) -> None:
    path = tmp_path / "bomb.zip"
    _bomb(path, bk.MANIFEST, size)
    assert path.stat().st_size < size // 100  # small on disk, huge when inflated
    tracemalloc.start()
    try:
        with pytest.raises(bk.BackupDamaged) as caught:
            bk.inspect_backup(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.code == "backup_member_too_large"
    assert "MB" in str(caught.value)
    assert peak < bk.MAX_MANIFEST_BYTES * 3  # never the declared size


def test_a_member_that_lies_about_its_size_is_read_no_further(tmp_path: Path) -> None:
    """The declared size is small, the data inflates to more: reading stops at the limit."""
    path = tmp_path / "liar.zip"
    _bomb(path, bk.MANIFEST, bk.MAX_MANIFEST_BYTES + (2 << 20))
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(bk.MANIFEST)
    data = bytearray(path.read_bytes())
    # patch the central directory's uncompressed size (zip64 extra field) to 1 KiB
    declared = info.file_size.to_bytes(8, "little")
    at = data.rfind(declared)
    assert at > 0
    data[at : at + 8] = (1024).to_bytes(8, "little")
    path.write_bytes(bytes(data))
    tracemalloc.start()
    try:
        with pytest.raises(bk.BackupError):
            bk.inspect_backup(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < bk.MAX_MANIFEST_BYTES * 3
