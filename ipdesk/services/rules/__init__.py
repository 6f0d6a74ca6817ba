"""Rules: pure decisions with no database of their own — who may do what, time limits,
identifiers, jurisdiction, how text and amounts are written."""
