"""Keeping the system sound: verifying the audit trail, the daily backup."""

from ipdesk.ui.maintenance.audit_check import AuditCheckDialog
from ipdesk.ui.maintenance.daily_backup import DailyBackupScheduler

__all__ = ["AuditCheckDialog", "DailyBackupScheduler"]
