"""A form dialog whose OK button runs one service call in the background.

Shared by the user, agency, consultation, agreement and follow-up dialogs: the call is a
write on the user's desk (never on the GUI thread), which broadcasts what it changed
(``_changes``); a refusal is shown under the fields — every message of a
``ValidationErrors``, the first invalid field focused — and the input is kept; success
emits ``saved`` with the service's result and closes the dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import Call
from ipdesk.ui.desk import Change, Desk, Refusal
from ipdesk.ui.messages import ERROR_STYLE


def field_root(field: str) -> str:
    """``obligations[2].amount`` -> ``obligations``: the widget that holds the field."""
    return field.split("[", 1)[0].split(".", 1)[0]


class ServiceDialog(QDialog):
    saved = Signal(object)
    """The service accepted the input: its result."""
    refused = Signal(str)
    """The service refused: the text shown."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.result_value: Any = None
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("ok_button")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self._on_submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)

    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    def submit(self) -> None:
        """Press OK (for keyboard users and tests)."""
        self._on_submit()

    # -- to override ---------------------------------------------------------------------------

    def _call(self) -> Call[Any] | None:
        """The named service call to run (a write), or None after showing why the input
        is not ready."""
        raise NotImplementedError

    def _changes(self, result: Any) -> Change | None:
        """What the call changed (from its ``result``), to tell the pages that show it."""
        raise NotImplementedError

    def _field_widgets(self) -> dict[str, QWidget]:
        return {}

    def _refusal(self, refusal: Refusal) -> tuple[str, str | None]:
        """The text to show for a refused call and the field to focus."""
        return refusal.text, refusal.field

    # -- machinery -----------------------------------------------------------------------------

    def _show_error(self, text: str, field: str | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        if field is not None:
            widgets = self._field_widgets()
            widget = widgets.get(field) or widgets.get(field_root(field))
            if widget is not None:
                widget.setFocus()
        self.refused.emit(text)

    def _on_submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        work = self._call()
        if work is None:
            return
        self.ok_button.setEnabled(False)
        self.error_label.setVisible(False)
        self.desk.write(self, work, self._on_saved, self._on_refused, changes=self._changes)

    def _on_saved(self, result: object) -> None:
        self.ok_button.setEnabled(True)
        self.result_value = result
        self.saved.emit(result)
        self.accept()

    def _on_refused(self, refusal: Refusal) -> None:
        self.ok_button.setEnabled(True)
        text, field = self._refusal(refusal)
        self._show_error(text, field)
