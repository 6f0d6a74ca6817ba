"""Reports upward: the period's workbook (.xlsx) and the monthly report (.docx).

:func:`write_report` writes a workbook for a period within the actor's dashboard scope
(:func:`ipdesk.services.queries.dashboard.require_dashboard`):

``汇总`` (summary)
    every figure of the dashboard for the total, each office and each station, with the
    definitions of services/queries/dashboard.py;
``案件清单`` (cases)
    every case a case figure may count — received by the reference day and not closed
    before the period — with its dates, handling days (closed cases) and parties; ID
    numbers and phone numbers are masked (150502********123X, 138****1234) whoever runs
    the report: it leaves the program;
``超期案件`` (overdue)
    the cases open and overdue on the reference day and the cases closed late in the
    period, with the last suspension or extension of their handling limit and its reason
    (or none);
``图表数据`` (chart data)
    the series the dashboard's charts draw: received and closed per month, the
    distribution of handling days, overdue cases per office, IP types.

The sheets are laid out for printing: title rows, a bold header row repeated on every
page, column widths, frozen panes, dates as 2026年11月27日, counts with thousands
separators, shares as percentages, landscape A4 fitted to the page width, page numbers.
The workbook is written in openpyxl's write-only mode (rows stream from the database, so
a year of a million-case network fits in memory) to a temporary file beside ``path`` that
replaces ``path`` only when complete (``os.replace``). ``progress(done, total)`` reports
the rows written; when ``cancelled()`` returns True the work stops, the temporary file is
removed and :class:`Cancelled` is raised — ``path`` is left as it was.

:func:`write_monthly_docx` fills ``forms/monthly_report.docx`` (built by
scripts/build_forms.py, editable in Word) with a month's figures.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session, aliased

from ipdesk.models import (
    Adjudication,
    AdjustmentKind,
    Case,
    CaseLimit,
    ClockAdjustment,
    LimitKind,
    Office,
    Party,
    PartyRole,
    Station,
    User,
)
from ipdesk.paths import FORMS_DIR
from ipdesk.services.actors import Actor
from ipdesk.services.cases.adjudication import STEP_LABELS
from ipdesk.services.documents import (
    TemplateBroken,
    TemplateProblem,
    render_bytes,
    write_atomically,
    write_file_atomically,
)
from ipdesk.services.errors import ServiceError, ValidationError
from ipdesk.services.queries import dashboard as dash
from ipdesk.services.queries.dashboard import DashboardFigures, DashboardFilter, Period, UnitFigures
from ipdesk.services.rules.access import case_scope
from ipdesk.services.rules.chinese_text import chinese_date
from ipdesk.services.rules.deadlines import BEIJING, legal_today
from ipdesk.services.rules.identifiers import mask_id, mask_phone
from ipdesk.services.rules.vocabulary import IP_TYPE_LABELS, STATUS_LABELS

__all__ = [
    "MONTHLY_TEMPLATE",
    "Cancelled",
    "ReportSummary",
    "monthly_context",
    "write_monthly_docx",
    "write_report",
]

MONTHLY_TEMPLATE: Final = "monthly_report.docx"

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class Cancelled(ServiceError):
    """The user cancelled a long export; nothing was written."""

    code = "cancelled"


@dataclass(frozen=True)
class ReportSummary:
    path: Path
    period: Period
    as_of: dt.date
    cases: int  # rows of the case list
    overdue: int  # rows of the overdue sheet
    seconds: float


# --------------------------------------------------------------------------- formats

CN_DATE: Final = 'yyyy"年"m"月"d"日"'
COUNT: Final = "#,##0"
SHARE: Final = "0.0%"
DAYS: Final = "0.0"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_FONT = "宋体"


@dataclass(frozen=True)
class _Column:
    title: str
    width: float
    number_format: str | None = None
    wrap: bool = False


class _Sheet:
    """A write-only sheet laid out for printing: title lines, then a table whose header
    row repeats on every page. Each column has one styled cell that every row reuses
    (openpyxl writes a row's cells one by one), so styling costs no object per cell."""

    def __init__(
        self, wb: Workbook, title: str, heading: str, lines: Sequence[str], columns: list[_Column]
    ) -> None:
        self.ws = wb.create_sheet(title)
        self.columns = columns
        ws = self.ws
        for index, column in enumerate(columns, start=1):
            ws.column_dimensions[_letter(index)].width = column.width
        header_row = len(lines) + 3
        ws.freeze_panes = f"C{header_row + 1}" if len(columns) > 4 else f"A{header_row + 1}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.print_options.horizontalCentered = True
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        ws.oddHeader.right.text = safe_text(heading)
        title_cell = WriteOnlyCell(ws)
        set_value(title_cell, heading)
        title_cell.font = Font(name=_FONT, size=16, bold=True)
        ws.append([title_cell])
        for line in lines:
            cell = WriteOnlyCell(ws)
            set_value(cell, line)
            cell.font = Font(name=_FONT, size=10)
            ws.append([cell])
        ws.append([])
        headers = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=column.title)
            cell.font = Font(name=_FONT, size=10, bold=True)
            cell.fill = _HEADER_FILL
            cell.border = _BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            headers.append(cell)
        ws.append(headers)
        self._cells = [self._data_cell(column, bold=False) for column in columns]
        self._bold = [self._data_cell(column, bold=True) for column in columns]

    def _data_cell(self, column: _Column, *, bold: bool) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws)
        cell.font = Font(name=_FONT, size=10, bold=bold)
        cell.border = _BORDER
        if column.number_format:
            cell.number_format = column.number_format
        cell.alignment = Alignment(vertical="top", wrap_text=column.wrap)
        return cell

    def row(self, values: Sequence[Any], *, bold: bool = False) -> None:
        cells = self._bold if bold else self._cells
        for cell, value in zip(cells, values, strict=True):
            set_value(cell, value)
        self.ws.append(cells)

    def note(self, text: str) -> None:
        self.ws.append([])
        cell = WriteOnlyCell(self.ws)
        set_value(cell, text)
        cell.font = Font(name=_FONT, size=9, italic=True)
        self.ws.append([cell])


