"""Writing data files safely: one writer at a time, atomic replacement, never a half-written file.

Every write goes: take the data folder's lock → load and check everything → compute the new
text → check it parses to exactly the intended data → make sure the file did not change behind
the lock (an editor or ``git checkout`` ignores locks) → write a temporary file beside the target,
flush it to disk → replace the target in one rename. A crash at any point leaves the old file or
the new one, and no temporary file behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kehoach.errors import ExitCode, KehoachError
from kehoach.files.oserrors import SystemRefused, reason, write_refused
from kehoach.files.paths import shown
from kehoach.files.yamlio import BOM, Document
from kehoach.i18n import _

NEW_FILE_MODE = 0o644
"""A file kehoach creates (an exported calendar or report) is readable by others, as `>` makes it."""

LOCK_TIMEOUT = 60.0
"""Seconds to wait for another kehoach writing the same data folder (a batch script, say)."""


class WriteRefused(KehoachError):
    """Writing would be unsafe; nothing was written."""

    exit_code = ExitCode.REFUSED


def lock_path(root: Path) -> Path:
    """The lock lives outside the data folder (which may be a read-only or shared checkout)."""
    digest = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"kehoach-{digest}.lock"


@contextmanager
def locked(root: Path) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(root), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout:
        raise WriteRefused(
            _("một lệnh kehoach khác đang ghi dữ liệu ở {root} quá {seconds} giây; hãy thử lại").format(
                root=shown(root), seconds=int(LOCK_TIMEOUT)
            )
        ) from None
    except OSError as error:
        raise _lock_refused(lock_path(root), error) from None
    try:
        yield
    finally:
        lock.release()


def _lock_refused(lock: Path, error: OSError) -> SystemRefused:
    if error.errno in (errno.EACCES, errno.EPERM) and lock.exists():
        # A lock file another user's kehoach left in the shared temporary folder, which this user
        # may neither open nor remove (the folder is sticky).
        why = _(
            "tệp này do người dùng khác tạo ra; hãy nhờ người đó hoặc quản trị máy xóa nó khi không còn "
            "lệnh kehoach nào đang chạy"
        )
    else:
        why = reason(error, lock)
    return SystemRefused(_("không mở được tệp khóa {lock}: {reason}").format(lock=lock, reason=why))


def encoded(document: Document, text: str) -> bytes:
    """Text as the file's bytes: UTF-8, with the BOM back if the file had one."""
    return (BOM if document.bom else b"") + text.encode("utf-8")


def replace_text(document: Document, new_text: str) -> bytes:
    """Replace the document's file with ``new_text``, if it still holds what was loaded; the bytes written."""
    path = document.path
    if path.read_bytes() != encoded(document, document.text):
        raise WriteRefused(
            _("{path} đã bị sửa trong lúc kehoach làm việc; không ghi gì. Hãy chạy lại lệnh").format(path=shown(path))
        )
    data = encoded(document, new_text)
    write_atomically(path, data)
    return data


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, flush to disk, rename over it. Call with the lock held.

    Whatever fails (no permission, a read-only or full disk, the target a folder), the target keeps
    its old bytes and no temporary file is left; the operating system's refusal is raised as a
    sentence (:class:`~kehoach.files.oserrors.SystemRefused`)."""
    try:
        _remove_leftovers(path)
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else NEW_FILE_MODE
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise write_refused(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise write_refused(path, error) from None
        raise
    _sync_folder(path.parent)


def write_output(path: Path, data: bytes) -> None:
    """An export (a calendar, a report) to ``path``, written atomically as data files are.

    ``-o`` takes a regular file (replaced) or a path that does not exist yet (created); anything
    else is refused with a sentence and left untouched, ``/dev/null`` included: renaming over a
    device, a FIFO or a socket would replace the node with a regular file, and opening it to
    write into would hang on a FIFO with no reader. ``-o -`` (standard output) or a redirect
    (``> /dev/null``) is the way to a stream, and the sentence says so. The node's kind is taken
    from ``stat``, never from opening it. A symbolic link to a regular file (or to nothing yet) is
    followed: its target is written and the link stays a link, as ``>`` would do."""
    try:
        kind = os.stat(path).st_mode
    except FileNotFoundError:
        kind = None  # a new path, or a link to one
    except OSError as error:
        raise write_refused(path, error) from None
    if kind is not None and stat.S_ISDIR(kind):
        raise WriteRefused(
            _("không ghi ra {path}: đây là một thư mục, không phải tệp; hãy chỉ đường dẫn của một tệp").format(
                path=shown(path)
            )
        )
    if kind is not None and not stat.S_ISREG(kind):
        if stat.S_ISFIFO(kind):
            node = _("một FIFO (ống có tên)")
        elif stat.S_ISCHR(kind) or stat.S_ISBLK(kind):
            node = _("một thiết bị")
        else:
            node = _("một socket")
        raise WriteRefused(
            _(
                "không ghi ra {path}: đây là {node}, không phải tệp thường, và -o không thay nó bằng một tệp; "
                "hãy dùng -o - để ghi ra đầu ra chuẩn, hoặc chuyển hướng: > {path}"
            ).format(path=shown(path), node=node)
        )
    write_atomically(Path(os.path.realpath(path)) if path.is_symlink() else path, data)


def _remove_leftovers(path: Path) -> None:
    """Temporary files of a writer that was killed: under the lock, no live writer owns them."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        leftover.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the platform allows opening a folder."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
