"""Network mode: a desktop that works through ``ipdesk-server`` instead of a database.

The server's address and the deployment's CA file come from the command line
(``ipdesk --server https://host:8443 --server-ca ca.pem``) or from the first-start wizard's
settings (``database/kind`` = ``server``, ``server/url``, ``server/ca_file``).
:func:`open_gate` checks that the server answers (its certificate verified) and returns
the gate whose desks talk to it (:class:`ipdesk.ui.desk.RemoteGate`); an unreachable
server is told in one message, not a traceback.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QMessageBox

from ipdesk import db
from ipdesk.services.errors import ServiceError
from ipdesk.ui.desk import Desk, RemoteGate, open_remote_gate, refusal_of
from ipdesk.ui.sessions import Sessions
from ipdesk.ui.settings import keys

translate = QCoreApplication.translate

FAILED = 1


@dataclass(frozen=True)
class Server:
    url: str
    ca_file: str | None


def server_of(args: argparse.Namespace, settings: QSettings) -> Server | None:
    """The server this run works through: ``--server`` (with ``--server-ca``), else the one
    the first-start wizard stored, unless the command line names a database (or asks for
    the demo, or for the wizard again)."""
    given = getattr(args, "server", None)
    if given:
        return Server(given, getattr(args, "server_ca", None) or None)
    if args.database_url or os.environ.get(db.ENV_URL) or args.demo or args.setup:
        return None
    if keys.read_str(settings, keys.DATABASE_KIND) != keys.SERVER:
        return None
    url = keys.read_str(settings, keys.SERVER_URL)
    if not url:
        return None
    return Server(url, keys.read_str(settings, keys.SERVER_CA_FILE) or None)


def open_gate(server: Server, *, interactive: bool) -> RemoteGate | int:
    """The gate to ``server`` once it answered; FAILED after telling why it did not."""
    try:
        return open_remote_gate(server.url, server.ca_file)
    except (ServiceError, OSError) as exc:  # unreachable, a refused certificate, no CA file
        text = refusal_of(exc).text
        if interactive:
            QMessageBox.critical(
                None,
                translate("network", "ipdesk server"),
                translate("network", "The ipdesk server at {0} cannot be used:\n{1}").format(
                    server.url, text
                ),
            )
        return FAILED


def sign_out_when_the_server_ends_it(sessions: Sessions) -> None:
    """When the server ends a session (its token expired, the user was disabled), the
    user's window signs out as File → Sign out does: the sign-in dialog comes next."""

    def opened(window: QObject) -> None:
        sign_out = getattr(window, "sign_out_requested", None)
        for desk in window.findChildren(Desk):
            if sign_out is not None:
                desk.session_ended.connect(sign_out)

    sessions.window_opened.connect(opened)
