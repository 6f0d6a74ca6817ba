"""The mediation records (调解笔录) of a demo case: what the generator (demo/generator.py)
writes for each case that reached mediation, as plain data.

One to three sessions, dated from the day mediation began to the day it ended (the
agreement, the failure or the withdrawal) or to today while it goes on; on working days
where the dates allow, never while the case's clock is suspended (the service refuses
that too). An agreement is signed and a failure declared at the last session, so that
session is held on that day. Each record names the attendees (the parties, their legal
representatives and agents, the mediator), says what each side said and what the
mediator did, and the next step; the last one says how the mediation ended.

Everything random is drawn from the generator passed in, which demo/generator.py keeps
apart from the one the cases come from: adding the records changed none of the cases.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ipdesk.models import CaseStatus, PartyKind, PartyRole

__all__ = ["DemoSession", "mediation_sessions"]

S = CaseStatus
_DAY = dt.timedelta(days=1)
#: How many sessions a case has (before the dates available cut them down).
_COUNTS = (1, 1, 1, 2, 2, 2, 2, 3, 3, 3)

_ROOMS = ("调解室", "调解室", "调解室", "第二调解室", "会议室")
_RESPONDENT_SAYS = (
    "涉案商品系从批发市场进货，有进货单据，不知道是侵权产品",
    "涉案商品系他人寄售，本人并非生产者，愿意配合查明来源",
    "已于收到通知后下架涉案商品，库存数量不多",
    "对侵权事实无异议，但认为申请人主张的赔偿数额过高",
    "使用的标识与申请人的权利不相同，不构成侵权",
)
_MEDIATOR_DOES = (
    "调解员向双方释明了相关法律规定及类似纠纷的处理情况",
    "调解员分别与双方单独沟通，听取各自的意见和顾虑",
    "调解员组织双方核对了进货单据和销售记录",
    "调解员指出双方诉讼的时间和费用成本，引导双方互谅互让",
)
_EVIDENCE_NEXT = (
    "被申请人于五个工作日内提交进货单据和销售记录",
    "申请人补充提交权利证明和维权费用票据",
    "双方各自核算赔偿数额，提出具体方案",
)


@dataclass(frozen=True)
class DemoSession:
    """One mediation record's fields (models/mediation_records.py)."""

    held_on: dt.date
    place: str
    attendees: str
    summary: str
    next_step: str | None


def mediation_sessions(
    rng: random.Random,
    *,
    start: dt.date,
    end: dt.date,
    ended_in: CaseStatus | None,
    parties: Sequence[Mapping[str, Any]],
    mediator: str,
    area: str,
    right: str,
    claimed: Decimal | None,
    is_rest_day: Callable[[dt.date], bool],
    is_suspended: Callable[[dt.date], bool],
) -> list[DemoSession]:
    """The sessions of a case whose mediation ran from ``start`` to ``end`` and ended in
    ``ended_in`` (AGREEMENT, FAILED or WITHDRAWN; None: it goes on). ``parties``: the
    case's party rows as the generator holds them; ``mediator``: the mediator's name;
    ``area``: the office's area (科尔沁区); ``right``: what the applicant holds (注册商标)."""
    days = _days(rng, start, end, ended_in, is_rest_day, is_suspended)
    if not days:
        return []
    applicant, respondent, attendees = _attendees(parties, mediator)
    base = int(claimed or 10000)
    asked = _hundreds(base * rng.randint(50, 90))
    offered = _hundreds(base * rng.randint(10, 40))
    office = f"{area}知识产权行政裁决所"
    sessions = []
    for number, day in enumerate(days, start=1):
        last = number == len(days)
        place = f"{office}{rng.choice(_ROOMS)}"
        if number == 1:
            summary = (
                "调解员告知双方当事人调解的性质、原则和各自的权利义务，双方均表示自愿接受调解。\n"
                f"申请人{applicant}陈述：被申请人未经许可销售使用其{right}的商品，"
                "请求停止侵权、下架库存商品并赔偿经济损失。\n"
                f"被申请人{respondent}陈述：{rng.choice(_RESPONDENT_SAYS)}。"
            )
        else:
            summary = (
                f"双方就赔偿数额继续协商。申请人同意将赔偿请求降至{asked}元；"
                f"被申请人同意停止销售并下架库存，但只愿赔偿{offered}元。\n"
                f"{rng.choice(_MEDIATOR_DOES)}。"
            )
        if last and ended_in == S.AGREEMENT:
            summary += (
                "\n经调解，双方自愿达成协议：被申请人立即停止销售侵权商品并赔偿申请人经济损失，"
                "具体内容以调解协议书为准。"
            )
            next_step = (
                "制作调解协议书，由双方签字；告知双方可自协议生效之日起三十日内共同申请司法确认。"
            )
        elif last and ended_in == S.FAILED:
            summary += "\n双方对赔偿数额分歧较大，经反复做工作仍未能达成一致，调解不成。"
            next_step = "终止调解，告知申请人可依法向人民法院提起诉讼或请求行政裁决。"
        elif last and ended_in == S.WITHDRAWN:
            summary += "\n会后申请人表示将与被申请人自行协商解决。"
            next_step = "待申请人决定是否撤回调解申请。"
        else:
            # The next session as agreed at this one (while the mediation goes on: planned).
            following = days[number] if not last else day + dt.timedelta(days=rng.randint(5, 12))
            next_step = f"{rng.choice(_EVIDENCE_NEXT)}；{_chinese_date(following)}再次调解。"
        sessions.append(DemoSession(day, place, attendees, summary, next_step))
    return sessions


