"""Signing in, the first administrator, and user administration.

Sign-in verifies the argon2 hash. After ``MAX_FAILED_ATTEMPTS`` wrong passwords in a row the
account is locked for ``LOCKOUT_MINUTES``; while it is locked no password is even checked,
and the refusal says how long the lock lasts. The count and the lock live in
``User.failed_logins`` / ``User.locked_until`` so that they hold across clients of one
shared database. A disabled user cannot sign in. An unknown user name and a wrong password
get the same answer, after the same amount of work.

User administration is for administrators only. Every use case returns frozen dataclasses,
never ORM objects.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk.models import OPEN_STATUSES, Case, Office, Role, Station, User
from ipdesk.models.base import utcnow
from ipdesk.services.actors import Actor
from ipdesk.services.admin.passwords import hash_password, needs_rehash, verify_password
from ipdesk.services.errors import NotFound, PermissionDenied, ServiceError, ValidationError
from ipdesk.services.queries.lookups import has_control_chars, is_unusable_key
from ipdesk.services.rules.capabilities import Capability
from ipdesk.services.rules.capabilities import require as require_capability
from ipdesk.services.rules.identifiers import validate_phone
from ipdesk.services.rules.vocabulary import ROLE_LABELS

MAX_FAILED_ATTEMPTS = 5
"""Wrong passwords in a row that lock an account."""
LOCKOUT_MINUTES = 15
"""How long a locked account stays locked."""
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 256

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


@cache
def _dummy_hash() -> str:
    """Verified when the user name is unknown: the answer takes as long as for a known one."""
    return hash_password("ipdesk-no-such-user")


# -- errors -------------------------------------------------------------------------------


class SignInFailed(ServiceError):
    code = "sign_in_failed"


class AccountLocked(ServiceError):
    code = "account_locked"

    def __init__(self, until: dt.datetime, now: dt.datetime) -> None:
        minutes = max(1, math.ceil((until - now).total_seconds() / 60))
        local = until.astimezone().strftime("%H:%M")
        super().__init__(
            f"连续 {MAX_FAILED_ATTEMPTS} 次密码错误，账户已锁定，"
            f"请 {minutes} 分钟后（{local} 以后）再试",
            until=until,
            minutes=minutes,
        )
        self.until = until
        self.minutes = minutes


class AccountDisabled(ServiceError):
    code = "account_disabled"


# -- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedIn:
    """Who signed in: enough to build the Actor and to greet the user."""

    user_id: int
    username: str
    display_name: str
    role: Role
    office_id: int | None
    station_id: int | None
    may_view_personal_data: bool

    @property
    def actor(self) -> Actor:
        return Actor(
            user_id=self.user_id,
            name=self.display_name,
            role=self.role,
            office_id=self.office_id,
            station_id=self.station_id,
            may_view_personal_data=self.may_view_personal_data,
        )


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    office_code: str | None
    office_name: str | None
    station_code: str | None
    station_name: str | None
    phone: str | None
    active: bool
    locked_until: dt.datetime | None
    may_view_personal_data: bool

    def is_locked(self, now: dt.datetime | None = None) -> bool:
        return self.locked_until is not None and (now or utcnow()) < self.locked_until


@dataclass(frozen=True)
class LockState:
    """The lock-out bookkeeping of one account."""

    failed: int = 0
    locked_until: dt.datetime | None = None

    def locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: dt.datetime) -> LockState:
        """One more wrong password: the count grows; at the limit the account locks and the
        count starts again for the time after the lock."""
        failed = self.failed + 1
        if failed >= MAX_FAILED_ATTEMPTS:
            return LockState(0, now + dt.timedelta(minutes=LOCKOUT_MINUTES))
        return LockState(failed, None)


# -- password policy ----------------------------------------------------------------------


def check_password(password: str) -> None:
    """Refuse a password that is too short, too long, or only digits."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password",
            f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符",
            code="password_too_short",
            min_length=MIN_PASSWORD_LENGTH,
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(
            "password",
            f"密码不能超过 {MAX_PASSWORD_LENGTH} 个字符",
            code="password_too_long",
            max_length=MAX_PASSWORD_LENGTH,
        )
    if password.isdigit():
        raise ValidationError("password", "密码不能全部是数字", code="password_all_digits")
    if not _encodable(password):
        raise ValidationError("password", "密码含有无法保存的字符", code="password_invalid")


