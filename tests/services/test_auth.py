"""Signing in with lock-out, the first administrator, user administration, password policy."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import Case, CaseStatus, Role, User
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor
from ipdesk.services.admin import auth
from ipdesk.services.admin.auth import (
    LOCKOUT_MINUTES,
    MAX_FAILED_ATTEMPTS,
    AccountDisabled,
    AccountLocked,
    SignInFailed,
)
from ipdesk.services.errors import NotFound, PermissionDenied, ValidationError
from tests.helpers.factories import TEST_PASSWORD, make_case, make_user, seed

T0 = dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)


@pytest.fixture
def factory(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    with session_factory.begin() as s:
        seed(s)
    return session_factory


def new_user(factory: sessionmaker[Session], role: Role = Role.MEDIATOR, **kw: object) -> int:
    scope = {
        Role.STATION_STAFF: {"station": "TL01-S01"},
        Role.MEDIATOR: {"office": "TL01"},
        Role.OFFICE_MANAGER: {"office": "TL01"},
    }.get(role, {})
    with factory.begin() as s:
        return make_user(s, role, **scope, **kw).id  # type: ignore[arg-type]


def stored(factory: sessionmaker[Session], user_id: int) -> User:
    with factory() as s:
        user = s.get(User, user_id)
        assert user is not None
        return user


# -- password policy -------------------------------------------------------------------------


@given(st.text(max_size=auth.MIN_PASSWORD_LENGTH - 1))
def test_short_passwords_are_refused(password: str) -> None:
    with pytest.raises(ValidationError) as err:
        auth.check_password(password)
    assert (err.value.field, err.value.code) == ("password", "password_too_short")


@given(st.text(alphabet=string.digits + "٠١٢３４５", min_size=auth.MIN_PASSWORD_LENGTH))
def test_digit_only_passwords_are_refused(password: str) -> None:
    with pytest.raises(ValidationError) as err:
        auth.check_password(password)
    assert err.value.code in ("password_all_digits", "password_too_long")


@given(
    st.text(min_size=auth.MIN_PASSWORD_LENGTH, max_size=auth.MAX_PASSWORD_LENGTH).filter(
        lambda p: not p.isdigit()
    )
)
def test_long_enough_passwords_with_a_non_digit_are_accepted(password: str) -> None:
    auth.check_password(password)


def test_policy_examples() -> None:
    auth.check_password("tongliao2026")
    auth.check_password("密码不少于八个字符")
    for bad in ("1234567", "12345678", "abc", "x" * (auth.MAX_PASSWORD_LENGTH + 1)):
        with pytest.raises(ValidationError):
            auth.check_password(bad)


# -- signing in ------------------------------------------------------------------------------


def test_sign_in_returns_who_signed_in(factory: sessionmaker[Session]) -> None:
    user_id = new_user(factory, username="li.mediator", display_name="李调解")
    signed = auth.sign_in(factory, "  LI.Mediator ", TEST_PASSWORD)
    assert (signed.user_id, signed.username, signed.display_name, signed.role) == (
        user_id,
        "li.mediator",
        "李调解",
        Role.MEDIATOR,
    )
    a = signed.actor
    assert isinstance(a, Actor)
    assert (a.user_id, a.role, a.office_id) == (
        user_id,
        Role.MEDIATOR,
        stored(factory, user_id).office_id,
    )


def test_unknown_user_and_wrong_password_get_the_same_answer(
    factory: sessionmaker[Session],
) -> None:
    new_user(factory, username="known")
    with pytest.raises(SignInFailed) as unknown:
        auth.sign_in(factory, "nobody", TEST_PASSWORD)
    with pytest.raises(SignInFailed) as wrong:
        auth.sign_in(factory, "known", "wrong-password")
    assert unknown.value.message == wrong.value.message
    assert "用户名或密码错误" in wrong.value.message


def test_lock_out_after_repeated_failures_and_for_how_long(
    factory: sessionmaker[Session],
) -> None:
    user_id = new_user(factory, username="target")
    for attempt in range(1, MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInFailed):
            auth.sign_in(factory, "target", "guess", now=T0 + attempt * MINUTE)
        assert stored(factory, user_id).failed_logins == attempt  # survives the refusal
    with pytest.raises(AccountLocked) as err:
        auth.sign_in(factory, "target", "guess", now=T0 + MAX_FAILED_ATTEMPTS * MINUTE)
    locked_at = T0 + MAX_FAILED_ATTEMPTS * MINUTE
    assert err.value.minutes == LOCKOUT_MINUTES
    assert err.value.until == locked_at + LOCKOUT_MINUTES * MINUTE
    assert f"{LOCKOUT_MINUTES} 分钟后" in err.value.message
    assert stored(factory, user_id).locked_until == locked_at + LOCKOUT_MINUTES * MINUTE

    # Locked: even the right password is refused, and the answer counts down.
    with pytest.raises(AccountLocked) as err:
        auth.sign_in(factory, "target", TEST_PASSWORD, now=locked_at + 11 * MINUTE)
    assert err.value.minutes == LOCKOUT_MINUTES - 11
    with pytest.raises(AccountLocked) as err:
        auth.sign_in(factory, "target", TEST_PASSWORD, now=locked_at + 14.5 * MINUTE)
    assert err.value.minutes == 1

    # After the lock: the right password works and clears the record.
    signed = auth.sign_in(
        factory, "target", TEST_PASSWORD, now=locked_at + LOCKOUT_MINUTES * MINUTE
    )
    assert signed.user_id == user_id
    user = stored(factory, user_id)
    assert (user.failed_logins, user.locked_until) == (0, None)


def test_success_resets_the_count(factory: sessionmaker[Session]) -> None:
    user_id = new_user(factory, username="forgetful")
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(SignInFailed):
            auth.sign_in(factory, "forgetful", "guess", now=T0)
    auth.sign_in(factory, "forgetful", TEST_PASSWORD, now=T0)
    assert stored(factory, user_id).failed_logins == 0
    with pytest.raises(SignInFailed):  # one more failure does not lock
        auth.sign_in(factory, "forgetful", "guess", now=T0)


def test_disabled_user_cannot_sign_in(factory: sessionmaker[Session]) -> None:
    new_user(factory, username="left", active=False)
    with pytest.raises(AccountDisabled) as err:
        auth.sign_in(factory, "left", TEST_PASSWORD)
    assert "停用" in err.value.message
    with pytest.raises(SignInFailed):  # a wrong password does not reveal the state
        auth.sign_in(factory, "left", "wrong-password")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    attempts=st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=20)), max_size=14)
)
def test_lock_out_follows_the_rule(
    factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    attempts: list[tuple[bool, int]],
) -> None:
    """Any sequence of right/wrong passwords at any pace, against the real sign-in on the
    database, agrees with the rule: the 5th wrong password in a row (counted since the last
    success or lock) locks for 15 minutes; while locked every attempt is refused uncounted."""
    monkeypatch.setattr(auth, "verify_password", lambda _hash, password: password == "right")
    with factory.begin() as s:
        user = s.scalars(select(User).where(User.username == "prop")).one_or_none()
        if user is None:
            user = make_user(s, Role.CITY_MANAGER, username="prop")
        user.failed_logins, user.locked_until = 0, None
    now = T0
    streak = 0
    locked_until: dt.datetime | None = None
    for right, minutes_later in attempts:
        now += minutes_later * MINUTE
        password = "right" if right else "wrong"
        if locked_until is not None and now < locked_until:
            expected: type[Exception] | None = AccountLocked
        elif right:
            expected, streak = None, 0
        else:
            streak += 1
            if streak == MAX_FAILED_ATTEMPTS:
                expected, streak, locked_until = AccountLocked, 0, now + LOCKOUT_MINUTES * MINUTE
            else:
                expected = SignInFailed
        if expected is None:
            assert auth.sign_in(factory, "prop", password, now=now).username == "prop"
        else:
            with pytest.raises(expected):
                auth.sign_in(factory, "prop", password, now=now)


# -- the first administrator -----------------------------------------------------------------


def test_first_admin_only_once(factory: sessionmaker[Session]) -> None:
    with factory() as s:
        assert auth.needs_first_admin(s)
    with factory.begin() as s:
        info = auth.create_first_admin(s, "Admin", "系统管理员", "first-admin-pw")
    assert (info.username, info.role, info.office_code) == ("admin", Role.ADMIN, None)
    assert auth.sign_in(factory, "admin", "first-admin-pw").role == Role.ADMIN
    with factory() as s:
        assert not auth.needs_first_admin(s)
        with pytest.raises(PermissionDenied) as err:
            auth.create_first_admin(s, "second", "另一个", "first-admin-pw")
        assert err.value.code == "admin_exists"


def test_first_admin_follows_the_password_policy(factory: sessionmaker[Session]) -> None:
    with factory() as s, pytest.raises(ValidationError) as err:
        auth.create_first_admin(s, "admin", "系统管理员", "12345678")
    assert err.value.code == "password_all_digits"


# -- user administration ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "office", "station", "field", "code"),
    [
        (Role.STATION_STAFF, None, None, "station", "station_required"),
        (Role.STATION_STAFF, "TL01", None, "office", "scope_mismatch"),
        (Role.MEDIATOR, None, None, "office", "office_required"),
        (Role.MEDIATOR, None, "TL01-S01", "station", "scope_mismatch"),
        (Role.OFFICE_MANAGER, "XX", None, "office", "unknown_office"),
        (Role.STATION_STAFF, None, "XX-S1", "station", "unknown_station"),
        (Role.CITY_MANAGER, "TL01", None, "office", "scope_mismatch"),
        (Role.ADMIN, None, "TL01-S01", "station", "scope_mismatch"),
    ],
)
def test_scope_must_fit_the_role(
    factory: sessionmaker[Session],
    role: Role,
    office: str | None,
    station: str | None,
    field: str,
    code: str,
) -> None:
    with factory() as s, pytest.raises(ValidationError) as err:
        auth.create_user(
            s,
            Actor.system(),
            "new.user",
            "新用户",
            role,
            "a-good-password",
            office_code=office,
            station_code=station,
        )
    assert (err.value.field, err.value.code) == (field, code)


@pytest.mark.parametrize(
    ("username", "name", "code"),
    [
        ("x", "某人", "username_invalid"),
        ("has space", "某人", "username_invalid"),
        ("张三", "某人", "username_invalid"),
        ("-dash", "某人", "username_invalid"),
        ("taken", "某人", "username_taken"),
        ("TAKEN", "某人", "username_taken"),
        ("fine", "  ", "name_required"),
    ],
)
def test_usernames_and_names_are_checked(
    factory: sessionmaker[Session], username: str, name: str, code: str
) -> None:
    new_user(factory, Role.CITY_MANAGER, username="taken")
    with factory() as s, pytest.raises(ValidationError) as err:
        auth.create_user(s, Actor.system(), username, name, Role.CITY_MANAGER, "a-good-password")
    assert err.value.code == code


@pytest.mark.parametrize(
    "role", [Role.STATION_STAFF, Role.MEDIATOR, Role.OFFICE_MANAGER, Role.CITY_MANAGER]
)
def test_only_administrators_manage_users(factory: sessionmaker[Session], role: Role) -> None:
    target = new_user(factory)
    who_id = new_user(factory, role)
    with factory() as s:
        who = Actor.of(s.get(User, who_id))  # type: ignore[arg-type]
        calls = [
            lambda: auth.list_users(s, who),
            lambda: auth.create_user(s, who, "nu", "新", Role.CITY_MANAGER, "good-password"),
            lambda: auth.change_role(s, who, target, Role.CITY_MANAGER),
            lambda: auth.set_active(s, who, target, False),
            lambda: auth.reset_password(s, who, target, "good-password"),
            lambda: auth.get_user(s, who, "x"),
            lambda: auth.user_id_of(s, who, "x"),
        ]
        for call in calls:
            with pytest.raises(PermissionDenied):
                call()
    assert stored(factory, target).active


def test_administrator_creates_lists_changes_disables_and_resets(
    factory: sessionmaker[Session],
) -> None:
    admin_id = new_user(factory, Role.ADMIN, username="root")
    with factory.begin() as s:
        admin = Actor.of(s.get(User, admin_id))  # type: ignore[arg-type]
        info = auth.create_user(
            s,
            admin,
            "Wang.Staff",
            " 王站员 ",
            Role.STATION_STAFF,
            "station-pass-1",
            station_code="TL02-S01",
            phone="13800000000",
        )
    assert (info.username, info.display_name, info.station_code, info.office_code) == (
        "wang.staff",
        "王站员",
        "TL02-S01",
        None,
    )
    assert not info.may_view_personal_data
    assert auth.sign_in(factory, "wang.staff", "station-pass-1").station_id is not None

    with factory.begin() as s:
        changed = auth.change_role(s, admin, info.id, Role.MEDIATOR, office_code="TL02")
    assert (changed.role, changed.office_code, changed.station_code) == (
        Role.MEDIATOR,
        "TL02",
        None,
    )
    assert changed.may_view_personal_data

    with factory.begin() as s:
        assert not auth.set_active(s, admin, info.id, False).active
    with pytest.raises(AccountDisabled):
        auth.sign_in(factory, "wang.staff", "station-pass-1")
    with factory.begin() as s:
        assert auth.set_active(s, admin, info.id, True).active

    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises((SignInFailed, AccountLocked)):
            auth.sign_in(factory, "wang.staff", "wrong-password")
    with factory() as s:
        assert auth.get_user(s, admin, "wang.staff").is_locked()
    with factory.begin() as s:
        with pytest.raises(ValidationError):
            auth.reset_password(s, admin, info.id, "short")
        auth.reset_password(s, admin, info.id, "brand-new-pass")
    assert auth.sign_in(factory, "wang.staff", "brand-new-pass").user_id == info.id

    with factory() as s:
        listed = auth.list_users(s, admin)
        assert [u.username for u in listed] == sorted(u.username for u in listed)
        assert {"root", "wang.staff"} <= {u.username for u in listed}
        with pytest.raises(NotFound):
            auth.get_user(s, admin, "ghost")


def test_the_last_administrator_stays(factory: sessionmaker[Session]) -> None:
    only = new_user(factory, Role.ADMIN)
    with factory() as s:
        me = Actor.of(s.get(User, only))  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as err:
            auth.set_active(s, me, only, False)
        assert err.value.code == "disable_self"
        with pytest.raises(ValidationError) as err:
            auth.set_active(s, Actor.system(), only, False)
        assert err.value.code == "last_admin"
        with pytest.raises(ValidationError) as err:
            auth.change_role(s, Actor.system(), only, Role.CITY_MANAGER)
        assert err.value.code == "last_admin"
    second = new_user(factory, Role.ADMIN)
    with factory.begin() as s:
        assert not auth.set_active(s, Actor.system(), only, False).active
    del second


def test_a_mediator_with_open_cases_keeps_the_office(factory: sessionmaker[Session]) -> None:
    mediator = new_user(factory)
    with factory.begin() as s:
        make_case(s, status=CaseStatus.MEDIATING, mediator_id=mediator)
    with factory() as s:
        with pytest.raises(ValidationError) as err:
            auth.change_role(s, Actor.system(), mediator, Role.MEDIATOR, office_code="TL02")
        assert err.value.code == "has_open_cases"
        assert "1 件" in err.value.message
        s.rollback()
    with factory.begin() as s:
        case = s.scalars(select(Case)).one()
        case.status = CaseStatus.CLOSED
        case.outcome = CaseStatus.AGREEMENT
        case.closed_on = case.accepted_on
    with factory.begin() as s:
        assert auth.change_role(s, Actor.system(), mediator, Role.MEDIATOR, office_code="TL02")


def test_user_info_is_not_an_orm_object(factory: sessionmaker[Session]) -> None:
    new_user(factory, Role.CITY_MANAGER, username="c1")
    with factory() as s:
        info = auth.get_user(s, Actor.system(), "c1")
    with pytest.raises(AttributeError):
        info.username = "x"  # type: ignore[misc]
    assert not info.is_locked(utcnow())


def test_an_administrator_demoted_meanwhile_is_refused(factory: sessionmaker[Session]) -> None:
    first = new_user(factory, Role.ADMIN)
    second = new_user(factory, Role.ADMIN)
    with factory() as s:
        stale = Actor.of(s.get(User, first))  # type: ignore[arg-type]
    with factory.begin() as s:
        auth.change_role(s, Actor.system(), first, Role.CITY_MANAGER)
    with factory() as s, pytest.raises(PermissionDenied) as err:
        auth.set_active(s, stale, second, False)
    assert err.value.code == "actor_changed"
    assert stored(factory, second).active
