"""Alerts for a demo database: one scan, and a few acknowledged by their mediators."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, User
from ipdesk.services.actors import Actor
from ipdesk.services.cases.alerts import ScanResult, acknowledge_alerts, scan_alerts
from ipdesk.services.rules.deadlines import legal_today

#: Share of the new alerts that their mediators acknowledge, and at most how many.
ACKNOWLEDGED_SHARE = 0.2
ACKNOWLEDGED_MAX = 200


def add_demo_alerts(
    session_factory: sessionmaker[Session], now: dt.datetime, *, seed: int = 1
) -> ScanResult:
    """Run the alert scan once at ``now`` and acknowledge some of the new alerts (those of
    cases with a mediator, picked deterministically per seed) in their mediator's name."""
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
    candidates = [a for a in result.alerts if a.case_id in mediators]
    rng = random.Random(seed)
    picked = sorted(
        rng.sample(
            candidates,
            min(
                len(candidates), ACKNOWLEDGED_MAX, max(1, int(len(candidates) * ACKNOWLEDGED_SHARE))
            ),
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
            acknowledge_alerts(
                session, Actor.of(users[mediator]), alert_ids, today=legal_today(now)
            )
    return result