def _encodable(text: str) -> bool:
    """False for text with a lone surrogate (undecodable bytes): argon2 cannot hash it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _verify(
    password_hash: str, password: str, ahead: Callable[[str], bool | None] | None = None
) -> bool:
    """The password check, where a password that cannot be hashed is simply wrong;
    ``ahead``'s answer when it has one for ``password_hash``."""
    answer = ahead(password_hash) if ahead is not None else None
    if answer is not None:
        return answer
    return _encodable(password) and verify_password(password_hash, password)


def normalise_username(username: str) -> str:
    return username.strip().lower()


# -- signing in ---------------------------------------------------------------------------


def sign_in(
    session_factory: sessionmaker[Session],
    username: str,
    password: str,
    *,
    now: dt.datetime | None = None,
    ahead: Callable[[str], bool | None] | None = None,
) -> SignedIn:
    """Check the password and return who signed in, or raise SignInFailed, AccountLocked or
    AccountDisabled.

    Takes the session factory, not a session: a failed attempt is committed (the count of
    failures must survive the refusal), in a transaction of its own.

    ``ahead``: the same password's check begun earlier against the hash it read (the
    start's ``--user``, ``ipdesk.sign_in_ahead``): its answer for the user's stored hash,
    None when it checked another; then the password is checked here.
    """
    now = now or utcnow()
    refusal: ServiceError | None = None
    signed_in: SignedIn | None = None
    name = normalise_username(username)
    if is_unusable_key(name):  # no user has such a name (and PostgreSQL refuses NUL)
        _verify(_dummy_hash(), password)
        raise _wrong_credentials()
    with session_factory.begin() as session:
        user = session.scalars(
            select(User).where(User.username == name).with_for_update()
        ).one_or_none()
        if user is None:
            _verify(_dummy_hash(), password)
            raise _wrong_credentials()
        state = LockState(user.failed_logins, user.locked_until)
        if state.locked(now):
            assert state.locked_until is not None
            raise AccountLocked(state.locked_until, now)
        if not _verify(user.password_hash, password, ahead):
            state = state.after_failure(now)
            user.failed_logins, user.locked_until = state.failed, state.locked_until
            if state.locked(now):
                assert state.locked_until is not None
                refusal = AccountLocked(state.locked_until, now)
            else:
                refusal = _wrong_credentials()
        elif not user.active:
            refusal = AccountDisabled("账户已停用，请联系系统管理员", username=user.username)
        else:
            user.failed_logins, user.locked_until = 0, None
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            signed_in = SignedIn(
                user_id=user.id,
                username=user.username,
                display_name=user.display_name,
                role=user.role,
                office_id=user.office_id,
                station_id=user.station_id,
                may_view_personal_data=user.may_view_personal_data,
            )
    if refusal is not None:
        raise refusal
    assert signed_in is not None
    return signed_in


def _wrong_credentials() -> SignInFailed:
    return SignInFailed(
        f"用户名或密码错误（连续 {MAX_FAILED_ATTEMPTS} 次错误将锁定 {LOCKOUT_MINUTES} 分钟）",
        max_attempts=MAX_FAILED_ATTEMPTS,
        minutes=LOCKOUT_MINUTES,
    )


# -- the first administrator --------------------------------------------------------------


def needs_first_admin(session: Session) -> bool:
    """True while the database has no administrator at all (the first start)."""
    return session.scalar(select(User.id).where(User.role == Role.ADMIN).limit(1)) is None


def create_first_admin(
    session: Session, username: str, display_name: str, password: str
) -> UserInfo:
    """Create the administrator on the first start; refused once any administrator exists."""
    if not needs_first_admin(session):
        raise PermissionDenied("系统管理员已存在，请使用已有的管理员账户登录", code="admin_exists")
    user = _new_user(session, username, display_name, password, Role.ADMIN, None, None, None)
    return _info(user)


# -- user administration ------------------------------------------------------------------


