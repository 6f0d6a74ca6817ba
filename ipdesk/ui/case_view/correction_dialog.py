"""Correcting a case: its parties, the IP right, the facts, the claim and the amount.

Opens with the case's current values (:func:`ipdesk.services.cases.corrections.correction_form`,
loaded in the background). ID numbers, phones and addresses come masked for users who may
not view personal data: such a field stays as it is unless the user types a whole new
value (the service treats the masked text as "unchanged"), so correcting a name never
needs, nor reveals, the full ID number. Only the fields the user changed are sent; the
service checks the case as corrected with the intake's rules and a refusal is shown
beside its field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ipdesk.remote.calls import Call, call
from ipdesk.services.cases import corrections
from ipdesk.services.cases.corrections import CaseCorrection, CorrectionForm, PartyChange
from ipdesk.services.cases.intake import PartyForm
from ipdesk.services.cases.workflow import CaseAction
from ipdesk.services.errors import ValidationErrors
from ipdesk.ui.desk import Change, Desk, Refusal, case_change
from ipdesk.ui.intake.fields import FieldBox, FocusWatcher
from ipdesk.ui.intake.labels import dispute_type_labels, ip_type_labels
from ipdesk.ui.intake.party import TEXT_FIELDS, PartyEditor
from ipdesk.ui.service_dialog import ServiceDialog

if TYPE_CHECKING:
    from ipdesk.ui.case_view.view import CaseView


class CorrectionDialog(ServiceDialog):
    """``saved(CorrectionResult)`` after the correction was stored; ``loaded`` once the
    current values are in the fields."""

    def __init__(
        self,
        desk: Desk,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor, self.case_id = desk.actor, case_id
        self.current: CorrectionForm | None = None
        self.setObjectName("correction_dialog")
        self.setWindowTitle(self.tr("Correct the case"))
        self.ok_button.setText(self.tr("Save correction"))
        self.ok_button.setEnabled(False)

        self.masked_label = QLabel(
            self.tr(
                "ID numbers, phones and addresses are shown masked. A masked field stays "
                "as it is unless you type the whole new value."
            )
        )
        self.masked_label.setObjectName("masked_label")
        self.masked_label.setWordWrap(True)
        self.masked_label.setVisible(False)

        self._watcher = FocusWatcher(self)
        self.party_editors: list[PartyEditor] = []
        self.parties_box = QVBoxLayout()

        self.ip_type_combo = QComboBox()
        self.ip_type_combo.setObjectName("ip_type_combo")
        for value, text in ip_type_labels().items():
            self.ip_type_combo.addItem(text, value)
        self.dispute_type_combo = QComboBox()
        self.dispute_type_combo.setObjectName("dispute_type_combo")
        for value, text in dispute_type_labels().items():
            self.dispute_type_combo.addItem(text, value)
        self.right_number_edit = QLineEdit()
        self.right_number_edit.setObjectName("right_number_edit")
        self.right_holder_edit = QLineEdit()
        self.right_holder_edit.setObjectName("right_holder_edit")
        self.facts_edit = QPlainTextEdit()
        self.facts_edit.setObjectName("facts_edit")
        self.claim_edit = QPlainTextEdit()
        self.claim_edit.setObjectName("claim_edit")
        for edit in (self.facts_edit, self.claim_edit):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amount_edit")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setPlaceholderText(self.tr("Why (optional), e.g. the party's call"))
        self.boxes: dict[str, FieldBox] = {
            "ip_type": FieldBox(self.ip_type_combo, "ip_type"),
            "right_number": FieldBox(self.right_number_edit, "right_number"),
            "right_holder": FieldBox(self.right_holder_edit, "right_holder"),
            "dispute_type": FieldBox(self.dispute_type_combo, "dispute_type"),
            "facts": FieldBox(self.facts_edit, "facts"),
            "claim": FieldBox(self.claim_edit, "claim"),
            "amount_claimed": FieldBox(self.amount_edit, "amount_claimed"),
            "reason": FieldBox(self.reason_edit, "reason"),
        }

        case_group = QGroupBox(self.tr("Dispute"))
        case_form = self.form  # ServiceDialog's form, moved into the scroll area
        self.body.removeItem(case_form)
        case_form.addRow(self.tr("IP type:"), self.boxes["ip_type"])
        case_form.addRow(self.tr("Right number:"), self.boxes["right_number"])
        case_form.addRow(self.tr("Right holder:"), self.boxes["right_holder"])
        case_form.addRow(self.tr("Dispute type:"), self.boxes["dispute_type"])
        case_form.addRow(self.tr("Facts and reasons:"), self.boxes["facts"])
        case_form.addRow(self.tr("Claim:"), self.boxes["claim"])
        case_form.addRow(self.tr("Amount claimed (yuan):"), self.boxes["amount_claimed"])
        case_group.setLayout(case_form)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.masked_label)
        column.addLayout(self.parties_box)
        column.addWidget(case_group)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("correction_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        reason_row = QVBoxLayout()
        reason_row.addWidget(QLabel(self.tr("Reason for the correction:")))
        reason_row.addWidget(self.boxes["reason"])
        self.body.insertWidget(0, scroll, 1)
        self.body.insertLayout(1, reason_row)
        self.resize(760, 640)
        self._load()

    # -- loading -------------------------------------------------------------------------------

    def _load(self) -> None:
        # a write: the personal data shown to a user who may see them are recorded
        load = call(corrections.correction_form, self.case_id)
        self.desk.write(self, load, self._on_loaded, self._on_refused, changes=None)

    def _on_loaded(self, form: CorrectionForm) -> None:
        self.current = form
        self.setWindowTitle(self.tr("Correct case {0}").format(form.number))
        self.masked_label.setVisible(form.masked)
        for index, values in enumerate(form.parties):
            editor = PartyEditor(self._watcher, index, _party_form(values))
            editor.setObjectName(f"party_{index}")
            editor.role_combo.setEnabled(False)
            editor.remove_button.setVisible(False)
            editor.form.setRowVisible(editor.represents_box, False)
            self.party_editors.append(editor)
            self.parties_box.addWidget(editor)
        self.ip_type_combo.setCurrentIndex(max(0, self.ip_type_combo.findData(form.ip_type)))
        self.dispute_type_combo.setCurrentIndex(
            max(0, self.dispute_type_combo.findData(form.dispute_type))
        )
        self.right_number_edit.setText(form.right_number)
        self.right_holder_edit.setText(form.right_holder)
        self.facts_edit.setPlainText(form.facts)
        self.claim_edit.setPlainText(form.claim)
        self.amount_edit.setText(form.amount_claimed)
        self.ok_button.setEnabled(True)
        if self.party_editors:
            self.party_editors[0].edits["name"].setFocus()

    # -- saving --------------------------------------------------------------------------------

    def correction(self) -> CaseCorrection | None:
        """What the user changed (None before the values are loaded)."""
        form = self.current
        if form is None:
            return None
        typed: dict[str, Any] = {
            "ip_type": self.ip_type_combo.currentData(),
            "right_number": self.right_number_edit.text(),
            "right_holder": self.right_holder_edit.text(),
            "dispute_type": self.dispute_type_combo.currentData(),
            "facts": self.facts_edit.toPlainText(),
            "claim": self.claim_edit.toPlainText(),
            "amount_claimed": self.amount_edit.text(),
        }
        case_changes = {k: v for k, v in typed.items() if v != getattr(form, k)}
        party_changes = []
        for editor, values in zip(self.party_editors, form.parties, strict=True):
            party = editor.party()
            changed = {
                name: getattr(party, name)
                for name in ("kind", *TEXT_FIELDS)
                if getattr(party, name) != getattr(values, name)
            }
            if changed:
                party_changes.append(PartyChange(values.party_id, **changed))
        return CaseCorrection(
            parties=tuple(party_changes), reason=self.reason_edit.text(), **case_changes
        )

    def _changes(self, _result: object) -> Change:
        return case_change(self.case_id)

    def _call(self) -> Call[corrections.CorrectionResult] | None:
        form, correction = self.current, self.correction()
        if form is None or correction is None:
            return None
        for box in self._all_boxes().values():
            box.set_error(None)
        if not correction.parties and all(
            getattr(correction, f) is None for f in corrections.CASE_FIELDS
        ):
            self._show_error(self.tr("Nothing has been changed."))
            return None
        return call(corrections.correct_case, self.case_id, form.version, correction)

    def _all_boxes(self) -> dict[str, FieldBox]:
        boxes = dict(self.boxes)
        for editor in self.party_editors:
            for name in editor.edits:
                box = editor.box_for(name)
                if box is not None:
                    boxes[editor.field_key(name)] = box
        return boxes

    def _field_widgets(self) -> dict[str, QWidget]:
        return dict(self._all_boxes())

    def field_error(self, field: str) -> str:
        """The message shown beside ``field`` (e.g. ``parties[0].id_number``), or ""."""
        box = self._all_boxes().get(field)
        return box.error() if box is not None else ""

    def _refusal(self, refusal: Refusal) -> tuple[str, str | None]:
        if isinstance(refusal.error, ValidationErrors):
            boxes = self._all_boxes()
            for field, text in refusal.fields:
                box = boxes.get(field)
                if box is not None:
                    box.set_error(text)
        return super()._refusal(refusal)

    def _on_refused(self, refusal: Refusal) -> None:
        if self.current is None:  # the values could not be loaded
            self._show_error(refusal.text)
            return
        super()._on_refused(refusal)


def _party_form(values: corrections.PartyValues) -> PartyForm:
    return PartyForm(
        role=values.role,
        kind=values.kind,
        name=values.name,
        id_number=values.id_number,
        phone=values.phone,
        address=values.address,
        ethnicity=values.ethnicity,
        legal_representative=values.legal_representative,
        legal_representative_title=values.legal_representative_title,
    )


def open_correction_dialog(view: CaseView, action: CaseAction) -> QDialog:
    dialog = CorrectionDialog(view.desk, view.case_id, view)
    dialog.saved.connect(lambda _r: view.action_performed(action))
    return dialog
