"""Mediation records (调解笔录): the dialog that records a session and the case's list."""
