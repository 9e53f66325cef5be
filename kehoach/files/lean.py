"""The lean path: a unit file in the layout kehoach and PyYAML write, read without positions.

Every unit file must be read on a cold run (CI, pre-commit, a fresh clone, a checkout of another
branch, an upgrade), and the positioned reader (:mod:`kehoach.files.yamlio`) spends most of such
a run recording where each of a few hundred thousand values stands, which only a problem needs.
A file that validates needs no positions, so this module reads the common layout with a handful of
regular expressions and validates it with the model's own field validators:

* :func:`read_unit` takes the text of a unit file and returns its data, exactly as
  :func:`yamlio.parse` would, or ``None`` for anything it does not vouch for: then the caller reads
  the file with the positioned reader, which finds and places every problem. It vouches only for
  a conservative subset of YAML: top-level ``key: value`` lines, ``successors`` as ``[]`` or a block
  list, and ``records`` as a block list of one-line ``key: value`` mappings with the keys in the
  order kehoach writes them; plain scalars without any of YAML's indicators, single-quoted scalars,
  double-quoted scalars without escapes; blank and comment lines between lines. No tab, no
  character outside the printable set, no conflict marker, no second document, no anchor, tag or
  alias can be in such a file, and no key can be repeated.
* :class:`UnitBuilder` turns that data into a :class:`Unit` through the model's own core schema:
  each distinct value of a record field is validated once by that field's validator (the same
  function the model calls), and each record is then made by the model's validator with its fields
  taken as validated, its model validator (``_one_outcome``) still run. Any failure returns
  ``None``, and the caller validates the file again the usual way, for the messages.

``tests/files/test_lean.py`` holds both to the positioned reader and the model: on every case of
the bad-input tests, the shipped and benchmark data, and hypothesis-generated files, the lean path
either declines or gives exactly the positioned reader's data and the model's unit.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from pydantic import ValidationError
from pydantic_core import SchemaValidator, core_schema

from kehoach.domain.model import Record, Unit
from kehoach.files.yamlio import NOT_TEXT, holds_conflict_marker, resolve_scalar

RECORD_KEYS = tuple(Record.model_fields)
"""A record's keys in the order kehoach writes them (:func:`kehoach.files.records.record_lines`
dumps the model, field by field); a record written in another order is read by the positioned
reader."""

_TOP = re.compile(r"([a-z_]+):(?: (.*))?")
_ITEM = re.compile(r"((?:  )?)- (.*)")
_SKIP = re.compile(r"[ ]*(?:#.*)?")
"""A blank or comment line."""
_INDICATORS = frozenset(" '\"-?:,[]{}#&*!|>%@`")
"""What a plain scalar the lean path reads may not start with: YAML's indicators (some of them
may start a plain scalar in YAML, followed by a non-space: the positioned reader reads those)."""
_FLOW_ITEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_FLOW = re.compile(rf"\[ *((?:{_FLOW_ITEM.pattern})(?: *, *{_FLOW_ITEM.pattern})*)? *\]")
"""A one-line flow list of ids (``successors: [huyen-a, huyen-b]``), or an empty one."""
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE = re.compile(r'"([^"\\]*)"')


def _record_pattern(indent: str) -> re.Pattern[str]:
    value = r"([^\n]+)\n"  # never empty: "" stands for a key the record does not have
    first, second, *rest = RECORD_KEYS
    optional = "".join(f"(?:{indent}  {key}: {value})?" for key in rest)
    return re.compile(f"^({indent}- {first}: {value}{indent}  {second}: {value}{optional})", re.M)


_RECORDS = {"": _record_pattern(""), "  ": _record_pattern("  ")}
"""Records as PyYAML writes them (``- task:`` at the start of the line) and indented by two."""


class _Declined(Exception):
    """The file holds something the lean path does not vouch for."""


def scalar(token: str) -> Any:
    """A one-line value as YAML reads it, or :class:`_Declined` when it is not one of the forms the
    lean path vouches for: a plain scalar that starts with none of :data:`_INDICATORS` and holds no
    ``: `` nor ``" #"`` and does not end with a colon (a trailing comment and trailing spaces are
    not part of it, as in YAML), a single-quoted scalar, a double-quoted one without escapes."""
    plain = token.split(" #", 1)[0].rstrip(" ") if " #" in token or token.endswith(" ") else token
    if plain and plain[0] not in _INDICATORS and ": " not in plain and not plain.endswith(":"):
        return resolve_scalar(plain, plain=True)
    if (found := _SINGLE.fullmatch(token)) is not None:
        return found[1].replace("''", "'")
    if (found := _DOUBLE.fullmatch(token)) is not None:
        return found[1]
    raise _Declined


_UNCLEAN = re.compile("\n[" + re.escape("".join(sorted(_INDICATORS))) + "]|\n(?:" + NOT_TEXT + ")(?=\n)")


def scalars(tokens: list[str]) -> list[Any]:
    """``[scalar(token) for token in tokens]``, seen at once when every token is a plain scalar
    that reads as itself (text: not a null, bool or int) and needs no trimming, as nearly every
    value of the records' text fields (the evidence, the notes) is."""
    joined = "\n" + "\n".join(tokens) + "\n"
    if (
        " #" in joined
        or ": " in joined
        or ":\n" in joined
        or " \n" in joined
        or "\n\n" in joined
        or _UNCLEAN.search(joined)
    ):
        return [scalar(token) for token in tokens]
    return list(tokens)


