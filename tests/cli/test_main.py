"""The tool as a user starts it: the console script and ``python cli.py`` from a checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import typer.main

from conftest import REPO, Cli
from kehoach.cli.app import app


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("KEHOACH_")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", check=False)


def test_launcher_works_from_a_checkout() -> None:
    result = run(sys.executable, "cli.py", "validate", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Hợp lệ: ")


# The console script installed beside the interpreter running the tests (the venv's bin/).
SCRIPT = shutil.which("kehoach", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(SCRIPT is None, reason="kehoach is not installed in this environment")
def test_console_script_finds_data_from_a_subfolder() -> None:
    assert SCRIPT is not None
    result = run(SCRIPT, "units", "--format", "csv", cwd=REPO / "data" / "units")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "\ufeffid,name,kind,from,until,successors,predecessors,members"
    assert lines[-1].startswith("co-quan-tham-muu-tinh-uy,")
    assert "ban-tuyen-giao-tinh-uy;ubkt-tinh-uy" in result.stdout


def test_bad_data_never_shows_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(b"schema: 1\nplan: \xff\n")
    result = run(sys.executable, str(REPO / "cli.py"), "tasks", "--data", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("plan.yaml:2:7: byte 0xff không phải UTF-8")


def test_a_current_folder_that_was_removed_is_a_sentence(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys; os.rmdir(sys.argv[1]); from kehoach.cli import main; sys.argv = ['kehoach', 'due']; main()"
    )
    result = run(sys.executable, "-c", script, str(gone), cwd=gone)
    assert (result.returncode, result.stdout) == (5, "")
    assert result.stderr == (
        "lỗi: thư mục hiện tại không còn tồn tại (đã bị xóa hoặc di chuyển); hãy chuyển sang thư mục khác (cd) "
        "rồi chạy lại\n"
    )


@pytest.mark.parametrize("option", ["--version", "-V"])
def test_version_is_the_installed_one(cli: Cli, option: str) -> None:
    result = cli(option)
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"kehoach {version('kehoach')}\n", "")


def test_version_from_a_checkout_that_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    from kehoach import __version__
    from kehoach.cli.app import installed_version

    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert installed_version() == __version__


COMMANDS = sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize(
    "command", [[], *([name] for name in COMMANDS)], ids=lambda command: " ".join(command) or "kehoach"
)
def test_dash_h_is_help_on_the_root_and_every_command(cli: Cli, command: list[str]) -> None:
    short, long = cli(*command, "-h"), cli(*command, "--help")
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout and "-h, --help" in short.stdout
