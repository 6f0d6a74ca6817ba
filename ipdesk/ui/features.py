"""Puts the feature widgets into the main window, once, after sign-in.

The main window knows nothing of cases or alerts; each feature lives in its own package
(``ipdesk/ui/cases``, ``alerts``, …) and is wired here to the window's pages, docks, menus
and shortcuts, for the signed-in actor. One function per feature; ``install_features``
says which features a role gets and in what order (the first page is shown at start:
the user's work list, "My work").

Start-up: only what the first paint needs is imported and built here. Every other page is
a lazy page (``MainWindow.add_lazy_page``): its module is imported and its widget built
when it is first shown or drilled into; dialogs are imported when first opened. Background
work (the first alert scan, the holiday and file checks, the alerts dock's list, the daily
backup) waits until the user's first page is filled (``MainWindow.when_settled``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from ipdesk.services.rules.capabilities import Capability, capabilities
from ipdesk.ui.alerts.panel import AlertsPanel
from ipdesk.ui.desk import ChangeKind, Desk
from ipdesk.ui.holidays.banner import HolidayBanner
from ipdesk.ui.main_window import LazyPage, MainWindow
from ipdesk.ui.operations import install_operations
from ipdesk.ui.scheduler import AlertScheduler, TrayNotifier
from ipdesk.ui.settings import keys
from ipdesk.ui.stores import FileStores
from ipdesk.ui.worklists import WorkListPage, work_list_kind

if TYPE_CHECKING:
    from ipdesk.services.queries.cases_query import CaseFilter
    from ipdesk.services.queries.reports import ReportSummary
    from ipdesk.ui.cases import CaseListWidget
    from ipdesk.ui.dashboard import DrillDownRequest

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
    database with ``daily_backups=False``); start the alert scan once the first page is
    filled. Evidence and documents go into ``stores`` (default: the user data directory).
    Returns the scheduler (shut down on quit).

    No refresh is wired here: every page follows the changes the desk broadcasts."""
    stores = stores or FileStores.default()
    may = capabilities(desk.actor)
    window.hold_background()  # until the first page is filled (see the module docstring)
    open_case = case_opener(window, desk, stores)
    work = _add_work_list(window, desk, open_case)
    cases = _add_case_list(window, desk, settings, open_case, first=work is None)

    _add_intake(window, desk, settings, stores, open_case, may)
    if Capability.DEADLINE_BOARD in may:
        _add_deadline_board(window, desk, cases)
    if Capability.DASHBOARD in may:
        _add_dashboard(window, desk, cases)
    if Capability.FOLLOW_UPS in may:
        _add_follow_ups(window, desk)
    if Capability.FOLLOW_UP_POLICY in may:

        def edit_policy() -> None:
            from ipdesk.ui.followups import edit_policy

            edit_policy(desk, window)

        policy_action = QAction(translate("features", "Follow-up &policy…"), window)
        policy_action.triggered.connect(edit_policy)
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
    # the first scan once the first page is there, then every interval
    scheduler.start_later()
    window.when_settled(scheduler.start_if_on)
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


def _add_work_list(window: MainWindow, desk: Desk, open_case: OpenCase) -> WorkListPage | None:
    """The page "My work": the first page of every role that has a work list. Background
    work starts once it is filled."""
    if work_list_kind(desk.actor) is None:
        return None
    work = WorkListPage(desk)
    work.case_open_requested.connect(open_case)
    work.mediator_assigned.connect(lambda number, name: _assigned(window, number, name))
    work.loaded.connect(lambda _total: window.settle())
    window.add_page(work, translate("features", "My work"))
    load_when_shown(window, work, work.reload)
    return work


def _add_case_list(
    window: MainWindow, desk: Desk, settings: QSettings, open_case: OpenCase, *, first: bool
) -> LazyPage:
    """The case list, built when first shown (the organisation tree's selection, Ctrl+F,
    a drill-down); ``first``: it is the first page (background work waits for its rows)."""

    def build() -> QWidget:
        from ipdesk.ui.cases import CaseListWidget

        case_list = CaseListWidget(desk, settings=settings)
        case_list.case_open_requested.connect(open_case)
        if first:
            if case_list.model.loading:
                case_list.model.first_rows.connect(lambda _rows: window.settle())
                case_list.model.load_failed.connect(lambda _text: window.settle())
            else:  # loaded already (synchronous tasks)
                window.settle()
        return case_list

    page = window.add_lazy_page(
        "CaseListWidget", build, translate("features", "Cases"), name="case_list"
    )

    def show_unit(kind: str, unit_id: int) -> None:
        _case_list(window, page).set_unit(kind, unit_id)
        window.show_page(page)

    def find() -> None:
        case_list = _case_list(window, page)
        window.show_page(page)
        case_list.focus_search()

    window.unit_selected.connect(show_unit)
    window.search_requested.connect(find)
    return page


