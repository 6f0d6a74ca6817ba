"""similar cases: the index the similar-case panel reads; the limit rules name their sources

* ``ix_cases_similar`` (ip_type, status, id): the finished cases of one IP type, newest
  first, read from the index alone (services/queries/similar_cases.py: the facts' window on
  PostgreSQL, the candidates' check on both databases).
* The descriptions of three limit rules name their sources (services/admin/seed.py): a rule
  whose description is still the one seeded before is given the new text; one an
  administrator edited is left as it is. Downgrading gives back the old texts likewise.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# kind -> (description seeded before this revision, description from this revision on)
_DESCRIPTIONS = {
    "acceptance_decision": (
        "是否受理的决定：收到请求之日起5个工作日",
        "是否受理的决定：收到请求之日起5个工作日（专利侵权纠纷：专利行政执法办法）",
    ),
    "defence": (
        "被请求人答辩：收到请求书副本之日起15日",
        "被请求人答辩：收到请求书副本之日起15日（专利行政执法办法；专利纠纷行政裁决和调解办法）",
    ),
    "suit_window": (
        "起诉期限：当事人收到处理决定之日起15日；期满不起诉又不停止侵权的，"
        "可申请人民法院强制执行（专利法第65条）",
        "起诉期限：当事人收到处理决定之日起15日；期满不起诉又不停止侵权的，"
        "可申请人民法院强制执行（专利法第65条；即行政诉讼法第46条所称法律另有规定）",
    ),
}


def _describe(after: bool) -> None:
    bind = op.get_bind()
    statement = sa.text(
        "UPDATE limit_rules SET description = :new WHERE kind = :kind AND description = :old"
    )
    for kind, (before, now) in _DESCRIPTIONS.items():
        old, new = (before, now) if after else (now, before)
        bind.execute(statement, {"kind": kind, "old": old, "new": new})


def upgrade() -> None:
    op.create_index("ix_cases_similar", "cases", ["ip_type", "status", "id"])
    _describe(after=True)


def downgrade() -> None:
    _describe(after=False)
    op.drop_index("ix_cases_similar", table_name="cases")
