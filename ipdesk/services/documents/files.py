"""Writing a document file: atomically, never half-written."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ipdesk.services.documents.kinds import DocumentFileError


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`write_file_atomically`)."""
    write_file_atomically(path, lambda temp: temp.write_bytes(data))


def write_file_atomically(
    path: Path, write: Callable[[Path], object], *, program: str = "Word"
) -> None:
    """Let ``write`` fill a temporary file beside ``path``, fsync it, then rename it over
    ``path``: readers see the old file or the whole new one, never a part. Any error of
    ``write`` (or a cancellation it raises) removes the temporary file; an OSError becomes
    a DocumentFileError that asks whether ``program`` holds the file open."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise DocumentFileError(f"无法写入 {path}：{exc.strerror}", path=str(path)) from exc
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise DocumentFileError(
                f"无法写入 {path}：{exc.strerror}（文件是否正在 {program} 中打开？）",
                path=str(path),
            ) from exc
        raise
    if sys.platform != "win32":  # make the rename itself durable
        with contextlib.suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text, flags=re.UNICODE).strip("._") or "case"
