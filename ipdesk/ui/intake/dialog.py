"""The intake dialog: a complaint logged at the counter.

Everything the form holds is an :class:`ipdesk.services.cases.intake.IntakeForm`; the dialog
validates it with :func:`check_intake` as the user types or leaves a field and shows each
invalid field's message right under the field (once the user has been in that field, or
after a save attempt). Save stays disabled while anything is invalid, and the label next to
it says why. Saving first looks for conflicting open cases (a warning with links; the user
may save anyway), then registers the case with its evidence in one transaction, in the
background.

Draft safety: while the form has unsaved changes it is written every few seconds to a JSON
file in the user data directory; the next dialog opened offers it back (a banner with
Restore / Discard). The draft is deleted after a successful save or when the user discards
the form.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ipdesk import paths
from ipdesk.models import PartyKind, PartyRole
from ipdesk.remote.calls import call
from ipdesk.services.actors import Actor
from ipdesk.services.cases.intake import (
    DEFAULT_MAX_ATTACHMENT_BYTES,
    AttachmentInput,
    ConflictHit,
    IntakeForm,
    PartyForm,
    RegisteredCase,
    check_intake,
    find_conflicts,
    form_from_json,
    form_to_json,
    message_for,
    parse_date,
    register_case,
)
from ipdesk.services.errors import ValidationError, ValidationErrors
from ipdesk.services.queries import read_models
from ipdesk.ui.desk import Desk, Refusal, case_change
from ipdesk.ui.intake.fields import FieldBox, FocusWatcher
from ipdesk.ui.intake.labels import channel_labels, dispute_type_labels, ip_type_labels
from ipdesk.ui.intake.party import PartyEditor
from ipdesk.ui.messages import ERROR_STYLE
from ipdesk.ui.qdates import from_qdate, to_qdate
from ipdesk.ui.refusals import refusal_text

Today = Callable[[], dt.date]
DRAFT_VERSION = 1
AMOUNT_PATTERN = r"[0-9]{0,12}([.][0-9]{0,2})?"


def default_draft_path(actor: Actor) -> Path:
    """Where the intake draft of ``actor`` is kept on this machine."""
    who = actor.user_id if actor.user_id is not None else "admin"
    return paths.user_data_dir() / "drafts" / f"intake-{who}.json"


def _attachment_text(code: str, **params: str) -> str:
    """The refusal of a chosen file (``attachment_missing``, ``attachment_too_large``)."""
    error = ValidationError("attachments", message_for(code, **params), code=code, **params)
    return refusal_text(error)


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} B"


class IntakeDialog(QDialog):
    """Register a new case. ``case_registered(id, number)`` after a successful save;
    ``case_open_requested(id)`` when the user follows a link to a conflicting case."""

    options_loaded = Signal()
    validated = Signal()
    draft_saved = Signal(str)
    draft_offered = Signal(str)  # when the draft was saved, ISO text
    conflicts_found = Signal(list)
    case_registered = Signal(int, str)
    case_open_requested = Signal(int)
    refused = Signal(str)

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        *,
        store: Path,
        draft_path: Path | None = None,
        max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
        autosave_interval_ms: int = 3000,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = desk.actor
        self._store = store
        self._draft_path = draft_path if draft_path is not None else default_draft_path(self._actor)
        self._max_bytes = max_attachment_bytes
        self._today = desk.today
        self._touched: set[str] = set()
        self._show_all = False
        self._busy = False
        self._loading = True
        self._dirty = False
        self._offer_pending = False
        self._conflicts_accepted = False
        self._errors: dict[str, list[str]] = {}
        self.registered: RegisteredCase | None = None
        self.setObjectName("intake_dialog")
        self.setWindowTitle(self.tr("New case"))
        self.resize(1180, 860)

        self.watcher = FocusWatcher(self)
        self.watcher.left.connect(self._on_field_left)

        # -- the draft banner
        self.draft_banner = QWidget()
        self.draft_banner.setObjectName("draft_banner")
        self.draft_banner.setStyleSheet("#draft_banner { background: #fff4d6; }")
        self.draft_label = QLabel()
        self.draft_label.setObjectName("draft_label")
        self.restore_button = QPushButton(self.tr("&Restore draft"))
        self.restore_button.setObjectName("restore_draft_button")
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button = QPushButton(self.tr("D&iscard draft"))
        self.discard_button.setObjectName("discard_draft_button")
        self.discard_button.clicked.connect(self.discard_draft)
        banner = QHBoxLayout(self.draft_banner)
        banner.addWidget(self.draft_label, 1)
        banner.addWidget(self.restore_button)
        banner.addWidget(self.discard_button)
        self.draft_banner.setVisible(False)

        # -- parties (left column)
        self.party_editors: list[PartyEditor] = []
        self.parties_layout = QVBoxLayout()
        self.parties_error = QLabel()
        self.parties_error.setObjectName("parties_error")
        self.parties_error.setStyleSheet(ERROR_STYLE)
        self.parties_error.setWordWrap(True)
        self.parties_error.setVisible(False)
        add_row = QHBoxLayout()
        self.add_buttons: dict[str, QPushButton] = {}
        for role, text in (
            (PartyRole.APPLICANT, self.tr("+ Applicant")),
            (PartyRole.RESPONDENT, self.tr("+ Respondent")),
            (PartyRole.THIRD_PARTY, self.tr("+ Third party")),
            (PartyRole.AGENT, self.tr("+ Agent")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"add_{role.value}_button")
            button.clicked.connect(lambda _c=False, r=role: self.add_party(r))
            add_row.addWidget(button)
            self.add_buttons[role.value] = button
        parties_inner = QWidget()
        parties_box = QVBoxLayout(parties_inner)
        parties_box.addLayout(self.parties_layout)
        parties_box.addWidget(self.parties_error)
        parties_box.addLayout(add_row)
        parties_box.addStretch(1)
        self.parties_scroll = QScrollArea()
        self.parties_scroll.setObjectName("parties_scroll")
        self.parties_scroll.setWidgetResizable(True)
        self.parties_scroll.setWidget(parties_inner)
        parties_group = QGroupBox(self.tr("Parties"))
        QVBoxLayout(parties_group).addWidget(self.parties_scroll)

        # -- the case (right column)
        self.boxes: dict[str, FieldBox] = {}
        self.ip_type_combo = self._combo("ip_type", ip_type_labels(), empty=self.tr("— choose —"))
        self.right_number_edit = self._line("right_number")
        self.right_number_edit.setPlaceholderText(
            self.tr("Patent application number or trademark registration number")
        )
        self.right_holder_edit = self._line("right_holder")
        self.dispute_type_combo = self._combo("dispute_type", dispute_type_labels())
        self.facts_edit = self._text("facts")
        self.claim_edit = self._text("claim")
        self.amount_edit = self._line("amount_claimed")
        self.amount_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(AMOUNT_PATTERN), self.amount_edit)
        )
        self.amount_edit.setPlaceholderText(self.tr("Yuan, e.g. 12000.00"))
        self.channel_combo = self._combo("channel", channel_labels())
        self.court_combo = self._combo("court", {}, empty=self.tr("— court —"))
        self.court_case_number_edit = self._line("court_case_number")
        self.court_case_number_edit.setPlaceholderText(self.tr("e.g. (2026) 内0502民诉前调123号"))
        self.station_combo = self._combo("station", {})
        self.received_edit = QDateEdit()
        self.received_edit.setObjectName("received_edit")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDisplayFormat("yyyy-MM-dd")
        self.received_edit.setMaximumDate(to_qdate(desk.today()))
        self.received_edit.setDate(to_qdate(desk.today()))
        self.received_edit.dateChanged.connect(lambda: self._on_edited("received"))
        self._register_box("received", self.received_edit)
        self.channel_combo.currentIndexChanged.connect(self._update_court_rows)

        right_group = QGroupBox(self.tr("IP right"))
        right_form = QFormLayout(right_group)
        right_form.addRow(self.tr("&Type:"), self.boxes["ip_type"])
        right_form.addRow(self.tr("Right &number:"), self.boxes["right_number"])
        right_form.addRow(self.tr("Right &holder:"), self.boxes["right_holder"])
        dispute_group = QGroupBox(self.tr("Dispute"))
        dispute_form = QFormLayout(dispute_group)
        dispute_form.addRow(self.tr("&Dispute type:"), self.boxes["dispute_type"])
        dispute_form.addRow(self.tr("&Facts and reasons:"), self.boxes["facts"])
        dispute_form.addRow(self.tr("&Claim:"), self.boxes["claim"])
        dispute_form.addRow(self.tr("&Amount claimed:"), self.boxes["amount_claimed"])
        receipt_group = QGroupBox(self.tr("Receipt"))
        self.receipt_form = QFormLayout(receipt_group)
        self.receipt_form.addRow(self.tr("C&hannel:"), self.boxes["channel"])
        self.receipt_form.addRow(self.tr("Referring c&ourt:"), self.boxes["court"])
        self.receipt_form.addRow(self.tr("Court case n&umber:"), self.boxes["court_case_number"])
        self.receipt_form.addRow(self.tr("Receiving &station:"), self.boxes["station"])
        self.receipt_form.addRow(self.tr("Recei&ved on:"), self.boxes["received"])

        # -- evidence
        self.attachments_list = QListWidget()
        self.attachments_list.setObjectName("attachments_list")
        self.attachments_list.setMaximumHeight(110)
        self.add_files_button = QPushButton(self.tr("Add &files…"))
        self.add_files_button.setObjectName("add_files_button")
        self.add_files_button.clicked.connect(self._on_add_files)
        self.remove_file_button = QPushButton(self.tr("Remove file"))
        self.remove_file_button.setObjectName("remove_file_button")
        self.remove_file_button.clicked.connect(self._on_remove_file)
        self.limit_label = QLabel(
            self.tr("Each file at most {0}.").format(_size_text(max_attachment_bytes))
        )
        self.limit_label.setObjectName("attachment_limit_label")
        self.attachments_error = QLabel()
        self.attachments_error.setObjectName("attachments_error")
        self.attachments_error.setStyleSheet(ERROR_STYLE)
        self.attachments_error.setWordWrap(True)
        self.attachments_error.setVisible(False)
        evidence_group = QGroupBox(self.tr("Evidence"))
        evidence = QVBoxLayout(evidence_group)
        evidence.addWidget(self.attachments_list)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_files_button)
        file_buttons.addWidget(self.remove_file_button)
        file_buttons.addWidget(self.limit_label, 1)
        evidence.addLayout(file_buttons)
        evidence.addWidget(self.attachments_error)

        right_column = QVBoxLayout()
        right_column.addWidget(right_group)
        right_column.addWidget(dispute_group, 1)
        right_column.addWidget(receipt_group)
        right_column.addWidget(evidence_group)

        columns = QHBoxLayout()
        columns.addWidget(parties_group, 5)
        columns.addLayout(right_column, 6)

        # -- conflicts, errors and the buttons
        self.conflict_label = QLabel()
        self.conflict_label.setObjectName("conflict_label")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setTextFormat(Qt.TextFormat.RichText)
        self.conflict_label.setStyleSheet("background: #fff4d6; padding: 4px;")
        self.conflict_label.linkActivated.connect(self._on_conflict_link)
        self.conflict_label.setVisible(False)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("save_reason_label")
        self.reason_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(self.tr("Save the case (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reason_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        for shortcut in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(shortcut), self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.draft_banner)
        layout.addLayout(columns, 1)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        # Enter in a line edit must never press a button: no default buttons at all.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setObjectName("autosave_timer")
        self.autosave_timer.setInterval(autosave_interval_ms)
        self.autosave_timer.timeout.connect(self._on_autosave)
        self.autosave_timer.start()

        self._update_court_rows()
        self.save_button.setEnabled(False)
        self.reason_label.setText(self.tr("Loading…"))
        self._load_options()

    # -- building helpers --------------------------------------------------------------------

    def _register_box(self, key: str, editor: QWidget) -> FieldBox:
        box = FieldBox(editor, key)
        self.boxes[key] = box
        self.watcher.watch(editor, key)
        return box

    def _line(self, key: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"{key}_edit")
        edit.textEdited.connect(lambda _t: self._on_edited(key))
        edit.textChanged.connect(self._on_changed)
        self._register_box(key, edit)
        return edit

    def _text(self, key: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(f"{key}_edit")
        edit.setTabChangesFocus(True)  # Tab moves on; Enter is a new line, never a save
        edit.setMinimumHeight(70)
        edit.textChanged.connect(lambda: self._on_edited(key))
        self._register_box(key, edit)
        return edit

    def _combo(self, key: str, labels: dict[str, str], *, empty: str | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"{key}_combo")
        if empty is not None:
            combo.addItem(empty, "")
        for value, text in labels.items():
            combo.addItem(text, value)
        combo.activated.connect(lambda _i: self._on_edited(key))
        combo.currentIndexChanged.connect(self._on_changed)
        self._register_box(key, combo)
        return combo

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    # -- questions (class-level so that tests can answer them) ----------------------------------

    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> bool:
        """A yes/no question; True for yes."""
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def choose_files(cls, parent: QWidget) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(
            parent, QCoreApplication.translate("IntakeDialog", "Add evidence files")
        )
        return [Path(n) for n in names]

    # -- loading -----------------------------------------------------------------------------

    def _load_options(self) -> None:
        load = call(read_models.intake_options)
        self._desk.read(self, load, self._on_options_loaded, self._on_load_failed)

    def _on_options_loaded(self, options: read_models.IntakeOptions) -> None:
        self.station_combo.clear()
        self.station_combo.addItem(self.tr("— station —"), "")
        for code, text in options.stations:
            self.station_combo.addItem(text, code)
        self.court_combo.clear()
        self.court_combo.addItem(self.tr("— court —"), "")
        for code, text in options.courts:
            self.court_combo.addItem(text, code)
        self.set_form(options.form)
        self._loading = False
        self._dirty = False
        self._offer_draft()
        self._revalidate()
        if self.party_editors:
            self.party_editors[0].edits["name"].setFocus()
        self.options_loaded.emit()

    def _on_load_failed(self, refusal: Refusal) -> None:
        self._loading = False
        self._show_error(refusal.text)

    # -- the form ------------------------------------------------------------------------------

    def form(self) -> IntakeForm:
        """What the dialog holds now, as the services read it."""
        qdate = self.received_edit.date()
        return IntakeForm(
            parties=tuple(editor.party() for editor in self.party_editors),
            ip_type=str(self.ip_type_combo.currentData() or ""),
            right_number=self.right_number_edit.text(),
            right_holder=self.right_holder_edit.text(),
            dispute_type=str(self.dispute_type_combo.currentData() or ""),
            facts=self.facts_edit.toPlainText(),
            claim=self.claim_edit.toPlainText(),
            amount_claimed=self.amount_edit.text(),
            channel=str(self.channel_combo.currentData() or ""),
            court=str(self.court_combo.currentData() or "") if self._court_referral() else "",
            court_case_number=self.court_case_number_edit.text() if self._court_referral() else "",
            station=str(self.station_combo.currentData() or ""),
            received=from_qdate(qdate),
        )

    def set_form(self, form: IntakeForm) -> None:
        for editor in list(self.party_editors):
            self._remove_editor(editor)
        for party in form.parties:
            self._add_editor(party)
        self._select(self.ip_type_combo, form.ip_type or "")
        self.right_number_edit.setText(form.right_number)
        self.right_holder_edit.setText(form.right_holder)
        self._select(self.dispute_type_combo, form.dispute_type)
        self.facts_edit.setPlainText(form.facts)
        self.claim_edit.setPlainText(form.claim)
        amount = form.amount_claimed
        self.amount_edit.setText("" if amount is None else str(amount))
        self._select(self.channel_combo, form.channel)
        self._select(self.court_combo, form.court)
        self.court_case_number_edit.setText(form.court_case_number)
        self._select(self.station_combo, form.station)
        received = parse_date(form.received)
        if received is not None:
            self.received_edit.setDate(to_qdate(received))
        self._touched -= {k for k in self._touched if k.startswith("parties")}
        self._update_court_rows()
        self._relayout_parties()

    def attachments(self) -> list[AttachmentInput]:
        result = []
        for row in range(self.attachments_list.count()):
            item = self.attachments_list.item(row)
            result.append(AttachmentInput(Path(str(item.data(Qt.ItemDataRole.UserRole)))))
        return result

    def is_empty(self) -> bool:
        """Nothing typed that would be lost by closing."""
        form = self.form()
        return (
            all(editor.is_empty() for editor in self.party_editors)
            and not (form.right_number.strip() or form.right_holder.strip())
            and not (form.facts.strip() or form.claim.strip())
            and not str(form.amount_claimed or "").strip()
            and not form.court_case_number.strip()
            and self.attachments_list.count() == 0
        )

    # -- parties -----------------------------------------------------------------------------

    def add_party(self, role: PartyRole | str) -> PartyEditor:
        role = PartyRole(role)
        kind = PartyKind.ORGANISATION if role == PartyRole.RESPONDENT else PartyKind.PERSON
        editor = self._add_editor(PartyForm(role=role.value, kind=kind.value))
        self._relayout_parties()
        self._on_changed()
        editor.edits["name"].setFocus()
        self.parties_scroll.ensureWidgetVisible(editor)
        return editor

    def _add_editor(self, party: PartyForm) -> PartyEditor:
        editor = PartyEditor(self.watcher, len(self.party_editors), party)
        editor.setObjectName(f"party_{len(self.party_editors)}")
        editor.changed.connect(self._on_changed)
        editor.edited.connect(self._on_edited)
        editor.role_combo.currentIndexChanged.connect(self._relayout_parties)
        editor.remove_requested.connect(self._on_remove_party)
        self.party_editors.append(editor)
        self.parties_layout.addWidget(editor)
        return editor

    def _remove_editor(self, editor: PartyEditor) -> None:
        self.party_editors.remove(editor)
        self.parties_layout.removeWidget(editor)
        editor.setParent(None)
        editor.deleteLater()

    def _on_remove_party(self, editor: PartyEditor) -> None:
        self._remove_editor(editor)
        self._touched -= {k for k in self._touched if k.startswith("parties")}
        self._relayout_parties()
        self._on_changed()

    def _relayout_parties(self) -> None:
        for index, editor in enumerate(self.party_editors):
            editor.index = index
            editor.setObjectName(f"party_{index}")
            editor.update_keys()
        choices = [
            (e.index, f"{e.index + 1}. {e.role_text()} {e.edits['name'].text()}".strip())
            for e in self.party_editors
            if e.role() != PartyRole.AGENT
        ]
        for editor in self.party_editors:
            if editor.role() == PartyRole.AGENT:
                editor.set_represent_choices(choices)
        self._update_tab_order()

    def _update_tab_order(self) -> None:
        chain: list[QWidget] = []
        for editor in self.party_editors:
            chain += [editor.role_combo, editor.kind_combo]
            chain += [editor.edits[name] for name in editor.edits]
            chain += [editor.represents_combo, editor.remove_button]
        chain += list(self.add_buttons.values())
        chain += [
            self.ip_type_combo,
            self.right_number_edit,
            self.right_holder_edit,
            self.dispute_type_combo,
            self.facts_edit,
            self.claim_edit,
            self.amount_edit,
            self.channel_combo,
            self.court_combo,
            self.court_case_number_edit,
            self.station_combo,
            self.received_edit,
            self.add_files_button,
            self.remove_file_button,
            self.cancel_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- court referral --------------------------------------------------------------------------

    def _court_referral(self) -> bool:
        return self.channel_combo.currentData() == "court_referral"

    def _update_court_rows(self) -> None:
        referral = self._court_referral()
        self.receipt_form.setRowVisible(self.boxes["court"], referral)
        self.receipt_form.setRowVisible(self.boxes["court_case_number"], referral)

    # -- evidence ---------------------------------------------------------------------------------

    def add_files(self, files: list[Path]) -> None:
        refused = []
        for path in files:
            try:
                size = path.stat().st_size
            except OSError:
                refused.append(_attachment_text("attachment_missing", name=path.name))
                continue
            if size > self._max_bytes:
                refused.append(
                    _attachment_text(
                        "attachment_too_large",
                        name=path.name,
                        size=_size_text(size),
                        limit=_size_text(self._max_bytes),
                    )
                )
                continue
            item = QListWidgetItem(f"{path.name} — {_size_text(size)}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.attachments_list.addItem(item)
        self.attachments_error.setText("\n".join(refused))
        self.attachments_error.setVisible(bool(refused))
        self._on_changed()

    def _on_add_files(self) -> None:
        files = self.choose_files(self)
        if files:
            self.add_files(files)

    def _on_remove_file(self) -> None:
        row = self.attachments_list.currentRow()
        if row >= 0:
            self.attachments_list.takeItem(row)
            self.attachments_error.setVisible(False)
            self._on_changed()

    # -- validation -------------------------------------------------------------------------------

    def _on_edited(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self._on_changed()

    def _on_field_left(self, key: str) -> None:
        if key and not self._loading:
            self._touched.add(key)
            self._revalidate()

    def _on_changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self._conflicts_accepted = False
        self.conflict_label.setVisible(False)
        self._revalidate()

    def _box_for(self, field: str) -> FieldBox | None:
        if field.startswith("parties["):
            index_text, _, name = field[len("parties[") :].partition("].")
            with contextlib.suppress(ValueError, IndexError):
                return self.party_editors[int(index_text)].box_for(name)
            return None
        return self.boxes.get(field)

    def field_error(self, field: str) -> str:
        """The message shown under ``field`` ("" when none), e.g. ``parties[0].id_number``."""
        if field == "parties":
            return "" if self.parties_error.isHidden() else self.parties_error.text()
        box = self._box_for(field)
        return box.error() if box is not None else ""

    def errors(self) -> dict[str, list[str]]:
        """Every current validation message by field, shown or not yet."""
        return dict(self._errors)

    def _revalidate(self, extra: list[ValidationError] | None = None) -> None:
        if self._loading:
            return
        check = check_intake(self.form(), today=self._today())
        errors: dict[str, list[str]] = {}
        for error in [*check.errors, *(extra or [])]:
            errors.setdefault(error.field, []).append(refusal_text(error))
        self._errors = errors
        show_all = self._show_all
        boxes = list(self.boxes.items()) + [
            (editor.field_key(name), editor.box_for(name))
            for editor in self.party_editors
            for name in (*editor.edits, "represents")
        ]
        for key, box in boxes:
            if box is None:
                continue
            shown = key in self._touched or show_all
            box.set_error("\n".join(errors.get(key, [])) if shown else None)
        parties = errors.get("parties", [])
        parties_shown = show_all or any(k.startswith("parties") for k in self._touched)
        self.parties_error.setText("\n".join(parties))
        self.parties_error.setVisible(bool(parties) and parties_shown)
        attachment_errors = [
            m for k, ms in errors.items() if k.startswith("attachments") for m in ms
        ]
        if attachment_errors:
            self.attachments_error.setText("\n".join(attachment_errors))
            self.attachments_error.setVisible(True)
        self._update_save_button()
        self.validated.emit()

    def _update_save_button(self) -> None:
        count = sum(len(v) for v in self._errors.values())
        if self._busy:
            reason = self.tr("Saving…")
        elif count:
            first = next(iter(self._errors.values()))[0]
            reason = self.tr("Cannot save yet: %n problem(s) — first: {0}", "", count).format(first)
        else:
            reason = ""
        self.save_button.setEnabled(not self._busy and not self._loading and count == 0)
        self.reason_label.setText(reason)
        self.reason_label.setStyleSheet(ERROR_STYLE if count else "")
        if count:
            lines = [m for messages in self._errors.values() for m in messages]
            self.save_button.setToolTip(
                self.tr("Save is disabled until these are corrected:") + "\n" + "\n".join(lines)
            )
        else:
            self.save_button.setToolTip(self.tr("Save the case (Ctrl+Enter)"))

    def save_reason(self) -> str:
        return self.reason_label.text()

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        """Check for conflicts, then register (Save, Ctrl+Enter)."""
        if self._busy or self._loading:
            return
        self._show_all = True
        self._revalidate()
        if self._errors:
            self._focus_first_error()
            return
        form = self.form()
        if self._conflicts_accepted:
            self._register(form)
            return
        self._set_busy(True)
        self._desk.read(
            self,
            call(find_conflicts, form),
            lambda hits: self._on_conflicts(form, hits),
            self._on_save_failed,
            purpose="save",
        )

    def _on_conflicts(self, form: IntakeForm, hits: list[ConflictHit]) -> None:
        if not hits:
            self._register(form)
            return
        self._set_busy(False)
        lines = []
        for hit in hits:
            number = (
                f'<a href="case:{hit.case_id}">{hit.number}</a>' if hit.may_open else hit.number
            )
            lines.append(hit.message.replace(hit.number, number))
        self.conflict_label.setText(
            "<b>"
            + self.tr("This may be a case that is already open:")
            + "</b><br>"
            + "<br>".join(lines)
            + "<br>"
            + self.tr("Press Save again to register it anyway.")
        )
        self.conflict_label.setVisible(True)
        self._conflicts_accepted = True
        self.conflicts_found.emit(hits)

    def _on_conflict_link(self, link: str) -> None:
        if link.startswith("case:"):
            self.case_open_requested.emit(int(link.removeprefix("case:")))

    def _register(self, form: IntakeForm) -> None:
        self._set_busy(True)
        # the evidence files go up first on a desk on the server (RemoteBackend), and a
        # registration retried after a dropped connection registers once (its key)
        register = call(
            register_case, form, self.attachments(), max_attachment_bytes=self._max_bytes
        )
        self._desk.write(
            self,
            register,
            self._on_registered,
            self._on_save_failed,
            changes=lambda registered: case_change(registered.id),
            purpose="save",
        )

    def _on_registered(self, registered: RegisteredCase) -> None:
        self._set_busy(False)
        self.registered = registered
        self.autosave_timer.stop()
        self.delete_draft()
        self._dirty = False
        self.case_registered.emit(registered.id, registered.number)
        self.accept()

    def _on_save_failed(self, refusal: Refusal) -> None:
        self._set_busy(False)
        if isinstance(refusal.error, ValidationErrors):
            self._show_all = True
            self._revalidate(refusal.error.errors)
            self._focus_first_error()
        text = refusal.text
        self._show_error(text)
        self.refused.emit(text)

    def _focus_first_error(self) -> None:
        for key in self._errors:
            box = self._box_for(key)
            if box is not None and box.isVisible():
                box.editor.setFocus()
                return

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            self.error_label.setVisible(False)
        self._update_save_button()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def error_text(self) -> str:
        return "" if self.error_label.isHidden() else self.error_label.text()

    # -- drafts -------------------------------------------------------------------------------

    @property
    def draft_path(self) -> Path:
        return self._draft_path

    def save_draft(self) -> None:
        """Write the form to the draft file now (atomically)."""
        data: dict[str, Any] = {
            "version": DRAFT_VERSION,
            "saved_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "form": form_to_json(self.form()),
            "attachments": [str(a.path) for a in self.attachments()],
        }
        path = self._draft_path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_suffix(".tmp")
            temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(temp, path)
        except OSError as exc:
            self.reason_label.setText(self.tr("Could not save the draft: {0}").format(exc))
            return
        self._dirty = False
        self.draft_saved.emit(str(path))

    def _on_autosave(self) -> None:
        if self._dirty and not self._loading and not self._offer_pending and not self._busy:
            self.save_draft()

    def _read_draft(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self._draft_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _offer_draft(self) -> None:
        data = self._read_draft()
        if data is None:
            return
        saved_at = str(data.get("saved_at") or "")
        try:
            when = dt.datetime.fromisoformat(saved_at).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            when = saved_at
        self.draft_label.setText(
            self.tr("An unsaved case from {0} was found. Restore it?").format(when)
        )
        self.draft_banner.setVisible(True)
        self._offer_pending = True
        self.draft_offered.emit(saved_at)

    def restore_draft(self) -> None:
        data = self._read_draft()
        self.draft_banner.setVisible(False)
        self._offer_pending = False
        if data is None:
            return
        self._loading = True
        self.set_form(form_from_json(data.get("form")))
        self.attachments_list.clear()
        self._loading = False
        files = data.get("attachments")
        if isinstance(files, list):
            self.add_files([Path(str(f)) for f in files])
        self._dirty = True
        self._revalidate()

    def discard_draft(self) -> None:
        self.draft_banner.setVisible(False)
        self._offer_pending = False
        self.delete_draft()

    def delete_draft(self) -> None:
        with contextlib.suppress(OSError):
            self._draft_path.unlink(missing_ok=True)

    # -- closing --------------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel, Esc or the window's close button: ask before dropping typed input."""
        if not self.is_empty() and not self.ask(
            self,
            self.tr("Discard this case?"),
            self.tr("The form holds input that has not been saved. Discard it?"),
        ):
            return
        self.autosave_timer.stop()
        if not self._offer_pending:
            self.delete_draft()
        super().reject()
