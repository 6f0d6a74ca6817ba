"""How fast case documents render, against the floor of a plain docxtpl render.

    .venv/bin/python benchmarks/bench_render.py [--count 1000] [--kind KIND] [--database-url URL]

1. ipdesk: ``render_document`` for one case — permission check, loading the case and its
   agreement, the missing-facts check, the (cached) template check, docxtpl, SHA-256, the
   Document row with the next version, the atomic write with fsync — once cold (first
   render of the process: template check and Jinja compile included), once warm, then
   COUNT times, each in its own transaction as the desktop does (one per button press).
2. The floor: ``DocxTemplate(template).render(context)`` and ``save`` to memory with the
   same context — no database, no hashing, no file — COUNT times.
3. For the breakdown: ipdesk's in-memory render alone (``render_bytes``: docxtpl with the
   compiled-once Jinja templates), COUNT times.
Prints the figures, the ratio to the floor, and whether the target (< 100 ms a document)
holds. Default database: a temporary SQLite file; with --database-url an empty PostgreSQL
database (it is initialised and filled with one case).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from docxtpl import DocxTemplate
from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.db import make_engine, make_session_factory
from ipdesk.models import (
    Agency,
    Agreement,
    Case,
    CaseSequence,
    CaseStatus,
    Channel,
    Confirmation,
    DisputeType,
    IpType,
    Obligation,
    Office,
    Party,
    PartyKind,
    PartyRole,
    Role,
    Station,
    User,
)
from ipdesk.paths import FORMS_DIR
from ipdesk.services.actors import Actor
from ipdesk.services.admin.setup import initialise
from ipdesk.services.documents import (
    DocumentKind,
    MissingFacts,
    build_context,
    load_template,
    render_bytes,
    render_document,
)

TARGET_MS = 100.0


def make_case(session: Session) -> tuple[int, Actor]:
    """One case with everything the documents state (as tests/services/test_documents.py)."""
    office = session.scalars(select(Office).where(Office.code == "TL01")).one()
    station = session.scalars(select(Station).where(Station.office_id == office.id)).first()
    court = session.scalars(select(Agency).where(Agency.code == "CT-KEQ")).one()
    mediator = User(
        username="bench-mediator",
        display_name="王晓梅",
        password_hash="-",
        role=Role.MEDIATOR,
        office_id=office.id,
        may_view_personal_data=True,
    )
    session.add(mediator)
    session.add(CaseSequence(office_id=office.id, year=2026, last_value=1))
    case = Case(
        number="TL01-2026-00001",
        office_id=office.id,
        station_id=station.id if station else None,
        status=CaseStatus.AGREEMENT,
        ip_type=IpType.TRADEMARK,
        right_number="12345678",
        dispute_type=DisputeType.INFRINGEMENT,
        facts="被申请人在其门店销售标有申请人注册商标的奶制品。",
        claim="停止销售侵权商品，赔偿经济损失。",
        channel=Channel.WALK_IN,
        received_on=dt.date(2026, 9, 7),
        accepted_on=dt.date(2026, 9, 8),
    )
    session.add(case)
    session.flush()
    case.mediator_id = mediator.id
    applicant = Party(
        case_id=case.id,
        position=0,
        role=PartyRole.APPLICANT,
        kind=PartyKind.PERSON,
        name="张伟",
        sex="male",
        birth_date=dt.date(1980, 5, 1),
        ethnicity="汉族",
        address="内蒙古自治区通辽市科尔沁区建国路12号",
        id_number="150502198005010017",
        phone="13847512345",
    )
    respondent = Party(
        case_id=case.id,
        position=1,
        role=PartyRole.RESPONDENT,
        kind=PartyKind.ORGANISATION,
        name="通辽市草原商贸有限公司",
        address="内蒙古自治区通辽市科尔沁区霍林河大街88号",
        id_number="91150502MA0N12345X",
        legal_representative="李娜",
        legal_representative_title="执行董事",
    )
    session.add_all([applicant, respondent])
    session.flush()
    agreement = Agreement(
        case_id=case.id,
        signed_on=dt.date(2026, 10, 15),
        effective_on=dt.date(2026, 10, 15),
        facts="被申请人于二〇二六年八月至九月销售侵权奶制品120箱。",
        responsibilities="被申请人未尽合理审查义务，应承担赔偿责任。",
    )
    for i, (text, amount) in enumerate(
        [("支付经济损失赔偿款", Decimal("12000.00")), ("支付合理维权费用", Decimal("3500.50"))]
    ):
        agreement.obligations.append(
            Obligation(
                position=i,
                obligor_id=respondent.id,
                obligee_id=applicant.id,
                description=text,
                amount=amount,
                due_on=dt.date(2026, 11, 30),
            )
        )
    session.add(agreement)
    session.add(Confirmation(case_id=case.id, court_id=court.id, applied_on=dt.date(2026, 10, 20)))
    session.flush()
    return case.id, Actor.of(mediator)


def timed(func: Callable[[], object], count: int) -> list[float]:
    times = []
    for _ in range(count):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return times


def describe(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (
        f"{label:<34} {len(times):>5} docs  total {sum(times) / 1000:7.2f} s  "
        f"mean {statistics.fmean(times):6.1f} ms  median {statistics.median(times):6.1f} ms  "
        f"p95 {p95:6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument(
        "--kind",
        default=DocumentKind.CONFIRMATION_APPLICATION.value,
        choices=[k.value for k in DocumentKind],
    )
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    kind = DocumentKind(args.kind)

    with tempfile.TemporaryDirectory(prefix="ipdesk-bench-") as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        engine = make_engine(url)
        initialise(engine)
        sessions = make_session_factory(engine)
        with sessions.begin() as s:
            case_id, actor = make_case(s)
        store = Path(tmp) / "store"

        def one() -> object:
            with sessions.begin() as s:
                return render_document(s, actor, case_id, kind, store)

        try:
            cold = timed(one, 1)[0]
        except MissingFacts as exc:  # the benchmark case has no visit, consultation…
            parser.exit(1, f"{exc}\n")
        warm = timed(one, 1)[0]
        ours = timed(one, args.count)

        with sessions() as s:
            case = s.get(Case, case_id)
            assert case is not None
            context = build_context(s, case, kind)
        template = (FORMS_DIR / f"{kind.value}.docx").read_bytes()

        def plain() -> object:
            tpl = DocxTemplate(io.BytesIO(template))
            tpl.render(context)
            out = io.BytesIO()
            tpl.save(out)
            return out

        floor = timed(plain, args.count)
        checked = load_template(kind)
        in_memory = timed(lambda: render_bytes(checked, context), args.count)
        files = sum(1 for _ in store.rglob("*.docx"))
        engine.dispose()

    print(f"database: {engine.url.get_backend_name()}   kind: {kind.value} ({kind.label})")
    print(f"one document, cold (template check + compile): {cold:6.1f} ms")
    print(f"one document, warm:                            {warm:6.1f} ms")
    print(describe("ipdesk render_document", ours))
    print(describe("floor: plain docxtpl render+save", floor))
    print(describe("ipdesk render_bytes (in memory)", in_memory))
    ratio = statistics.fmean(ours) / statistics.fmean(floor)
    print(f"ratio ipdesk / floor (mean): {ratio:.2f}   files written: {files}")
    verdict = "met" if statistics.fmean(ours) < TARGET_MS else "MISSED"
    print(f"target < {TARGET_MS:.0f} ms a document: {verdict}")


if __name__ == "__main__":
    main()
