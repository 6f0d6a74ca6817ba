"""A demo load killed midway: the crash the start-up repairs (indexes, summary)."""

from __future__ import annotations

import datetime as dt
import os
import signal
from typing import Any

import pytest
from sqlalchemy.orm import Session

from ipdesk import db
from ipdesk.demo import generator as demo


def kill_a_load_amid_its_second_chunk(
    monkeypatch: pytest.MonkeyPatch, database_url: str, today: dt.date
) -> None:
    """Run a 700-case load in a child process and SIGKILL it amid its second chunk of
    cases (nothing of the demo's own cleanup runs); return once it is dead."""
    real = demo.insert_rows
    chunks = 0

    def killed(session: Session, table: Any, *args: Any) -> None:
        nonlocal chunks
        if table is demo.CASES:
            chunks += 1
            if chunks == 2:
                os.kill(os.getpid(), signal.SIGKILL)
        real(session, table, *args)

    monkeypatch.setattr(demo, "insert_rows", killed)
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            child = db.make_engine(database_url)
            demo.generate(
                db.make_session_factory(child), cases=700, seed=3, today=today, later_stages=False
            )
        finally:
            os._exit(3)  # only if the kill did not come
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