# A text starting with one of these (after any blanks) is a formula to a spreadsheet
# program once the cell is edited or the sheet saved as CSV (=, +, -, @; tab, CR and LF
# are stripped before that): such cells are written as text with Excel's quote prefix.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, surrogates) and Unicode's
# noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF): shown as U+FFFD rather than breaking
# the whole workbook. Already stored data may hold them (intake refuses them since).
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
    )
    + "]"
)


def safe_text(text: str) -> str:
    """``text`` as a workbook can hold it: characters XML cannot carry become U+FFFD."""
    return _UNWRITABLE.sub("\ufffd", text)


def set_value(cell: Any, value: Any) -> None:
    """Put ``value`` in an openpyxl cell; a text always stays text (never a formula,
    an error value or a number), one that looks like a formula gets the quote prefix."""
    quoted = False
    if isinstance(value, str):
        value = safe_text(value)
        quoted = value.lstrip(" \u3000").startswith(_FORMULA_STARTS)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    if cell.quotePrefix != quoted:
        # openpyxl indexes the style array itself: change a copy, never the indexed one
        cell._style = copy.copy(cell._style)
        cell.quotePrefix = quoted


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _date_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _period_lines(figs: DashboardFigures, scope: str, actor: Actor) -> list[str]:
    period = figs.period
    return [
        f"统计范围：{scope}　统计期间：{_date_text(period.start)}至{_date_text(period.end)}"
        f"　数据截至：{_date_text(figs.as_of)}",
        f"制表：{actor.name}　制表时间：{dt.datetime.now(BEIJING).strftime('%Y-%m-%d %H:%M')}"
        f"　处理期限：{figs.target_days}日（原{figs.former_days}日）",
    ]


# --------------------------------------------------------------------------- the summary

SUMMARY_COLUMNS: Final = [
    _Column("代码", 11),
    _Column("单位", 40, wrap=True),
    _Column("收案数", 8, COUNT),
    _Column("受理数", 8, COUNT),
    _Column("期末在办", 8, COUNT),
    _Column("15日内到期", 9, COUNT),
    _Column("超期未结", 8, COUNT),
    _Column("结案数", 8, COUNT),
    _Column("按期结案", 8, COUNT),
    _Column("按期结案率", 9, SHARE),
    _Column("60日内办结率", 9, SHARE),
    _Column("90日内办结率", 9, SHARE),
    _Column("办理天数中位数", 9, DAYS),
    _Column("平均办理天数", 9, DAYS),
    _Column("调解案件", 8, COUNT),
    _Column("调解成功", 8, COUNT),
    _Column("调解成功率", 9, SHARE),
    _Column("申请司法确认", 9, COUNT),
    _Column("确认有效", 8, COUNT),
    _Column("会商请求", 8, COUNT),
    _Column("逾期答复", 8, COUNT),
    _Column("应回访", 8, COUNT),
    _Column("已回访", 8, COUNT),
    _Column("回访率", 8, SHARE),
]


