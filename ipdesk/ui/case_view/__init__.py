"""One case in full, with the actions the user may take on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ipdesk.ui.case_view.actions import ActionDialog
from ipdesk.ui.case_view.view import CaseView
from ipdesk.ui.desk import Desk


class CaseViewDialog(QDialog):
    """A :class:`CaseView` in a window of its own (``dialog.view``)."""

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        parent: QWidget | None = None,
        *,
        attachment_store: Path,
        document_store: Path,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("case_view_dialog")
        self.setWindowTitle(self.tr("Case"))
        self.resize(1000, 720)
        self.view = CaseView(
            desk, case_id, self, attachment_store=attachment_store, document_store=document_store
        )
        self.view.loaded.connect(
            lambda d: self.setWindowTitle(self.tr("Case {0}").format(d.number))
        )
        QVBoxLayout(self).addWidget(self.view)


__all__ = ["ActionDialog", "CaseView", "CaseViewDialog"]
