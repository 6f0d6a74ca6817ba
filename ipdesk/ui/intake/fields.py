"""Small pieces shared by the intake dialog: a field with its error label under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ipdesk.ui.messages import ERROR_STYLE


class FieldBox(QWidget):
    """An input widget with a (hidden until needed) error message right under it."""

    def __init__(self, editor: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error_label = QLabel()
        self.error_label.setObjectName(f"{name}_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)

    def set_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.setStyleSheet("border: 1px solid #b00020;" if message else "")

    def error(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()


class FocusWatcher(QObject):
    """Emits ``left`` with the watched field's key when the field loses focus."""

    left = Signal(str)

    def watch(self, widget: QWidget, key: str) -> None:
        widget.setProperty("intake_field", key)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            key = watched.property("intake_field")
            if isinstance(key, str):
                self.left.emit(key)
        return False
