"""Hostile input against every ``ipdesk-admin`` command (found in ``build_parser()`` when
the tests are collected, so commands added later are tried too).

For each command hypothesis takes a valid-looking command line and makes exactly one thing
in it malformed: an argument of the wrong type, an impossible date (2026-02-30), a huge
string, control characters, emoji, SQL-looking text, text in the wrong encoding (as
``sys.argv`` carries undecodable bytes), a file that is not what it should be (not CSV,
xlsx, docx or a backup; empty; binary; UTF-16; Latin-1; a directory; missing), an output
path that cannot be written, an unknown option, a database URL that is not one. Each
must exit non-zero with exactly one line on stderr and no traceback, and change nothing:
every table of a freshly seeded database and every file of the working folder are the
same afterwards.

Defects found in other people's commands are covered by the regression tests
at the end (and those inputs are left out of the property tests, so the properties hold
for everything else). The examples are derandomized: every run tries the same ones, so the
suite is a stable gate; raise ``max_examples`` locally to explore further.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import re
import shutil
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, MetaData, select, text
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.cli import build_parser, main
from ipdesk.models import Role
from ipdesk.paths import RESOURCES_DIR
from ipdesk.services.infra import backup as bk
from ipdesk.services.rules import identifiers as ids
from tests.helpers.cli_admin import sign_in_as_admin
from tests.helpers.factories import make_case, make_user, seed

# --------------------------------------------------------------------------- the commands


def _leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for action in subs:
        for name, sub in action.choices.items():
            yield from _leaves(sub, (*path, name))


COMMANDS = {" ".join(path): parser for path, parser in _leaves(build_parser())}


@dataclass(frozen=True)
class Arg:
    dest: str
    option: str | None  # None: positional
    type: Any
    choices: tuple[str, ...] | None
    required: bool
    role: str


# What an argument is, where its type does not say: "lookup" names something that must
# exist, "new_key" a new identifier, "new_text" free text of a new record, "phone",
# "in_file", "out_file", "in_dir".
ROLES: dict[tuple[str, str], str] = {
    ("case show", "number"): "lookup",
    ("case list", "office"): "lookup",
    ("case list", "station"): "lookup",
    ("user add", "username"): "new_key",
    ("user add", "name"): "new_text",
    ("user add", "office"): "lookup",
    ("user add", "station"): "lookup",
    ("user add", "phone"): "phone",
    ("user disable", "username"): "lookup",
    ("user enable", "username"): "lookup",
    ("user reset-password", "username"): "lookup",
    ("render", "case"): "lookup",
    ("render", "out"): "out_file",
    ("render", "forms"): "in_dir",
    ("templates check", "forms"): "in_dir",
    ("templates preview", "out"): "out_file",
    ("templates preview", "forms"): "in_dir",
    ("templates pages", "forms"): "in_dir",
    ("files import-local", "attachments"): "in_dir",
    ("files import-local", "documents"): "in_dir",
    ("backup", "file"): "out_file",
}

# Commands that open the database (a broken --database-url must be refused by them).
DB_COMMANDS = {
    "init", "import-org", "org", "demo", "deadline", "case list", "case show", "import-cases",
    "user add", "user list", "user disable", "user enable", "user reset-password", "scan",
    "holidays show", "holidays import", "render", "audit verify", "backup", "restore",
    "summary rebuild", "summary verify", "files verify", "files import-local", "user show",
    "migrate", "db roles", "audit anchor",
}  # fmt: skip


def _args(name: str) -> list[Arg]:
    found = []
    for action in COMMANDS[name]._actions:
        if isinstance(action, argparse._HelpAction) or action.nargs == 0:
            continue
        option = max(action.option_strings, key=len) if action.option_strings else None
        choices = tuple(str(c) for c in action.choices) if action.choices else None
        kind = ROLES.get((name, action.dest))
        if kind is None:
            if choices:
                kind = "choice"
            elif action.type is Path and action.dest in ("out", "output"):
                kind = "out_file"
            elif action.type is Path:
                kind = "in_file"
            elif action.type not in (None, str):
                kind = "typed"
            else:
                kind = "lookup"
        found.append(Arg(action.dest, option, action.type, choices, action.required, kind))
    return found


# --------------------------------------------------------------------------- hostile values


def _undecodable(text_: str, encoding: str) -> str:
    """``text_`` encoded in ``encoding`` as sys.argv carries it on a UTF-8 system."""
    return text_.encode(encoding).decode("utf-8", "surrogateescape")


HOSTILE_TEXT = [
    "2026-02-30", "2026-13-01", "0000-00-00", "2026-2-3", "20260230", "2026-02-29",
    "9999-99-99T99:99", "2026-02-30T25:61", "-1", "0", "1e9", "NaN", "inf", "0x10", "3.5",
    "99999999999999999999999999", "'; DROP TABLE cases; --", "' OR '1'='1",
    "Robert'); DROP TABLE users;--", "%' AND 1=1 --", "1; SELECT pg_sleep(10)",
    "\x1b[31mred\x1b[0m", "a\tb", "\u202egnp.exe", "\ufeffTL01", "\u200b", "\x07\x08",
    "😀", "👨‍👩‍👧‍👦" * 20, "𠀀𠀁𪚥", "Ω≈ç√∫",
    "A" * 100_000, "长" * 20_000, " ", "../../../../etc/passwd", "%s%s%s%n", "{0}{1}",
    "${jndi:ldap://x}", "<script>alert(1)</script>", "NULL", "null", "[]",
]  # fmt: skip
"""Values no argument of any command should accept."""

UNDECODABLE = [_undecodable("张三", "gbk"), _undecodable("café", "latin-1"), "\udcff\udcfe"]
"""Bytes that are not UTF-8, as Python puts them into sys.argv (surrogate escapes)."""

NEWLINES = ["line1\nline2", "TL01\n", "\r\n"]

BAD_URLS = [
    "not a url",
    "💥://x",
    "postgresql+psycopg://hacker:s3cret-pw@127.0.0.1:1/none",
    "sqlite:",
]
"""(An empty URL means the default database, by design; a URL of a database ipdesk does
not support is covered by a regression test.)"""

BAD_PASSWORDS = ["", "short", "1234567890123", "x" * 300]


def _date_like() -> st.SearchStrategy[str]:
    return st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 9999),
        st.integers(0, 99),
        st.integers(0, 99),
    )


def _rejects(func: Any, value: str) -> bool:
    if func is None or func is str:
        return True
    try:
        func(value)
    except (argparse.ArgumentTypeError, TypeError, ValueError):
        return True
    except Exception:  # an unexpected exception: keep it and see how the command copes
        return True
    return False


def _one_line(value: str) -> bool:
    return "\n" not in value and "\r" not in value


def _text(undecodable: bool = False) -> st.SearchStrategy[str]:
    """Hostile text. Line breaks are covered by the regression tests (the commands echo the
    value into their one-line message); so are undecodable bytes where a command looks
    the value up in the database."""
    pool = HOSTILE_TEXT + (UNDECODABLE if undecodable else [])
    return st.sampled_from(pool) | _date_like() | st.text(min_size=1, max_size=40).filter(_one_line)


# --------------------------------------------------------------------------- files


def _ledger_row(**changes: str) -> str:
    rng = random.Random(7)
    row = {
        "received": "2026-03-02",
        "station": "TL01-S01",
        "ip_type": "商标",
        "right_number": ids.make_trademark_number(rng),
        "applicant_name": "王伟",
        "applicant_id": ids.make_resident_id(rng, "150502"),
        "respondent_name": "通辽市草原食品有限公司",
        "respondent_id": ids.make_uscc(rng, "150502"),
        "facts": "被申请人销售假冒商品。",
        "claim": "停止侵权。",
    } | changes
    header = ",".join(row)
    return header + "\n" + ",".join(f'"{v}"' for v in row.values()) + "\n"


def _files(folder: Path) -> dict[str, Path]:
    """Input files no command should accept, written into ``folder``."""
    folder.mkdir()
    rng = random.Random(1)
    contents: dict[str, bytes] = {
        "empty.csv": b"",
        "garbage.csv": bytes(rng.randrange(256) for _ in range(3000)),
        "picture.xlsx": b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(500)),
        "text.xlsx": "这不是表格".encode(),
        "text.docx": b"plain text, not a document",
        "utf16.csv": "代码,名称\nTL01,测试\n".encode("utf-16"),
        "latin1.csv": b"code,name\nTL\xe901,caf\xe9\n",
        "nul.csv": b"code,name\nTL01,\x00\x00\x00\n",
        "huge-line.csv": b"code,name\nTL01," + "长".encode() * 700_000 + b"\n",
        "sql.csv": b"code,name\n'; DROP TABLE offices; --,x\n",
        "bad-date.csv": "date,type,name\n2026-02-30,rest,元旦\n".encode(),
        "bad-type.csv": "date,type,name\n2026-01-01,maybe,元旦\n".encode(),
        "ledger-bad-date.csv": _ledger_row(received="2026-02-30").encode(),
        "ledger-bad-id.csv": _ledger_row(applicant_id="😀' OR 1=1").encode(),
        "ledger-bad-station.csv": _ledger_row(station="'; DROP TABLE cases; --").encode(),
        "ledger-gbk-as-utf16.csv": _ledger_row().encode("utf-16-le"),
        "offices-emoji.csv": "code,name\n😀,某所\n".encode(),
        "stations-orphan.csv": "code,name,office\nXX-S01,某站,XX\n".encode(),
        "stations-dupe.csv": "code,name,office\nTL01-S01,甲,TL01\nTL01-S01,乙,TL01\n".encode(),
    }
    files: dict[str, Path] = {}
    for name, data in contents.items():
        path = folder / name
        path.write_bytes(data)
        files[name] = path
    with zipfile.ZipFile(folder / "docx-as.xlsx", "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    files["docx-as.xlsx"] = folder / "docx-as.xlsx"
    with zipfile.ZipFile(folder / "zip-as.csv", "w") as z:
        z.writestr("a.csv", "code,name\n")
    files["zip-as.csv"] = folder / "zip-as.csv"
    (folder / "a-directory.csv").mkdir()
    files["a-directory.csv"] = folder / "a-directory.csv"
    files["missing.csv"] = folder / "missing.csv"
    return files


def _dirs(folder: Path) -> dict[str, Path]:
    """Template folders no command should accept."""
    folder.mkdir()
    empty = folder / "empty"
    empty.mkdir()
    junk = folder / "junk"
    junk.mkdir()
    for name in ("acceptance_notice", "closing_notice", "mediation_agreement"):
        (junk / f"{name}.docx").write_bytes(b"not a docx")
    a_file = folder / "a-file"
    a_file.write_text("x")
    return {"empty": empty, "junk": junk, "a-file": a_file, "missing": folder / "missing"}


def _out_paths(folder: Path) -> dict[str, Path]:
    """Output paths that cannot be written (or must not be: an existing backup)."""
    existing = folder / "existing.docx"
    existing.write_bytes(b"keep me")
    return {
        "no-such-dir": folder / "no" / "such" / "dir" / "out.docx",
        "a-directory": folder,
        "too-long": folder / ("长" * 100 + ".docx"),
        "wrong-suffix": folder / "out.txt",
        "existing": existing,
    }


# --------------------------------------------------------------------------- the database


@dataclass
class World:
    url: str
    engine: Engine
    work: Path  # every file a command may read or write lives here
    files: dict[str, Path]
    dirs: dict[str, Path]
    outs: dict[str, Path]
    case_number: str
    username: str


@pytest.fixture
def world(
    database_url: str,
    engine: Engine,
    session_factory: sessionmaker[Session],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> World:
    # Whatever a command line says, the user's own database is never touched.
    monkeypatch.setenv("IPDESK_DATABASE_URL", database_url)
    sign_in_as_admin(monkeypatch, database_url)  # ipdesk-admin signs in (issue 17)
    with session_factory.begin() as s:
        seed(s)
        make_user(s, Role.MEDIATOR, office="TL01", username="existing-user")
        number = make_case(s).number
    work = tmp_path / "work"
    work.mkdir()
    for name in ("offices.csv", "stations.csv"):
        shutil.copyfile(RESOURCES_DIR / "org" / name, work / name)
    return World(
        database_url,
        engine,
        work,
        _files(work / "in"),
        _dirs(work / "forms"),
        _out_paths(work),
        number,
        "existing-user",
    )


_METADATA: dict[str, MetaData] = {}


def fingerprint(engine: Engine) -> str:
    """A hash of every row of every table (and the schema revision)."""
    digest = hashlib.sha256()
    with engine.connect() as conn:
        key = engine.url.render_as_string()
        metadata = _METADATA.get(key) or _METADATA.setdefault(key, bk._reflect(conn))
        for table in metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            digest.update(table.name.encode())
            for row in conn.execute(select(table).order_by(*order)):
                digest.update(repr(tuple(row)).encode())
        digest.update(repr(conn.execute(text("SELECT * FROM alembic_version")).all()).encode())
    return digest.hexdigest()


def listing(folder: Path) -> list[tuple[str, int, float]]:
    return sorted(
        (str(p.relative_to(folder)), p.stat().st_size if p.is_file() else -1, p.stat().st_mtime)
        for p in folder.rglob("*")
    )


# --------------------------------------------------------------------------- command lines


def _base(name: str, w: World) -> dict[str, str]:
    """A valid-looking value for each argument the command line always carries."""
    org = {"offices": str(w.work / "offices.csv"), "stations": str(w.work / "stations.csv")}
    new_user = {"username": "new-user", "name": "新用户", "role": "mediator", "office": "TL01"}
    render = {"kind": "acceptance_notice", "case": w.case_number, "out": str(w.work / "o.docx")}
    values = {
        "import-org": org,
        "demo": {"cases": "1"},
        "deadline": {"start": "2026-03-02"},
        "case show": {"number": w.case_number},
        "user add": new_user,
        "user disable": {"username": w.username},
        "user enable": {"username": w.username},
        "user reset-password": {"username": w.username},
        "holidays show": {"year": "2026"},
        "render": render,
        "templates preview": {"kind": "acceptance_notice", "out": str(w.work / "p.docx")},
        "backup": {"file": str(w.work / "new.backup")},
        "report": {"out": str(w.work / "report.xlsx")},
    }.get(name, {})
    for arg in _args(name):
        if arg.required and arg.dest not in values:
            values[arg.dest] = _guess(arg, w)
    return dict(values)


def _guess(arg: Arg, w: World) -> str:
    """A plausible value for a required argument of a command this file does not know."""
    if arg.choices:
        return arg.choices[0]
    if arg.role == "in_file":
        return str(w.work / "offices.csv")
    if arg.role == "out_file":
        return str(w.work / "out.bin")
    candidates = ["2026-03-02", "1", "2026", "2026-03-02T09:00", "2026-03-02:2026-03-05", "TL01"]
    for value in candidates:
        if not _rejects(arg.type, value):
            return value
    return "TL01"


def _command_line(name: str, w: World, values: dict[str, str], extra: list[str]) -> list[str]:
    argv = list(name.split(" "))
    positionals = []
    for arg in _args(name):
        if arg.dest not in values:
            continue
        value = values[arg.dest]
        if arg.option is None:
            positionals.append(value)
        else:
            argv.append(f"{arg.option}={value}")
    if name in ("user add", "user reset-password"):
        argv.append("--password-stdin")
    return [*argv, *positionals, *extra]


@dataclass(frozen=True)
class Mutation:
    """One malformed thing: an argument's value, the database URL, an extra word, or the
    password on stdin."""

    target: str  # an argument's dest, "__url__", "__extra__", "__password__"
    value: str


# Hostile files, folders and output paths left out for one argument (pinned below, or not
# hostile there: a command with --out may create folders and overwrite a file).
EXCLUDE: dict[tuple[str, str], set[str]] = {
    ("templates check", "forms"): {"empty", "junk"},
    ("templates preview", "forms"): {"a-file"},
    # folders of files to import: an empty one, or one of other files, imports nothing
    ("files import-local", "attachments"): {"empty", "junk"},
    ("files import-local", "documents"): {"empty", "junk"},
}
_OVERWRITING = {"no-such-dir", "existing"}


def _named(paths: dict[str, Path], leave_out: set[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(str(p) for n, p in paths.items() if n not in leave_out))


def _value_strategy(name: str, arg: Arg, w: World) -> st.SearchStrategy[str]:
    role = arg.role
    leave_out = EXCLUDE.get((name, arg.dest), set())
    if role == "choice":
        choices = arg.choices or ()
        return _text(undecodable=True).filter(lambda v: v not in choices)
    if role == "typed":
        return _text(undecodable=True).filter(lambda v: _rejects(arg.type, v))
    if role == "in_file":
        return _named(w.files, leave_out)
    if role == "in_dir":
        return _named(w.dirs, leave_out)
    if role == "out_file":
        if name == "backup":
            return _named(w.outs, leave_out | {"wrong-suffix"})  # any name will do
        return _named(w.outs, leave_out | _OVERWRITING)
    if role == "new_key":
        pattern = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
        return _text().filter(lambda v: not pattern.match(v.strip().lower()))
    if role == "new_text":
        return st.sampled_from(["\x1b[31m张三", "张\x07三", " ", "长" * 5000, "A" * 100_000])
    if role == "phone":
        return st.sampled_from(["😀", "'; DROP TABLE users; --", "电话", "1" * 100_000])
    # lookup: nothing of that name exists
    existing = {w.case_number, w.username, "TL01", "TL01-S01"}
    return _text().filter(lambda v: v.strip() not in existing)


def mutations(name: str, w: World) -> st.SearchStrategy[Mutation]:
    options: list[st.SearchStrategy[Mutation]] = [
        st.builds(Mutation, st.just("__extra__"), st.sampled_from(["--no-such-option", "surplus"]))
    ]
    for arg in _args(name):
        if (name, arg.dest) in SKIP:
            continue
        options.append(st.builds(Mutation, st.just(arg.dest), _value_strategy(name, arg, w)))
    if name in DB_COMMANDS:
        options.append(st.builds(Mutation, st.just("__url__"), st.sampled_from(BAD_URLS)))
    if name in ("user add", "user reset-password"):
        options.append(st.builds(Mutation, st.just("__password__"), st.sampled_from(BAD_PASSWORDS)))
    return st.one_of(options)


def apply(name: str, w: World, mutation: Mutation) -> tuple[list[str], str]:
    """The whole argv and the text on stdin."""
    values = _base(name, w)
    extra: list[str] = []
    url = w.url
    password = "a-good-password-1"
    if mutation.target == "__extra__":
        extra.append(mutation.value)
    elif mutation.target == "__url__":
        url = mutation.value
    elif mutation.target == "__password__":
        password = mutation.value
    else:
        values[mutation.target] = mutation.value
    return ["--database-url", url, *_command_line(name, w, values, extra)], password + "\n"


@dataclass(frozen=True)
class Outcome:
    code: int | str | None
    out: str
    err: str


def run(argv: list[str], stdin: str, capsys: pytest.CaptureFixture[str]) -> Outcome:
    capsys.readouterr()
    # As on a terminal: undecodable input is shown escaped on stderr, not refused.
    sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code: int | str | None = main(argv)
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.stdin = saved
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def check_refused(
    w: World, argv: list[str], stdin: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before, files_before = fingerprint(w.engine), listing(w.work)
    outcome = run(argv, stdin, capsys)
    shown = [a if len(a) < 80 else a[:60] + f"…({len(a)})" for a in argv[2:]]
    assert outcome.code not in (0, None), f"accepted: {shown}"
    assert "Traceback" not in outcome.err, shown
    assert outcome.err.endswith("\n") and outcome.err.count("\n") == 1, (shown, outcome.err[:500])
    assert "s3cret-pw" not in outcome.err + outcome.out
    assert fingerprint(w.engine) == before, f"the database changed: {shown}"
    assert listing(w.work) == files_before, f"files changed: {shown}"


# --------------------------------------------------------------------------- the properties

# (command, argument) pairs whose hostile values are covered by the regression tests below
# instead of being drawn by the property tests.
SKIP: set[tuple[str, str]] = {
    ("user add", "phone"),
    ("user add", "name"),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_refuses_hostile_input(
    name: str, world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    @settings(
        max_examples=8,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(mutation=mutations(name, world))
    def refused(mutation: Mutation) -> None:
        argv, stdin = apply(name, world, mutation)
        check_refused(world, argv, stdin, capsys)

    refused()


def test_every_command_is_covered() -> None:
    """The parser still has the commands of the contract, and every command has ways to be
    malformed that the property test draws from."""
    assert len(COMMANDS) >= 20
    assert {"init", "audit verify", "backup", "restore", "case show"} <= set(COMMANDS)
    for name in COMMANDS:
        assert _args(name) or name in DB_COMMANDS or name == "init", name


# --------------------------------------------------------------------------- defects found
# Each case below was a defect found by the property tests, now fixed; they stay as
# regression tests. They lie in the command-line and service layers, the same on both
# databases, so they run on SQLite only.

sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _present(cases: list[tuple[str, str, str]]) -> list[Any]:
    return [
        pytest.param(*case, id=f"{case[0]}-{case[1]}")
        for case in cases
        if (case[0] in COMMANDS and any(a.dest == case[1] for a in _args(case[0])))
        or (case[1].startswith("__") and case[0] in COMMANDS)
    ]


NEWLINE_ECHO = [
    ("deadline", "start", "2026-03-02\n2026-03-03"),
    ("demo", "today", "line1\nline2"),
    ("scan", "now", "line1\nline2"),
    ("holidays show", "year", "2026\n"),
    ("case show", "number", "TL01-2026-00009\nforged line"),
    ("case list", "office", "TL99\nforged line"),
    ("user disable", "username", "nobody\nforged line"),
]


@pytest.mark.parametrize(("name", "target", "value"), _present(NEWLINE_ECHO))
@sqlite_only
def test_a_line_break_in_a_value_makes_two_lines(
    world: World, capsys: pytest.CaptureFixture[str], name: str, target: str, value: str
) -> None:
    argv, stdin = apply(name, world, Mutation(target, value))
    check_refused(world, argv, stdin, capsys)


UNDECODABLE_LOOKUPS = [
    ("case show", "number", UNDECODABLE[0]),
    ("case list", "office", UNDECODABLE[1]),
    ("user disable", "username", UNDECODABLE[2]),
    ("render", "case", UNDECODABLE[0]),
]


@pytest.mark.parametrize(("name", "target", "value"), _present(UNDECODABLE_LOOKUPS))
@sqlite_only
def test_undecodable_bytes_in_a_lookup(
    world: World, capsys: pytest.CaptureFixture[str], name: str, target: str, value: str
) -> None:
    argv, stdin = apply(name, world, Mutation(target, value))
    check_refused(world, argv, stdin, capsys)


@pytest.mark.parametrize("name", [n for n in ("org", "init") if n in COMMANDS])
@sqlite_only
def test_unsupported_database_url(
    world: World, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    argv, stdin = apply(name, world, Mutation("__url__", "mysql://nobody@localhost/none"))
    check_refused(world, argv, stdin, capsys)


@pytest.mark.parametrize("folder", ["empty", "junk"])
@sqlite_only
def test_templates_check_of_a_folder_without_templates(
    world: World, capsys: pytest.CaptureFixture[str], folder: str
) -> None:
    if "templates check" not in COMMANDS:
        pytest.skip("no templates check command")
    argv, stdin = apply("templates check", world, Mutation("forms", str(world.dirs[folder])))
    check_refused(world, argv, stdin, capsys)


@sqlite_only
def test_templates_preview_with_a_file_as_forms_folder(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    if "templates preview" not in COMMANDS:
        pytest.skip("no templates preview command")
    argv, stdin = apply("templates preview", world, Mutation("forms", str(world.dirs["a-file"])))
    check_refused(world, argv, stdin, capsys)


@pytest.mark.parametrize("phone", ["😀", "'; DROP TABLE users; --"])
@sqlite_only
def test_user_add_accepts_a_malformed_phone(
    world: World, capsys: pytest.CaptureFixture[str], phone: str
) -> None:
    argv, stdin = apply("user add", world, Mutation("phone", phone))
    check_refused(world, argv, stdin, capsys)


@pytest.mark.parametrize("display_name", ["\x1b[31m张三", "张\x07三"])
@sqlite_only
def test_user_add_accepts_control_characters_in_the_name(
    world: World, capsys: pytest.CaptureFixture[str], display_name: str
) -> None:
    argv, stdin = apply("user add", world, Mutation("name", display_name))
    check_refused(world, argv, stdin, capsys)
