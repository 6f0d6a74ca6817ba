"""What a command works on: the database, opened lazily, and who acts.

Everyday commands on a shared (PostgreSQL) database act as a named administrator:
``--user NAME`` (or ``IPDESK_ADMIN_USER``), the password from ``--password-file FILE``,
``IPDESK_ADMIN_PASSWORD`` or a prompt on the terminal (:attr:`Context.actor`); their sessions
record every change under that user. On an embedded SQLite database, whose file is its own
access control, they act without ``--user`` as the local operator (the operating-system
user and host, in the audit trail), as design.md's command-line contract has them.
Operator commands (init, migrate, backup, restore, db roles, demo) use :attr:`Context.engine`
with the owner's credentials and no user (see :mod:`ipdesk.services.admin.operators`).
"""

from __future__ import annotations

import getpass
import os
import sys
from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db, migrate
from ipdesk.services.actors import Actor
from ipdesk.services.admin import operators
from ipdesk.services.admin.setup import DatabaseNotReady, ensure_ready
from ipdesk.services.errors import ServiceError
from ipdesk.services.infra import audit

ENV_USER = "IPDESK_ADMIN_USER"
ENV_PASSWORD = "IPDESK_ADMIN_PASSWORD"


class SignInRequired(ServiceError):
    code = "sign_in_required"


class Context:
    def __init__(
        self, url: str, *, user: str | None = None, password_file: Path | None = None
    ) -> None:
        self.url = url
        self.user = user if user is not None else os.environ.get(ENV_USER) or None
        self.password_file = password_file
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = db.make_engine(self.url)
        return self._engine

    # -- who acts ------------------------------------------------------------------------

    @cached_property
    def actor(self) -> Actor:
        """The administrator named by ``--user``, signed in (once per command); without
        one, on an embedded database, the local operator."""
        if not self.user:
            if make_url(self.url).get_backend_name() == "sqlite":
                return operators.local_operator()
            raise SignInRequired(
                "共享数据库上此命令需以系统管理员身份登录：请加 --user 用户名（密码从终端提示、"
                f"{ENV_PASSWORD} 或 --password-file 读取）"
            )
        password = self._password(self.user)
        signed = operators.sign_in_administrator(
            lambda: self._sessions, self._read_sessions, self.user, password
        )
        return signed.actor

    def _password(self, user: str) -> str:
        if self.password_file is not None:
            try:
                text = Path(self.password_file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise SignInRequired(
                    f"无法读取密码文件 {self.password_file}：{exc.__class__.__name__}"
                ) from None
            password = text.splitlines()[0] if text.strip() else ""
        elif os.environ.get(ENV_PASSWORD):
            password = os.environ[ENV_PASSWORD]
        elif sys.stdin is not None and sys.stdin.isatty():
            password = getpass.getpass(f"{user} 的密码：")
        else:
            raise SignInRequired(
                f"没有终端可输入 {user} 的密码：请用 {ENV_PASSWORD} 或 --password-file 提供"
            )
        if not password:
            raise SignInRequired(f"没有提供 {user} 的密码")
        return password

    def new_password(self, username: str) -> str:
        """A password for a new account (init --admin): from the same places as the
        signing-in one; typed twice at a prompt."""
        if self.password_file is not None or os.environ.get(ENV_PASSWORD):
            return self._password(username)
        if sys.stdin is None or not sys.stdin.isatty():
            raise SignInRequired(
                f"没有终端可输入 {username} 的密码：请用 {ENV_PASSWORD} 或 --password-file 提供"
            )
        first = getpass.getpass(f"{username} 的新密码：")
        if getpass.getpass("再次输入：") != first:
            raise SignInRequired("两次输入的密码不一致")
        return first

    # -- sessions ------------------------------------------------------------------------

    @cached_property
    def _sessions(self) -> sessionmaker[Session]:
        ensure_ready(self.engine)
        factory = db.make_session_factory(self.engine)
        audit.install(factory)
        return factory

    @cached_property
    def _read_sessions(self) -> sessionmaker[Session]:
        reader = self.engine.execution_options(**db.READ_ONLY)
        if "offices" not in inspect(reader).get_table_names():
            raise DatabaseNotReady(
                "数据库尚未初始化：请先运行 ipdesk-admin init", code="database_uninitialised"
            )
        if migrate.current_revision(reader) != migrate.head_revision():
            ensure_ready(self.engine)
        factory = sessionmaker(reader, expire_on_commit=False)
        audit.install(factory)
        return factory

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        """Sessions on a database that is initialised and at the newest schema, acting for
        the signed-in administrator (:attr:`actor`): every change is recorded under them
        (the local operator's, on an embedded database, after one record naming the
        operating-system user and host)."""
        actor = self.actor
        if actor.user_id is None:
            operators.record_operator_command(self.engine, "ipdesk-admin", {"as": actor.name})
        return audit.audited_sessions(self._sessions, actor)

    @cached_property
    def read_sessions(self) -> sessionmaker[Session]:
        """Sessions for commands that only read (case list/show, org, report, audit verify,
        …), acting for the signed-in administrator: on SQLite their transactions begin with
        a plain BEGIN (:data:`ipdesk.db.READ_ONLY`), so they do not wait for, nor hold, the
        write lock and run while another process writes. A database at the newest schema is
        not touched; an older one is migrated first (that writes)."""
        return audit.audited_sessions(self._read_sessions, self.actor)

    def existing_sessions(self, *, signed_in: bool = True) -> sessionmaker[Session] | None:
        """Read-only sessions (:attr:`read_sessions`; without a user when not
        ``signed_in``) when the database exists and is initialised, else None (nothing
        created)."""
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
            return None
        try:
            return self.read_sessions if signed_in else self._read_sessions
        except DatabaseNotReady:
            return None

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
