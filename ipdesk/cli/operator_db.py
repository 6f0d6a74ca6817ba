"""db roles, migrate: operator commands for the database itself (run on the server host with
the owner's or a superuser's credentials, no signed-in user; each is audited under the
operating-system user)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.services.admin import db_roles, operators
from ipdesk.services.admin.setup import ensure_ready
from ipdesk.services.errors import ValidationError

ENV_OWNER_PASSWORD = "IPDESK_OWNER_PASSWORD"
ENV_APP_PASSWORD = "IPDESK_APP_PASSWORD"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "migrate",
        help="[operator] migrate an initialised database to the newest schema",
        description="Run the migrations (as the owner role on PostgreSQL). Refuses a database "
        "that was never initialised (use init).",
    )
    p.set_defaults(handler=_migrate, operator=True)

    d = sub.add_parser("db", help="[operator] the database's roles (PostgreSQL)")
    group = d.add_subparsers(dest="db_command", required=True, parser_class=type(d))
    r = group.add_parser(
        "roles",
        help="create the owner and the application role (least privilege); idempotent",
        description="Connect as a superuser (or a role with CREATEROLE) and create or update "
        "OWNER (owns the schema, runs the migrations) and APP (owns nothing; reads and writes "
        "the data tables; may only SELECT and INSERT the audit table; cannot create tables), "
        "with default privileges for the tables of later migrations. ipdesk-server connects "
        "as APP. Passwords, when given, from files or "
        f"${ENV_OWNER_PASSWORD} / ${ENV_APP_PASSWORD}. SQLite: does not apply.",
    )
    r.add_argument("--owner", required=True, metavar="ROLE")
    r.add_argument("--app", required=True, metavar="ROLE")
    r.add_argument("--owner-password-file", type=Path, default=None, metavar="FILE")
    r.add_argument("--app-password-file", type=Path, default=None, metavar="FILE")
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=_roles, operator=True)


def _migrate(args: argparse.Namespace, ctx: Context) -> int:
    ensure_ready(ctx.engine)
    db_roles.seal_audit_table(ctx.engine)  # whatever the migrations' default grants gave
    operators.record_operator_command(ctx.engine, "migrate")
    print(f"数据库已迁移到最新版本：{ctx.engine.url.render_as_string(hide_password=True)}")
    return 0


def _secret(path: Path | None, env: str, field: str) -> str | None:
    if path is None:
        return os.environ.get(env) or None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(
            field, f"无法读取密码文件 {path}：{exc.__class__.__name__}", code="password_missing"
        ) from None
    password = text.splitlines()[0] if text.strip() else ""
    if not password:
        raise ValidationError(field, f"密码文件 {path} 是空的", code="password_missing")
    return password


def _roles(args: argparse.Namespace, ctx: Context) -> int:
    report = db_roles.apply_roles(
        ctx.engine,
        args.owner,
        args.app,
        owner_password=_secret(args.owner_password_file, ENV_OWNER_PASSWORD, "owner"),
        app_password=_secret(args.app_password_file, ENV_APP_PASSWORD, "app"),
    )
    operators.record_operator_command(
        ctx.engine, "db roles", {"owner": report.owner, "app": report.app}
    )
    if args.json:
        print_json(report.as_dict())
    else:
        created = f"，新建角色 {'、'.join(report.created)}" if report.created else ""
        print(
            f"角色已设置：所有者 {report.owner}，应用 {report.app}（{report.tables} 个表；"
            f"审计表只可查询和追加）{created}；{report.reassigned} 个对象改归所有者"
        )
    return 0
