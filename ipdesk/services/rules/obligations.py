"""An agreed term written as one complete sentence, by its kind.

A court refuses to confirm an agreement whose content is unclear (民诉解释 Art. 358(5)):
every term must read as a sentence with who does what, for whom, how much and by when.
Each kind has its own sentence:

* payment: 被申请人甲于二〇二六年十二月三十一日前向申请人乙支付赔偿金人民币壹万贰仟元整
  （¥12,000.00）。
* delivery: 被申请人甲于…前向申请人乙交付<what>。
* destruction: 被申请人甲于…前销毁<what>。
* removal: 被申请人甲于…前删除（下架）<what>。
* apology: 被申请人甲于…前以<how>方式向申请人乙赔礼道歉。 (without <how>: 向申请人乙赔礼道歉。)
* refraining: 被申请人甲自本协议生效之日起不再<what>。 (with a start date: 自…起不再…)
* other: 被申请人甲[于…前]<what>。

One-off obligations need a date; payment an amount; payment, delivery and apology an
obligee; every kind but payment and apology a description (what is delivered, destroyed,
removed, refrained from or done). :func:`sentence_problems` names what is missing (the
agreement is refused with them), :func:`obligation_sentence` writes the sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from ipdesk.models import ObligationKind
from ipdesk.services.rules.chinese_text import amount_in_capitals, amount_in_figures, chinese_date

__all__ = [
    "KIND_LABELS",
    "ONE_OFF_KINDS",
    "TermParts",
    "obligation_sentence",
    "sentence_problems",
]

K = ObligationKind

KIND_LABELS: dict[ObligationKind, str] = {
    K.PAYMENT: "支付款项",
    K.DELIVERY: "交付",
    K.DESTRUCTION: "销毁库存",
    K.REMOVAL: "下架删除",
    K.APOLOGY: "赔礼道歉",
    K.REFRAINING: "停止并不再实施（不作为）",
    K.OTHER: "其他",
}
#: Kinds performed once, by a date.
ONE_OFF_KINDS = frozenset({K.PAYMENT, K.DELIVERY, K.DESTRUCTION, K.REMOVAL, K.APOLOGY})
_NEEDS_OBLIGEE = frozenset({K.PAYMENT, K.DELIVERY, K.APOLOGY})
_NEEDS_DESCRIPTION = frozenset({K.DELIVERY, K.DESTRUCTION, K.REMOVAL, K.REFRAINING, K.OTHER})

# Words a user types that the sentence writes itself.
_LEADING = {
    K.PAYMENT: ("支付", "向对方支付"),
    K.DELIVERY: ("交付", "向对方交付"),
    K.DESTRUCTION: ("销毁",),
    K.REMOVAL: ("删除", "下架", "下架并删除", "删除并下架"),
    K.APOLOGY: ("以", "通过"),
    K.REFRAINING: ("今后", "自本协议生效之日起", "不再", "不得", "停止"),
}
_TRAILING = {K.APOLOGY: ("方式", "赔礼道歉", "道歉")}


@dataclass(frozen=True)
class TermParts:
    """A term as the sentence needs it: names with their roles (被申请人甲)."""

    kind: ObligationKind
    obligor: str  # "被申请人某某" ('' when unknown)
    obligee: str  # "申请人某某" ('' when none)
    description: str
    amount: Decimal | None
    due_on: dt.date | None


def _core(kind: ObligationKind, description: str) -> str:
    """The description without the words the sentence adds, and without the full stop."""
    text = re.sub(r"[。；;，,.\s]+$", "", (description or "").strip())
    changed = True
    while changed:
        changed = False
        for word in _LEADING.get(kind, ()):
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word) :], True
        for word in _TRAILING.get(kind, ()):
            if text.endswith(word):
                text, changed = text[: -len(word)], True
    return text.strip()


def sentence_problems(
    kind: ObligationKind,
    *,
    has_obligor: bool,
    has_obligee: bool,
    description: str,
    amount: Decimal | None,
    due_on: dt.date | None,
) -> list[str]:
    """What keeps the term from being a complete sentence: codes ``obligation_due_empty``,
    ``obligation_amount_empty``, ``obligation_obligee_empty``,
    ``obligation_description_empty`` (the obligor is checked by the caller)."""
    problems: list[str] = []
    if kind in ONE_OFF_KINDS and due_on is None:
        problems.append("obligation_due_empty")
    if kind == K.PAYMENT and (amount is None or amount <= 0):
        problems.append("obligation_amount_empty")
    if kind in _NEEDS_OBLIGEE and not has_obligee:
        problems.append("obligation_obligee_empty")
    if kind in _NEEDS_DESCRIPTION and not _core(kind, description):
        problems.append("obligation_description_empty")
    del has_obligor
    return problems


def obligation_sentence(term: TermParts) -> str:
    """The term as one sentence ending in 。 (rules in the module docstring). Assumes
    :func:`sentence_problems` found nothing; missing parts are left out, never None."""
    kind = term.kind
    what = _core(kind, term.description)
    by = f"于{chinese_date(term.due_on)}前" if term.due_on else ""
    to = f"向{term.obligee}" if term.obligee else ""
    who = term.obligor
    if kind == K.PAYMENT:
        money = ""
        if term.amount is not None:
            money = f"{amount_in_capitals(term.amount)}（¥{amount_in_figures(term.amount)}）"
        return f"{who}{by}{to}支付{what or '款项'}{money}。"
    if kind == K.DELIVERY:
        return f"{who}{by}{to}交付{what}。"
    if kind == K.DESTRUCTION:
        return f"{who}{by}销毁{what}。"
    if kind == K.REMOVAL:
        return f"{who}{by}删除（下架）{what}。"
    if kind == K.APOLOGY:
        how = f"以{what}方式" if what else ""
        return f"{who}{by}{how}{to}赔礼道歉。"
    if kind == K.REFRAINING:
        since = f"自{chinese_date(term.due_on)}起" if term.due_on else "自本协议生效之日起"
        return f"{who}{since}不再{what}。"
    text = what
    if term.amount is not None and term.amount > 0 and "¥" not in text:
        text += f"（金额：{amount_in_capitals(term.amount)}，¥{amount_in_figures(term.amount)}）"
    return f"{who}{by}{text}。"
