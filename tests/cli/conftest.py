"""Every ``ipdesk-admin`` run in these tests signs in as the administrator ``cli-admin``
(tests.helpers.cli_admin), created in the test's database."""

from __future__ import annotations

import pytest

from tests.helpers.cli_admin import sign_in_as_admin


@pytest.fixture(autouse=True)
def _cli_admin(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    wants_db = "database_url" in request.fixturenames
    url = request.getfixturevalue("database_url") if wants_db else None
    sign_in_as_admin(monkeypatch, url)
