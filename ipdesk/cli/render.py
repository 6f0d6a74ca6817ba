"""render, templates check, templates preview: case documents from the Word templates.

``render`` runs as the signed-in administrator (``--user``) and writes only the file
named by ``--out`` (atomically, and only when the document could be rendered); it does not
record a version on the case — the desktop's documents pane does that — but writes an audit
record (action "render": the case, kind, SHA-256 and size, under the administrator's name).
If that record cannot be written, the file is removed and the command fails.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.paths import FORMS_DIR
from ipdesk.services.admin.operators import record_document
from ipdesk.services.documents import (
    DocumentFileError,
    DocumentKind,
    PdfExportUnavailable,
    case_id_for_number,
    check_templates,
    export_pdf,
    preview,
    render_to_file,
    write_atomically,
)
from ipdesk.services.documents.page_check import check_pages
from ipdesk.services.errors import ServiceError

KINDS = [k.value for k in DocumentKind]


def register(sub: Any) -> None:
    p = sub.add_parser(
        "render",
        help="render a case document from its template",
        description="Render KIND for the case NUMBER into FILE (.docx, or .pdf through "
        "LibreOffice). Refused, with nothing written, when the case lacks what the "
        "document needs or the template is broken.",
    )
    p.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    p.add_argument("--case", required=True, metavar="NUMBER", help="case number")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.docx")
    p.add_argument("--forms", type=Path, default=FORMS_DIR, metavar="DIR", help="templates")
    p.set_defaults(handler=_render)

    t = sub.add_parser("templates", help="check or preview the Word templates")
    tsub = t.add_subparsers(dest="templates_command", required=True)
    c = tsub.add_parser(
        "check",
        help="report unknown, split or mangled tags in every template",
        description="Check every template against the data the renderer provides. Exits "
        "non-zero when any problem (error or warning) is found.",
    )
    c.add_argument("--forms", type=Path, default=FORMS_DIR, metavar="DIR", help="templates")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=_check)
    g = tsub.add_parser(
        "pages",
        help="check page breaks: no page with only the signatures (needs LibreOffice)",
        description="Fill every template with the built-in demo case, convert it to PDF with "
        "LibreOffice and report a page that holds only the closing part (signatures, date) "
        "or a closing part Word may move away from the body text. Exits non-zero on a "
        "problem.",
    )
    g.add_argument("--forms", type=Path, default=FORMS_DIR, metavar="DIR", help="templates")
    g.set_defaults(handler=_pages)
    v = tsub.add_parser(
        "preview",
        help="render a template with the built-in demo case (no database)",
    )
    v.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    v.add_argument("--out", required=True, type=Path, metavar="FILE.docx")
    v.add_argument("--forms", type=Path, default=FORMS_DIR, metavar="DIR", help="templates")
    v.set_defaults(handler=_preview)


def _render(args: argparse.Namespace, ctx: Context) -> int:
    actor = ctx.actor
    with ctx.read_sessions() as session:
        case_id = case_id_for_number(session, args.case)
        result = render_to_file(session, actor, case_id, args.kind, args.out, forms_dir=args.forms)
    try:
        with ctx.sessions.begin() as session:
            record_document(session, actor, case_id, result.kind.value, result.sha256, result.size)
    except BaseException:
        Path(result.path).unlink(missing_ok=True)  # a document nobody can account for
        raise
    for warning in result.warnings:
        sys.stderr.write(f"ipdesk-admin: 警告：{warning}\n")
    print(f"{result.path}  {result.kind.label}  sha256 {result.sha256}  {result.size} 字节")
    return 0


def _check(args: argparse.Namespace, ctx: Context) -> int:
    if not Path(args.forms).is_dir():
        raise ServiceError(f"模板目录不存在：{args.forms}")
    problems = check_templates(args.forms)
    if args.json:
        print_json(
            {
                "forms": str(args.forms),
                "templates": len(KINDS),
                "ok": not problems,
                "problems": [
                    {
                        "template": p.template,
                        "tag": p.tag,
                        "severity": p.severity,
                        "code": p.code,
                        "message": p.message,
                    }
                    for p in problems
                ],
            }
        )
    elif problems:
        for p in problems:
            print(p)
    else:
        print(f"{len(KINDS)} 个模板均无问题：{args.forms}")
    if problems:
        sys.stderr.write(f"ipdesk-admin: 模板有 {len(problems)} 处问题：{args.forms}\n")
        return 1
    return 0


def _pages(args: argparse.Namespace, ctx: Context) -> int:
    if not Path(args.forms).is_dir():
        raise ServiceError(f"模板目录不存在：{args.forms}")
    with tempfile.TemporaryDirectory(prefix="ipdesk-pages-") as tmp:
        files = []
        for kind in KINDS:
            path = Path(tmp) / f"{kind}.docx"
            path.write_bytes(preview(kind, forms_dir=args.forms))
            files.append(path)
        try:
            results = check_pages(files, Path(tmp) / "pdf")
        except RuntimeError as exc:  # LibreOffice or pdftotext missing, or a failed run
            raise PdfExportUnavailable(f"无法检查分页：{exc}") from None
    bad = 0
    for result in results:
        kind = DocumentKind(result.docx.stem)
        for problem in result.problems:
            print(f"{kind.label}（{kind.value}）：{problem}")
            bad += 1
    if bad:
        sys.stderr.write(f"ipdesk-admin: {bad} 处分页问题：{args.forms}\n")
        return 1
    print(f"{len(results)} 个模板的分页均无问题：{args.forms}")
    return 0


def _preview(args: argparse.Namespace, ctx: Context) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise DocumentFileError(f"输出文件应为 .docx 或 .pdf：{out}")
    if not Path(args.forms).is_dir():
        raise ServiceError(f"模板目录不存在：{args.forms}")
    data = preview(args.kind, forms_dir=args.forms)
    if suffix == ".pdf":
        with tempfile.TemporaryDirectory(prefix="ipdesk-preview-") as tmp:
            docx = Path(tmp) / f"{args.kind}.docx"
            docx.write_bytes(data)
            export_pdf(docx, out)
    else:
        write_atomically(out, data)
    print(out)
    return 0
