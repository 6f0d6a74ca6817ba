"""ipdesk-admin signs in as a named administrator (issue 17, item 6): the tests' one.

:func:`sign_in_as_admin` creates the administrator ``cli-admin`` in a database (without an
audit record, so that the tests' trails start as before) and makes every ``ipdesk-admin``
run of the test sign in as them through ``IPDESK_ADMIN_USER`` / ``IPDESK_ADMIN_PASSWORD``.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ipdesk import db
from ipdesk.models import Role, User
from tests.helpers.factories import TEST_PASSWORD, make_user

ADMIN = "cli-admin"


def add_admin(url: str, username: str = ADMIN) -> None:
    """The administrator ``username`` in the database at ``url`` (once)."""
    engine = db.make_engine(url)
    try:
        with db.make_session_factory(engine).begin() as session:
            if session.scalar(select(User.id).where(User.username == username)) is None:
                make_user(session, Role.ADMIN, username=username, display_name="运维管理员")
    finally:
        engine.dispose()


def sign_in_as_admin(monkeypatch: pytest.MonkeyPatch, url: str | None = None) -> None:
    """``ipdesk-admin`` runs of this test sign in as :data:`ADMIN`, who exists in ``url``."""
    monkeypatch.setenv("IPDESK_ADMIN_USER", ADMIN)
    monkeypatch.setenv("IPDESK_ADMIN_PASSWORD", TEST_PASSWORD)
    if url is not None:
        add_admin(url)
