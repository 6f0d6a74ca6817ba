"""The ``--user``'s password check begun before the program's modules load.

Checking a password (argon2id, RFC 9106's parameters) takes some 0.2 s of CPU that lets go
of the GIL; what the start does before it can begin — the models, the services and Qt
imported, the database opened and migrated — takes twice that, and what comes after it
(the window's modules, the window) much less, so the window waited for the check. Here
the check begins before all that: the stored hash of the user named on the command line
read with one plain SELECT (no model, no migration; sqlite3 alone for an embedded
database), then argon2 run on it on a thread of its own.
``ipdesk.app`` starts it from its first lines, and the sign-in of the start
(:func:`ipdesk.services.admin.auth.sign_in`) takes its answer instead of hashing again —
but only for the hash it reads itself, under its own rules (lock-out, disabled account,
failures counted): a check of another hash, or none at all (no such user, a schema the
program has yet to migrate, a database that is not there yet), leaves the sign-in to
check the password itself, as it always did.

Nothing here imports the models, the services or Qt (``tests/test_sign_in_ahead.py``
checks).
"""

from __future__ import annotations

import argparse
import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn

ENV_URL = "IPDESK_DATABASE_URL"  # ipdesk.db.ENV_URL (importing it loads the models)
PASSWORD_ENV = "IPDESK_PASSWORD"  # ipdesk.app.PASSWORD_ENV
STORED_HASH = "SELECT password_hash FROM users WHERE username = :name"
CONNECT_TIMEOUT_S = 10
ANSWER_WAIT_S = 60.0
"""How long the sign-in waits for the answer at most (then it checks the password itself)."""


class CheckAhead:
    """``password`` checked on a thread against ``password_hash``, the hash stored for
    ``username`` at ``url``; :meth:`answer` says the outcome for a given hash."""

    def __init__(self, url: str, username: str, password: str, password_hash: str) -> None:
        self.url, self.username, self.password = url, username, password
        self.password_hash = password_hash
        self._answer: bool | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ipdesk-password", daemon=True)

    def start(self) -> CheckAhead:
        self._thread.start()
        return self

    def is_for(self, url: str, username: str, password: str) -> bool:
        """Whether this is the check of ``password`` for ``username`` at ``url``."""
        return (url, username, password) == (self.url, self.username, self.password)

    def answer(self, password_hash: str) -> bool | None:
        """Whether the password matches ``password_hash``, once the check is over; None
        when the check was not of that hash (or could not be made)."""
        if password_hash != self.password_hash or not self._done.wait(ANSWER_WAIT_S):
            return None
        return self._answer

    def _run(self) -> None:
        try:
            self._answer = _verify(self.password_hash, self.password)
        finally:
            self._done.set()


def _stored_hash(url: str, username: str) -> str | None:
    """The hash stored for ``username`` (as the sign-in spells user names: stripped, in
    lower case), or None. An embedded database is read through sqlite3 alone, read-only
    (one that is not there is not created); PostgreSQL through SQLAlchemy's driver."""
    import argon2  # noqa: F401 - here: the check's thread imports nothing
    from sqlalchemy import make_url

    parsed = make_url(url)
    name = username.strip().lower()
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return None
        import sqlite3

        uri = f"{Path(database).absolute().as_uri()}?mode=ro"
        embedded = sqlite3.connect(uri, uri=True)
        try:
            found = embedded.execute(STORED_HASH, {"name": name}).fetchone()
        finally:
            embedded.close()
        stored = found[0] if found else None
    elif parsed.get_backend_name() == "postgresql":
        from sqlalchemy import create_engine, text
        from sqlalchemy.pool import NullPool

        if parsed.drivername == "postgresql":  # as ipdesk.db.make_engine
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(
            parsed, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
        )
        try:
            with engine.connect() as connection:
                stored = connection.execute(text(STORED_HASH), {"name": name}).scalar()
        finally:
            engine.dispose()
    else:
        return None
    return stored if isinstance(stored, str) else None


def _verify(password_hash: str, password: str) -> bool | None:
    """``ipdesk.services.admin.passwords.verify_password``'s answer; None for a password
    argon2 cannot take (the sign-in refuses it without hashing). argon2 runs a thread a
    lane (RFC 9106's p = 4): on this busy 2-core machine the start came later with the
    lanes hashed one after the other on one thread (measured: 1.86-2.20x the floor
    against 1.67-1.97x for the same rounds' older tree)."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        password.encode("utf-8")
    except UnicodeEncodeError:
        return None
    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # told by ipdesk.app's own parser
        raise ValueError(message)


def _parser() -> argparse.ArgumentParser:
    """The options of ``ipdesk``'s command line that decide whether there is a check to
    make (``ipdesk.app.build_parser`` has the others)."""
    parser = _Parser(add_help=False, allow_abbrev=False)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--user", default=None)
    for flag in ("--demo", "--setup", "--self-test"):
        parser.add_argument(flag, action="store_true")
    parser.add_argument("--server", default=None)
    return parser


def begin(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> CheckAhead | None:
    """The check of the command line's ``--user`` begun, for a database named on it or in
    the environment (as ``ipdesk.app.EarlyStart``: not the demo's, the first-start
    wizard's, the settings' or a server's); None when there is none to make.

    The stored hash is read here, on the calling thread, and only argon2 runs on the
    check's: a thread that imported modules (SQLAlchemy's dialect, the driver, argon2)
    while the program imports its own could deadlock on their import locks."""
    try:
        args, _rest = _parser().parse_known_args(list(argv))
    except (ValueError, SystemExit):  # ipdesk.app's own parser says what is wrong
        return None
    url = args.database_url or environ.get(ENV_URL)
    if not url or args.user is None or args.demo or args.setup or args.self_test or args.server:
        return None
    try:
        password_hash = _stored_hash(url, args.user)
    except Exception:  # the sign-in checks the password itself
        return None
    if password_hash is None:
        return None
    return CheckAhead(url, args.user, environ.get(PASSWORD_ENV, ""), password_hash).start()