def list_users(session: Session, actor: Actor, *, include_disabled: bool = True) -> list[UserInfo]:
    _require_admin(session, actor)
    query = select(User).order_by(User.username)
    if not include_disabled:
        query = query.where(User.active)
    return [_info(u) for u in session.scalars(query)]


def get_user(session: Session, actor: Actor, username: str) -> UserInfo:
    _require_admin(session, actor)
    return _info(_by_username(session, username))


def user_id_of(session: Session, actor: Actor, username: str) -> int:
    _require_admin(session, actor)
    return _by_username(session, username).id


def create_user(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    *,
    office_code: str | None = None,
    station_code: str | None = None,
    phone: str | None = None,
) -> UserInfo:
    _require_admin(session, actor)
    user = _new_user(
        session, username, display_name, password, role, office_code, station_code, phone
    )
    return _info(user)


def change_role(
    session: Session,
    actor: Actor,
    user_id: int,
    role: Role,
    *,
    office_code: str | None = None,
    station_code: str | None = None,
) -> UserInfo:
    """Give a user another role and/or scope.

    Refused when it would leave no active administrator, and when a mediator would leave
    the office in which open cases are still assigned to them (reassign those first).
    """
    _require_admin(session, actor)
    user = _get(session, user_id)
    office_id, station_id = _scope(session, role, office_code, station_code)
    if user.role == Role.ADMIN and role != Role.ADMIN and user.active:
        _keep_an_admin(session, user)
    if user.role == Role.MEDIATOR and (role != Role.MEDIATOR or office_id != user.office_id):
        open_cases = (
            session.scalar(
                select(func.count())
                .select_from(Case)
                .where(Case.mediator_id == user.id, Case.status.in_(OPEN_STATUSES))
            )
            or 0
        )
        if open_cases:
            raise ValidationError(
                "role",
                f"{user.display_name} 仍承办 {open_cases} 件在办案件，请先改派后再调整角色或裁决所",
                code="has_open_cases",
                count=open_cases,
            )
    user.role = role
    user.office_id, user.station_id = office_id, station_id
    user.may_view_personal_data = role != Role.STATION_STAFF
    session.flush()
    session.expire(user, ["office", "station"])
    return _info(user)


def set_active(session: Session, actor: Actor, user_id: int, active: bool) -> UserInfo:
    """Disable (``active=False``) or enable a user. Disabled users cannot sign in; their
    name stays on the cases and events they touched."""
    _require_admin(session, actor)
    user = _get(session, user_id)
    if not active:
        if actor.user_id is not None and user.id == actor.user_id:
            raise ValidationError("active", "不能停用自己的账户", code="disable_self")
        if user.role == Role.ADMIN and user.active:
            _keep_an_admin(session, user)
    user.active = active
    session.flush()
    return _info(user)


def reset_password(session: Session, actor: Actor, user_id: int, password: str) -> UserInfo:
    """Set a new password and lift any lock-out."""
    _require_admin(session, actor)
    check_password(password)
    user = _get(session, user_id)
    user.password_hash = hash_password(password)
    user.failed_logins, user.locked_until = 0, None
    session.flush()
    return _info(user)


# -- helpers ------------------------------------------------------------------------------


def _require_admin(session: Session, actor: Actor) -> None:
    """Administrators only; and the account signed in as must still be an enabled
    administrator (the Actor is a snapshot taken at sign-in)."""
    require_capability(actor, Capability.MANAGE_USERS)
    if actor.user_id is None:
        return  # ipdesk-admin on the server
    user = session.get(User, actor.user_id)
    if user is None or not user.active or user.role != Role.ADMIN:
        raise PermissionDenied("您的账户已停用或已不是系统管理员，请重新登录", code="actor_changed")


