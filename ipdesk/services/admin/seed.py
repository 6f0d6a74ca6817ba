"""Reference data that every database starts with: the demo organisation, partner
agencies, limit rules and the follow-up policy. Loading is idempotent."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ipdesk.models import (
    Agency,
    AgencyKind,
    CaseCategory,
    FollowUpPolicy,
    LimitKind,
    LimitRule,
    Office,
)
from ipdesk.paths import RESOURCES_DIR
from ipdesk.services.actors import Actor
from ipdesk.services.admin.org import import_org
from ipdesk.services.infra.tabular import read_csv
from ipdesk.services.rules.jurisdiction import clean_ip_types

ORG_DIR = RESOURCES_DIR / "org"

# (days, working days?, warn days before due, description). Local practice: editable data.
DEFAULT_LIMIT_RULES: dict[LimitKind, tuple[int, bool, str, str]] = {
    LimitKind.HANDLING: (60, False, "15,5", "纠纷处理期限：自受理之日起60日（原90日）"),
    LimitKind.ACCEPTANCE_DECISION: (
        5,
        True,
        "2",
        "是否受理的决定：收到请求之日起5个工作日（专利侵权纠纷：专利行政执法办法）",
    ),
    LimitKind.DEFENCE: (
        15,
        False,
        "5",
        "被请求人答辩：收到请求书副本之日起15日（专利行政执法办法；专利纠纷行政裁决和调解办法）",
    ),
    LimitKind.CONFIRMATION_APPLICATION: (
        30,
        False,
        "15,5",
        "申请司法确认：调解协议生效之日起30日（民事诉讼法第205条）",
    ),
    LimitKind.COURT_DECISION: (15, False, "5", "法院作出确认决定：受理之日起15日，可延长10日"),
    LimitKind.CONSULTATION_ANSWER: (10, True, "3", "联席会商单位答复：10个工作日（本地规定）"),
    LimitKind.FOLLOW_UP: (30, False, "7", "回访：计划日期起30日内完成"),
    # Administrative adjudication (services/rules/adjudication_rules.py).
    LimitKind.REQUEST_SERVICE: (
        5,
        True,
        "2",
        "送达请求书副本：立案之日起5个工作日内（专利行政执法办法；专利纠纷行政裁决和调解办法）",
    ),
    LimitKind.HEARING_NOTICE: (
        3,
        True,
        "1",
        "口头审理通知：至少在口头审理3个工作日前让当事人得知时间和地点（专利行政执法办法）",
    ),
    LimitKind.SUIT_WINDOW: (
        15,
        False,
        "5",
        "起诉期限：当事人收到处理决定之日起15日；期满不起诉又不停止侵权的，"
        "可申请人民法院强制执行（专利法第65条；即行政诉讼法第46条所称法律另有规定）",
    ),
    LimitKind.ENFORCEMENT_REMINDER: (
        10,
        False,
        "3",
        "申请强制执行前的催告：催告书送达10日后当事人仍未履行的，方可申请人民法院强制执行"
        "（行政强制法第54条；申请期限：起诉期限届满之日起三个月内，第53条）",
    ),
}

# (visits per year, sampled share, days after closure to the first visit). Source model:
# serious cases twice a year, ordinary at least once a year, minor sampled at 30 %.
DEFAULT_FOLLOW_UP_POLICY: dict[CaseCategory, tuple[int, Decimal, int]] = {
    CaseCategory.SERIOUS: (2, Decimal("1.000"), 30),
    CaseCategory.ORDINARY: (1, Decimal("1.000"), 60),
    CaseCategory.MINOR: (1, Decimal("0.300"), 90),
}

AGENCY_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("代码",),
    "kind": ("类别",),
    "name": ("名称",),
    "court_level": ("法院级别",),
    "region": ("区域",),
    "case_code": ("法院代字", "案号代字"),
    "ip_types": ("管辖知识产权类型",),
    "contact_person": ("联系人",),
    "phone": ("电话",),
    "address": ("地址",),
}


def seed_reference_data(session: Session) -> list[str]:
    """Load whatever reference data is missing; return what was loaded (for the log)."""
    loaded: list[str] = []
    if session.scalar(select(Office.id).limit(1)) is None:
        import_org(session, Actor.system(), ORG_DIR / "offices.csv", ORG_DIR / "stations.csv")
        loaded.append("organisation")
    if session.scalar(select(Agency.id).limit(1)) is None:
        for row in read_csv(ORG_DIR / "agencies.csv", AGENCY_COLUMNS, ("code", "kind", "name")):
            v = row.values
            session.add(
                Agency(
                    code=v["code"],
                    kind=AgencyKind(v["kind"]),
                    name=v["name"],
                    court_level=v.get("court_level") or None,
                    region=v.get("region") or None,
                    case_code=v.get("case_code") or None,
                    ip_types=clean_ip_types(v["ip_types"].split()) if v.get("ip_types") else None,
                    contact_person=v.get("contact_person") or None,
                    phone=v.get("phone") or None,
                    address=v.get("address") or None,
                )
            )
        loaded.append("agencies")
    have_rules = set(session.scalars(select(LimitRule.kind)))
    for kind, (days, working, warn, text) in DEFAULT_LIMIT_RULES.items():
        if kind not in have_rules:
            session.add(
                LimitRule(
                    kind=kind, days=days, working_days=working, warn_days=warn, description=text
                )
            )
            loaded.append(f"limit rule {kind.value}")
    have_policy = set(session.scalars(select(FollowUpPolicy.category)))
    for category, (visits, share, delay) in DEFAULT_FOLLOW_UP_POLICY.items():
        if category not in have_policy:
            session.add(
                FollowUpPolicy(
                    category=category,
                    visits_per_year=visits,
                    sample_share=share,
                    first_delay_days=delay,
                )
            )
            loaded.append(f"follow-up policy {category.value}")
    session.flush()
    return loaded