def summary_values(row: UnitFigures) -> list[Any]:
    """One row of the summary sheet (the order of :data:`SUMMARY_COLUMNS` after the unit)."""
    return [
        row.received,
        row.accepted,
        row.open,
        row.due_soon,
        row.overdue,
        row.closed,
        row.closed_on_time,
        row.on_time_share,
        row.within_target_share,
        row.within_former_share,
        row.median_days,
        row.mean_days,
        row.mediated,
        row.mediation_success,
        row.mediation_success_rate,
        row.confirmation_applied,
        row.confirmed,
        row.consultations_requested,
        row.consultations_late,
        row.visits_due,
        row.visits_done,
        row.follow_up_rate,
    ]


def _scope_name(session: Session, actor: Actor, flt: DashboardFilter) -> str:
    if flt.station_id is not None:
        station = session.get(Station, flt.station_id)
        return station.name if station else ""
    office_id = flt.office_id if flt.office_id is not None else actor.office_id
    if office_id is not None and (flt.office_id is not None or not actor.is_citywide):
        office = session.get(Office, office_id)
        return office.name if office else ""
    return "全市"


def _write_summary(wb: Workbook, figs: DashboardFigures, scope: str, actor: Actor) -> None:
    sheet = _Sheet(
        wb,
        "汇总",
        "知识产权纠纷处理情况汇总表",
        _period_lines(figs, scope, actor),
        SUMMARY_COLUMNS,
    )
    total_name = "合计" if scope != "全市" else "全市合计"
    sheet.row(["", total_name, *summary_values(figs.total)], bold=True)
    for row in figs.rows()[1:]:
        name = row.name if row.unit.level == "office" else f"　{row.name}"
        sheet.row([row.code, name, *summary_values(row)], bold=row.unit.level == "office")
    sheet.note(
        "说明：收案、受理、结案按日期在统计期间内计；期末在办、15日内到期、超期未结按数据截至日计；"
        "办理天数自受理次日起算至结案日，扣除中止期间；按期结案指在处理期限届满日（含顺延、"
        "中止、延长）前结案；调解案件指以达成协议或调解不成结案的案件；会商请求按被请求单位计；"
        "回访率为期间内应回访次数中截至统计日已回访的比例。"
    )


# --------------------------------------------------------------------------- case list

CASE_COLUMNS: Final = [
    _Column("案件编号", 17),
    _Column("裁决所", 22, wrap=True),
    _Column("站点", 30, wrap=True),
    _Column("状态", 12),
    _Column("结案方式", 14),
    _Column("知识产权类型", 12),
    _Column("收案日期", 14, CN_DATE),
    _Column("受理日期", 14, CN_DATE),
    _Column("结案日期", 14, CN_DATE),
    _Column("期限届满日", 14, CN_DATE),
    _Column("办理天数", 8, COUNT),
    _Column("申请人", 24, wrap=True),
    _Column("申请人证件号", 21),
    _Column("申请人电话", 14),
    _Column("被申请人", 24, wrap=True),
    _Column("被申请人证件号", 21),
    _Column("调解员", 10),
]


def _first_party(role: PartyRole) -> Any:
    """The first party of ``role`` of the case, as a joinable alias and its condition."""
    party = aliased(Party)
    first = (
        select(func.min(Party.id))
        .where(Party.case_id == Case.id, Party.role == role)
        .correlate(Case)
        .scalar_subquery()
    )
    return party, party.id == first


def _case_rows(
    session: Session, where: ColumnElement[bool], span: dash.Span
) -> tuple[Any, ColumnElement[bool]]:
    source = dash.case_source(span)
    applicant, applicant_on = _first_party(PartyRole.APPLICANT)
    respondent, respondent_on = _first_party(PartyRole.RESPONDENT)
    mediator = aliased(User)
    query = (
        source.select_from(
            Case.number,
            Office.name,
            Station.name,
            Case.status,
            Case.outcome,
            Case.ip_type,
            Case.received_on,
            Case.accepted_on,
            Case.closed_on,
            Case.due_on,
            case((source.closed, source.days), else_=None),
            applicant.name,
            applicant.id_number,
            applicant.phone,
            respondent.name,
            respondent.id_number,
            mediator.display_name,
        )
        .join(Office, Office.id == Case.office_id)
        .outerjoin(Station, Station.id == Case.station_id)
        .outerjoin(applicant, applicant_on)
        .outerjoin(respondent, respondent_on)
        .outerjoin(mediator, mediator.id == Case.mediator_id)
        .where(where, source.prefilter)
        .order_by(Case.office_id, Case.number)
    )
    return query, source.prefilter


