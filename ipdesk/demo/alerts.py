"""Alerts for a demo database: one scan; its mediators have acknowledged the alerts that
fell due more than a month ago (they saw them then) and a few of the others."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, User
from ipdesk.services.actors import Actor
from ipdesk.services.cases.alerts import ScanResult, acknowledge_alerts, scan_alerts
from ipdesk.services.rules.deadlines import legal_today

#: Share of the recent alerts that their mediators acknowledge, and at most how many.
ACKNOWLEDGED_SHARE = 0.2
ACKNOWLEDGED_MAX = 200
#: An alert that fell due this many days or more before the scan was seen at the time: its
#: mediator has acknowledged it. (The demo's history has overdue follow-up visits up to
#: two years old; unacknowledged, they filled the top of every manager's alerts dock.)
SEEN_AFTER_DAYS = 30


def add_demo_alerts(
    session_factory: sessionmaker[Session], now: dt.datetime, *, seed: int = 1
) -> ScanResult:
    """Run the alert scan once at ``now`` and acknowledge, in their mediator's name, the new
    alerts of cases with a mediator that fell due ``SEEN_AFTER_DAYS`` or more ago, and some
    of the others (picked deterministically per seed)."""
    with session_factory.begin() as session:
        result = scan_alerts(session, now)
    if not result.alerts:
        return result
    with session_factory() as session:
        rows = session.execute(
            select(Case.id, Case.mediator_id).where(
                Case.id.in_({a.case_id for a in result.alerts}), Case.mediator_id.is_not(None)
            )
        )
        mediators = {case_id: mediator_id for case_id, mediator_id in rows}
    # Only alerts that a mediator answers for (not a registered case's decision on
    # acceptance, which waits for the office manager).
    today = legal_today(now)
    seen_by = today - dt.timedelta(days=SEEN_AFTER_DAYS)
    candidates = [a for a in result.alerts if a.case_id in mediators]
    seen = [a for a in candidates if a.due <= seen_by]
    recent = [a for a in candidates if a.due > seen_by]
    rng = random.Random(seed)
    picked = sorted(
        seen
        + rng.sample(
            recent,
            min(len(recent), ACKNOWLEDGED_MAX, max(1, int(len(recent) * ACKNOWLEDGED_SHARE))),
        ),
        key=lambda a: a.alert_id,
    )
    if not picked:
        return result
    with session_factory.begin() as session:
        by_mediator: dict[int, list[int]] = {}
        for alert in picked:
            mediator = mediators.get(alert.case_id)
            if mediator is not None:
                by_mediator.setdefault(mediator, []).append(alert.alert_id)
        users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(by_mediator)))}
        for mediator, alert_ids in sorted(by_mediator.items()):
            acknowledge_alerts(session, Actor.of(users[mediator]), alert_ids, today=today)
    return result
