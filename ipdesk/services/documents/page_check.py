"""Page-break checks of rendered documents: the signature block and date stay on a page
with body text (GB/T 9704 7.3.5: never a page holding only the signatures and the date).

Two views of one rendered .docx:

* :func:`closing_problems` reads its XML: the last paragraph ending a sentence (。) — the
  last body text — and every paragraph after it up to the date line must carry
  keep-with-next (``w:keepNext``), so a word processor moves them to the next page
  together;
* :func:`page_problems` reads the PDF LibreOffice made of it (``pdftotext``): no page is
  empty, and the last page holds the end of that body text.

``scripts/check_documents.py`` renders every document kind of a demo case in each state
where it applies and runs both; ``tests/services/test_document_pages.py`` does it for a
few cases (skipped without LibreOffice).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ipdesk.services.documents.pdf import _fontconfig_file, find_libreoffice

__all__ = [
    "DocumentPages",
    "closing_problems",
    "convert_to_pdf",
    "last_sentence",
    "page_problems",
    "pdf_pages",
]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DATE = re.compile(r"^(?:[〇一二三四五六七八九]{4}|\u3000+)年.*月.*日$")
_PAGE_NUMBER = re.compile(r"^[—\-–]\s*\d+\s*[—\-–]$")


@dataclass(frozen=True)
class DocumentPages:
    docx: Path
    pdf: Path
    pages: int
    problems: tuple[str, ...]


def _paragraphs(docx: Path) -> list[ET.Element]:
    with zipfile.ZipFile(docx) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(f"{_W}body")
    assert body is not None
    return list(body.iter(f"{_W}p"))


def _text(p: ET.Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{_W}t")).strip()


def _keeps_next(p: ET.Element) -> bool:
    p_pr = p.find(f"{_W}pPr")
    keep = p_pr.find(f"{_W}keepNext") if p_pr is not None else None
    return keep is not None and keep.get(f"{_W}val") not in ("0", "false")


def last_sentence(docx: Path) -> str:
    """The text of the last paragraph that ends a sentence (。): the end of the body."""
    texts = [_text(p) for p in _paragraphs(docx)]
    return next((t for t in reversed(texts) if t.endswith("。")), "")


def closing_problems(docx: Path) -> list[str]:
    """The closing part is not tied to the last body text by keep-with-next."""
    paragraphs = _paragraphs(docx)
    texts = [_text(p) for p in paragraphs]
    body = max((i for i, t in enumerate(texts) if t.endswith("。")), default=None)
    if body is None:
        return ["no body text ending a sentence"]
    date = max((i for i, t in enumerate(texts) if _DATE.match(t)), default=None)
    if date is None or date <= body:
        return []  # nothing (dated) follows the body text
    loose = [i for i in range(body, date) if not _keeps_next(paragraphs[i])]
    if loose:
        first = texts[loose[0]] or "(blank line)"
        return [f"keep-with-next missing between the body text and the date at: {first[:30]}"]
    return []


def convert_to_pdf(files: Sequence[Path], outdir: Path, *, timeout: float = 600) -> list[Path]:
    """PDFs of ``files`` made by one LibreOffice run (a private profile, the font fallbacks
    of documents/pdf.py); raises RuntimeError when LibreOffice is missing or fails."""
    exe = find_libreoffice()
    if exe is None:
        raise RuntimeError("LibreOffice is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ipdesk-pages-") as tmp:
        env = dict(os.environ)
        fonts = _fontconfig_file(Path(tmp))
        if fonts is not None:
            env["FONTCONFIG_FILE"] = str(fonts)
        command = [
            exe,
            f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            *map(str, files),
        ]
        subprocess.run(command, capture_output=True, timeout=timeout, check=False, env=env)
    pdfs = [outdir / f"{f.stem}.pdf" for f in files]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert: {', '.join(missing)}")
    return pdfs


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (poppler's pdftotext)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        raise RuntimeError("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        [exe, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_problems(docx: Path, pages: list[str]) -> list[str]:
    """An empty page, or a last page without the end of the body text (only the closing
    part — signatures, date — landed there)."""
    problems = []
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if not [line for line in lines if not _PAGE_NUMBER.match(line)]:
            problems.append(f"page {number} is empty")
    tail = _squeeze(last_sentence(docx))[-6:]
    if pages and tail and tail not in _squeeze(pages[-1]):
        problems.append(
            f"page {len(pages)} holds only the closing part (signatures, date): the body text "
            f"ends on an earlier page (…{tail})"
        )
    return problems


def check_pages(files: Sequence[Path], outdir: Path) -> list[DocumentPages]:
    """Convert ``files`` and check each (XML and pages)."""
    results = []
    for docx, pdf in zip(files, convert_to_pdf(files, outdir), strict=True):
        pages = pdf_pages(pdf)
        problems = closing_problems(docx) + page_problems(docx, pages)
        results.append(DocumentPages(docx, pdf, len(pages), tuple(problems)))
    return results