def _masked(value: str | None, mask: Callable[[str], str]) -> str | None:
    return mask(value) if value else None


def _case_values(row: Sequence[Any]) -> list[Any]:
    (
        number,
        office,
        station,
        status,
        outcome,
        ip_type,
        received,
        accepted,
        closed,
        due,
        days,
        applicant,
        applicant_id,
        applicant_phone,
        respondent,
        respondent_id,
        mediator,
    ) = row
    return [
        number,
        office,
        station,
        STATUS_LABELS.get(status, str(status)),
        STATUS_LABELS.get(outcome, "") if outcome else None,
        IP_TYPE_LABELS.get(ip_type, str(ip_type)),
        received,
        accepted,
        closed,
        due,
        int(days) if days is not None else None,
        applicant,
        _masked(applicant_id, mask_id),
        _masked(applicant_phone, mask_phone),
        respondent,
        _masked(respondent_id, mask_id),
        mediator,
    ]


# --------------------------------------------------------------------------- overdue

OVERDUE_COLUMNS: Final = [
    _Column("类别", 10),
    _Column("案件编号", 17),
    _Column("裁决所", 22, wrap=True),
    _Column("站点", 28, wrap=True),
    _Column("调解员", 10),
    _Column("状态", 12),
    _Column("受理日期", 14, CN_DATE),
    _Column("期限届满日", 14, CN_DATE),
    _Column("结案日期", 14, CN_DATE),
    _Column("超期天数", 8, COUNT),
    _Column("最近中止/延长", 12),
    _Column("开始日期", 14, CN_DATE),
    _Column("原因", 40, wrap=True),
]
_OPEN_OVERDUE = "未结超期"
_CLOSED_LATE = "超期结案"
_ADJUSTMENT_LABELS: Final = {AdjustmentKind.SUSPENSION: "中止", AdjustmentKind.EXTENSION: "延长"}


def _overdue_query(where: ColumnElement[bool], span: dash.Span) -> Any:
    source = dash.case_source(span)
    overdue = source.predicates["overdue"]
    late = source.predicates["closed_late"]
    last = aliased(ClockAdjustment)
    last_id = (
        select(ClockAdjustment.id)
        .where(
            ClockAdjustment.case_id == Case.id,
            ClockAdjustment.limit_kind == LimitKind.HANDLING,
        )
        .order_by(ClockAdjustment.start_on.desc(), ClockAdjustment.id.desc())
        .limit(1)
        .correlate(Case)
        .scalar_subquery()
    )
    mediator = aliased(User)
    return (
        source.select_from(
            case((overdue, _OPEN_OVERDUE), else_=_CLOSED_LATE),
            Case.number,
            Office.name,
            Station.name,
            mediator.display_name,
            Case.status,
            Case.accepted_on,
            Case.due_on,
            Case.closed_on,
            last.kind,
            last.start_on,
            last.reason,
        )
        .join(Office, Office.id == Case.office_id)
        .outerjoin(Station, Station.id == Case.station_id)
        .outerjoin(mediator, mediator.id == Case.mediator_id)
        .outerjoin(last, last.id == last_id)
        .where(where, source.prefilter, overdue | late)
        .order_by(case((overdue, 0), else_=1), Case.due_on, Case.number)
    )


def _overdue_values(row: Sequence[Any], as_of: dt.date) -> list[Any]:
    what, number, office, station, mediator, status, accepted, due, closed, kind, start, why = row
    end = as_of if what == _OPEN_OVERDUE else closed
    over = (end - due).days if due is not None and end is not None else None
    return [
        what,
        number,
        office,
        station,
        mediator,
        STATUS_LABELS.get(status, str(status)),
        accepted,
        due,
        closed if what == _CLOSED_LATE else None,
        over,
        _ADJUSTMENT_LABELS.get(kind, "无") if kind else "无",
        start,
        why,
    ]


# --------------------------------------------------------------------------- chart data


