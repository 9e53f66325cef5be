"""A write never loses an edit saved at the same moment, and keeps the file's shape.

An editor (or ``git checkout``) ignores kehoach's lock. kehoach swaps its new file in with an
atomic exchange and then checks that what it swapped out is exactly what it read; if not, it swaps
back and refuses. The instant before the swap is :func:`kehoach.files.storage._before_swap`, the
one seam there is: the tests make an editor save at it.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Cli
from kehoach.files import storage

DONE = ["done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "--evidence", "Báo cáo số 1-BC"]
EDITOR = "# saved by an editor at that very moment\n"


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def save_by_rename(path: Path, data: bytes) -> None:
    """How most editors save: a new file renamed over the old one."""
    aside = path.with_name(".editor-save")
    aside.write_bytes(data)
    os.replace(aside, path)


def save_in_place(path: Path, data: bytes) -> None:
    """How some editors save (vim's backupcopy=yes, many IDEs): the old file truncated and rewritten."""
    with path.open("r+b") as stream:
        stream.truncate(0)
        stream.write(data)


def editor_saves_before_the_swap(monkeypatch: pytest.MonkeyPatch, path: Path, save: object) -> bytes:
    """At the instant before kehoach's swap, an editor saves ``path`` with a line of its own."""
    saved = path.read_bytes() + EDITOR.encode()

    def meanwhile(target: Path) -> None:
        save(path, saved)  # type: ignore[operator]

    monkeypatch.setattr(storage, "_before_swap", meanwhile)
    return saved


def without_exchange(monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(first: Path, second: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(storage, "_exchange", unsupported)


@pytest.mark.parametrize("save", [save_by_rename, save_in_place], ids=["rename", "in-place"])
def test_an_edit_saved_right_before_the_swap_is_kept_and_done_refuses(
    cli: Cli, tracked: Path, monkeypatch: pytest.MonkeyPatch, save: object
) -> None:
    path = tracked / "units/ban-a.yaml"
    saved = editor_saves_before_the_swap(monkeypatch, path, save)
    result = cli(*DONE, "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == f"lỗi: {path} đã bị sửa trong lúc kehoach làm việc; không ghi gì. Hãy chạy lại lệnh\n"
    assert path.read_bytes() == saved
    assert names(path.parent) == ["ban-a.yaml", "huyen-b.yaml"]


def test_without_an_atomic_exchange_an_edit_saved_before_the_last_check_is_kept(
    cli: Cli, tracked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback (no RENAME_EXCHANGE) checks after the seam, right before its rename."""
    without_exchange(monkeypatch)
    path = tracked / "units/ban-a.yaml"
    saved = editor_saves_before_the_swap(monkeypatch, path, save_by_rename)
    result = cli(*DONE, "--data", str(tracked))
    assert (result.exit_code, "đã bị sửa" in result.stderr) == (4, True)
    assert path.read_bytes() == saved
    assert names(path.parent) == ["ban-a.yaml", "huyen-b.yaml"]


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "fallback"])
def test_without_interference_the_record_lands(
    cli: Cli, tracked: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        without_exchange(monkeypatch)
    path = tracked / "units/ban-a.yaml"
    before = path.read_bytes()
    assert cli(*DONE, "--data", str(tracked)).exit_code == 0
    after = path.read_bytes()
    assert after.startswith(before.rstrip(b"\n")) and b"evidence: " in after[len(before) :]
    assert "Báo cáo số 1-BC" in cli("history", "--data", str(tracked)).stdout
    assert names(path.parent) == ["ban-a.yaml", "huyen-b.yaml"]


def test_when_the_swap_back_fails_the_other_version_is_kept_and_named(
    cli: Cli, tracked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two faults at once: an editor saves at the instant, and the swap back is refused."""
    path = tracked / "units/ban-a.yaml"
    saved = editor_saves_before_the_swap(monkeypatch, path, save_by_rename)
    real, calls = storage._exchange, []

    def second_refused(first: Path, second: Path) -> None:
        calls.append(first)
        if len(calls) > 1:
            raise OSError(errno.EIO, "Input/output error")
        real(first, second)

    monkeypatch.setattr(storage, "_exchange", second_refused)
    result = cli(*DONE, "--data", str(tracked))
    kept = [name for name in names(path.parent) if name.endswith(".kept")]
    assert result.exit_code == 5 and len(kept) == 1
    assert result.stderr.startswith(f"lỗi: không đặt lại được {path} (lỗi đọc ghi của ổ đĩa;")
    assert f"nằm ở {path.parent / kept[0]}" in result.stderr
    assert (path.parent / kept[0]).read_bytes() == saved
    assert not any(name.endswith(".tmp") for name in names(path.parent))


def test_a_unit_file_that_is_a_link_is_written_through(cli: Cli, tracked: Path, tmp_path: Path) -> None:
    """The record goes into the link's target, written beside it; the link stays a link."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tracked / "units/ban-a.yaml"
    target = elsewhere / "ban-a.yaml"
    os.replace(link, target)
    link.symlink_to(os.path.relpath(target, link.parent))
    before = target.read_bytes()
    result = cli(*DONE, "--data", str(tracked))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes().startswith(before.rstrip(b"\n")) and "Báo cáo số 1-BC".encode() in target.read_bytes()
    assert names(elsewhere) == ["ban-a.yaml"]
    assert names(link.parent) == ["ban-a.yaml", "huyen-b.yaml"]
    assert cli("validate", "--data", str(tracked)).exit_code == 0


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_two_records_in_a_row_keep_the_files_line_endings(cli: Cli, tracked: Path, newline: str) -> None:
    path = tracked / "units/ban-a.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", newline.encode()))
    for year in (2022, 2023):
        args = ["done", "II.2", "--unit", "ban-a", "--period", str(year), "--on", f"{year}-12-20"]
        result = cli(*args, "--as-of", "2024-01-05", "-e", f"BC {year}", "--data", str(tracked))
        assert result.exit_code == 0, result.stderr
    data = path.read_bytes()
    lines = data.split(newline.encode())
    assert [line for line in lines if b"\r" in line or b"\n" in line] == []  # no other line break anywhere
    assert lines[-1] == b"" and len(lines) > 12
    assert cli("validate", "--data", str(tracked)).exit_code == 0
    history = cli("history", "--data", str(tracked)).stdout
    assert "BC 2022" in history and "BC 2023" in history


def test_a_refused_read_after_the_swap_puts_the_old_file_back(
    cli: Cli, tracked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What was swapped out cannot be read (a failing disk): nothing is proved, so nothing is kept."""
    path = tracked / "units/ban-a.yaml"
    before = path.read_bytes()
    real = storage._regular_bytes

    def failing(where: Path) -> bytes | None:
        if where.name.endswith(".tmp"):
            raise OSError(errno.EIO, "Input/output error")
        return real(where)

    monkeypatch.setattr(storage, "_regular_bytes", failing)
    result = cli(*DONE, "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (5, "")
    assert result.stderr.startswith(f"lỗi: không ghi được {path}: lỗi đọc ghi của ổ đĩa;")
    assert path.read_bytes() == before
    assert names(path.parent) == ["ban-a.yaml", "huyen-b.yaml"]


def test_a_fifo_put_in_the_files_place_does_not_hang_the_write(tracked: Path) -> None:
    """In a process of its own with a timeout: were the swapped-out FIFO opened blocking, it would hang."""
    path = tracked / "units/ban-a.yaml"
    script = (
        "import os, sys; from pathlib import Path; import kehoach.files.storage as s;"
        f"p = Path({str(path)!r}); s._before_swap = lambda target: (p.unlink(), os.mkfifo(p));"
        "from kehoach.cli import main; sys.argv = ['kehoach'] + sys.argv[1:]; main()"
    )
    environment = {**os.environ, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi"}
    result = subprocess.run(
        [sys.executable, "-c", script, *DONE, "--data", str(tracked)],
        capture_output=True,
        text=True,
        timeout=20,
        env=environment,
    )
    assert (result.returncode, "đã bị sửa" in result.stderr, "Traceback" in result.stderr) == (4, True, False)
    assert path.is_fifo()
    assert names(path.parent) == ["ban-a.yaml", "huyen-b.yaml"]
