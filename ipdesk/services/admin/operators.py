"""``ipdesk-admin``'s operators: a named administrator signed in, or the owner role on the
server host.

Everyday administration (users, cases, reports, alerts, audit checks, documents) signs in
as a named administrator, so that what the command changes is recorded under that name;
other roles are refused. Signing in follows :func:`ipdesk.services.admin.auth.sign_in` (lock-out,
disabled accounts), but a correct password of an account with nothing to update (no
failed attempts to reset, no lock, no re-hash) is checked in a read-only transaction: a
command that only reads then never waits for, nor takes, SQLite's write lock.

The commands that bring a database into service (init, migrate, backup, restore, db roles,
demo) run with the database owner's credentials on the server host, without a user:
:func:`record_operator_command` writes one audit record naming the operating-system user
and host.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import AuditRecord, Role, User
from ipdesk.services.actors import Actor
from ipdesk.services.admin import auth
from ipdesk.services.admin.passwords import needs_rehash, verify_password
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.infra import audit
from ipdesk.services.queries.lookups import is_unusable_key


def sign_in_administrator(
    sessions: Callable[[], sessionmaker[Session]],
    readers: sessionmaker[Session],
    username: str,
    password: str,
) -> auth.SignedIn:
    """Sign ``username`` in (``readers``: read-only sessions for the quick check;
    ``sessions()``: sessions that may write the lock-out bookkeeping, made only when
    needed — making them may migrate, which writes) and refuse anyone but an
    administrator."""
    signed = _quick_sign_in(readers, username, password) or auth.sign_in(
        sessions(), username, password
    )
    if signed.role != Role.ADMIN:
        raise PermissionDenied(
            f"ipdesk-admin 只供系统管理员使用：{signed.username} 是{auth.ROLE_LABELS[signed.role]}",
            code="role_not_permitted",
            role=signed.role.value,
        )
    return signed


def is_administrator(session: Session, username: str) -> bool:
    """Whether ``username`` is an enabled administrator (``init --admin`` run again)."""
    if is_unusable_key(auth.normalise_username(username)):
        return False
    found = session.scalar(
        select(User.id).where(
            User.username == auth.normalise_username(username),
            User.role == Role.ADMIN,
            User.active,
        )
    )
    return found is not None


def _quick_sign_in(
    readers: sessionmaker[Session], username: str, password: str
) -> auth.SignedIn | None:
    """The signed-in user when the password is right and nothing needs writing, else None
    (then :func:`auth.sign_in` decides, and records a failure)."""
    name = auth.normalise_username(username)
    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        return None
    with readers() as session:
        user = session.scalars(select(User).where(User.username == name)).one_or_none()
        if (
            user is None
            or not user.active
            or user.failed_logins
            or user.locked_until is not None
            or needs_rehash(user.password_hash)
            or not verify_password(user.password_hash, password)
        ):
            return None
        return auth.SignedIn(
            user_id=user.id,
            username=user.username,
            display_name=user.display_name,
            role=user.role,
            office_id=user.office_id,
            station_id=user.station_id,
            may_view_personal_data=user.may_view_personal_data,
        )


def local_operator() -> Actor:
    """The operator of ``ipdesk-admin`` on an embedded (SQLite) database, which runs
    without a signed-in user: whoever may open the file may already change every byte of
    it, so a password would protect nothing. The audit trail names the operating-system
    user and the host."""
    return Actor(
        user_id=None,
        name=f"ipdesk-admin {_os_user()}@{socket.gethostname()}",
        role=Role.ADMIN,
        may_view_personal_data=True,
    )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (a container's random user)
        return "?"


def record_operator_command(
    engine: Engine, command: str, details: Mapping[str, Any] | None = None
) -> int | None:
    """One audit record for a command run with the owner role (no signed-in user): action
    "operator_command", entity "ipdesk-admin", with the command, the operating-system user
    and the host. Returns the record's id."""
    os_user = _os_user()
    with engine.begin() as connection:
        if not inspect(connection).has_table(AuditRecord.__tablename__):
            return None  # db roles on an empty database: no trail yet
        return audit.record_event(
            connection,
            "operator_command",
            "ipdesk-admin",
            {
                "command": command,
                "os_user": os_user,
                "host": socket.gethostname(),
                **dict(details or {}),
            },
        )


def record_document(
    session: Session, actor: Actor, case_id: int, kind: str, sha256: str, size: int
) -> int:
    """An audit record for a document rendered outside the case's documents (``ipdesk-admin
    render``): action "render", entity "cases", the case's id, the kind, SHA-256 and size.
    Call it last in its transaction, and commit. Returns the record's id."""
    return audit.record_action(
        session,
        actor,
        "render",
        "cases",
        case_id,
        {"kind": kind, "sha256": sha256, "size": size, "actor": actor.name},
    )
