"""Values on the wire: JSON for the arguments, results and refusals of named calls.

:func:`encode` turns a value into JSON-able data and :func:`decode` back. Plain JSON values
(None, bool, int, finite float, str, list, and dicts whose keys are strings other than
``"$"``) travel as themselves; everything else as a tagged object ``{"$": tag, ...}``:

==============  ================================================================
``dc``          a frozen dataclass of ``ipdesk.services.*`` / ``ipdesk.models.*``:
                ``{"$": "dc", "t": "module.Class", "f": {field: value}}``
``enum``        an enum of those packages: ``{"$": "enum", "t": ..., "v": value}``
``date``        ``{"$": "date", "v": "2026-12-07"}``; likewise ``datetime`` (ISO,
                aware or naive as it was), ``time`` and ``timedelta`` (seconds, a string)
``decimal``     ``{"$": "decimal", "v": "12.50"}``
``tuple``       ``{"$": "tuple", "v": [...]}``; likewise ``frozenset`` and ``set``
``bytes``       base64, at most :data:`MAX_BYTES` (files go through the blob routes)
``ints``        an ``array.array`` of 8-byte integers (typecode ``q``: the case list's ids):
                ``{"$": "ints", "w": 4 | 8, "v": base64}``, each number in ``w`` bytes,
                little-endian (4: all in 0 … 2**32 - 1); a million ids in 5.3 MB,
                encoded and decoded in C, not a JSON list of a million numbers; at most
                :data:`MAX_INTS`
``float``       a float JSON cannot hold: ``{"$": "float", "v": "nan" | "inf" | "-inf"}``
``dict``        a dict with other keys: ``{"$": "dict", "v": [[key, value], ...]}``;
                ``mapping`` likewise for a read-only ``MappingProxyType``
``error``       a refusal held in a result (an import row's): :func:`encode_error`
==============  ================================================================

Decoding is safe on untrusted input (the server decodes what a client sends): it builds no
type outside the allow-list (the frozen dataclasses and enums *defined* in modules of
``ipdesk.services`` and ``ipdesk.models`` that are already imported: decoding what a client
sent never imports a module), minus :data:`NEVER_DECODED_FROM_CLIENTS` when ``untrusted=True``; it
never evaluates anything, and anything malformed raises :class:`CodecError`.

A :class:`~ipdesk.services.errors.ServiceError` travels as ``{"type": class name, "code",
"message", "field", "params", "errors"}`` (:func:`encode_error`); :func:`decode_error`
gives it back as the same class, for the client to raise.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import decimal
import enum
import functools
import importlib
import json
import math
import re
import sys
from array import array
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from ipdesk.services.errors import ServiceError, ValidationError, ValidationErrors

MAX_BYTES = 1 << 20
"""The largest ``bytes`` value encoded inline (1 MiB)."""

MAX_INTS = 1 << 24
"""The most numbers an ``ints`` value holds (16,777,216: 128 MB as 8-byte integers)."""

MAX_DEPTH = 64
"""How deep decoded data may nest (a hostile body cannot exhaust the stack)."""

_PACKAGES = ("ipdesk.services.", "ipdesk.models.")
TAG = "$"

NEVER_DECODED_FROM_CLIENTS = frozenset({"ipdesk.services.actors.Actor"})
"""Types a client may not send: the server supplies the actor itself."""


class CodecError(ServiceError):
    """Data that is not a value of the wire format (or not one allowed here)."""

    code = "bad_data"


# -- the allow-list ------------------------------------------------------------------------------

_allowed: dict[str, type] = {}
_scanned: set[str] = set()


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _in_packages(module: str) -> bool:
    return module.startswith(_PACKAGES)


@functools.cache
def _allowed_class(cls: type) -> bool:
    if not _in_packages(cls.__module__):
        return False
    if isinstance(cls, enum.EnumMeta):
        return True
    params = getattr(cls, "__dataclass_params__", None)
    return params is not None and params.frozen


def _scan() -> None:
    """Add the classes of imported, not yet scanned modules of the two packages."""
    for name, module in list(sys.modules.items()):
        if name in _scanned or not _in_packages(name + ".") or module is None:
            continue
        _scanned.add(name)
        for value in list(vars(module).values()):
            if isinstance(value, type) and value.__module__ == name and _allowed_class(value):
                _allowed[_qualified(value)] = value


def allowed_types() -> dict[str, type]:
    """The allow-list as it is now: qualified name -> class."""
    _scan()
    return dict(_allowed)


_MODULE_NAME = re.compile(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*")


def _import_module_of(name: str) -> None:
    """Import the module of a class the server named (a desk imports a service's modules
    when it first runs it locally, so a result may hold a type of one not imported yet)."""
    module = name.rpartition(".")[0]
    while module and _in_packages(module + ".") and _MODULE_NAME.fullmatch(module):
        try:
            importlib.import_module(module)
            return
        except ModuleNotFoundError:  # a nested class: its module is shorter
            module = module.rpartition(".")[0]


def _lookup(name: object, untrusted: bool) -> type:
    if not isinstance(name, str):
        raise CodecError("数据格式不正确", detail="type name")
    if untrusted and name in NEVER_DECODED_FROM_CLIENTS:
        raise CodecError("数据格式不正确", detail=name[:200])
    cls = _allowed.get(name)
    if cls is None:
        if not untrusted:
            _import_module_of(name)
        _scan()
        cls = _allowed.get(name)
    if cls is None:
        raise CodecError("数据格式不正确", detail=name[:200])
    return cls


# -- encoding ------------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """``value`` as JSON-able data; TypeError for a value the wire does not carry."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # the most, first
        return value
    known = _shapes.get(kind)
    if known is not None:
        return {TAG: "dc", "t": known[0], "f": {n: encode(getattr(value, n)) for n in known[1]}}
    if kind is list:
        return [encode(v) for v in value]
    # order matters: bool is an int, StrEnum a str, datetime a date
    if isinstance(value, bool):
        return value
    if isinstance(value, enum.Enum):
        cls = type(value)
        if not _allowed_class(cls):
            raise TypeError(f"{_qualified(cls)} is not allowed on the wire")
        return {TAG: "enum", "t": _qualified(cls), "v": encode(value.value)}
    if type(value) is int or type(value) is str:
        return value
    if type(value) is float:
        if math.isfinite(value):
            return value
        return {TAG: "float", "v": repr(value)}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        if all(type(k) is str and k != TAG for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {TAG: "dict", "v": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, MappingProxyType):
        return {TAG: "mapping", "v": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, ServiceError):
        return {TAG: "error", "v": encode_error(value)}
    if isinstance(value, tuple) and not dataclasses.is_dataclass(value):
        if hasattr(value, "_fields"):
            raise TypeError("named tuples are not allowed on the wire")
        return {TAG: "tuple", "v": [encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {TAG: "frozenset", "v": _stable(value)}
    if isinstance(value, set):
        return {TAG: "set", "v": _stable(value)}
    if isinstance(value, dt.datetime):
        return {TAG: "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {TAG: "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {TAG: "time", "v": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {TAG: "timedelta", "v": repr(value.total_seconds())}
    if isinstance(value, decimal.Decimal):
        return {TAG: "decimal", "v": str(value)}
    if isinstance(value, array):
        return _encode_ints(value)
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        if len(data) > MAX_BYTES:
            raise TypeError(f"{len(data)} bytes inline: send files through the blob routes")
        return {TAG: "bytes", "v": base64.b64encode(data).decode("ascii")}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name, names = _shape(type(value))
        return {TAG: "dc", "t": name, "f": {n: encode(getattr(value, n)) for n in names}}
    raise TypeError(f"{type(value).__qualname__} is not allowed on the wire")


def _encode_ints(value: array[Any]) -> dict[str, Any]:
    """``value`` as little-endian 8-byte integers, or only their low 4 bytes when every
    number is in 0 … 2**32 - 1 (ids): the halves are picked by memoryview strides, in C
    (converting a million numbers one by one takes 0.1–0.2 s)."""
    if value.typecode != "q":
        raise TypeError(f"array('{value.typecode}') is not allowed on the wire: use 'q'")
    if len(value) > MAX_INTS:
        raise TypeError(f"{len(value)} numbers in one array: at most {MAX_INTS}")
    if sys.byteorder != "little":
        value = array("q", value)
        value.byteswap()
    words = memoryview(value).cast("B").cast("I")  # low, high, low, high … (4 bytes each)
    high = words[1::2].tobytes()
    if high.count(0) == len(high):
        return {TAG: "ints", "w": 4, "v": base64.b64encode(words[::2].tobytes()).decode("ascii")}
    return {TAG: "ints", "w": 8, "v": base64.b64encode(value.tobytes()).decode("ascii")}


_shapes: dict[type, tuple[str, tuple[str, ...]]] = {}


def _shape(cls: type) -> tuple[str, tuple[str, ...]]:
    """A wire dataclass's qualified name and the names of its ``__init__`` fields."""
    if not _allowed_class(cls):
        raise TypeError(f"{_qualified(cls)} is not allowed on the wire")
    shape = _qualified(cls), tuple(f.name for f in dataclasses.fields(cls) if f.init)
    _shapes[cls] = shape
    return shape


def _stable(values: set[Any] | frozenset[Any]) -> list[Any]:
    """The encoded members of a set in a repeatable order (the same set, the same text)."""
    encoded = [encode(v) for v in values]
    kinds = {type(v) for v in encoded}
    if kinds == {str} or kinds == {int}:
        return sorted(encoded)
    return sorted(encoded, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))


def dumps(value: Any) -> bytes:
    """``value`` encoded as a JSON document (UTF-8)."""
    return json.dumps(encode(value), ensure_ascii=False, allow_nan=False).encode("utf-8")


# -- decoding ------------------------------------------------------------------------------------


def decode(data: Any, *, untrusted: bool = False) -> Any:
    """The value that :func:`encode` encoded as ``data``; :class:`CodecError` for anything
    else. ``untrusted``: data from a client (types of :data:`NEVER_DECODED_FROM_CLIENTS`
    refused too)."""
    try:
        return _decode(data, untrusted, 0)
    except CodecError:
        raise
    except (Exception, RecursionError) as exc:  # a constructor's own check refused the values
        raise CodecError("数据格式不正确", detail=type(exc).__name__) from exc


def loads(text: bytes | str, *, untrusted: bool = False) -> Any:
    """The value of a JSON document that :func:`dumps` wrote."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        raise CodecError("数据格式不正确", detail="json") from exc
    return decode(data, untrusted=untrusted)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _decode(data: Any, untrusted: bool, depth: int) -> Any:
    kind = type(data)
    if kind is str or kind is int or kind is bool or data is None:
        return data
    if depth > MAX_DEPTH:
        raise CodecError("数据格式不正确", detail="too deep")
    if type(data) is float:
        if not math.isfinite(data):
            raise CodecError("数据格式不正确", detail="float")
        return data
    if type(data) is list:
        return [_decode(v, untrusted, depth + 1) for v in data]
    if type(data) is not dict:
        raise CodecError("数据格式不正确", detail=type(data).__name__)
    if TAG not in data:
        return {str(k): _decode(v, untrusted, depth + 1) for k, v in data.items()}
    tag = data[TAG]
    decoder = _DECODERS.get(tag) if isinstance(tag, str) else None
    if decoder is None:
        raise CodecError("数据格式不正确", detail=f"tag {str(tag)[:40]}")
    return decoder(data, untrusted, depth + 1)


def _items(data: dict[str, Any], untrusted: bool, depth: int) -> list[Any]:
    values = data.get("v")
    if type(values) is not list:
        raise CodecError("数据格式不正确", detail="list")
    return [_decode(v, untrusted, depth) for v in values]


def _text(data: dict[str, Any]) -> str:
    value = data.get("v")
    if type(value) is not str or len(value) > 100:
        raise CodecError("数据格式不正确", detail="text")
    return value


def _dataclass(data: dict[str, Any], untrusted: bool, depth: int) -> Any:
    cls = _lookup(data.get("t"), untrusted)
    fields = data.get("f")
    if isinstance(cls, enum.EnumMeta) or type(fields) is not dict:
        raise CodecError("数据格式不正确", detail="dataclass")
    names = _init_names(cls)
    if not names.issuperset(fields):
        raise CodecError("数据格式不正确", detail=f"fields of {cls.__qualname__}")
    values = {k: _decode(v, untrusted, depth) for k, v in fields.items()}
    return cls(**values)


@functools.cache
def _init_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls) if f.init)


def _enum(data: dict[str, Any], untrusted: bool, depth: int) -> Any:
    cls = _lookup(data.get("t"), untrusted)
    if not isinstance(cls, enum.EnumMeta):
        raise CodecError("数据格式不正确", detail="enum")
    return cls(_decode(data.get("v"), untrusted, depth))


def _dict(data: dict[str, Any], untrusted: bool, depth: int) -> Any:
    pairs = data.get("v")
    if type(pairs) is not list or not all(type(p) is list and len(p) == 2 for p in pairs):
        raise CodecError("数据格式不正确", detail="dict")
    return {_decode(k, untrusted, depth): _decode(v, untrusted, depth) for k, v in pairs}


def _error(data: dict[str, Any], untrusted: bool, depth: int) -> ServiceError:
    return decode_error(data.get("v"), depth)


def _bytes(data: dict[str, Any], untrusted: bool, depth: int) -> bytes:
    text = data.get("v")
    if type(text) is not str or len(text) > (MAX_BYTES // 3 + 1) * 4:
        raise CodecError("数据格式不正确", detail="bytes")
    return base64.b64decode(text, validate=True)


def _ints(data: dict[str, Any], untrusted: bool, depth: int) -> array[int]:
    width, text = data.get("w"), data.get("v")
    if width not in (4, 8) or type(width) is not int or type(text) is not str:
        raise CodecError("数据格式不正确", detail="ints")
    if len(text) > (MAX_INTS * width * 4) // 3 + 4:
        raise CodecError("数据格式不正确", detail="ints")
    raw = base64.b64decode(text, validate=True)
    if len(raw) % width:
        raise CodecError("数据格式不正确", detail="ints")
    if width == 4:  # the low halves: into every other 4-byte word of zeros
        numbers = array("q", bytes(2 * len(raw)))
        memoryview(numbers).cast("B").cast("I")[::2] = memoryview(raw).cast("I")
    else:
        numbers = array("q")
        numbers.frombytes(raw)
    if sys.byteorder != "little":
        numbers.byteswap()
    return numbers


def _float(data: dict[str, Any], untrusted: bool, depth: int) -> float:
    text = _text(data)
    if text not in ("nan", "inf", "-inf"):
        raise CodecError("数据格式不正确", detail="float")
    return float(text)


def _decimal(data: dict[str, Any], untrusted: bool, depth: int) -> decimal.Decimal:
    return decimal.Decimal(_text(data))


def _timedelta(data: dict[str, Any], untrusted: bool, depth: int) -> dt.timedelta:
    return dt.timedelta(seconds=float(_text(data)))


_DECODERS: dict[str, Callable[[dict[str, Any], bool, int], Any]] = {
    "dc": _dataclass,
    "enum": _enum,
    "dict": _dict,
    "mapping": lambda d, u, n: MappingProxyType(_dict(d, u, n)),
    "error": _error,
    "tuple": lambda d, u, n: tuple(_items(d, u, n)),
    "frozenset": lambda d, u, n: frozenset(_items(d, u, n)),
    "set": lambda d, u, n: set(_items(d, u, n)),
    "date": lambda d, u, n: dt.date.fromisoformat(_text(d)),
    "datetime": lambda d, u, n: dt.datetime.fromisoformat(_text(d)),
    "time": lambda d, u, n: dt.time.fromisoformat(_text(d)),
    "timedelta": _timedelta,
    "decimal": _decimal,
    "bytes": _bytes,
    "ints": _ints,
    "float": _float,
}


# -- refusals ------------------------------------------------------------------------------------


def encode_error(error: ServiceError) -> dict[str, Any]:
    """A refusal as ``{"type", "code", "message", "field", "params", "errors"}``."""
    body: dict[str, Any] = {
        "type": type(error).__name__,
        "code": error.code,
        "message": error.message,
        "field": getattr(error, "field", None),
        "params": _params(error.params),
    }
    if isinstance(error, ValidationErrors):
        body["errors"] = [encode_error(e) for e in error.errors]
    return body


def _params(params: dict[str, Any]) -> dict[str, Any]:
    encoded: dict[str, Any] = {}
    for key, value in params.items():
        try:
            encoded[key] = encode(value)
        except TypeError:
            encoded[key] = str(value)
    return encoded


def _error_classes() -> dict[str, type[ServiceError]]:
    found: dict[str, type[ServiceError]] = {}
    pending: list[type[ServiceError]] = [ServiceError]
    while pending:
        cls = pending.pop()
        if cls.__module__.startswith(("ipdesk.services", "ipdesk.remote")):
            found.setdefault(cls.__name__, cls)
        pending.extend(cls.__subclasses__())
    return found


def decode_error(body: Any, _depth: int = 0) -> ServiceError:
    """The refusal that :func:`encode_error` encoded, as the same class where it is known
    here (else a :class:`ServiceError` with the same code)."""
    if type(body) is not dict:
        return ServiceError("服务器返回了无法识别的错误", code="error")
    name = body.get("type")
    cls = _error_classes().get(name if isinstance(name, str) else "", ServiceError)
    message = body.get("message")
    message = message if isinstance(message, str) else ""
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.message = message
    code = body.get("code")
    error.code = code if isinstance(code, str) else cls.code
    params = body.get("params")
    try:
        error.params = _decode(params, False, _depth + 1) if type(params) is dict else {}
    except Exception:
        error.params = {}
    field = body.get("field")
    if isinstance(error, ValidationError) or isinstance(field, str):
        error.field = field if isinstance(field, str) else ""  # type: ignore[attr-defined]
    if isinstance(error, ValidationErrors):
        errors = body.get("errors")
        if _depth > MAX_DEPTH:
            raise CodecError("数据格式不正确", detail="too deep")
        inner = [decode_error(e, _depth + 1) for e in errors] if type(errors) is list else []
        error.errors = [e for e in inner if isinstance(e, ValidationError)]
    return error
