"""Writing data files safely: one writer at a time, atomic replacement, never a half-written file.

Every write goes: take the data folder's lock → load and check everything → compute the new
text → check it parses to exactly the intended data → make sure the file did not change behind
the lock (an editor or ``git checkout`` ignores locks) → write a temporary file beside the target,
flush it to disk → put it in the target's place in one step. A crash at any point leaves the old
file or the new one (and maybe a temporary file, which the next write removes under the lock).

**Compare and swap.** Checking the file and then renaming over it leaves an instant between the
two in which an editor's save would be replaced, and lost, while ``done`` reports success. On
Linux the last step is therefore ``renameat2(RENAME_EXCHANGE)`` (called through ctypes; Python has
no binding): the new file and the target trade names atomically, and the file swapped out, now at
the temporary name, is compared byte for byte with what was read under the lock. Equal: it was
the old file, and it is removed. Different (an editor saved, by renaming a new file over the old
one or by rewriting it): the two are exchanged back, so the target holds the editor's bytes, the
temporary file with kehoach's is removed, and the write is refused (:class:`WriteRefused`). What
remains: an editor that opened the old file before the swap and writes into it after the
comparison writes into a file no name points to any more; and an editor's save after the swap
replaces the new record, as any later save would.

**Fallback.** Where there is no atomic exchange (another system, a C library before glibc 2.28,
or a file system answering EINVAL/ENOSYS/EOPNOTSUPP, as some network and FUSE ones do), the file
is compared once more right before an ordinary rename over it. The guarantee is then the older
one: an edit saved before that comparison is kept and the write refused; one saved in the
microseconds between the comparison and the rename is lost. kehoach knows which happened only in
the first case.

**Links.** A symbolic link is written through, as a shell's ``>`` would: the path is resolved, the
temporary file is made beside the link's target and swapped in there, and the link stays a link
(renaming over the link would have turned it into a plain copy, cutting it off from its target).

:func:`_before_swap` is the test seam at the instant before the swap.

The lock is :mod:`kehoach.files.lock`'s.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from kehoach.errors import ExitCode, KehoachError
from kehoach.files.oserrors import SystemRefused, reason, write_refused
from kehoach.files.paths import shown
from kehoach.files.yamlio import BOM, Document
from kehoach.i18n import _

NEW_FILE_MODE = 0o644
"""A file kehoach creates (an exported calendar or report) is readable by others, as `>` makes it."""


class WriteRefused(KehoachError):
    """Writing would be unsafe; nothing was written."""

    exit_code = ExitCode.REFUSED


def encoded(document: Document, text: str) -> bytes:
    """Text as the file's bytes: UTF-8, with the BOM back if the file had one."""
    return (BOM if document.bom else b"") + text.encode("utf-8")


def replace_text(document: Document, new_text: str) -> bytes:
    """Replace the document's file with ``new_text``, if it still holds what was loaded; the bytes written.

    The early comparison refuses a file changed since it was read before anything is written; the
    one that decides is made by :func:`write_atomically` after the swap (see the module docstring)."""
    path = document.path
    loaded = encoded(document, document.text)
    try:
        current = path.read_bytes()
    except OSError as error:
        raise write_refused(path, error) from None
    if current != loaded:
        raise _changed(path)
    data = encoded(document, new_text)
    write_atomically(path, data, expected=loaded)
    return data


def _changed(path: Path) -> WriteRefused:
    return WriteRefused(
        _("{path} đã bị sửa trong lúc kehoach làm việc; không ghi gì. Hãy chạy lại lệnh").format(path=shown(path))
    )


