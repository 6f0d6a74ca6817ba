"""ipdesk-admin db roles: least privilege in PostgreSQL (issue 17, item 5). The application
role owns nothing, reads and writes the data, may only append to the audit trail and cannot
create anything; migrations run as the owner. SQLite: the command does not apply."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from ipdesk import db
from ipdesk.cli import main
from ipdesk.models import AuditRecord, Case
from ipdesk.services.admin.setup import ensure_ready
from ipdesk.services.cases.intake import register_case
from ipdesk.services.infra import audit
from tests.helpers.factories import REGISTRAR, valid_intake_form
from tests.services.test_backup import pg_database


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, *args])


def as_role(url: str, role: str) -> str:
    return make_url(url).set(username=role, password=None).render_as_string(hide_password=False)


@pytest.fixture
def roles(database_url: str, backend: str) -> Iterator[tuple[str, str]]:
    if backend != "postgresql":
        pytest.skip("roles are PostgreSQL's")
    tag = uuid.uuid4().hex[:8]
    yield f"ipdesk_owner_{tag}", f"ipdesk_app_{tag}"


def test_sqlite_says_it_does_not_apply(
    database_url: str, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if backend != "sqlite":
        pytest.skip("the SQLite answer")
    assert run(database_url, "db", "roles", "--owner", "o", "--app", "a") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "只适用于 PostgreSQL" in err


def denied(engine: Engine, statement: str) -> bool:
    try:
        with engine.begin() as conn:
            conn.execute(text(statement))
    except ProgrammingError as exc:
        return "permission denied" in str(exc) or "must be owner" in str(exc)
    return False


def test_app_role_appends_to_the_audit_trail_and_nothing_more(
    database_url: str, roles: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    owner, app = roles
    assert run(database_url, "db", "roles", "--owner", owner, "--app", app, "--json") == 0
    first = json.loads(capsys.readouterr().out)
    assert first["created"] == [owner, app] and first["reassigned"] > 30
    # idempotent: nothing created or moved the second time
    assert run(database_url, "db", "roles", "--owner", owner, "--app", app, "--json") == 0
    again = json.loads(capsys.readouterr().out)
    assert again["created"] == [] and again["reassigned"] == 0

    # migrations and the reference data as the owner; then a table of a "later migration"
    owner_url = as_role(database_url, owner)
    assert run(owner_url, "init") == 0
    assert run(owner_url, "migrate") == 0
    owner_engine = db.make_engine(owner_url)
    with owner_engine.begin() as conn:
        conn.execute(text("CREATE TABLE later_things (id serial PRIMARY KEY, note text)"))
    owner_engine.dispose()

    engine = db.make_engine(as_role(database_url, app))
    try:
        with engine.connect() as conn:
            owned = conn.execute(
                text("SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole")
            ).scalar_one()
        assert owned == 0
        # The trail is append-only for the application role.
        assert denied(engine, "UPDATE audit_records SET entity = 'users' WHERE id = 1")
        assert denied(engine, "DELETE FROM audit_records WHERE id = 1")
        assert denied(engine, "TRUNCATE audit_records")
        # It creates and alters nothing, and cannot become the owner.
        assert denied(engine, "CREATE TABLE evil (id int)")
        assert denied(engine, "ALTER TABLE cases ADD COLUMN evil int")
        assert denied(engine, "DROP TABLE later_things")
        assert denied(engine, f'SET ROLE "{owner}"')
        assert denied(engine, "UPDATE alembic_version SET version_num = 'x'")

        # The normal work: what ipdesk-server does at start, then a case registered
        # through the services (its audit records appended by the application role).
        ensure_ready(engine)
        sessions = audit.audited_sessions(db.make_session_factory(engine), REGISTRAR)
        with sessions() as s:
            before = s.scalar(select(func.max(AuditRecord.id))) or 0
        with sessions.begin() as s:
            done = register_case(s, REGISTRAR, valid_intake_form())
        with sessions() as s:
            assert s.get(Case, done.id) is not None
            assert (s.scalar(select(func.max(AuditRecord.id))) or 0) > before
            assert audit.verify_chain(s).ok
        # The later migration's table got the application role's grants by default.
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO later_things (note) VALUES ('ok')"))
    finally:
        engine.dispose()


def test_refusals(
    database_url: str, roles: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    owner, _app = roles
    current = make_url(database_url).username or ""
    for args in (
        ["--owner", owner, "--app", owner],
        ["--owner", owner, "--app", "Bad-Name"],
        ["--owner", owner, "--app", current],
    ):
        assert run(database_url, "db", "roles", *args) == 1, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("ipdesk-admin: "), err


def test_roles_first_then_the_owner_migrates_a_fresh_database(
    database_url: str,
    roles: tuple[str, str],
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The order of a new deployment (installer/README.md): the roles on an empty database
    (pg_trgm installed there, by the superuser), then init as the owner. The tables the
    owner's migrations create get the application role's grants by default; init takes
    back UPDATE/DELETE/TRUNCATE of the audit table and writes to alembic_version."""
    owner, app = roles
    with pg_database(request.getfixturevalue("pg_admin_url")) as fresh:
        assert run(fresh, "db", "roles", "--owner", owner, "--app", app) == 0
        monkeypatch.setenv("IPDESK_ADMIN_PASSWORD", "first-admin-1")
        assert run(as_role(fresh, owner), "init", "--admin", "boss") == 0
        capsys.readouterr()
        engine = db.make_engine(as_role(fresh, app))
        try:
            assert denied(engine, "UPDATE audit_records SET entity = 'users'")
            assert denied(engine, "DELETE FROM audit_records")
            assert denied(engine, "TRUNCATE audit_records")
            assert denied(engine, "DELETE FROM alembic_version")
            with engine.begin() as conn:  # the data tables are the application's
                conn.execute(text("UPDATE offices SET phone = '0475-1234567'"))
        finally:
            engine.dispose()
        # the owner may run it again after a migration (no CREATEROLE needed)
        assert run(as_role(fresh, owner), "db", "roles", "--owner", owner, "--app", app) == 0
        assert run(as_role(fresh, app), "--user", "boss", "audit", "verify") == 0
