"""Which files may be evidence, decided by their content (magic bytes), never by the name.

Evidence is opened with the system's handler by a double-click, so a file named
"合同.pdf" that is a Windows program would run. Every stored file therefore is one of the
kinds of :data:`KINDS` (documents, pictures, sound and video, plain text), recognised by
its first bytes, and is stored under an extension of its kind: the system opens it with a
viewer of that kind whatever the name says. An executable (Windows PE, ELF, Mach-O, a
shortcut, a script with #!) is refused outright, at intake and again before opening.

The table is data: to allow a kind, add a row (its extensions; the first is the one the
file is stored under when its name has none of them) and a signature in :func:`sniff`.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from ipdesk.services.errors import PermissionDenied

HEAD_BYTES = 4096
"""How much of a file :func:`sniff` reads."""


@dataclass(frozen=True)
class EvidenceKind:
    key: str
    label: str
    extensions: tuple[str, ...]


KINDS: dict[str, EvidenceKind] = {
    k.key: k
    for k in (
        EvidenceKind("pdf", "PDF 文档", ("pdf",)),
        EvidenceKind("jpeg", "JPEG 图片", ("jpg", "jpeg")),
        EvidenceKind("png", "PNG 图片", ("png",)),
        EvidenceKind("gif", "GIF 图片", ("gif",)),
        EvidenceKind("webp", "WebP 图片", ("webp",)),
        EvidenceKind("bmp", "BMP 图片", ("bmp",)),
        EvidenceKind("tiff", "TIFF 图片", ("tif", "tiff")),
        EvidenceKind("ooxml", "Office 文档", ("docx", "xlsx", "pptx")),
        EvidenceKind("odf", "OpenDocument 文档", ("odt", "ods", "odp")),
        EvidenceKind("ole", "Office 97-2003 文档", ("doc", "xls", "ppt")),
        EvidenceKind("mp3", "MP3 音频", ("mp3",)),
        EvidenceKind("wav", "WAV 音频", ("wav",)),
        EvidenceKind("mp4", "MP4 视频", ("mp4", "m4a", "mov")),
        EvidenceKind("text", "纯文本", ("txt", "csv")),
    )
}

ALLOWED_TEXT = (
    "PDF、JPEG、PNG、GIF、WebP、BMP、TIFF、Word/Excel/PowerPoint、OpenDocument、"
    "MP3、WAV、MP4、纯文本"
)
"""The allowed kinds as the refusal lists them."""

_EXECUTABLE_SIGNATURES = (
    b"MZ",  # Windows PE (.exe, .dll, .scr, .sys)
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",  # Mach-O
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal (also Java class)
    b"L\x00\x00\x00\x01\x14\x02\x00",  # Windows shortcut (.lnk)
    b"#!",  # a script for an interpreter
)


def is_executable(head: bytes) -> bool:
    return head.startswith(_EXECUTABLE_SIGNATURES)


def sniff(head: bytes) -> str | None:
    """The key of the kind the file starting with ``head`` is, None when not allowed.
    A zip (PK) here is only a candidate: :func:`kind_of` looks inside."""
    if not head or is_executable(head):
        return None
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"BM") and len(head) >= 14:
        return "bmp"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if head[4:8] == b"ftyp":
        return "mp4"
    if _is_text(head):
        return "text"
    return None


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            # the head may end inside a character: ignore an incomplete last one
            head.decode(encoding) if len(head) < HEAD_BYTES else head[:-4].decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _zip_kind(path: Path) -> str | None:
    """An Office Open XML or OpenDocument file, by its members; any other zip: None."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "[Content_Types].xml" in names:
                return "ooxml"
            if "mimetype" in names and "META-INF/manifest.xml" in names:
                return "odf"
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def kind_of(path: Path, head: bytes | None = None) -> EvidenceKind | None:
    """The allowed kind of the file at ``path`` (its first bytes ``head`` if read
    already), None when it is not an allowed kind."""
    if head is None:
        try:
            with path.open("rb") as f:
                head = f.read(HEAD_BYTES)
        except OSError:
            return None
    key = sniff(head)
    if key == "zip":
        key = _zip_kind(path)
    return KINDS.get(key) if key else None


def stored_suffix(kind: EvidenceKind, original_name: str) -> str:
    """The extension a file of ``kind`` is stored under: the name's own when it is one
    of the kind's (report.xlsx stays .xlsx), else the kind's first."""
    suffix = Path(original_name).suffix.lower().lstrip(".")
    return "." + (suffix if suffix in kind.extensions else kind.extensions[0])


def check_openable(path: Path) -> None:
    """Refuse to hand ``path`` to the system's handler unless it is a file of an allowed
    kind stored under an extension of that kind (a file stored before the allow-list, or
    put in the store by hand, may be a program)."""
    kind = kind_of(path)
    if kind is None or path.suffix.lower().lstrip(".") not in kind.extensions:
        raise PermissionDenied(
            f"文件“{path.name}”不是允许打开的证据类型，为安全起见不予打开（可用：{ALLOWED_TEXT}）",
            code="evidence_not_openable",
            name=path.name,
        )
