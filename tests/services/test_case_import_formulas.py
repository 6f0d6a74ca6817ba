"""A ledger cell holding a formula without a computed value (issue 21, item 10) is named as
such, not as an empty cell."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case
from ipdesk.services.cases.case_import import FORMULA_MESSAGE, import_cases
from ipdesk.services.rules import identifiers as ids
from tests.helpers.factories import seed
from tests.services.test_case_import import SYSTEM, TODAY, write_xlsx


def test_a_formula_without_a_value_is_named(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        seed(s)
    header = (
        "收到日期 站点代码 知识产权类型 权利号 申请人 申请人证件号 被申请人 事实与理由 请求事项"
    )
    row: list[object] = [
        "2026-03-04",
        "TL01-S01",
        "商标",
        "12345678",
        '=CONCATENATE("王","伟")',  # openpyxl saves formulas without their values
        ids.make_resident_id(random.Random(5)),
        "科尔沁区某某商行",
        "事实",
        "请求",
    ]
    path = write_xlsx(tmp_path / "ledger.xlsx", header.split(), [row])
    with session_factory.begin() as s:
        result = import_cases(s, SYSTEM, path, today=TODAY)
    assert [(e.row, e.column, e.message) for e in result.errors] == [
        (2, "applicant_name", FORMULA_MESSAGE)
    ]
    assert "Excel" in FORMULA_MESSAGE and "不能为空" not in FORMULA_MESSAGE
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0
