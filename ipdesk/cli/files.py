"""files verify | import-local: the evidence files and documents in the database's content
store (services/infra/blobs.py, services/infra/integrity.py, services/infra/file_import.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.services.cases.intake_attachments import default_attachment_store
from ipdesk.services.documents import default_store
from ipdesk.services.errors import ServiceError
from ipdesk.services.infra import file_import, integrity

EXIT_PROBLEMS = 1


def register(sub: Any) -> None:
    p = sub.add_parser("files", help="evidence files and documents in the database")
    group = p.add_subparsers(dest="files_command", required=True, parser_class=type(p))
    v = group.add_parser(
        "verify",
        help="check every record against its content",
        description="Check every evidence and document record against its content in the "
        "database (present, size, SHA-256 of the chunks). Exits 0 when all match, 1 with one "
        "line per problem on stderr.",
    )
    v.add_argument("--quick", action="store_true", help="sizes only, no hashing")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=_verify)
    i = group.add_parser(
        "import-local",
        help="store the files of earlier versions from local folders",
        description="For every record whose content is not in the database, store the file "
        "of that name from the folders (checked against the record's SHA-256). Idempotent. "
        "Exits 1 listing the records that still lack their content.",
    )
    i.add_argument("--attachments", type=Path, default=None, metavar="DIR")
    i.add_argument("--documents", type=Path, default=None, metavar="DIR")
    i.add_argument("--json", action="store_true")
    i.set_defaults(handler=_import_local)


def _verify(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.read_sessions() as session, session.begin():
        report = integrity.check_files(session, None, None, verify_hashes=not args.quick)
    problems = report.missing + report.damaged
    if args.json:
        print_json(report.as_dict())
    else:
        print(
            f"已检查 {report.records} 条记录、{report.files} 份内容："
            f"{len(problems)} 个问题，{len(report.unreferenced)} 份内容无记录引用"
        )
    for problem in problems:
        sys.stderr.write(f"ipdesk-admin: {problem.message}\n")
    return EXIT_PROBLEMS if problems else 0


def _import_local(args: argparse.Namespace, ctx: Context) -> int:
    attachments = args.attachments or default_attachment_store()
    documents = args.documents or default_store()
    for given in (args.attachments, args.documents):  # a folder named on the command line
        if given is not None and not Path(given).is_dir():
            raise ServiceError(f"文件夹不存在：{given}", code="folder_missing", path=str(given))
    report = file_import.import_local_files(ctx.sessions, attachments, documents)
    if args.json:
        print_json(report.as_dict())
    else:
        print(
            f"已导入 {report.imported} 份，已在数据库中 {report.present} 份，"
            f"仍缺 {len(report.lacking)} 份"
        )
    for lacking in report.lacking:
        sys.stderr.write(f"ipdesk-admin: {lacking.message}\n")
    return EXIT_PROBLEMS if report.lacking else 0
