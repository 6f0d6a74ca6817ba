"""The obligations (agreed terms) of a mediation agreement as an editable table.

The model holds what the user typed — amounts as text, checked by the service when the
agreement is saved — and hands it out as ``ObligationForm`` rows. The delegate edits the
kind of term (payment, delivery, … — each written as its own sentence in the documents)
and the parties with combo boxes and the performance date with a date editor whose lowest value
means "no date".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ipdesk.models import ObligationKind
from ipdesk.services.cases.mediation import (
    ObligationForm,
    ObligationInfo,
    PartyChoice,
    parse_amount,
)
from ipdesk.services.errors import ValidationError
from ipdesk.services.rules.chinese_text import amount_in_capitals
from ipdesk.ui.qdates import from_qdate, to_qdate

KIND, OBLIGOR, OBLIGEE, DESCRIPTION, AMOUNT, DUE = range(6)
#: The date editor's lowest date stands for "no performance date".
NO_DATE = QDate(2000, 1, 1)
NO_PARTY = -1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ObligationRow:
    obligor_id: int | None = None
    obligee_id: int | None = None
    description: str = ""
    amount: str = ""
    due_on: dt.date | None = None
    id: int | None = None  # of the stored obligation
    kind: ObligationKind = ObligationKind.OTHER

    def form(self) -> ObligationForm:
        return ObligationForm(
            description=self.description,
            obligor_id=self.obligor_id,
            obligee_id=self.obligee_id,
            amount=self.amount,
            due_on=self.due_on,
            id=self.id,
            kind=self.kind,
        )

    @classmethod
    def of(cls, info: ObligationInfo) -> ObligationRow:
        return cls(
            info.obligor_id,
            info.obligee_id,
            info.description,
            "" if info.amount is None else f"{info.amount:.2f}",
            info.due_on,
            info.id,
            info.kind,
        )


class ObligationsTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ObligationRow] = []
        self.parties: list[PartyChoice] = []
        self.read_only = False
        self._headers = [
            self.tr("Kind"),
            self.tr("Obligor"),
            self.tr("Obligee"),
            self.tr("What"),
            self.tr("Amount (yuan)"),
            self.tr("Perform by"),
        ]

    # -- data in and out ------------------------------------------------------------------------

    def set_rows(self, parties: Sequence[PartyChoice], rows: Sequence[ObligationRow]) -> None:
        self.beginResetModel()
        self.parties = list(parties)
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ObligationRow]:
        return list(self._rows)

    def forms(self) -> tuple[ObligationForm, ...]:
        return tuple(row.form() for row in self._rows)

    def add_row(self, row: ObligationRow | None = None) -> int:
        """Append a row (by default owed by the respondent to the applicant); its index."""
        if row is None:
            by_role = {p.role.value: p.id for p in self.parties}
            row = ObligationRow(by_role.get("respondent"), by_role.get("applicant"))
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self.endInsertRows()
        return position

    def remove_row(self, position: int) -> None:
        if 0 <= position < len(self._rows):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()

    def total(self) -> Decimal:
        """The sum of the amounts that parse (others count as 0 until corrected)."""
        total = Decimal(0)
        for row in self._rows:
            try:
                total += parse_amount(row.amount) or Decimal(0)
            except ValidationError:
                continue
        return total

    def party_name(self, party_id: int | None) -> str:
        return next((p.name for p in self.parties if p.id == party_id), "")

    # -- Qt -------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text; an amount also in capitals
            text = self._display(row, column)
            if column == AMOUNT and text:
                try:
                    amount = parse_amount(text)
                    return amount_in_capitals(amount) if amount is not None else None
                except (ValidationError, ValueError):
                    return None
            return text or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        position, column = index.row(), index.column()
        if not 0 <= position < len(self._rows):
            return False
        row = self._rows[position]
        if column == KIND:
            try:
                row = replace(row, kind=ObligationKind(value))
            except ValueError:
                return False
        elif column == OBLIGOR:
            row = replace(row, obligor_id=_party(value))
        elif column == OBLIGEE:
            row = replace(row, obligee_id=_party(value))
        elif column == DESCRIPTION:
            row = replace(row, description=str(value or ""))
        elif column == AMOUNT:
            row = replace(row, amount=str(value or "").strip())
        elif column == DUE:
            row = replace(row, due_on=_date(value))
        else:
            return False
        self._rows[position] = row
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, role])
        return True

    def _display(self, row: ObligationRow, column: int) -> str | None:
        if column == KIND:
            return obligation_kind_text(row.kind)
        if column == OBLIGOR:
            return self.party_name(row.obligor_id)
        if column == OBLIGEE:
            return self.party_name(row.obligee_id)
        if column == DESCRIPTION:
            return row.description
        if column == AMOUNT:
            return row.amount
        if column == DUE:
            return row.due_on.isoformat() if row.due_on else ""
        return None

    def _edit_value(self, row: ObligationRow, column: int) -> Any:
        if column == KIND:
            return row.kind.value
        if column == OBLIGOR:
            return NO_PARTY if row.obligor_id is None else row.obligor_id
        if column == OBLIGEE:
            return NO_PARTY if row.obligee_id is None else row.obligee_id
        if column == DUE:
            return to_qdate(row.due_on) if row.due_on else NO_DATE
        return self._display(row, column)


def obligation_kind_text(kind: ObligationKind) -> str:
    """The kind of term as the table and its combo box show it."""
    translate = QCoreApplication.translate
    match kind:
        case ObligationKind.PAYMENT:
            return translate("obligations", "Payment")
        case ObligationKind.DELIVERY:
            return translate("obligations", "Delivery")
        case ObligationKind.DESTRUCTION:
            return translate("obligations", "Destruction of stock")
        case ObligationKind.REMOVAL:
            return translate("obligations", "Removal of listings")
        case ObligationKind.APOLOGY:
            return translate("obligations", "Apology")
        case ObligationKind.REFRAINING:
            return translate("obligations", "Refraining (standing undertaking)")
    return translate("obligations", "Other")


def _party(value: Any) -> int | None:
    if value is None:
        return None
    number = int(value)
    return None if number == NO_PARTY else number


def _date(value: Any) -> dt.date | None:
    if isinstance(value, QDate):
        return None if not value.isValid() or value <= NO_DATE else from_qdate(value)
    if isinstance(value, dt.date):
        return value
    return None


class ObligationDelegate(QStyledItemDelegate):
    """Combo boxes for the kind and the parties, a date editor for the performance date."""

    def __init__(self, model: ObligationsTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == KIND:
            combo = QComboBox(parent)
            for kind in ObligationKind:
                combo.addItem(obligation_kind_text(kind), kind.value)
            return combo
        if column in (OBLIGOR, OBLIGEE):
            combo = QComboBox(parent)
            if column == OBLIGEE:
                combo.addItem(self.tr("(not named)"), NO_PARTY)
            for party in self._model.parties:
                combo.addItem(party.name, party.id)
            return combo
        if column == DUE:
            edit = QDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("(no date)"))
            return edit
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if isinstance(value, QDate) else NO_DATE)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
