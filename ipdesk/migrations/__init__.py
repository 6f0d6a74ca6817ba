"""Alembic migrations, run at start-up and by ``ipdesk-admin init``."""
