"""user add / list / disable / enable / reset-password: user administration, headless."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.models import Role
from ipdesk.services.admin import auth
from ipdesk.services.errors import ValidationError


def register(sub: Any) -> None:
    p = sub.add_parser("user", help="manage the people who sign in")
    user_sub = p.add_subparsers(dest="user_command", required=True, parser_class=type(p))

    add = user_sub.add_parser("add", help="create a user")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the person's name as shown in the program")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    scope = add.add_mutually_exclusive_group()
    scope.add_argument("--office", metavar="CODE", help="office code (mediators, office managers)")
    scope.add_argument("--station", metavar="CODE", help="station code (station staff)")
    add.add_argument("--phone", default=None)
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    add.set_defaults(handler=_add)

    listing = user_sub.add_parser("list", help="list the users")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    show = user_sub.add_parser("show", help="one user: role, unit, state, lock-out")
    show.add_argument("username")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    for name, active, text in (
        ("disable", False, "disable a user (they can no longer sign in)"),
        ("enable", True, "enable a disabled user again"),
    ):
        q = user_sub.add_parser(name, help=text)
        q.add_argument("username")
        q.set_defaults(handler=_set_active, active=active)

    reset = user_sub.add_parser("reset-password", help="set a new password; lifts a lock-out")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    reset.set_defaults(handler=_reset_password)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise ValidationError("password", "标准输入中没有密码", code="password_missing")
        return password
    if not sys.stdin.isatty():
        raise ValidationError(
            "password",
            "没有终端可输入密码：请使用 --password-stdin 从标准输入提供密码",
            code="password_missing",
        )
    first = getpass.getpass("密码：")
    if getpass.getpass("再次输入密码：") != first:
        raise ValidationError("password", "两次输入的密码不一致", code="password_mismatch")
    return first


def _add(args: argparse.Namespace, ctx: Context) -> int:
    password = _read_password(args.password_stdin)
    with ctx.sessions.begin() as session:
        info = auth.create_user(
            session,
            ctx.actor,
            args.username,
            args.name,
            Role(args.role),
            password,
            office_code=args.office,
            station_code=args.station,
            phone=args.phone,
        )
    print(f"已创建用户 {info.username}（{info.display_name}，{_describe(info)}）")
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.read_sessions() as session:
        users = auth.list_users(session, ctx.actor)
    if args.json:
        print_json({"users": [_as_json(u) for u in users]})
        return 0
    for u in users:
        print(_line(u))
    return 0


def _show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.sessions() as session:
        info = auth.get_user(session, ctx.actor, args.username)
    if args.json:
        print_json(_as_json(info))
    else:
        print(_line(info))
    return 0


def _as_json(u: auth.UserInfo) -> dict[str, Any]:
    return {
        "username": u.username,
        "name": u.display_name,
        "role": u.role.value,
        "office": u.office_code,
        "station": u.station_code,
        "active": u.active,
        "locked_until": (
            u.locked_until.isoformat() if u.locked_until is not None and u.is_locked() else None
        ),
    }


def _line(u: auth.UserInfo) -> str:
    flags = "" if u.active else "  [已停用]"
    if u.is_locked():
        flags += "  [已锁定]"
    return f"{u.username}  {u.display_name}  {_describe(u)}{flags}"


def _set_active(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.sessions.begin() as session:
        actor = ctx.actor
        info = auth.set_active(
            session, actor, auth.user_id_of(session, actor, args.username), args.active
        )
    print(f"用户 {info.username} 已{'启用' if info.active else '停用'}")
    return 0


def _reset_password(args: argparse.Namespace, ctx: Context) -> int:
    password = _read_password(args.password_stdin)
    with ctx.sessions.begin() as session:
        actor = ctx.actor
        info = auth.reset_password(
            session, actor, auth.user_id_of(session, actor, args.username), password
        )
    print(f"已重设用户 {info.username} 的密码")
    return 0


def _describe(info: auth.UserInfo) -> str:
    role = auth.ROLE_LABELS[info.role]
    unit = info.station_code or info.office_code
    return f"{role} {unit}" if unit else role
