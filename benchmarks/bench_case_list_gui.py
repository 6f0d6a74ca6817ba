"""The case list as the user sees it: a CaseListWidget on a 1,000,000-case database.

Usage::

    cp /tmp/m1.sqlite3 /tmp/bench.sqlite3          # never measure on the original
    .venv/bin/ipdesk-admin --database-url sqlite:////tmp/bench.sqlite3 init  # + search index
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_case_list_gui.py \\
        sqlite:////tmp/bench.sqlite3

Times, from the user's action to the visible rows painted (the model reset and a repaint of
the table's viewport, which fetches the shown rows' page): first rows of a new list, scroll
to the last row, sort by due date, and search results for a 2- and a 3-character Chinese
name (the debounce delay itself not counted). Each is run ``--repeat`` times: the first
(cold) and the median of the others are printed.

Floors: the very SQL statements the widget caused, replayed through the bare ``sqlite3``
module; and, in a separate process, a bare PySide6 window with a QTableView over an empty
model (time to first paint and peak memory). Peak memory is ``ru_maxrss`` of each process.
Targets (issue 3): first rows and each search under 100 ms on SQLite; peak memory under
400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 100.0
TARGET_MB = 400.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor_window() -> dict[str, float]:
    """A bare window with a QTableView over an empty model: start-up cost of Qt itself."""
    started = time.perf_counter()
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QApplication, QTableView

    class Empty(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 11

        def data(self, index: Any, role: int = 0) -> Any:
            return None

    app = QApplication.instance() or QApplication(sys.argv[:1])
    shown = time.perf_counter()
    view = QTableView()
    view.setModel(Empty())
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    view.viewport().repaint()
    painted = time.perf_counter()
    return {
        "import_and_app_ms": (shown - started) * 1000,
        "first_paint_ms": (painted - shown) * 1000,
        "peak_mb": peak_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?")
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--floor-window", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_window:
        print(json.dumps(floor_window()))
        return
    if not args.url:
        parser.error("give the database URL")

    started = time.perf_counter()
    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from ipdesk import db
    from ipdesk.services.actors import Actor
    from ipdesk.ui.cases import CaseListWidget
    from ipdesk.ui.cases.model import COLUMN_KEYS

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app_ready = time.perf_counter()
    engine = db.make_engine(args.url)
    factory = db.make_session_factory(engine)
    actor = Actor.system()  # city-wide: the whole million
    sqlite_path = engine.url.database if engine.dialect.name == "sqlite" else None

    statements: list[tuple[str, Any]] = []
    recording = [False]

    @event.listens_for(engine, "before_cursor_execute")
    def _record(conn: Any, cursor: Any, statement: str, parameters: Any, *rest: Any) -> None:
        if recording[0]:
            statements.append((statement, parameters))

    tmp = tempfile.mkdtemp(prefix="ipdesk-bench-")
    settings = QSettings(f"{tmp}/ui.ini", QSettings.Format.IniFormat)

    def wait_loaded(widget: CaseListWidget, action: Callable[[], None]) -> None:
        done: list[int] = []
        widget.model.loaded.connect(done.append)
        action()
        while not done:
            app.processEvents()
        widget.model.loaded.disconnect(done.append)
        widget.table.viewport().repaint()  # fetches the shown rows

    def replay() -> float:
        if sqlite_path is None:
            return float("nan")
        conn = sqlite3.connect(sqlite_path)
        t = time.perf_counter()
        for statement, parameters in statements:
            if statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")):
                continue
            conn.execute(statement, parameters).fetchall()
        elapsed = (time.perf_counter() - t) * 1000
        conn.close()
        return elapsed

    figures: list[tuple[str, float, float, float]] = []

    def measure(name: str, run: Callable[[], None]) -> None:
        times = []
        floors = []
        for _ in range(args.repeat):
            statements.clear()
            recording[0] = True
            t = time.perf_counter()
            run()
            times.append((time.perf_counter() - t) * 1000)
            recording[0] = False
            floors.append(replay())
        rest = times[1:] or times
        figures.append(
            (name, times[0], statistics.median(rest), statistics.median(floors[1:] or floors))
        )

    widgets: list[CaseListWidget] = []

    def first_rows() -> None:
        # The widget starts loading in its constructor: wait for that load and the paint.
        done: list[int] = []
        widget = CaseListWidget(factory, actor, settings=settings)
        widget.model.loaded.connect(done.append)
        widget.resize(1400, 900)
        widget.show()
        widgets.append(widget)
        while widget.model.loading and not done:
            app.processEvents()
        widget.table.viewport().repaint()

    measure("first rows (new list widget)", first_rows)
    widget = widgets[-1]
    for old in widgets[:-1]:
        old.deleteLater()
    app.processEvents()
    total = widget.model.rowCount()

    def to_last() -> None:
        widget.table.scrollToTop()
        widget.table.viewport().repaint()
        widget.model._pages.clear()
        widget.model._pages[0] = widget.model._page(0)
        widget.table.scrollToBottom()
        widget.table.viewport().repaint()

    def scroll_last() -> None:
        t_pages = widget.model.page_loads
        to_last()
        assert widget.model.page_loads - t_pages <= 3

    measure("scroll to the last row", scroll_last)
    due = COLUMN_KEYS.index("due")
    received = COLUMN_KEYS.index("received")
    from PySide6.QtCore import Qt

    toggle = [False]

    def sort_due() -> None:
        order = Qt.SortOrder.AscendingOrder if not toggle[0] else Qt.SortOrder.DescendingOrder
        toggle[0] = not toggle[0]
        wait_loaded(widget, lambda: widget.table.sortByColumn(due, order))

    measure("sort by due date", sort_due)
    wait_loaded(widget, lambda: widget.table.sortByColumn(received, Qt.SortOrder.DescendingOrder))

    def search_only(text: str) -> Callable[[], None]:
        def run() -> None:
            wait_loaded(widget, lambda: widget.search(text))

        return run

    for text in ("王伟", "张建国"):

        def run(text: str = text) -> None:  # from an empty box, without reloading for it
            widget.search_edit.blockSignals(True)
            widget.search_edit.setText("")
            widget.search_edit.blockSignals(False)
            widget.model._filter = widget.model._filter.__class__()
            search_only(text)()

        measure(f"search “{text}” ({len(text)} characters)", run)
        hits = widget.model.rowCount()
        figures[-1] = (f"{figures[-1][0]} → {hits} cases", *figures[-1][1:])

    main_peak = peak_mb()
    floor = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--floor-window"],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]},
        ).stdout
    )

    print(f"database: {args.url} — {total:,} cases; Qt + ipdesk import and app: "
          f"{(app_ready - started) * 1000:.0f} ms")  # fmt: skip
    print(f"{'operation':<46}{'first':>9}{'median':>9}{'SQL floor':>11}{'ratio':>8}")
    for name, first, median, floor_ms in figures:
        ratio = median / floor_ms if floor_ms and floor_ms == floor_ms else float("nan")
        flag = ""
        if ("first rows" in name or "search" in name) and median > TARGET_MS:
            flag = "  over the 100 ms target"
        print(f"{name:<46}{first:>8.1f} {median:>8.1f} {floor_ms:>10.1f} {ratio:>7.1f}x{flag}")
    print(
        f"bare window: first paint {floor['first_paint_ms']:.1f} ms, "
        f"Qt import and app {floor['import_and_app_ms']:.0f} ms"
    )
    print(
        f"peak memory: {main_peak:.0f} MB (bare PySide6 window: {floor['peak_mb']:.0f} MB; "
        f"ratio {main_peak / floor['peak_mb']:.1f}x; target {TARGET_MB:.0f} MB)"
    )
    QThreadPool.globalInstance().waitForDone()
    engine.dispose()


if __name__ == "__main__":
    main()