def _write_charts(
    wb: Workbook, charts: dash.DashboardCharts, figs: DashboardFigures, scope: str, actor: Actor
) -> None:
    sheet = _Sheet(
        wb,
        "图表数据",
        "图表数据",
        _period_lines(figs, scope, actor),
        [
            _Column("项目", 22),
            _Column("名称", 34, wrap=True),
            _Column("数值", 10, COUNT),
            _Column("数值二", 10, COUNT),
            _Column("占比", 9, SHARE),
        ],
    )
    sheet.row(["一、月度收结案", "月份", "收案数", "结案数", None], bold=True)
    for month, received, closed in zip(
        charts.months, charts.received_per_month, charts.closed_per_month, strict=True
    ):
        year, mon = month.split("-")
        sheet.row(["", f"{year}年{int(mon)}月", received, closed, None])
    closed_total = sum(n for _, n in charts.handling_days)
    sheet.row(["二、办理天数分布", "办理天数", "结案数", None, "占比"], bold=True)
    for low, high, n in dash.handling_days_bins(charts.handling_days):
        label = f"{low}–{high}日" if high is not None else f"{low}日以上"
        sheet.row(["", label, n, None, n / closed_total if closed_total else None])
    sheet.row(
        ["", f"（处理期限 {charts.target_days} 日）", None, None, None],
    )
    sheet.row(["三、各裁决所超期未结", "裁决所", "超期未结", None, None], bold=True)
    for code, name, overdue in charts.overdue_by_office:
        sheet.row([code, name, overdue, None, None])
    received_total = sum(n for _, n in charts.ip_types)
    sheet.row(["四、知识产权类型", "类型", "收案数", None, "占比"], bold=True)
    for ip_type, n in charts.ip_types:
        share = n / received_total if received_total else None
        sheet.row(["", IP_TYPE_LABELS.get(ip_type, str(ip_type)), n, None, share])


# --------------------------------------------------------------------------- the workbook


