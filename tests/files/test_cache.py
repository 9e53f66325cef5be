"""The cache makes kehoach fast and is never a source of truth: every answer equals a cold run."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FOLDER_MARK, UNIT_MARKS, Cli, cache_entries, calls_of, edit, written_since
from kehoach.files import cache as cache_module
from kehoach.files import load as load_module

QUESTIONS = [
    ("due", "--year", "--as-of", "2022-12-31"),
    ("overdue", "--as-of", "2024-03-01", "--format", "json"),
    ("history",),
    ("validate",),
]


def answers(cli: Cli, data: Path, **env: str) -> list[tuple[int, str, str]]:
    results = [cli(*question, "--data", str(data), env=env or None) for question in QUESTIONS]
    return [(result.exit_code, result.stdout, result.stderr) for result in results]


def cold(cli: Cli, data: Path) -> list[tuple[int, str, str]]:
    return answers(cli, data, KEHOACH_CACHE="off")


def test_a_warm_run_replays_without_loading_the_data(cli: Cli, tracked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loads = calls_of(monkeypatch, load_module, "load_valid")
    first = answers(cli, tracked)
    assert loads, "a cold run loads the data (else the count below proves nothing)"
    loads.clear()
    assert answers(cli, tracked)[:3] == first[:3]
    assert loads == [], "the data was loaded again"


def test_editing_a_file_by_hand_is_seen_at_once(cli: Cli, tracked: Path) -> None:
    answers(cli, tracked)
    edit(tracked / "units/ban-a.yaml", "done_on: 2022-12-20", "done_on: 2023-01-20")
    assert answers(cli, tracked) == cold(cli, tracked)
    assert "Ban A Tỉnh ủy (ban-a): 2 chưa đến hạn, 1 hoàn thành" in answers(cli, tracked)[0][1]


def test_checking_out_another_version_is_seen_at_once(cli: Cli, tracked: Path) -> None:
    path = tracked / "units/huyen-b.yaml"
    old = path.read_bytes()
    edit(path, "waived_on: 2022-10-01", "waived_on: 2022-11-01")
    answers(cli, tracked)
    path.write_bytes(old)  # what `git checkout` of the earlier commit does
    assert answers(cli, tracked) == cold(cli, tracked)


def test_a_deleted_cache_gives_the_same_answers(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    warm = answers(cli, tracked)
    shutil.rmtree(tmp_path / "cache")
    assert answers(cli, tracked) == warm == cold(cli, tracked)


def test_a_corrupt_cache_gives_the_same_answers(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    answers(cli, tracked)
    entries = list((tmp_path / "cache").iterdir())
    assert entries
    for number, entry in enumerate(entries):
        entry.write_bytes(b"" if number % 2 else b"\x80\x05garbage")
    assert answers(cli, tracked) == cold(cli, tracked)


def test_a_cache_from_other_data_or_another_kehoach_gives_the_same_answers(
    cli: Cli, scenario: Callable[[str], Path], tracked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = scenario("minimal")
    answers(cli, other)
    # Another version of kehoach is one whose code fingerprint differs: that is the cache's own
    # definition (kehoach.files.cache.fingerprint), and faking it here spares building a copy of
    # the package to run. A context, so that the cli fixture keeps its cache and environment.
    with monkeypatch.context() as other_version:
        other_version.setattr(cache_module, "fingerprint", lambda: "another version of kehoach")
        answers(cli, tracked)
    theirs = cache_entries(tmp_path / "cache")
    assert answers(cli, tracked) == cold(cli, tracked)
    assert set(written_since(tmp_path / "cache", theirs)) - set(theirs), "this version used the other's entries"


def test_invalid_data_is_never_served_from_the_cache(cli: Cli, tracked: Path) -> None:
    answers(cli, tracked)
    edit(tracked / "units/ban-a.yaml", "kind: party_board", "kind: board")
    results = answers(cli, tracked)
    assert [code for code, _, _ in results] == [1, 1, 1, 1]
    assert all("units/ban-a.yaml:4:7: kind:" in stdout + stderr for _, stdout, stderr in results)


def test_a_cache_that_cannot_be_written_changes_nothing(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    assert answers(cli, tracked, KEHOACH_CACHE=str(blocked)) == cold(cli, tracked)


def test_a_read_only_checkout_works(cli: Cli, tracked: Path) -> None:
    expected = cold(cli, tracked)
    for path in [tracked, tracked / "units", *tracked.rglob("*.yaml")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        assert answers(cli, tracked) == expected
        assert answers(cli, tracked) == expected
    finally:
        for path in [tracked, tracked / "units"]:
            path.chmod(0o755)


def test_the_cache_lives_outside_the_data_folder(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    before = sorted(path.relative_to(tracked) for path in tracked.rglob("*"))
    answers(cli, tracked)
    assert sorted(path.relative_to(tracked) for path in tracked.rglob("*")) == before
    assert any((tmp_path / "cache").iterdir())


def test_writes_then_reads_agree_with_a_cold_run(cli: Cli, tracked: Path) -> None:
    answers(cli, tracked)
    assert cli("done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "--data", str(tracked)).exit_code == 0
    assert answers(cli, tracked) == cold(cli, tracked)
    assert cli("undo", "II.2", "--unit", "ban-a", "--period", "2022", "--data", str(tracked)).exit_code == 0
    assert answers(cli, tracked) == cold(cli, tracked)


@pytest.mark.parametrize(
    "write",
    [
        ("done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05"),
        ("waive", "II.2", "--unit", "ban-a", "--period", "2022", "--reason", "Sáp nhập", "--as-of", "2023-01-05"),
        ("undo", "II.2", "--unit", "huyen-b", "--period", "2022"),
    ],
)
def test_a_write_leaves_the_folder_checked_for_the_next_command(
    cli: Cli, tracked: Path, tmp_path: Path, write: tuple[str, ...]
) -> None:
    """Seen in the cache folder: a check that finds no problem leaves a mark (see conftest)."""
    cache = tmp_path / "cache"
    answers(cli, tracked)
    before_the_write = cache_entries(cache)
    assert cli(*write, "--data", str(tracked)).exit_code == 0
    assert any(name.startswith(FOLDER_MARK) for name in written_since(cache, before_the_write))
    expected = cold(cli, tracked)
    before = cache_entries(cache)
    assert answers(cli, tracked) == expected
    checked = [name for name in written_since(cache, before) if name.startswith((FOLDER_MARK, UNIT_MARKS))]
    assert checked == [], "the folder was checked again"


def checks(cli: Cli, data: Path, cache: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, int]:
    """Run validate; its exit code and how many "checked clean" marks it wrote (0: answered warm)."""
    before = cache_entries(cache)
    code = cli("validate", *args, "--data", str(data), env=env).exit_code
    return code, sum(name.startswith((FOLDER_MARK, UNIT_MARKS)) for name in written_since(cache, before))


def test_a_folder_checked_clean_is_clean_only_from_its_latest_day_on(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    """ban-a's latest record is dated 20/12/2022: a record dated tomorrow is valid tomorrow."""
    cache = tmp_path / "cache"
    assert checks(cli, tracked, cache, "--as-of", "2022-12-25")[0] == 0  # checked, marked
    assert checks(cli, tracked, cache, "--as-of", "2023-06-01") == (0, 0)  # any later day: warm
    assert checks(cli, tracked, cache, "--as-of", "2022-12-20") == (0, 0)
    assert checks(cli, tracked, cache, "--as-of", "2022-12-19")[0] == 1  # the mark does not cover it
    assert checks(cli, tracked, cache, env={"KEHOACH_TODAY": "2022-12-19"})[0] == 1
    assert checks(cli, tracked, cache, "--as-of", "2022-12-20") == (0, 0)


