"""ipdesk-admin case show: the administrative adjudication with its steps (README shape)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ipdesk import db
from ipdesk.cli import main
from ipdesk.models import Case, IpType
from ipdesk.services.cases import adjudication as adj
from ipdesk.services.cases.adjudication import Service
from tests.helpers.factories import make_case, make_people

D = dt.date


def run(url: str, *args: str) -> int:
    return main(["--database-url", url, *args])


def test_case_show_json_has_the_adjudication_and_its_steps(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(database_url, "init") == 0
    capsys.readouterr()
    engine = db.make_engine(database_url)
    try:
        factory = db.make_session_factory(engine)
        with factory.begin() as s:
            people = make_people(s)
            case = make_case(
                s,
                ip_type=IpType.PATENT_INVENTION,
                right_number="ZL201910123456.7",
                received_on=D(2026, 9, 1),
                mediator_id=people.mediator,
            )
            case_id, number = case.id, case.number

        def step(who: str, func, *args, **kwargs):  # type: ignore[no-untyped-def]
            with factory.begin() as s:
                found = s.get(Case, case_id)
                assert found is not None
                return func(s, people.actor(s, who), case_id, found.version_id, *args, **kwargs)

        step("mediator", adj.choose_adjudication, requested_on=D(2026, 9, 1), today=D(2026, 9, 1))
        step("manager", adj.accept_adjudication, on=D(2026, 9, 2), today=D(2026, 9, 2))
        step(
            "manager",
            adj.set_panel,
            [people.manager, people.mediator, people.mediator2],
            today=D(2026, 9, 3),
        )
        step(
            "mediator",
            adj.serve_request,
            Service("mail", D(2026, 9, 4), D(2026, 9, 7), signed_by="王某"),
            today=D(2026, 9, 8),
        )
    finally:
        engine.dispose()

    assert run(database_url, "case", "show", number, "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    a = shown["adjudication"]
    assert a["step"] == "request_served" and a["route"] == "at_acceptance"
    assert a["accepted_on"] == "2026-09-02" and a["defence_due"] == "2026-09-22"
    assert [s["step"] for s in a["steps"] if s["done"]] == [
        "requested",
        "accepted",
        "panel_set",
        "request_served",
    ]
    assert len(a["officers"]) == 3 and a["officers"][0]["presiding"] is True
    assert a["services"] == [
        {
            "document": "request_copy",
            "recipient": "通辽市某某商贸有限公司",
            "method": "mail",
            "sent_on": "2026-09-04",
            "received_on": "2026-09-07",
            "signed_by": "王某",
            "server_name": None,
        }
    ]
    assert a["recusal_check"]["officers"][0]["result"] == "clear"
    kinds = {lim["kind"] for lim in shown["limits"]}
    assert {"request_service", "defence", "handling"} <= kinds

    assert run(database_url, "case", "show", number) == 0
    text = capsys.readouterr().out
    assert "行政裁决：已送达请求书副本" in text
