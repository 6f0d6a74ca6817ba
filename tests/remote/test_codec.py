"""The wire format: every value a desk sends or gets back survives the trip, and decoding
untrusted data builds nothing outside the allow-list."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import decimal
import enum
import json
import subprocess
import sys
import typing
from array import array
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipdesk.models import Role
from ipdesk.remote import calls, codec
from ipdesk.remote.codec import CodecError, decode, dumps, encode, loads
from ipdesk.services.actors import Actor
from ipdesk.services.admin.auth import SignedIn
from ipdesk.services.errors import (
    NotFound,
    PermissionDenied,
    ServiceError,
    StaleData,
    ValidationError,
    ValidationErrors,
)


def trip(value: Any, *, untrusted: bool = False) -> Any:
    return loads(dumps(value), untrusted=untrusted)


# -- plain values --------------------------------------------------------------------------------

plain = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text()
    | st.dates()
    | st.datetimes(timezones=st.timezones() | st.none())
    | st.times()
    | st.decimals(allow_nan=False, allow_infinity=False)
    | st.binary(max_size=64)
    | st.sampled_from(list(Role)),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(), inner, max_size=4)
        | st.dictionaries(st.integers() | st.dates(), inner, max_size=4)
        | st.frozensets(st.integers() | st.text(), max_size=4)
    ),
    max_leaves=20,
)


@given(plain)
def test_plain_values_round_trip(value: Any) -> None:
    back = trip(value)
    assert back == value
    assert type(back) is type(value)
    assert dumps(back) == dumps(value)


@given(st.floats())
def test_every_float_round_trips_as_json(value: float) -> None:
    back = trip(value)
    assert repr(back) == repr(value)


def test_datetimes_keep_their_zone() -> None:
    aware = dt.datetime(2026, 12, 7, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert trip(aware).utcoffset() == dt.timedelta(hours=8)
    assert trip(aware) == aware
    assert trip(dt.datetime(2026, 12, 7)).tzinfo is None


def test_dict_with_the_tag_as_key_round_trips() -> None:
    assert trip({"$": 1, "a": 2}) == {"$": 1, "a": 2}
    assert trip({"$": "dc", "t": "os.system"}) == {"$": "dc", "t": "os.system"}


def test_strenum_is_not_a_plain_string() -> None:
    back = trip([Role.ADMIN, "admin"])
    assert type(back[0]) is Role and type(back[1]) is str


# -- every exposed result type -------------------------------------------------------------------


def _buildable_dataclasses() -> list[type]:
    for name in calls.EXPOSED:  # every exposed service imported, and so its types
        calls.EXPOSED[name]
    found = []
    for cls in codec.allowed_types().values():
        if isinstance(cls, enum.EnumMeta):
            continue
        try:
            typing.get_type_hints(cls)
        except Exception:
            continue
        found.append(cls)
    return sorted(found, key=codec._qualified)


BUILDABLE = _buildable_dataclasses()


def test_most_allowed_dataclasses_have_resolvable_types() -> None:
    every = [c for c in codec.allowed_types().values() if not isinstance(c, enum.EnumMeta)]
    assert len(every) > 50
    assert len(BUILDABLE) >= 0.8 * len(every), sorted(
        codec._qualified(c) for c in set(every) - set(BUILDABLE)
    )


def _strategy(cls: type) -> st.SearchStrategy[Any]:
    return st.builds(cls)


@pytest.mark.parametrize("cls", BUILDABLE, ids=codec._qualified)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_exposed_dataclass_round_trips(cls: type, data: st.DataObject) -> None:
    try:
        value = data.draw(_strategy(cls))
    except Exception as exc:  # a field type hypothesis cannot build (Path, Any, callables)
        pytest.skip(f"cannot build {cls.__qualname__}: {type(exc).__name__}")
    try:
        encoded = dumps(value)
    except TypeError as exc:
        pytest.skip(f"holds a value the wire does not carry (by design): {exc}")
    back = loads(encoded)
    assert type(back) is cls
    assert dumps(back) == encoded


def test_round_trip_of_results_by_hand() -> None:
    signed = SignedIn(7, "wang", "王五", Role.STATION_STAFF, 1, 2, False)
    assert trip(signed) == signed
    actor = Actor(3, "李四", Role.MEDIATOR, office_id=1)
    assert trip(actor) == actor
    assert trip({1: (signed, decimal.Decimal("1.50"))}) == {1: (signed, decimal.Decimal("1.50"))}


# -- untrusted input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "os.system",
        "builtins.eval",
        "subprocess.Popen",
        "ipdesk.ui.desk.Desk",
        "ipdesk.db.READ_ONLY",
        "ipdesk.services.admin.auth.sign_in",
        "ipdesk.services.errors.ServiceError",
        "ipdesk.models.cases.Case",
        "ipdesk.services.nonexistent_module.Thing",
        "",
    ],
)
@pytest.mark.parametrize("tag", ["dc", "enum"])
def test_decoding_builds_nothing_outside_the_allow_list(name: str, tag: str) -> None:
    with pytest.raises(CodecError):
        decode({"$": tag, "t": name, "f": {}, "v": "x"}, untrusted=True)


def test_decoding_never_imports_a_module() -> None:
    import sys

    name = "ipdesk.demo.worker"
    was = name in sys.modules
    with pytest.raises(CodecError):
        decode({"$": "dc", "t": f"{name}.Anything", "f": {}})
    assert (name in sys.modules) == was


def test_a_client_may_not_send_an_actor() -> None:
    actor = Actor(None, "ipdesk-admin", Role.ADMIN, may_view_personal_data=True)
    assert trip(actor) == actor
    with pytest.raises(CodecError):
        trip(actor, untrusted=True)


def test_non_frozen_and_foreign_values_are_refused_on_encode() -> None:
    @dataclasses.dataclass(frozen=True)
    class Local:
        x: int

    for value in (Local(1), object(), json, lambda: 1, {1, object()}, b"x" * (codec.MAX_BYTES + 1)):
        with pytest.raises(TypeError):
            encode(value)


@given(st.lists(st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1), max_size=40))
def test_arrays_of_8_byte_integers_round_trip(values: list[int]) -> None:
    ids = array("q", values)
    back = trip(ids)
    assert back == ids and type(back) is array and back.typecode == "q"
    assert dumps(back) == dumps(ids)


def test_ids_travel_in_4_bytes_each() -> None:
    """A million ids: 4 bytes an id in base64 (5.3 MB), not a JSON list (about 8 MB)."""
    ids = array("q", range(2_000_000, 1_000_000, -1))
    document = dumps(ids)
    assert len(document) < len(json.dumps(ids.tolist())) * 0.7
    assert json.loads(document)["w"] == 4 and loads(document) == ids
    assert json.loads(dumps(array("q", [1, 1 << 32])))["w"] == 8
    assert json.loads(dumps(array("q", [-1])))["w"] == 8
    with pytest.raises(TypeError):
        encode(array("i", [1, 2]))  # 8-byte integers only: one type back


def test_wrong_fields_are_refused() -> None:
    signed = encode(SignedIn(7, "wang", "王五", Role.ADMIN, None, None, True))
    signed["f"]["evil"] = 1
    with pytest.raises(CodecError):
        decode(signed, untrusted=True)
    del signed["f"]["evil"], signed["f"]["username"]
    with pytest.raises(CodecError):
        decode(signed, untrusted=True)


def test_hostile_documents_are_codec_errors() -> None:
    deep: Any = 1
    for _ in range(codec.MAX_DEPTH + 5):
        deep = [deep]
    bad = [
        b"NaN",
        b"[Infinity]",
        b"{",
        json.dumps(deep).encode(),
        b'{"$": "bytes", "v": "***"}',
        b'{"$": "ints", "w": 4, "v": "***"}',
        b'{"$": "ints", "w": 3, "v": "AAAA"}',
        b'{"$": "ints", "w": true, "v": "AAAAAAAAAAA="}',
        b'{"$": "ints", "w": 8, "v": "AAAA"}',
        b'{"$": "ints", "w": 4, "v": ["AAAA"]}',
        b'{"$": "decimal", "v": "twelve"}',
        b'{"$": "date", "v": "2026-13-01"}',
        b'{"$": "dict", "v": [[1]]}',
        b'{"$": "enum", "t": "ipdesk.models.users.Role", "v": "emperor"}',
        b'{"$": "float", "v": "1e308"}',
        b'{"$": 3}',
        b"9" * 5000,
    ]
    for document in bad:
        with pytest.raises(CodecError):
            loads(document, untrusted=True)


json_data = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["$", "t", "f", "v", "x"]) | st.text(max_size=5), inner, max_size=4
        )
    ),
    max_leaves=25,
)
tags = st.sampled_from(sorted(codec._DECODERS))
type_names = st.sampled_from(sorted(codec.allowed_types())) | st.text(max_size=30)


@st.composite
def tagged(draw: st.DrawFn) -> Any:
    body = {"$": draw(tags), "t": draw(type_names)}
    body.update(draw(st.dictionaries(st.sampled_from(["v", "f"]), json_data, max_size=2)))
    return body


@settings(max_examples=300, deadline=None)
@given(json_data | tagged() | st.lists(tagged(), max_size=3))
def test_arbitrary_input_decodes_or_is_refused_cleanly(data: Any) -> None:
    with contextlib.suppress(CodecError):
        decode(data, untrusted=True)


# -- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [
        ServiceError("出错了"),
        ServiceError("满了", code="quota", limit=3),
        PermissionDenied("无权", code="role_not_permitted", role="mediator"),
        NotFound("没有此案件", code="case_not_found", case_id=4),
        StaleData("已被他人修改"),
        ValidationError("phone", "电话号码不正确", code="bad_phone"),
        ValidationErrors([ValidationError("a", "甲"), ValidationError("b", "乙", code="x")]),
    ],
)
def test_refusals_come_back_as_the_same_class(error: ServiceError) -> None:
    body = json.loads(json.dumps(codec.encode_error(error)))
    back = codec.decode_error(body)
    assert type(back) is type(error)
    assert (back.code, back.message, back.params) == (error.code, error.message, error.params)
    assert str(back) == str(error)
    assert getattr(back, "field", None) == getattr(error, "field", None)
    if isinstance(error, ValidationErrors):
        assert isinstance(back, ValidationErrors)
        assert [(e.field, e.code) for e in back.errors] == [(e.field, e.code) for e in error.errors]


def test_an_unknown_refusal_keeps_its_code() -> None:
    back = codec.decode_error({"type": "Exploit", "code": "mystery", "message": "m"})
    assert type(back) is ServiceError and back.code == "mystery"
    assert codec.decode_error("garbage").code == "error"


def test_a_servers_result_imports_the_module_of_its_type_a_clients_call_does_not() -> None:
    """A desk imports a service's modules when it first needs them; a result from the server
    may hold a type of a module not imported yet (the documents of a case page). What a
    client sends never makes the server import anything."""
    script = (
        "import sys\n"
        "from ipdesk.remote import codec\n"
        "name = 'ipdesk.services.documents.kinds'\n"
        "data = {'$': 'enum', 't': name + '.DocumentKind', 'v': 'mediation_agreement'}\n"
        "assert name not in sys.modules\n"
        "try:\n"
        "    codec.decode(data, untrusted=True)\n"
        "except codec.CodecError:\n"
        "    print('refused', name in sys.modules)\n"
        "print(repr(codec.decode(data)), name in sys.modules)\n"
        "codec.decode({'$': 'enum', 't': 'os.path.X', 'v': 1})\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.stdout.splitlines()[:2] == [
        "refused False",
        "<DocumentKind.MEDIATION_AGREEMENT: 'mediation_agreement'> True",
    ], run.stderr
    assert "CodecError" in run.stderr  # a type outside the packages: never imported
