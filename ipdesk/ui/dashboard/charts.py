"""The dashboard's charts (QtCharts), built from :class:`DashboardCharts` and the figures:
monthly cases received and closed (trend lines), the distribution of handling days with
the limit marked, open overdue cases per office (bars), IP types (pie). Each sits in a
:class:`ChartPanel` with a "Save as PNG" button."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ipdesk.models import IpType
from ipdesk.services.queries.dashboard import DashboardCharts, handling_days_bins

BLUE = QColor(31, 119, 180)
GREEN = QColor(44, 160, 44)
RED = QColor(200, 40, 40)
GREY = QColor(150, 150, 150)
#: Slices of the pie, most frequent first (colour-blind safe, after Okabe and Ito).
PALETTE = (
    QColor(0, 114, 178),
    QColor(230, 159, 0),
    QColor(0, 158, 115),
    QColor(204, 121, 167),
    QColor(86, 180, 233),
    QColor(213, 94, 0),
    QColor(240, 228, 66),
)


translate = QCoreApplication.translate


def ip_type_text(ip_type: IpType) -> str:
    match ip_type:
        case IpType.PATENT_INVENTION:
            return translate("dashboard", "Invention patent")
        case IpType.PATENT_UTILITY_MODEL:
            return translate("dashboard", "Utility model")
        case IpType.PATENT_DESIGN:
            return translate("dashboard", "Design patent")
        case IpType.TRADEMARK:
            return translate("dashboard", "Trademark")
        case IpType.COPYRIGHT:
            return translate("dashboard", "Copyright")
        case IpType.GEOGRAPHICAL_INDICATION:
            return translate("dashboard", "Geographical indication")
        case IpType.TRADE_SECRET:
            return translate("dashboard", "Trade secret")
        case IpType.TECHNICAL_SECRET:
            return translate("dashboard", "Technical secret")
        case IpType.SOFTWARE_COPYRIGHT:
            return translate("dashboard", "Software copyright")
        case IpType.IC_LAYOUT:
            return translate("dashboard", "IC layout design")
        case IpType.PLANT_VARIETY:
            return translate("dashboard", "Plant variety")
    return translate("dashboard", "Other")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _value_axis(maximum: float, title: str = "") -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(1.0, maximum * 1.1))
    axis.applyNiceNumbers()
    if title:
        axis.setTitleText(title)
    return axis


def _month_label(month: str) -> str:
    year, mon = month.split("-")
    return f"{year[2:]}/{mon}"


def trend_chart(data: DashboardCharts) -> QChart:
    """Cases received and closed per month (two lines)."""
    chart = _chart(translate("dashboard", "Cases received and closed per month"))
    categories = [_month_label(m) for m in data.months]
    axis_x = QBarCategoryAxis()
    axis_x.append(categories or [""])
    axis_y = _value_axis(max([*data.received_per_month, *data.closed_per_month, 1]))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for name, values, color in (
        (translate("dashboard", "Received"), data.received_per_month, BLUE),
        (translate("dashboard", "Closed"), data.closed_per_month, GREEN),
    ):
        series = QLineSeries()
        series.setName(name)
        series.setPen(QPen(color, 2))
        series.setPointsVisible(True)
        for i, value in enumerate(values):
            series.append(i, value)
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    return chart


def handling_days_chart(data: DashboardCharts, width: int = 10, last: int = 120) -> QChart:
    """Closed cases per handling-days bin, with a red line at the handling limit."""
    chart = _chart(translate("dashboard", "Handling days of the cases closed"))
    bins = handling_days_bins(data.handling_days, width, last)
    labels = [str(low) if high is not None else f"{low}+" for low, high, _ in bins]
    bar_set = QBarSet(translate("dashboard", "Closed cases"))
    bar_set.setColor(BLUE)
    for _low, _high, n in bins:
        bar_set.append(n)
    bars = QBarSeries()
    bars.append(bar_set)
    bars.setBarWidth(0.9)
    chart.addSeries(bars)
    axis_x = QBarCategoryAxis()
    axis_x.append(labels)
    axis_x.setTitleText(
        translate(
            "dashboard", "Handling days, in bins of %n day(s); suspensions not counted", None, width
        )
    )
    top = max([n for _, _, n in bins] + [1])
    axis_y = _value_axis(top)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_x)
    bars.attachAxis(axis_y)
    # The limit as a vertical line: bin i spans [i - 0.5, i + 0.5] on a value axis.
    position = data.target_days / width - 0.5
    limit = QLineSeries()
    days = data.target_days  # pyside6-lupdate skips the text when n is an attribute
    limit.setName(translate("dashboard", "Limit: %n day(s)", "", days))
    limit.setPen(QPen(RED, 2, Qt.PenStyle.DashLine))
    limit.append(position, 0)
    limit.append(position, axis_y.max())
    chart.addSeries(limit)
    hidden_x = QValueAxis()
    hidden_x.setRange(-0.5, len(bins) - 0.5)
    hidden_x.setVisible(False)
    chart.addAxis(hidden_x, Qt.AlignmentFlag.AlignTop)
    limit.attachAxis(hidden_x)
    limit.attachAxis(axis_y)
    return chart


def overdue_chart(offices: Sequence[tuple[str, str, int]]) -> QChart:
    """Open overdue cases per office (bars labelled with the office codes)."""
    chart = _chart(translate("dashboard", "Overdue cases by office"))
    bar_set = QBarSet(translate("dashboard", "Overdue"))
    bar_set.setColor(RED)
    for _code, _name, n in offices:
        bar_set.append(n)
    # The axis shows the short codes; the office's full name is on the bar's tooltip.
    tips = [
        translate("dashboard", "{0} {1}: %n overdue case(s)", "", n).format(code, name)
        for code, name, n in offices
    ]
    bar_set.hovered.connect(lambda status, index: _tooltip(status, tips, index))
    bars = QBarSeries()
    bars.append(bar_set)
    bars.setLabelsVisible(True)
    bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(bars)
    axis_x = QBarCategoryAxis()
    axis_x.append([code for code, _, _ in offices] or [""])
    axis_y = _value_axis(max([n for _, _, n in offices] + [1]))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_x)
    bars.attachAxis(axis_y)
    chart.legend().setVisible(False)
    return chart


def _cases_tip(label: str, count: int) -> str:
    """ "Patent: 12 cases" (a pie slice's tooltip; the count as a plain name for lupdate)."""
    return translate("dashboard", "{0}: %n case(s)", "", count).format(label)


def ip_types_chart(ip_types: Sequence[tuple[IpType, int]], top: int = 6) -> QChart:
    """The IP types of the cases received (pie); types after the ``top`` largest are
    shown together as "other types"."""
    chart = _chart(translate("dashboard", "IP types of the cases received"))
    pie = QPieSeries()
    total = sum(n for _, n in ip_types)
    shown = list(ip_types[:top])
    rest = sum(n for _, n in ip_types[top:])
    # The legend names every slice: labels beside the pie were cut at the chart's edge.
    for i, (ip_type, n) in enumerate(shown):
        slice_ = pie.append(f"{ip_type_text(ip_type)} {n / total:.0%}" if total else "", n)
        slice_.setColor(PALETTE[i % len(PALETTE)])
    if rest:
        other_types = translate("dashboard", "Other types")
        other = pie.append(f"{other_types} {rest / total:.0%}", rest)
        other.setColor(GREY)
    tips = [_cases_tip(s.label(), int(s.value())) for s in pie.slices()]
    for index, slice_ in enumerate(pie.slices()):
        slice_.hovered.connect(lambda state, i=index: _tooltip(state, tips, i))
    pie.setPieSize(0.62)
    chart.addSeries(pie)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.legend().setShowToolTips(True)  # a label cut in a narrow chart, in full
    return chart


def _tooltip(shown: bool, tips: Sequence[str], index: int) -> None:
    if shown and 0 <= index < len(tips):
        QToolTip.showText(QCursor.pos(), tips[index])
    else:
        QToolTip.hideText()


LABEL_GAP = 6


def fit_category_labels(chart: QChart, plot_width: float) -> None:
    """Turn the labels of ``chart``'s category axes upright when they do not fit side by
    side in ``plot_width``, and never cut them (QtCharts made "2…" of them)."""
    for axis in chart.axes(Qt.Orientation.Horizontal):
        if not isinstance(axis, QBarCategoryAxis) or not axis.isVisible():
            continue
        categories = axis.categories()
        if not categories:
            continue
        metrics = QFontMetrics(axis.labelsFont())
        widest = max(metrics.horizontalAdvance(c) for c in categories) + LABEL_GAP
        fits = widest * len(categories) <= plot_width
        axis.setLabelsAngle(0 if fits else -90)
        axis.setTruncateLabels(False)


class ChartPanel(QWidget):
    """A chart with a "Save as PNG" button."""

    saved = Signal(str)
    """The chart was saved: the file's path."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(320, 240)
        self.save_button = QPushButton(self.tr("Save as PNG…"))
        self.save_button.setObjectName(f"{name}_save")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._on_save_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def set_chart(self, chart: QChart) -> None:
        old = self.view.chart()
        self._fit_labels(chart)
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        self.save_button.setEnabled(True)

    def chart(self) -> QChart:
        return self.view.chart()

    def _fit_labels(self, chart: QChart) -> None:
        # The plot area is the view less the value axis and the margins (about 60 pixels).
        fit_category_labels(chart, max(0, self.view.width() - 60))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_labels(self.chart())

    def save_png(self, path: Path | str) -> bool:
        """Render the chart as shown into a PNG file; False when it could not be written."""
        ok = bool(self.view.grab().save(str(path), "PNG"))
        if ok:
            self.saved.emit(str(path))
        return ok

    def _on_save_clicked(self) -> None:
        title = self.chart().title() or "chart"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), f"{title}.png", self.tr("PNG images (*.png)")
        )
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            self.save_png(path)
