"""Alembic revisions (a package so that the import contracts see what they import)."""