def _new_user(
    session: Session,
    username: str,
    display_name: str,
    password: str,
    role: Role,
    office_code: str | None,
    station_code: str | None,
    phone: str | None,
) -> User:
    name = normalise_username(username)
    if not _USERNAME.match(name):
        raise ValidationError(
            "username",
            "用户名须为 2–64 个字符，由字母、数字和 . _ - 组成，并以字母或数字开头",
            code="username_invalid",
        )
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise ValidationError("username", f"用户名“{name}”已被使用", code="username_taken")
    shown = display_name.strip()
    if not shown:
        raise ValidationError("display_name", "姓名不能为空", code="name_required")
    if len(shown) > 200:
        raise ValidationError("display_name", "姓名不能超过 200 个字符", code="name_too_long")
    if has_control_chars(shown):
        raise ValidationError("display_name", "姓名含有控制字符", code="name_control_chars")
    phone = validate_phone(phone, field="phone") if phone and phone.strip() else None
    check_password(password)
    office_id, station_id = _scope(session, role, office_code, station_code)
    user = User(
        username=name,
        display_name=shown,
        password_hash=hash_password(password),
        role=role,
        office_id=office_id,
        station_id=station_id,
        phone=phone,
        active=True,
        may_view_personal_data=role != Role.STATION_STAFF,
        failed_logins=0,
    )
    session.add(user)
    session.flush()
    return user


def _scope(
    session: Session, role: Role, office_code: str | None, station_code: str | None
) -> tuple[int | None, int | None]:
    """The (office id, station id) for ``role``; refuse a scope that does not fit it."""
    label = ROLE_LABELS[role]
    office_code = (office_code or "").strip() or None
    station_code = (station_code or "").strip() or None
    if role == Role.STATION_STAFF:
        if office_code:
            raise ValidationError(
                "office",
                f"角色“{label}”只能指定所属站点，不能指定裁决所",
                code="scope_mismatch",
                role=role.value,
            )
        if not station_code:
            raise ValidationError(
                "station",
                f"角色“{label}”必须指定所属站点",
                code="station_required",
                role=role.value,
            )
        station = (
            None
            if is_unusable_key(station_code)  # no such code (and PostgreSQL refuses NUL)
            else session.scalars(select(Station).where(Station.code == station_code)).first()
        )
        if station is None or not station.active:
            raise ValidationError(
                "station",
                f"站点代码“{station_code}”不存在或已停用",
                code="unknown_station",
                station=station_code,
            )
        return None, station.id
    if role in (Role.MEDIATOR, Role.OFFICE_MANAGER):
        if station_code:
            raise ValidationError(
                "station",
                f"角色“{label}”只能指定所属裁决所，不能指定站点",
                code="scope_mismatch",
                role=role.value,
            )
        if not office_code:
            raise ValidationError(
                "office",
                f"角色“{label}”必须指定所属裁决所",
                code="office_required",
                role=role.value,
            )
        office = (
            None
            if is_unusable_key(office_code)
            else session.scalars(select(Office).where(Office.code == office_code)).first()
        )
        if office is None or not office.active:
            raise ValidationError(
                "office",
                f"裁决所代码“{office_code}”不存在或已停用",
                code="unknown_office",
                office=office_code,
            )
        return office.id, None
    if office_code or station_code:
        raise ValidationError(
            "office" if office_code else "station",
            f"角色“{label}”面向全市，不能指定裁决所或站点",
            code="scope_mismatch",
            role=role.value,
        )
    return None, None


def _keep_an_admin(session: Session, leaving: User) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.ADMIN, User.active, User.id != leaving.id)
    )
    if not others:
        raise ValidationError(
            "role", "这是最后一个启用的系统管理员账户，不能停用或改为其他角色", code="last_admin"
        )


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"用户（编号 {user_id}）不存在", code="user_not_found", user_id=user_id)
    return user


def _by_username(session: Session, username: str) -> User:
    name = normalise_username(username)
    user = (
        None
        if is_unusable_key(name)
        else session.scalars(select(User).where(User.username == name)).one_or_none()
    )
    if user is None:
        raise NotFound(f"用户“{name}”不存在", code="username_not_found", username=name)
    return user


def _info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        office_code=user.office.code if user.office else None,
        office_name=user.office.name if user.office else None,
        station_code=user.station.code if user.station else None,
        station_name=user.station.name if user.station else None,
        phone=user.phone,
        active=user.active,
        locked_until=user.locked_until,
        may_view_personal_data=user.may_view_personal_data,
    )
