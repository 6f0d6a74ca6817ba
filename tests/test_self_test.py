"""``ipdesk --self-test`` (the smoke test of an installation) and the bundle build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ipdesk import db
from ipdesk.paths import ROOT_DIR

INSTALLER = ROOT_DIR / "installer"


def _fresh_machine(tmp_path: Path) -> dict[str, str]:
    """The environment of a machine where ipdesk has never run."""
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
    }
    for name in (db.ENV_URL, "QT_QPA_PLATFORM", "LANGUAGE"):
        env.pop(name, None)
    return env


def _run(tmp_path: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=_fresh_machine(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_self_test_passes_on_a_fresh_machine(tmp_path: Path) -> None:
    code = "import sys; from ipdesk.app import main; sys.exit(main())"
    result = _run(tmp_path, code, "--self-test")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert "self-test passed" in lines[0]
    assert "document rendered for case" in lines[0]
    # Nothing of a user's was created: no settings, no embedded database; only the log.
    assert not (tmp_path / "config").exists()
    assert not (tmp_path / "data").exists()
    log = tmp_path / "state" / "ipdesk" / "log" / "ipdesk.log"
    assert "Self-test passed" in log.read_text(encoding="utf-8")


def test_a_failing_self_test_says_which_step_in_one_line(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; import ipdesk.app as app; "
        "app.I18N_DIR = Path('/nonexistent'); sys.exit(app.main(['--self-test']))"
    )
    result = _run(tmp_path, code)

    assert result.returncode == 1
    assert result.stdout == ""
    failure = [line for line in result.stderr.splitlines() if line.startswith("ipdesk:")]
    assert len(failure) == 1
    assert failure[0].startswith("ipdesk: self-test failed: translations:")


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("IPDESK_BUILD_BUNDLE") != "1",
    reason="builds the PyInstaller bundle (about a minute): set IPDESK_BUILD_BUNDLE=1",
)
def test_the_bundle_builds_and_passes_its_smoke_test() -> None:
    result = subprocess.run(
        ["bash", str(INSTALLER / "build.sh")],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "self-test passed" in result.stdout
    bundle = ROOT_DIR / "dist" / "ipdesk"
    internal = bundle / "_internal"
    assert (bundle / "ipdesk").is_file()
    assert (internal / "ipdesk" / "migrations" / "env.py").is_file()
    assert list((internal / "ipdesk" / "migrations" / "versions").glob("0001_*.py"))
    assert (internal / "ipdesk" / "migrations" / "script.py.mako").is_file()
    assert (internal / "forms" / "mediation_agreement.docx").is_file()
    assert (internal / "resources" / "i18n" / "ipdesk_zh_CN.qm").is_file()
    assert (internal / "resources" / "org" / "offices.csv").is_file()
    assert (internal / "resources" / "icons" / "ipdesk-256.png").is_file()
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    assert size < 300 * 1024 * 1024, f"the bundle grew to {size // 2**20} MB"
