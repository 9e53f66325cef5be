"""Where the data lives: found like git finds its repository. Light on imports (no models)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from kehoach.errors import DataNotFound, Problem
from kehoach.files.oserrors import SystemRefused, reason
from kehoach.files.paths import shown
from kehoach.i18n import _

PLAN_FILE = "plan.yaml"
UNITS_DIR = "units"
DATA_DIR = "data"
"""The folder a repository may keep its data in (else at its root: see :func:`find_data_dir`)."""
ENV_DATA = "KEHOACH_DATA"


def find_data_dir(explicit: Path | None, environ: Mapping[str, str], cwd: Path, option: str = "--data") -> Path:
    """``--data``, else ``$KEHOACH_DATA``, else the nearest data folder upwards from ``cwd``.

    A folder holds the data either in ``data/`` (``data/plan.yaml``, as in kehoach's own
    repository) or at its root (``plan.yaml`` beside a ``units/`` folder, as ``kehoach init``
    lays out a plan repository). The nearest folder that holds either wins; in one folder holding
    both, ``data/`` does, so that a checkout of kehoach keeps reading its shipped data and a
    stray ``plan.yaml`` at the root of such a checkout changes nothing. A ``plan.yaml`` without
    ``units/`` beside it is not taken for a data folder (another tool's file of that name).
    ``option``: what gave ``explicit``, for the message when it holds no plan."""
    if explicit is not None:
        return _checked(explicit, option)
    if environ.get(ENV_DATA):
        return _checked(Path(environ[ENV_DATA]), ENV_DATA)
    for folder in (cwd, *cwd.parents):
        if (folder / DATA_DIR / PLAN_FILE).is_file():
            return folder / DATA_DIR
        if (folder / PLAN_FILE).is_file() and (folder / UNITS_DIR).is_dir():
            return folder
    raise DataNotFound(
        _(
            "không tìm thấy thư mục dữ liệu: không có data/{plan}, cũng không có {plan} cùng thư mục "
            "{units}/, ở {cwd} hay thư mục cha nào. Hãy chạy lệnh trong kho dữ liệu (kehoach init tạo "
            "một kho mới), hoặc chỉ rõ bằng --data THƯ_MỤC hay biến môi trường {env}."
        ).format(plan=PLAN_FILE, units=UNITS_DIR, cwd=cwd, env=ENV_DATA)
    )


def _checked(folder: Path, source: str) -> Path:
    if not (folder / PLAN_FILE).is_file():
        raise DataNotFound(
            _("thư mục dữ liệu {folder} (từ {source}) không có tệp {plan}").format(
                folder=folder, source=source, plan=PLAN_FILE
            )
        )
    return folder


FILE_LIMIT = 16 * 1024 * 1024
"""Bytes a single data file may hold. The synthetic 10× province (``bench/bench.py --scale 10``:
2,500 units, 468,880 records) has no file above 0.2 MiB (its plan, 169 KB; a unit, 27 KB)."""
FOLDER_LIMIT = 256 * 1024 * 1024
"""Bytes a whole data folder may hold. The synthetic 10× province holds 57 MiB, a real one a tenth of it."""


def ignored(name: str) -> bool:
    """A name in ``units/`` that is no unit: hidden files (``.x``, macOS's ``._x``, Emacs's lock
    ``.#x``, vim's ``.x.swp``) and editors' backups (``x~``, ``#x#``, ``x.swp``)."""
    return name.startswith((".", "#")) or name.endswith(("~", "#", ".swp"))


def unit_files(root: Path) -> list[Path]:
    """The unit files' paths, by name: every ``*.yaml`` in ``units/`` that is not
    :func:`ignored`, whatever it is (a FIFO or a folder so named is refused when read)."""
    folder = root / UNITS_DIR
    return [folder / name for name in _names(folder) if name.endswith(".yaml")]


def misnamed_units(root: Path) -> list[Path]:
    """Files in ``units/`` that look like unit files but are not read as one (``x.yml``,
    ``x.YAML``): said, for a unit silently left out would be owed nothing."""
    folder = root / UNITS_DIR
    return [
        folder / name
        for name in _names(folder)
        if not name.endswith(".yaml") and name.lower().endswith((".yaml", ".yml"))
    ]


def _names(folder: Path) -> list[str]:
    """The names in ``folder`` that are not :func:`ignored`, sorted; none when there is no folder."""
    try:  # glob passes over a folder it may not list, which would read as a plan without units
        with os.scandir(folder) as entries:
            return sorted(entry.name for entry in entries if not ignored(entry.name))
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        raise SystemRefused(
            _("không đọc được thư mục {folder}: {reason}").format(folder=shown(folder), reason=reason(error, folder))
        ) from None


def data_files(root: Path) -> list[Path]:
    """Every file a data folder is made of: the plan first, then the units by name."""
    return [root / PLAN_FILE, *unit_files(root)]


def read_files(root: Path) -> tuple[dict[Path, bytes], list[Problem]]:
    """Every data file's bytes, read once; a file that cannot be read is a problem, not a crash.

    Only regular files are read (a symbolic link is followed to one): a FIFO, a device, a folder,
    a dangling link or a loop of links is a problem naming the file, and none is ever opened in a
    way that could wait. Each file is bounded by :data:`FILE_LIMIT`, the folder by :data:`FOLDER_LIMIT`."""
    raws: dict[Path, bytes] = {}
    problems: list[Problem] = []
    for path in misnamed_units(root):
        message = _("kehoach chỉ đọc tệp đơn vị tên *.yaml; hãy đổi tên tệp này thành {name}").format(
            name=path.stem + ".yaml"
        )
        problems.append(Problem(path, 1, 1, message, "file-name"))
    total = 0
    for path in data_files(root):
        try:
            raw = read_regular(path, min(FILE_LIMIT, FOLDER_LIMIT - total))
        except _Refused as refused:
            problems.append(Problem(path, 1, 1, refused.message, "io"))
            continue
        except OSError as error:
            message = _("không đọc được tệp: {error}").format(error=reason(error, path))
            problems.append(Problem(path, 1, 1, message, "io"))
            continue
        if raw is None:
            if FOLDER_LIMIT - total < FILE_LIMIT:
                message = _(
                    "thư mục dữ liệu vượt quá {limit} MiB tính đến tệp này; dữ liệu thật của một tỉnh nhỏ hơn "
                    "nhiều: hãy xem tệp nào lớn bất thường"
                ).format(limit=FOLDER_LIMIT // 2**20)
            else:
                message = _(
                    "tệp lớn hơn {limit} MiB; một tệp dữ liệu thật nhỏ hơn nhiều: hãy xem tệp có bị hỏng không"
                ).format(limit=FILE_LIMIT // 2**20)
            problems.append(Problem(path, 1, 1, message, "size"))
            continue
        total += len(raw)
        raws[path] = raw
    return raws, problems


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file, ``None`` if it holds more than ``limit``; anything else (a FIFO,
    a device, a folder, a dangling link or a loop of links) is refused before it is opened, and
    opened without blocking, so that one swapped in meanwhile cannot make kehoach wait."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise _Refused(
                _("liên kết tượng trưng trỏ tới tệp không tồn tại ({target}); hãy xóa hoặc sửa liên kết").format(
                    target=_target(path)
                )
            ) from None
        raise
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _Refused(_("liên kết tượng trưng lặp vòng; hãy xóa hoặc sửa liên kết")) from None
        raise
    _check_regular(status.st_mode)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(descriptor, "rb") as stream:
        _check_regular(os.fstat(descriptor).st_mode)  # the very file opened, not the one stat saw
        raw = stream.read(limit + 1)
    return None if len(raw) > limit else raw


def _check_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):  # worded as the operating system's refusal to read a folder always was
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
    raise _Refused(
        _(
            "đây không phải tệp thông thường (mà là {kind}); kehoach chỉ đọc tệp thông thường: hãy xóa hoặc "
            "chuyển nó ra chỗ khác"
        ).format(kind=_kind(mode))
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("một ống dẫn FIFO")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("một thiết bị")
    if stat.S_ISSOCK(mode):
        return _("một socket")
    return _("một tệp đặc biệt")


def _target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"
