"""Puts the feature widgets into the main window, once, after sign-in.

The main window knows nothing of cases or alerts; each feature lives in its own package
(``ipdesk/ui/cases``, ``alerts``, …) and is wired here to the window's pages, docks, menus
and shortcuts, for the signed-in actor.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSystemTrayIcon
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import paths
from ipdesk.models import Role
from ipdesk.services.actors import Actor
from ipdesk.services.documents import default_store
from ipdesk.ui.alerts.panel import AlertsPanel
from ipdesk.ui.case_import import ImportLedgerDialog
from ipdesk.ui.case_view import CaseViewDialog
from ipdesk.ui.cases import CaseListWidget
from ipdesk.ui.dashboard import DashboardWidget
from ipdesk.ui.deadlines.board import DeadlineBoardWidget
from ipdesk.ui.followups import FollowUpWorkList, edit_policy
from ipdesk.ui.intake import IntakeDialog
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.scheduler import AlertScheduler, TrayNotifier
from ipdesk.ui.settings import keys

translate = QCoreApplication.translate

_MANAGERS = (Role.OFFICE_MANAGER, Role.CITY_MANAGER, Role.ADMIN)
_ALERTED = (Role.MEDIATOR, Role.OFFICE_MANAGER, Role.CITY_MANAGER, Role.ADMIN)


def install_features(
    window: MainWindow,
    session_factory: sessionmaker[Session],
    actor: Actor,
    settings: QSettings,
) -> AlertScheduler:
    """Add the case list, intake, case view, ledger import, alerts and the deadline board
    to ``window``; start the alert scan. Returns the scheduler (shut down on quit)."""
    attachments = paths.user_data_dir() / "attachments"
    documents = default_store()
    max_bytes = keys.attachment_max_bytes(settings)

    case_list = CaseListWidget(session_factory, actor, settings=settings)
    window.add_page(case_list, translate("features", "Cases"))
    window.unit_selected.connect(case_list.set_unit)
    window.search_requested.connect(case_list.focus_search)

    def open_case(case_id: int) -> None:
        dialog = CaseViewDialog(
            session_factory,
            actor,
            case_id,
            window,
            attachment_store=attachments,
            document_store=documents,
        )
        dialog.view.case_changed.connect(lambda _id: case_list.model.reload())
        dialog.show()

    case_list.case_open_requested.connect(open_case)

    if actor.role != Role.ADMIN:  # administrators keep the system; they take no cases

        def new_case() -> None:
            dialog = IntakeDialog(
                session_factory, actor, window, store=attachments, max_attachment_bytes=max_bytes
            )
            dialog.case_registered.connect(lambda _id, _number: case_list.model.reload())
            dialog.case_open_requested.connect(open_case)
            dialog.open()

        window.new_case_requested.connect(new_case)
        import_action = QAction(translate("features", "&Import ledger…"), window)
        import_action.triggered.connect(
            lambda: ImportLedgerDialog(session_factory, actor, window).open()
        )
        window.menu("file").insertAction(window.quit_action, import_action)

    if actor.role in _MANAGERS:
        board = DeadlineBoardWidget(session_factory, actor)
        window.add_page(board, translate("features", "Deadlines"))
    if actor.role in (Role.OFFICE_MANAGER, Role.CITY_MANAGER, Role.ADMIN):
        window.add_page(DashboardWidget(session_factory, actor), translate("features", "Dashboard"))
    if actor.role in _ALERTED:
        worklist = FollowUpWorkList(session_factory, actor)
        window.add_page(worklist, translate("features", "Follow-up visits"))
    if actor.role == Role.ADMIN:
        policy_action = QAction(translate("features", "Follow-up &policy…"), window)
        policy_action.triggered.connect(lambda: edit_policy(session_factory, actor, window))
        window.menu("admin").addAction(policy_action)

    scheduler = AlertScheduler(
        session_factory,
        interval_minutes=keys.alert_scan_interval_minutes(settings),
        parent=window,
    )
    if actor.role in _ALERTED:
        panel = AlertsPanel(session_factory, actor)
        window.add_dock(panel, translate("features", "Alerts"))
        panel.case_open_requested.connect(open_case)
        scheduler.alerts_created.connect(panel.reload)
        tray = (
            QSystemTrayIcon(window.windowIcon(), window)
            if QSystemTrayIcon.isSystemTrayAvailable()
            else None
        )
        if tray is not None:
            tray.show()
        notifier = TrayNotifier(tray, window)
        scheduler.alerts_created.connect(notifier.notify)
    scheduler.start()
    return scheduler
