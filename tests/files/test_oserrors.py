"""The operating system's refusals in the user's words: never its English ``strerror``."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conftest import Cli
from kehoach.errors import ExitCode
from kehoach.files.oserrors import reason, refused, write_refused

MET_BY_USERS = [
    errno.EACCES,
    errno.EPERM,
    errno.EROFS,
    errno.ENOSPC,
    errno.EDQUOT,
    errno.ENOENT,
    errno.ENOTDIR,
    errno.EISDIR,
    errno.ENAMETOOLONG,
    errno.EEXIST,
    errno.EBUSY,
    errno.EIO,
]


@pytest.mark.parametrize("number", MET_BY_USERS, ids=lambda number: errno.errorcode[number])
def test_every_errno_a_user_meets_has_its_own_sentence_with_what_to_do(number: int) -> None:
    error = OSError(number, os.strerror(number), "/srv/data/units/ban-a.yaml")
    text = reason(error, Path("/srv/data/units/ban-a.yaml"))
    assert os.strerror(number) not in text
    assert errno.errorcode[number] not in text
    assert "; hãy " in text  # what to do follows why


def test_the_words_name_the_folder_to_look_at() -> None:
    error = PermissionError(errno.EACCES, "Permission denied")
    assert reason(error, Path("/srv/data/units/ban-a.yaml")) == (
        "không có quyền truy cập; hãy kiểm tra quyền đọc, ghi của nó và của thư mục /srv/data/units "
        "(ls -la /srv/data/units) hoặc dùng tài khoản có quyền"
    )
    full = write_refused(Path("/srv/data/units/ban-a.yaml"), OSError(errno.ENOSPC, "No space left on device"))
    assert (
        str(full)
        == "không ghi được /srv/data/units/ban-a.yaml: ổ đĩa đã đầy; hãy giải phóng dung lượng đĩa rồi chạy lại"
    )
    assert full.exit_code is ExitCode.SYSTEM


def test_another_errno_is_named_by_its_symbol_never_by_its_english_text() -> None:
    error = OSError(errno.EXDEV, "Invalid cross-device link", "/mnt/x")
    assert str(refused(error)) == "hệ điều hành từ chối truy cập /mnt/x: lỗi hệ thống EXDEV"
    assert reason(OSError("disk on fire"), Path("x")) == "lỗi hệ thống OSError"


def test_a_units_folder_that_cannot_be_listed_is_said_not_taken_for_an_empty_one(
    cli: Cli, minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.scandir
    units = minimal / "units"

    def refusing(path: object = ".") -> object:
        if Path(str(path)) == units:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refusing)
    result = cli("tasks", "--data", str(minimal))
    assert (result.exit_code, result.stdout) == (5, "")
    assert result.stderr == (
        f"lỗi: không đọc được thư mục {units}: không có quyền truy cập; hãy kiểm tra quyền đọc, ghi của nó "
        f"và của thư mục {minimal} (ls -la {minimal}) hoặc dùng tài khoản có quyền\n"
    )


def test_a_refusal_nothing_else_explained_is_still_a_sentence(
    cli: Cli, minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI's last resort: an OSError no read or write of kehoach's own turned into words."""
    from kehoach.files import datadir

    def refusing(*args: object) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/data/plan.yaml")

    monkeypatch.setattr(datadir, "find_data_dir", refusing)
    result = cli("tasks", "--data", str(minimal))
    assert (result.exit_code, result.stdout) == (5, "")
    assert result.stderr.startswith("lỗi: hệ điều hành từ chối truy cập /srv/data/plan.yaml: không có quyền truy cập")
    assert "Permission denied" not in result.stderr
