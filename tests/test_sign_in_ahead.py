"""The --user's password check begun before the program's modules load (issue 18): its
answer is verify_password's, for the hash stored for the user and no other; the sign-in
takes it instead of hashing again, and counts a refusal as before."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import argon2
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from ipdesk import app, db, sign_in_ahead
from ipdesk.models import Role, User
from ipdesk.services.admin import auth, passwords
from tests.helpers.factories import make_user

PASSWORD = "pass-word-1"


def _city(factory: sessionmaker[Session]) -> str:
    """A city manager named ``city``: their stored hash."""
    with factory.begin() as s:
        return make_user(s, Role.CITY_MANAGER, username="city", password=PASSWORD).password_hash


def _begin(url: str, *extra: str, password: str = PASSWORD) -> sign_in_ahead.CheckAhead | None:
    argv = ["--database-url", url, *extra]
    return sign_in_ahead.begin(argv, {sign_in_ahead.PASSWORD_ENV: password})


def test_the_names_are_the_programs() -> None:
    assert sign_in_ahead.ENV_URL == db.ENV_URL
    assert sign_in_ahead.PASSWORD_ENV == app.PASSWORD_ENV


@pytest.mark.parametrize("password", [PASSWORD, "wrong-password"])
def test_the_answer_is_verify_passwords_for_the_stored_hash_only(
    database_url: str, session_factory: sessionmaker[Session], password: str
) -> None:
    stored = _city(session_factory)
    check = _begin(database_url, "-platform", "offscreen", "--user", " City ", password=password)
    assert check is not None and check.is_for(database_url, " City ", password)
    assert check.answer(stored) is passwords.verify_password(stored, password)
    assert check.answer(passwords.hash_password(password)) is None  # another hash


@pytest.mark.parametrize(
    "hasher",
    [
        argon2.PasswordHasher(),  # the program's: RFC 9106, 4 lanes
        argon2.PasswordHasher(time_cost=1, memory_cost=64, parallelism=3, salt_len=8),
        argon2.PasswordHasher(time_cost=2, memory_cost=256, hash_len=20, type=argon2.Type.I),
        argon2.PasswordHasher(time_cost=1, memory_cost=32, parallelism=2, type=argon2.Type.D),
    ],
)
def test_the_check_answers_as_verify_password(hasher: argon2.PasswordHasher) -> None:
    stored = hasher.hash("secret 密码")
    for password in ("secret 密码", "secret", "", "Secret 密码"):
        expected = passwords.verify_password(stored, password)
        assert sign_in_ahead._verify(stored, password) is expected
    for bad in ("nonsense", stored[:-3], stored.replace("v=19", "v=16"), stored + "$x", "$$"):
        expected = passwords.verify_password(bad, "secret 密码")
        assert sign_in_ahead._verify(bad, "secret 密码") is expected
    assert sign_in_ahead._verify(stored, "\ud800") is None  # the sign-in refuses it itself


def test_no_check_without_a_user_to_check(
    database_url: str, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    _city(session_factory)
    assert _begin(database_url) is None  # no --user
    assert _begin(database_url, "--user", "nobody") is None
    for flag in ("--demo", "--setup", "--self-test"):
        assert _begin(database_url, "--user", "city", flag) is None
    assert _begin(database_url, "--user") is None  # ipdesk.app's parser tells what is wrong
    missing = tmp_path / "missing.sqlite3"
    assert _begin(f"sqlite:///{missing}", "--user", "city") is None
    assert not missing.exists()  # not created


def test_an_embedded_database_is_read_where_its_path_has_any_character(
    sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "数据 #1"  # (SQLAlchemy reads % escapes in a URL itself)
    folder.mkdir()
    shutil.copyfile(sqlite_template, folder / "ipdesk 库.sqlite3")
    url = f"sqlite:///{folder / 'ipdesk 库.sqlite3'}"
    engine = db.make_engine(url)
    try:
        stored = _city(db.make_session_factory(engine))
    finally:
        engine.dispose()
    check = _begin(url, "--user", "city")
    assert check is not None and check.answer(stored) is True
    monkeypatch.chdir(folder)  # a path relative to the working folder, as SQLite takes it
    check = _begin("sqlite:///ipdesk 库.sqlite3", "--user", "city")
    assert check is not None and check.answer(stored) is True


def test_the_sign_in_takes_the_answer_instead_of_hashing_again(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = _city(session_factory)

    def hashed(*_args: object) -> bool:
        raise AssertionError("the password was checked ahead")

    monkeypatch.setattr(auth, "verify_password", hashed)
    signed = auth.sign_in(session_factory, "city", PASSWORD, ahead={stored: True}.get)
    assert signed.username == "city"
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(session_factory, "city", PASSWORD, ahead={stored: False}.get)
    with session_factory() as s:
        user = s.scalars(select(User).where(User.username == "city")).one()
        assert user.failed_logins == 1


def test_an_answer_for_another_hash_leaves_the_check_to_the_sign_in(
    session_factory: sessionmaker[Session],
) -> None:
    _city(session_factory)
    other = {passwords.hash_password("something-else"): True}.get
    assert auth.sign_in(session_factory, "city", PASSWORD, ahead=other).username == "city"
    with pytest.raises(auth.SignInFailed):
        auth.sign_in(session_factory, "city", "wrong-password", ahead=other)


def test_the_check_imports_neither_the_models_the_services_nor_qt(
    database_url: str, session_factory: sessionmaker[Session]
) -> None:
    """It begins before they load: importing them would make it wait for them."""
    _city(session_factory)
    script = (
        "import sys\n"
        "from ipdesk import sign_in_ahead\n"
        f"check = sign_in_ahead.begin(['--database-url', {database_url!r}, '--user', 'city'],"
        f" {{'IPDESK_PASSWORD': {PASSWORD!r}}})\n"
        "assert check is not None\n"
        "bad = ('ipdesk.models', 'ipdesk.services', 'ipdesk.db', 'PySide6')\n"
        "print(sorted({m for m in sys.modules for b in bad if m == b or m.startswith(b + '.')}),"
        " check.answer(check.password_hash))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[] True"