def write_atomically(path: Path, data: bytes, *, expected: bytes | None = None) -> None:
    """Write beside the target, flush to disk, put it in the target's place. Call with the lock held.

    With ``expected`` (the bytes the caller read under the lock), the file is replaced only if it
    still holds exactly those bytes, proved after an atomic exchange (module docstring); otherwise
    :class:`WriteRefused` and the file holds what the other program wrote. A symbolic link is
    written through: its target gets the new bytes, the link stays a link. Whatever fails (no
    permission, a read-only or full disk, the target a folder), the target keeps its old bytes and
    no temporary file is left; the operating system's refusal is raised as a sentence
    (:class:`~kehoach.files.oserrors.SystemRefused`)."""
    try:
        target = Path(os.path.realpath(path))
        _remove_leftovers(target)
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else NEW_FILE_MODE
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise write_refused(path, error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if expected is None:
            os.replace(temporary, target)
        else:
            _swap_in(path, Path(temporary), target, expected)
    except BaseException as error:
        if not isinstance(error, _Stranded):
            Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise write_refused(path, error) from None
        raise
    # After an exchange the old file is at the temporary name. The new one is in place whatever
    # happens now: were this removal refused, the next write would remove it as a leftover.
    with contextlib.suppress(OSError):
        Path(temporary).unlink(missing_ok=True)
    _sync_folder(target.parent)


def _before_swap(target: Path) -> None:
    """Test seam: called right before the new file takes the target's place (after the last look at
    the target that precedes it). A test makes an editor save here; kehoach itself does nothing."""


def _swap_in(path: Path, temporary: Path, target: Path, expected: bytes) -> None:
    """Put ``temporary`` in ``target``'s place if ``target`` holds ``expected``; else refuse, leaving it.

    On return, ``temporary`` names the file that was swapped out (the caller removes it); on a
    refusal it names the new bytes again, which the caller removes too."""
    _before_swap(target)
    try:
        _exchange(temporary, target)
    except OSError as error:
        if error.errno not in _NO_EXCHANGE:
            raise
        # No atomic exchange here: check as late as possible, then rename (module docstring).
        if _regular_bytes(target) != expected:
            raise _changed(path) from None
        os.replace(temporary, target)
        return
    try:
        kept = _regular_bytes(temporary) == expected
    except BaseException:
        _swap_back(path, temporary, target)
        raise
    if not kept:
        _swap_back(path, temporary, target)
        raise _changed(path)


def _swap_back(path: Path, temporary: Path, target: Path) -> None:
    """Give the target back what was swapped out of it: the other program's bytes win."""
    try:
        _exchange(temporary, target)
    except OSError as error:
        # The other version is at the temporary name, which the caller would remove, and the next
        # write would remove as a leftover: move it to a name neither touches, and say where it is.
        kept = temporary.with_name(temporary.name.removesuffix(".tmp") + ".kept")
        try:
            os.replace(temporary, kept)
        except OSError:
            kept = temporary
        raise _Stranded(
            _(
                "không đặt lại được {path} ({reason}); bản mà chương trình khác vừa lưu nằm ở {kept}: "
                "hãy xem nó rồi chép về {path}"
            ).format(path=shown(path), reason=reason(error, target), kept=shown(kept))
        ) from None


class _Stranded(SystemRefused):
    """The other program's bytes could not be put back; they are at a name the message gives,
    which must not be removed."""


def _regular_bytes(path: Path) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not followed through a link); else None.
    Opened without blocking: a FIFO put in the file's place must not hang the write."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EISDIR, errno.ENOENT, errno.ENXIO):
            return None
        raise
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            return None
        return stream.read()


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100  # linux/fcntl.h
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}
"""What ``renameat2`` answers where the system or the file system has no atomic exchange."""


def _exchange(first: Path, second: Path) -> None:
    """Swap the two names in one step (Linux ``renameat2(RENAME_EXCHANGE)``); ``ENOSYS`` elsewhere."""
    function = _renameat2()
    if function is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available", str(first))
    import ctypes

    if function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


@functools.cache
def _renameat2() -> Any:
    """The C library's ``renameat2`` (glibc 2.28+, musl 1.1.24+), or None (another system, an older C
    library). Looked up on the first write only: reading commands never load ctypes."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


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
