"""Reading the CSV files that users bring: encodings, header labels, line numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ipdesk.services.errors import ImportFailed

# Excel on Chinese Windows writes GB18030 (GBK); elsewhere UTF-8, often with a BOM.
ENCODINGS = ("utf-8-sig", "gb18030")


@dataclass(frozen=True)
class Row:
    line: int  # as a spreadsheet shows it: the header is line 1
    values: dict[str, str]


def decode(data: bytes, file_label: str) -> str:
    if b"\x00" in data[:4096]:
        raise ImportFailed(f"{file_label}：不是文本文件（可能是 Excel 或其他二进制文件）")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(f"{file_label}：无法识别的文字编码（请保存为 UTF-8 或 GB18030/GBK）")


def read_csv(
    path: Path,
    columns: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
) -> list[Row]:
    """Read a CSV file whose header names columns by key or by one of their labels.

    ``columns`` maps each key to the labels accepted for it (Chinese labels, mostly).
    Unknown columns are refused, so that a typo does not silently drop data.
    """
    label = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{label}：无法读取文件（{exc.strerror}）") from exc
    text = decode(data, label)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailed(f"{label}：文件为空") from None
    except csv.Error as exc:
        raise ImportFailed(f"{label} 第1行：CSV 格式错误（{exc}）") from exc
    lookup = {
        alias.strip().lower(): key for key, aliases in columns.items() for alias in (key, *aliases)
    }
    keys: list[str] = []
    for position, name in enumerate(header, start=1):
        key = lookup.get(name.strip().lower())
        if key is None:
            raise ImportFailed(f"{label} 第1行：未知的列“{name.strip()}”（第{position}列）")
        if key in keys:
            raise ImportFailed(f"{label} 第1行：列“{name.strip()}”重复")
        keys.append(key)
    missing = [k for k in required if k not in keys]
    if missing:
        names = "、".join(f"{k}（{columns[k][0]}）" if columns[k] else k for k in missing)
        raise ImportFailed(f"{label} 第1行：缺少必需的列 {names}")
    rows: list[Row] = []
    try:
        for line, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(keys):
                raise ImportFailed(
                    f"{label} 第{line}行：列数多于表头（{len(record)} > {len(keys)}）"
                )
            cells = [c.strip() for c in record] + [""] * (len(keys) - len(record))
            rows.append(Row(line, dict(zip(keys, cells, strict=True))))
    except csv.Error as exc:
        raise ImportFailed(f"{label} 第{reader.line_num}行：CSV 格式错误（{exc}）") from exc
    return rows
