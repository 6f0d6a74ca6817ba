"""Importing case ledgers (台账) kept in spreadsheets: ``ipdesk-admin import-cases``.

One row per case; the header row names the columns by key or Chinese label (design.md's
``import-cases`` contract; :data:`COLUMNS`). Every row becomes an
:class:`~ipdesk.services.cases.intake.IntakeForm` and is validated exactly as the intake dialog
validates (plus the station and court lookups that registration does); errors are reported
per row (numbered as the spreadsheet shows them, header = 1) and column key. Any error
means nothing is imported. Otherwise all rows are registered through the intake's
:class:`~ipdesk.services.cases.intake.Registrar` in the caller's one transaction.

Reading: .xlsx with openpyxl in read-only mode (first worksheet; dates and numbers as Excel
stores them), .csv as UTF-8 (with or without BOM) or GB18030, like every CSV ipdesk reads.
Long digit strings stored by Excel as numbers have lost digits: such cells are refused.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from sqlalchemy.orm import Session

from ipdesk.models import PartyKind, PartyRole
from ipdesk.services.actors import Actor
from ipdesk.services.cases.intake import Registrar
from ipdesk.services.cases.intake_form import IntakeForm, PartyForm
from ipdesk.services.cases.intake_validation import check_intake, choice_value
from ipdesk.services.errors import ImportFailed, ValidationError
from ipdesk.services.infra.tabular import decode
from ipdesk.services.rules import identifiers as ids
from ipdesk.services.rules.capabilities import Capability
from ipdesk.services.rules.vocabulary import PARTY_KIND_LABELS

Progress = Callable[[int, int], None]

# key -> Chinese labels accepted in the header (the first is the one shown in messages)
COLUMNS: dict[str, tuple[str, ...]] = {
    "received": ("收到日期", "收案日期", "接收日期", "受理登记日期"),
    "station": ("站点代码", "站点", "接收站点"),
    "ip_type": ("知识产权类型", "权利类型"),
    "right_number": ("权利号", "专利号", "申请号", "商标注册号", "登记号"),
    "right_holder": ("权利人",),
    "applicant_name": ("申请人", "申请人名称", "申请人姓名"),
    "applicant_kind": ("申请人类型",),
    "applicant_id": ("申请人证件号", "申请人身份证号", "申请人统一社会信用代码"),
    "applicant_phone": ("申请人电话", "申请人联系电话"),
    "applicant_address": ("申请人地址", "申请人住所"),
    "applicant_legal_representative": ("申请人法定代表人",),
    "respondent_name": ("被申请人", "被申请人名称", "被申请人姓名"),
    "respondent_kind": ("被申请人类型",),
    "respondent_id": ("被申请人证件号", "被申请人身份证号", "被申请人统一社会信用代码"),
    "respondent_phone": ("被申请人电话", "被申请人联系电话"),
    "respondent_address": ("被申请人地址", "被申请人住所"),
    "respondent_legal_representative": ("被申请人法定代表人",),
    "dispute_type": ("纠纷类型",),
    "facts": ("事实与理由", "事实和理由", "案情"),
    "claim": ("请求事项", "请求"),
    "amount_claimed": ("请求金额", "标的额", "金额"),
    "channel": ("来源方式", "来源", "案件来源"),
    "court": ("法院代码",),
    "court_case_number": ("法院案号",),
    "category": ("案件类别",),
}
REQUIRED_COLUMNS = (
    "received",
    "station",
    "ip_type",
    "applicant_name",
    "applicant_id",
    "respondent_name",
    "facts",
    "claim",
)
MAX_ROWS = 100_000

# Intake fields are named like the columns, except the parties': parties[0] is the
# applicant, parties[1] the respondent.
_PARTY_FIELDS = {
    "name": "name",
    "id_number": "id",
    "phone": "phone",
    "address": "address",
    "legal_representative": "legal_representative",
    "kind": "kind",
}
_ORGANISATION_NAME = re.compile(
    r"(公司|厂|店|行|社|中心|集团|事务所|协会|学会|研究院|研究所|学校|大学|医院|合作社|部|局|站|馆|场|处|商会|企业)$"
)


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str  # a key of COLUMNS
    message: str
    code: str = "invalid"

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass(frozen=True)
class ImportResult:
    rows: int  # data rows read (empty rows skipped)
    imported: int  # cases registered (0 after a dry run or when there are errors)
    errors: tuple[RowError, ...]
    numbers: tuple[str, ...] = ()  # the case numbers given, in row order
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _UncomputedFormula:
    """A cell holding a formula whose value the file does not carry (written by a program
    that does not compute formulas; Excel and WPS store the value when they save)."""

    formula: str

    def __str__(self) -> str:
        return self.formula


FORMULA_MESSAGE: Final = "公式没有计算结果：请在 Excel 或 WPS 中打开并保存该文件后再导入"


@dataclass
class _Sheet:
    columns: list[str]
    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)


# --------------------------------------------------------------------------- reading


def _header_keys(label: str, header: list[object]) -> list[str | None]:
    lookup = {
        _norm_label(alias): key for key, aliases in COLUMNS.items() for alias in (key, *aliases)
    }
    keys: list[str | None] = []
    for position, cell in enumerate(header, start=1):
        name = "" if cell is None else str(cell).strip()
        if not name:
            keys.append(None)
            continue
        key = lookup.get(_norm_label(name))
        if key is None:
            raise ImportFailed(f"{label} 第1行：未知的列“{name}”（第{position}列）")
        if key in keys:
            raise ImportFailed(f"{label} 第1行：列“{name}”重复")
        keys.append(key)
    missing = [k for k in REQUIRED_COLUMNS if k not in keys]
    if missing:
        names = "、".join(f"{k}（{COLUMNS[k][0]}）" for k in missing)
        raise ImportFailed(f"{label} 第1行：缺少必需的列 {names}")
    return keys


def _norm_label(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"[\s*＊]", "", text)


def _fill(
    label: str, sheet: _Sheet, keys: list[str | None], line: int, cells: list[object]
) -> None:
    if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
        return
    if len(sheet.rows) >= MAX_ROWS:
        raise ImportFailed(f"{label}：行数过多（最多{MAX_ROWS}行）")
    values: dict[str, object] = {}
    for position, cell in enumerate(cells):
        key = keys[position] if position < len(keys) else None
        if key is None:
            if cell is not None and str(cell).strip():
                raise ImportFailed(f"{label} 第{line}行：第{position + 1}列有内容但没有列名")
            continue
        values[key] = cell
    sheet.rows.append((line, values))


def _read_xlsx(path: Path) -> _Sheet:
    from openpyxl import load_workbook

    label = path.name
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportFailed(f"{label}：无法读取 Excel 文件（{type(exc).__name__}）") from exc
    try:
        # The same sheet read for its formulas: a cell without a value may hold one.
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:
        workbook.close()
        raise ImportFailed(f"{label}：无法读取 Excel 文件（{type(exc).__name__}）") from exc
    try:
        sheet_rows = workbook.worksheets[0].iter_rows(values_only=True)
        formula_rows = formulas.worksheets[0].iter_rows(values_only=True)
        header = next(sheet_rows, None)
        next(formula_rows, None)
        if header is None:
            raise ImportFailed(f"{label}：工作表为空")
        keys = _header_keys(label, list(header))
        sheet = _Sheet([k for k in keys if k])
        for line, row in enumerate(sheet_rows, start=2):
            written = next(formula_rows, ()) or ()
            cells = list(row)
            for position, raw in enumerate(written[: len(cells)]):
                if cells[position] is None and isinstance(raw, str) and raw.startswith("="):
                    cells[position] = _UncomputedFormula(raw)
            _fill(label, sheet, keys, line, cells)
        return sheet
    finally:
        workbook.close()
        formulas.close()


def _read_csv(path: Path) -> _Sheet:
    label = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{label}：无法读取文件（{exc.strerror}）") from exc
    reader = csv.reader(io.StringIO(decode(data, label), newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFailed(f"{label}：文件为空")
        keys = _header_keys(label, list(header))
        sheet = _Sheet([k for k in keys if k])
        for line, record in enumerate(reader, start=2):
            _fill(label, sheet, keys, line, list(record))
    except csv.Error as exc:
        raise ImportFailed(f"{label} 第{reader.line_num}行：CSV 格式错误（{exc}）") from exc
    return sheet


def read_ledger(path: Path) -> _Sheet:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise ImportFailed(f"{path.name}：不支持的文件类型（请使用 .xlsx 或 .csv）")


# --------------------------------------------------------------------------- rows -> forms


class _CellError(Exception):
    def __init__(self, column: str, message: str, code: str) -> None:
        super().__init__(message)
        self.column, self.message, self.code = column, message, code


def _text(values: Mapping[str, object], key: str, *, digits: bool = False) -> str:
    """A cell as text. Numbers keep their digits; a long number that Excel stored as a
    float has lost digits and is refused (``digits``: the column holds identifiers)."""
    value = values.get(key)
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if digits and abs(value) >= 1e15:
            raise _CellError(
                key,
                "单元格被 Excel 存成了数字，长号码的末几位已丢失；请把该列设为“文本”格式后重新填写",
                "number_stored_as_float",
            )
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _party(values: Mapping[str, object], prefix: str, role: PartyRole) -> PartyForm:
    name = _text(values, f"{prefix}_name")
    id_number = _text(values, f"{prefix}_id", digits=True)
    kind_text = _text(values, f"{prefix}_kind")
    kind = choice_value(kind_text, PARTY_KIND_LABELS) if kind_text else None
    if kind is None and kind_text:
        kind = kind_text  # let validation report it
    if kind is None:
        guessed = ids.guess_id_kind(id_number) if id_number else None
        if guessed is not None:
            kind = guessed
        elif _ORGANISATION_NAME.search(name):
            kind = PartyKind.ORGANISATION.value
        else:
            kind = PartyKind.PERSON.value
    return PartyForm(
        role=role.value,
        kind=kind,
        name=name,
        id_number=id_number,
        phone=_text(values, f"{prefix}_phone", digits=True),
        address=_text(values, f"{prefix}_address"),
        legal_representative=_text(values, f"{prefix}_legal_representative"),
    )


def _amount(values: Mapping[str, object]) -> Decimal | str | None:
    value = values.get("amount_claimed")
    if isinstance(value, float):
        return Decimal(repr(value))  # the shortest text that reads back as this float
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    return _text(values, "amount_claimed") or None


def row_form(values: Mapping[str, object]) -> IntakeForm:
    """The intake form that one ledger row fills in (raises _CellError for a cell that
    cannot even be read as text)."""
    received = values.get("received")
    return IntakeForm(
        parties=(
            _party(values, "applicant", PartyRole.APPLICANT),
            _party(values, "respondent", PartyRole.RESPONDENT),
        ),
        ip_type=_text(values, "ip_type"),
        right_number=_text(values, "right_number", digits=True),
        right_holder=_text(values, "right_holder"),
        dispute_type=_text(values, "dispute_type") or IntakeForm.dispute_type,
        facts=_text(values, "facts"),
        claim=_text(values, "claim"),
        amount_claimed=_amount(values),
        channel=_text(values, "channel") or IntakeForm.channel,
        court=_text(values, "court"),
        court_case_number=_text(values, "court_case_number"),
        station=_text(values, "station"),
        received=received if isinstance(received, dt.date) else _text(values, "received"),
        category=_text(values, "category") or IntakeForm.category,
    )


def _column(field_name: str, present: set[str]) -> str:
    """The column that holds an intake field of a ledger row."""
    match = re.fullmatch(r"parties\[(\d+)\]\.(\w+)", field_name)
    if match:
        prefix = "applicant" if match[1] == "0" else "respondent"
        attribute = match[2]
        key = f"{prefix}_{_PARTY_FIELDS.get(attribute, attribute)}"
        if attribute == "kind" and key not in present:
            key = f"{prefix}_id"
        return key
    if field_name == "parties":
        return "applicant_name"
    return field_name


# --------------------------------------------------------------------------- import


MAX_LEDGER_BYTES = 3 << 20
"""The largest ledger :func:`check_ledger_data` / :func:`import_ledger_data` take in a call
(3 MiB: some thousands of rows)."""


def check_ledger_data(
    session: Session,
    actor: Actor,
    data: bytes,
    name: str,
    *,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """The dry run of :func:`import_cases` on a ledger's bytes (a file chosen on another
    computer than the one the call runs on; ``name`` gives its kind and the messages'
    file name): every row checked, nothing registered."""
    with _ledger_file(data, name) as path:
        return import_cases(session, actor, path, dry_run=True, progress=progress, today=today)


def import_ledger_data(
    session: Session,
    actor: Actor,
    data: bytes,
    name: str,
    *,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """:func:`import_cases` of a ledger's bytes, in the caller's transaction."""
    with _ledger_file(data, name) as path:
        return import_cases(session, actor, path, progress=progress, today=today)


@contextlib.contextmanager
def _ledger_file(data: bytes, name: str) -> Iterator[Path]:
    label = Path(name).name or "ledger.xlsx"
    if len(data) > MAX_LEDGER_BYTES:
        raise ImportFailed(f"{label}：文件过大（最大 {MAX_LEDGER_BYTES >> 20} MB）")
    with tempfile.TemporaryDirectory(prefix="ipdesk-ledger-") as folder:
        path = Path(folder) / label
        path.write_bytes(data)
        yield path


def import_cases(
    session: Session,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Validate every row of the ledger at ``path``; unless ``dry_run`` or some row is
    invalid, register all of them in the caller's transaction.

    File-level problems (unreadable file, unknown or missing columns) raise
    :class:`ImportFailed`; row problems are returned in :attr:`ImportResult.errors`.
    ``progress(done, total)`` is called as rows are validated and then registered.
    """
    registrar = Registrar(session, actor, today=today, capability=Capability.IMPORT_LEDGERS)
    sheet = read_ledger(path)
    present = set(sheet.columns)
    total = len(sheet.rows)
    errors: list[RowError] = []
    cleans = []
    for done, (line, values) in enumerate(sheet.rows, start=1):
        uncomputed = [k for k, v in values.items() if isinstance(v, _UncomputedFormula)]
        if uncomputed:
            errors.extend(
                RowError(line, k, FORMULA_MESSAGE, "formula_without_value") for k in uncomputed
            )
            continue
        try:
            form = row_form(values)
        except _CellError as exc:
            errors.append(RowError(line, exc.column, exc.message, exc.code))
            continue
        check = check_intake(form, today=today)
        row_errors: list[ValidationError] = list(check.errors)
        if check.clean is not None:
            row_errors += registrar.database_errors(check.clean)
            cleans.append((line, check.clean))
        elif form.station:
            try:
                registrar.station(form.station)
            except ValidationError as exc:
                row_errors.append(exc)
        errors.extend(
            RowError(line, _column(e.field, present), e.message, e.code) for e in row_errors
        )
        if progress is not None:
            progress(done, 2 * total if not dry_run else total)
    if errors or dry_run:
        return ImportResult(total, 0, tuple(errors), dry_run=dry_run)
    numbers = []
    for done, (line, clean) in enumerate(cleans, start=1):
        case, _ = registrar.register(
            clean, details={"source": "import", "file": path.name, "row": line}
        )
        numbers.append(case.number)
        if progress is not None:
            progress(total + done, 2 * total)
    return ImportResult(total, len(numbers), (), tuple(numbers))
