"""The managers' deadline board."""

from ipdesk.ui.deadlines.board import DeadlineBoardModel, DeadlineBoardWidget

__all__ = ["DeadlineBoardModel", "DeadlineBoardWidget"]