def _case_list(window: MainWindow, page: LazyPage) -> CaseListWidget:
    from ipdesk.ui import cases

    widget = window.ensure_page(page)
    assert isinstance(widget, cases.CaseListWidget)
    return widget


def _show_cases(window: MainWindow, page: LazyPage, flt: CaseFilter, label: str) -> None:
    """A drill-down: the case list showing ``flt`` under ``label``."""
    _case_list(window, page).show_filter(flt, label)
    window.show_page(page)


def case_opener(window: MainWindow, desk: Desk, stores: FileStores) -> OpenCase:
    def open_case(case_id: int) -> None:
        from ipdesk.ui.case_view import CaseViewDialog  # the documents (docxtpl) with it

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
        from ipdesk.ui.intake.dialog import IntakeDialog

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
        from ipdesk.ui.case_import import ImportLedgerDialog

        ImportLedgerDialog(desk, window).open()

    import_action = QAction(translate("features", "&Import ledger…"), window)
    import_action.setObjectName("import_ledger_action")
    import_action.triggered.connect(import_ledger)
    window.menu("file").insertAction(window.session_separator, import_action)


def _add_deadline_board(window: MainWindow, desk: Desk, case_page: LazyPage) -> LazyPage:
    """The board's counts load whenever it is shown; a count drills down to its cases."""

    def build() -> QWidget:
        from ipdesk.services.cases.limits import BoardFilter
        from ipdesk.ui.deadlines.board import DeadlineBoardWidget, case_filter

        board = DeadlineBoardWidget(desk)
        load_when_shown(window, board, board.reload, every_time=True)

        def drill_down(flt: BoardFilter) -> None:
            label = translate("features", "Deadline board: {0}").format(board.model.describe(flt))
            _show_cases(window, case_page, case_filter(flt), label)

        board.drill_down_requested.connect(drill_down)
        return board

    return window.add_lazy_page(
        "DeadlineBoardWidget", build, translate("features", "Deadlines"), name="deadline_board"
    )


def _add_dashboard(window: MainWindow, desk: Desk, case_page: LazyPage) -> LazyPage:
    """The figures load when the page is first shown; a number drills down to its cases."""

    def build() -> QWidget:
        from ipdesk.services.queries.cases_query import CaseFilter, FigureCases
        from ipdesk.ui.dashboard import DashboardWidget
        from ipdesk.ui.dashboard.charts import ChartPanel

        dashboard = DashboardWidget(desk)
        load_when_shown(window, dashboard, dashboard.reload)

        def drill_down(request: DrillDownRequest) -> None:
            label = translate("features", "Dashboard: {0}").format(request.label)
            figure = FigureCases(request.filter, request.figure_key, request.unit)
            _show_cases(window, case_page, CaseFilter(figure=figure), label)

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

    return window.add_lazy_page(
        "DashboardWidget", build, translate("features", "Dashboard"), name="dashboard"
    )


def _add_follow_ups(window: MainWindow, desk: Desk) -> LazyPage:
    def build() -> QWidget:
        from ipdesk.ui.followups import FollowUpWorkList

        worklist = FollowUpWorkList(desk)
        load_when_shown(window, worklist, worklist.reload)
        return worklist

    return window.add_lazy_page(
        "FollowUpWorkList",
        build,
        translate("features", "Follow-up visits"),
        name="follow_up_work_list",
    )


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

        def open_calendar(year: int | None = None) -> QWidget:
            from ipdesk.ui.holidays.dialog import HolidayDialog

            dialog = HolidayDialog(desk, year if year else desk.today().year, window)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return dialog

        action = QAction(translate("features", "&Holiday calendar…"), window)
        action.setObjectName("holidays_action")
        action.triggered.connect(lambda: open_calendar())
        window.menu("admin").addAction(action)
        banner.enter_requested.connect(open_calendar)
    window.when_settled(banner.check)
    return banner


def _add_alerts(
    window: MainWindow, desk: Desk, scheduler: AlertScheduler, open_case: OpenCase
) -> AlertsPanel:
    """The alerts dock (filled at once and after each change of alerts — a scan that made
    some among them), F8 to go to the next alert to acknowledge, and tray notices."""
    panel = AlertsPanel(desk)
    dock = window.add_dock(panel, translate("features", "Alerts"))
    panel.case_open_requested.connect(open_case)
    window.when_settled(panel.reload)

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
