"""The server's housekeeping (issue 17): the alert scan is the server's (the desktops of a
network do not scan) and the audit chain's head goes into the server's log, where
``ipdesk-admin audit verify --anchor`` reads it."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Alert, ChangeRecord
from ipdesk.server.app import Server, Settings, tend
from ipdesk.services.infra import audit
from ipdesk.services.rules.deadlines import legal_today
from tests.helpers.factories import make_case_with_limits, seed


def test_the_server_scans_and_anchors_the_audit_chain(
    engine: Engine,
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    audit.install(session_factory)
    with session_factory.begin() as s:
        seed(s)
        case = make_case_with_limits(s, received_on=legal_today() - dt.timedelta(days=80))
    server = Server(engine, Settings(data_dir=tmp_path))
    with caplog.at_level(logging.INFO, logger="ipdesk.server.app"):
        head = tend(server)
    with session_factory() as s:
        alerts = s.scalar(select(func.count()).select_from(Alert))
        assert alerts is not None and alerts > 0  # the overdue case's
        assert head == audit.anchor(s)
        # ... and the desktops that may see that case are told (the change log, pushed)
        logged = s.scalars(select(ChangeRecord)).all()
        assert [r.kinds for r in logged] == [["alerts"]]
        assert [scope[0] for scope in logged[0].scopes] == [case.id]
    assert head is not None
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith(audit.ANCHOR_TAG)]
    assert lines == [head.line()]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="ipdesk.server.app"):
        again = tend(server, head)  # nothing new: no new alerts, the same head, no line
    assert again is not None and again.last_id == head.last_id
    assert not [r for r in caplog.records if audit.ANCHOR_TAG in r.getMessage()]
