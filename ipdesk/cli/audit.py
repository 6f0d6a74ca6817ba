"""audit verify, audit anchor: check the hash chain of the audit trail, against anchors kept
outside the database too."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.services.admin.setup import DatabaseNotReady
from ipdesk.services.errors import ServiceError
from ipdesk.services.infra import backup
from ipdesk.services.infra.audit import (
    Anchor,
    anchor,
    parse_anchors,
    verify_against_anchors,
    verify_audit_trail,
)

EXIT_BROKEN = 1
_BACKUP_MAGIC = (b"SQLite format 3\x00", b"PK\x03\x04")


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="the audit trail")
    group = p.add_subparsers(dest="audit_command", required=True, parser_class=type(p))
    v = group.add_parser(
        "verify",
        help="check the hash chain; name the first broken record",
        description="Walk the audit records in order and check every hash and link. Exits 0 "
        "when the chain is intact, 1 naming the first broken record (edited, deleted, "
        "inserted or reordered) in one line on stderr. With --anchor, the chain must also "
        "hold every anchor found in FILE (a backup, or ipdesk-server's log with its "
        "'ipdesk-audit-anchor id=N hash=H' lines): a chain rewritten with recomputed hashes, "
        "or cut short, fails.",
    )
    v.add_argument(
        "--anchor",
        type=Path,
        action="append",
        default=[],
        metavar="FILE_OR_BACKUP",
        help="a backup file or a log holding anchor lines (may be given more than once)",
    )
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=_verify)
    a = group.add_parser(
        "anchor",
        help="print the chain's head as an anchor line, to keep outside the database",
        description="Print 'ipdesk-audit-anchor id=N hash=H' for the newest record (nothing "
        "when the trail is empty): append it to a log kept elsewhere and check it later "
        "with audit verify --anchor.",
    )
    a.set_defaults(handler=_anchor)


def _read_anchors(path: Path) -> list[Anchor]:
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise ServiceError(f"无法读取锚点文件 {path}：{exc.strerror or exc}") from None
    if header.startswith(_BACKUP_MAGIC):
        found, info, trust = backup.audit_anchor(path)
        if trust != "valid":
            sys.stderr.write(
                f"ipdesk-admin: 警告：备份 {info.path.name} 的签名无法核对（{trust}），"
                "其锚点的可信度取决于文件的来源\n"
            )
        if found is None:
            raise ServiceError(f"备份 {info.path.name} 中的审计记录为空，没有锚点")
        return [found]
    try:  # read as a stream: a server's log may be large
        with path.open(encoding="utf-8", errors="replace") as lines:
            found_lines = parse_anchors(lines, path.name)
    except OSError as exc:
        raise ServiceError(f"无法读取锚点文件 {path}：{exc.strerror or exc}") from None
    if not found_lines:
        raise ServiceError(f"{path} 中没有审计锚点（ipdesk-audit-anchor 行）")
    return found_lines


def _verify(args: argparse.Namespace, ctx: Context) -> int:
    anchors = [a for path in args.anchor for a in _read_anchors(path)]
    sessions = ctx.existing_sessions()
    if sessions is None:
        raise DatabaseNotReady(
            "数据库尚未初始化：请先运行 ipdesk-admin init", code="database_uninitialised"
        )
    with sessions() as session:  # read-only sessions: a long read, no write lock
        if anchors:
            result, held = verify_against_anchors(session, ctx.actor, anchors)
        else:
            result, held = verify_audit_trail(session, ctx.actor), None
    ok = result.ok and (held is None or held.ok)
    if args.json:
        doc = result.as_dict()
        if held is not None:
            doc |= {"ok": ok, "anchors": held.as_dict()}
        print_json(doc)
    elif ok:
        print(result.message)
        if result.last_id is not None:
            print(f"最后一条记录 {result.last_id} 的哈希：{result.last_hash}")
        if held is not None:
            print(held.message)
    if not result.ok:
        sys.stderr.write(f"ipdesk-admin: {result.message}\n")
    elif held is not None and not held.ok:
        sys.stderr.write(f"ipdesk-admin: {held.message}\n")
    return 0 if ok else EXIT_BROKEN


def _anchor(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.read_sessions() as session:
        head = anchor(session)
    if head is not None:
        print(head.line())
    return 0
