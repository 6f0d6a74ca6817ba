"""Least privilege in PostgreSQL: an owner role and an application role.

``ipdesk-admin db roles --owner OWNER --app APP`` (run as a superuser, or a role with
CREATEROLE that may change the objects' owners) makes, idempotently:

* **OWNER** (LOGIN): owns the schema ``public`` and every table, sequence, view, function
  and type ipdesk made in it; migrations run as OWNER (``ipdesk-admin init``/``migrate``
  with OWNER's URL).
* **APP** (LOGIN, no superuser, CREATEDB, CREATEROLE or BYPASSRLS, not a member of OWNER):
  owns nothing; may SELECT, INSERT, UPDATE and DELETE the data tables and use their
  sequences; may only SELECT and INSERT the audit table (``audit_records``: no UPDATE,
  DELETE or TRUNCATE, so the trail stays append-only even for whoever holds APP's
  password) and only SELECT ``alembic_version``; cannot create anything in the schema.
  ``ipdesk-server`` connects as APP.
* Default privileges: the tables and sequences OWNER creates in later migrations get APP's
  grants by themselves; :func:`seal_audit_table` (``init`` and ``migrate`` call it) then
  takes back what no one but the owner may have on the audit table and
  ``alembic_version``. Run the command again when in doubt: it sets every grant again (as
  the owner too, once the roles exist).
* The extensions the migrations need (:data:`EXTENSIONS`), installed while the command runs
  as a superuser (so that a fresh, empty database can be migrated by OWNER).

SQLite has no roles: :class:`RolesNotApplicable`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, Engine, text

from ipdesk.services.errors import ServiceError, ValidationError

AUDIT_TABLE: Final = "audit_records"
READ_ONLY_TABLES: Final = ("alembic_version",)
_ROLE_NAME: Final = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RolesNotApplicable(ServiceError):
    code = "roles_not_applicable"


class RolesRefused(ServiceError):
    code = "roles_refused"


EXTENSIONS: Final = ("pg_trgm", "btree_gin")
"""The trigram search (migration 0002) and its buckets of case ids (0015)."""


@dataclass(frozen=True)
class RolesReport:
    owner: str
    app: str
    created: tuple[str, ...]  # roles created now
    reassigned: int  # objects whose owner changed to OWNER
    tables: int  # tables APP may use

    def as_dict(self) -> dict[str, object]:
        return {
            "owner": self.owner,
            "app": self.app,
            "created": list(self.created),
            "reassigned": self.reassigned,
            "tables": self.tables,
        }


def _check_name(field: str, name: str) -> str:
    if not _ROLE_NAME.match(name) or name.startswith("pg_"):
        raise ValidationError(
            field,
            f"角色名“{name}”无效（小写字母、数字和下划线，字母开头，不以 pg_ 开头）",
            code="role_name_invalid",
        )
    return name


def apply_roles(
    engine: Engine,
    owner: str,
    app: str,
    *,
    owner_password: str | None = None,
    app_password: str | None = None,
) -> RolesReport:
    """Create or bring up to date the owner and application roles of ``engine``'s database
    (see the module's docstring), in one transaction. Idempotent."""
    if engine.dialect.name != "postgresql":
        raise RolesNotApplicable("数据库角色只适用于 PostgreSQL：SQLite 数据库没有角色，无需设置")
    _check_name("owner", owner)
    _check_name("app", app)
    if owner == app:
        raise RolesRefused("所有者角色与应用角色不能相同")
    with engine.begin() as conn:
        if app == conn.execute(text("SELECT current_user")).scalar_one():
            raise RolesRefused(f"不能把当前连接的角色 {app} 设为应用角色：请以所有者或超级用户连接")
        created = []
        for name, password, app_role in ((owner, owner_password, False), (app, app_password, True)):
            if _ensure_role(conn, name, password, least=app_role):
                created.append(name)
        if conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = :r"), {"r": app}
        ).scalar_one():
            raise RolesRefused(f"应用角色 {app} 是超级用户，无法限制其权限")
        _revoke_membership(conn, app)
        # The migrations' search needs pg_trgm and btree_gin, which only a superuser (or,
        # trusted, a role with CREATE on the database) may install: here, while we may.
        for extension in EXTENSIONS:
            conn.exec_driver_sql(f"CREATE EXTENSION IF NOT EXISTS {extension}")
        reassigned = _give_to_owner(conn, owner, app)
        tables = _grant(conn, owner, app)
        _seal(conn)
    return RolesReport(owner, app, tuple(created), reassigned, tables)


def _run(conn: Connection, template: str, *names: str, password: str | None = None) -> None:
    """Run DDL built by PostgreSQL's own format() (%I identifiers, %L the password)."""
    values = [*names, *(() if password is None else (password,))]
    if not values:
        conn.exec_driver_sql(template)
        return
    params = {f"v{i}": v for i, v in enumerate(values)}
    args = ", ".join(f"CAST(:v{i} AS text)" for i in range(len(values)))
    statement = conn.execute(
        text(f"SELECT format(CAST(:t AS text), {args})"), {"t": template, **params}
    )
    conn.exec_driver_sql(statement.scalar_one().replace("%", "%%"))


_LEAST: Final = (
    ("rolcanlogin", True, "LOGIN"),
    ("rolcreatedb", False, "NOCREATEDB"),
    ("rolcreaterole", False, "NOCREATEROLE"),
    ("rolreplication", False, "NOREPLICATION"),
    ("rolbypassrls", False, "NOBYPASSRLS"),
)


