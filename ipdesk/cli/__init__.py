"""``ipdesk-admin``: the services, headless, for operators, administrators and cron jobs.

Everyday administration signs in as a named administrator (``--user NAME``; the password
from a prompt, ``IPDESK_ADMIN_PASSWORD`` or ``--password-file``): what it does is recorded
in the audit trail under that name. The operator commands (init, migrate, backup, restore,
db roles, demo) run on the server host with the database owner's credentials and no user;
each writes an audit record naming the operating-system user.

Bad input exits non-zero with one line on stderr naming what is wrong, and changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ipdesk import db
from ipdesk.cli import (
    audit,
    backup,
    cases,
    deadline,
    demo,
    files,
    operator_db,
    org,
    render,
    report,
    scan,
    summary,
    users,
)
from ipdesk.cli.context import ENV_PASSWORD, ENV_USER, Context
from ipdesk.cli.output import safe_stdout
from ipdesk.logging_setup import install_cli_logging
from ipdesk.services.errors import ServiceError, database_busy

EXIT_USAGE = 2
EXIT_REFUSED = 1


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {one_line(message)}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ipdesk-admin", description=__doc__)
    parser.add_argument(
        "--database-url",
        default=None,
        help=f"SQLAlchemy URL (default: ${db.ENV_URL} or the embedded database)",
    )
    parser.add_argument(
        "--user",
        default=None,
        metavar="NAME",
        help=f"the administrator to sign in as (default: ${ENV_USER}); the password from "
        f"--password-file, ${ENV_PASSWORD} or a prompt",
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="read the administrator's password from the first line of FILE",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    modules = (org, demo, deadline, cases, users, scan, render, report, audit, backup, summary)
    for module in (*modules, files, operator_db):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    install_cli_logging()  # warnings on stderr, ID and mobile numbers masked
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            parser.error(f"参数不是有效的 UTF-8 文字（请把终端设为 UTF-8）：{arg!r}")
    args = parser.parse_args(argv)
    ctx = Context(
        args.database_url or db.default_url(), user=args.user, password_file=args.password_file
    )
    try:
        with safe_stdout():  # stored names must not drive the terminal
            result: int = args.handler(args, ctx)
        return result
    except ServiceError as exc:
        _fail(str(exc))
    except OperationalError as exc:
        if database_busy(exc):
            _fail("数据库正被其他程序写入（database is locked），等了 30 秒，未作改动：请稍后重试")
        else:
            _fail(f"数据库错误：{_first_line(exc.orig or exc)}")
    except SQLAlchemyError as exc:
        _fail(f"数据库错误：{_first_line(exc)}")
    except KeyboardInterrupt:
        _fail("已中断")
    except BrokenPipeError:  # output piped into head(1) and the like
        sys.stderr.close()
        return 0
    finally:
        ctx.close()
    return EXIT_REFUSED


def _first_line(exc: object) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def one_line(message: str) -> str:
    """The message with control characters escaped, so that it stays one line (a value
    echoed into it may hold a line break, and a forged second line must not reach a log)."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in message
    )


def _fail(message: str) -> None:
    sys.stderr.write(f"ipdesk-admin: {one_line(message)}\n")
