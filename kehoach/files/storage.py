"""Writing data files safely: one writer at a time, atomic replacement, never a half-written file.

Every write goes: take the data folder's lock → load and check everything → compute the new
text → check it parses to exactly the intended data → make sure the file did not change behind
the lock (an editor or ``git checkout`` ignores locks) → write a temporary file beside the target,
flush it to disk → replace the target in one rename. A crash at any point leaves the old file or
the new one, and no temporary file behind. The lock is :mod:`kehoach.files.lock`'s.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from kehoach.errors import ExitCode, KehoachError
from kehoach.files.oserrors import write_refused
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


def write_output(path: Path, data: bytes) -> bool:
    """An export (a calendar, a report) to ``path``: a file is written atomically; a device or a pipe
    (``/dev/null``, ``/dev/stdout``, a FIFO) is written into, as ``>`` would, because renaming over
    it would replace the device with a file, and a stream holds no old content to keep. True when
    a file was written, False for a stream."""
    try:
        stream = path.exists() and not (path.is_file() or path.is_dir())
        if stream:
            with path.open("wb") as target:
                target.write(data)
    except OSError as error:
        raise write_refused(path, error) from None
    if not stream:
        write_atomically(path, data)
    return not stream


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
