"""init, import-org, org."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ipdesk import db
from ipdesk.cli.context import Context
from ipdesk.cli.output import one_field, print_json
from ipdesk.services.admin import auth, db_roles, operators
from ipdesk.services.admin.org import import_org, org_tree
from ipdesk.services.admin.setup import initialise
from ipdesk.services.errors import ServiceError
from ipdesk.services.infra import audit


def register(sub: Any) -> None:
    p = sub.add_parser(
        "init",
        help="[operator] create or migrate the database; load the org seed",
        description="Create or migrate the database and load the reference data. With "
        "--admin, also create the first administrator (password from --password-file, "
        "$IPDESK_ADMIN_PASSWORD or a prompt) unless an administrator exists.",
    )
    p.add_argument("--admin", metavar="NAME", default=None, help="the first administrator")
    p.add_argument(
        "--admin-name", default=None, help="their name as shown (with --admin; default 系统管理员)"
    )
    p.set_defaults(handler=_init, operator=True)

    p = sub.add_parser("import-org", help="replace the organisation from two CSV files")
    p.add_argument("offices", type=Path, metavar="OFFICES.csv")
    p.add_argument("stations", type=Path, metavar="STATIONS.csv")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_import_org)

    p = sub.add_parser("org", help="offices with their stations and open-case counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_org)


def _init(args: argparse.Namespace, ctx: Context) -> int:
    if args.admin_name is not None and args.admin is None:
        raise ServiceError("--admin-name 只能与 --admin 一起使用")
    loaded = initialise(ctx.engine)
    db_roles.seal_audit_table(ctx.engine)  # whatever the migrations' default grants gave
    created = None
    if args.admin is not None:
        sessions = db.make_session_factory(ctx.engine)
        audit.install(sessions)
        with sessions.begin() as session:
            if auth.needs_first_admin(session):
                created = auth.create_first_admin(
                    session,
                    args.admin,
                    args.admin_name or "系统管理员",
                    ctx.new_password(args.admin),
                )
            elif not operators.is_administrator(session, args.admin):
                raise ServiceError(
                    f"已有系统管理员，未新建 {one_field(args.admin)}：请以已有的管理员登录后用 "
                    "ipdesk-admin --user NAME user add 添加"
                )
    operators.record_operator_command(
        ctx.engine, "init", {"admin": created.username if created else None}
    )
    print(f"数据库已就绪：{ctx.engine.url.render_as_string(hide_password=True)}")
    for item in loaded:
        print(f"  已载入 {item}")
    if created is not None:
        print(f"  已创建系统管理员 {created.username}（{created.display_name}）")
    elif args.admin is not None:
        print("  已有系统管理员，未新建")
    return 0


def _import_org(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.sessions.begin() as session:
        summary = import_org(session, ctx.actor, args.offices, args.stations)
    if args.json:
        print_json(summary.__dict__)
    else:
        print(
            f"裁决所：新增 {summary.offices_added}，更新 {summary.offices_updated}，"
            f"停用 {summary.offices_deactivated}；站点：新增 {summary.stations_added}，"
            f"更新 {summary.stations_updated}，停用 {summary.stations_deactivated}"
        )
    return 0


def _org(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.read_sessions() as session:
        tree = org_tree(session, ctx.actor)
    if args.json:
        print_json(
            {
                "offices": [
                    {
                        "code": o.code,
                        "name": o.name,
                        "open_cases": o.open_cases,
                        "stations": [
                            {"code": s.code, "name": s.name, "open_cases": s.open_cases}
                            for s in o.stations
                        ],
                    }
                    for o in tree
                ]
            }
        )
        return 0
    for o in tree:
        print(f"{o.code}  {o.name}  在办 {o.open_cases}")
        for s in o.stations:
            print(f"    {s.code}  {s.name}  在办 {s.open_cases}")
    return 0
