"""What documents there are, what rendering refuses with, and what it returns."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ipdesk.paths import user_data_dir
from ipdesk.services.errors import ServiceError


class DocumentKind(enum.StrEnum):
    ACCEPTANCE_NOTICE = "acceptance_notice"
    REJECTION_NOTICE = "rejection_notice"
    MEDIATION_AGREEMENT = "mediation_agreement"
    CONFIRMATION_APPLICATION = "confirmation_application"
    CONSULTATION_LETTER = "consultation_letter"
    CONSULTATION_MINUTES = "consultation_minutes"
    COURT_RETURN_LETTER = "court_return_letter"
    CLOSING_NOTICE = "closing_notice"
    FOLLOW_UP_RECORD = "follow_up_record"
    MEDIATION_RECORD = "mediation_record"  # 调解笔录: the latest mediation session
    # Administrative adjudication (services/documents/adjudication.py).
    ADJUDICATION_ACCEPTANCE_NOTICE = "adjudication_acceptance_notice"  # 立案通知书
    DEFENCE_NOTICE = "defence_notice"  # 答辩通知书 (served with the request copy)
    HEARING_NOTICE = "hearing_notice"  # 口头审理通知书
    HEARING_RECORD = "hearing_record"  # 口头审理笔录
    ADJUDICATION_DECISION = "adjudication_decision"  # 行政裁决书 (处理决定书)
    ADJUDICATION_DECISION_PUBLIC = "adjudication_decision_public"  # the same, redacted
    SERVICE_RECEIPT = "service_receipt"  # 送达回证 (the latest document served)
    ENFORCEMENT_APPLICATION = "enforcement_application"  # 强制执行申请书

    @property
    def label(self) -> str:
        """The document's Chinese title, e.g. 调解协议书."""
        return TITLES[self]


K = DocumentKind

TITLES: dict[DocumentKind, str] = {
    K.ACCEPTANCE_NOTICE: "受理通知书",
    K.REJECTION_NOTICE: "不予受理通知书",
    K.MEDIATION_AGREEMENT: "调解协议书",
    K.CONFIRMATION_APPLICATION: "司法确认申请书",
    K.CONSULTATION_LETTER: "联席会商函",
    K.CONSULTATION_MINUTES: "会商纪要",
    K.COURT_RETURN_LETTER: "诉调对接回复函",
    K.CLOSING_NOTICE: "结案通知书",
    K.FOLLOW_UP_RECORD: "回访记录表",
    K.MEDIATION_RECORD: "调解笔录",
    K.ADJUDICATION_ACCEPTANCE_NOTICE: "立案通知书",
    K.DEFENCE_NOTICE: "答辩通知书",
    K.HEARING_NOTICE: "口头审理通知书",
    K.HEARING_RECORD: "口头审理笔录",
    K.ADJUDICATION_DECISION: "专利侵权纠纷行政裁决书",
    K.ADJUDICATION_DECISION_PUBLIC: "专利侵权纠纷行政裁决书（公开版）",
    K.SERVICE_RECEIPT: "送达回证",
    K.ENFORCEMENT_APPLICATION: "强制执行申请书",
}


class MissingFacts(ServiceError):
    """The case lacks what the document must state; ``missing`` names it in Chinese."""

    code = "missing_facts"

    def __init__(self, kind: DocumentKind, missing: Sequence[str]) -> None:
        super().__init__(
            f"无法生成{kind.label}，案件缺少：{'、'.join(missing)}",
            kind=kind.value,
            missing=list(missing),
        )
        self.kind = kind
        self.missing = tuple(missing)


@dataclass(frozen=True)
class TemplateProblem:
    template: str  # file name, e.g. "mediation_agreement.docx"
    tag: str  # the tag as it stands in the template (or the variable path)
    message: str  # what is wrong, in Chinese
    code: str  # stable: unknown_variable, unknown_attribute, syntax, split, ...
    severity: str = "error"  # "error" stops rendering, "warning" does not

    def __str__(self) -> str:
        level = "错误" if self.severity == "error" else "警告"
        return f"{self.template}：{level}：{self.tag}：{self.message}"


class TemplateBroken(ServiceError):
    """The template is missing or has errors; nothing was rendered."""

    code = "template_broken"

    def __init__(self, problems: Sequence[TemplateProblem]) -> None:
        first = problems[0]
        more = f"（另有 {len(problems) - 1} 处）" if len(problems) > 1 else ""
        super().__init__(
            f"模板 {first.template} 有错误，未生成文书：{first.tag}：{first.message}{more}",
            template=first.template,
            problems=[str(p) for p in problems],
        )
        self.problems = tuple(problems)


class PdfExportUnavailable(ServiceError):
    code = "pdf_unavailable"


class PdfExportFailed(ServiceError):
    code = "pdf_failed"


class DocumentFileError(ServiceError):
    """The stored file is missing, altered, or cannot be written."""

    code = "document_file"


@dataclass(frozen=True)
class GeneratedDocument:
    document_id: int
    case_id: int
    case_number: str
    kind: DocumentKind
    title: str
    version: int
    stored_name: str
    path: Path
    sha256: str
    size: int
    author_id: int | None
    created_at: dt.datetime
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RenderedFile:
    """A document written to a path of the caller's choosing (not recorded on the case)."""

    path: Path
    kind: DocumentKind
    sha256: str
    size: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentInfo:
    document_id: int
    kind: str
    title: str
    version: int
    author: str
    created_at: dt.datetime
    sha256: str
    size: int
    stored_name: str


def default_store() -> Path:
    """Where the desktop keeps generated documents: <user data dir>/documents."""
    return user_data_dir() / "documents"
