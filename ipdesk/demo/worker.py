"""Producing the demo's rows in a process of its own, so that they take a second core.

Generating a case in Python costs about as much as SQLite's writing it, and threads in
one process take turns on the GIL: :func:`produced_in_worker` runs a producer (the demo
generator, see demo/generator.py) in a child process and hands its items to the caller,
which writes them meanwhile. The child starts with ``spawn`` on every platform: a fork
of the GUI process (``ipdesk --demo``) would copy Qt's threads and locks. ``spawn``
imports the main module in the child, so a script using this needs the usual
``if __name__ == "__main__":`` guard (the installed entry points have it).

* At most ``depth`` items wait in the queue: the child blocks once it is that far ahead,
  so memory stays bounded however many cases are asked for.
* An exception in the child reaches the caller as :class:`WorkerFailed` with the child's
  traceback; a child that dies without a word (killed, out of memory) too.
* A producer that reads the database while the caller writes to it reads in
  :func:`reading_snapshot`: one read transaction, so that it sees the database as it was
  when it began, whatever the caller has written since.
* The child ignores Ctrl-C, which the terminal sends to the whole process group: the
  caller decides when to stop, and the child is ended when the caller stops iterating,
  whether it is done, raises or is interrupted (close the iterator: ``closing``).
"""

from __future__ import annotations

import gc
import multiprocessing
import queue
import signal
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from ipdesk.db import READ_ONLY

__all__ = ["WorkerFailed", "produced_in_worker", "reading_snapshot"]

T = TypeVar("T")
P = TypeVar("P")

#: How often the caller looks whether a silent child is still alive (seconds).
_POLL: Final = 1.0


class WorkerFailed(RuntimeError):
    """The producer failed in the child process (its traceback is in the message)."""


@dataclass(frozen=True)
class _Failure:
    traceback: str


class _Done:
    """Sent after the last item."""


def produced_in_worker(
    produce: Callable[[P], Iterable[T]], argument: P, *, depth: int = 2
) -> Generator[T, None, None]:
    """The items of ``produce(argument)``, produced in a child process while the caller
    handles the previous ones. ``produce`` must be a module-level function and
    ``argument`` and the items picklable."""
    context = multiprocessing.get_context("spawn")
    items: multiprocessing.Queue[Any] = context.Queue(maxsize=depth)
    child = context.Process(
        target=_run, args=(produce, argument, items), name="ipdesk-demo-producer", daemon=True
    )
    child.start()
    try:
        while True:
            item = _next(items, child)
            if isinstance(item, _Done):
                break
            if isinstance(item, _Failure):
                raise WorkerFailed(f"生成演示数据的子进程出错：\n{item.traceback}")
            yield item
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        items.close()


def _next(items: multiprocessing.Queue[Any], child: multiprocessing.process.BaseProcess) -> Any:
    while True:
        try:
            return items.get(timeout=_POLL)
        except queue.Empty:
            if child.is_alive():
                continue
        # The child has ended: what it sent before is in the pipe by now.
        try:
            return items.get(timeout=_POLL)
        except queue.Empty:
            raise WorkerFailed(f"生成演示数据的子进程意外退出（退出码 {child.exitcode}）") from None


def _run(produce: Callable[[Any], Iterable[Any]], argument: Any, items: Any) -> None:
    """The child's body: every item, then _Done, or a _Failure."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The producer makes millions of small objects and no reference cycles: the cyclic
    # collector's passes over them cost about a quarter of the child's time, for nothing.
    gc.disable()
    try:
        for item in produce(argument):
            items.put(item)
        items.put(_Done())
    except BaseException:  # everything goes to the parent, which raises it
        items.put(_Failure(traceback.format_exc()))


@contextmanager
def reading_snapshot(engine: Engine) -> Iterator[Session]:
    """A session whose reads all happen in one read transaction, on a connection of its
    own: a consistent snapshot of the database (REPEATABLE READ on PostgreSQL; on SQLite,
    whose WAL lets it read while another connection writes, a deferred transaction)."""
    options: dict[str, Any] = dict(READ_ONLY)
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    with (
        engine.connect().execution_options(**options) as connection,
        connection.begin(),
        Session(bind=connection) as session,
    ):
        yield session
