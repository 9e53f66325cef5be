"""The cache cannot be turned against its user: nothing in it runs unless the user's own kehoach
wrote it, an entry of the wrong shape is a miss, and no cached answer differs from a cold one.

Each case runs every command that reads the cache (``validate``, ``due``, ``overdue``, ``report``,
``history``) and the writes (``done``, ``extend``), warm, against the same command with the cache off.
"""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import SCENARIOS, Cli
from kehoach.files import cache as cache_module

READS = [
    ("validate",),
    ("due", "--year", "--as-of", "2023-01-05"),
    ("overdue", "--as-of", "2024-03-01", "--format", "json"),
    ("report", "--year", "2022", "--as-of", "2023-01-05"),
    ("history",),
]
WRITES = [
    ("done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "--evidence", "Báo cáo số 1-BC"),
    (
        "extend",
        "II.2",
        "--unit",
        "ban-a",
        "--period",
        "2022",
        "--to",
        "2023-03-31",
        "--by",
        "Công văn số 12-CV/TU",
        "--as-of",
        "2023-01-05",
    ),
]


class Payload:
    """A pickle that, when loaded, creates ``marker``: what someone else's "cache entry" would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        return (os.system, (f"touch {self.marker}",))


def answers(cli: Cli, data: Path, **env: str) -> list[tuple[int, str, str]]:
    results = [cli(*question, "--data", str(data), env=env or None) for question in READS]
    return [(result.exit_code, result.stdout, result.stderr) for result in results]


def writes(cli: Cli, base: Path, **env: str) -> list[tuple[int, str, dict[str, bytes]]]:
    """Each write on a fresh copy of the tracked scenario: its exit code, its output and the files it left."""
    done = []
    for command in WRITES:
        data = Path(tempfile.mkdtemp(dir=base)) / "data"
        shutil.copytree(SCENARIOS / "tracked", data)
        result = cli(*command, "--data", str(data), env=env or None)
        assert result.exit_code == 0, result.stdout + result.stderr
        files = {str(path.relative_to(data)): path.read_bytes() for path in sorted(data.rglob("*.yaml"))}
        done.append((result.exit_code, result.stdout.replace(str(data), "DATA"), files))
    return done


def entries(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if not path.name.startswith(".")]


def forge(folder: Path, value: object, *, signed: bool) -> None:
    """Replace every entry with ``value``; ``signed``: tagged with the user's own key, as only the
    user's kehoach could (what a wrong shape from a bug, not an attack, would look like)."""
    secret = (folder / cache_module.KEY_FILE).read_bytes()
    for entry in entries(folder):
        payload = pickle.dumps(value)
        tag = cache_module._tag(secret, entry.name, payload) if signed else b"\0" * cache_module.TAG_SIZE
        entry.write_bytes(tag + payload)


def test_another_users_pickle_is_never_loaded(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    cold, cold_writes = answers(cli, tracked, KEHOACH_CACHE="off"), writes(cli, tmp_path, KEHOACH_CACHE="off")
    answers(cli, tracked)
    marker = tmp_path / "ran"
    forge(tmp_path / "cache", Payload(marker), signed=False)
    for warm in range(2):
        assert answers(cli, tracked) == cold, f"warm run {warm}"
        assert writes(cli, tmp_path) == cold_writes
    assert not marker.exists(), "a pickle the user's kehoach did not write was loaded"


def test_a_cache_folder_others_can_write_is_not_used(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    cold = answers(cli, tracked, KEHOACH_CACHE="off")
    answers(cli, tracked)
    folder = tmp_path / "cache"
    marker = tmp_path / "ran"
    forge(folder, Payload(marker), signed=True)  # the worst case: even entries that look the user's own
    folder.chmod(0o777)
    results = answers(cli, tracked)
    assert not marker.exists(), "an entry in a folder others can write was loaded"
    for (code, stdout, stderr), (cold_code, cold_stdout, _) in zip(results, cold, strict=True):
        assert (code, stdout) == (cold_code, cold_stdout)
        assert f"kehoach: không dùng bộ nhớ đệm {folder} (người dùng khác có quyền ghi vào thư mục)" in stderr
    assert writes(cli, tmp_path)[0][0] == 0
    assert not marker.exists()


def test_a_world_writable_entry_or_a_link_is_a_miss(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    cold = answers(cli, tracked, KEHOACH_CACHE="off")
    answers(cli, tracked)
    folder = tmp_path / "cache"
    marker = tmp_path / "ran"
    forge(folder, Payload(marker), signed=True)
    for number, entry in enumerate(entries(folder)):
        if number % 2:
            entry.chmod(0o666)
        else:
            elsewhere = tmp_path / f"elsewhere-{number}"
            entry.rename(elsewhere)
            entry.symlink_to(elsewhere)
    assert answers(cli, tracked) == cold
    assert not marker.exists()


@pytest.mark.parametrize("value", [None, 7, ("text",), ("text", "0"), {"a": 1}, date(2022, 1, 1), b"\x80"])
def test_entries_of_the_wrong_shape_are_ignored_and_rebuilt(
    cli: Cli, tracked: Path, tmp_path: Path, value: object
) -> None:
    cold, cold_writes = answers(cli, tracked, KEHOACH_CACHE="off"), writes(cli, tmp_path, KEHOACH_CACHE="off")
    answers(cli, tracked)
    forge(tmp_path / "cache", value, signed=True)
    assert answers(cli, tracked) == cold
    assert writes(cli, tmp_path) == cold_writes
    assert answers(cli, tracked) == cold  # and rebuilt: warm again, still the same


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root, to own a file as another user")
def test_entries_and_folders_owned_by_another_user_are_not_used(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    import pwd

    nobody = pwd.getpwnam("nobody").pw_uid
    cold = answers(cli, tracked, KEHOACH_CACHE="off")
    answers(cli, tracked)
    folder = tmp_path / "cache"
    marker = tmp_path / "ran"
    forge(folder, Payload(marker), signed=True)
    for entry in entries(folder):
        os.chown(entry, nobody, -1)
    assert answers(cli, tracked) == cold
    os.chown(folder, nobody, -1)
    results = answers(cli, tracked)
    assert [(code, out) for code, out, _ in results] == [(code, out) for code, out, _ in cold]
    assert all("thư mục thuộc về người dùng khác" in err for _, _, err in results)
    assert not marker.exists()


def test_a_cache_folder_is_created_private(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    answers(cli, tracked)
    folder = tmp_path / "cache"
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE((folder / cache_module.KEY_FILE).stat().st_mode) & 0o077 == 0
    assert all(stat.S_IMODE(entry.stat().st_mode) & 0o022 == 0 for entry in entries(folder))


# --- cache keys that follow other files: from the parsed file, never a text scan ---------------


def _block_at_column_0(text: str) -> str:
    return text.replace("successors: [huyen-ab]\n", "successors:\n- huyen-ab\n")


def _flow_continued_unindented(text: str) -> str:
    return text.replace("successors: [huyen-ab]\n", "successors: [\nhuyen-ab]\n")


def _quoted_key(text: str) -> str:
    return text.replace("successors: [huyen-ab]\n", '"successors": [huyen-ab]\n')


@pytest.mark.parametrize("style", [_block_at_column_0, _flow_continued_unindented, _quoted_key])
def test_a_successor_changed_however_it_is_written_is_seen_by_the_warm_validate(
    scenario: Callable[[str], Path], tmp_path: Path, style: Callable[[str], str]
) -> None:
    """The two predecessors of huyen-ab hand it their task II.1; once they name another successor,
    huyen-ab's record of II.1 is no longer its own: its unchanged file must be checked again."""
    data = scenario("reorg")
    predecessors = [data / "units" / f"{name}.yaml" for name in ("huyen-a", "huyen-b")]
    for path in predecessors:
        path.write_text(style(path.read_text(encoding="utf-8")), encoding="utf-8")
    env = {**os.environ, "KEHOACH_CACHE": str(tmp_path / "cache"), "KEHOACH_LANG": "en"}

    def validate(**extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "kehoach", "validate", "--data", str(data)]
        return subprocess.run(command, capture_output=True, text=True, env={**env, **extra}, timeout=60)

    assert validate().returncode == 0
    for path in predecessors:
        path.write_text(path.read_text(encoding="utf-8").replace("huyen-ab]", "r]").replace("- huyen-ab", "- r"))
    warm, cold = validate(), validate(KEHOACH_CACHE="off")
    assert "unit 'huyen-ab' is not assigned task II.1" in cold.stdout + cold.stderr
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)


def test_a_cache_copied_from_another_account_is_not_trusted(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    """A copy keeps the entries but not their key's secrecy: here, a fresh key makes every old tag
    wrong, as any key but the one that signed them would."""
    cold = answers(cli, tracked, KEHOACH_CACHE="off")
    answers(cli, tracked)
    folder = tmp_path / "cache"
    marker = tmp_path / "ran"
    forge(folder, Payload(marker), signed=True)
    (folder / cache_module.KEY_FILE).unlink()
    copied = tmp_path / "copied"
    shutil.copytree(folder, copied)
    assert answers(cli, tracked, KEHOACH_CACHE=str(copied)) == cold
    assert not marker.exists()
