"""Render every document kind for a demo case in each state where it applies, convert the
documents to PDF with LibreOffice and check the page breaks.

    .venv/bin/python scripts/check_documents.py [--cases 400] [--seed 11] [--out DIR] [--png]

A throw-away SQLite database gets the demo data; for every kind the documents tab offers
(documents.document_offers) and every case state, the first case that is ready renders its
document. Each is checked in its XML (the signature block and the date tied to the last
body text by keep-with-next) and on LibreOffice's pages (no empty page; the last page holds
the end of the body text, not only signatures and the date): services/documents/page_check.py.
With ``--png`` every page is also written as PNG (pdftoppm) to look at.

Exit status 1 when a document has a problem, 2 when LibreOffice or pdftotext is missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

from ipdesk import db, migrate
from ipdesk.demo.generator import generate
from ipdesk.models import Case, CaseStatus
from ipdesk.services import documents
from ipdesk.services.actors import Actor
from ipdesk.services.admin.seed import seed_reference_data
from ipdesk.services.documents.context import effective_status
from ipdesk.services.documents.offers import document_offers
from ipdesk.services.documents.page_check import DocumentPages, check_pages
from ipdesk.services.documents.pdf import find_libreoffice

TODAY = dt.date(2026, 12, 1)


def render_samples(
    out: Path, *, cases: int, seed: int, today: dt.date = TODAY
) -> list[tuple[str, CaseStatus, str, Path]]:
    """(kind, state, case number, .docx) for every kind in every state it applies to."""
    database = out / "demo.sqlite3"
    engine = db.make_engine(f"sqlite:///{database}")
    try:
        migrate.upgrade(engine)
        factory = db.make_session_factory(engine)
        with factory.begin() as s:
            seed_reference_data(s)
        generate(factory, cases=cases, seed=seed, today=today)
        system = Actor.system()
        done: set[tuple[str, CaseStatus]] = set()
        rendered = []
        with factory() as s:
            for case in s.scalars(select(Case).order_by(Case.id)):
                state = effective_status(case)
                closed = "closed-" if case.status == CaseStatus.CLOSED else ""
                for offer in document_offers(s, system, case.id, today=today):
                    key = (offer.kind.value, state if not closed else CaseStatus.CLOSED)
                    if not offer.ready or (offer.kind.value, state) in done or key in done:
                        continue
                    path = out / f"{offer.kind.value}-{closed}{state.value}-{case.number}.docx"
                    documents.render_to_file(s, system, case.id, offer.kind, path, today=today)
                    done.add((offer.kind.value, state))
                    rendered.append((offer.kind.value, state, case.number, path))
        return rendered
    finally:
        engine.dispose()


def write_pngs(result: DocumentPages, out: Path) -> None:
    exe = shutil.which("pdftoppm")
    if exe is not None:
        prefix = out / result.pdf.stem
        subprocess.run([exe, "-png", "-r", "60", str(result.pdf), str(prefix)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, help="keep the documents here (default: temporary)")
    parser.add_argument("--png", action="store_true", help="write every page as PNG too")
    args = parser.parse_args()
    if find_libreoffice() is None or shutil.which("pdftotext") is None:
        print("LibreOffice and pdftotext (poppler-utils) are needed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ipdesk-check-") as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        rendered = render_samples(out, cases=args.cases, seed=args.seed)
        results = check_pages([path for *_, path in rendered], out / "pdf")
        failed = 0
        for (kind, state, number, _), result in zip(rendered, results, strict=True):
            verdict = "; ".join(result.problems) or "ok"
            failed += bool(result.problems)
            print(f"{kind:26} {state.value:22} {number:16} {result.pages} p.  {verdict}")
            if args.png:
                write_pngs(result, out / "pdf")
        print(f"{len(results)} documents, {failed} with problems")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
