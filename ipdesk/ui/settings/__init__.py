"""Settings: the keys and defaults (``keys``), the database configuration (``database``),
the settings dialog (``dialog``) and the database password dialog (``password_dialog``).

The package imports none of them: every start reads ``keys``, few open the dialog."""
