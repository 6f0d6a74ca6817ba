"""The journey harness itself: signing in through the dialog opens the user's window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Role
from ipdesk.ui import tasks
from ipdesk.ui.main_window import LazyPage
from tests.helpers.factories import TEST_PASSWORD, make_user
from tests.helpers.journey import sign_in_window


def test_signing_in_opens_the_window_of_the_users_role(
    qtbot: QtBot, seeded: sessionmaker[Session], ui_settings: QSettings, tmp_path: Path
) -> None:
    with seeded.begin() as session:
        make_user(session, Role.MEDIATOR, office="TL01", username="med")
    with tasks.synchronous():
        window = sign_in_window(qtbot, seeded, "med", TEST_PASSWORD, tmp_path, ui_settings)
    # a page not shown yet is a LazyPage naming the class it will build
    pages = [
        page.kind if isinstance(page, LazyPage) else type(page).__name__
        for page in (window.pages.widget(i) for i in range(window.pages.count()))
    ]
    assert pages[:2] == ["WorkListPage", "CaseListWidget"]
    assert "DeadlineBoardWidget" not in pages  # a manager's page