def _check(cancelled: IsCancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("已取消导出，未写入文件")


_STEP = 1000


def write_report(
    session: Session,
    actor: Actor,
    path: Path | str,
    period: Period,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    *,
    office_id: int | None = None,
    station_id: int | None = None,
    today: dt.date | None = None,
) -> ReportSummary:
    """Write the period's workbook to ``path`` (see the module docstring)."""
    started = time.perf_counter()
    path = Path(path)
    flt = DashboardFilter(period, office_id, station_id)
    where = dash.filter_where(session, actor, flt)
    span = dash.span_of(session, flt, today)
    _check(cancelled)
    figs = dash.figures(session, actor, flt, today=today)
    _check(cancelled)
    charts = dash.chart_data(session, actor, flt, today=today, known=figs)
    cases_query, _ = _case_rows(session, where, span)
    overdue_query = _overdue_query(where, span)
    source = dash.case_source(span)
    total_cases = session.scalar(source.select_from(func.count()).where(where, source.prefilter))
    total_overdue = figs.total.overdue + figs.total.closed_late
    total = int(total_cases or 0) + total_overdue
    done = 0
    if progress is not None:
        progress(0, total)
    scope = _scope_name(session, actor, flt)
    wb = Workbook(write_only=True)
    try:
        _write_summary(wb, figs, scope, actor)
        lines = _period_lines(figs, scope, actor)
        cases_sheet = _Sheet(wb, "案件清单", "案件清单", lines, CASE_COLUMNS)
        written_cases = 0
        for row in session.execute(cases_query.execution_options(yield_per=2000)):
            cases_sheet.row(_case_values(row))
            written_cases += 1
            done += 1
            if done % _STEP == 0:
                _check(cancelled)
                if progress is not None:
                    progress(done, total)
        cases_sheet.note("说明：证件号码、电话号码已按个人信息保护要求作去标识化处理。")
        overdue_sheet = _Sheet(wb, "超期案件", "超期案件及原因", lines, OVERDUE_COLUMNS)
        written_overdue = 0
        for row in session.execute(overdue_query.execution_options(yield_per=2000)):
            overdue_sheet.row(_overdue_values(row, span.end))
            written_overdue += 1
            done += 1
            if done % _STEP == 0:
                _check(cancelled)
                if progress is not None:
                    progress(done, total)
        _write_charts(wb, charts, figs, scope, actor)
        _write_adjudications(session, actor, wb, lines, span, office_id)
        _check(cancelled)
        _save_atomically(wb, path, cancelled)
    except BaseException:
        _discard(wb)
        raise
    if progress is not None:
        progress(total, total)
    return ReportSummary(
        path, period, span.end, written_cases, written_overdue, time.perf_counter() - started
    )


ADJUDICATION_COLUMNS: Final = [
    _Column("案件编号", 17),
    _Column("裁决所", 22, wrap=True),
    _Column("知识产权类型", 14),
    _Column("专利号", 20),
    _Column("阶段", 16),
    _Column("请求日期", 12, "yyyy-mm-dd"),
    _Column("立案日期", 12, "yyyy-mm-dd"),
    _Column("处理决定日期", 12, "yyyy-mm-dd"),
    _Column("认定侵权", 10),
    _Column("起诉期限届满", 12, "yyyy-mm-dd"),
    _Column("期满情况", 14),
    _Column("申请强制执行", 12, "yyyy-mm-dd"),
    _Column("办理天数", 10, "0"),
]
_WINDOW_TEXT: Final = {"complied": "已停止侵权", "sued": "已起诉", "not_stopped": "未起诉未停止"}


def _write_adjudications(
    session: Session,
    actor: Actor,
    wb: Workbook,
    lines: Sequence[str],
    span: dash.Span,
    office_id: int | None,
) -> None:
    """The administrative adjudications requested in the period (one row each, the step
    they are at, the decision and the window to sue): services/cases/adjudication.py."""
    window = (
        select(CaseLimit.due_on)
        .where(CaseLimit.case_id == Case.id, CaseLimit.kind == LimitKind.SUIT_WINDOW)
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(Case, Office.name, Adjudication, window)
        .join(Adjudication, Adjudication.case_id == Case.id)
        .join(Office, Office.id == Case.office_id)
        .where(
            Adjudication.requested_on.between(span.start, span.end),
            case_scope(actor),
            *([Case.office_id == office_id] if office_id is not None else []),
        )
        .order_by(Adjudication.requested_on, Case.id)
    )
    sheet = _Sheet(wb, "行政裁决", "专利侵权纠纷行政裁决", lines, ADJUDICATION_COLUMNS)
    count = 0
    for found, office, a, window_due in session.execute(query):
        end = a.decided_on or found.closed_on
        sheet.row(
            [
                found.number,
                office,
                IP_TYPE_LABELS.get(found.ip_type, str(found.ip_type)),
                found.right_number,
                STEP_LABELS[a.step],
                a.requested_on,
                a.accepted_on,
                a.decided_on,
                None if a.infringement_found is None else ("是" if a.infringement_found else "否"),
                window_due,
                _WINDOW_TEXT.get(a.window_outcome.value, "") if a.window_outcome else None,
                a.enforcement_applied_on,
                (end - a.accepted_on).days if end and a.accepted_on else None,
            ]
        )
        count += 1
    sheet.note(f"共 {count} 件。办理天数：立案至作出处理决定（未决定的为空）。")


def _discard(wb: Workbook) -> None:
    """Finish and delete the temporary files of a write-only workbook that will not be
    saved (openpyxl streams each sheet to one), so nothing is left behind."""
    for ws in wb.worksheets:
        if not ws.closed:
            with contextlib.suppress(Exception):
                ws.close()
        writer = ws._writer
        if writer is not None and isinstance(writer.out, str) and os.path.exists(writer.out):
            with contextlib.suppress(OSError, ValueError):
                writer.cleanup()


def _save_atomically(wb: Workbook, path: Path, cancelled: IsCancelled | None) -> None:
    def save(temp: Path) -> None:
        wb.save(temp)
        _check(cancelled)

    write_file_atomically(path, save, program="Excel")


# --------------------------------------------------------------------------- monthly docx


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _days(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _unit_context(row: UnitFigures) -> dict[str, Any]:
    return {
        "code": row.code,
        "name": row.name,
        "received": row.received,
        "accepted": row.accepted,
        "closed": row.closed,
        "open": row.open,
        "overdue": row.overdue,
        "due_soon": row.due_soon,
        "on_time": _percent(row.on_time_share),
        "median_days": _days(row.median_days),
        "mean_days": _days(row.mean_days),
        "within_target": _percent(row.within_target_share),
        "within_former": _percent(row.within_former_share),
        "mediated": row.mediated,
        "mediation_success": row.mediation_success,
        "success_rate": _percent(row.mediation_success_rate),
        "confirmation_applied": row.confirmation_applied,
        "confirmed": row.confirmed,
        "consultations_requested": row.consultations_requested,
        "consultations_late": row.consultations_late,
        "visits_due": row.visits_due,
        "visits_done": row.visits_done,
        "follow_up_rate": _percent(row.follow_up_rate),
    }


def monthly_context(
    session: Session,
    actor: Actor,
    year: int,
    month: int,
    *,
    office_id: int | None = None,
    today: dt.date | None = None,
    overdue_listed: int = 20,
) -> dict[str, Any]:
    """What the monthly report template is filled with (plain data)."""
    today = today or legal_today()
    period = Period.month(year, month)
    if period.start > today:
        raise ValidationError(
            "month", f"{year}年{month}月尚未开始", code="month_in_future", year=year, month=month
        )
    flt = DashboardFilter(period, office_id)
    figs = dash.figures(session, actor, flt, today=today)
    where = dash.filter_where(session, actor, flt)
    span = dash.span_of(session, flt, today)
    overdue_rows = [
        _overdue_values(row, span.end)
        for row in session.execute(_overdue_query(where, span).limit(overdue_listed))
    ]
    total = figs.total
    scope = _scope_name(session, actor, flt)
    paragraphs = [
        f"{year}年{month}月，{scope}知识产权维权援助和纠纷调解网络共收到纠纷{total.received}件，"
        f"受理{total.accepted}件，结案{total.closed}件；截至{_date_text(figs.as_of)}，"
        f"在办{total.open}件，其中超期未结{total.overdue}件、15日内到期{total.due_soon}件。",
        f"本月结案的案件中，在处理期限内结案{total.closed_on_time}件，按期结案率"
        f"{_percent(total.on_time_share)}；扣除中止期间，办理天数中位数"
        f"{_days(total.median_days)}日、平均{_days(total.mean_days)}日，"
        f"{figs.target_days}日内办结率{_percent(total.within_target_share)}"
        f"（原{figs.former_days}日标准下为{_percent(total.within_former_share)}）。",
        f"调解结案{total.mediated}件，达成调解协议{total.mediation_success}件，调解成功率"
        f"{_percent(total.mediation_success_rate)}；申请司法确认{total.confirmation_applied}件，"
        f"经人民法院确认有效{total.confirmed}件；向联席单位发出会商请求{total.consultations_requested}"
        f"件次，逾期答复{total.consultations_late}件次。",
        f"本月应回访{total.visits_due}次，已回访{total.visits_done}次，回访率"
        f"{_percent(total.follow_up_rate)}。",
    ]
    return {
        "title": f"{year}年{month}月知识产权纠纷处理工作月报",
        "month_text": f"{year}年{month}月",
        "scope_name": scope,
        "period_text": f"{_date_text(period.start)}至{_date_text(figs.as_of)}",
        "issued_on": chinese_date(today),
        "target_days": figs.target_days,
        "former_days": figs.former_days,
        "total": _unit_context(total),
        "offices": [_unit_context(o) for o in figs.offices],
        "summary_paragraphs": paragraphs,
        "overdue_cases": [
            {
                "kind": r[0],
                "number": r[1],
                "office": r[2],
                "due_on": _date_text(r[7]) if r[7] else "",
                "days_over": r[9] if r[9] is not None else "",
                "reason": f"{r[10]}：{r[12]}" if r[12] else "无中止或延长",
            }
            for r in overdue_rows
        ],
        "overdue_total": total.overdue + total.closed_late,
        "overdue_listed": len(overdue_rows),
    }


def write_monthly_docx(
    session: Session,
    actor: Actor,
    path: Path | str,
    year: int,
    month: int,
    *,
    office_id: int | None = None,
    forms_dir: Path = FORMS_DIR,
    today: dt.date | None = None,
) -> Path:
    """Fill ``forms/monthly_report.docx`` with the month's figures and write it atomically
    to ``path``. A missing or broken template is refused and nothing is written."""
    context = monthly_context(session, actor, year, month, office_id=office_id, today=today)
    template = Path(forms_dir) / MONTHLY_TEMPLATE
    try:
        data = template.read_bytes()
    except FileNotFoundError:
        raise TemplateBroken(
            [TemplateProblem(template.name, template.name, "模板文件不存在", "missing_template")]
        ) from None
    rendered = render_bytes(data, context, template.name)
    path = Path(path)
    write_atomically(path, rendered)
    return path
