"""Bearer tokens of signed-in desktops: random, stored as their SHA-256 only, with expiry.

Every request resolves its token to the user *as the database holds them now*: a disabled
user's tokens are refused at the next request, and a changed role or scope takes effect
at once (the actor is built from the user's row each time, never from the sign-in).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ipdesk.models import ServerToken, User
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor

DEFAULT_HOURS = 12
"""A token lasts a working day; the desktop signs in again after it."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def issue(
    session: Session, user_id: int, *, hours: float = DEFAULT_HOURS, now: dt.datetime | None = None
) -> tuple[str, dt.datetime]:
    """A new token for ``user_id`` and when it expires (in the session's transaction)."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    expires = now + dt.timedelta(hours=hours)
    session.add(
        ServerToken(token_hash=digest(token), user_id=user_id, created_at=now, expires_at=expires)
    )
    # expired tokens of anyone go now: the table holds live sessions only
    session.execute(delete(ServerToken).where(ServerToken.expires_at < now))
    return token, expires


def actor_for(session: Session, token: str, now: dt.datetime | None = None) -> Actor | None:
    """The actor of a live token of an enabled user, else None."""
    if not token or len(token) > 200:
        return None
    user = session.scalars(
        select(User)
        .join(ServerToken, ServerToken.user_id == User.id)
        .where(ServerToken.token_hash == digest(token), ServerToken.expires_at > (now or utcnow()))
    ).one_or_none()
    if user is None or not user.active:
        return None
    return Actor.of(user)


def revoke(session: Session, token: str) -> bool:
    result = session.execute(delete(ServerToken).where(ServerToken.token_hash == digest(token)))
    return bool(getattr(result, "rowcount", 0))
