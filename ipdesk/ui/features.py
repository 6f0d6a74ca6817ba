"""Puts the feature widgets into the main window, once, after sign-in.

The main window knows nothing of cases or alerts; each feature lives in its own package
(``ipdesk/ui/cases``, ``alerts``, …) and is wired here to the window's pages, docks, menus
and shortcuts, for the signed-in actor. One function per feature; ``install_features``
says which features a role gets and in what order (the first page is shown at start:
the user's work list, "My work").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from ipdesk.services.capabilities import Capability, capabilities
from ipdesk.services.cases_query import CaseFilter
from ipdesk.services.limits import BoardFilter
from ipdesk.services.reports import ReportSummary
from ipdesk.ui.alerts.panel import AlertsPanel
from ipdesk.ui.case_import import ImportLedgerDialog
from ipdesk.ui.case_view import CaseViewDialog
from ipdesk.ui.cases import CaseListWidget
from ipdesk.ui.dashboard import DashboardWidget, DrillDownRequest
from ipdesk.ui.dashboard.charts import ChartPanel
from ipdesk.ui.deadlines.board import DeadlineBoardWidget, case_filter
from ipdesk.ui.desk import ChangeKind, Desk
from ipdesk.ui.followups import FollowUpWorkList, edit_policy
from ipdesk.ui.holidays import HolidayBanner, HolidayDialog
from ipdesk.ui.intake import IntakeDialog
from ipdesk.ui.main_window import MainWindow
from ipdesk.ui.operations import install_operations
from ipdesk.ui.scheduler import AlertScheduler, TrayNotifier
from ipdesk.ui.settings import keys
from ipdesk.ui.stores import FileStores
from ipdesk.ui.worklists import WorkListPage, work_list_kind

translate = QCoreApplication.translate

OpenCase = Callable[[int], None]

DONE_MESSAGE_MS = 30_000
"""How long the status bar says what was just done (a case's new number, …)."""


def install_features(
    window: MainWindow,
    desk: Desk,
    settings: QSettings,
    *,
    stores: FileStores | None = None,
    daily_backups: bool = True,
) -> AlertScheduler:
    """Add the work list, the case list, intake, case view, ledger import, the deadline
    board, the dashboard, follow-ups, holidays and alerts to ``window`` as ``actor``'s role
    has them, then the operations (:func:`ipdesk.ui.operations.install_operations`:
    consultations, agencies, templates, audit check, daily backup — off for a demo
    database with ``daily_backups=False``); start the alert scan. Evidence and documents
    go into ``stores`` (default: the user data directory). Returns the scheduler (shut
    down on quit).

    No refresh is wired here: every page follows the changes the desk broadcasts."""
    stores = stores or FileStores.default()
    may = capabilities(desk.actor)
    work = _add_work_list(window, desk)
    case_list = _add_case_list(window, desk, settings)

    open_case = case_opener(window, desk, stores)
    case_list.case_open_requested.connect(open_case)
    if work is not None:
        work.case_open_requested.connect(open_case)
        work.mediator_assigned.connect(lambda number, name: _assigned(window, number, name))

    _add_intake(window, desk, settings, stores, open_case, may)
    if Capability.DEADLINE_BOARD in may:
        _add_deadline_board(window, desk, case_list)
    if Capability.DASHBOARD in may:
        _add_dashboard(window, desk, case_list)
    if Capability.FOLLOW_UPS in may:
        worklist = FollowUpWorkList(desk)
        window.add_page(worklist, translate("features", "Follow-up visits"))
        load_when_shown(window, worklist, worklist.reload)
    if Capability.FOLLOW_UP_POLICY in may:
        policy_action = QAction(translate("features", "Follow-up &policy…"), window)
        policy_action.triggered.connect(lambda: edit_policy(desk, window))
        window.menu("admin").addAction(policy_action)

    scheduler = AlertScheduler(
        desk,
        interval_minutes=keys.alert_scan_interval_minutes(settings),
        parent=window,
    )
    # due dates moved: the alerts follow
    desk.follow(scheduler, [ChangeKind.HOLIDAYS], lambda _change: scheduler.scan_now())

    def settings_saved(changed: list[str]) -> None:
        if keys.ALERT_SCAN_INTERVAL_MINUTES in changed:
            scheduler.set_interval(keys.alert_scan_interval_minutes(settings))

    window.settings_saved.connect(settings_saved)
    if Capability.HOLIDAY_NOTICE in may:
        _add_holidays(window, desk)
    if Capability.ALERTS in may:
        _add_alerts(window, desk, scheduler, open_case)
    install_operations(
        window,
        desk,
        settings,
        open_case=open_case,
        stores=stores,
        daily_backups=daily_backups,
    )
    scheduler.start()
    return scheduler


# -- pages ----------------------------------------------------------------------------------


def load_when_shown(
    window: MainWindow, page: QWidget, load: Callable[[], None], *, every_time: bool = False
) -> None:
    """Call ``load`` when ``page`` first comes to the front (at once when it is in front
    already) — and every time it does with ``every_time``."""
    loaded = False

    def shown(widget: QWidget) -> None:
        nonlocal loaded
        if widget is page and (every_time or not loaded):
            loaded = True
            load()

    window.page_shown.connect(shown)
    if window.pages.currentWidget() is page:
        shown(page)


def _add_work_list(window: MainWindow, desk: Desk) -> WorkListPage | None:
    """The page "My work": the first page of every role that has a work list."""
    if work_list_kind(desk.actor) is None:
        return None
    work = WorkListPage(desk)
    window.add_page(work, translate("features", "My work"))
    load_when_shown(window, work, work.reload)
    return work


def _add_case_list(window: MainWindow, desk: Desk, settings: QSettings) -> CaseListWidget:
    case_list = CaseListWidget(desk, settings=settings)
    window.add_page(case_list, translate("features", "Cases"))

    def show_unit(kind: str, unit_id: int) -> None:
        case_list.set_unit(kind, unit_id)
        window.show_page(case_list)

    def find() -> None:
        window.show_page(case_list)
        case_list.focus_search()

    window.unit_selected.connect(show_unit)
    window.search_requested.connect(find)
    return case_list


def case_opener(window: MainWindow, desk: Desk, stores: FileStores) -> OpenCase:
    def open_case(case_id: int) -> None:
        dialog = CaseViewDialog(
            desk,
            case_id,
            window,
            attachment_store=stores.attachments,
            document_store=stores.documents,
        )
        dialog.view.mediator_assigned.connect(lambda number, name: _assigned(window, number, name))
        dialog.show()

    return open_case


def _add_intake(
    window: MainWindow,
    desk: Desk,
    settings: QSettings,
    stores: FileStores,
    open_case: OpenCase,
    may: frozenset[Capability],
) -> None:
    """File → New case (Ctrl+N) and File → Import ledger, as far as ``may`` allows."""

    def new_case() -> None:
        dialog = IntakeDialog(
            desk,
            window,
            store=stores.attachments,
            max_attachment_bytes=keys.attachment_max_bytes(settings),  # as set now
        )
        dialog.case_registered.connect(
            lambda _id, number: show_done(
                window, translate("features", "Case {0} registered").format(number)
            )
        )
        dialog.case_open_requested.connect(open_case)
        dialog.open()

    if Capability.REGISTER_CASES in may:
        window.new_case_requested.connect(new_case)
    else:
        window.menu("file").removeAction(window.new_case_action)
        window.new_case_action.setEnabled(False)
    if Capability.IMPORT_LEDGERS not in may:
        return

    def import_ledger() -> None:
        ImportLedgerDialog(desk, window).open()

    import_action = QAction(translate("features", "&Import ledger…"), window)
    import_action.setObjectName("import_ledger_action")
    import_action.triggered.connect(import_ledger)
    window.menu("file").insertAction(window.session_separator, import_action)


def _add_deadline_board(
    window: MainWindow, desk: Desk, case_list: CaseListWidget
) -> DeadlineBoardWidget:
    """The board's counts load whenever it is shown; a count drills down to its cases."""
    board = DeadlineBoardWidget(desk)
    window.add_page(board, translate("features", "Deadlines"))
    load_when_shown(window, board, board.reload, every_time=True)

    def drill_down(flt: BoardFilter) -> None:
        label = translate("features", "Deadline board: {0}").format(board.model.describe(flt))
        case_list.show_filter(case_filter(flt), label)
        window.show_page(case_list)

    board.drill_down_requested.connect(drill_down)
    return board


def _add_dashboard(window: MainWindow, desk: Desk, case_list: CaseListWidget) -> DashboardWidget:
    """The figures load when the page is first shown; a number drills down to its cases."""
    dashboard = DashboardWidget(desk)
    window.add_page(dashboard, translate("features", "Dashboard"))
    load_when_shown(window, dashboard, dashboard.reload)

    def drill_down(request: DrillDownRequest) -> None:
        label = translate("features", "Dashboard: {0}").format(request.label)
        case_list.show_filter(CaseFilter(case_ids=request.case_ids), label)
        window.show_page(case_list)

    dashboard.drill_down_requested.connect(drill_down)

    def exported(summary: ReportSummary) -> None:
        cases = summary.cases  # a plain name, so that lupdate collects the text
        text = translate("features", "Report of %n case(s) exported to {0}", "", cases)
        show_done(window, text.format(summary.path))

    def chart_saved(path: str) -> None:
        show_done(window, translate("features", "Chart saved to {0}").format(path))

    dashboard.exported.connect(exported)
    for chart in dashboard.findChildren(ChartPanel):
        chart.saved.connect(chart_saved)
    return dashboard


# -- messages ---------------------------------------------------------------------------------


def show_done(window: MainWindow, text: str) -> None:
    """Say in ``window``'s status bar what was just done, for a while."""
    window.statusBar().showMessage(text, DONE_MESSAGE_MS)


def _assigned(window: MainWindow, number: str, name: str) -> None:
    show_done(window, translate("features", "Case {0} assigned to {1}").format(number, name))


# -- holidays and alerts ----------------------------------------------------------------------


def _add_holidays(window: MainWindow, desk: Desk) -> HolidayBanner:
    """The banner that asks for a coming year's holidays (managers and administrators);
    for administrators also Administration → Holiday calendar, which its button opens."""
    banner = HolidayBanner(desk)
    window.add_banner(banner)
    if Capability.MANAGE_HOLIDAYS in capabilities(desk.actor):

        def open_calendar(year: int | None = None) -> HolidayDialog:
            dialog = HolidayDialog(desk, year if year else desk.today().year, window)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return dialog

        action = QAction(translate("features", "&Holiday calendar…"), window)
        action.setObjectName("holidays_action")
        action.triggered.connect(lambda: open_calendar())
        window.menu("admin").addAction(action)
        banner.enter_requested.connect(open_calendar)
    banner.check()
    return banner


def _add_alerts(
    window: MainWindow, desk: Desk, scheduler: AlertScheduler, open_case: OpenCase
) -> AlertsPanel:
    """The alerts dock (filled at once and after each change of alerts — a scan that made
    some among them), F8 to go to the next alert to acknowledge, and tray notices."""
    panel = AlertsPanel(desk)
    dock = window.add_dock(panel, translate("features", "Alerts"))
    panel.case_open_requested.connect(open_case)
    panel.reload()

    def next_alert() -> None:
        dock.show()
        dock.raise_()
        if not panel.select_next_unacknowledged():
            window.statusBar().showMessage(
                translate("features", "No alert is waiting to be acknowledged."), 5000
            )

    window.next_alert_requested.connect(next_alert)
    tray = (
        QSystemTrayIcon(window.windowIcon(), window)
        if QSystemTrayIcon.isSystemTrayAvailable()
        else None
    )
    if tray is not None:
        tray.show()
    notifier = TrayNotifier(tray, window)
    scheduler.alerts_created.connect(notifier.notify)
    return panel
