"""Render resources/icons/ipdesk.svg to the PNG sizes of the window icon and to the
Windows icon file (ipdesk.ico, used by PyInstaller and Inno Setup), with Qt.

    .venv/bin/python installer/render_icons.py

Run it after editing the SVG; the outputs are kept in the repository.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico file whose entries are PNG images (Windows Vista and later read them)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "ipdesk.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'ipdesk.svg'}", file=sys.stderr)
        return 1
    rendered = {size: png_bytes(render(renderer, size)) for size in SIZES}
    for size, blob in rendered.items():
        (ICONS / f"ipdesk-{size}.png").write_bytes(blob)
    (ICONS / "ipdesk.ico").write_bytes(ico_bytes({s: rendered[s] for s in ICO_SIZES}))
    print(f"wrote {len(SIZES)} PNG files and ipdesk.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
