"""Named calls: the registry, what the server supplies, and running a call locally."""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.db import READ_ONLY
from ipdesk.remote import calls, codec
from ipdesk.remote.calls import EXPOSED, BadCall, Call, call, checked, run_local
from ipdesk.services.actors import Actor
from ipdesk.services.admin import agencies, org
from ipdesk.services.admin.agencies import AgencyForm
from ipdesk.services.cases import evidence, intake
from ipdesk.services.errors import NotFound, ValidationError
from ipdesk.services.queries import cases_query, read_models
from ipdesk.services.rules.deadlines import legal_today
from ipdesk.ui.stores import FileStores
from tests.helpers.factories import REGISTRAR, seed


def test_every_exposed_function_takes_session_and_actor_first() -> None:
    assert len(EXPOSED) > 20
    for name, exposed in EXPOSED.items():
        params = list(inspect.signature(exposed.fn).parameters)
        assert params[1] == "actor", name
        assert exposed.kind in ("read", "write")
        assert name == calls.name_of(exposed.fn)
        assert set(exposed.supplied) <= set(params), name
        assert set(exposed.supplied.values()) <= {"today", "attachments", "documents", "progress"}


def test_call_names_the_function() -> None:
    c = call(cases_query.count_cases, None)
    assert c == Call("cases_query.count_cases", (None,), {})
    assert c.kind == "read"
    assert call(agencies.create_agency, None).kind == "write"
    assert "flt" not in repr(call(cases_query.count_cases, flt=None))


def test_only_exposed_functions_can_be_called() -> None:
    with pytest.raises(LookupError):
        call(cases_query.case_detail, 1)
    with pytest.raises(ValueError):
        call(print)


def test_a_folder_or_a_limit_of_the_server_is_never_a_clients() -> None:
    exposed = EXPOSED["documents.rendering.render_document"]
    assert exposed.fixed == {"forms_dir"} and set(exposed.supplied) == {"store", "today"}
    assert EXPOSED["intake.register_case"].fixed == {"store", "max_attachment_bytes"}
    # a local desk may set them (this computer's settings) ...
    local = call(intake.register_case, None, max_attachment_bytes=10)
    assert local.kwargs == {"max_attachment_bytes": 10}
    # ... a client's call may not
    with pytest.raises(BadCall):
        checked(local.name, list(local.args), dict(local.kwargs))


def test_the_caller_may_not_supply_the_server_parameters() -> None:
    with pytest.raises(TypeError):
        call(cases_query.count_cases, None, today=dt.date(2020, 1, 1))
    with pytest.raises(TypeError):
        call(evidence.attachment_file, 1, store=Path("/etc"))


@pytest.mark.parametrize(
    ("name", "args", "kwargs"),
    [
        ("os.system", ["ls"], {}),
        (None, [], {}),
        ("cases_query.case_detail", [1], {}),  # exists, not exposed
        ("cases_query.count_cases", [], {"today": "2020-01-01"}),
        ("evidence.attachment_file", [1, "/etc/passwd"], {}),
        ("evidence.attachment_file", [1], {"store": "/etc"}),
        ("org.org_tree", [1], {}),
        ("org.org_tree", [], {"nope": 1}),
        ("org.org_tree", {}, {}),
        ("org.org_tree", [], []),
        ("documents.rendering.render_document", [1, "x"], {"forms_dir": "/etc"}),
    ],
)
def test_checked_refuses_calls_no_desk_may_make(name: object, args: object, kwargs: object) -> None:
    with pytest.raises(BadCall) as caught:
        checked(name, args, kwargs)
    assert caught.value.code == "bad_call"


def test_checked_accepts_a_call_off_the_wire() -> None:
    c = call(cases_query.count_cases, flt=None)
    body = codec.encode({"call": c.name, "args": list(c.args), "kwargs": dict(c.kwargs)})
    back = codec.decode(body, untrusted=True)
    assert checked(back["call"], back["args"], back["kwargs"]) == c


def test_run_local_supplies_actor_today_and_stores(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as session:
        seed(session)
    admin = Actor.system()
    with session_factory() as session:
        session.connection(execution_options=READ_ONLY)
        offices = run_local(session, admin, call(org.org_tree), today=dt.date(2026, 12, 7))
        assert offices and offices == org.org_tree(session, admin)
        count = run_local(
            session, REGISTRAR, call(cases_query.count_cases, None), today=dt.date(2026, 12, 7)
        )
        assert count == 0
    stores = FileStores.in_folder(tmp_path)
    with session_factory() as session, pytest.raises(NotFound):
        run_local(
            session,
            admin,
            call(evidence.attachment_file, 999),
            today=legal_today(),
            stores=stores,
        )
    with session_factory.begin() as session:
        form = AgencyForm(code="C1", name="测试司法局", kind="justice_bureau")
        made = run_local(session, admin, call(agencies.create_agency, form), today=legal_today())
    assert made.code == "C1"


def test_a_ledger_check_runs_in_a_read_only_session_and_reports_progress(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    """The dry run of a ledger import is a read (on a server: a read-only transaction);
    the desk's progress reaches it; the import itself registers the rows."""
    from ipdesk.services.cases import case_import
    from ipdesk.ui.desk import LocalBackend
    from tests.ui.test_case_import_dialog import ledger

    with session_factory.begin() as session:
        seed(session)
    path = ledger(tmp_path / "台账.csv")
    backend = LocalBackend(session_factory, REGISTRAR, FileStores.in_folder(tmp_path))
    seen: list[tuple[int, int]] = []
    day = dt.date(2026, 11, 2)
    check = call(case_import.check_ledger_data, path.read_bytes(), path.name)
    result = backend.run(check, "read", day, lambda done, total: seen.append((done, total)))
    assert result.ok and result.rows == 3 and result.imported == 0
    assert seen[-1] == (3, 3)
    imported = backend.run(
        call(case_import.import_ledger_data, path.read_bytes(), path.name), "write", day
    )
    assert imported.imported == 3


def test_the_case_list_read_models_page_like_the_list(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    """The case list's first page and a later one, each one call (for the case list's
    conversion to named calls)."""
    from ipdesk.services.queries.cases_query import CaseSort
    from ipdesk.ui.desk import LocalBackend
    from tests.helpers.factories import make_case

    with session_factory.begin() as session:
        seed(session)
        made = [make_case(session).id for _ in range(5)]
    backend = LocalBackend(session_factory, REGISTRAR, FileStores.in_folder(tmp_path))
    day = dt.date(2026, 11, 2)
    sort = CaseSort("number", descending=False)
    start = backend.run(call(read_models.case_list_start, None, sort, 2), "read", day)
    assert start.soon_days > 0 and len(start.page.rows) == 2
    ids, rows = backend.run(
        call(read_models.case_list_page, None, sort, 2, 2, total=5, soon_days=start.soon_days),
        "read",
        day,
    )
    assert [r.id for r in rows] == ids and len(ids) == 2
    assert set(start.page.ids) | set(ids) <= set(made)
    assert not set(start.page.ids) & set(ids)
    # a page is bounded: a crafted request for a million rows is refused, not served
    for limit in (0, read_models.MAX_PAGE_SIZE + 1):
        with pytest.raises(ValidationError) as refused:
            backend.run(call(read_models.case_list_start, None, sort, limit), "read", day)
        assert refused.value.code == "page_size_invalid"
