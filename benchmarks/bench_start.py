"""Start-up of the real ``ipdesk`` process against its floor, measured in the same run.

    .venv/bin/python benchmarks/bench_start.py --url sqlite:////tmp/m1.sqlite3
    .venv/bin/python benchmarks/bench_start.py --url ... --user city --repeat 7
    .venv/bin/python benchmarks/bench_start.py --url ... --root /tmp/old-tree   # an older tree
    .venv/bin/python benchmarks/bench_start.py --url ... --against /tmp/old-tree  # both

Each round starts, one after the other:

* **ipdesk**: ``ipdesk.app.main`` with ``--database-url URL --user USER`` (the password
  from ``--password``, default the demo password), through a small launcher that notes
  the wall-clock time of the main window's first paint and of its first page filled (the
  work list's ``loaded``; else the window's ``settled``), with the number of modules
  imported by then, and quits;
* **floor**: a bare PySide6 ``QMainWindow`` that also imports SQLAlchemy's ORM and opens
  the same database (an engine, a connection, the schema version read), to its first
  paint.

With ``--against`` an older tree's ipdesk runs in each round too, after the same floor (on a
busy machine, floors of separate runs differ by a third).

All run offscreen with a fresh settings folder (no saved geometry, no daily backup
folder of the user's); times are from just before the process is spawned. Printed: the
median of ``--repeat`` rounds (min in brackets), the ratio to the floor, and the goals of
issue 18: first paint within 1.5x the floor, the first page filled at most 0.5 s later.
Also the CPU time each process used to its first paint (``time.process_time``: every
thread's, the password check's and the background loads' too), and its GUI thread's alone
(``time.thread_time``: the imports, Qt, the window; the password check and the database's
opening run beside it): on a shared machine the wall time is mostly waiting for a core,
the CPU time much less so.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAINT_GOAL = 1.5
FILLED_GOAL_S = 0.5
DEMO_PASSWORD = "ipdesk-demo"

LAUNCH = r"""
import importlib.abc, importlib.util, json, sys, time
probe = sys.argv.pop(1)


seen = set()


def write(event):
    line = {
        "event": event,
        "time": time.time(),
        "cpu": time.process_time(),
        "main_cpu": time.thread_time(),  # written on the GUI thread
        "modules": len(sys.modules),
    }
    with open(probe, "a") as f:
        f.write(json.dumps(line) + "\n")
    seen.add(event)
    if seen >= {"painted", "filled"}:  # a small database can fill the page before the paint
        from PySide6.QtCore import QCoreApplication, QTimer

        QTimer.singleShot(0, QCoreApplication.quit)


