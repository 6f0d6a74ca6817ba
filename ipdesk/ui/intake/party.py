"""One party of the intake form: a person or an organisation, in one of four roles."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ipdesk.models import PartyKind, PartyRole
from ipdesk.services.cases.intake import PartyForm, choice_value
from ipdesk.services.errors import ValidationError
from ipdesk.services.rules.identifiers import (
    LEGAL_REPRESENTATIVE,
    OPERATOR,
    PRINCIPAL,
    representative_for,
)
from ipdesk.services.rules.vocabulary import PARTY_KIND_LABELS as _KIND_LABELS
from ipdesk.services.rules.vocabulary import PARTY_ROLE_LABELS as _ROLE_LABELS
from ipdesk.ui.intake.fields import FieldBox, FocusWatcher
from ipdesk.ui.intake.labels import kind_labels, role_labels

# The attributes of PartyForm that have a line edit, in tab order.
TEXT_FIELDS = (
    "name",
    "id_number",
    "phone",
    "address",
    "ethnicity",
    "legal_representative",
    "legal_representative_title",
)
PERSON_ONLY = frozenset({"ethnicity"})
ORGANISATION_ONLY = frozenset({"legal_representative", "legal_representative_title"})


class PartyEditor(QGroupBox):
    """Edits one :class:`PartyForm`. ``changed`` on every edit; ``remove_requested`` when
    the user removes the party. The dialog sets :attr:`index` (the position in the form),
    which names the fields in validation errors (``parties[i].name``)."""

    changed = Signal()
    edited = Signal(str)  # the key of the field the user changed
    remove_requested = Signal(object)  # this editor

    def __init__(
        self, watcher: FocusWatcher, index: int, party: PartyForm, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.index = index
        self._watcher = watcher
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("role_combo")
        for value, text in role_labels().items():
            self.role_combo.addItem(text, value)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind_combo")
        for value, text in kind_labels().items():
            self.kind_combo.addItem(text, value)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("remove_party_button")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

        self.edits: dict[str, QLineEdit] = {}
        self.boxes: dict[str, FieldBox] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"{name}_edit")
            edit.textChanged.connect(self.changed)
            edit.textEdited.connect(lambda _text, n=name: self.edited.emit(self.field_key(n)))
            self.edits[name] = edit
            self.boxes[name] = FieldBox(edit, name)
        self.edits["id_number"].setMaxLength(40)
        self.represents_combo = QComboBox()
        self.represents_combo.setObjectName("represents_combo")
        self.represents_box = FieldBox(self.represents_combo, "represents")

        top = QHBoxLayout()
        top.addWidget(self.role_combo, 1)
        top.addWidget(self.kind_combo, 1)
        top.addWidget(self.remove_button)
        self.form = QFormLayout(self)
        self.form.addRow(top)
        self.form.addRow(self.tr("Name:"), self.boxes["name"])
        self.form.addRow(self.tr("ID number:"), self.boxes["id_number"])
        self.form.addRow(self.tr("Phone:"), self.boxes["phone"])
        self.form.addRow(self.tr("Address:"), self.boxes["address"])
        self.form.addRow(self.tr("Ethnicity:"), self.boxes["ethnicity"])
        self.form.addRow(self.tr("Legal representative:"), self.boxes["legal_representative"])
        self.form.addRow(
            self.tr("Representative's title:"), self.boxes["legal_representative_title"]
        )
        self.form.addRow(self.tr("Represents:"), self.represents_box)

        self.set_party(party)
        self.role_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.represents_combo.currentIndexChanged.connect(self.changed)
        self.edits["id_number"].textChanged.connect(self._update_representative_label)
        self.edits["name"].textChanged.connect(self._update_representative_label)
        for edit in self.edits.values():
            watcher.watch(edit, "")  # the key is set by update_keys
        watcher.watch(self.represents_combo, "")
        self.update_keys()

    # -- keys and labels ---------------------------------------------------------------------

    def field_key(self, name: str) -> str:
        return f"parties[{self.index}].{name}"

    def update_keys(self) -> None:
        for name, edit in self.edits.items():
            edit.setProperty("intake_field", self.field_key(name))
        self.represents_combo.setProperty("intake_field", self.field_key("represents"))
        self.setTitle(self.tr("Party {0}: {1}").format(self.index + 1, self.role_text()))

    def role(self) -> str:
        return str(self.role_combo.currentData())

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def role_text(self) -> str:
        return self.role_combo.currentText()

    def box_for(self, name: str) -> FieldBox | None:
        if name == "represents":
            return self.represents_box
        return self.boxes.get(name)

    # -- values ------------------------------------------------------------------------------

    def set_party(self, party: PartyForm) -> None:
        role = choice_value(party.role, _ROLE_LABELS) or PartyRole.APPLICANT.value
        kind = choice_value(party.kind, _KIND_LABELS) or PartyKind.PERSON.value
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(role)))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        for name, edit in self.edits.items():
            edit.setText(str(getattr(party, name) or ""))
        self._pending_represents = party.represents
        self._update_visibility()

    def party(self) -> PartyForm:
        values = {name: self.edits[name].text() for name in TEXT_FIELDS}
        person = self.kind() == PartyKind.PERSON
        for name in PERSON_ONLY if not person else ORGANISATION_ONLY:
            values[name] = ""
        represents = None
        if self.role() == PartyRole.AGENT:
            data = self.represents_combo.currentData()
            represents = data if isinstance(data, int) else self._pending_represents
        return PartyForm(role=self.role(), kind=self.kind(), represents=represents, **values)

    def is_empty(self) -> bool:
        return not any(edit.text().strip() for edit in self.edits.values())

    def set_represent_choices(self, choices: list[tuple[int, str]]) -> None:
        """The other parties an agent may represent: (index, label)."""
        current = self.represents_combo.currentData()
        wanted = current if isinstance(current, int) else self._pending_represents
        self.represents_combo.blockSignals(True)
        self.represents_combo.clear()
        for index, label in choices:
            self.represents_combo.addItem(label, index)
        found = self.represents_combo.findData(wanted) if wanted is not None else -1
        self.represents_combo.setCurrentIndex(found if found >= 0 else 0)
        self.represents_combo.blockSignals(False)

    # -- reacting ----------------------------------------------------------------------------

    def _on_choice_changed(self) -> None:
        self._update_visibility()
        self.update_keys()
        self.changed.emit()

    def _update_visibility(self) -> None:
        person = self.kind() == PartyKind.PERSON
        for name in PERSON_ONLY:
            self.form.setRowVisible(self.boxes[name], person)
        for name in ORGANISATION_ONLY:
            self.form.setRowVisible(self.boxes[name], not person)
        self.form.setRowVisible(self.represents_box, self.role() == PartyRole.AGENT)
        id_label = self.form.labelForField(self.boxes["id_number"])
        if id_label is not None:
            text = self.tr("ID number:") if person else self.tr("Credit code:")
            id_label.setProperty("text", text)
        self.edits["id_number"].setPlaceholderText(
            self.tr("18-digit resident ID number")
            if person
            else self.tr("18-character unified social credit code")
        )
        self.edits["name"].setPlaceholderText(
            self.tr("Full name") if person else self.tr("Registered name")
        )
        self._update_representative_label()

    def _update_representative_label(self) -> None:
        """Who acts for the organisation follows its credit code (and name): a legal
        person's 法定代表人, an unincorporated organisation's 主要负责人, an individual
        business's 经营者 (民事诉讼法 Art. 51, 民诉解释 Art. 59). The label says which, for
        the user to confirm; the documents print the same title."""
        label = self.form.labelForField(self.boxes["legal_representative"])
        if label is None:
            return
        try:
            found = representative_for(self.edits["id_number"].text(), self.edits["name"].text())
        except ValidationError:
            found = None
        title = found.title if found else LEGAL_REPRESENTATIVE
        if title == OPERATOR:
            text = self.tr("Operator:")
        elif title == PRINCIPAL:
            text = self.tr("Principal:")
        else:
            text = self.tr("Legal representative:")
        label.setProperty("text", text)
        tip = ""
        if found is not None and not found.certain:
            tip = self.tr("The credit code does not tell for certain; please confirm.")
        self.edits["legal_representative"].setToolTip(tip)
        self.form.setRowVisible(
            self.boxes["legal_representative_title"],
            self.kind() != PartyKind.PERSON and title != OPERATOR,
        )
