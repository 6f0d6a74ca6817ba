"""PDF export through LibreOffice, with a font fallback for machines without the official
fonts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ipdesk.services.documents.files import write_atomically
from ipdesk.services.documents.kinds import PdfExportFailed, PdfExportUnavailable

SOFFICE_ENV = "IPDESK_SOFFICE"
_WINDOWS_SOFFICE = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice/program/soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice/program/soffice.exe",
)


# Where fontconfig chooses fonts (Linux, BSD), the official fonts of the templates are
# usually missing and fontconfig would set everything in one sans face, 黑体 headings
# and 仿宋 body alike. For the PDF export LibreOffice gets a private fontconfig file that
# keeps the system's configuration and adds, after each official font, the closest faces a
# Linux machine has: Song/FangSong → a serif, 黑体 → a sans, 小标宋 → a bold serif. An
# installed official font still wins (the aliases only add candidates after it).
_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN")
_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")
_FALLBACKS: dict[str, tuple[tuple[str, ...], bool]] = {
    "FangSong_GB2312": (("FangSong", "仿宋", "STFangsong", *_SERIF), False),
    "仿宋_GB2312": (("FangSong", "仿宋", "STFangsong", *_SERIF), False),
    "FangSong": (("仿宋", "STFangsong", *_SERIF), False),
    "仿宋": (("FangSong", "STFangsong", *_SERIF), False),
    "FZXiaoBiaoSong-B05S": (("方正小标宋简体", *_SERIF), True),
    "方正小标宋简体": (("FZXiaoBiaoSong-B05S", *_SERIF), True),
    "SimHei": (("黑体", *_SANS), False),
    "黑体": (("SimHei", *_SANS), False),
    "KaiTi": (("楷体", "KaiTi_GB2312", "STKaiti", "AR PL UKai CN", *_SERIF), False),
    "楷体": (("KaiTi", "KaiTi_GB2312", "STKaiti", "AR PL UKai CN", *_SERIF), False),
    "SimSun": (("宋体", *_SERIF), False),
    "宋体": (("SimSun", *_SERIF), False),
}


def _fontconfig_file(directory: Path) -> Path | None:
    """A fontconfig file with the fallbacks above, or None where fontconfig is not used."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    system = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
        "<fontconfig>",
        f'  <include ignore_missing="yes">{_xml_text(system)}</include>',
    ]
    for family, (accept, bold) in _FALLBACKS.items():
        if bold:
            lines.append(
                f'  <match target="pattern"><test name="family"><string>{family}</string>'
                '</test><edit name="weight" mode="assign"><const>bold</const></edit></match>'
            )
        faces = "".join(f"<family>{_xml_text(f)}</family>" for f in accept)
        lines.append(
            f'  <alias binding="same"><family>{family}</family><accept>{faces}</accept></alias>'
        )
    lines.append("</fontconfig>")
    path = directory / "fonts.conf"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def find_libreoffice() -> str | None:
    """LibreOffice's executable: $IPDESK_SOFFICE, then PATH, then the usual Windows places."""
    given = os.environ.get(SOFFICE_ENV)
    if given:
        return given if Path(given).is_file() else None
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if found:
        return found
    if sys.platform == "win32":
        return next((str(p) for p in _WINDOWS_SOFFICE if p.is_file()), None)
    return None


def export_pdf(path: Path, pdf: Path | None = None, *, timeout: float = 120) -> Path:
    """Convert a .docx to PDF with LibreOffice (headless, a private profile so a running
    LibreOffice is not disturbed); written atomically to ``pdf`` (default: beside it)."""
    path = Path(path)
    target = Path(pdf) if pdf else path.with_suffix(".pdf")
    exe = find_libreoffice()
    if exe is None:
        raise PdfExportUnavailable(
            "未安装 LibreOffice，无法导出 PDF；请安装 LibreOffice，或在 Word 中另存为 PDF",
        )
    with tempfile.TemporaryDirectory(prefix="ipdesk-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        command = [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            str(path),
        ]
        env = dict(os.environ)
        fonts = _fontconfig_file(Path(tmp))
        if fonts is not None:
            env["FONTCONFIG_FILE"] = str(fonts)
        try:
            proc = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False, env=env
            )
        except subprocess.TimeoutExpired:
            raise PdfExportFailed(f"LibreOffice 转换超时（{timeout:.0f} 秒）") from None
        except OSError as exc:
            raise PdfExportFailed(f"无法启动 LibreOffice：{exc.strerror}") from exc
        produced = outdir / f"{path.stem}.pdf"
        if proc.returncode != 0 or not produced.is_file():
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            raise PdfExportFailed(
                f"LibreOffice 未能转换 {path.name}：{detail[-1] if detail else proc.returncode}"
            )
        write_atomically(target, produced.read_bytes())
    return target
