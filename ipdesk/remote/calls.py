"""Named service calls: what a desk asks the core to run, by name, with its arguments.

A widget does not give the desk a closure; it gives a :class:`Call`::

    desk.read(self, call(cases_query.count_cases, flt), self._on_counted)

:data:`EXPOSED` lists every service function a desk may call, by name
(``"cases_query.count_cases"``: its module under ``ipdesk.services`` and its name), each as an
:class:`Exposed` with its ``kind`` ("read" or "write") and the parameters the **server**
supplies itself, never the client: the actor (always: every exposed function is
``fn(session, actor, *args, **kwargs)``), the legal date (``"today"``) and the file stores
(``"attachments"``, ``"documents"``). A parameter named ``today`` is always supplied.

:func:`run_local` runs a call in a session given (the local desk's, the server's); the
caller chooses the session (read-only for a read, one transaction for a write).
:func:`checked` is what the server does first with a call that came over the wire: the name
must be exposed, the client may not supply the server's parameters, and the arguments must
fit the function's signature; anything else is refused with :class:`BadCall`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar

from sqlalchemy.orm import Session

from ipdesk.services.actors import Actor
from ipdesk.services.errors import ServiceError

T = TypeVar("T")

Kind = Literal["read", "write"]
Supplied = Literal["today", "attachments", "documents", "progress"]
"""What the server supplies for a parameter: the legal date, one of the file stores, or a
``progress(done, total)`` callback (a local desk's progress bar; None on the server)."""

_PREFIX = "ipdesk.services."


class BadCall(ServiceError):
    """A call that no desk may make: an unknown name, or arguments that do not fit."""

    code = "bad_call"


class Stores(Protocol):
    """Where the files are (``ipdesk.ui.stores.FileStores`` locally, the server's own)."""

    @property
    def attachments(self) -> Path: ...

    @property
    def documents(self) -> Path: ...


@dataclass(frozen=True)
class Exposed:
    """One service function a desk may call."""

    fn: Callable[..., Any]
    kind: Kind
    supplied: Mapping[str, Supplied] = field(default_factory=dict)
    """Parameter name -> what the server supplies for it."""
    fixed: frozenset[str] = frozenset()
    """Parameters that only the computer the call runs on may set (the server keeps their
    defaults): a folder or file of its own (``forms_dir``), a limit (``max_…``). A local
    desk passes them (a limit from this computer's settings); a client's call naming one
    is refused by the server, and the remote backend leaves them out."""

    @property
    def name(self) -> str:
        return name_of(self.fn)


@dataclass(frozen=True)
class Call(Generic[T]):
    """A service function by name and the arguments the client gives it (never the actor,
    the date or a store)."""

    name: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def exposed(self) -> Exposed:
        return EXPOSED[self.name]

    @property
    def kind(self) -> Kind:
        return self.exposed.kind

    def with_kwargs(self, **kwargs: Any) -> Call[T]:
        """The same call with these keyword arguments added or replaced (a page's
        ``limit`` and ``offset``)."""
        return Call(self.name, self.args, {**self.kwargs, **kwargs})

    def __repr__(self) -> str:  # arguments may hold personal data: not in logs
        return f"Call({self.name})"


_GROUPS = frozenset({"rules", "cases", "admin", "queries", "infra"})
"""The packages ``ipdesk/services`` groups its modules in: not part of a call's name, so
that the names on the wire do not follow how the code is arranged."""


def name_of(fn: Callable[..., Any]) -> str:
    """``"cases_query.count_cases"``: the module under ``ipdesk.services`` (without its
    group package, :data:`_GROUPS`) and the name."""
    module = fn.__module__
    if not module.startswith(_PREFIX):
        raise ValueError(f"{module}.{fn.__qualname__} is not a service function")
    return _call_name(module.removeprefix(_PREFIX), fn.__qualname__)


def _call_name(module: str, name: str) -> str:
    """The call's name of ``name`` in ``module`` (a path under ``ipdesk.services``)."""
    group, _, rest = module.partition(".")
    return f"{rest if group in _GROUPS and rest else module}.{name}"


def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> Call[T]:
    """The call of the exposed service ``fn`` with these arguments (the session, the actor
    and the server's parameters left out)."""
    name = name_of(fn)
    exposed = EXPOSED.get(name)
    if exposed is None or exposed.fn is not fn:
        raise LookupError(f"{name} is not exposed to desks (ipdesk/remote/calls.py EXPOSED)")
    supplied = set(exposed.supplied) & set(kwargs)
    if supplied:
        raise TypeError(f"{name}: {sorted(supplied)} are not the caller's to give")
    return Call(name, tuple(args), dict(kwargs))


def checked(name: object, args: object, kwargs: object) -> Call[Any]:
    """A call that came over the wire, refused with :class:`BadCall` unless it is one a desk
    may make (exposed name, no server parameters, arguments fitting the signature)."""
    if not isinstance(name, str) or name not in EXPOSED:
        raise BadCall("未知的调用", call=str(name)[:100])
    if not isinstance(args, list | tuple) or not isinstance(kwargs, dict):
        raise BadCall("调用参数格式不正确", call=name)
    if not all(isinstance(k, str) for k in kwargs):
        raise BadCall("调用参数格式不正确", call=name)
    exposed = EXPOSED[name]
    if (set(exposed.supplied) | exposed.fixed) & set(kwargs):
        raise BadCall("调用参数格式不正确", call=name)
    placeholders = dict.fromkeys(exposed.supplied)
    try:
        bound = _signature(exposed.fn).bind(None, None, *args, **kwargs, **placeholders)
    except TypeError as exc:
        raise BadCall("调用参数格式不正确", call=name) from exc
    if exposed.fixed & set(bound.arguments):
        raise BadCall("调用参数格式不正确", call=name)
    return Call(name, tuple(args), dict(kwargs))


def run_local(
    session: Session,
    actor: Actor,
    c: Call[T],
    *,
    today: dt.date,
    stores: Stores | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> T:
    """Run ``c`` as ``fn(session, actor, *args, **kwargs)`` with the server's parameters
    (``today``, the ``stores``) filled in. The session is the caller's: read-only for a
    read, one transaction for a write."""
    exposed = EXPOSED[c.name]
    kwargs = dict(c.kwargs)
    for param, what in exposed.supplied.items():
        if what == "today":
            kwargs[param] = today
        elif what == "progress":
            kwargs[param] = progress
        else:
            if stores is None:
                raise ValueError(f"{c.name} needs the file stores")
            kwargs[param] = getattr(stores, what)
    result: T = exposed.fn(session, actor, *c.args, **kwargs)
    return result


_signatures: dict[str, inspect.Signature] = {}


def _signature(fn: Callable[..., Any]) -> inspect.Signature:
    key = name_of(fn)
    if key not in _signatures:
        _signatures[key] = inspect.signature(fn)
    return _signatures[key]


def _with_today(fn: Callable[..., Any], supplied: dict[str, Supplied]) -> dict[str, Supplied]:
    """A parameter ``today`` is always the legal date, supplied by the server."""
    if "today" in _signature(fn).parameters:
        supplied.setdefault("today", "today")
    return supplied


ADJUDICATION_STEPS = (
    "choose_adjudication",
    "accept_adjudication",
    "refuse_adjudication",
    "set_panel",
    "serve_request",
    "record_defence",
    "exchange_evidence",
    "notify_hearing",
    "record_hearing",
    "suspend_for_invalidation",
    "resume_adjudication",
    "decide",
    "serve_decision",
    "record_window_outcome",
    "remind_enforcement",
    "apply_enforcement",
)
"""The steps of the adjudication track: services/cases/adjudication.py's functions named as the
case actions are (the step dialog calls ``adjudication.<action>``)."""


@dataclass(frozen=True)
class _Spec:
    """An exposed function before its module is imported: its path under
    ``ipdesk.services`` (``"queries.cases_query.count_cases"``) and what :class:`Exposed`
    says of it."""

    path: str
    kind: Kind
    supplied: Mapping[str, Supplied]

    @property
    def name(self) -> str:
        module, _, attr = self.path.rpartition(".")
        return _call_name(module, attr)

    def resolve(self) -> Exposed:
        module, _, attr = self.path.rpartition(".")
        fn = getattr(importlib.import_module(_PREFIX + module), attr)
        entry = Exposed(fn, self.kind, _with_today(fn, dict(self.supplied)))
        if entry.name != self.name:
            raise ValueError(f"{self.path} is defined as {entry.name}")
        return _checked_entry(entry)


def _read(path: str, **supplied: Supplied) -> _Spec:
    return _Spec(path, "read", supplied)


def _write(path: str, **supplied: Supplied) -> _Spec:
    return _Spec(path, "write", supplied)


def _checked_entry(entry: Exposed) -> Exposed:
    """``entry`` with its :attr:`~Exposed.fixed` parameters, or ValueError if its function
    cannot be a desk's call."""
    params = _signature(entry.fn).parameters
    if list(params)[1:2] != ["actor"]:
        raise ValueError(f"{entry.name} does not take the actor second")
    missing = set(entry.supplied) - set(params)
    if missing:
        raise ValueError(f"{entry.name} has no parameter {sorted(missing)}")
    fixed = frozenset(
        n
        for n, p in params.items()
        if n not in entry.supplied and ("Path" in str(p.annotation) or n.startswith("max_"))
    )
    if any(params[n].default is inspect.Parameter.empty for n in fixed):
        raise ValueError(f"{entry.name} needs a path from the caller")
    return dataclasses.replace(entry, fixed=fixed)


class _Registry(MutableMapping[str, Exposed]):
    """The exposed functions by name, each resolved (its module imported, its signature
    checked) when first looked up. Tests may add or replace an entry."""

    def __init__(self, *specs: _Spec) -> None:
        self._specs: dict[str, _Spec] = {}
        for spec in specs:
            if spec.name in self._specs:
                raise ValueError(f"{spec.name} exposed twice")
            self._specs[spec.name] = spec
        self._entries: dict[str, Exposed] = {}

    def __getitem__(self, name: str) -> Exposed:
        entry = self._entries.get(name)
        if entry is None:
            entry = self._entries[name] = self._specs[name].resolve()
        return entry

    def __setitem__(self, name: str, entry: Exposed) -> None:
        self._entries[name] = entry

    def __delitem__(self, name: str) -> None:
        if name not in self._entries and name not in self._specs:
            raise KeyError(name)
        self._entries.pop(name, None)
        self._specs.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._entries or name in self._specs

    def __iter__(self) -> Iterator[str]:
        yield from self._specs
        yield from (name for name in self._entries if name not in self._specs)

    def __len__(self) -> int:
        return len(self._specs.keys() | self._entries.keys())


EXPOSED: MutableMapping[str, Exposed] = _Registry(
    # read models: what one page loads in one call
    _read("queries.read_models.users_and_offices"),
    _read("queries.read_models.consultation_choices"),
    _read("queries.read_models.case_page"),
    _read("queries.read_models.action_choices"),
    _read("queries.read_models.similar_cases_tab"),
    _read("queries.read_models.intake_options"),
    _read("queries.read_models.active_courts"),
    _read("queries.read_models.dashboard_page"),
    _read("queries.read_models.case_list_start"),
    _read("queries.read_models.case_list_page"),
    _write("queries.read_models.case_page_revealed"),
    _read("infra.integrity.file_check", attachments="attachments", documents="documents"),
    # cases
    _read("queries.cases_query.count_cases"),
    _read("queries.cases_query.first_page"),
    _read("queries.cases_query.case_ids"),
    _read("queries.cases_query.case_id_snapshot"),
    _read("queries.cases_query.case_rows"),
    _write("queries.search.audit_id_search"),  # a search by a whole ID number is recorded
    # intake
    _read("cases.intake_duplicates.find_conflicts"),
    _write("cases.intake.register_case"),
    # organisation, users
    _read("admin.org.org_tree"),
    _read("admin.auth.list_users"),
    _write("admin.auth.create_user"),
    _write("admin.auth.change_role"),
    _write("admin.auth.reset_password"),
    _write("admin.auth.set_active"),
    # agencies
    _read("admin.agencies.list_agencies"),
    _write("admin.agencies.create_agency"),
    _write("admin.agencies.update_agency"),
    _write("admin.agencies.set_agency_active"),
    # dashboard
    _read("queries.dashboard.drill_down"),
    # deadlines
    _read("cases.limits.deadline_board"),
    # alerts
    _read("cases.alerts.alerts_panel"),
    _read("cases.alerts.list_alerts"),
    _read("cases.alerts.count_unacknowledged"),
    _write("cases.alerts.acknowledge_alerts"),
    _write("cases.alerts.acknowledge_alert"),
    # follow-ups, holidays
    _read("cases.followups.list_policies"),
    _write("cases.followups.update_policies"),
    _read("cases.followups.work_list"),
    _write("cases.followups.record_visit"),
    _read("admin.holidays.holiday_gaps"),
    _read("admin.holidays.holiday_year"),
    _write("admin.holidays.set_override"),
    _write("admin.holidays.clear_override"),
    _write("admin.holidays.set_year_complete"),
    _write("admin.holidays.import_holidays_data"),
    # ledgers
    _read("cases.case_import.check_ledger_data", progress="progress"),
    _write("cases.case_import.import_ledger_data", progress="progress"),
    # consultations
    _read("cases.consultations.list_consultations"),
    _write("cases.consultations.request_consultation"),
    _write("cases.consultations.record_answer"),
    _write("cases.consultations.record_meeting"),
    _write("cases.consultations.withdraw_request"),
    _write("cases.consultations.withdraw_consultation"),
    _write("cases.consultations.conclude_consultation"),
    # agreement and its confirmation by a court
    _read("cases.mediation.load_agreement"),
    _write("cases.mediation.record_agreement"),
    _write("cases.mediation.update_agreement"),
    _read("cases.confirmation.confirmation_overview"),
    _write("cases.confirmation.apply_for_confirmation"),
    _write("cases.confirmation.record_court_acceptance"),
    _write("cases.confirmation.extend_court_decision"),
    _write("cases.confirmation.record_court_decision"),
    # mediation records, similar cases, corrections
    _read("cases.mediation_records.list_records"),
    _write("cases.mediation_records.record_session"),
    _read("queries.similar_cases.similar_cases"),
    _read("queries.similar_cases.outcome_spread"),
    _write("cases.corrections.correction_form"),  # records the personal data shown
    _write("cases.corrections.correct_case"),
    # the case's life cycle
    _write("cases.workflow.accept"),
    _write("cases.workflow.reject"),
    _write("cases.workflow.start_mediation"),
    _write("cases.workflow.record_failure"),
    _write("cases.workflow.record_withdrawal"),
    _write("cases.workflow.close"),
    _write("cases.workflow.reopen"),
    _read("cases.routing.my_cases"),
    _read("cases.routing.to_assign"),
    _read("cases.routing.station_cases"),
    _write("cases.routing.assign_mediator"),
    _write("cases.routing.transfer_case"),
    # administrative adjudication (行政裁决): the case's track and its steps
    _read("cases.adjudication.get_adjudication"),
    _read("cases.adjudication.panel_candidates"),
    *(_write(f"cases.adjudication.{step}") for step in ADJUDICATION_STEPS),
    # the case's clock
    _read("cases.clock.preview"),
    _write("cases.clock.suspend_case"),
    _write("cases.clock.resume_case"),
    _write("cases.clock.extend_case"),
    # evidence and documents
    _read("cases.evidence.attachment_file", store="attachments"),
    _write("cases.evidence.add_evidence"),
    _write("documents.rendering.render_document", store="documents"),
    _read("documents.rendering.document_file", store="documents"),
    # maintenance
    _read("infra.audit.verify_audit_trail"),
)
"""Every service function a desk may call, by name: its module is imported when the call
is first made or looked up (the start of a desk imports only what its first page uses)."""
