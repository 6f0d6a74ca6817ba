"""case list, case show, import-cases (design.md's command-line contract)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ipdesk.cli.context import Context
from ipdesk.cli.output import one_field, print_json
from ipdesk.cli.parsing import positive_int
from ipdesk.models import AdjudicationStep
from ipdesk.services.cases.adjudication import STEP_LABELS, AdjudicationView, get_adjudication
from ipdesk.services.cases.case_import import ImportResult, import_cases
from ipdesk.services.cases.confirmation import case_links
from ipdesk.services.cases.intake import IP_TYPE_LABELS
from ipdesk.services.errors import ImportFailed
from ipdesk.services.queries.cases_query import (
    LIFE_CYCLE,
    CaseDetail,
    CaseFilter,
    CaseSort,
    case_detail,
    case_ids,
    case_rows,
)

EXIT_REFUSED = 1
STATUS_CHOICES = (*(s.value for s in LIFE_CYCLE), "suspended", "open")

_STATUS_TEXT = {
    "registered": "已登记",
    "accepted": "已受理",
    "mediating": "调解中",
    "agreement": "已达成协议",
    "confirmation_requested": "已申请司法确认",
    "confirmed": "已司法确认",
    "confirmation_denied": "司法确认被驳回",
    "failed": "调解不成",
    "withdrawn": "已撤回",
    "rejected": "不予受理",
    "closed": "已结案",
    "adjudicated": "已作出行政裁决",
}
_ROLE_TEXT = {
    "applicant": "申请人",
    "respondent": "被申请人",
    "third_party": "第三人",
    "agent": "代理人",
}


def register(sub: Any) -> None:
    case = sub.add_parser("case", help="list and show cases")
    # The same parser class as the top level: a usage error is one line on stderr.
    case_sub = case.add_subparsers(dest="case_command", required=True, parser_class=type(case))

    p = case_sub.add_parser("list", help="cases, newest first")
    p.add_argument("--status", choices=STATUS_CHOICES, metavar="S")
    p.add_argument("--office", metavar="CODE")
    p.add_argument("--station", metavar="CODE")
    p.add_argument("--limit", type=positive_int, default=100, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)

    p = case_sub.add_parser("show", help="one case: parties, status, limits, timeline, documents")
    p.add_argument("number", metavar="NUMBER")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_show)

    p = sub.add_parser("import-cases", help="import a case ledger (.xlsx or .csv), all or nothing")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="validate only, import nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_import)


def _list(args: argparse.Namespace, ctx: Context) -> int:
    actor = ctx.actor
    flt = CaseFilter(office=args.office, station=args.station, status=args.status)
    with ctx.read_sessions() as session:
        ids = case_ids(session, actor, flt, CaseSort("received", descending=True), 0, args.limit)
        rows = case_rows(session, actor, ids)
    if args.json:
        print_json(
            {
                "cases": [
                    {
                        "number": r.number,
                        "status": r.status,
                        "office": r.office_code,
                        "station": r.station_code,
                        "accepted": r.accepted_on,
                        "due": r.due_on,
                    }
                    for r in rows
                ]
            }
        )
        return 0
    for r in rows:
        status = _STATUS_TEXT.get(r.status, r.status) + ("（中止）" if r.is_suspended else "")
        due = f"期限 {r.due_on}" if r.due_on else ""
        if "overdue" in r.flags:
            due += " 已超期"
        parties = f"{one_field(r.applicant)} 诉 {one_field(r.respondent)}"
        print(f"{r.number}  {status}  {r.station_code or r.office_code}  {parties}  {due}".rstrip())
    if not rows:
        print("没有符合条件的案件")
    return 0


def _detail_json(
    d: CaseDetail, links: dict[str, Any], adjudication: AdjudicationView | None = None
) -> dict[str, Any]:
    """The case's fields, with its consultations (each agency's state), agreement
    (terms, obligations, effective date), latest confirmation, court referral and
    administrative adjudication (README: "case show --json")."""
    return {
        "number": d.number,
        "status": d.status,
        "suspended": d.is_suspended,
        "office": d.office_code,
        "station": d.station_code,
        "accepted": d.accepted_on,
        "due": d.due_on,
        "received": d.received_on,
        "closed": d.closed_on,
        "ip_type": d.ip_type,
        "right_number": d.right_number,
        "dispute_type": d.dispute_type,
        "channel": d.channel,
        "amount_claimed": str(d.amount_claimed) if d.amount_claimed is not None else None,
        "mediator": d.mediator,
        "parties": [
            {"role": p.role, "kind": p.kind, "name": p.name, "id_number": p.id_number}
            for p in d.parties
        ],
        "timeline": [
            {
                "at": e.at.isoformat(),
                "kind": e.kind,
                "from": e.from_status,
                "to": e.to_status,
                "user": e.user,
                "reason": e.reason,
            }
            for e in d.timeline
        ],
        "limits": [
            {"kind": lim.kind, "start": lim.start_on, "due": lim.due_on, "state": lim.state}
            for lim in d.limits
        ],
        "documents": [
            {
                "kind": doc.kind,
                "version": doc.version,
                "created_at": doc.created_at.isoformat(),
                "sha256": doc.sha256,
            }
            for doc in d.documents
        ],
        "attachments": [
            {"name": a.original_name, "size": a.size, "sha256": a.sha256} for a in d.attachments
        ],
        "consultations": links["consultations"],
        "agreement": links["agreement"],
        "confirmation": links["confirmation"],
        "court_referral": links["court_referral"],
        "adjudication": adjudication.as_dict() if adjudication else None,
    }


def _show(args: argparse.Namespace, ctx: Context) -> int:
    actor = ctx.actor
    with ctx.read_sessions() as session:
        detail = case_detail(session, actor, args.number)
        links = case_links(session, actor, detail.id)
        adjudication = get_adjudication(session, actor, detail.id)
    if args.json:
        print_json(_detail_json(detail, links, adjudication))
        return 0
    d = detail
    status = _STATUS_TEXT.get(d.status, d.status) + ("（中止）" if d.is_suspended else "")
    print(f"{d.number}  {status}")
    print(f"裁决所：{d.office_name}（{d.office_code}）")
    if d.station_code:
        print(f"接收站点：{d.station_name}（{d.station_code}）")
    print(f"收到：{d.received_on}  受理：{d.accepted_on or '—'}  期限：{d.due_on or '—'}", end="")
    print(f"（剩余 {d.days_left} 日）" if d.days_left is not None else "")
    ip_type = next((v for k, v in IP_TYPE_LABELS.items() if k.value == d.ip_type), d.ip_type)
    print(f"知识产权：{ip_type}  {d.right_number or ''}".rstrip())
    print("当事人：")
    for p in d.parties:
        number = f"  {p.id_number}" if p.id_number else ""
        print(f"  {_ROLE_TEXT.get(p.role, p.role)}  {one_field(p.name)}{one_field(number)}")
    print("期限：")
    for lim in d.limits:
        print(f"  {lim.kind}  {lim.start_on} → {lim.due_on or '—'}  {lim.state}")
    print("时间线：")
    for e in d.timeline:
        change = f"  {e.from_status or ''}→{e.to_status}" if e.to_status else ""
        at = e.at.astimezone()  # local time
        print(f"  {at:%Y-%m-%d %H:%M}  {e.kind}{change}  {one_field(e.user)}".rstrip())
    if d.documents:
        print("文书：")
        for doc in d.documents:
            print(f"  {doc.kind} 第{doc.version}版  {doc.created_at.astimezone():%Y-%m-%d}")
    if d.attachments:
        print("证据材料：")
        for a in d.attachments:
            print(f"  {one_field(a.original_name)}  {a.size} 字节")
    _print_links(links)
    if adjudication is not None:
        print(f"行政裁决：{STEP_LABELS[AdjudicationStep(adjudication.step)]}")
        for s in adjudication.steps:
            if s.done:
                print(f"  {s.label}  {s.on or ''}".rstrip())
        if adjudication.officers:
            names = "、".join(one_field(o.name) for o in adjudication.officers)
            print(f"  合议组：{names}")
        if adjudication.suit_window_due:
            print(f"  起诉期限届满：{adjudication.suit_window_due}")
    return 0


_CONSULTATION_KIND_TEXT = {"consultation": "联席会商", "crime_referral": "移送涉嫌犯罪线索"}
_CONSULTATION_STATE_TEXT = {"open": "进行中", "concluded": "已结束", "withdrawn": "已撤回"}
_REQUEST_STATE_TEXT = {
    "requested": "待答复",
    "answered": "已答复",
    "late": "逾期",
    "withdrawn": "已撤回",
}
_CONFIRMATION_STATE_TEXT = {
    "applied": "已申请，待法院立案",
    "accepted": "法院已立案，待裁定",
    "valid": "确认有效",
    "dismissed": "驳回申请",
}


def _print_links(links: dict[str, Any]) -> None:
    """The consultations, the agreement and the confirmation, for people."""
    if links["consultations"]:
        print("会商：")
        for c in links["consultations"]:
            kind = _CONSULTATION_KIND_TEXT.get(c["kind"], c["kind"])
            state = _CONSULTATION_STATE_TEXT.get(c["state"], c["state"])
            print(f"  {c['requested_on']}  {kind}  {one_field(c['subject'])}  {state}")
            for a in c["agencies"]:
                answer = f"  答复 {a['answered_on']}" if a["answered_on"] else ""
                due = f"  期限 {a['due_on']}" if a["due_on"] else ""
                request = _REQUEST_STATE_TEXT.get(a["state"], a["state"])
                print(f"    {a['agency_name']}  {request}{due}{answer}")
    agreement = links["agreement"]
    if agreement is not None:
        print("调解协议：")
        signed, effective = agreement["signed_on"] or "—", agreement["effective_on"] or "—"
        print(f"  签订 {signed}  生效 {effective}  金额 {agreement['total_amount']} 元")
        for o in agreement["obligations"]:
            amount = f"  {o['amount']} 元" if o["amount"] else ""
            due = f"  {o['due_on']} 前" if o["due_on"] else ""
            parties = f"{one_field(o['obligor'] or '—')} → {one_field(o['obligee'] or '—')}"
            print(f"  {parties}：{one_field(o['description'])}{amount}{due}")
    confirmation = links["confirmation"]
    if confirmation is not None:
        print("司法确认：")
        state = _CONFIRMATION_STATE_TEXT.get(confirmation["state"], confirmation["state"])
        print(f"  {confirmation['court_name']}  申请 {confirmation['applied_on']}  {state}")
        if confirmation["decided_on"]:
            print(f"  裁定 {confirmation['decided_on']}  {confirmation['ruling_number'] or ''}")


def _import(args: argparse.Namespace, ctx: Context) -> int:
    path: Path = args.file
    if not path.is_file():
        raise ImportFailed(f"找不到文件 {path}")
    with ctx.sessions.begin() as session:
        result = import_cases(session, ctx.actor, path, dry_run=args.dry_run)
    _report(args, path, result)
    return EXIT_REFUSED if result.errors else 0


def _report(args: argparse.Namespace, path: Path, result: ImportResult) -> None:
    if args.json:
        print_json(
            {
                "imported": result.imported,
                "errors": [e.as_dict() for e in result.errors],
                "rows": result.rows,
                "dry_run": result.dry_run,
                "numbers": list(result.numbers),
            }
        )
    else:
        for e in result.errors:
            print(f"第{e.row}行 {e.column}：{e.message}")
        if not result.errors:
            if result.dry_run:
                print(f"{path.name}：{result.rows} 行全部有效（试运行，未导入）")
            else:
                print(f"{path.name}：已导入 {result.imported} 件案件")
                if result.numbers:
                    print(f"案号 {result.numbers[0]} … {result.numbers[-1]}")
    if result.errors:
        rows = len({e.row for e in result.errors})
        sys.stderr.write(
            f"ipdesk-admin: {path.name}：{rows} 行有错误（共 {len(result.errors)} 处），"
            "未导入任何案件\n"
        )
