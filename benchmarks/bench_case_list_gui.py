"""The case list as the user sees it: a CaseListWidget on a 1,000,000-case database.

Usage::

    cp /tmp/m1.sqlite3 /tmp/bench.sqlite3          # never measure on the original
    .venv/bin/ipdesk-admin --database-url sqlite:////tmp/bench.sqlite3 init  # + search index
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_case_list_gui.py \\
        sqlite:////tmp/bench.sqlite3
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_case_list_gui.py \\
        'postgresql+psycopg://postgres@/m1?host=/tmp/bench/pgsock&port=60599'

Times, from the user's action to the visible rows painted (the model showing its first
page and a repaint of the table's viewport): first rows of a new list, scroll to the last
row, sort by due date, and search results for a 2- and a 3-character Chinese name (the
debounce delay itself not counted). For a new list and a new sort order the list shows its
first page before it has counted a million cases; "… all counted" is the time until the
count is in too (every row scrollable, the "N cases" text right). Each is run ``--repeat``
times: the first (cold) and the median of the others are printed, with the GUI thread's CPU
time to the first rows ("GUI CPU": what the window's code and Qt cost there, which the
machine's load does not stretch as it stretches wall time), and for a new list widget its
steps (building, showing, the events up to the first rows, the table's repaint). The GUI
thread waits in a Qt event loop, as in the application (a busy ``processEvents()`` loop
would hold the GIL against the worker thread).

Floors: the very SQL statements the list model caused, replayed one after the other
through the bare driver (``sqlite3``, ``psycopg``) — those up to the first rows, and all
of them for "all counted" (the organisation tree's statements, which the widget runs
alongside on another thread, are replayed and printed apart); in a separate process, a
bare PySide6 window with a QTableView over an empty model (time to first paint and peak
memory); and the repaint of a bare QTableView showing the same cells from a
QStandardItemModel (what Qt's painting costs by itself; GUI-thread CPU time), and a new
bare window showing those cells, to its first paint (wall and CPU: the Qt floor of a new
list widget). Peak memory is ``VmHWM`` of each process. Goals (issue 18): first rows of a
new list and each search within 20 ms, on SQLite (1,000,000 cases) and PostgreSQL; peak
memory under 400 MB (issue 3). The load average is printed: on a shared machine, compare
each figure with its floor of the same run.
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
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 20.0
TARGET_MB = 400.0
TIMEOUT_MS = 120_000
LIST_CALLS = frozenset(
    {
        "read_models.case_list_start",
        "read_models.case_list_page",
        "cases_query.count_cases",
        "cases_query.case_ids",
        "cases_query.case_id_snapshot",
        "cases_query.case_rows",
    }
)
"""The named calls of the list model (their statements make the SQL floor)."""


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM, which starts afresh at exec (ru_maxrss
    does not: a child started by fork+exec inherited the parent's peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
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


Statements = list[tuple[str, Any]]
Recorded = list[tuple[bool, str, Any]]  # the list model's?, statement, parameters


def raw_replayer(url: str) -> tuple[Callable[[Statements], float], Callable[[], None]]:
    """Replays statements on a bare driver connection (same pragmas / a read transaction
    as the application); returns the time taken in ms, and a closer."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    skip = ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "SET ")
    if u.get_backend_name() == "sqlite":
        conn = sqlite3.connect(u.database or ":memory:", isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")

        def run_sqlite(statements: Statements) -> float:
            started = time.perf_counter()
            conn.execute("BEGIN")
            for sql, params in statements:
                if not sql.lstrip().upper().startswith(skip):
                    conn.execute(sql, params).fetchall()
            conn.execute("COMMIT")
            return (time.perf_counter() - started) * 1000

        return run_sqlite, conn.close
    import psycopg

    pg = psycopg.connect(u.set(drivername="postgresql").render_as_string(hide_password=False))

    def run_pg(statements: Statements) -> float:
        started = time.perf_counter()
        with pg.cursor() as cur:
            for sql, params in statements:
                if not sql.lstrip().upper().startswith(skip):
                    cur.execute(sql, params)
                    if cur.description is not None:
                        cur.fetchall()
        pg.rollback()
        return (time.perf_counter() - started) * 1000

    return run_pg, pg.close


def median_of(values: list[float]) -> float:
    """The median of the warm runs (all of them when there is one)."""
    return statistics.median(values[1:] or values)


@dataclass(frozen=True)
class Timed:
    """One run of an operation: wall time to its first rows painted, the GUI thread's CPU
    time in it (what the window's code costs, whatever the machine's load), and wall time
    to the count (None: the first page told the total)."""

    rows_ms: float
    rows_cpu_ms: float
    all_ms: float | None = None


class Stopwatch:
    """Wall time and the calling thread's CPU time from its start, in ms."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.thread_time()

    def wall_ms(self) -> float:
        return (time.perf_counter() - self.wall) * 1000

    def cpu_ms(self) -> float:
        return (time.thread_time() - self.cpu) * 1000


@dataclass
class Figure:
    name: str
    times: list[float] = field(default_factory=list)
    floors: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def line(self) -> str:
        first = self.times[0]
        median = median_of(self.times)
        floor = median_of(self.floors)
        ratio = median / floor if floor > 0 else float("nan")
        cpu = f"{median_of(self.cpu):>8.1f}" if self.cpu else f"{'':>8}"
        flag = ""
        targeted = self.name.startswith(("first rows", "search")) and "counted" not in self.name
        goal = f"{TARGET_MS:>6.0f}" if targeted else f"{'':>6}"
        if targeted and median > TARGET_MS:
            flag = "  not reached"
        return (
            f"{self.name:<52}{first:>8.1f} {median:>8.1f} {cpu} {floor:>10.1f} {ratio:>7.1f}x"
            f"{goal}{flag}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--floor-window", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_window:
        print(json.dumps(floor_window()))
        return
    if not args.url:
        parser.error("give the database URL")

    started = time.perf_counter()
    from PySide6.QtCore import QEvent, QEventLoop, QSettings, QThreadPool, QTimer, SignalInstance
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy import event

    from ipdesk import db
    from ipdesk.remote.calls import Call
    from ipdesk.services.actors import Actor
    from ipdesk.ui.cases import CaseListWidget
    from ipdesk.ui.cases.model import COLUMN_KEYS
    from ipdesk.ui.desk import Desk, LocalBackend

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app_ready = time.perf_counter()
    engine = db.make_engine(args.url)
    factory = db.make_session_factory(engine)
    actor = Actor.system()  # city-wide: the whole million
    desk = Desk(factory, actor)
    replay, close_replay = raw_replayer(args.url)

    # The statements of the operation being measured: those before its first rows were
    # shown, and all of them (the count, and maybe the organisation tree's, come after).
    before_rows: Recorded = []
    everything: Recorded = []
    recording = [False, False]  # any statement; before the first rows
    in_model = threading.local()  # set while a service function called by the model runs

    @event.listens_for(engine, "before_cursor_execute")
    def _record(conn: Any, cursor: Any, statement: str, parameters: Any, *rest: Any) -> None:
        if recording[0]:
            mine = getattr(in_model, "on", False)
            everything.append((mine, statement, parameters))
            if recording[1]:
                before_rows.append((mine, statement, parameters))

    # The list model's named calls (the organisation tree's and others are not its own).
    backend = desk.backend
    assert isinstance(backend, LocalBackend)
    run_call = backend.run

    def traced(c: Call[Any], *args: Any, **kwargs: Any) -> Any:
        in_model.on = c.name in LIST_CALLS
        try:
            return run_call(c, *args, **kwargs)
        finally:
            in_model.on = False

    backend.run = traced  # type: ignore[method-assign]

    def floor_of(recorded: Recorded) -> float:
        """The list model's statements, replayed one after the other (as they ran). The
        organisation tree's, which the widget loads alongside on a thread of its own, are
        left out: the list does not wait for them."""
        return replay([(statement, params) for mine, statement, params in recorded if mine])

    def others_of(recorded: Recorded) -> float:
        return replay([(statement, params) for mine, statement, params in recorded if not mine])

    side: list[float] = []  # the organisation tree's SQL, for each new widget

    tmp = tempfile.mkdtemp(prefix="ipdesk-bench-")
    settings = QSettings(f"{tmp}/ui.ini", QSettings.Format.IniFormat)

    def wait_for(signal: SignalInstance, action: Callable[[], None] = lambda: None) -> None:
        """Run ``action`` and wait in an event loop until ``signal`` is emitted."""
        loop = QEventLoop()
        fired: list[bool] = []

        def quit_(*_args: object) -> None:
            fired.append(True)
            loop.quit()

        signal.connect(quit_)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(TIMEOUT_MS)
        action()
        if not fired:
            loop.exec()
        signal.disconnect(quit_)
        if not fired:
            raise SystemExit("timed out waiting for the case list")

    rows_figures: dict[str, Figure] = {}
    all_figures: dict[str, Figure] = {}

    def measure(name: str, run: Callable[[], Timed]) -> None:
        rows = rows_figures.setdefault(name, Figure(name))
        total = all_figures.setdefault(name, Figure(f"{name} … all counted"))
        for _ in range(args.repeat):
            settle()
            before_rows.clear()
            everything.clear()
            recording[:] = [True, True]
            timed = run()
            recording[:] = [False, False]
            rows.times.append(timed.rows_ms)
            rows.cpu.append(timed.rows_cpu_ms)
            rows.floors.append(floor_of(before_rows))
            if timed.all_ms is not None:
                total.times.append(timed.all_ms)
                total.floors.append(floor_of(everything))
            if name.startswith("first rows"):
                side.append(others_of(everything))
        if not total.times:
            del all_figures[name]

    widgets: list[CaseListWidget] = []

    def settle() -> None:
        """Let the previous list's background work (its count, its ids snapshot) start
        and end: a user does not act within the second after the last one, and its
        statements must not count as this operation's."""
        for _ in range(5):
            app.processEvents()
            QThreadPool.globalInstance().waitForDone()
        app.processEvents()

    def stop_recording(_total: int) -> None:
        # the list is counted: what follows (its ids snapshot) is not part of "all counted"
        recording[:] = [False, False]

    def stop_rows(_rows: int) -> None:
        recording[1] = False

    phases: dict[str, list[float]] = {}  # the GUI thread's CPU time of a new list, by step

    def phase(name: str, watch: Stopwatch, since: float) -> float:
        cpu = watch.cpu_ms()
        phases.setdefault(name, []).append(cpu - since)
        return cpu

    def first_rows() -> Timed:
        # The widget starts loading in its constructor: wait for its first rows and paint.
        # Start from a quiet application, as a user opening the list would: the previous
        # widget gone and its background work (its organisation tree) finished.
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        while widgets:
            widgets.pop().deleteLater()
        # processEvents() leaves deferred deletions alone: delete the old widget (and the
        # ids its list holds) now, as closing it in the application would
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        watch = Stopwatch()
        widget = CaseListWidget(desk, settings=settings)
        cpu = phase("building the widget", watch, 0.0)
        # Stop recording "before the first rows" as they are shown: the count starts then.
        widget.model.first_rows.connect(stop_rows)
        widget.resize(1400, 900)
        widget.show()
        cpu = phase("showing it", watch, cpu)
        widgets.append(widget)
        if widget.model.loading:
            wait_for(widget.model.first_rows)
        cpu = phase("events to the first rows (the window's paint, the hand-over)", watch, cpu)
        recording[1] = False
        widget.table.viewport().repaint()
        phase("the table's repaint with the rows", watch, cpu)
        return counted(widget, watch)

    def counted(widget: CaseListWidget, watch: Stopwatch) -> Timed:
        """The first rows are painted: wait for the count (unless the first page told it)."""
        to_rows, cpu = watch.wall_ms(), watch.cpu_ms()
        if not widget.model.counting:
            return Timed(to_rows, cpu)  # a short list: the first page told the total
        widget.model.loaded.connect(stop_recording)
        wait_for(widget.model.loaded)
        widget.model.loaded.disconnect(stop_recording)
        return Timed(to_rows, cpu, watch.wall_ms())

    def after_action(widget: CaseListWidget, action: Callable[[], None]) -> Timed:
        watch = Stopwatch()
        wait_for(widget.model.first_rows, action)
        recording[1] = False
        widget.table.viewport().repaint()  # fetches the shown rows
        return counted(widget, watch)

    measure("first rows (new list widget)", first_rows)
    widget = widgets[-1]
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    total = widget.model.rowCount()
    assert widget.model.total == total, "the count is in"
    assert widget.count_label.text(), "the count is shown"
    count_text = widget.count_label.text()

    def fetched(widget: CaseListWidget) -> None:
        """Wait until the rows the table asked for are painted (a model that fetches
        them in the background repaints them when they arrive)."""
        while getattr(widget.model, "fetching", False):
            wait_for(widget.model.dataChanged)
            widget.table.viewport().repaint()

    # Record only the scroll itself: page 0 is refetched unrecorded before the clock.
    def scroll_measured() -> Timed:
        recording[:] = [False, False]
        widget.table.scrollToTop()
        widget.table.viewport().repaint()
        widget.model._pages.clear()
        widget.model._last = None
        if hasattr(widget.model, "_page_now"):
            widget.model._page_now(0)
        else:  # the model before issue 18 (fetched pages on the GUI thread)
            widget.model._pages[0] = getattr(widget.model, "_page")(0)  # noqa: B009
        recording[:] = [True, True]
        loads = widget.model.page_loads
        watch = Stopwatch()
        widget.table.scrollToBottom()
        widget.table.viewport().repaint()
        fetched(widget)
        elapsed = Timed(watch.wall_ms(), watch.cpu_ms())
        assert widget.model.page_loads - loads <= 2
        last = widget.table.rowAt(widget.table.viewport().height() - 2)
        assert last == total - 1, (last, total)
        last_id = widget.model.case_id(total - 1)
        assert last_id is not None
        return elapsed

    measure("scroll to the last row", scroll_measured)
    # The model's part of "first rows" without building a new window: reload the list.
    measure(
        "first rows (reload of the shown list)", lambda: after_action(widget, widget.model.reload)
    )
    due = COLUMN_KEYS.index("due")
    received = COLUMN_KEYS.index("received")
    from PySide6.QtCore import Qt

    toggle = [False]

    def sort_due() -> Timed:
        order = Qt.SortOrder.AscendingOrder if not toggle[0] else Qt.SortOrder.DescendingOrder
        toggle[0] = not toggle[0]
        return after_action(widget, lambda: widget.table.sortByColumn(due, order))

    measure("sort by due date", sort_due)
    # The last row by due date, to be sure the order holds to the end.
    after_action(widget, lambda: widget.table.sortByColumn(due, Qt.SortOrder.AscendingOrder))
    widget.table.scrollToBottom()
    widget.table.viewport().repaint()
    fetched(widget)
    last_by_due = widget.model.case_row(widget.model.rowCount() - 1)
    first_by_due = widget.model.case_row(0)
    assert last_by_due is not None and first_by_due is not None
    assert first_by_due.due_on is not None and last_by_due.due_on is None  # undated last
    after_action(widget, lambda: widget.table.sortByColumn(received, Qt.SortOrder.DescendingOrder))

    hits: dict[str, int] = {}
    for text in ("王伟", "张建国"):

        def run(text: str = text) -> Timed:  # from an empty box, no reload
            widget.search_edit.blockSignals(True)
            widget.search_edit.setText("")
            widget.search_edit.blockSignals(False)
            widget.model._filter = widget.model._filter.__class__()
            return after_action(widget, lambda: widget.search(text))

        name = f"search “{text}” ({len(text)} characters)"
        measure(name, run)
        hits[name] = widget.model.rowCount()

    main_peak = peak_mb()

    # The ids snapshot on a remote desk's wire: the codec's "ints" against a JSON list.
    from array import array

    from ipdesk.remote import codec

    widget.search_edit.setText("")
    widget.model._filter = widget.model._filter.__class__()
    after_action(widget, widget.model.reload)
    settle()
    snapshot = widget.model._ids
    assert isinstance(snapshot, array), "the ids snapshot is taken"

    def wire(value: object) -> tuple[int, float, float]:
        t = time.perf_counter()
        document = codec.dumps(value)
        encoded = time.perf_counter()
        back = codec.loads(document)
        decoded = time.perf_counter()
        assert len(back) == len(snapshot)
        return len(document), (encoded - t) * 1000, (decoded - encoded) * 1000

    compact, as_list = wire(snapshot), wire(snapshot.tolist())

    # Qt's own painting of the same cells: a QStandardItemModel in a bare QTableView.
    widget.search_edit.setText("")
    widget.model._filter = widget.model._filter.__class__()
    after_action(widget, widget.model.reload)
    widget.table.scrollToTop()
    shown = widget.table.rowAt(widget.table.viewport().height() - 2) + 1
    cells = QStandardItemModel(shown, len(COLUMN_KEYS))
    for r in range(shown):
        for c in range(len(COLUMN_KEYS)):
            cells.setItem(r, c, QStandardItem(str(widget.model.data(widget.model.index(r, c)))))
    bare = QTableView()
    bare.setModel(cells)
    bare.setGeometry(widget.table.geometry())
    bare.verticalHeader().setDefaultSectionSize(widget.table.verticalHeader().defaultSectionSize())
    bare.verticalHeader().setVisible(False)
    bare.setAlternatingRowColors(True)
    bare.setWordWrap(False)

    for section in range(len(COLUMN_KEYS)):
        bare.horizontalHeader().resizeSection(
            section, widget.table.horizontalHeader().sectionSize(section)
        )
    bare.show()
    app.processEvents()

    def repaint_ms(view: QTableView) -> float:
        """The GUI thread's CPU time of a repaint of ``view`` (median of 15)."""
        times = []
        for _ in range(15):
            watch = Stopwatch()
            view.viewport().repaint()
            times.append(watch.cpu_ms())
        return statistics.median(times)

    ours, theirs = repaint_ms(widget.table), repaint_ms(bare)

    def new_bare_window() -> Timed:
        """A new bare window showing the same cells, to its first paint (fonts warm)."""
        watch = Stopwatch()
        view = QTableView()
        view.setModel(cells)
        view.resize(1400, 900)
        view.show()
        app.processEvents()
        view.viewport().repaint()
        elapsed = Timed(watch.wall_ms(), watch.cpu_ms())
        view.deleteLater()
        app.processEvents()
        return elapsed

    bare_windows = [new_bare_window() for _ in range(5)]
    new_window = statistics.median(w.rows_ms for w in bare_windows)
    new_window_cpu = statistics.median(w.rows_cpu_ms for w in bare_windows)

    floor = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--floor-window"],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]},
        ).stdout
    )

    print(
        f"database: {db.describe(args.url)} — {total:,} cases (shown as “{count_text}”); "
        f"Qt + ipdesk import and app: {(app_ready - started) * 1000:.0f} ms; "
        f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print(
        f"{'operation (ms)':<52}{'first':>8} {'median':>8} {'GUI CPU':>8} {'SQL floor':>10} "
        f"{'ratio':>7} {'goal':>6}"
    )
    for name, figure in rows_figures.items():
        if name in hits:
            figure.name = f"{name} → {hits[name]} cases"
        print(figure.line())
        if name in all_figures:
            print(all_figures[name].line())
    print(
        f"alongside a new list: the organisation tree's SQL (widget._load_org), "
        f"{statistics.median(side):.1f} ms replayed"
    )
    print("the GUI thread's CPU time of a new list widget (medians):")
    for name, values in phases.items():
        print(f"  {name:<64}{median_of(values):>6.1f} ms")
    print(
        f"repaint of {shown} visible rows (warm, GUI-thread CPU): {ours:.1f} ms; the same "
        f"cells in a bare QTableView + QStandardItemModel: {theirs:.1f} ms "
        f"(ratio {ours / theirs:.1f}x)"
    )
    print("against the SQL floor plus Qt's own repaint of the same cells (bare table, warm):")
    for figure in rows_figures.values():
        if figure.name.startswith(("first rows", "search")):
            median = median_of(figure.times)
            bound = median_of(figure.floors) + theirs
            print(
                f"  {figure.name:<50}{median:>8.1f} ms, floor {bound:.1f} ms "
                f"(ratio {median / bound:.1f}x; goal {TARGET_MS:.0f} ms)"
            )
    print(
        f"a new bare window (QTableView + QStandardItemModel) with the same cells, to its "
        f"first paint: {new_window:.1f} ms (GUI-thread CPU {new_window_cpu:.1f} ms)"
    )
    print(
        f"bare window: first paint {floor['first_paint_ms']:.1f} ms, "
        f"Qt import and app {floor['import_and_app_ms']:.0f} ms"
    )
    for name, (size, enc, dec) in (("ints (base64)", compact), ("a JSON list", as_list)):
        print(
            f"ids snapshot of {len(snapshot):,} cases on the wire as {name}: "
            f"{size / 1e6:.1f} MB, encoded in {enc:.0f} ms, decoded in {dec:.0f} ms"
        )
    print(
        f"peak memory: {main_peak:.0f} MB (bare PySide6 window: {floor['peak_mb']:.0f} MB; "
        f"ratio {main_peak / floor['peak_mb']:.1f}x; target {TARGET_MB:.0f} MB)"
    )
    QThreadPool.globalInstance().waitForDone()
    close_replay()
    engine.dispose()


if __name__ == "__main__":
    main()
