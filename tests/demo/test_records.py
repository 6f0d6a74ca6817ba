"""The demo's mediation records (调解笔录, demo/records.py; demo/adjudication.py for the
adjudicated cases): every case that reached mediation has one to three, none before it,
each dated within the case's mediation and never while its clock was suspended, each on
the timeline; the 调解笔录 renders the latest."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter, defaultdict
from pathlib import Path

import docx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo.generator import generate
from ipdesk.models import (
    Adjudication,
    AdjustmentKind,
    Case,
    CaseEvent,
    CaseStatus,
    ClockAdjustment,
    EntryRoute,
    EventKind,
    MediationRecord,
    User,
)
from ipdesk.services import documents
from ipdesk.services.actors import Actor
from ipdesk.services.admin.seed import seed_reference_data
from ipdesk.services.documents import DocumentKind
from ipdesk.services.rules.deadlines import legal_today

TODAY = dt.date(2026, 11, 27)
S = CaseStatus
MEDIATED = (
    S.MEDIATING,
    S.AGREEMENT,
    S.CONFIRMATION_REQUESTED,
    S.CONFIRMED,
    S.CONFIRMATION_DENIED,
    S.FAILED,
    S.WITHDRAWN,
)
#: The events that end the mediation: no session after them.
ENDS = (EventKind.AGREEMENT_RECORDED, EventKind.FAILED, EventKind.WITHDRAWN)


def _text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    cells = (c.text for t in document.tables for row in t.rows for c in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def test_cases_in_mediation_and_later_have_their_records(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed_reference_data(s)
    generate(session_factory, cases=300, seed=5, today=TODAY)
    with session_factory() as s:
        cases = {c.id: c for c in s.scalars(select(Case))}
        records: dict[int, list[MediationRecord]] = defaultdict(list)
        for r in s.scalars(select(MediationRecord).order_by(MediationRecord.id)):
            records[r.case_id].append(r)
        days: dict[int, dict[str, list[dt.date]]] = defaultdict(lambda: defaultdict(list))
        sessions: dict[int, dict[str, object]] = {}
        for case_id, kind, at, user_id, details in s.execute(
            select(
                CaseEvent.case_id,
                CaseEvent.kind,
                CaseEvent.at,
                CaseEvent.user_id,
                CaseEvent.details,
            )
        ):
            days[case_id][kind].append(legal_today(at))
            if kind == EventKind.MEDIATION_SESSION.value:
                assert details is not None
                sessions[details["record_id"]] = {**details, "user_id": user_id, "case": case_id}
        suspended = defaultdict(list)
        for a in s.scalars(
            select(ClockAdjustment).where(ClockAdjustment.kind == AdjustmentKind.SUSPENSION)
        ):
            suspended[a.case_id].append((a.start_on, a.end_on or TODAY + dt.timedelta(days=1)))
        names = {i: n for i, n in s.execute(select(User.id, User.display_name))}
        # Adjudicated after a failed mediation: mediated before the request, whatever the
        # adjudication's state now.
        after_mediation = set(
            s.scalars(
                select(Adjudication.case_id).where(Adjudication.route == EntryRoute.AFTER_MEDIATION)
            )
        )
        assert after_mediation  # the demo has such cases

        ended: Counter[CaseStatus] = Counter()
        for case in cases.values():
            state = case.outcome if case.status == S.CLOSED else case.status
            own = records.get(case.id, [])
            if state not in MEDIATED and case.id not in after_mediation:
                assert not own, (case.number, state)  # registered, rejected, accepted
                continue
            assert 1 <= len(own) <= 3 or suspended[case.id], (case.number, len(own))
            if state in MEDIATED:
                ended[state] += bool(own)
            started = days[case.id][EventKind.MEDIATION_STARTED.value]
            assert case.accepted_on is not None and case.mediator_id is not None and started
            end = min(
                (d for k in ENDS for d in days[case.id][k.value]), default=case.closed_on or TODAY
            )
            held = [r.held_on for r in own]
            assert held == sorted(set(held)), case.number  # one a day, in order
            for r in own:
                assert case.accepted_on <= started[0] <= r.held_on <= end <= TODAY, case.number
                assert r.held_on <= (case.closed_on or TODAY)
                assert not any(a <= r.held_on < b for a, b in suspended[case.id]), case.number
                assert r.place.endswith(("调解室", "会议室")) and "知识产权行政裁决所" in r.place
                assert case.parties[0].name in r.attendees
                assert f"调解员{names[case.mediator_id]}" in r.attendees
                assert r.summary and r.next_step and r.recorder_id == case.mediator_id
                event = sessions[r.id]
                assert event["case"] == case.id and event["user_id"] == case.mediator_id
                assert (event["held_on"], event["place"]) == (r.held_on.isoformat(), r.place)
        assert set(ended) == set(MEDIATED)  # records in every state from mediation on
        assert len(sessions) == sum(len(v) for v in records.values())

        # The 调解笔录 of a case of each ending prints its latest session.
        system = Actor.system()
        for state in (S.MEDIATING, S.AGREEMENT, S.FAILED, S.WITHDRAWN):
            case = next(
                c
                for c in cases.values()
                if (c.outcome if c.status == S.CLOSED else c.status) == state and records[c.id]
            )
            out = tmp_path / f"{case.id}.docx"
            documents.render_to_file(
                s, system, case.id, DocumentKind.MEDIATION_RECORD, out, today=TODAY
            )
            text = _text(out)
            latest = max(records[case.id], key=lambda r: (r.held_on, r.id))
            for expected in (
                latest.place,
                *latest.attendees.split("；"),
                *latest.summary.splitlines(),
            ):
                assert expected in text, (case.number, expected)
