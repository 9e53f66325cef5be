"""The data folder's write lock: one lock per folder, however the folder is reached.

Where it lives: ``DATA/.kehoach/lock``, inside the data folder itself. Every path to the folder (a
relative path, a symbolic link, a bind mount, an NFS mount from another machine) leads to the
same directory, so to the same lock file; a name derived from a path string (the resolved path,
hashed into ``/tmp``) gave a bind mount, another ``$TMPDIR`` or another machine a lock of its
own, and concurrent writers then lost records. Only the folder's own writers reach it: another
user cannot create it first in a shared ``/tmp`` and block every write. The data folder's git
directory was the other candidate, but it is found by walking up a path, and a bind mount of the
data folder alone has no ``.git`` above it.

``DATA/.kehoach/`` holds a ``.gitignore`` of ``*`` (as ``.pytest_cache`` does), so git ignores the
folder wherever the data lives, without touching the repository's own ``.gitignore``; kehoach reads
only ``plan.yaml`` and ``units/``, so the folder is no data to it. The folder takes the data
folder's permissions and the lock file is created readable by all (it holds nothing): a group
that shares a data folder shares its lock, and ``flock`` needs only a descriptor open for
reading, so another writer's lock file serves as well as one's own.

How: ``flock`` on an open descriptor, which locks the file (the inode), not the name, and is
released by the kernel when the process ends, however it ends: no stale lock after a crash or a
kill. Waiting is bounded (:data:`LOCK_TIMEOUT`), then refused in a sentence. On NFS, Linux maps
``flock`` onto the server's byte-range locks, so writers on two machines exclude each other too.

The lock file is never removed. Removing it on release races: a waiter that opened the old file
gets the lock on an inode no longer reachable by name while a newcomer creates and locks a new
one, and two writers run at once. If something else removes or replaces it (``git clean -x``, a
user) while a writer waits, the waiter notices after taking the lock (the name no longer leads to
its inode) and locks the file now there instead.

When the lock cannot be opened: if this user can create no file in the data folder nor in
``units/`` (a read-only disk, a folder of another user), no write of theirs can succeed either, so
there is nothing to exclude and the write goes on to be refused with its own sentence, naming
the file it could not write. Otherwise the lock's refusal is the sentence: a lock file another
user made unreadable, say.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kehoach.files.datadir import UNITS_DIR
from kehoach.files.oserrors import SystemRefused, reason
from kehoach.files.paths import shown
from kehoach.files.storage import WriteRefused
from kehoach.i18n import _

LOCK_FOLDER = ".kehoach"
LOCK_FILE = "lock"
IGNORE_ALL = b"# kehoach's write lock (see kehoach's README): nothing here belongs in version control\n*\n"

LOCK_TIMEOUT = 60.0
"""Seconds to wait for another kehoach writing the same data folder (a batch script, say)."""
POLL = 0.05
"""Seconds between two tries while another writer holds the lock."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # a link planted at the lock's name is refused, not followed


def lock_path(root: Path) -> Path:
    """The data folder's lock file: inside the folder, so the same file by every path to it."""
    return root / LOCK_FOLDER / LOCK_FILE


@contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the data folder's write lock (see the module's docstring), waiting up to :data:`LOCK_TIMEOUT`."""
    if sys.platform == "win32":  # no flock: filelock's msvcrt lock, at the same place
        with _windows_locked(root):
            yield
        return
    lock = lock_path(root)
    try:
        descriptor: int | None = _take(lock, root)
    except OSError as error:
        if _writable(root) or _writable(root / UNITS_DIR):
            raise _lock_refused(lock, error) from None
        descriptor = None  # nothing can be written here by this user; the write itself will say so
    try:
        yield
    finally:
        if descriptor is not None:
            os.close(descriptor)  # releases the flock; the file stays (see the module's docstring)


def _take(lock: Path, root: Path) -> int:
    import fcntl

    deadline = time.monotonic() + LOCK_TIMEOUT
    told = False
    while True:
        descriptor = _open(lock, root)
        try:
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise _too_long(root) from None
                    if not told:
                        _say_waiting(root)
                        told = True
                    time.sleep(POLL)
            if _still_named(descriptor, lock):
                return descriptor
        except BaseException:
            os.close(descriptor)
            raise
        os.close(descriptor)  # removed or replaced while we waited: lock the file its name leads to now


def _say_waiting(root: Path) -> None:
    """Tell the user, once, why nothing happens: another writer holds the lock, and this one may
    wait up to a minute. On standard error, so an answer on standard output stays the answer alone."""
    message = _("đang chờ một lệnh kehoach khác ghi xong dữ liệu ở {root} (tối đa {seconds} giây)…")
    sys.stderr.write(message.format(root=shown(root), seconds=int(LOCK_TIMEOUT)) + "\n")
    sys.stderr.flush()


def _open(lock: Path, root: Path) -> int:
    folder = lock.parent
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    else:
        # The data folder's own permissions: whoever may write the data may reach its lock.
        os.chmod(folder, stat.S_IMODE(os.stat(root).st_mode) & (0o777 | stat.S_ISGID))
    _ignore_in_git(folder)
    try:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
    except FileExistsError:
        pass
    else:
        os.fchmod(descriptor, 0o644)  # whatever the umask: other writers open it to lock it
        return descriptor
    try:
        return os.open(lock, os.O_RDWR | _NOFOLLOW)
    except PermissionError as refused:
        try:  # another writer's lock file, read-only to us: flock needs no write access
            return os.open(lock, os.O_RDONLY | _NOFOLLOW)
        except OSError:
            raise refused from None


def _ignore_in_git(folder: Path) -> None:
    """A ``.gitignore`` of ``*`` in the lock's folder, if it has none (first use, or a first writer killed)."""
    try:
        descriptor = os.open(folder / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
    except OSError:
        return  # there already, or not ours to write: the lock works all the same
    try:
        os.write(descriptor, IGNORE_ALL)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _still_named(descriptor: int, lock: Path) -> bool:
    try:
        named = os.lstat(lock)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _writable(folder: Path) -> bool:
    """This user may create a file in ``folder`` (what a write's temporary file needs)."""
    effective = os.access in os.supports_effective_ids
    return os.access(folder, os.W_OK | os.X_OK, effective_ids=effective)


def _too_long(root: Path) -> WriteRefused:
    return WriteRefused(
        _("một lệnh kehoach khác đang ghi dữ liệu ở {root} quá {seconds} giây; hãy thử lại").format(
            root=shown(root), seconds=int(LOCK_TIMEOUT)
        )
    )


def _lock_refused(lock: Path, error: OSError) -> SystemRefused:
    if error.errno in (errno.EACCES, errno.EPERM) and os.path.lexists(lock):
        # kehoach creates it readable by all; someone changed its mode (or made it first, by hand), and
        # this user can neither open it nor lock it. Waiting would not help: say who can fix it.
        why = _(
            "tệp không cho người dùng này đọc; hãy nhờ chủ của tệp hoặc quản trị máy cho mọi người đọc nó "
            "(chmod a+r {lock})"
        ).format(lock=shown(lock))
    else:
        # The folder to look at is the lock's own, or the data folder when that could not be made.
        why = reason(error, lock if lock.parent.is_dir() else lock.parent)
    return SystemRefused(_("không mở được tệp khóa {lock}: {reason}").format(lock=shown(lock), reason=why))


@contextmanager
def _windows_locked(root: Path) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = lock_path(root)
    try:
        lock.parent.mkdir(exist_ok=True)
        _ignore_in_git(lock.parent)
        held = FileLock(lock, timeout=LOCK_TIMEOUT)
        held.acquire()
    except Timeout:
        raise _too_long(root) from None
    except OSError as error:
        raise _lock_refused(lock, error) from None
    try:
        yield
    finally:
        held.release()
