"""The alerts panel and its table model."""

from ipdesk.ui.alerts.model import AlertsTableModel
from ipdesk.ui.alerts.panel import AlertsPanel

__all__ = ["AlertsPanel", "AlertsTableModel"]
