"""The document templates (``forms/*.docx``): what the checker finds in each, and a preview.

The check (:func:`ipdesk.services.documents.check_template` per document kind) and the
preview (:func:`ipdesk.services.documents.preview`, the template filled with the demo
case) run in the background; the preview is written to a file of its own and opened with
the desktop's word processor.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipdesk.paths import FORMS_DIR
from ipdesk.services import documents
from ipdesk.services.documents import DocumentKind, TemplateProblem
from ipdesk.ui.messages import ERROR_STYLE, error_text
from ipdesk.ui.tasks import run_task

log = logging.getLogger(__name__)

_ERROR = QColor(176, 0, 32)
_OK = QColor(0, 110, 40)
_KIND_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class TemplateResult:
    """One file of the forms folder: its document kind (None: not a case document's
    template) and what the check found."""

    file: str
    kind: DocumentKind | None
    problems: tuple[TemplateProblem, ...]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity != "error")


def check_forms(forms_dir: Path) -> list[TemplateResult]:
    """Every document kind's template (missing ones included), then the other .docx files
    of ``forms_dir``. Slow (parses every template): run it in the background."""
    results = []
    known = set()
    for kind in DocumentKind:
        path = documents.template_path(kind, forms_dir)
        known.add(path.name)
        results.append(TemplateResult(path.name, kind, tuple(documents.check_template(path, kind))))
    others = sorted(p.name for p in forms_dir.glob("*.docx") if p.name not in known)
    results += [TemplateResult(name, None, ()) for name in others]
    return results


def preview_file(kind: DocumentKind, forms_dir: Path, out_dir: Path) -> Path:
    """Render the preview of ``kind`` into a new file in ``out_dir`` (a new name each time,
    so that a preview still open in Word does not block the next one)."""
    data = documents.preview(kind, forms_dir=forms_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = out_dir / f"{kind.value}-preview-{stamp}.docx"
    documents.write_atomically(path, data)
    return path


def default_preview_dir() -> Path:
    return Path(tempfile.gettempdir()) / "ipdesk-preview"


class TemplatesDialog(QDialog):
    """The templates with the check's result per file, its problems listed under it."""

    checked = Signal(list)
    """The check finished: the list of :class:`TemplateResult`."""
    preview_ready = Signal(object)
    """A preview was written: its path."""
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        forms_dir: Path = FORMS_DIR,
        preview_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._forms_dir = Path(forms_dir)
        self._preview_dir = preview_dir if preview_dir is not None else default_preview_dir()
        self.results: list[TemplateResult] = []
        self.setObjectName("templates_dialog")
        self.setWindowTitle(self.tr("Document templates"))

        self.folder_label = QLabel(self.tr("Templates in: {0}").format(self._forms_dir))
        self.folder_label.setObjectName("folder_label")
        self.folder_label.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("templates_tree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Template"), self.tr("Result"), self.tr("Details")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda _item, _column: self.preview_selected())

        self.status = QLabel()
        self.status.setObjectName("templates_status")
        self.status.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check &again"))
        self.check_button.setObjectName("check_button")
        self.check_button.clicked.connect(self.check)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setObjectName("preview_button")
        self.preview_button.setToolTip(
            self.tr("Fill the template with a sample case and open it in the word processor")
        )
        self.preview_button.clicked.connect(self.preview_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(980, 560)
        self._update_buttons()
        self.check()

    # -- opening files (class-level so tests can replace it) ----------------------------------

    @classmethod
    def open_url(cls, url: QUrl) -> bool:
        return QDesktopServices.openUrl(url)

    # -- checking ----------------------------------------------------------------------------

    def check(self) -> None:
        """Check every template again (in the background)."""
        forms_dir = self._forms_dir
        self.check_button.setEnabled(False)
        self._show_status(self.tr("Checking the templates…"))
        run_task(
            lambda: check_forms(forms_dir),
            self._on_checked,
            self._on_check_failed,
            context=self,
            purpose="check",
        )

    def _on_checked(self, results: list[TemplateResult]) -> None:
        self.check_button.setEnabled(True)
        self.results = results
        self.tree.clear()
        for result in results:
            item = self._item(result)
            self.tree.addTopLevelItem(item)
            item.setExpanded(bool(result.problems))  # (only takes effect once in the tree)
        broken = sum(1 for r in results if r.errors)
        if broken:
            self._show_status(
                self.tr("%n template(s) have errors and cannot be used.", "", broken), error=True
            )
        else:
            self._show_status(self.tr("All templates can be used."))
        self._update_buttons()
        self.checked.emit(results)

    def _on_check_failed(self, error: Exception) -> None:
        self.check_button.setEnabled(True)
        log.error("Checking the templates failed", exc_info=error)
        self._fail(self.tr("The templates could not be checked: {0}").format(error_text(error)))

    def _item(self, result: TemplateResult) -> QTreeWidgetItem:
        title = result.kind.label if result.kind is not None else ""
        name = f"{result.file} — {title}" if title else result.file
        item = QTreeWidgetItem([name, self._result_text(result), ""])
        item.setData(0, _KIND_ROLE, result.kind.value if result.kind else None)
        if result.kind is None:
            item.setText(2, self.tr("Not a case document template: not checked here."))
        elif result.errors:
            item.setForeground(1, QBrush(_ERROR))
        elif not result.warnings:
            item.setForeground(1, QBrush(_OK))
        for problem in result.problems:
            severity = self.tr("Error") if problem.severity == "error" else self.tr("Warning")
            child = QTreeWidgetItem(
                [severity, self.problem_text(problem.code), f"{problem.tag}：{problem.message}"]
            )
            child.setToolTip(2, f"{problem.tag}\n{problem.message}")
            if problem.severity == "error":
                child.setForeground(0, QBrush(_ERROR))
            item.addChild(child)
        return item

    def _result_text(self, result: TemplateResult) -> str:
        if result.kind is None:
            return "—"
        if any(p.code == "missing_template" for p in result.problems):
            return self.tr("Missing")
        if not result.problems:
            return self.tr("OK")
        parts = []
        if result.errors:
            parts.append(self.tr("%n error(s)", "", result.errors))
        if result.warnings:
            parts.append(self.tr("%n warning(s)", "", result.warnings))
        return ", ".join(parts)

    def problem_text(self, code: str) -> str:
        """What a problem of the checker's ``code`` means, in the user's language."""
        texts = {
            "missing_template": self.tr("The template file is missing"),
            "unreadable": self.tr("Not a readable Word document"),
            "syntax": self.tr("Syntax error in a tag"),
            "unknown_variable": self.tr("Unknown field"),
            "unknown_attribute": self.tr("Unknown field"),
            "split": self.tr("Tag split by Word"),
            "curly_quotes": self.tr("Curly quotes in a tag"),
            "fullwidth": self.tr("Full-width braces"),
            "stray_brace": self.tr("Space between braces"),
            "unclosed": self.tr("Incomplete tag"),
            "paragraph_tag_text": self.tr("Text beside a paragraph tag"),
            "render_error": self.tr("Cannot be filled"),
        }
        return texts.get(code, code)

    # -- preview -----------------------------------------------------------------------------

    def selected_kind(self) -> DocumentKind | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        value = item.data(0, _KIND_ROLE) if item is not None else None
        return DocumentKind(value) if value else None

    def select_kind(self, kind: DocumentKind) -> None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, _KIND_ROLE) == kind.value:
                self.tree.setCurrentItem(item)
                return

    def _update_buttons(self, *_args: object) -> None:
        self.preview_button.setEnabled(self.selected_kind() is not None)

    def preview_selected(self) -> None:
        """Fill the selected template with the sample case (in the background) and open it."""
        kind = self.selected_kind()
        if kind is None:
            return
        forms_dir, out_dir = self._forms_dir, self._preview_dir
        self.preview_button.setEnabled(False)
        self._show_status(self.tr("Preparing the preview of {0}…").format(kind.label))
        run_task(
            lambda: preview_file(kind, forms_dir, out_dir),
            self._on_preview_ready,
            self._on_preview_failed,
            context=self,
        )

    def _on_preview_ready(self, path: Path) -> None:
        self._update_buttons()
        self._show_status(self.tr("Preview written to {0}").format(path))
        self.preview_ready.emit(path)
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            self._show_status(
                self.tr("Preview written to {0}; no program to open it was found.").format(path)
            )

    def _on_preview_failed(self, error: Exception) -> None:
        self._update_buttons()
        log.warning("Template preview failed: %s", error)
        self._fail(self.tr("No preview: {0}").format(error_text(error)))

    # -- status ------------------------------------------------------------------------------

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def _fail(self, text: str) -> None:
        self._show_status(text, error=True)
        self.failed.emit(text)
