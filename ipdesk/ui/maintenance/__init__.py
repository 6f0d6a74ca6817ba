"""Keeping the system sound: verifying the audit trail, the daily backup, the start-up check
of the evidence and document files (``audit_check``, ``daily_backup``, ``file_check``), each
imported where it is used."""
