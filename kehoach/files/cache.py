"""A cache of work already done, keyed by the content it was done on. Never a source of truth.

Two kinds of entry, each a pickle in the cache folder, named by a SHA-256 over everything the
value depends on, kehoach's own source code included:

* a data file's validated model, keyed by the file's bytes (the plan's, and a unit file's that
  the lean reader declined: kehoach.files.lean reads one again about as fast as it unpickles): a
  file edited by hand, checked out from another commit or restored from a backup has other bytes,
  so it is read afresh;
* a whole data folder's "checked, no problems" mark, its units' marks and lineages (one entry
  each per folder, see kehoach.files.load.CheckMarks), and a read-only command's output, keyed by
  every file's name and bytes, the command's arguments and the day it is run for.

So an entry can be missing or old, never wrong. A cache entry that cannot be read (corrupt,
written by another version, not ours, of an unexpected type) counts as missing. The folder is
``$KEHOACH_CACHE``, else ``$XDG_CACHE_HOME/kehoach``, else ``~/.cache/kehoach``.
``KEHOACH_CACHE=off`` turns caching off. When the folder cannot be written (a read-only home),
kehoach works the same, only slower.

Unpickling runs code, so an entry is unpickled only when it is provably the user's own:

* the folder must be the user's and writable by no one else (else the cache is not used at all,
  and :attr:`Cache.refused` says why, for the command line to tell the user once);
* an entry must be a regular file (not a link), the user's, writable by no one else;
* an entry carries an HMAC-SHA256 tag, over its name and its bytes, made with a secret key of 32
  random bytes kept in the folder (``.key``, readable by the user alone). An entry whose tag does
  not match (written by anyone or anything without the key, or renamed) is a miss.

Why HMAC and pickle rather than a plain-data format: the validated models are what makes a warm
run fast, and rebuilding them from JSON costs most of what validating them does. The checks of
ownership keep other users out; the tag keeps out whatever reached the folder without the key
(a copied cache folder, a restored backup made by another account, a stray file).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
import stat
import sys
import tempfile
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from kehoach.i18n import _

ENV_CACHE = "KEHOACH_CACHE"
KEY_FILE = ".key"
TAG_SIZE = hashlib.sha256().digest_size
T = TypeVar("T")


class Cache:
    def __init__(self, folder: Path | None) -> None:
        self.refused: str | None = None
        """Why a folder that was asked for is not used (another user's, writable by others)."""
        self.folder = self.refused_folder = folder
        self._key: bytes | None = None
        if folder is not None and (why := _unsafe_folder(folder)) is not None:
            self.folder, self.refused = None, why

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> Cache:
        chosen = environ.get(ENV_CACHE)
        if chosen == "off":
            return cls(None)
        if chosen:
            return cls(Path(chosen))
        base = Path(environ["XDG_CACHE_HOME"]) if environ.get("XDG_CACHE_HOME") else Path.home() / ".cache"
        return cls(base / "kehoach")

    def get(self, key: str, kind: type[T]) -> T | None:
        """The value stored under ``key`` if there is one, it can be read and it is a ``kind``."""
        stored = self.get_bytes(key)
        value = None if stored is None else decode(stored)
        return value if isinstance(value, kind) else None

    def get_bytes(self, key: str) -> bytes | None:
        """The entry under ``key``, authenticated, to :func:`decode` later; ``None`` when there is
        none that is provably the user's own."""
        if self.folder is None or (secret := self._secret(create=False)) is None:
            return None  # no key yet (a cache never written): no entry can be the user's own
        entry = _read_owned(self.folder / key)
        if entry is None or len(entry) < TAG_SIZE:
            return None
        tag, payload = entry[:TAG_SIZE], entry[TAG_SIZE:]
        return payload if hmac.compare_digest(tag, _tag(secret, key, payload)) else None

    def put(self, key: str, value: Any) -> None:
        """Store atomically; a folder that cannot be written just means no caching."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            secret = self._secret(create=True)
            if secret is None:
                return
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                stream.write(_tag(secret, key, payload) + payload)
            os.replace(temporary, self.folder / key)
        except OSError:
            Path(temporary).unlink(missing_ok=True)  # a full disk leaves no half-written entry behind

    def _secret(self, *, create: bool) -> bytes | None:
        """The folder's secret key, read once; made (atomically, by whichever process is first)
        when ``create`` and there is none. ``None`` when there is none usable."""
        if self._key is None and self.folder is not None:
            path = self.folder / KEY_FILE
            found = _read_owned(path, private=True)
            if found is None and create and not os.path.lexists(path):
                found = _new_secret(path)
            self._key = found if found is not None and len(found) == TAG_SIZE else None
        return self._key


def _tag(secret: bytes, key: str, payload: bytes) -> bytes:
    # The entry's name is signed too: an entry renamed to another key is not that key's answer.
    return hmac.new(secret, key.encode() + b"\0" + payload, hashlib.sha256).digest()


def _new_secret(path: Path) -> bytes | None:
    """Write a new key beside ``path`` and link it into place: two processes racing both end
    up with the one that was linked first."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError:
        return None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(secrets.token_bytes(TAG_SIZE))
        with contextlib.suppress(FileExistsError):  # another process was first: use its key
            os.link(temporary, path)
    except OSError:
        return None
    finally:
        Path(temporary).unlink(missing_ok=True)
    return _read_owned(path, private=True)


def _owner_mismatch(status: os.stat_result) -> bool:
    """Another user's (where the platform has users; root reads root's own)."""
    return hasattr(os, "geteuid") and status.st_uid != os.geteuid()


def _unsafe_folder(folder: Path) -> str | None:
    """Why ``folder`` must not be used as the cache, which someone else could write; ``None`` when
    it is the user's alone, or does not exist yet (then it is created private to the user), or
    cannot be used at all (not a folder, not reachable: every entry is then a miss, and nothing
    is stored, which needs no warning: kehoach is only slower)."""
    try:
        status = folder.stat()
    except OSError:
        return None
    if not stat.S_ISDIR(status.st_mode):
        return None
    if _owner_mismatch(status):
        return _("thư mục thuộc về người dùng khác")
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return _("người dùng khác có quyền ghi vào thư mục")
    return None


def _read_owned(path: Path, *, private: bool = False) -> bytes | None:
    """A regular file's bytes, if it is the user's and no one else may write it (``private``: nor
    read it); never following a link, never waiting on a FIFO."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        forbidden = (stat.S_IRWXG | stat.S_IRWXO) if private else (stat.S_IWGRP | stat.S_IWOTH)
        if not stat.S_ISREG(status.st_mode) or _owner_mismatch(status) or status.st_mode & forbidden:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read()
    except OSError:
        return None
    finally:
        os.close(descriptor)


def decode(stored: bytes) -> Any:
    """An authenticated entry's value; ``None`` when it cannot be read (truncated, from another
    version): a miss, never an error."""
    try:
        return pickle.loads(stored)
    except Exception:
        return None


def digest(*parts: bytes | str) -> str:
    """A key: SHA-256 over kehoach's code fingerprint and the given parts, each length-prefixed."""
    hasher = hashlib.sha256(fingerprint().encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big") + data)
    return hasher.hexdigest()


def content_digest(files: Iterable[tuple[str, bytes]]) -> str:
    """One key for a set of named files (the names matter: a unit's id is its file's name)."""
    return digest(*(part for name, data in files for part in (name, file_digest(data))))


@cache
def file_digest(data: bytes) -> str:
    """SHA-256 of a file's bytes, computed once per run: one run builds several keys from each file."""
    return hashlib.sha256(data).hexdigest()


@cache
def fingerprint() -> str:
    """Changes whenever kehoach's code or the Python running it changes: old entries stop matching."""
    hasher = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parents[1]  # the whole kehoach package
    for source in sorted([*package.rglob("*.py"), *package.rglob("*.mo")]):
        hasher.update(source.relative_to(package).as_posix().encode() + source.read_bytes())
    return hasher.hexdigest()
