"""Read models: what one page or dialog of the window loads in one call.

A page that shows several things at once (a list and the choices of its filters, a
case's options) asks for them in one named call, so that a desk on the server makes one
round trip and the permissions are checked here, in the services, as every service
function checks them. Each function takes the acting user and returns frozen values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ipdesk.models import AgencyKind, Case
from ipdesk.services.actors import Actor
from ipdesk.services.admin import auth
from ipdesk.services.admin.agencies import AgencyInfo, list_agencies
from ipdesk.services.admin.auth import UserInfo
from ipdesk.services.admin.org import OfficeInfo, org_tree
from ipdesk.services.cases import routing, workflow
from ipdesk.services.cases.intake import IntakeForm, default_form
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.services.errors import ValidationError
from ipdesk.services.queries import cases_query
from ipdesk.services.queries import similar_cases as sc
from ipdesk.services.queries.cases_query import (
    CaseDetail,
    CaseFilter,
    CaseRow,
    CaseSort,
    case_detail,
    case_ids,
    case_rows,
    due_soon_days,
    first_page,
)
from ipdesk.services.queries.dashboard import (
    DashboardCharts,
    DashboardFigures,
    DashboardFilter,
    chart_data,
    figures,
)

if TYPE_CHECKING:
    from ipdesk.services import documents


def users_and_offices(session: Session, actor: Actor) -> tuple[list[UserInfo], list[OfficeInfo]]:
    """The user administration: every user, and the offices with their stations (the
    choices of a user's scope). Administrators only (:func:`auth.list_users` checks)."""
    return auth.list_users(session, actor), org_tree(session, actor)


@dataclass(frozen=True)
class ConsultationChoices:
    """The filters of the consultation list: the agencies, and the offices (citywide)."""

    agencies: list[AgencyInfo]
    offices: list[OfficeInfo]


def consultation_choices(
    session: Session, actor: Actor, *, with_offices: bool = False
) -> ConsultationChoices:
    """The choices of the consultation list's filters; the offices only for a citywide
    user (``with_offices``: the list of every case, not of one)."""
    offices = org_tree(session, actor) if with_offices and actor.is_citywide else []
    return ConsultationChoices(list_agencies(session, actor), offices)


@dataclass(frozen=True)
class CasePage:
    """The case view: the case in full, what the user may do with it, the documents it
    offers them and those generated."""

    detail: CaseDetail
    actions: list[CaseAction]
    offers: list[documents.DocumentOffer]
    documents: list[documents.DocumentInfo]


def case_page(session: Session, actor: Actor, case_id: int, *, today: dt.date) -> CasePage:
    """The case view of ``case_id`` with its parties' personal data masked."""
    return _case_page(session, actor, case_id, reveal=False, today=today)


def case_page_revealed(session: Session, actor: Actor, case_id: int, *, today: dt.date) -> CasePage:
    """The case view with the parties' personal data shown, for a user who may view it
    (:func:`case_detail` checks, and records the access: a write)."""
    return _case_page(session, actor, case_id, reveal=True, today=today)


def _case_page(
    session: Session, actor: Actor, case_id: int, *, reveal: bool, today: dt.date
) -> CasePage:
    # the documents package brings docxtpl, python-docx and Jinja (about 200 modules): a
    # desk imports it when it first opens a case, not on its way to the first page
    from ipdesk.services import documents

    detail = case_detail(session, actor, case_id, reveal=reveal, today=today)
    return CasePage(
        detail,
        workflow.available_actions(session, actor, case_id),
        documents.document_offers(session, actor, case_id, today=today),
        documents.list_documents(session, actor, case_id),
    )


@dataclass(frozen=True)
class ActionChoices:
    """The choices of a case action's dialog: courts (code, name), the office's mediators
    with their loads and the one proposed (assigning), the other offices (transferring)."""

    courts: list[tuple[str, str]]
    mediators: list[routing.MediatorLoad]
    offices: list[tuple[str, str]]
    suggested: int | None = None


def action_choices(
    session: Session, actor: Actor, case_id: int, action: str, office_id: int | None
) -> ActionChoices:
    """What the dialog of ``action`` on the case offers (each list checked by its own
    service: the mediators of an office only to those who may assign there)."""
    courts = [(a.code, a.name) for a in list_agencies(session, actor, kind=AgencyKind.COURT)]
    mediators: list[routing.MediatorLoad] = []
    suggested = None
    if action == "assign_mediator" and office_id is not None:
        mediators = routing.mediator_loads(session, actor, office_id)
        suggestion = routing.suggest_mediator(session, actor, case_id)
        suggested = suggestion.user_id if suggestion is not None else None
    offices = []
    if action == "transfer":
        offices = [(o.code, o.name) for o in org_tree(session, actor) if o.id != office_id]
    return ActionChoices(courts, mediators, offices, suggested)


SPREAD_DAYS = 365
"""The outcome spread of the similar-case tab covers the last year."""


@dataclass(frozen=True)
class SimilarCasesTab:
    """The similar-case tab: cases like this one, and for managers how cases of its IP
    type ended in the last year."""

    similar: sc.SimilarCases
    spread: list[sc.SpreadRow] | None


def similar_cases_tab(
    session: Session, actor: Actor, case_id: int, *, with_spread: bool = False, today: dt.date
) -> SimilarCasesTab:
    """The similar cases of ``case_id``; ``with_spread``: the outcome spread too (checked by
    :func:`similar_cases.outcome_spread`: managers)."""
    similar = sc.similar_cases(session, actor, case_id)
    spread = None
    if with_spread:
        case = session.get(Case, case_id)
        if case is not None:
            spread = sc.outcome_spread(
                session,
                actor,
                since=today - dt.timedelta(days=SPREAD_DAYS),
                until=today,
                ip_type=case.ip_type,
            )
    return SimilarCasesTab(similar, spread)


@dataclass(frozen=True)
class IntakeOptions:
    """What the intake dialog offers: the stations in the user's scope (code, label), the
    courts (code, name), and a new form (the user's own station, received today)."""

    stations: list[tuple[str, str]]
    courts: list[tuple[str, str]]
    form: IntakeForm


def intake_options(session: Session, actor: Actor, *, today: dt.date) -> IntakeOptions:
    """The choices and the first form of the intake dialog."""
    stations = [
        (st.code, f"{st.name} ({st.code})")
        for office in org_tree(session, actor)
        for st in office.stations
    ]
    courts = [(a.code, a.name) for a in list_agencies(session, actor, kind=AgencyKind.COURT)]
    return IntakeOptions(stations, courts, default_form(session, actor, today=today))


@dataclass(frozen=True)
class DashboardPage:
    """The dashboard: the figures of the filter and its charts."""

    figures: DashboardFigures
    charts: DashboardCharts


def dashboard_page(
    session: Session, actor: Actor, flt: DashboardFilter, *, today: dt.date
) -> DashboardPage:
    """The figures and charts of ``flt`` (the dashboard's roles: :func:`figures` checks)."""
    shown = figures(session, actor, flt, today=today)
    return DashboardPage(shown, chart_data(session, actor, flt, today=today, known=shown))


@dataclass(frozen=True)
class CaseListStart:
    """The case list's first page, and the days before a due date that count as "soon"
    (the rows' colours)."""

    page: cases_query.CasePage
    soon_days: int


MAX_PAGE_SIZE = 1000
"""The most rows one page of the case list brings (the window asks for 200): a request
for more is refused, not served (the server must not be made to read without bound)."""


def _check_page_size(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValidationError(
            "limit",
            f"每页行数应在 1 至 {MAX_PAGE_SIZE} 之间（收到 {limit}）",
            code="page_size_invalid",
        )


def case_list_start(
    session: Session,
    actor: Actor,
    flt: CaseFilter | None,
    sort: CaseSort | None,
    limit: int,
    *,
    today: dt.date,
) -> CaseListStart:
    """What the case list shows first (:func:`first_page`: the actor's scope)."""
    _check_page_size(limit)
    soon = due_soon_days(session)
    page = first_page(session, actor, flt, sort, limit, today=today, soon_days=soon)
    return CaseListStart(page, soon)


def case_list_page(
    session: Session,
    actor: Actor,
    flt: CaseFilter | None,
    sort: CaseSort | None,
    offset: int,
    limit: int,
    *,
    total: int | None = None,
    soon_days: int | None = None,
    today: dt.date,
) -> tuple[list[int], list[CaseRow]]:
    """A later page of the case list: its case ids in order, and their rows."""
    _check_page_size(limit)
    ids = case_ids(session, actor, flt, sort, offset, limit, today=today, total=total)
    return ids, case_rows(session, actor, ids, today=today, soon_days=soon_days)


def active_courts(session: Session, actor: Actor) -> list[tuple[str, str]]:
    """(code, name) of the active courts (an enforcement application's choice)."""
    return [
        (a.code, a.name) for a in list_agencies(session, actor, kind=AgencyKind.COURT) if a.active
    ]
