"""The start-up check of the evidence and document files: a banner when a record lacks its
file, a file differs from its record, or a file belongs to no record. Before it, on this
computer's database, the repair step that stores the files of earlier versions
(:meth:`ipdesk.ui.desk.Desk.repair_local_files`).

:func:`ipdesk.services.infra.integrity.check_files` runs in the background (presence and size
only: hashing every file would keep the disk busy at every start); it deletes nothing, and
neither does this banner — it says what is wrong and lists the files, and the
administrator decides.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import call
from ipdesk.services.infra import integrity
from ipdesk.services.infra.integrity import FileReport
from ipdesk.ui.desk import Desk, Refusal

log = logging.getLogger(__name__)


class FileCheckBanner(QFrame):
    """Hidden while the file stores match their records. Everyone sees it: the stores are
    on this computer, and whoever sits at it should tell the administrator."""

    checked = Signal(object)
    """The check finished: its :class:`FileReport`."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        """The check of ``desk``'s records and file stores (its own, or the server's)."""
        super().__init__(parent)
        self._desk = desk
        self.report: FileReport | None = None

        self.setObjectName("file_check_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#file_check_banner { background: #fdecea; border: 1px solid #d93025; }")
        self.message = QLabel()
        self.message.setObjectName("file_check_text")
        self.message.setWordWrap(True)
        self.details_button = QPushButton(self.tr("&Details…"))
        self.details_button.setObjectName("file_check_details")
        self.details_button.clicked.connect(self.show_details)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.details_button)
        self.setVisible(False)

    def check(self) -> None:
        """In the background: the files of earlier versions imported from this computer's
        folders first (a repair kept off the start: at a million records its look-up alone
        took seconds), then the check, which sees what the import stored."""
        self._desk.repair_local_files(self, self._check_files)

    def _check_files(self) -> None:
        load = call(integrity.file_check)
        self._desk.read(self, load, self._on_checked, self._on_failed, purpose="check")

    def _on_checked(self, report: FileReport) -> None:
        self.report = report
        problems = report.missing + report.damaged
        if problems:
            log.warning(
                "File check: %d record(s) without their file, %d changed, %d stray file(s)",
                len(report.missing),
                len(report.damaged),
                len(report.unreferenced),
            )
            self.message.setText(
                self.tr(
                    "%n evidence or document record(s) lack their file or do not match it. "
                    "Nothing was deleted; tell the administrator.",
                    "",
                    len(problems),
                )
            )
        elif report.unreferenced:
            log.info("File check: %d stray file(s)", len(report.unreferenced))
            self.message.setText(
                self.tr(
                    "%n file(s) in the evidence and document folders belong to no case "
                    "(perhaps left by an interrupted save). Nothing was deleted.",
                    "",
                    len(report.unreferenced),
                )
            )
        self.setVisible(bool(report.problems))
        self.checked.emit(report)

    def _on_failed(self, refusal: Refusal) -> None:
        log.error("The file check failed: %s", refusal.text)
        self.message.setText(self.tr("The files could not be checked: {0}").format(refusal.text))
        self.details_button.setVisible(False)
        self.setVisible(True)

    def show_details(self) -> QDialog:
        """A window listing every problem, one per line (the stores' folders on top)."""
        dialog = QDialog(self.window())
        dialog.setObjectName("file_check_dialog")
        dialog.setWindowTitle(self.tr("File check"))
        text = QPlainTextEdit()
        text.setObjectName("file_check_list")
        text.setReadOnly(True)
        stores = self._desk.stores
        lines = (
            [
                self.tr("Evidence folder: {0}").format(stores.attachments),
                self.tr("Documents folder: {0}").format(stores.documents),
                "",
            ]
            if stores is not None
            else []
        )
        if self.report is not None:
            lines += [problem.message for problem in self.report.problems]
        text.setPlainText("\n".join(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(760, 420)
        dialog.open()
        return dialog
