"""Shared fixtures. Every database test runs on SQLite and on PostgreSQL.

PostgreSQL: the URL in IPDESK_TEST_PG_URL (a server the caller runs), else a throw-away
server that this test run starts and stops. Each test gets a fresh database copied from a
template migrated once per run, so the migrations are exercised by every run.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import db, migrate
from tests.helpers.pgserver import throwaway_server

# Backups are signed with a key outside the database: the tests' own, never the user's, in
# a folder removed when the test process ends.
_KEY_FOLDER = tempfile.TemporaryDirectory(prefix="ipdesk-test-key-")
os.environ.setdefault("IPDESK_BACKUP_KEY_FILE", os.path.join(_KEY_FOLDER.name, "backup.key"))

BACKENDS = ("sqlite", "postgresql")
_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    given = os.environ.get("IPDESK_TEST_PG_URL")
    if given:
        yield given
        return
    with throwaway_server() as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    with closing(sqlite3.connect(path)) as conn:  # fold the WAL into the file we copy
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str) -> str:
    name = f"ipdesk_template_{os.getpid()}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    engine = db.make_engine(make_url(pg_admin_url).set(database=name))
    migrate.upgrade(engine)
    engine.dispose()
    return name


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, migrated, empty database on each backend."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "ipdesk.sqlite3"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    admin_url: str = request.getfixturevalue("pg_admin_url")
    template_name: str = request.getfixturevalue("pg_template")
    name = f"ipdesk_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    eng = db.make_engine(database_url)
    yield eng
    _finish_qt_background_tasks()
    if os.environ.get("IPDESK_CHECK_SUMMARY"):
        _check_dashboard_summary(eng)
    eng.dispose()


def _check_dashboard_summary(eng: Engine) -> None:
    """IPDESK_CHECK_SUMMARY=1: after every test, the dashboard's summary equals its
    computation from the cases (services/queries/dashboard_summary.py), whatever paths the test
    went through."""
    from sqlalchemy import inspect

    from ipdesk.services.queries import dashboard_summary

    if "dashboard_summary" not in inspect(eng).get_table_names():
        return
    with eng.connect() as conn:
        differences = dashboard_summary.verify(conn)
    assert not differences, str(differences[0])


def _finish_qt_background_tasks() -> None:
    """Background tasks of the UI (a load the test did not wait for) and the alert scans of
    the windows a journey test opened end before their database goes: a task must not hold
    a connection past it."""
    journey = sys.modules.get("tests.helpers.journey")
    if journey is not None:
        journey.shut_down_schedulers()
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None:
        return
    pool = qtcore.QThreadPool.globalInstance()
    pool.waitForDone()
    # A task's result, delivered on the GUI thread, may start the next task of a chain (the
    # file check after the import of earlier versions' files): deliver, and wait again.
    app = qtcore.QCoreApplication.instance()
    for _ in range(5):
        if app is None:
            return
        app.processEvents()
        if pool.activeThreadCount() == 0:
            return
        pool.waitForDone()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return db.make_session_factory(engine)


@pytest.fixture
def backend(engine: Engine) -> str:
    return engine.dialect.name
