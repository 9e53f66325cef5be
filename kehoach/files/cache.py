"""A cache of work already done, keyed by the content it was done on. Never a source of truth.

Two kinds of entry, each a pickle in the cache folder, named by a SHA-256 over everything the
value depends on, kehoach's own source code included:

* a data file's validated model, keyed by the file's bytes: a file edited by hand, checked out
  from another commit or restored from a backup has other bytes, so it is read afresh;
* a whole data folder's "checked, no problems" mark, and a read-only command's output, keyed by
  every file's name and bytes, the command's arguments and the day it is run for.

So an entry can be missing or old, never wrong. A cache entry that cannot be read (corrupt,
written by another version, not ours) counts as missing. The folder is ``$KEHOACH_CACHE``, else
``$XDG_CACHE_HOME/kehoach``, else ``~/.cache/kehoach``; it is created private to the user (its
pickles are trusted as the user's own files). ``KEHOACH_CACHE=off`` turns caching off. When the
folder cannot be written (a read-only home), kehoach works the same, only slower.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

ENV_CACHE = "KEHOACH_CACHE"


class Cache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> Cache:
        chosen = environ.get(ENV_CACHE)
        if chosen == "off":
            return cls(None)
        if chosen:
            return cls(Path(chosen))
        base = Path(environ["XDG_CACHE_HOME"]) if environ.get("XDG_CACHE_HOME") else Path.home() / ".cache"
        return cls(base / "kehoach")

    def get(self, key: str) -> Any:
        """The value stored under ``key``, or ``None`` when there is none that can be read."""
        stored = self.get_bytes(key)
        return None if stored is None else decode(stored)

    def get_bytes(self, key: str) -> bytes | None:
        """The entry under ``key`` as stored, to :func:`decode` later; ``None`` when there is none."""
        if self.folder is None:
            return None
        try:
            return (self.folder / key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, value: Any) -> None:
        """Store atomically; a folder that cannot be written just means no caching."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / key)
        except OSError:
            Path(temporary).unlink(missing_ok=True)  # a full disk leaves no half-written entry behind


def decode(stored: bytes) -> Any:
    """An entry's value; ``None`` when it cannot be read (corrupt, truncated, foreign, from another
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
