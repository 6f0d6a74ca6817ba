"""blobs.put_stream takes a stream that cannot seek (an upload as it arrives)."""

from __future__ import annotations

import hashlib
import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.services.infra import blobs


class OneWay(io.RawIOBase):
    """Bytes that can be read once, in pieces, and not sought."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        piece = self._data.read(min(len(buffer), 10_000))
        buffer[: len(piece)] = piece
        return len(piece)


def test_a_stream_that_cannot_seek_is_stored_whole(session_factory: sessionmaker[Session]) -> None:
    data = bytes(range(256)) * 3000  # three chunks
    with session_factory.begin() as s:
        stored = blobs.put_stream(s, io.BufferedReader(OneWay(data)), kind="png", max_bytes=1 << 20)
    assert stored.new and stored.size == len(data)
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    with session_factory() as s:
        assert b"".join(blobs.iter_chunks(s, stored.sha256)) == data
    with session_factory.begin() as s:
        again = blobs.put_stream(s, io.BufferedReader(OneWay(data)), kind="png", max_bytes=1 << 20)
    assert not again.new


def test_a_stream_over_the_limit_is_refused_before_anything_is_written(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s, pytest.raises(blobs.BlobTooLarge):
        blobs.put_stream(s, io.BufferedReader(OneWay(b"x" * 5000)), kind="text", max_bytes=4000)
    with session_factory() as s:
        assert s.scalars(select(blobs.CHUNKS.c.sha256)).all() == []
