"""Read models: the case list and search, the dashboard and its summary, reports, like cases,
lookups of typed text."""
