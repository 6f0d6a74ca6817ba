"""The agreement editor: the mediation agreement of a case with its obligations table.

On a case in mediation, saving records the agreement and moves the case to "agreement"
(``mediation.record_agreement``); on a case already there it edits the terms
(``mediation.update_agreement``); otherwise the agreement is shown read-only. Loading and
saving run in the background; a refusal is shown in the dialog and the input is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from ipdesk.remote.calls import Call, call
from ipdesk.services.cases import mediation
from ipdesk.services.cases.mediation import AgreementDraft, AgreementForm, AgreementInfo
from ipdesk.services.rules.chinese_text import amount_in_capitals, amount_in_figures
from ipdesk.ui.agreement.obligations import (
    DESCRIPTION,
    ObligationDelegate,
    ObligationRow,
    ObligationsTableModel,
)
from ipdesk.ui.desk import Change, Desk, Refusal, case_change
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.service_dialog import ServiceDialog

Today = Callable[[], dt.date]


class AgreementEditor(ServiceDialog):
    draft_loaded = Signal(object)
    """The case and its agreement were loaded: the ``AgreementDraft``."""
    agreement_saved = Signal(object)
    """The agreement was recorded or edited: the ``AgreementInfo``."""

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self._case_id = case_id
        self._today = desk.today
        self.draft: AgreementDraft | None = None
        self.setObjectName("agreement_editor")
        self.setWindowTitle(self.tr("Mediation agreement"))
        self.resize(1040, 680)  # the terms' table needs the room; fits 1366 x 768

        self.case_label = QLabel()
        self.case_label.setObjectName("case_label")
        self.signed_edit = self._date_edit("signed_on_edit")
        self.in_effect = QCheckBox(self.tr("In &effect since"))
        self.in_effect.setObjectName("in_effect")
        self.in_effect.setToolTip(
            self.tr(
                "The agreement takes effect when every party has signed, sealed or "
                "fingerprinted it and the mediator has signed and the office has sealed it."
            )
        )
        self.effective_edit = self._date_edit("effective_on_edit")
        self.in_effect.toggled.connect(self.effective_edit.setEnabled)
        self.effective_edit.setEnabled(False)
        effective = QHBoxLayout()
        effective.addWidget(self.in_effect)
        effective.addWidget(self.effective_edit, 1)
        self.ownership = QCheckBox(
            self.tr("The agreement decides &ownership or validity of an IP right")
        )
        self.ownership.setObjectName("decides_ownership")
        self.ownership_warning = QLabel(
            self.tr(
                "Courts do not confirm an agreement that decides ownership or validity of an "
                "IP right (SPC interpretation of the Civil Procedure Law, Art. 355): tell the "
                "parties before they apply for judicial confirmation; they may sue over "
                "ownership instead."
            )
        )
        self.ownership_warning.setObjectName("ownership_warning")
        self.ownership_warning.setWordWrap(True)
        self.ownership_warning.setStyleSheet(ERROR_STYLE)
        self.ownership_warning.setVisible(False)
        self.ownership.toggled.connect(self.ownership_warning.setVisible)
        self.facts_edit = QPlainTextEdit()
        self.facts_edit.setObjectName("facts_edit")
        self.facts_edit.setTabChangesFocus(True)
        self.responsibilities_edit = QPlainTextEdit()
        self.responsibilities_edit.setObjectName("responsibilities_edit")
        self.responsibilities_edit.setTabChangesFocus(True)
        for edit in (self.facts_edit, self.responsibilities_edit):  # the terms get the room
            edit.setMaximumHeight(4 * edit.fontMetrics().lineSpacing() + 12)

        self.obligations = ObligationsTableModel(self)
        self.obligations.dataChanged.connect(self._update_total)
        self.obligations.rowsInserted.connect(self._update_total)
        self.obligations.rowsRemoved.connect(self._update_total)
        self.table = QTableView()
        self.table.setObjectName("obligations_table")
        self.table.setModel(self.obligations)
        self.table.setItemDelegate(ObligationDelegate(self.obligations, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(7 * self.table.verticalHeader().defaultSectionSize())
        self.add_button = QPushButton(self.tr("&Add term"))
        self.add_button.setObjectName("add_obligation")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("&Remove term"))
        self.remove_button.setObjectName("remove_obligation")
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.total_label = QLabel()
        self.total_label.setObjectName("total_label")
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.add_button)
        table_buttons.addWidget(self.remove_button)
        table_buttons.addStretch(1)
        table_buttons.addWidget(self.total_label)

        self.form.addRow(self.case_label)
        self.form.addRow(self.tr("&Signed on:"), self.signed_edit)
        self.form.addRow("", effective)
        self.form.addRow("", self.ownership)
        self.form.addRow("", self.ownership_warning)
        self.form.addRow(self.tr("&Facts and matters in dispute:"), self.facts_edit)
        self.form.addRow(self.tr("Each party's &responsibility:"), self.responsibilities_edit)
        self.form.addRow(self.tr("Agreed terms:"), self.table)
        self.form.addRow("", table_buttons)
        self.ok_button.setText(self.tr("Save"))
        self.ok_button.setEnabled(False)
        self.reload()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(to_qdate(self._today()))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        load = call(mediation.load_agreement, self._case_id)
        self.desk.read(self, load, self._on_loaded, self._on_load_failed, purpose="load")

    def _on_loaded(self, draft: AgreementDraft) -> None:
        self.draft = draft
        editable = draft.may_record or draft.may_edit
        agreement = draft.agreement
        if draft.may_record:
            self.case_label.setText(
                self.tr("Case {0}: record the agreement the parties reached").format(draft.number)
            )
            self.ok_button.setText(self.tr("Record agreement"))
        elif draft.may_edit:
            self.case_label.setText(self.tr("Case {0}: edit the agreement").format(draft.number))
        else:
            self.case_label.setText(
                self.tr("Case {0}: the agreement can no longer be changed here").format(
                    draft.number
                )
            )
        rows = [ObligationRow.of(o) for o in agreement.obligations] if agreement else []
        self.obligations.read_only = not editable
        self.obligations.set_rows(draft.parties, rows)
        if agreement is not None:
            if agreement.signed_on:
                self.signed_edit.setDate(to_qdate(agreement.signed_on))
            self.in_effect.setChecked(agreement.effective_on is not None)
            if agreement.effective_on:
                self.effective_edit.setDate(to_qdate(agreement.effective_on))
            self.ownership.setChecked(agreement.decides_ownership)
            self.facts_edit.setPlainText(agreement.facts or "")
            self.responsibilities_edit.setPlainText(agreement.responsibilities or "")
        elif editable and not rows:
            self.obligations.add_row()
        for widget in (
            self.signed_edit,
            self.in_effect,
            self.ownership,
            self.add_button,
            self.remove_button,
        ):
            widget.setEnabled(editable)
        self.effective_edit.setEnabled(editable and self.in_effect.isChecked())
        self.facts_edit.setReadOnly(not editable)
        self.responsibilities_edit.setReadOnly(not editable)
        self.ok_button.setEnabled(editable)
        self._update_total()
        self.draft_loaded.emit(draft)

    def _on_load_failed(self, refusal: Refusal) -> None:
        self._show_error(refusal.text)

    # -- editing -------------------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        row = self.obligations.add_row()
        self.table.setCurrentIndex(self.obligations.index(row, DESCRIPTION))

    def _on_remove_clicked(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        for row in rows:
            self.obligations.remove_row(row)

    def _update_total(self, *_args: object) -> None:
        total = self.obligations.total()
        try:
            figures, capitals = amount_in_figures(total), amount_in_capitals(total)
        except ValueError:  # beyond what the amounts may hold: the save says so
            figures, capitals = "—", "—"
        self.total_label.setText(self.tr("Total: {0} yuan ({1})").format(figures, capitals))

    def agreement_form(self) -> AgreementForm:
        return AgreementForm(
            signed_on=from_qdate(self.signed_edit.date()),
            effective_on=(
                from_qdate(self.effective_edit.date()) if self.in_effect.isChecked() else None
            ),
            facts=self.facts_edit.toPlainText(),
            responsibilities=self.responsibilities_edit.toPlainText(),
            decides_ownership=self.ownership.isChecked(),
            obligations=self.obligations.forms(),
        )

    # -- saving --------------------------------------------------------------------------------

    def _field_widgets(self) -> dict[str, QWidget]:
        return {
            "signed_on": self.signed_edit,
            "effective_on": self.effective_edit,
            "facts": self.facts_edit,
            "responsibilities": self.responsibilities_edit,
            "obligations": self.table,
        }

    def _changes(self, _result: object) -> Change:
        return case_change(self._case_id)

    def _call(self) -> Call[AgreementInfo] | None:
        draft = self.draft
        if draft is None or not (draft.may_record or draft.may_edit):
            return None
        form = self.agreement_form()
        if draft.may_record:
            return call(mediation.record_agreement, self._case_id, draft.version, form)
        agreement_version = draft.agreement.version if draft.agreement else 0
        return call(mediation.update_agreement, self._case_id, agreement_version, form)

    def _on_saved(self, result: object) -> None:
        self.agreement_saved.emit(result)
        super()._on_saved(result)
