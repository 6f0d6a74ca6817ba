"""summary rebuild | verify: the dashboard's maintained summary
(services/queries/dashboard_summary.py)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.services.queries import dashboard_summary

EXIT_DIFFERS = 1


def register(sub: Any) -> None:
    p = sub.add_parser("summary", help="the dashboard's maintained summary")
    group = p.add_subparsers(dest="summary_command", required=True, parser_class=type(p))
    r = group.add_parser(
        "rebuild",
        help="compute the summary from scratch",
        description="Delete the dashboard summary and compute it again from every case, in "
        "one transaction.",
    )
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=_rebuild)
    v = group.add_parser(
        "verify",
        help="compare the summary with a computation from scratch",
        description="Exits 0 when the stored summary equals the computation from every case, "
        "1 naming the first difference in one line on stderr.",
    )
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=_verify)


def _rebuild(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.sessions() as session, session.begin():
        rows = dashboard_summary.rebuild(session.connection())
    if args.json:
        print_json({"rows": rows})
    else:
        print(f"统计汇总已重建：{rows} 行")
    return 0


def _verify(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.read_sessions() as session:
        differences = dashboard_summary.verify(session.connection())
    if args.json:
        print_json({"ok": not differences, "differences": [str(d) for d in differences]})
    elif not differences:
        print("统计汇总与案件一致")
    if differences:
        sys.stderr.write(f"ipdesk-admin: {differences[0]}\n")
        return EXIT_DIFFERS
    return 0
