"""Issue 15 item 9: every demo case in or past 调解成功 renders its 调解协议书, and every one
that applied for judicial confirmation renders its 司法确认申请书 — nothing is missing from
the demo's agreements (each term with its performance date), parties (an agent's principal)
or applications (the court)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.demo.generator import generate
from ipdesk.models import Case, CaseStatus, Confirmation, Obligation, ObligationKind
from ipdesk.services import documents
from ipdesk.services.actors import Actor
from ipdesk.services.admin.seed import seed_reference_data
from ipdesk.services.documents import DocumentKind

TODAY = dt.date(2026, 11, 27)
S = CaseStatus
AGREED = (S.AGREEMENT, S.CONFIRMATION_REQUESTED, S.CONFIRMED, S.CONFIRMATION_DENIED)
APPLIED = (S.CONFIRMATION_REQUESTED, S.CONFIRMED, S.CONFIRMATION_DENIED)


def _text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    cells = (c.text for t in document.tables for row in t.rows for c in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


def test_every_agreed_case_renders_its_agreement_and_application(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed_reference_data(s)
    generate(session_factory, cases=400, seed=11, today=TODAY)
    system = Actor.system()
    with session_factory() as s:
        cases = [
            c
            for c in s.scalars(select(Case).order_by(Case.id))
            if (c.outcome if c.status == S.CLOSED else c.status) in AGREED
        ]
        applied = set(s.scalars(select(Confirmation.case_id)))
        # every one-off term has its date; a standing undertaking (不作为) runs from the
        # agreement's effect
        undated = select(Obligation.kind).where(Obligation.due_on.is_(None)).distinct()
        assert set(s.scalars(undated)) <= {ObligationKind.REFRAINING}
        ended = {c.outcome if c.status == S.CLOSED else c.status for c in cases}
        assert ended == set(AGREED)  # the demo shows every state, open or closed in it
        assert any(c.status == S.CLOSED for c in cases)
        rendered = {DocumentKind.MEDIATION_AGREEMENT: 0, DocumentKind.CONFIRMATION_APPLICATION: 0}
        for case in cases:
            state = case.outcome if case.status == S.CLOSED else case.status
            kinds = [DocumentKind.MEDIATION_AGREEMENT]
            if state in APPLIED:
                assert case.id in applied, case.number
                kinds.append(DocumentKind.CONFIRMATION_APPLICATION)
            for kind in kinds:
                out = tmp_path / f"{case.id}-{kind.value}.docx"
                documents.render_to_file(s, system, case.id, kind, out, today=TODAY)
                text = _text(out)
                applicant = next(p for p in case.parties if p.role.value == "applicant")
                assert applicant.name in text, (case.number, kind)
                # each term a sentence: no "于…前向某某今后不再…" (issue 16)
                assert "今后不再" not in text and "前向申请人" not in text.replace(
                    "前向申请人" + applicant.name + "支付", ""
                ), case.number
                rendered[kind] += 1
    assert rendered[DocumentKind.MEDIATION_AGREEMENT] == len(cases) > 20
    assert rendered[DocumentKind.CONFIRMATION_APPLICATION] >= 10
