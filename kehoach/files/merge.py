"""Three-way merges of data files that know what a record is: the git merge driver's core.

Two offices that each record a completion in the same unit file both append at the end of
``records:``; git's line merge sees two edits of one place and stops with a conflict. This module
merges such files as kehoach reads them:

* each side's **additions** are the entries of the file's list (a unit file's ``records``, the
  plan's ``extensions``) that the common ancestor does not have, the ancestor's entries staying in
  order on that side;
* the **rest** of each side is its text with its additions taken out; the two rests are merged by
  git's own three-way merge (``git merge-file``), so an edit elsewhere on one side (a comment, a
  name) is kept as git would keep it;
* the additions of both sides then go at the end of the merged list, in date order (the day done,
  waived, or the extension's), each with its own lines as that side wrote them; an entry both sides
  added alike is kept once.

What this cannot merge alone it does not guess: both sides adding an entry for the same
occurrence differently, the rests conflicting, a side editing or removing an entry of the
ancestor, a file that does not read: :func:`merge` says so (``None``), and the driver falls back to
git's three-way merge of the whole files, conflict markers and all (which ``kehoach validate``
refuses until someone resolves them). Every merge made here is read back, and must give exactly
the entries expected, or it too falls back.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from kehoach.files.yamlio import (
    BOM,
    Document,
    EditRefused,
    YamlError,
    append_mapping,
    document_from_bytes,
    item_lines,
    newline_of,
    remove_item,
)

PLAN_LIST = "extensions"
UNIT_LIST = "records"


ThreeWay = Callable[[str, str, str], str | None]
"""A three-way merge of texts (ancestor, ours, theirs): the result, ``None`` on a conflict."""


class Addition(NamedTuple):
    key: tuple[Any, ...]
    """What the entry is about: a record's task and period, an extension's task, unit and period."""
    day: str
    """The day it sorts by, as written (ISO dates sort as text)."""
    data: dict[str, Any]
    lines: str
    """Its lines as the side wrote them."""


class Side(NamedTuple):
    rest: str
    """The side's text with its additions taken out."""
    additions: list[Addition]


def list_key(path: Path) -> str:
    """The list whose entries branches add to: a plan's extensions, a unit's records."""
    return PLAN_LIST if path.name == "plan.yaml" else UNIT_LIST


def merge(path: Path, ancestor: bytes, ours: bytes, theirs: bytes, three_way: ThreeWay) -> bytes | None:
    """The merged file, or ``None`` when it takes a person (see the module's docstring).
    ``three_way(ancestor, ours, theirs)``: git's merge of three texts, ``None`` on a conflict."""
    try:
        documents = [document_from_bytes(path, raw) for raw in (ancestor, ours, theirs)]
    except YamlError:
        return None
    if len({document.bom for document in documents}) > 1:
        return None
    base, mine, other = documents
    key = list_key(path)
    entries = _entries(base, key)
    sides = [_side(document, key, entries) for document in (mine, other)]
    if entries is None or sides[0] is None or sides[1] is None:
        return None
    rest = _rests(base.text, sides[0].rest, sides[1].rest, three_way)
    if rest is None:
        return None
    added = _together(sides[0].additions, sides[1].additions)
    if added is None:
        return None
    text = _appended(path, rest, key, added)
    if text is None:
        return None
    return (BOM if base.bom else b"") + text.encode("utf-8")


def _entries(document: Document, key: str) -> list[Any] | None:
    data = document.data
    if not isinstance(data, dict):
        return None
    found = data.get(key)
    if found is None:
        return []
    return found if isinstance(found, list) and all(isinstance(entry, dict) for entry in found) else None


def _side(document: Document, key: str, base: list[Any] | None) -> Side | None:
    """A side's additions and its rest, or ``None`` when it did more to the list than add."""
    entries = _entries(document, key)
    if entries is None or base is None:
        return None
    added, matched = [], 0
    for index, entry in enumerate(entries):
        if matched < len(base) and entry == base[matched]:
            matched += 1
        else:
            added.append(index)
    if matched < len(base):
        return None  # an entry of the ancestor was changed or removed
    text = document.text
    try:
        additions = [_addition(document, key, index) for index in added]
        for index in reversed(added):  # from the end, so that the earlier entries' places hold
            text = remove_item(_reparsed(document, text), (key, index))
    except (EditRefused, YamlError):
        return None
    return Side(text, additions)


def _reparsed(document: Document, text: str) -> Document:
    if text == document.text:
        return document
    return document_from_bytes(document.path, text.encode("utf-8"))