def _ensure_role(conn: Connection, name: str, password: str | None, *, least: bool) -> bool:
    row = conn.execute(
        text(
            "SELECT rolcanlogin, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls "
            "FROM pg_roles WHERE rolname = :r"
        ),
        {"r": name},
    ).first()
    if row is None:
        _run(conn, "CREATE ROLE %I LOGIN", name)
    elif least:  # only what differs: changing some attributes needs a superuser
        current = dict(row._mapping)
        changes = [word for column, wanted, word in _LEAST if current[column] != wanted]
        if changes:
            _run(conn, f"ALTER ROLE %I {' '.join(changes)}", name)
    if password is not None:
        _run(conn, "ALTER ROLE %I PASSWORD %L", name, password=password)
    return row is None


def _revoke_membership(conn: Connection, app: str) -> None:
    """APP is a member of no role: it cannot SET ROLE to OWNER, nor hold a predefined role
    such as pg_write_all_data that would reach around its grants."""
    granted = conn.execute(
        text(
            "SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :app"
        ),
        {"app": app},
    ).scalars()
    for role in list(granted):
        _run(conn, "REVOKE %I FROM %I", role, app)


_OBJECTS: Final = """
SELECT c.relname, c.relkind FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = :owner)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                  AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
ORDER BY c.relkind = 'S', c.relname
"""

_FUNCTIONS: Final = """
SELECT p.oid::regprocedure::text FROM pg_proc p
WHERE p.pronamespace = 'public'::regnamespace
  AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = :owner)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                  AND d.objid = p.oid AND d.deptype = 'e')
"""

_TYPES: Final = """
SELECT t.typname FROM pg_type t
WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd')
  AND t.typowner <> (SELECT oid FROM pg_roles WHERE rolname = :owner)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                  AND d.objid = t.oid AND d.deptype = 'e')
"""

_KIND_WORD: Final = {
    "r": "TABLE",
    "p": "TABLE",
    "f": "FOREIGN TABLE",
    "v": "VIEW",
    "m": "MATERIALIZED VIEW",
    "S": "SEQUENCE",
}


def _give_to_owner(conn: Connection, owner: str, app: str) -> int:
    """OWNER owns the schema and every object of ipdesk in it; APP owns nothing there."""
    _run(conn, "ALTER SCHEMA public OWNER TO %I", owner)
    count = 0
    for name, kind in conn.execute(text(_OBJECTS), {"owner": owner}).all():
        _run(conn, f"ALTER {_KIND_WORD[kind]} public.%I OWNER TO %I", name, owner)
        count += 1
    # Sequences of serial/identity columns moved with their tables above.
    for (signature,) in conn.execute(text(_FUNCTIONS), {"owner": owner}).all():
        conn.exec_driver_sql(
            f"ALTER FUNCTION {signature} OWNER TO {conn.dialect.identifier_preparer.quote(owner)}"
        )
        count += 1
    for (name,) in conn.execute(text(_TYPES), {"owner": owner}).all():
        _run(conn, "ALTER TYPE public.%I OWNER TO %I", name, owner)
        count += 1
    # Anything APP still owns in this database (outside public too) goes to OWNER.
    if conn.execute(
        text(
            "SELECT count(*) FROM pg_class "
            "WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = :a)"
        ),
        {"a": app},
    ).scalar_one():
        _run(conn, "REASSIGN OWNED BY %I TO %I", app, owner)
    return count


def _grant(conn: Connection, owner: str, app: str) -> int:
    _run(conn, "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    _run(conn, "REVOKE ALL ON SCHEMA public FROM %I", app)
    _run(conn, "GRANT USAGE ON SCHEMA public TO %I", app)
    _run(conn, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I", app)
    _run(conn, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I", app)
    _run(conn, "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I", app)
    _run(conn, "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I", app)
    tables = set(
        conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
    )
    _run(
        conn,
        "ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public "
        "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I",
        owner,
        app,
    )
    _run(
        conn,
        "ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public "
        "GRANT USAGE, SELECT ON SEQUENCES TO %I",
        owner,
        app,
    )
    return len(tables)


def seal_audit_table(engine: Engine) -> int:
    """After migrations (``ipdesk-admin init``/``migrate`` as the owner): nobody but the
    audit table's owner may UPDATE, DELETE or TRUNCATE it, nor write ``alembic_version``,
    whatever default privileges granted when a migration created them. Returns the grants
    taken back; nothing happens on SQLite or before the tables exist."""
    if engine.dialect.name != "postgresql":
        return 0
    with engine.begin() as conn:
        return _seal(conn)


_WRITES: Final = """
SELECT g.grantee, g.table_name, g.privilege_type
FROM information_schema.role_table_grants g JOIN pg_tables t
  ON t.schemaname = g.table_schema AND t.tablename = g.table_name
WHERE g.table_schema = 'public' AND g.table_name = ANY(:tables)
  AND g.privilege_type = ANY(:privileges) AND g.grantee <> t.tableowner
"""


def _seal(conn: Connection) -> int:
    sealed = 0
    for tables, privileges in (
        ([AUDIT_TABLE], ["UPDATE", "DELETE", "TRUNCATE"]),
        (list(READ_ONLY_TABLES), ["INSERT", "UPDATE", "DELETE", "TRUNCATE"]),
    ):
        rows = conn.execute(text(_WRITES), {"tables": tables, "privileges": privileges}).all()
        for grantee, table, privilege in rows:
            target = (
                "PUBLIC" if grantee == "PUBLIC" else conn.dialect.identifier_preparer.quote(grantee)
            )
            conn.exec_driver_sql(f"REVOKE {privilege} ON public.{table} FROM {target}")
            sealed += 1
    return sealed