def _printable(text: str) -> bool:
    """No character the lean path leaves to the positioned reader: tabs, carriage returns (a CRLF
    file is read once its line ends are made LF), YAML's other line breaks (NEL, LS, PS), control
    and format characters (a byte-order mark inside the text among them), surrogates, unassigned
    code points and private use, spaces other than U+0020. What ``str.isprintable`` refuses is
    more than YAML refuses, never less: declining more is only slower."""
    return text.replace("\n", "").isprintable()


Columns = list[tuple[str, ...]]
"""The records as read: for each of :data:`RECORD_KEYS`, the text of every record's value, in
order, empty where a record has none."""


class _Layout(NamedTuple):
    head: dict[str, Any]
    given: bool
    """The file has a ``records`` key."""
    records: Columns | None
    """``None`` when nothing follows ``records:`` (YAML reads null), or there is no such key."""


def read_unit(text: str) -> dict[str, Any] | None:
    """A unit file's data as :func:`yamlio.parse` reads it, or ``None`` when the file is not in the
    layout this module vouches for (see the module's docstring)."""
    try:
        layout = _layout(text)
        data = dict(layout.head)
        if layout.given:
            rows = layout.records
            data["records"] = None if rows is None else [_plain_record(row) for row in zip(*rows, strict=True)]
        return data
    except _Declined:
        return None


_LATER_KEY = re.compile(r"\n(?:[^ \n#-]|-(?! ))")
"""A line after ``records:`` that is not a record, a comment or a blank: a key, a document marker,
a conflict marker, a flow collection's line (any of which the head alone would miss)."""


def read_head(text: str) -> dict[str, Any] | None:
    """The top-level keys of a unit file before ``records`` (its id, name, kind, start, end and
    successors), as :func:`yamlio.parse` reads them, or ``None`` when the lean path does not vouch
    for them: the head must be in the layout :func:`read_unit` reads, and nothing after
    ``records:`` may be a key of its own. What the records say is not read (see
    :class:`kehoach.files.load.Units`: a write to one unit reads the others' heads alone)."""
    text = _with_lf(text)
    head_text, marker, body = text.partition("\nrecords:")
    if not text or (marker and (_LATER_KEY.search(body) or any(end in body for end in "\x85\u2028\u2029"))):
        return None
    if marker and body[:1] not in ("", " ", "\n"):
        return None  # `records:#x` is one plain scalar, not the records key
    if not _printable(head_text) or holds_conflict_marker(head_text):
        return None
    try:
        head = _head(head_text)
    except _Declined:
        return None
    return head if head and "records" not in head else None


