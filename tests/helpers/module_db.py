"""A migrated database that lives for a whole test module, on either backend.

The ``database_url`` fixture of tests/conftest.py gives every test a fresh database; a
module whose tests only read (or roll back) can build its world once per backend instead:

    @pytest.fixture(scope="module", params=BACKENDS)
    def factory(request):
        with module_database(request) as engine:
            yield db.make_session_factory(engine)

It copies the same migrated templates as ``database_url`` (session fixtures of conftest).
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from ipdesk import db

_counter = itertools.count()


@contextmanager
def module_database(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine on a fresh copy of the migrated template of ``request.param`` ("sqlite"
    or "postgresql"), dropped afterwards."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        folder: Path = request.getfixturevalue("tmp_path_factory").mktemp("module-db")
        path = folder / "ipdesk.sqlite3"
        shutil.copyfile(template, path)
        engine = db.make_engine(f"sqlite:///{path}")
        try:
            yield engine
        finally:
            engine.dispose()
        return
    admin_url: str = request.getfixturevalue("pg_admin_url")
    template_name: str = request.getfixturevalue("pg_template")
    name = f"ipdesk_module_{os.getpid()}_{next(_counter)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"'))
    engine = db.make_engine(make_url(admin_url).set(database=name))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
