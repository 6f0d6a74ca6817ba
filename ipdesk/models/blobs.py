"""Evidence files and generated documents, content-addressed in the database.

A :class:`Blob` is one content, keyed by its SHA-256 (lower-case hex): its size, its kind
(an evidence kind of services/rules/evidence_types.py, ``docx`` for a generated document) and
when it was first stored. Its bytes are :class:`BlobChunk` rows of at most
``services.blobs.CHUNK_BYTES`` each, numbered from 0, so that no one — writer, reader,
backup — ever holds a whole file in memory. Attachments and documents name their content by
``sha256``; equal contents are stored once. See services/infra/blobs.py.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ipdesk.models.base import Base, UTCDateTime, utcnow


class Blob(Base):
    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    chunks: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class BlobChunk(Base):
    __tablename__ = "blob_chunks"

    sha256: Mapped[str] = mapped_column(
        ForeignKey("blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
