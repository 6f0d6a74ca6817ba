"""File → Import ledger: pick a .xlsx/.csv, preview the dry run, import when clean."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import call
from ipdesk.services.cases.case_import import ImportResult, check_ledger_data, import_ledger_data
from ipdesk.services.errors import ImportFailed
from ipdesk.ui.desk import Change, Desk, Refusal, case_change, refusal_of
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.tasks import ProgressRelay


def _imported(result: ImportResult) -> Change | None:
    """New cases (any of them: the ledger's ids are not returned), unless the file changed
    since the dry run and nothing was imported."""
    return None if result.errors else case_change()


class ImportLedgerDialog(QDialog):
    """``checked(result)`` after the dry run, ``imported(result)`` after the import."""

    checked = Signal(object)
    imported = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self.path: Path | None = None
        self.result_: ImportResult | None = None
        self.setObjectName("import_ledger_dialog")
        self.setWindowTitle(self.tr("Import case ledger"))
        self.resize(900, 560)

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path_edit")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("A .xlsx or .csv ledger, one case per row"))
        self.browse_button = QPushButton(self.tr("&Choose file…"))
        self.browse_button.setObjectName("browse_button")
        self.browse_button.clicked.connect(self._on_browse)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.errors_table = QTableWidget(0, 3)
        self.errors_table.setObjectName("errors_table")
        self.errors_table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        self.errors_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.errors_table.verticalHeader().setVisible(False)
        header = self.errors_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setVisible(False)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("import_button")
        self.import_button.setEnabled(False)
        self.import_button.setAutoDefault(False)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(self.browse_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.errors_table, 1)
        layout.addLayout(bottom)
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._on_progress)

    @classmethod
    def choose_path(cls, parent: QWidget) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("ImportLedgerDialog", "Choose a case ledger"),
            "",
            QCoreApplication.translate("ImportLedgerDialog", "Ledgers (*.xlsx *.csv)"),
        )
        return Path(name) if name else None

    def _on_browse(self) -> None:
        path = self.choose_path(self)
        if path is not None:
            self.check(path)

    # -- dry run -------------------------------------------------------------------------------

    def check(self, path: Path) -> None:
        """Validate every row of ``path`` without importing (a dry run)."""
        self.path = path
        self.path_edit.setText(str(path))
        self.import_button.setEnabled(False)
        self.summary_label.setText(self.tr("Checking…"))
        self.summary_label.setStyleSheet("")
        self._run(dry_run=True)

    def start_import(self) -> None:
        if self.path is None or self.result_ is None or not self.result_.ok:
            return
        self.import_button.setEnabled(False)
        self.browse_button.setEnabled(False)
        self.summary_label.setText(self.tr("Importing…"))
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        path, report = self.path, self.relay.report
        assert path is not None
        try:
            data = path.read_bytes()  # sent as it is to wherever the records are
        except OSError as exc:
            self._on_failed(refusal_of(ImportFailed(f"{path.name}：{exc.strerror}")))
            return
        self.progress.setVisible(True)
        self.progress.setValue(0)
        if dry_run:  # nothing is registered: rolled back here, read-only on a server
            check = call(check_ledger_data, data, path.name)
            self._desk.rehearse(
                self, check, self._on_checked, self._on_failed, purpose="import", progress=report
            )
        else:
            self._desk.write(
                self,
                call(import_ledger_data, data, path.name),
                self._on_imported,
                self._on_failed,
                changes=_imported,
                purpose="import",
                progress=report,
            )

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _on_checked(self, result: ImportResult) -> None:
        self.result_ = result
        self.progress.setVisible(False)
        self.errors_table.setRowCount(len(result.errors))
        for r, error in enumerate(result.errors):
            for c, value in enumerate((str(error.row), error.column, error.message)):
                self.errors_table.setItem(r, c, QTableWidgetItem(value))
        if result.errors:
            rows = len({e.row for e in result.errors})
            self.summary_label.setText(
                self.tr(
                    "%n row(s) read; {0} with problems. Correct the file and choose it again: "
                    "nothing is imported while any row is invalid.",
                    "",
                    result.rows,
                ).format(rows)
            )
            self.summary_label.setStyleSheet(ERROR_STYLE)
        elif result.rows == 0:
            self.summary_label.setText(self.tr("The file holds no cases."))
        else:
            self.summary_label.setText(
                self.tr(
                    "%n row(s) read, all valid. Press Import to register them.", "", result.rows
                )
            )
        self.import_button.setEnabled(result.ok and result.rows > 0)
        self.checked.emit(result)

    def _on_imported(self, result: ImportResult) -> None:
        self.result_ = result
        self.progress.setVisible(False)
        self.browse_button.setEnabled(True)
        if result.errors:  # the file changed since the dry run
            self._on_checked(result)
            return
        self.summary_label.setText(self.tr("%n case(s) imported.", "", result.imported))
        self.imported.emit(result)

    def _on_failed(self, refusal: Refusal) -> None:
        self.progress.setVisible(False)
        self.browse_button.setEnabled(True)
        text = refusal.text
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(ERROR_STYLE)
        self.failed.emit(text)