def test_a_mark_left_by_another_command_does_not_hide_a_record_dated_later(
    cli: Cli, tracked: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    edit(tracked / "units/ban-a.yaml", "done_on: 2022-12-20", "done_on: 2030-12-20")
    assert cli("due", "--as-of", "2022-06-01", "--data", str(tracked)).exit_code == 0  # not yet known: no problem
    assert checks(cli, tracked, cache, "--as-of", "2026-01-01")[0] == 1
    # a write leaves the folder checked; what it did not touch stays as dated as it was
    done = ("done", "II.2", "--unit", "huyen-b", "--period", "2023", "-e", "BC", "--as-of", "2023-12-01")
    assert cli(*done, "--data", str(tracked)).exit_code == 0
    assert checks(cli, tracked, cache, "--as-of", "2026-01-01")[0] == 1
    assert checks(cli, tracked, cache, "--as-of", "2030-12-20") == (0, 0)
    assert [checks(cli, tracked, cache, "--as-of", day)[0] for day in ("2030-12-19", "2030-12-20")] == [1, 0]


def test_a_full_disk_leaves_no_half_written_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache_module.pickle, "dumps", full)
    store = cache_module.Cache(tmp_path / "cache")
    store.put("answer", ("text", 0))  # no caching, and no error: the answer is still printed
    assert store.get("answer", tuple) is None
    assert [path.name for path in (tmp_path / "cache").iterdir()] == [".key"]  # the key, whole; no entry
