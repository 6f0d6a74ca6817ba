"""Keeping the system sound: verifying the audit trail, the daily backup, the start-up check
of the evidence and document files."""

from ipdesk.ui.maintenance.audit_check import AuditCheckDialog
from ipdesk.ui.maintenance.daily_backup import DailyBackupScheduler
from ipdesk.ui.maintenance.file_check import FileCheckBanner

__all__ = ["AuditCheckDialog", "DailyBackupScheduler", "FileCheckBanner"]
