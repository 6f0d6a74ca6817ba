"""report: the period's workbook (.xlsx) or the monthly report (.docx).

    ipdesk-admin report --out FILE.xlsx [--from DATE] [--to DATE] [--office CODE] [--json]
    ipdesk-admin report --monthly YYYY-MM --out FILE.docx [--office CODE]

The period defaults to the current year up to today (``--from`` alone runs to today,
``--to`` alone from the first of January of its year). The report runs as the signed-in
administrator (``--user``): the whole network, or one office with ``--office``.
ID and phone numbers in the workbook are masked. The file is written atomically, only
when complete.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.cli.parsing import iso_date
from ipdesk.models import Office
from ipdesk.services.errors import ValidationError
from ipdesk.services.queries.dashboard import Period
from ipdesk.services.queries.reports import write_monthly_docx, write_report
from ipdesk.services.rules.deadlines import legal_today


def year_month(text: str) -> tuple[int, int]:
    try:
        if len(text) != 7 or text[4] != "-":
            raise ValueError
        year, month = int(text[:4]), int(text[5:])
        dt.date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"无效的月份“{text}”（应为 YYYY-MM）") from None
    return year, month


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="write the period's workbook (.xlsx) or the monthly report (.docx)",
        description="Write the statistics workbook of a period (summary per office and "
        "station, the case list with masked ID and phone numbers, overdue cases with "
        "reasons, chart data), or with --monthly the monthly report from "
        "forms/monthly_report.docx.",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.add_argument(
        "--from", dest="date_from", type=iso_date, metavar="DATE", help="first day (YYYY-MM-DD)"
    )
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="last day")
    p.add_argument("--monthly", type=year_month, metavar="YYYY-MM", help="the monthly report")
    p.add_argument("--office", metavar="CODE", help="one office only")
    p.add_argument("--today", type=iso_date, default=None, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_report)


class _Progress:
    """Rows written, on stderr, redrawn at most ten times a second (terminals only)."""

    def __init__(self) -> None:
        self.shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.shown < 0.1:
            return
        self.shown = now
        sys.stderr.write(f"\r{done:,}/{total:,} 行")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _office_id(ctx: Context, code: str | None) -> int | None:
    if code is None:
        return None
    with ctx.read_sessions() as session:
        office_id = session.scalar(select(Office.id).where(Office.code == code))
    if office_id is None:
        raise ValidationError("office", f"裁决所代码“{code}”不存在", code="unknown_office")
    return int(office_id)


def _report(args: argparse.Namespace, ctx: Context) -> int:
    today: dt.date = args.today or legal_today()
    suffix = args.out.suffix.lower()
    if args.monthly is not None:
        if args.date_from or args.date_to:
            raise ValidationError("monthly", "--monthly 不能与 --from/--to 同时使用")
        if suffix != ".docx":
            raise ValidationError("out", f"月报应写入 .docx 文件，而不是“{args.out.name}”")
        return _monthly(args, ctx, today)
    if suffix != ".xlsx":
        raise ValidationError("out", f"统计报表应写入 .xlsx 文件，而不是“{args.out.name}”")
    end = args.date_to or today
    start = args.date_from or dt.date(end.year, 1, 1)
    if start > end:
        raise ValidationError("from", f"开始日期 {start} 晚于结束日期 {end}")
    office_id = _office_id(ctx, args.office)
    progress = _Progress() if sys.stderr.isatty() and not args.json else None
    with ctx.read_sessions() as session:
        summary = write_report(
            session,
            ctx.actor,
            args.out,
            Period(start, end),
            progress,
            office_id=office_id,
            today=today,
        )
    if args.json:
        print_json(
            {
                "out": str(summary.path),
                "from": start.isoformat(),
                "to": end.isoformat(),
                "as_of": summary.as_of.isoformat(),
                "cases": summary.cases,
                "overdue": summary.overdue,
            }
        )
    else:
        print(
            f"已写入 {summary.path}：{start} 至 {end}（数据截至 {summary.as_of}），"
            f"案件 {summary.cases} 件，超期 {summary.overdue} 件，用时 {summary.seconds:.1f} 秒"
        )
    return 0


def _monthly(args: argparse.Namespace, ctx: Context, today: dt.date) -> int:
    year, month = args.monthly
    office_id = _office_id(ctx, args.office)
    with ctx.read_sessions() as session:
        path = write_monthly_docx(
            session, ctx.actor, args.out, year, month, office_id=office_id, today=today
        )
    if args.json:
        print_json({"out": str(path), "month": f"{year:04d}-{month:02d}"})
    else:
        print(f"已写入 {path}：{year}年{month}月工作月报")
    return 0
