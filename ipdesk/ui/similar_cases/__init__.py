"""The case view's "Like cases" tab (services/similar_cases.py)."""
