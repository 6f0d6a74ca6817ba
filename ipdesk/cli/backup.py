"""backup FILE, restore FILE: the whole database into one file and back.

``backup`` writes a SQLite backup of the embedded database (a zip of JSON lines with
``--portable``, and always for PostgreSQL); it refuses to overwrite an existing FILE unless
``--force``. ``restore`` replaces the database named by ``--database-url`` with FILE, all or
nothing; it refuses a file that is not an ipdesk backup or is of a newer schema, a backup
whose keyed signature is missing or wrong (``--trust-unsigned`` accepts a genuine backup of
an older version, recorded in the audit trail), and a database that already holds data
unless ``--force`` (which replaces everything in it).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.engine import make_url

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.services.admin import operators
from ipdesk.services.admin.setup import DatabaseNotReady
from ipdesk.services.infra.backup import BackupInfo, backup, restore


def register(sub: Any) -> None:
    p = sub.add_parser(
        "backup",
        help="[operator] back up the database into FILE",
        description="Back up the whole database into FILE, consistently, while others keep "
        "working. SQLite: a SQLite backup file; --portable (and PostgreSQL): a zip of JSON "
        "lines with a manifest, restorable into SQLite or PostgreSQL.",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--portable", action="store_true", help="write the zip format")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_backup, operator=True)

    p = sub.add_parser(
        "restore",
        help="[operator] replace the database with the backup FILE (all or nothing)",
        description="Replace the database with the backup FILE, all or nothing. Refused: a "
        "file that is not an ipdesk backup, a backup of a newer schema, and a database that "
        "already holds data unless --force.",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace a database that already holds data (everything in it is lost)",
    )
    p.add_argument(
        "--trust-unsigned",
        action="store_true",
        help="restore a backup without a valid signature (made by an older ipdesk, or signed "
        "with a key this machine lacks) that you know to be genuine; recorded in the audit "
        "trail. A backup whose signature is wrong is refused always",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_restore, operator=True)


def _backup(args: argparse.Namespace, ctx: Context) -> int:
    url = make_url(ctx.url)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        raise DatabaseNotReady(f"数据库不存在：{url.database}", code="database_uninitialised")
    if not inspect(ctx.engine).has_table("alembic_version"):
        raise DatabaseNotReady(
            "数据库尚未初始化：请先运行 ipdesk-admin init", code="database_uninitialised"
        )
    info = backup(ctx.engine, args.file, portable=args.portable, overwrite=args.force)
    operators.record_operator_command(
        ctx.engine,
        "backup",
        {"file": info.path.name, "audit_last_id": info.audit_last_id},
    )
    if args.json:
        print_json(info.as_dict())
    else:
        print(f"已备份到 {info.path}：{_describe(info)}")
    return 0


def _restore(args: argparse.Namespace, ctx: Context) -> int:
    result = restore(ctx.url, args.file, force=args.force, trust_unsigned=args.trust_unsigned)
    operators.record_operator_command(
        ctx.engine, "restore", {"file": result.backup.path.name, "signature": result.signature}
    )
    if args.json:
        print_json(result.as_dict())
    else:
        print(f"已从 {result.backup.path} 恢复到 {result.target}：{_describe(result.backup)}")
        if result.backup.revision != result.revision:
            print(f"数据库已从版本 {result.backup.revision} 升级到 {result.revision}")
        if result.signature != "valid":
            print("备份的签名未经验证（--trust-unsigned），已记入审计日志")
        if result.skipped:
            print(f"备份中不属于 ipdesk 的表未恢复：{'、'.join(result.skipped)}")
    return 0


def _describe(info: BackupInfo) -> str:
    kind = "SQLite 备份" if info.kind == "sqlite" else "可移植备份（zip）"
    return (
        f"{kind}，数据库版本 {info.revision}，{len(info.tables)} 个表共 {info.rows} 行，"
        f"创建于 {info.created_at}"
    )
