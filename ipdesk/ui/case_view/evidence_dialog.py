"""Adding evidence to a case after registration: files and what they show."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ipdesk.remote.calls import Call, call
from ipdesk.services.cases import evidence
from ipdesk.services.cases.intake import AttachmentInput, StoredAttachment
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.ui.desk import Change, ChangeKind, Desk
from ipdesk.ui.service_dialog import ServiceDialog

if TYPE_CHECKING:
    from ipdesk.ui.case_view.view import CaseView


def _size_text(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} B"


class EvidenceDialog(ServiceDialog):
    """``saved(tuple[StoredAttachment, ...])`` once the files are stored on the case."""

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        version: int,
        store: Path,
        parent: QWidget | None = None,
        *,
        number: str = "",
    ) -> None:
        super().__init__(desk, parent)
        self._actor, self.case_id, self.version, self._store = desk.actor, case_id, version, store
        self.setObjectName("evidence_dialog")
        self.setWindowTitle(
            self.tr("Add evidence to case {0}").format(number)
            if number
            else self.tr("Add evidence")
        )
        self.ok_button.setText(self.tr("Add evidence"))
        self.files_list = QListWidget()
        self.files_list.setObjectName("files_list")
        self.files_list.setMinimumHeight(100)
        self.add_files_button = QPushButton(self.tr("Choose &files…"))
        self.add_files_button.setObjectName("add_files_button")
        self.add_files_button.setAutoDefault(False)
        self.add_files_button.clicked.connect(self._on_add_files)
        self.remove_file_button = QPushButton(self.tr("&Remove"))
        self.remove_file_button.setObjectName("remove_file_button")
        self.remove_file_button.setAutoDefault(False)
        self.remove_file_button.clicked.connect(self._on_remove_file)
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("description_edit")
        self.description_edit.setMaxLength(300)
        self.description_edit.setPlaceholderText(
            self.tr("What the files show, e.g. photos of the goods on sale")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_files_button)
        buttons.addWidget(self.remove_file_button)
        buttons.addStretch(1)
        self.form.addRow(self.tr("Files:"), self.files_list)
        self.form.addRow("", buttons)
        self.form.addRow(self.tr("Description:"), self.description_edit)
        self.resize(560, 320)

    @classmethod
    def choose_files(cls, parent: QWidget) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            parent, QCoreApplication.translate("EvidenceDialog", "Add evidence files")
        )
        return [Path(n) for n in names]

    def add_files(self, files: list[Path]) -> None:
        for path in files:
            try:
                size = _size_text(path.stat().st_size)
            except OSError:
                size = "?"
            item = QListWidgetItem(f"{path.name} — {size}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.files_list.addItem(item)

    def files(self) -> list[Path]:
        return [
            Path(str(self.files_list.item(i).data(Qt.ItemDataRole.UserRole)))
            for i in range(self.files_list.count())
        ]

    def _on_add_files(self) -> None:
        files = self.choose_files(self)
        if files:
            self.add_files(files)

    def _on_remove_file(self) -> None:
        row = self.files_list.currentRow()
        if row >= 0:
            self.files_list.takeItem(row)

    def _field_widgets(self) -> dict[str, QWidget]:
        return {"attachments": self.files_list}

    def _changes(self, _result: object) -> Change:
        return Change.of(ChangeKind.CASES, ChangeKind.DOCUMENTS, case_ids=[self.case_id])

    def _call(self) -> Call[tuple[StoredAttachment, ...]] | None:
        files = self.files()
        if not files:
            self._show_error(self.tr("Choose at least one file."), "attachments")
            return None
        description = self.description_edit.text()
        items = [AttachmentInput(path, description) for path in files]
        # on a desk on the server, the files are uploaded first (RemoteBackend)
        return call(evidence.add_evidence, self.case_id, self.version, items)


def open_evidence_dialog(view: CaseView, action: CaseAction) -> QDialog:
    assert view.detail is not None
    dialog = EvidenceDialog(
        view.desk,
        view.case_id,
        view.detail.version_id,
        view.attachment_store,
        view,
        number=view.detail.number,
    )
    dialog.saved.connect(lambda _r: view.action_performed(action))
    return dialog
