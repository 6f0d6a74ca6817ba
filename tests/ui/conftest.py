"""Fixtures for the Qt front end."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.app import load_translators
from ipdesk.services.admin.seed import seed_reference_data


@pytest.fixture(autouse=True)
def _finish_background_tasks() -> Iterator[None]:
    """No test leaves work running on the thread pool behind it."""
    yield
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def ui_settings(tmp_path: Path) -> QSettings:
    """Settings in a private file: tests never read or write the user's."""
    return QSettings(str(tmp_path / "ipdesk.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def seeded(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """A session factory on a database with the reference organisation (9 offices, 89 stations)."""
    with session_factory.begin() as session:
        seed_reference_data(session)
    return session_factory


@pytest.fixture
def install_language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Install the translators of a language for the rest of the test."""
    installed: list[QTranslator] = []

    def install(language: str) -> None:
        translators = load_translators(language)
        assert translators, f"no translations for {language}"
        for translator in translators:
            qapp.installTranslator(translator)
        installed.extend(translators)

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)
