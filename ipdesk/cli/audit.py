"""audit verify: check the hash chain of the audit trail."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.services.actors import Actor
from ipdesk.services.audit import verify_audit_trail
from ipdesk.services.setup import DatabaseNotReady

EXIT_BROKEN = 1


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="the audit trail")
    group = p.add_subparsers(dest="audit_command", required=True, parser_class=type(p))
    v = group.add_parser(
        "verify",
        help="check the hash chain; name the first broken record",
        description="Walk the audit records in order and check every hash and link. Exits 0 "
        "when the chain is intact, 1 naming the first broken record (edited, deleted, "
        "inserted or reordered) in one line on stderr.",
    )
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=_verify)


def _verify(args: argparse.Namespace, ctx: Context) -> int:
    sessions = ctx.existing_sessions()
    if sessions is None:
        raise DatabaseNotReady(
            "数据库尚未初始化：请先运行 ipdesk-admin init", code="database_uninitialised"
        )
    with sessions() as session:  # read-only sessions: a long read, no write lock
        result = verify_audit_trail(session, Actor.system())
    if args.json:
        print_json(result.as_dict())
    elif result.ok:
        print(result.message)
        if result.last_id is not None:
            print(f"最后一条记录 {result.last_id} 的哈希：{result.last_hash}")
    if not result.ok:
        sys.stderr.write(f"ipdesk-admin: {result.message}\n")
        return EXIT_BROKEN
    return 0
