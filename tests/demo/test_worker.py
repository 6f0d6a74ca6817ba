"""The demo's worker process: items arrive in order, and a failure of the child, whether
it raises or dies, reaches the caller as WorkerFailed."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator

import pytest

from ipdesk.demo.worker import WorkerFailed, produced_in_worker

# The producers run in a spawned child, which imports them from this module.


def _count(n: int) -> Iterator[int]:
    yield from range(n)


def _raise_after(n: int) -> Iterator[int]:
    yield from range(n)
    raise ValueError("no more stations")


def _die_after(n: int) -> Iterator[int]:
    yield from range(n)
    os._exit(3)


def test_items_arrive_in_order() -> None:
    assert list(produced_in_worker(_count, 50, depth=2)) == list(range(50))


def test_an_exception_in_the_child_reaches_the_caller_with_its_traceback() -> None:
    received = []
    with pytest.raises(WorkerFailed, match=r"(?s)_raise_after.*ValueError: no more stations"):
        for item in produced_in_worker(_raise_after, 2):
            received.append(item)
    assert received == [0, 1]


def test_a_child_that_dies_is_reported() -> None:
    with pytest.raises(WorkerFailed, match="退出码 3"):
        list(produced_in_worker(_die_after, 1))


def test_stopping_early_ends_the_child() -> None:
    items = produced_in_worker(_count, 10_000, depth=1)
    assert next(items) == 0
    items.close()  # what a caller's error or Ctrl-C does (contextlib.closing)
    assert multiprocessing.active_children() == []
