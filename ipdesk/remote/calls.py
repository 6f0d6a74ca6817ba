"""Named service calls: what a desk asks the core to run, by name, with its arguments.

A widget does not give the desk a closure; it gives a :class:`Call`::

    desk.read(self, call(cases_query.count_cases, flt), self._on_counted)

:data:`EXPOSED` lists every service function a desk may call, by name
(``"cases_query.count_cases"``: its module under ``ipdesk.services`` and its name), each as an
:class:`Exposed` with its ``kind`` ("read" or "write") and the parameters the **server**
supplies itself, never the client: the actor (always: every exposed function is
``fn(session, actor, *args, **kwargs)``), the legal date (``"today"``) and the file stores
(``"attachments"``, ``"documents"``).

:func:`run_local` runs a call in a session given (the local desk's, the server's); the
caller chooses the session (read-only for a read, one transaction for a write).
:func:`checked` is what the server does first with a call that came over the wire: the name
must be exposed, the client may not supply the server's parameters, and the arguments must
fit the function's signature; anything else is refused with :class:`BadCall`.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, Protocol, TypeVar

from sqlalchemy.orm import Session

from ipdesk.services import (
    agencies,
    alerts,
    auth,
    cases_query,
    confirmation,
    consultations,
    corrections,
    evidence,
    followups,
    holidays,
    mediation_records,
    org,
    similar_cases,
)
from ipdesk.services.actors import Actor
from ipdesk.services.errors import ServiceError

T = TypeVar("T")

Kind = Literal["read", "write"]
Supplied = Literal["today", "attachments", "documents"]
"""What the server supplies for a parameter: the legal date, or one of the file stores."""

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

    def __repr__(self) -> str:  # arguments may hold personal data: not in logs
        return f"Call({self.name})"


def name_of(fn: Callable[..., Any]) -> str:
    """``"cases_query.count_cases"``: the module under ``ipdesk.services`` and the name."""
    module = fn.__module__
    if not module.startswith(_PREFIX):
        raise ValueError(f"{module}.{fn.__qualname__} is not a service function")
    return f"{module.removeprefix(_PREFIX)}.{fn.__qualname__}"


def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> Call[T]:
    """The call of the exposed service ``fn`` with these arguments (the session, the actor
    and the server's parameters left out)."""
    name = name_of(fn)
    exposed = EXPOSED.get(name)
    if exposed is None or exposed.fn is not fn:
        raise LookupError(f"{name} is not exposed to desks (ipdesk/remote/calls.py EXPOSED)")
    supplied = set(exposed.supplied) & set(kwargs)
    if supplied:
        raise TypeError(f"{name}: {sorted(supplied)} are supplied by the server, not the caller")
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
    if set(exposed.supplied) & set(kwargs):
        raise BadCall("调用参数格式不正确", call=name)
    placeholders = dict.fromkeys(exposed.supplied)
    try:
        _signature(exposed.fn).bind(None, None, *args, **kwargs, **placeholders)
    except TypeError as exc:
        raise BadCall("调用参数格式不正确", call=name) from exc
    return Call(name, tuple(args), dict(kwargs))


def run_local(
    session: Session,
    actor: Actor,
    c: Call[T],
    *,
    today: dt.date,
    stores: Stores | None = None,
) -> T:
    """Run ``c`` as ``fn(session, actor, *args, **kwargs)`` with the server's parameters
    (``today``, the ``stores``) filled in. The session is the caller's: read-only for a
    read, one transaction for a write."""
    exposed = EXPOSED[c.name]
    kwargs = dict(c.kwargs)
    for param, what in exposed.supplied.items():
        if what == "today":
            kwargs[param] = today
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


def _read(fn: Callable[..., Any], **supplied: Supplied) -> Exposed:
    return Exposed(fn, "read", supplied)


def _write(fn: Callable[..., Any], **supplied: Supplied) -> Exposed:
    return Exposed(fn, "write", supplied)


def _registry(*entries: Exposed) -> dict[str, Exposed]:
    table: dict[str, Exposed] = {}
    for entry in entries:
        if entry.name in table:
            raise ValueError(f"{entry.name} exposed twice")
        params = _signature(entry.fn).parameters
        if list(params)[1:2] != ["actor"]:
            raise ValueError(f"{entry.name} does not take the actor second")
        missing = set(entry.supplied) - set(params)
        if missing:
            raise ValueError(f"{entry.name} has no parameter {sorted(missing)}")
        table[entry.name] = entry
    return table


EXPOSED: Mapping[str, Exposed] = _registry(
    # cases
    _read(cases_query.count_cases, today="today"),
    _read(cases_query.first_page, today="today"),
    _read(cases_query.case_ids, today="today"),
    _read(cases_query.case_rows, today="today"),
    # organisation, users
    _read(org.org_tree),
    _read(auth.list_users),
    # agencies
    _read(agencies.list_agencies),
    _write(agencies.create_agency),
    _write(agencies.update_agency),
    _write(agencies.set_agency_active),
    # alerts
    _read(alerts.list_alerts, today="today"),
    _read(alerts.count_unacknowledged),
    _write(alerts.acknowledge_alerts, today="today"),
    _write(alerts.acknowledge_alert, today="today"),
    # follow-ups, holidays
    _read(followups.list_policies),
    _write(followups.update_policy),
    _write(holidays.set_override),
    _write(holidays.clear_override),
    _write(holidays.set_year_complete),
    # consultations, mediation records, similar cases, confirmation, corrections
    _read(consultations.list_consultations, today="today"),
    _read(mediation_records.list_records),
    _read(similar_cases.similar_cases),
    _read(confirmation.confirmation_overview, today="today"),
    _read(corrections.correction_form),
    # evidence
    _read(evidence.attachment_file, store="attachments"),
)
"""Every service function a desk may call, by name."""
