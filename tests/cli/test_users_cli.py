"""ipdesk-admin user add / list / disable / enable / reset-password."""

from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import func, select

from ipdesk.cli import main
from ipdesk.db import make_engine, make_session_factory
from ipdesk.models import User
from ipdesk.services.admin import auth
from ipdesk.services.admin.auth import AccountDisabled
from tests.helpers.cli_admin import ADMIN


def run(url: str, *args: str, stdin: str | None = None) -> int:
    if stdin is None:
        return main(["--database-url", url, *args])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", io.StringIO(stdin))
        return main(["--database-url", url, *args])


@pytest.fixture
def initialised(database_url: str) -> str:
    assert run(database_url, "init") == 0
    return database_url


def user_count(url: str) -> int:
    """The users besides the administrator the commands sign in as (tests/cli/conftest.py)."""
    engine = make_engine(url)
    with make_session_factory(engine)() as s:
        n = s.scalar(select(func.count()).select_from(User).where(User.username != ADMIN)) or 0
    engine.dispose()
    return n


def users_json(url: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert run(url, "user", "list", "--json") == 0
    users: list[dict[str, object]] = json.loads(capsys.readouterr().out)["users"]
    return [u for u in users if u["username"] != ADMIN]


def test_add_list_and_sign_in(initialised: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            initialised,
            "user",
            "add",
            "Li.Ming",
            "--name",
            "李明",
            "--role",
            "mediator",
            "--office",
            "TL01",
            "--password-stdin",
            stdin="li-ming-pass\n",
        )
        == 0
    )
    assert capsys.readouterr().out == "已创建用户 li.ming（李明，调解员 TL01）\n"
    assert (
        run(
            initialised,
            "user",
            "add",
            "station1",
            "--name",
            "站点一",
            "--role",
            "station_staff",
            "--station",
            "TL01-S01",
            "--password-stdin",
            stdin="station-pass\r\n",
        )
        == 0
    )
    assert users_json(initialised, capsys) == [
        {
            "username": "li.ming",
            "name": "李明",
            "role": "mediator",
            "office": "TL01",
            "station": None,
            "active": True,
            "locked_until": None,
        },
        {
            "username": "station1",
            "name": "站点一",
            "role": "station_staff",
            "office": None,
            "station": "TL01-S01",
            "active": True,
            "locked_until": None,
        },
    ]
    engine = make_engine(initialised)
    factory = make_session_factory(engine)
    assert auth.sign_in(factory, "li.ming", "li-ming-pass").username == "li.ming"
    assert auth.sign_in(factory, "station1", "station-pass").username == "station1"
    engine.dispose()

    assert run(initialised, "user", "list") == 0
    assert capsys.readouterr().out.splitlines() == [
        "cli-admin  运维管理员  系统管理员",
        "li.ming  李明  调解员 TL01",
        "station1  站点一  站点工作人员 TL01-S01",
    ]


