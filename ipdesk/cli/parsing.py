"""Argument types shared by the commands: strict dates, positive counts."""

from __future__ import annotations

import argparse
import datetime as dt


def iso_date(text: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"无效的日期“{text}”（应为 YYYY-MM-DD 的真实日期）"
        ) from None


def iso_datetime(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"无效的时间“{text}”（应为 ISO 8601，如 2026-11-27T09:00）"
        ) from None
    return value if value.tzinfo else value.astimezone()


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"“{text}”应为正整数")
    return value


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"“{text}”不能为负数")
    return value


def date_span(text: str) -> tuple[dt.date, dt.date]:
    start, sep, end = text.partition(":")
    if not sep:
        raise argparse.ArgumentTypeError(f"“{text}”应为 FROM:TO（两个 YYYY-MM-DD 日期）")
    first, last = iso_date(start), iso_date(end)
    if last < first:
        raise argparse.ArgumentTypeError(f"“{text}”中结束日期早于开始日期")
    return first, last
