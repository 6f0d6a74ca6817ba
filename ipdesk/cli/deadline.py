"""deadline: compute a time limit by the rules of the deadline engine."""

from __future__ import annotations

import argparse
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.cli.parsing import date_span, iso_date, non_negative_int, positive_int
from ipdesk.services.admin.calendar_data import load_calendar
from ipdesk.services.rules.deadlines import Suspension, WorkCalendar, compute_due


def register(sub: Any) -> None:
    p = sub.add_parser("deadline", help="compute a due date (start day not counted)")
    p.add_argument("--start", type=iso_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--days", type=positive_int, default=60)
    p.add_argument("--working-days", action="store_true")
    p.add_argument(
        "--suspend",
        type=date_span,
        action="append",
        default=[],
        metavar="FROM:TO",
        help="the clock stops on FROM and runs again on TO",
    )
    p.add_argument("--extend", type=non_negative_int, default=0, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_deadline)


def _deadline(args: argparse.Namespace, ctx: Context) -> int:
    # The administrator's holiday table counts when there is a database to read it from;
    # without one, chinesecalendar alone decides.
    sessions = ctx.existing_sessions(signed_in=False)
    calendar = WorkCalendar()
    if sessions is not None:
        with sessions() as session:
            calendar = load_calendar(session)
    result = compute_due(
        args.start,
        args.days,
        working_days=args.working_days,
        suspensions=[Suspension(a, b) for a, b in args.suspend],
        extension_days=args.extend,
        calendar=calendar,
    )
    if args.json:
        print_json(result.as_dict())
        return 0
    print(result.due.isoformat() if result.due else "")
    if result.rolled_over:
        print("期限最后一日为休息日，顺延至其后第一个工作日")
    if result.suspended_days:
        print(f"中止期间 {result.suspended_days} 日不计入")
    if result.extended_days:
        print(f"经批准延长 {result.extended_days} 日")
    if not result.calendar_covered:
        years = "、".join(str(y) for y in result.uncovered_years)
        print(
            f"注意：{years}年的国务院节假日安排尚未录入，按《全国年节及纪念日放假办法》的"
            "法定节假日（含补假）和周末计算，未含调休，结果为暂定；请管理员录入该年节假日安排"
        )
    return 0
