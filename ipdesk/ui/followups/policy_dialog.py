"""The follow-up policy editor (administrators): per case category, visits per year, the
share of cases sampled and the days from closure to the first visit. Saving writes every
category in one transaction; a refusal names the field and nothing is changed."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from ipdesk.models import CaseCategory
from ipdesk.remote.calls import Call, call
from ipdesk.services.cases.followups import (
    MAX_FIRST_DELAY,
    MAX_VISITS_PER_YEAR,
    PolicyInfo,
    list_policies,
    update_policies,
)
from ipdesk.ui.desk import Change, ChangeKind, Desk, Refusal
from ipdesk.ui.service_dialog import ServiceDialog


class FollowUpPolicyDialog(ServiceDialog):
    """``saved`` carries the list of :class:`PolicyInfo` written."""

    def __init__(
        self,
        desk: Desk,
        policies: Sequence[PolicyInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(desk, parent)
        self._actor = desk.actor
        self.setObjectName("follow_up_policy_dialog")
        self.setWindowTitle(self.tr("Follow-up policy"))
        self.ok_button.setText(self.tr("Save"))
        names = {
            CaseCategory.SERIOUS: self.tr("Serious cases"),
            CaseCategory.ORDINARY: self.tr("Ordinary cases"),
            CaseCategory.MINOR: self.tr("Minor cases"),
        }
        grid = QGridLayout()
        for column, text in enumerate(
            (
                self.tr("Category"),
                self.tr("Visits per year"),
                self.tr("Share of cases visited"),
                self.tr("First visit, days after closure"),
            )
        ):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self.rows: dict[CaseCategory, tuple[QSpinBox, QDoubleSpinBox, QSpinBox]] = {}
        for row, policy in enumerate(policies, start=1):
            visits = QSpinBox()
            visits.setObjectName(f"{policy.category.value}_visits")
            visits.setRange(0, MAX_VISITS_PER_YEAR)
            visits.setValue(policy.visits_per_year)
            share = QDoubleSpinBox()
            share.setObjectName(f"{policy.category.value}_share")
            share.setDecimals(1)
            share.setRange(0.1, 100.0)
            share.setSingleStep(5.0)
            share.setSuffix(" %")
            share.setValue(float(policy.sample_share * 100))
            delay = QSpinBox()
            delay.setObjectName(f"{policy.category.value}_delay")
            delay.setRange(0, MAX_FIRST_DELAY)
            delay.setValue(policy.first_delay_days)
            grid.addWidget(QLabel(names.get(policy.category, policy.category.value)), row, 0)
            grid.addWidget(visits, row, 1)
            grid.addWidget(share, row, 2)
            grid.addWidget(delay, row, 3)
            self.rows[policy.category] = (visits, share, delay)
        note = QLabel(
            self.tr(
                "Changes apply to cases closed from now on; visits already planned keep "
                "their dates."
            )
        )
        note.setWordWrap(True)
        self.form.addRow(grid)
        self.form.addRow(note)

    def _field_widgets(self) -> dict[str, QWidget]:
        first = next(iter(self.rows.values()), None)
        if first is None:
            return {}
        return {"visits_per_year": first[0], "sample_share": first[1], "first_delay_days": first[2]}

    def _changes(self, _result: object) -> Change:
        return Change.of(ChangeKind.FOLLOW_UPS)

    def _call(self) -> Call[list[PolicyInfo]] | None:
        values = [
            (
                category,
                visits.value(),
                (Decimal(str(share.value())) / 100).quantize(Decimal("0.001")),
                delay.value(),
            )
            for category, (visits, share, delay) in self.rows.items()
        ]
        return call(update_policies, values)


def edit_policy(desk: Desk, parent: QWidget) -> None:
    """Load the policy in the background, then show the editor (administrators)."""

    def show(policies: list[PolicyInfo]) -> None:
        dialog = FollowUpPolicyDialog(desk, policies, parent)
        dialog.setModal(True)
        dialog.show()

    def failed(refusal: Refusal) -> None:
        title = QCoreApplication.translate("FollowUpPolicyDialog", "Follow-up policy")
        QMessageBox.warning(parent, title, refusal.text)

    desk.read(parent, call(list_policies), show, failed)
