"""The desktop's HTTPS client (ipdesk/remote/client.py) against the real server: a station
desktop attaches evidence and the office desktop opens the same bytes and hears of it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ipdesk.remote.calls import Call
from ipdesk.remote.client import RemoteBackend, RemoteClient
from ipdesk.services.cases import intake
from ipdesk.services.errors import PermissionDenied
from ipdesk.services.queries.cases_query import CaseDetail
from ipdesk.services.rules.deadlines import legal_today
from tests.helpers import factories as f
from tests.server.conftest import People, Running
from tests.server.test_server import PNG, exposed  # noqa: F401  (the fixture)


def test_station_evidence_opens_at_the_office_through_the_desktops_client(
    server: Running, people: People, tmp_path: Path
) -> None:
    station = RemoteClient(server.url, ca_file=server.ca_file)
    office = RemoteClient(server.url, ca_file=server.ca_file)
    try:
        station_desk = RemoteBackend(station, station.sign_in(people.staff_a, f.TEST_PASSWORD))
        office_desk = RemoteBackend(office, office.sign_in(people.manager_a, f.TEST_PASSWORD))
        heard: list[int] = []
        arrived = threading.Event()

        def on_change(kinds: list[str], case_ids: list[int]) -> None:
            heard.extend(case_ids)
            arrived.set()

        listener = office.listen(on_change)
        assert listener.connected.wait(10)
        photo = tmp_path / "侵权商品.png"
        photo.write_bytes(PNG)
        form = f.valid_intake_form("TL01-S01", seed=41)
        attachment = intake.AttachmentInput(photo, description="照片")
        registered: intake.RegisteredCase = station_desk.run(
            Call("intake.register_case", (form, (attachment,))), "write", legal_today()
        )
        assert arrived.wait(2) and registered.id in heard
        detail: CaseDetail = office_desk.run(
            Call("cases_query.case_detail", (registered.id,)), "read", legal_today()
        )
        (shown,) = detail.attachments
        opened = office_desk.fetch(shown.sha256, tmp_path / "office" / "photo.png")
        assert opened.read_bytes() == PNG
        # the station's client is refused another office's case, as a local desk would be
        with pytest.raises(PermissionDenied):
            station_desk.run(
                Call("cases_query.case_detail", (people.case_b,)), "read", legal_today()
            )
        listener.stop()
    finally:
        station.close()
        office.close()
