"""Shell completion: Typer's scripts install for bash, zsh and fish; refs and unit ids come from the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli import typer_words
from kehoach.cli.app import app


def complete(words: str, monkeypatch: pytest.MonkeyPatch, cwd: Path | None = None) -> list[str]:
    """What bash would offer after ``words`` (the last word being completed)."""
    if cwd is not None:
        monkeypatch.chdir(cwd)
    monkeypatch.delenv("KEHOACH_DATA", raising=False)
    cword = len(words.split(" ")) - 1  # a trailing space starts a new, empty word
    environment = {"_KEHOACH_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    result = CliRunner().invoke(app, [], prog_name="kehoach", env=environment)
    assert result.exit_code == 0
    return result.output.split()


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Completion runs without the ``cli`` fixture, so it gets the cache of the test's own here."""
    monkeypatch.setenv("KEHOACH_CACHE", str(tmp_path / "cache"))


def test_task_refs_complete_from_the_plan(tracked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete(f"kehoach done --data {tracked} III.1.", monkeypatch) == ["III.1.1", "III.1.2", "III.1.3"]
    assert complete(f"kehoach history --data {tracked} II.", monkeypatch) == ["II.1", "II.2"]


def test_unit_ids_complete_with_groups_only_where_a_group_is_allowed(
    tracked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete(f"kehoach due --data {tracked} --unit ", monkeypatch) == ["ban-a", "huyen-b", "ca-hai"]
    assert complete(f"kehoach done II.2 --data {tracked} --unit ", monkeypatch) == ["ban-a", "huyen-b"]


def test_the_data_folder_is_found_as_for_any_command(tracked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tracked.parent / "data").symlink_to(tracked)
    assert complete("kehoach undo h", monkeypatch, cwd=tracked.parent) == []  # refs are upper case
    assert complete("kehoach overdue -u h", monkeypatch, cwd=tracked.parent) == ["huyen-b"]


def test_no_data_means_no_suggestions_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete("kehoach done I", monkeypatch, cwd=tmp_path) == []


@pytest.mark.parametrize(
    ("shell", "installed"),
    [
        ("bash", ".bash_completions/kehoach.sh"),
        ("zsh", ".zfunc/_kehoach"),
        ("fish", ".config/fish/completions/kehoach.fish"),
    ],
)
def test_completion_installs_for_each_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shell: str, installed: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    # Typer's own switch: take the shell from the command line instead of detecting the running one.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = CliRunner().invoke(app, ["--install-completion", shell], prog_name="kehoach")
    assert result.exit_code == 0, result.output
    script = (tmp_path / installed).read_text()
    assert "_KEHOACH_COMPLETE" in script


def test_periods_complete_from_what_the_unit_owes(tracked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    words = f"kehoach waive II.2 --unit huyen-b --as-of 2024-03-01 --data {tracked} --period 202"
    assert complete(words, monkeypatch) == ["2022", "2023", "2024", "2025"]
    assert complete(
        f"kehoach done III.1.2 --unit ban-a --as-of 2024-03-01 --data {tracked} --period ", monkeypatch
    ) == [
        "2022",
        "2023",
    ]


def test_the_installer_says_what_it_did_in_the_user_s_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = CliRunner().invoke(app, ["--install-completion", "bash"], prog_name="kehoach")
    assert (result.exit_code, result.output) == (
        0,
        f"Đã cài gợi ý lệnh cho bash vào {tmp_path}/.bash_completions/kehoach.sh\n"
        "Gợi ý lệnh có hiệu lực từ lần mở cửa sổ dòng lệnh tới.\n",
    )


def test_a_shell_typer_has_no_script_for_is_refused_in_the_user_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", raising=False)
    monkeypatch.setattr(typer_words, "_get_shell_name", lambda: "tcsh")
    for option in ("--install-completion", "--show-completion"):
        result = CliRunner().invoke(app, [option], prog_name="kehoach")
        assert result.exit_code == 1
        assert (
            result.stderr == "không có gợi ý lệnh cho shell tcsh; kehoach có cho: bash, zsh, fish, powershell, pwsh\n"
        )
    assert not (tmp_path / ".tcshrc").exists()
