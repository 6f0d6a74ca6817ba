"""The log files: rotation, UTF-8, and the filter that masks personal data."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipdesk.app import LOG_BACKUP_COUNT, LOG_FILE_NAME, setup_logging
from ipdesk.logging_setup import PersonalDataFilter, mask_personal_data
from ipdesk.services.rules.identifiers import make_resident_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证150502198005010017，手机13847512345", "身份证150502********0017，手机138****2345"),
        ("id 15050219800501001X.", "id 150502********001X."),
        ("id 15050219800501001x", "id 150502********001X"),
        ("credit code 91150502MA0N12345X", "credit code 911505********345X"),
        ("old id 150502800501001", "old id 150**********01"),
        ("call 138-4751-2345 or 138 4751 2345", "call 138****2345 or 138****2345"),
        ("+86 13847512345", "138****2345"),
    ],
)
def test_ids_and_mobile_numbers_are_masked(text: str, expected: str) -> None:
    assert mask_personal_data(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "case TL01-2026-00042 accepted by tl01-mediator1",
        "2026-11-27 10:17:22,975 took 1234 ms",
        "office phone 0475-8123456",
        "patent ZL202310567890.1, trademark 12345678",
        "sha256 3f2a9c0e5b7d1e4f6a8b0c2d4e6f8a0b2c4d6e8f0a1b3c5d7e9f1a3b5c7d9e1f",
        "a number too long to be an ID 1234567890123456789012",
    ],
)
def test_other_numbers_are_left_alone(text: str) -> None:
    assert mask_personal_data(text) == text


@given(st.integers(min_value=0, max_value=2**32), st.text(max_size=20))
def test_every_resident_id_is_masked_wherever_it_stands(seed: int, around: str) -> None:
    import random

    number = make_resident_id(random.Random(seed))
    masked = mask_personal_data(f"{around} {number} {around}")
    assert number not in masked


def _record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("ipdesk.test", logging.INFO, __file__, 1, msg, args, exc_info)


def test_the_filter_masks_arguments_and_tracebacks() -> None:
    try:
        raise ValueError("bad ID 150502198005010017")
    except ValueError as error:
        record = _record("party %s phone %s", "150502198005010017", "13847512345", exc=error)

    assert PersonalDataFilter().filter(record)
    text = logging.Formatter().format(record)

    assert "150502198005010017" not in text
    assert "13847512345" not in text
    assert "party 150502********0017 phone 138****2345" in text
    assert "bad ID 150502********0017" in text


def test_the_filter_keeps_a_message_without_personal_data_as_it_is() -> None:
    record = _record("case %s signed by %s", "TL01-2026-00042", "admin")
    PersonalDataFilter().filter(record)
    assert record.getMessage() == "case TL01-2026-00042 signed by admin"


def test_a_broken_format_string_is_still_logged() -> None:
    record = _record("two %s %s", "only one")
    assert PersonalDataFilter().filter(record)
    assert "two" in record.getMessage()


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)


def test_the_log_file_is_utf8_and_masked(tmp_path: Path, restore_root_logger: None) -> None:
    path = setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / LOG_FILE_NAME

    logging.getLogger("ipdesk.test").info(
        "案件 %s：申请人证件 %s", "TL01-2026-00042", "150502198005010017"
    )
    logging.getLogger("ipdesk.test").debug("not at INFO level")

    text = path.read_text(encoding="utf-8")
    assert "案件 TL01-2026-00042：申请人证件 150502********0017" in text
    assert "150502198005010017" not in text
    assert "not at INFO level" not in text


def test_the_log_file_is_rotated(
    tmp_path: Path, restore_root_logger: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ipdesk.app.LOG_MAX_BYTES", 2000)
    path = setup_logging(tmp_path)
    assert path is not None
    for n in range(200):
        logging.getLogger("ipdesk.test").info("line %d %s", n, "x" * 50)

    files = sorted(p.name for p in tmp_path.iterdir())
    assert files[0] == LOG_FILE_NAME
    assert len(files) == LOG_BACKUP_COUNT + 1
    assert all(p.stat().st_size <= 2000 for p in tmp_path.iterdir())


def test_setting_up_twice_does_not_log_twice(tmp_path: Path, restore_root_logger: None) -> None:
    setup_logging(tmp_path)
    path = setup_logging(tmp_path)
    assert path is not None
    logging.getLogger("ipdesk.test").info("once")
    assert path.read_text(encoding="utf-8").count("once") == 1


def test_an_unwritable_log_folder_falls_back_to_stderr(
    tmp_path: Path, restore_root_logger: None
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert setup_logging(blocker / "logs") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证１５０５０２１９８００５０１００１７。", "身份证150502********0017。"),
        ("ＩＤ：１５０５０２１９８００５０１００１Ｘ", "ＩＤ：150502********001X"),
        ("id 150502 19800501 0017 ok", "id 150502********0017 ok"),
        ("id 150502-1980-0501-0017.", "id 150502********0017."),
        ("id 150502　19800501　0017", "id 150502********0017"),
        ("手机１３８４７５１２３４５", "手机138****2345"),
    ],
)
def test_full_width_and_separated_numbers_are_masked(text: str, expected: str) -> None:
    assert mask_personal_data(text) == expected


@given(
    st.integers(min_value=0, max_value=2**32),
    st.lists(st.sampled_from(["", " ", "-", "\u3000"]), min_size=17, max_size=17),
    st.booleans(),
)
def test_a_resident_id_however_written_is_masked(
    seed: int, separators: list[str], full_width: bool
) -> None:
    import random

    number = make_resident_id(random.Random(seed))
    written = "".join(c + s for c, s in zip(number, [*separators, ""], strict=True))
    if full_width:
        written = "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in written)
    masked = mask_personal_data(f"申请人证件号 {written}，请核对")
    assert number[6:14] not in masked.replace(" ", "").replace("-", "")


def test_the_command_line_masks_its_log(capsys: pytest.CaptureFixture[str]) -> None:
    from ipdesk.cli import main

    with pytest.raises(SystemExit):
        main(["--help"])
    capsys.readouterr()
    logging.getLogger("ipdesk.test").warning(
        "party 150502 19800501 0017 phone １３８４７５１２３４５"
    )
    err = capsys.readouterr().err
    assert err.startswith("ipdesk-admin:") and "150502********0017" in err
    assert "19800501" not in err and "138****2345" in err