def _plain_record(row: tuple[str, ...]) -> dict[str, Any]:
    return {key: scalar(token) for key, token in zip(RECORD_KEYS, row, strict=True) if token}


def _with_lf(text: str) -> str:
    """The text with LF line ends and no byte-order mark; empty for CR-only or mixed line ends,
    which the lean path leaves to the positioned reader."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return ""
        text = text.replace("\r\n", "\n")
    return text[1:] if text.startswith("\ufeff") else text


def _layout(text: str) -> _Layout:
    text = _with_lf(text)
    if not text:
        raise _Declined  # CR-only or mixed line ends, or nothing at all
    if not text.endswith("\n"):
        text += "\n"
    if not _printable(text) or holds_conflict_marker(text):
        raise _Declined
    head_text, marker, body = text.partition("\nrecords:")
    head = _head(head_text)
    if not head or "records" in head:
        raise _Declined
    if not marker:
        return _Layout(head, given=False, records=None)
    rest, _, records = body.partition("\n")
    if rest and not rest.startswith(" "):
        raise _Declined  # `records:#x` is one plain scalar, not a key
    if _SKIP.fullmatch(rest):
        return _Layout(head, given=True, records=_records(records))
    if rest.split(" #", 1)[0].rstrip(" ") == " []":
        _blank(records)
        return _Layout(head, given=True, records=[() for _ in RECORD_KEYS])
    raise _Declined


def _head(head: str) -> dict[str, Any]:
    """The top-level keys before ``records``: one-line values, and block lists of one-line items
    (``successors``), every item at the same indentation."""
    data: dict[str, Any] = {}
    listed: str | None = None  # the key whose block list is being read
    indent = ""
    for line in head.split("\n"):
        if _SKIP.fullmatch(line):
            continue
        if listed is not None and (item := _ITEM.fullmatch(line)) is not None:
            if data[listed] is None:
                data[listed], indent = [], item[1]
            elif item[1] != indent:
                raise _Declined  # a deeper item would continue the one before it
            data[listed].append(scalar(item[2]))
            continue
        found = _TOP.fullmatch(line)
        if found is None or found[1] in data:
            raise _Declined
        key, token = found[1], found[2]
        listed = None
        if token is None or _SKIP.fullmatch(" " + token):
            data[key], listed = None, key  # null, unless a block list follows
        elif (flow := _FLOW.fullmatch(token.split(" #", 1)[0].rstrip(" "))) is not None:
            data[key] = [resolve_scalar(item, plain=True) for item in _FLOW_ITEM.findall(flow[1] or "")]
        else:
            data[key] = scalar(token)
    return data


def _records(body: str) -> Columns | None:
    """The block list of records, as its values' text (``None`` when nothing follows ``records:``:
    YAML reads that as null)."""
    indent = "  " if body.lstrip("\n").startswith("  - ") else ""
    pattern = _RECORDS[indent]
    found = pattern.findall(body)
    if not found:
        _blank(body)
        return None
    whole, *columns = zip(*found, strict=True)
    if sum(map(len, whole)) != len(body):
        _only_blank_between(body, pattern)
    return columns


def _only_blank_between(body: str, pattern: re.Pattern[str]) -> None:
    """Raise :class:`_Declined` unless what the records do not cover is blank and comment lines.
    Each record starts a line and ends one, so what is left once they are taken out is whole lines,
    seen at once."""
    if not _BLANK_LINES.fullmatch(pattern.sub("", body)):
        raise _Declined


_BLANK_LINES = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*[ ]*(?:#[^\n]*)?")


def _blank(gap: str) -> None:
    for line in gap.split("\n"):
        if not _SKIP.fullmatch(line):
            raise _Declined


_ABSENT = object()
"""A record's value for a key it does not have."""


