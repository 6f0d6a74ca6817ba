"""``ipdesk-server``: the network's server, in front of PostgreSQL, over HTTPS.

    ipdesk-server --database-url-file /etc/ipdesk/database-url \\
        --certfile /etc/ipdesk/server.pem --keyfile /etc/ipdesk/server.key \\
        --host 0.0.0.0 --port 8443

The database URL (with its password) is the server's alone: from ``--database-url``,
``$IPDESK_DATABASE_URL`` or a file (``--database-url-file`` / ``$IPDESK_DATABASE_URL_FILE``,
readable by the server's account only); desktops never see it.

``--demo N`` (local trials): a fresh database (a temporary SQLite file unless a URL is given)
with the organisation, the demo users and N demo cases, and — without ``--certfile`` — a
private certificate authority made for the run: its certificate is written to
``<data dir>/ca.pem`` for the desktop to trust (``ipdesk --server https://127.0.0.1:8443
--server-ca <data dir>/ca.pem``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path

from sqlalchemy import Engine

from ipdesk import db, migrate

URL_FILE_ENV = "IPDESK_DATABASE_URL_FILE"
DEFAULT_PORT = 8443
KEEP_ALIVE_SECONDS = 120

log = logging.getLogger("ipdesk.server")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ipdesk-server", description="ipdesk's server: the services over HTTPS"
    )
    p.add_argument("--database-url", default=None, help=f"default: ${db.ENV_URL}")
    p.add_argument(
        "--database-url-file",
        type=Path,
        default=None,
        help=f"a file holding the URL (default: ${URL_FILE_ENV})",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    p.add_argument("--certfile", type=Path, default=None, help="the server's certificate (PEM)")
    p.add_argument("--keyfile", type=Path, default=None, help="its private key (PEM)")
    p.add_argument(
        "--data-dir", type=Path, default=None, help="the server's private folder (staging)"
    )
    p.add_argument("--token-hours", type=float, default=12.0, help="how long a sign-in lasts")
    p.add_argument(
        "--migrate",
        action="store_true",
        help="migrate the database first (needs the owner role; see ipdesk-admin init)",
    )
    p.add_argument(
        "--local-ca",
        action="store_true",
        help="without --certfile: a certificate from a certificate authority made now, whose "
        "certificate is written to <data dir>/ca.pem (local trials and tests only)",
    )
    p.add_argument(
        "--demo",
        type=int,
        default=None,
        metavar="N",
        help="a fresh demo database with N cases (local trials only)",
    )
    return p


def database_url(args: argparse.Namespace) -> str | None:
    if args.database_url:
        return str(args.database_url)
    if os.environ.get(db.ENV_URL):
        return os.environ[db.ENV_URL]
    path = args.database_url_file or (
        Path(os.environ[URL_FILE_ENV]) if os.environ.get(URL_FILE_ENV) else None
    )
    if path is not None:
        return path.read_text(encoding="utf-8").strip()
    return None


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    from ipdesk.server.app import Settings, create_app

    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    data_dir: Path = args.data_dir or Path(tempfile.mkdtemp(prefix="ipdesk-server-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        url = database_url(args)
    except OSError as exc:
        print(f"ipdesk-server: cannot read the database URL file: {exc}", file=sys.stderr)
        return 2
    if url is None:
        if args.demo is None:
            print(
                "ipdesk-server: no database: give --database-url, $IPDESK_DATABASE_URL or "
                "--database-url-file",
                file=sys.stderr,
            )
            return 2
        url = f"sqlite:///{data_dir / 'demo.sqlite3'}"
    certfile, keyfile = args.certfile, args.keyfile
    if (certfile is None) != (keyfile is None):
        print("ipdesk-server: give both --certfile and --keyfile", file=sys.stderr)
        return 2
    if certfile is None:
        if args.demo is None and not args.local_ca:
            print("ipdesk-server: HTTPS needs --certfile and --keyfile", file=sys.stderr)
            return 2
        certfile, keyfile = demo_certificate(data_dir, args.host)
    engine = db.make_engine(url, **_pool(url))
    if args.demo is not None:
        demo(engine, args.demo)
    elif args.migrate:
        migrate.upgrade(engine)
    if migrate.current_revision(engine) != migrate.head_revision():
        print(
            "ipdesk-server: the database is not at this version's schema "
            "(run ipdesk-admin init as the owner, or --migrate)",
            file=sys.stderr,
        )
        return 2
    log.info("Serving %s on https://%s:%s", db.describe(url), args.host, args.port)
    app = create_app(engine, Settings(token_hours=args.token_hours, data_dir=data_dir))
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=str(certfile),
        ssl_keyfile=str(keyfile),
        log_level="info",
        timeout_graceful_shutdown=5,
        # a desktop's connection stays open between a user's steps (uvicorn's 5 s default
        # closes it as the next request may be on its way: a needless error and retry)
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )
    return 0


def _pool(url: str) -> dict[str, int]:
    """Enough connections for the worker threads (40) on PostgreSQL."""
    return {"pool_size": 20, "max_overflow": 30} if url.startswith("postgresql") else {}


def demo(engine: Engine, cases: int) -> None:
    from ipdesk.demo.generator import DEMO_PASSWORD, generate
    from ipdesk.services.admin.setup import initialise
    from ipdesk.services.infra import audit

    initialise(engine)
    factory = db.make_session_factory(engine)
    audit.install(factory)
    summary = generate(factory, cases=cases, seed=1)
    log.info("Demo: %d cases; the demo users' password is %s", summary.cases, DEMO_PASSWORD)


def demo_certificate(folder: Path, host: str) -> tuple[Path, Path]:
    """A certificate for ``host`` (and localhost) signed by a CA made now; the CA's
    certificate in ``folder/ca.pem`` for the desktop to trust."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert(host, "127.0.0.1", "localhost")
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    cert.private_key_and_cert_chain_pem.write_to_path(str(folder / "server.pem"))
    log.info("Demo certificate authority: %s", folder / "ca.pem")
    return folder / "server.pem", folder / "server.pem"


if __name__ == "__main__":
    sys.exit(main())
