"""What ``ipdesk-server`` keeps besides the records (see ipdesk/server/).

* :class:`ServerToken`: a signed-in desktop's bearer token, stored as its SHA-256 only
  (the token itself is never stored), with its expiry.
* :class:`IdempotencyRecord`: the stored outcome of a write sent with an
  ``Idempotency-Key``, per user: a retry gets it back instead of running again.
* :class:`ChangeRecord`: the change log: each committed write's change kinds and the
  cases it touched with their office and station (who may see it), numbered by ``seq``;
  the server pushes it to the desktops and a reconnecting desktop catches up from it.
* :class:`ServerUpload`: who uploaded which content, so that a call may name an upload of
  its own user only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ipdesk.models.base import Base, UTCDateTime, utcnow


class ServerToken(Base):
    __tablename__ = "server_tokens"
    __table_args__ = (Index("ix_server_tokens_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class IdempotencyRecord(Base):
    __tablename__ = "server_idempotency"
    __table_args__ = (Index("ix_server_idempotency_created_at", "created_at"),)

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    call: Mapped[str] = mapped_column(String(200))
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ChangeRecord(Base):
    __tablename__ = "server_changes"
    __table_args__ = (Index("ix_server_changes_at", "at"),)

    seq: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    kinds: Mapped[list[str]] = mapped_column(JSON)
    # [[case id, office id, station id], ...]; empty: not about particular cases
    scopes: Mapped[list[list[int | None]]] = mapped_column(JSON)


class ServerUpload(Base):
    __tablename__ = "server_uploads"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    sha256: Mapped[str] = mapped_column(
        ForeignKey("blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