def _addition(document: Document, key: str, index: int) -> Addition:
    entry = document.data[key][index]
    text = document.text
    first, after = item_lines(document, (key, index))
    lines = text[first:after]
    if not lines.endswith("\n"):  # the file's last line, without a line break: it gets the file's own
        lines += newline_of(text)
    if key == PLAN_LIST:
        identity: tuple[Any, ...] = (entry.get("task"), entry.get("unit"), entry.get("period"))
        day = entry.get("on") or entry.get("to")
    else:
        identity = (entry.get("task"), entry.get("period"))
        day = entry.get("done_on") or entry.get("waived_on")
    return Addition(identity, str(day or ""), entry, lines)


def _rests(base: str, mine: str, other: str, three_way: ThreeWay) -> str | None:
    if mine in (base, other):
        return other
    if other == base:
        return mine
    return three_way(base, mine, other)


def _together(mine: list[Addition], other: list[Addition]) -> list[Addition] | None:
    """Both sides' additions in date order (ours first on a day), one copy of an entry both made
    alike; ``None`` when both sides added an entry about one thing differently."""
    kept = list(mine)
    ours = {addition.key: addition for addition in mine}
    for addition in other:
        same = ours.get(addition.key)
        if same is None:
            kept.append(addition)
        elif same.data != addition.data:
            return None
    return sorted(kept, key=lambda addition: addition.day)  # stable: ours before theirs on one day


def _appended(path: Path, rest: str, key: str, added: list[Addition]) -> str | None:
    """The merged rest with the additions at the end of its list, each with its own lines; read
    back and compared with the entries expected, else ``None``."""
    try:
        document = document_from_bytes(path, rest.encode("utf-8"))
        base = _entries(document, key)
        if base is None:
            return None
        text = rest
        if added and base:
            _start, at = item_lines(document, (key, len(base) - 1))
            block = "".join(addition.lines for addition in added)
            lead = newline_of(text) if at == len(text) and not text.endswith("\n") else ""
            text = text[:at] + lead + block + text[at:]
        elif added:  # the list is empty here: the first entry makes it a block list, as kehoach writes
            return _into_empty(path, document, key, added)
        merged = document_from_bytes(path, text.encode("utf-8"))
    except (YamlError, EditRefused):
        return None
    expected = [*base, *(addition.data for addition in added)]
    return text if _entries(merged, key) == expected and _same_rest(merged, document, key) else None


def _into_empty(path: Path, document: Document, key: str, added: list[Addition]) -> str | None:
    text = document.text
    for addition in added:
        current = document_from_bytes(path, text.encode("utf-8"))
        text = append_mapping(current, (key,), _fields(addition.lines))
    merged = document_from_bytes(path, text.encode("utf-8"))
    if _entries(merged, key) != [addition.data for addition in added] or not _same_rest(merged, document, key):
        return None
    return text


def _fields(lines: str) -> dict[str, str]:
    """An entry's keys and values as their YAML text, from its lines (``- key: value`` then
    ``  key: value``); a line of another shape is refused (:class:`EditRefused`)."""
    fields: dict[str, str] = {}
    for line in lines.splitlines():
        content = line.strip()
        if content.startswith("- "):
            content = content[2:]
        name, colon, value = content.partition(": ")
        if not colon or not name:
            raise EditRefused(line)
        fields[name] = value
    return fields


def _same_rest(merged: Document, rest: Document, key: str) -> bool:
    """Everything but the list reads as it did in the merged rest."""
    if not isinstance(merged.data, dict) or not isinstance(rest.data, dict):
        return False
    return {name: value for name, value in merged.data.items() if name != key} == {
        name: value for name, value in rest.data.items() if name != key
    }


def git_three_way(base: str, mine: str, other: str) -> str | None:
    """git's own merge of three texts (``git merge-file -p``), or ``None`` on a conflict."""
    merged = git_merge_file(base.encode("utf-8"), mine.encode("utf-8"), other.encode("utf-8"), "")
    return merged[0].decode("utf-8") if merged[1] == 0 else None


def git_merge_file(base: bytes, mine: bytes, other: bytes, name: str) -> tuple[bytes, int]:
    """git's three-way merge of whole files: the result (with conflict markers where it could not
    merge) and how many conflicts it left."""
    with tempfile.TemporaryDirectory(prefix="kehoach-merge-") as folder:
        paths = [Path(folder) / part for part in ("ours", "base", "theirs")]
        for path, data in zip(paths, (mine, base, other), strict=True):
            path.write_bytes(data)
        labels = [f"{side} {name}".strip() for side in ("ours", "base", "theirs")]
        command = ["git", "merge-file", "-p", *(f"-L{label}" for label in labels), *map(str, paths)]
        done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode < 0 or done.returncode > 127:
        raise OSError(done.stderr.decode("utf-8", "replace").strip() or "git merge-file failed")
    return done.stdout, done.returncode
