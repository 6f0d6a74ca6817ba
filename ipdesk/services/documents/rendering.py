"""The use cases: render a case's document into the store (versioned, with its SHA-256),
list a case's documents, open one; who may do which."""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ipdesk.models import (
    Case,
    Document,
    Role,
    User,
)
from ipdesk.models.base import utcnow
from ipdesk.paths import FORMS_DIR
from ipdesk.services.actors import Actor
from ipdesk.services.documents.context import _warnings, context_from, gather_facts, missing_from
from ipdesk.services.documents.files import _safe_name, write_atomically
from ipdesk.services.documents.kinds import (
    TITLES,
    DocumentFileError,
    DocumentInfo,
    DocumentKind,
    GeneratedDocument,
    MissingFacts,
    RenderedFile,
)
from ipdesk.services.documents.pdf import export_pdf
from ipdesk.services.documents.templates import load_template, render_bytes, template_path
from ipdesk.services.errors import NotFound, PermissionDenied, StaleData
from ipdesk.services.infra import blobs
from ipdesk.services.queries.lookups import is_unusable_key
from ipdesk.services.rules.access import require_case

_ISSUERS = (Role.MEDIATOR, Role.OFFICE_MANAGER, Role.CITY_MANAGER, Role.ADMIN)


def require_document_rights(actor: Actor, case: Case) -> None:
    """Refuse unless ``actor`` may issue documents for ``case`` (see the module docstring)."""
    if actor.role == Role.STATION_STAFF:
        raise PermissionDenied(
            "站点工作人员不能生成案件文书，请由裁决所调解员生成",
            code="documents_not_for_station",
            case=case.number,
        )
    require_case(actor, case, *_ISSUERS)
    if actor.role == Role.MEDIATOR and case.mediator_id != actor.user_id:
        raise PermissionDenied(
            f"案件 {case.number} 未指派给您，只有承办调解员可以生成文书",
            code="documents_mediator_only",
            case=case.number,
        )
    if not actor.may_view_personal_data:
        raise PermissionDenied(
            "文书载有当事人的完整身份信息，您没有查看个人信息的权限",
            code="documents_personal_data",
            case=case.number,
        )


def load_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"案件 {case_id} 不存在", case_id=case_id)
    return case


def case_id_for_number(session: Session, number: str) -> int:
    number = number.strip()
    case_id = (
        None
        if is_unusable_key(number)  # PostgreSQL refuses NUL
        else session.scalar(select(Case.id).where(Case.number == number))
    )
    if case_id is None:
        raise NotFound(f"案件 {number} 不存在", case=number)
    return case_id


# --------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class _Rendered:
    data: bytes
    sha256: str
    warnings: tuple[str, ...]


def _render_case(
    session: Session,
    actor: Actor,
    case: Case,
    kind: DocumentKind,
    forms_dir: Path,
    today: dt.date | None,
) -> _Rendered:
    require_document_rights(actor, case)
    facts = gather_facts(session, case, kind, today)
    missing = missing_from(facts, kind)
    if missing:
        raise MissingFacts(kind, missing)
    template = load_template(kind, forms_dir)
    data = render_bytes(template, context_from(facts, kind), template_path(kind, forms_dir).name)
    warnings = tuple(_warnings(session, facts, kind))
    return _Rendered(data, hashlib.sha256(data).hexdigest(), warnings)


def render_document(
    session: Session,
    actor: Actor,
    case_id: int,
    kind: DocumentKind | str,
    store: Path,
    *,
    forms_dir: Path = FORMS_DIR,
    today: dt.date | None = None,
) -> GeneratedDocument:
    """Render ``kind`` for the case, store it as the next version and record it.

    The author is ``actor``; the content goes into the database's content store
    (services/infra/blobs.py) in the caller's transaction, and a private copy for the word
    processor to ``store/<case number>/<kind>-v<version>.docx`` (the returned ``path``).
    Refusals store nothing: PermissionDenied, NotFound, MissingFacts, TemplateBroken,
    BlobTooLarge (all before anything is added to the session), DocumentFileError (the
    copy could not be written: the caller's transaction rolls back), StaleData when another
    user recorded the same version at the same moment (try again). If the caller rolls
    back after this returned, the copy stays as a stray file that the next render of that
    version replaces.
    """
    kind = DocumentKind(kind)
    case = load_case(session, case_id)
    rendered = _render_case(session, actor, case, kind, forms_dir, today)
    if len(rendered.data) > blobs.MAX_DOCUMENT_BYTES:
        raise blobs.BlobTooLarge(
            f"{kind.label}大小为{blobs.size_text(len(rendered.data))}，"
            f"超过上限{blobs.size_text(blobs.MAX_DOCUMENT_BYTES)}",
            name=kind.label,
            size=len(rendered.data),
            limit=blobs.MAX_DOCUMENT_BYTES,
        )
    last = session.scalar(
        select(func.max(Document.version)).where(
            Document.case_id == case.id, Document.kind == kind.value
        )
    )
    version = (last or 0) + 1
    stored_name = f"{_safe_name(case.number)}/{kind.value}-v{version}.docx"
    doc = Document(
        case_id=case.id,
        kind=kind.value,
        version=version,
        author_id=actor.user_id,
        created_at=utcnow(),
        sha256=rendered.sha256,
        size=len(rendered.data),
        stored_name=stored_name,
    )
    session.add(doc)
    try:
        # the row first: a concurrent render of the same version fails here, before it
        # could overwrite the winner's file
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise StaleData(
            f"{kind.label}第 {version} 版刚由他人生成，请重试", code="stale", kind=kind.value
        ) from None
    blobs.put_bytes(
        session,
        rendered.data,
        kind=blobs.DOCX,
        max_bytes=blobs.MAX_DOCUMENT_BYTES,
        name=stored_name,
    )
    path = Path(store) / stored_name
    write_atomically(path, rendered.data)
    return GeneratedDocument(
        document_id=doc.id,
        case_id=case.id,
        case_number=case.number,
        kind=kind,
        title=kind.label,
        version=version,
        stored_name=stored_name,
        path=path,
        sha256=rendered.sha256,
        size=len(rendered.data),
        author_id=actor.user_id,
        created_at=doc.created_at,
        warnings=rendered.warnings,
    )


