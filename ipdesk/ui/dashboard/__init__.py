"""The managers' dashboard: figures per office and station, charts, drill-down, export."""

from ipdesk.ui.dashboard.charts import ChartPanel
from ipdesk.ui.dashboard.model import DashboardTableModel
from ipdesk.ui.dashboard.widget import DashboardWidget, DrillDownRequest

__all__ = ["ChartPanel", "DashboardTableModel", "DashboardWidget", "DrillDownRequest"]
