"""scan: create due alerts; holidays: show and import the holiday calendar."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.cli.parsing import iso_datetime
from ipdesk.models.base import utcnow
from ipdesk.services.admin.holidays import (
    FIRST_YEAR,
    LAST_YEAR,
    OVERRIDE,
    STATUTORY,
    import_holidays_csv,
    year_calendar,
)
from ipdesk.services.cases.alerts import scan_alerts

_SOURCE_LABELS = {
    OVERRIDE: "管理员录入",
    "chinesecalendar": "chinesecalendar",
    STATUTORY: "法定节假日规则，暂定",
    "weekend": "周末",
}


def register(sub: Any) -> None:
    p = sub.add_parser("scan", help="create due alerts; report how many were new")
    p.add_argument(
        "--now",
        type=iso_datetime,
        default=None,
        metavar="ISO-DATETIME",
        help="the moment to scan for (default: now; without a zone: local time)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_scan)

    p = sub.add_parser("holidays", help="the holiday calendar (rest days, adjusted working days)")
    group = p.add_subparsers(dest="holidays_command", required=True)
    q = group.add_parser("show", help="a year's calendar and where each answer comes from")
    q.add_argument("year", type=_year, metavar="YEAR")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_holidays_show)
    q = group.add_parser(
        "import",
        help="replace the holidays of the years in FILE.csv (columns date,type[,name]) "
        "and declare those years complete",
    )
    q.add_argument("file", type=Path, metavar="FILE.csv")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_holidays_import)


def _year(text: str) -> int:
    if not (text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR):
        raise argparse.ArgumentTypeError(f"无效的年份“{text}”（应为 {FIRST_YEAR}–{LAST_YEAR}）")
    return int(text)


def _scan(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.sessions.begin() as session:
        result = scan_alerts(session, args.now or utcnow())
    if args.json:
        print_json(result.as_dict())
    else:
        print(f"已检查 {result.examined} 项期限，新建 {result.created} 条提醒")
    return 0


def _holidays_show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.read_sessions() as session:
        year = year_calendar(session, args.year)
    if args.json:
        print_json(year.as_dict())
        return 0
    if year.in_chinesecalendar:
        coverage = "chinesecalendar 已覆盖"
    elif year.declared:
        coverage = "管理员已录入完整安排"
    else:
        coverage = "国务院节假日安排尚未录入，暂按法定节假日规则和周末计算（请录入该年节假日安排）"
    print(f"{year.year}年：{coverage}；休息日 {year.rest_days} 天")
    for day in year.days:
        if day.is_special:
            kind = "休" if day.is_rest else "班"
            print(
                f"{day.day.isoformat()}  {kind}  {day.name or ''}  "
                f"（{_SOURCE_LABELS.get(day.source, day.source)}）"
            )
    return 0


def _holidays_import(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.sessions.begin() as session:
        change = import_holidays_csv(session, ctx.actor, args.file)
    if args.json:
        print_json(
            {
                "years": list(change.years),
                "rest_days": change.rest_days,
                "working_days": change.working_days,
                "limits_examined": change.refresh.examined,
                "limits_changed": change.refresh.changed,
                "alerts_withdrawn": change.refresh.withdrawn,
            }
        )
    else:
        years = "、".join(str(y) for y in change.years)
        print(
            f"已导入 {years} 年节假日：休息日 {change.rest_days} 天，调休上班 "
            f"{change.working_days} 天；重算在办期限 {change.refresh.examined} 项，"
            f"变化 {change.refresh.changed} 项，撤回提醒 {change.refresh.withdrawn} 条"
        )
    return 0
