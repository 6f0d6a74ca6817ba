"""The case view's "Like cases" tab (services/queries/similar_cases.py)."""
