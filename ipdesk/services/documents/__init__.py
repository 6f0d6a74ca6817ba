"""Case documents rendered from the Word templates in forms/ (docxtpl/Jinja tags).

One template per :class:`DocumentKind`, ``forms/<kind>.docx``. Rendering

1. loads what the document needs from the case (:func:`build_context` gives plain data:
   parties with their details, the right, the agreement's terms with amounts in figures and
   in capitals, dates written 二〇二六年十一月二十七日, the office, the court),
2. refuses with :class:`MissingFacts` (the Chinese names of what is missing) when the case
   lacks something the document must state — :func:`missing_facts`,
3. refuses with :class:`TemplateBroken` when the template has an error that
   :func:`check_templates` finds (an unknown tag, a Jinja syntax error, a tag Word mangled),
4. renders in memory, then writes the file atomically (a temporary file in the same
   directory, fsync, ``os.replace``): a failure never leaves a half-written document,
5. records a :class:`~ipdesk.models.Document` row with the next version, the author, the
   SHA-256 and the size (:func:`render_document`).

Who may render (decided here, checked in :func:`require_document_rights`): the documents
carry the parties' full ID numbers, addresses and phones and are issued in the office's
name, so rendering needs the right to view personal data and a role that issues documents:
the case's assigned mediator, the office manager of the case's office, a city manager, or
an administrator (``ipdesk-admin`` runs as one). Aid-station staff register cases but do
not issue documents, not even for their own station's cases; any user who may see a case
may list its documents (kind, version, author, time — no personal data), and opening a
file (:func:`document_file`) needs the rendering rights again.

Template problems come in two severities. Errors stop rendering: an unknown variable or
attribute, a Jinja syntax error, a tag left open or split over two paragraphs, stray or
full-width braces, text beside a ``{%p`` tag (docxtpl would drop it). Warnings render fine
but should be fixed in Word: a tag split over several runs (docxtpl joins it again, in the
formatting of its first run) and curly quotes inside a tag (docxtpl straightens them).

The modules: ``kinds`` (kinds, errors, results), ``context`` (facts → Jinja context, missing
facts), ``templates`` (loading, checking, rendering in memory, preview), ``samples`` (the
invented case of checks and previews), ``files`` (atomic writes), ``rendering`` (the use
cases and their permissions), ``pdf`` (LibreOffice export).
"""

from __future__ import annotations

from ipdesk.services.documents.context import (
    build_context,
    missing_facts,
)
from ipdesk.services.documents.files import (
    write_atomically,
    write_file_atomically,
)
from ipdesk.services.documents.kinds import (
    DocumentFileError,
    DocumentInfo,
    DocumentKind,
    GeneratedDocument,
    MissingFacts,
    PdfExportFailed,
    PdfExportUnavailable,
    TemplateBroken,
    TemplateProblem,
    default_store,
)
from ipdesk.services.documents.offers import (
    DocumentOffer,
    document_offers,
)
from ipdesk.services.documents.pdf import (
    export_pdf,
    find_libreoffice,
)
from ipdesk.services.documents.rendering import (
    case_id_for_number,
    document_file,
    list_documents,
    render_document,
    render_to_file,
)
from ipdesk.services.documents.samples import (
    sample_context,
)
from ipdesk.services.documents.templates import (
    check_template,
    check_templates,
    load_template,
    preview,
    render_bytes,
    template_path,
)

__all__ = [
    "DocumentFileError",
    "DocumentInfo",
    "DocumentKind",
    "DocumentOffer",
    "GeneratedDocument",
    "MissingFacts",
    "PdfExportFailed",
    "PdfExportUnavailable",
    "TemplateBroken",
    "TemplateProblem",
    "build_context",
    "case_id_for_number",
    "check_template",
    "check_templates",
    "default_store",
    "document_file",
    "document_offers",
    "export_pdf",
    "find_libreoffice",
    "list_documents",
    "load_template",
    "missing_facts",
    "preview",
    "render_bytes",
    "render_document",
    "render_to_file",
    "sample_context",
    "template_path",
    "write_atomically",
    "write_file_atomically",
]