def _days(
    rng: random.Random,
    start: dt.date,
    end: dt.date,
    ended_in: CaseStatus | None,
    is_rest_day: Callable[[dt.date], bool],
    is_suspended: Callable[[dt.date], bool],
) -> list[dt.date]:
    """Distinct, ascending days in [start, end] on which the case was not suspended."""
    span = (end - start).days
    wanted = min(rng.choice(_COUNTS), span + 1)
    # Offsets drawn alike may leave fewer sessions; rng.sample would cost more than the rest.
    if ended_in in (S.AGREEMENT, S.FAILED):
        # The last session is the day the mediation ended.
        offsets = {rng.randrange(span) for _ in range(wanted - 1)} if span else set()
        offsets.add(span)
    else:
        offsets = {rng.randrange(span + 1) for _ in range(wanted)}
    days: list[dt.date] = []
    for offset in sorted(offsets):
        day = start + dt.timedelta(days=offset)
        if offset != span:
            while is_rest_day(day) and day < end:
                day += _DAY
        if not is_suspended(day) and (not days or day > days[-1]):
            days.append(day)
    return days


def _attendees(parties: Sequence[Mapping[str, Any]], mediator: str) -> tuple[str, str, str]:
    """The applicant's and the respondent's names and who attended, one per ；."""
    by_id = {p["id"]: p for p in parties}
    names = {PartyRole.APPLICANT: "", PartyRole.RESPONDENT: ""}
    people: list[str] = []
    for party in parties:
        role = party["role"]
        if role == PartyRole.AGENT:
            principal = by_id.get(party["represents_id"])
            whose = (
                "被申请人" if principal and principal["role"] == PartyRole.RESPONDENT else "申请人"
            )
            people.append(f"{whose}的委托代理人{party['name']}")
            continue
        label = "申请人" if role == PartyRole.APPLICANT else "被申请人"
        if role in names and not names[role]:
            names[role] = party["name"]
        if party["kind"] == PartyKind.ORGANISATION and party.get("legal_representative"):
            title = party.get("legal_representative_title") or "法定代表人"
            people.append(f"{label}{party['name']}的{title}{party['legal_representative']}")
        else:
            people.append(f"{label}{party['name']}")
    people.append(f"调解员{mediator}")
    return names[PartyRole.APPLICANT], names[PartyRole.RESPONDENT], "；".join(people)


def _chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _hundreds(per_cent: int) -> int:
    """A share (``per_cent`` of an amount, times 100) in whole hundreds of yuan, at least 100."""
    return max(100, per_cent // 10_000 * 100)