def watch(window):
    from PySide6.QtCore import QEvent, QObject

    from ipdesk.ui.worklists import WorkListPage

    class Painted(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                write("painted")
                watched.removeEventFilter(self)
            return False

    window._probe = Painted(window)
    window.installEventFilter(window._probe)
    work = window.findChild(WorkListPage)
    if work is not None:
        work.loaded.connect(lambda *_args: write("filled"))
    else:
        window.settled.connect(lambda *_args: write("filled"))


def patch(sessions):
    opened = sessions.Sessions.open

    def open_(self, signed):
        window = opened(self, signed)
        watch(window)
        return window

    sessions.Sessions.open = open_


class Hook(importlib.abc.MetaPathFinder):
    # Sessions.open is patched when the program imports ipdesk.ui.sessions, not before:
    # importing it here would import Qt and the window's modules ahead of the program.
    def find_spec(self, name, path=None, target=None):
        if name != "ipdesk.ui.sessions":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            patch(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, Hook())
from ipdesk.app import main

sys.exit(main())
"""
TIMEOUT_S = 120.0

FLOOR = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
import sqlalchemy.orm  # noqa: F401
from sqlalchemy import create_engine, text

app = QApplication(sys.argv[:1])
engine = create_engine(sys.argv[1])
with engine.connect() as conn:
    conn.execute(text("SELECT version_num FROM alembic_version")).all()
window = QMainWindow()
window.setCentralWidget(QLabel("floor"))
window.resize(1280, 800)


class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            line = {
                "event": "painted",
                "time": time.time(),
                "cpu": time.process_time(),
                "main_cpu": time.thread_time(),
                "modules": len(sys.modules),
            }
            with open(sys.argv[2], "a") as f:
                f.write(json.dumps(line) + "\n")
            window.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False


probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def run_once(command: list[str], env: dict[str, str], probe: Path, want: str) -> dict[str, dict]:
    """Start ``command``, wait for the ``want`` event in ``probe`` (or the process's end);
    the events seen, each with ``seconds`` since the spawn."""
    probe.unlink(missing_ok=True)
    started = time.time()
    process = subprocess.Popen(  # not in a source tree: ipdesk from --root or installed
        command,
        env=env,
        cwd=probe.parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    events: dict[str, dict] = {}
    try:
        while time.time() - started < TIMEOUT_S:
            if probe.exists():
                for line in probe.read_text(encoding="utf-8").splitlines():
                    event = json.loads(line)
                    event["seconds"] = event["time"] - started
                    events[event["event"]] = event
            if {want, "painted"} <= set(events) or process.poll() is not None:
                break
            time.sleep(0.01)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # e.g. an older tree's backup still copying
            process.kill()
            process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    if want not in events:
        error = process.stderr.read() if process.stderr else ""
        raise SystemExit(f"{command[1:3]}: no '{want}' event ({sorted(events)}): {error[-800:]}")
    return events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="database URL (a large demo)")
    parser.add_argument("--user", default="city")
    parser.add_argument("--password", default=DEMO_PASSWORD)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--root", type=Path, default=None, help="run ipdesk from this tree")
    parser.add_argument(
        "--against",
        type=Path,
        default=None,
        help="also run ipdesk from this (older) tree in each round, against the same floor",
    )
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="bench-start-"))
    probe = home / "probe.jsonl"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "IPDESK_PASSWORD": args.password,
    }
    # An installed program runs from compiled modules (pip writes them): a shell with
    # PYTHONDONTWRITEBYTECODE would make every round compile ipdesk's sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    here = Path(__file__).resolve().parents[1]
    trees = {"ipdesk": args.root}
    if args.against is not None:
        trees = {"older tree": args.against, **trees}
    envs = {}
    for label, tree in trees.items():
        envs[label] = {**env, "PYTHONPATH": str(tree)} if tree is not None else env
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str((tree or here) / "ipdesk")],
            check=True,
            env=envs[label],
        )
    app = [
        sys.executable,
        "-c",
        LAUNCH,
        str(probe),
        "--database-url",
        args.url,
        "--user",
        args.user,
    ]
    floor = [sys.executable, "-c", FLOOR, args.url, str(probe)]

    for label in trees:  # warm the page cache and the settings folder
        run_once(app, envs[label], probe, "filled")
    floors: list[float] = []
    floor_cpu: list[float] = []
    floor_main_cpu: list[float] = []
    floor_modules = 0
    painted: dict[str, list[float]] = {label: [] for label in trees}
    painted_cpu: dict[str, list[float]] = {label: [] for label in trees}
    painted_main_cpu: dict[str, list[float]] = {label: [] for label in trees}
    filled: dict[str, list[float]] = {label: [] for label in trees}
    after: dict[str, list[float]] = {label: [] for label in trees}
    modules: dict[str, int] = {}
    for _ in range(args.repeat):
        events = run_once(floor, env, probe, "painted")
        floors.append(events["painted"]["seconds"])
        floor_cpu.append(events["painted"]["cpu"])
        floor_main_cpu.append(events["painted"].get("main_cpu", 0.0))
        floor_modules = events["painted"]["modules"]
        for label in trees:
            events = run_once(app, envs[label], probe, "filled")
            painted[label].append(events["painted"]["seconds"])
            painted_cpu[label].append(events["painted"]["cpu"])
            painted_main_cpu[label].append(events["painted"].get("main_cpu", 0.0))
            filled[label].append(events["filled"]["seconds"])
            after[label].append(events["filled"]["seconds"] - events["painted"]["seconds"])
            modules[label] = events["painted"]["modules"]

    def show(values: list[float]) -> str:
        return f"{statistics.median(values):7.3f} s (min {min(values):.3f})"

    floor_s = statistics.median(floors)
    print(f"ipdesk start, {args.repeat} rounds, --user {args.user}: {args.url}")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"floor: bare QMainWindow + SQLAlchemy ORM + database opened, to first paint "
        f"{show(floors)}  ({floor_modules} modules)"
    )
    print(f"floor's CPU time (all its threads) to first paint  {show(floor_cpu)}")
    print(f"floor's CPU time (its GUI thread) to first paint   {show(floor_main_cpu)}")
    for label, tree in trees.items():
        if len(trees) > 1:
            print(f"-- {label}: {tree or here}")
        paint_ratio = statistics.median(painted[label]) / floor_s
        print(
            f"start -> first painted main window             {show(painted[label])}  "
            f"ratio {paint_ratio:.2f}x  (goal <= {PAINT_GOAL}x)  ({modules[label]} modules)"
        )
        print(
            f"CPU time (all threads) to first paint          {show(painted_cpu[label])}  "
            f"ratio {statistics.median(painted_cpu[label]) / statistics.median(floor_cpu):.2f}x"
        )
        main_ratio = statistics.median(painted_main_cpu[label]) / statistics.median(floor_main_cpu)
        print(
            f"CPU time (GUI thread) to first paint           {show(painted_main_cpu[label])}  "
            f"ratio {main_ratio:.2f}x"
        )
        print(
            f"start -> first page filled                     {show(filled[label])}  "
            f"ratio {statistics.median(filled[label]) / floor_s:.2f}x"
        )
        print(
            f"first paint -> first page filled               {show(after[label])}  "
            f"(goal <= {FILLED_GOAL_S} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