class LeanUnits:
    """Units read by the lean path (:func:`unit`), validated by the model's own validators, each
    distinct value of a record field once (see the module's docstring). One serves a run: the
    values it has seen are kept for the next file."""

    def __init__(self) -> None:
        schema = _model_schema(Record)
        model = schema["schema"]
        fields = model["schema"]["fields"]
        config = model.get("config")
        # each field's own validator, over a list of its values
        self._fields = [SchemaValidator(core_schema.list_schema(fields[key]["schema"]), config) for key in RECORD_KEYS]
        self._seen: list[dict[str, Any]] = [{"": _ABSENT} for _ in RECORD_KEYS]
        # the model's validator, the record validator (_one_outcome) included, its fields taken as given
        record = {**schema, "schema": _fields_taken(model, RECORD_KEYS)}
        self._records_validator = SchemaValidator(core_schema.list_schema(record), config)
        # the unit's validator, its records taken as made (else the model would check each again)
        unit = _fields_taken(_model_schema(Unit), ("records",))
        self._unit_validator = SchemaValidator(unit, unit.get("config"))

    def unit(self, text: str) -> Unit | None:
        """The unit, exactly as ``Unit.model_validate`` makes it from :func:`yamlio.parse`'s data,
        or ``None`` when the lean path declines the file or any of its values does not validate
        (the caller reads and validates it the usual way, for the messages)."""
        try:
            layout = _layout(text)
            data = layout.head
            if layout.given:  # `records:` with nothing after it is null, which the model takes for []
                rows = layout.records
                data = {**data, "records": [] if rows is None else self._records(rows)}
            return self._unit_validator.validate_python(data)  # type: ignore[no-any-return]
        except (ValidationError, _Declined):
            return None

    def _records(self, columns: Columns) -> list[Record]:
        """The records, made column by column: each field's values that were not seen before are
        validated in one call, then every record is made in one call."""
        keys, values, gaps = [], [], []
        for key, column, seen, validator in zip(RECORD_KEYS, columns, self._seen, self._fields, strict=True):
            missing = [token for token in set(column) if token not in seen]
            if missing:
                seen.update(zip(missing, validator.validate_python(scalars(missing)), strict=True))
            if not any(column):
                continue
            keys.append(key)
            values.append(list(map(seen.__getitem__, column)))
            if "" in column:
                gaps.append((key, [index for index, token in enumerate(column) if not token]))
        made = [dict(zip(keys, row, strict=True)) for row in zip(*values, strict=True)]
        for key, indices in gaps:  # a field some records leave out is not set on them
            for index in indices:
                del made[index][key]
        return self._records_validator.validate_python(made)  # type: ignore[no-any-return]


def _model_schema(model: type[Record | Unit]) -> dict[str, Any]:
    """A model's core schema: a record's is its model under its model validator, a unit's its model."""
    model.model_rebuild()  # the model defers building its schema until first used
    schema = model.__pydantic_core_schema__
    inner = schema["schema"] if schema.get("type") == "function-after" else schema
    if inner.get("type") != "model" or (model is Record) != (inner is not schema):
        raise RuntimeError(f"unexpected core schema for {model.__name__}")  # pragma: no cover
    return dict(schema)


def _fields_taken(model: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """A model's core schema with the values of the fields ``names`` taken as they are."""
    fields = model["schema"]["fields"]
    taken = {
        name: {**field, "schema": _taken(field["schema"])} if name in names else field for name, field in fields.items()
    }
    return {**model, "schema": {**model["schema"], "fields": taken}}


def _taken(field: dict[str, Any]) -> dict[str, Any]:
    """A field's schema with its value taken as it is (validated already), its default kept."""
    if field.get("type") == "default":
        return {**field, "schema": core_schema.any_schema()}
    return dict(core_schema.any_schema())