def test_disable_enable_and_reset_password(
    initialised: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ("user", "add", "city1", "--name", "市局", "--role", "city_manager", "--password-stdin")
    assert run(initialised, *add, stdin="city-pass-1\n") == 0
    assert run(initialised, "user", "disable", "CITY1") == 0
    assert capsys.readouterr().out.endswith("用户 city1 已停用\n")
    assert users_json(initialised, capsys)[0]["active"] is False
    engine = make_engine(initialised)
    factory = make_session_factory(engine)
    with pytest.raises(AccountDisabled):
        auth.sign_in(factory, "city1", "city-pass-1")
    assert run(initialised, "user", "enable", "city1") == 0
    reset = ("user", "reset-password", "city1", "--password-stdin")
    assert run(initialised, *reset, stdin="another-pass\n") == 0
    assert auth.sign_in(factory, "city1", "another-pass").username == "city1"
    engine.dispose()


REFUSALS = [
    pytest.param(
        ["--role", "mediator", "--station", "TL01-S01"],
        "a-good-pass\n",
        "角色“调解员”只能指定所属裁决所，不能指定站点",
        id="mediator-with-station",
    ),
    pytest.param(
        ["--role", "office_manager"],
        "a-good-pass\n",
        "角色“裁决所负责人”必须指定所属裁决所",
        id="manager-without-office",
    ),
    pytest.param(
        ["--role", "station_staff", "--office", "TL01"],
        "a-good-pass\n",
        "角色“站点工作人员”只能指定所属站点，不能指定裁决所",
        id="staff-with-office",
    ),
    pytest.param(
        ["--role", "admin", "--office", "TL01"],
        "a-good-pass\n",
        "角色“系统管理员”面向全市，不能指定裁决所或站点",
        id="admin-with-office",
    ),
    pytest.param(
        ["--role", "mediator", "--office", "ZZ99"],
        "a-good-pass\n",
        "裁决所代码“ZZ99”不存在或已停用",
        id="unknown-office",
    ),
    pytest.param(["--role", "city_manager"], "12345678\n", "密码不能全部是数字", id="digits-only"),
    pytest.param(["--role", "city_manager"], "short\n", "密码至少需要 8 个字符", id="too-short"),
    pytest.param(["--role", "city_manager"], "", "标准输入中没有密码", id="no-password"),
]


@pytest.mark.parametrize(("options", "stdin", "message"), REFUSALS)
def test_refusals_are_one_line_and_change_nothing(
    initialised: str,
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    stdin: str,
    message: str,
) -> None:
    capsys.readouterr()
    args = ["user", "add", "newbie", "--name", "新人", *options, "--password-stdin"]
    assert run(initialised, *args, stdin=stdin) == 1
    assert capsys.readouterr().err == f"ipdesk-admin: {message}\n"
    assert user_count(initialised) == 0


def test_duplicate_and_unknown_users(initialised: str, capsys: pytest.CaptureFixture[str]) -> None:
    add = ("user", "add", "dup", "--name", "甲", "--role", "city_manager", "--password-stdin")
    assert run(initialised, *add, stdin="a-good-pass\n") == 0
    capsys.readouterr()
    assert run(initialised, *add, stdin="a-good-pass\n") == 1
    assert capsys.readouterr().err == "ipdesk-admin: 用户名“dup”已被使用\n"
    assert run(initialised, "user", "disable", "ghost") == 1
    assert capsys.readouterr().err == "ipdesk-admin: 用户“ghost”不存在\n"
    assert user_count(initialised) == 1


def test_usage_errors(initialised: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    both = ["user", "add", "x1", "--name", "甲", "--role", "mediator"]
    with pytest.raises(SystemExit) as exit_:
        run(initialised, *both, "--office", "TL01", "--station", "TL01-S01")
    assert exit_.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "not allowed with argument" in err[0]
    with pytest.raises(SystemExit) as exit_:
        run(initialised, "user", "add", "x1", "--name", "甲", "--role", "boss")
    assert exit_.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "invalid choice" in err[0]


def test_without_password_stdin_and_no_terminal(
    initialised: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    args = ["user", "add", "x1", "--name", "甲", "--role", "city_manager"]
    assert run(initialised, *args, stdin="") == 1
    assert "--password-stdin" in capsys.readouterr().err
    assert user_count(initialised) == 0


def test_show_one_user(initialised: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            initialised,
            *("user", "add", "wang", "--name", "王芳", "--role", "office_manager"),
            *("--office", "TL02", "--password-stdin"),
            stdin="wang-fang-pass\n",
        )
        == 0
    )
    assert run(initialised, "user", "disable", "wang") == 0
    capsys.readouterr()
    assert run(initialised, "user", "show", "WANG", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {
        "username": "wang",
        "name": "王芳",
        "role": "office_manager",
        "office": "TL02",
        "station": None,
        "active": False,
        "locked_until": None,
    }
    assert run(initialised, "user", "show", "wang") == 0
    assert capsys.readouterr().out == "wang  王芳  裁决所负责人 TL02  [已停用]\n"
    assert run(initialised, "user", "show", "nobody") == 1
    out = capsys.readouterr()
    assert out.out == "" and len(out.err.strip().splitlines()) == 1