def render_to_file(
    session: Session,
    actor: Actor,
    case_id: int,
    kind: DocumentKind | str,
    out: Path,
    *,
    forms_dir: Path = FORMS_DIR,
    today: dt.date | None = None,
) -> RenderedFile:
    """Render ``kind`` for the case to ``out`` (.docx, or .pdf through LibreOffice) without
    recording it on the case. ``out`` is written atomically and only on success."""
    kind = DocumentKind(kind)
    out = Path(out)
    if out.suffix.lower() not in (".docx", ".pdf"):
        raise DocumentFileError(f"输出文件应为 .docx 或 .pdf：{out}", path=str(out))
    case = load_case(session, case_id)
    rendered = _render_case(session, actor, case, kind, forms_dir, today)
    if out.suffix.lower() == ".pdf":
        with tempfile.TemporaryDirectory(prefix="ipdesk-render-") as tmp:
            docx = Path(tmp) / f"{kind.value}.docx"
            docx.write_bytes(rendered.data)
            export_pdf(docx, out)
        data = out.read_bytes()
        return RenderedFile(
            out, kind, hashlib.sha256(data).hexdigest(), len(data), rendered.warnings
        )
    write_atomically(out, rendered.data)
    return RenderedFile(out, kind, rendered.sha256, len(rendered.data), rendered.warnings)


def list_documents(session: Session, actor: Actor, case_id: int) -> list[DocumentInfo]:
    """The case's generated documents, newest first (any user who may see the case)."""
    case = load_case(session, case_id)
    require_case(actor, case)
    rows = session.execute(
        select(Document, User.display_name)
        .outerjoin(User, User.id == Document.author_id)
        .where(Document.case_id == case.id)
        .order_by(Document.created_at.desc(), Document.id.desc())
    ).all()
    return [
        DocumentInfo(
            document_id=d.id,
            kind=d.kind,
            title=TITLES[DocumentKind(d.kind)] if d.kind in _KIND_VALUES else d.kind,
            version=d.version,
            author=author or ("ipdesk-admin" if d.author_id is None else ""),
            created_at=d.created_at,
            sha256=d.sha256,
            size=d.size,
            stored_name=d.stored_name,
        )
        for d, author in rows
    ]


_KIND_VALUES = frozenset(k.value for k in DocumentKind)


def document_file(session: Session, actor: Actor, document_id: int, store: Path) -> Path:
    """A private copy of a stored document in ``store`` (``<case number>/<kind>-v<version>
    .docx``), for opening it in the word processor: needs the rendering rights. The copy
    is written from the database's content store unless the one there holds the recorded
    content (SHA-256) already: a copy changed on this computer is replaced by the recorded
    document. BlobMissing when the content is not in the database (a file of an older
    version not imported yet), BlobDamaged when it differs from its record."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"文书 {document_id} 不存在", document_id=document_id)
    case = load_case(session, doc.case_id)
    require_document_rights(actor, case)
    # the name from the record's facts, not its stored text (which could name any path)
    path = Path(store) / _safe_name(case.number) / f"{_safe_name(doc.kind)}-v{doc.version}.docx"
    try:
        return blobs.cached_file(session, doc.sha256.lower(), doc.size, path, name=path.name)
    except OSError as exc:
        raise DocumentFileError(f"无法写入 {path}：{exc.strerror}", path=str(path)) from None
