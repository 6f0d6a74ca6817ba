"""demo: fill the database with realistic synthetic cases."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import print_json
from ipdesk.cli.parsing import iso_date, non_negative_int
from ipdesk.db import make_session_factory
from ipdesk.services.admin import operators
from ipdesk.services.admin.setup import initialise
from ipdesk.services.infra import audit
from ipdesk.services.rules.deadlines import legal_today


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="[operator] add synthetic cases (deterministic per seed)")
    p.add_argument("--cases", type=non_negative_int, required=True, metavar="N")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--today", type=iso_date, default=None, help="reference day (default: today in Beijing)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_demo, operator=True)


class _ProgressBar:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.shown < 0.1:
            return
        self.shown = now
        width = 30
        filled = width * done // max(total, 1)
        rate = done / max(now - self.started, 1e-6)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} 件  {rate:,.0f} 件/秒"
        )
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _demo(args: argparse.Namespace, ctx: Context) -> int:
    from ipdesk.demo import generator  # only this command loads the demo (ipdesk/demo)

    initialise(ctx.engine)  # a demo may start from nothing
    today: dt.date = args.today or legal_today()
    progress = _ProgressBar() if sys.stderr.isatty() else None
    sessions = make_session_factory(ctx.engine)
    audit.install(sessions)
    summary = generator.generate(
        sessions,
        cases=args.cases,
        seed=args.seed,
        today=today,
        progress=progress,
    )
    operators.record_operator_command(ctx.engine, "demo", {"cases": args.cases, "seed": args.seed})
    if args.json:
        print_json(summary.__dict__ | {"demo_password": generator.DEMO_PASSWORD})
    else:
        print(
            f"已生成 {summary.cases} 件演示案件（当事人 {summary.parties}，"
            f"时间线事件 {summary.events}），用时 {summary.seconds:.1f} 秒；"
            f"演示用户密码：{generator.DEMO_PASSWORD}"
        )
    return 0
