"""All YAML that kehoach reads goes through this module.

Files are read from PyYAML's event stream (the C parser where present) rather than with
``safe_load``, for three reasons:

* every value keeps its line and column, so any later check can point at the exact spot;
* scalars are resolved by YAML 1.2 core rules, not PyYAML's YAML 1.1 ones: ``no`` stays the
  text ``no``, ``1.10`` stays ``1.10``, ``2022-03-31`` stays text until a date field parses it;
  only plain integers, ``true``/``false`` and ``null``/``~``/empty become non-text values;
* what a data file never needs is refused outright: anchors, aliases, merge keys and explicit
  tags (the way alias bombs and object construction get in), duplicate keys, several documents,
  and nesting deeper than :data:`MAX_DEPTH`.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Concatenate, ParamSpec

import yaml

from kehoach.errors import Problem
from kehoach.files import yaml_words
from kehoach.i18n import _

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 10
"""Deeper than any real kehoach file (plan → tasks → task → schedule → years is 5)."""

Loc = tuple[str | int, ...]
Position = tuple[int, int]
Span = tuple[int, int]

_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What ends a line for YAML (PyYAML's reader and scanner, and libyaml, alike): CR LF, CR, LF, and
NEL, LS, PS. Not ``str.splitlines``, which also breaks at a form feed, a vertical tab and
\\x1c–\\x1e: a line number counted so would be one more than PyYAML's and the editor's."""
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?= |$)", re.M)


def holds_conflict_marker(text: str) -> bool:
    """Whether a line of ``text`` is a git conflict marker (``<<<<<<< HEAD``, ``=======``…)."""
    return any(sign * 7 in text for sign in "<=>|") and _CONFLICT.search(text) is not None


# Numbers as YAML 1.2 reads them: its core schema (the YAML language server's), and ruamel.yaml's
# 1.2 rules (check-jsonschema's), which also take digits grouped by "_" and binary: whatever either
# takes for a number is one here, so that no text field passes here and fails there.
_INT = re.compile(r"[-+]?[0-9][0-9_]*")
_BASED = {"0b": 2, "0o": 8, "0x": 16}
_BINARY = re.compile(r"[-+]?0b_*[01][01_]*")  # at least one digit: "0x_" is text (and no number)
_OCTAL = re.compile(r"[-+]?0o_*[0-7][0-7_]*")
_HEXADECIMAL = re.compile(r"[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*")
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?)"
)
_INFINITY = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN = re.compile(r"\.(?:nan|NaN|NAN)")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
NOT_TEXT = "|".join(
    [
        *(re.escape(word) for word in sorted(_NULLS | _TRUE | _FALSE) if word),
        *(pattern.pattern for pattern in (_INT, _BINARY, _OCTAL, _HEXADECIMAL, _FLOAT, _INFINITY, _NAN)),
    ]
)
"""A regular expression for every non-empty plain scalar :func:`resolve_scalar` does not read as
text (a null, a bool, an int, a float)."""
BOM = b"\xef\xbb\xbf"
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


@dataclass
class Document:
    """A parsed YAML file: its data, and where each key and value stands in the text."""

    path: Path
    text: str
    data: Any
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)
    spans: dict[Loc, Span] = field(default_factory=dict)
    """Character offsets of each value: where it starts and where its content ends."""
    bom: bool = False

    def position(self, loc: Loc, *, key: bool = False) -> Position:
        """Line and column of ``loc``, or of its nearest ancestor that exists in the file."""
        while loc:
            found = (self.keys if key else self.values).get(loc) or self.values.get(loc)
            if found:
                return found
            loc = loc[:-1]
        return self.values.get((), (1, 1))


class YamlError(Exception):
    """The file cannot be read as kehoach YAML; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].message if problems else "")
        self.problems = problems


def key_path(loc: Loc) -> str:
    """``("tasks", 12, "schedule", "from")`` → ``tasks[12].schedule.from``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def document_from_bytes(path: Path, raw: bytes) -> Document:
    """Parse a file's bytes, as read; raise :class:`YamlError` listing what is wrong."""
    text = decode(path, raw)
    problems = scan_text(path, text)
    if problems:
        raise YamlError(problems)
    document = parse(path, text)
    document.bom = raw.startswith(BOM)
    return document


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 text of a file (a UTF-8 BOM is allowed and dropped); anything else is refused."""
    if raw.startswith(_UTF16_32_BOMS):
        raise YamlError(
            [_problem(path, (1, 1), _("tệp được mã hóa UTF-16/UTF-32; hãy lưu lại bằng UTF-8"), "encoding")]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # exc.start counts from after the BOM (exc.object is the bytes without it); what comes
        # before it is whole UTF-8, the first bad byte being where decoding stopped
        before = exc.object[: exc.start].decode("utf-8")
        line, column = line_column(before, len(before))
        message = _(
            "byte 0x{byte:02x} không phải UTF-8 (có thể tệp được lưu bằng mã khác, như "
            "Windows-1258 hay TCVN3); hãy lưu lại tệp bằng UTF-8"
        ).format(byte=exc.object[exc.start])
        raise YamlError([_problem(path, (line, column), message, "encoding")]) from None


def line_column(text: str, offset: int) -> Position:
    """The 1-based line and column of ``text[offset]`` as YAML counts them (:data:`_BREAK`), so a
    problem kehoach finds in the raw text points where PyYAML's own marks, and editors, do."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, offset):
        line, start = line + 1, found.end()
    return line, offset - start + 1


def scan_text(path: Path, text: str) -> list[Problem]:
    """Problems visible in the raw text: git conflict markers and tab indentation.

    Conflict markers are looked for line by line, before parsing, because inside a quoted or
    block value they would otherwise be read silently as part of the text.
    """
    if "\t" not in text and not holds_conflict_marker(text):
        return []  # the usual file, seen at once rather than line by line
    problems = []
    for number, line in enumerate(_BREAK.split(text), start=1):
        if _CONFLICT.match(line):
            message = _("dấu xung đột git ({marker}): hãy giải quyết xung đột rồi chạy lại").format(marker=line[:7])
            problems.append(_problem(path, (number, 1), message, "conflict"))
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            column = line.index("\t") + 1
            message = _("thụt lề bằng ký tự tab; YAML chỉ nhận dấu cách")
            problems.append(_problem(path, (number, column), message, "tabs"))
    return problems


def parse(path: Path, text: str) -> Document:
    """Build a :class:`Document` from text already decoded and scanned."""
    builder = _Builder(path)
    collecting = gc.isenabled()
    gc.disable()  # the positions are a few million small objects and no cycle: tracing them is a third of the time
    loader = None
    try:
        loader = _Loader(text)  # PyYAML's own reader already refuses a control character here
        # yaml.parse's events, without its generator's step in Python for each of a few million;
        # the builder reads no further than the stream's end (or a second document's start).
        data = builder.build(iter(loader.get_event, None))
    except yaml.MarkedYAMLError as exc:
        raise YamlError([_syntax_problem(path, exc)]) from None
    except yaml.reader.ReaderError as exc:  # a character no YAML file may hold; it carries no line
        raise YamlError([_reader_problem(path, text, exc)]) from None
    except _Fatal as fatal:
        raise YamlError([*builder.problems, fatal.problem]) from None
    finally:
        if loader is not None:
            loader.dispose()
        if collecting:
            gc.enable()
    if builder.problems:
        raise YamlError(builder.problems)
    return Document(path, text, data, builder.values, builder.keys, builder.spans)


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context_line = exc.context_mark.line + 1 if exc.context_mark else None
    message = yaml_words.problem_text(exc.problem, exc.context, context_line, position[0])
    return _problem(path, position, message, "syntax")


def _reader_problem(path: Path, text: str, exc: yaml.reader.ReaderError) -> Problem:
    # libyaml gives the character's code and a byte offset, PyYAML's reader the character and
    # an offset in the text: the character itself is what both give alike.
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    offset = max(text.find(chr(code)), 0)
    return _problem(path, line_column(text, offset), yaml_words.control_character(code), "syntax")


def _problem(path: Path, position: Position, message: str, rule: str, loc: Loc = ()) -> Problem:
    return Problem(path, position[0], position[1], message, rule, key_path(loc))


def _position(event: yaml.Event) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _index(mark: Any) -> int:
    return mark.index if mark else 0


class _Fatal(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


class _Builder:
    """Turns an event stream into plain data, recording positions and refusing the unneeded."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.values: dict[Loc, Position] = {}
        self.keys: dict[Loc, Position] = {}
        self.spans: dict[Loc, Span] = {}
        self._content_end = 0  # where the last scalar or flow collection read so far ends

    def build(self, events: Iterator[yaml.Event]) -> Any:
        next(events)  # StreamStartEvent
        start = next(events)
        if isinstance(start, yaml.StreamEndEvent):
            self._fatal(start, _("tệp rỗng: cần một bảng khóa, bắt đầu bằng 'schema: 1'"), "empty")
        data = self.node(next(events), events, (), 1)
        next(events)  # DocumentEndEvent
        extra = next(events)
        if isinstance(extra, yaml.DocumentStartEvent):
            self._fatal(extra, _("tệp chỉ được chứa một tài liệu YAML; hãy bỏ dấu '---' thứ hai"), "documents")
        if not isinstance(data, dict):
            message = _("cấp ngoài cùng của tệp phải là một bảng khóa (các dòng 'khóa: giá trị')")
            self._fatal(start, message, "top-level")
        return data

    def node(self, event: yaml.Event, events: Iterator[yaml.Event], loc: Loc, depth: int) -> Any:
        if depth > MAX_DEPTH:
            message = _("lồng sâu quá {limit} cấp; tệp dữ liệu không cần sâu như vậy").format(limit=MAX_DEPTH)
            self._fatal(event, message, "depth", loc)
        start, end_mark = event.start_mark, event.end_mark
        if event.__class__ is yaml.ScalarEvent and start is not None and end_mark is not None:  # most nodes, inline
            self.values[loc] = (start.line + 1, start.column + 1)
            if event.anchor or event.tag:
                self._refuse_decorations(event, loc)
            value = resolve_scalar(event.value, plain=not event.style)
            self._content_end = end = end_mark.index
            self.spans[loc] = (start.index, end)
            return value
        self.values[loc] = _position(event)
        self._refuse_decorations(event, loc)
        value = self.value(event, events, loc, depth)
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            self._content_end = _index(event.end_mark)
        self.spans[loc] = (_index(event.start_mark), self._content_end)
        return value

    def value(self, event: yaml.Event, events: Iterator[yaml.Event], loc: Loc, depth: int) -> Any:
        if isinstance(event, yaml.ScalarEvent):
            return resolve_scalar(event.value, plain=not event.style)
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(event, events, loc, depth)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(event, events, loc, depth)
        return None  # an alias, already reported

    def _close(self, start: yaml.Event, end: yaml.Event) -> None:
        """A block collection's content ends with its last value; a flow one at its bracket."""
        if getattr(start, "flow_style", False):
            self._content_end = _index(end.end_mark)

    def sequence(self, start: yaml.Event, events: Iterator[yaml.Event], loc: Loc, depth: int) -> list[Any]:
        items: list[Any] = []
        for event in events:  # the same stream node() reads on from
            if isinstance(event, yaml.SequenceEndEvent):
                self._close(start, event)
                return items
            items.append(self.node(event, events, (*loc, len(items)), depth + 1))
        return items  # pragma: no cover - the parser always closes a sequence

    def mapping(self, start: yaml.Event, events: Iterator[yaml.Event], loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for event in events:  # the same stream node() reads on from
            if event.__class__ is yaml.MappingEndEvent:
                self._close(start, event)
                return result
            key = self.key(event, loc)
            value = self.node(next(events), events, (*loc, key), depth + 1)
            if key not in result:
                result[key] = value
        return result  # pragma: no cover - the parser always closes a mapping

    def key(self, event: yaml.Event, loc: Loc) -> str:
        if not isinstance(event, yaml.ScalarEvent):
            return self._fatal(event, _("khóa phải là một chữ đơn giản"), "key", loc)  # type: ignore[no-any-return]
        if event.anchor or event.tag:
            self._refuse_decorations(event, loc)
        key: str = event.value
        if key == "<<" and not event.style:
            self._report(event, _("không dùng khóa gộp '<<'; hãy viết đầy đủ các khóa"), "merge", loc)
        where = (*loc, key)
        first = self.keys.get(where)
        if first:
            message = _("khóa '{key}' bị lặp (đã có ở dòng {line}); hãy giữ một lần").format(key=key, line=first[0])
            self._report(event, message, "duplicate-key", where)
        else:
            self.keys[where] = _position(event)
        return key

    def _refuse_decorations(self, event: yaml.Event, loc: Loc) -> None:
        anchor, tag = getattr(event, "anchor", None), getattr(event, "tag", None)
        if isinstance(event, yaml.AliasEvent):
            message = _("không dùng bí danh YAML (*{name}); hãy viết giá trị ra").format(name=anchor)
            self._report(event, message, "alias", loc)
            return
        if anchor:
            message = _("không dùng neo YAML (&{name}); tệp dữ liệu không cần").format(name=anchor)
            self._report(event, message, "anchor", loc)
        if tag:
            message = _("không dùng thẻ YAML tường minh ({tag}); tệp dữ liệu không cần").format(tag=tag)
            self._report(event, message, "tag", loc)

    def _report(self, event: yaml.Event, message: str, rule: str, loc: Loc = ()) -> None:
        self.problems.append(_problem(self.path, _position(event), message, rule, loc))

    def _fatal(self, event: yaml.Event, message: str, rule: str, loc: Loc = ()) -> Any:
        raise _Fatal(_problem(self.path, _position(event), message, rule, loc))


def resolve_scalar(value: str, *, plain: bool) -> Any:
    """YAML 1.2 core resolution, as editors (the YAML language server) and check-jsonschema read.

    Quoted and block scalars are always text. A plain scalar is ``None``, a bool, an int
    (``12``, ``1_000``, ``0b101``, ``0o17``, ``0x1F``) or a float (``1.10``, ``1e3``, ``.inf``,
    ``.nan``) when it is one of those by YAML 1.2 rules (see the numbers' patterns), and text
    otherwise. So every single-file verdict is the
    schema's: a text field written ``note: 1.10`` is refused and told to quote it (it would become
    ``1.1`` in another tool), and an integer field takes what JSON Schema calls an integer
    (``from: 2022.0``). A date stays text, as in YAML 1.2: a text field may hold ``2022-03-01``.
    """
    if not plain:
        return value
    if value in _NULLS:
        return None
    if value in _TRUE or value in _FALSE:
        return value in _TRUE
    digits = value.replace("_", "")
    if _INT.fullmatch(value):
        return int(digits)
    if _BINARY.fullmatch(value) or _OCTAL.fullmatch(value) or _HEXADECIMAL.fullmatch(value):
        sign, number = (digits[0], digits[1:]) if digits[0] in "+-" else ("", digits)
        return int(sign + number[2:], _BASED[number[:2]])
    if _FLOAT.fullmatch(value):
        return float(digits)
    if _INFINITY.fullmatch(value):
        return float(value.lower().replace(".inf", "inf"))
    if _NAN.fullmatch(value):
        return float("nan")
    return value


# --- writing: edits that replace only the text of one node ---------------------------------------


class EditRefused(Exception):
    """The file's layout is one this module does not edit by text; say why."""


def scalar_text(value: str | int | date) -> str:
    """A value as YAML that reads back (here and in YAML 1.1 tools) exactly as given.

    Text stays plain when that is unambiguous, so the diff reads like the hand-written lines
    around it; anything YAML could read as something else is double-quoted and escaped.
    """
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return value if _plain_is_safe(value) else _double_quoted(value)


def _plain_is_safe(text: str) -> bool:
    if not text or text != text.strip() or not text[0].isalnum() or not text.isprintable():
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return bool(resolve_scalar(text, plain=True) == text and _yaml11_reads(text) == text)


def _yaml11_reads(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # a safe loader: what YAML 1.1 tools would read
    except yaml.YAMLError:
        return None


def _double_quoted(text: str) -> str:
    escaped = "".join(_escape(char) for char in text)
    return f'"{escaped}"'


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable() and char != "\ufeff":
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")


def newline_of(text: str) -> str:
    """The line break new lines get: CRLF in a CRLF file, LF otherwise (a CR-only file is edited
    as LF, see :func:`_keeps_cr_only`)."""
    return "\r\n" if "\r\n" in text else "\n"


P = ParamSpec("P")


def _keeps_cr_only(edit: Callable[Concatenate[Document, P], str]) -> Callable[Concatenate[Document, P], str]:
    """An edit of a file whose lines end in CR alone (classic Mac OS, some old tools): made on the
    text with each CR read as LF, then turned back. Every CR in such a file is a line break (a CR in
    a value is written as the escape ``\\r``), one character for one, so the document's offsets stay
    true; the edits then find lines by LF, as they do in LF and CRLF files, and the file keeps one
    convention instead of getting LF lines among CR ones."""

    @functools.wraps(edit)
    def edited(document: Document, /, *args: P.args, **kwargs: P.kwargs) -> str:
        if "\r" not in document.text or "\n" in document.text:
            return edit(document, *args, **kwargs)
        as_lf = dataclasses.replace(document, text=document.text.replace("\r", "\n"))
        return edit(as_lf, *args, **kwargs).replace("\n", "\r")

    return edited


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def next_line(text: str, index: int) -> int:
    """Where the line after the one holding ``index`` starts (``index`` itself if a line starts there)."""
    if index == 0 or text[index - 1] == "\n":
        return index
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


@_keeps_cr_only
def append_mapping(document: Document, loc: Loc, item: dict[str, str]) -> str:
    """The document's text with ``item`` added as the last entry of the block list at ``loc``.

    Only new lines are added when the list is a block list or has no value yet (``records:``);
    ``[]`` loses its brackets; a missing top-level key is added at the end. ``item`` values are
    YAML text (see :func:`scalar_text`).
    """
    text = document.text
    if loc not in document.spans:
        return _append_key(text, loc, item)
    start, end = document.spans[loc]
    if _get(document.data, loc):
        if text[start] != "-":  # a flow list: rewriting it would touch lines the user wrote
            raise EditRefused(key_path(loc))
        return _insert_lines(text, next_line(text, end), item, start - _line_start(text, start))
    if text[start:end] not in ("", "[]", "~", "null"):
        raise EditRefused(key_path(loc))
    head = text[:start].rstrip(" ") if end > start else text[:start]
    text = head + text[end:]
    return _insert_lines(text, next_line(text, len(head)), item, document.keys[loc][1] + 1)


def _append_key(text: str, loc: Loc, item: dict[str, str]) -> str:
    if len(loc) != 1:
        raise EditRefused(key_path(loc))
    newline = newline_of(text)
    text = text if not text or text.endswith("\n") else text + newline
    return _insert_lines(text + f"{loc[0]}:{newline}", len(text) + len(f"{loc[0]}:{newline}"), item, 2)


def _insert_lines(text: str, at: int, item: dict[str, str], indent: int) -> str:
    newline, pad = newline_of(text), " " * indent
    lines = [f"{pad}{'- ' if index == 0 else '  '}{key}: {value}" for index, (key, value) in enumerate(item.items())]
    if at == len(text) and text and not text.endswith("\n"):
        # A file without a final line break keeps having none: the new lines go before where it
        # would be, so that removing them again (undo) gives back the very bytes.
        return text + newline + newline.join(lines)
    return text[:at] + newline.join(lines) + newline + text[at:]


@_keeps_cr_only
def set_values(document: Document, loc: Loc, values: dict[str, str]) -> str:
    """The document's text with keys of the block mapping at ``loc`` set to ``values`` (YAML text,
    see :func:`scalar_text`): a key there with a scalar value has only that value replaced, so a
    comment after it stays; a key not there gets a line of its own after the mapping's last key
    that is set. At least one key must be there already; a flow mapping (``{id: x}``) is refused
    rather than rewritten."""
    text = document.text
    mapping = _get(document.data, loc)
    present = [key for key in values if isinstance(mapping, dict) and key in mapping]
    if not present or any(isinstance(mapping[key], (dict, list)) for key in present):
        raise EditRefused(key_path(loc))
    first_key = document.keys[(*loc, present[0])]
    if text[_line_start(text, document.spans[(*loc, present[0])][0]) :].lstrip(" -").startswith("{"):
        raise EditRefused(key_path(loc))  # a flow mapping
    edits = [(*document.spans[(*loc, key)], values[key]) for key in present]  # (start, end, new text)
    missing = [key for key in values if key not in mapping]
    if missing:
        last_end = max(document.spans[(*loc, key)][1] for key in present)
        at, newline, pad = next_line(text, last_end), newline_of(text), " " * (first_key[1] - 1)
        lead = newline if at == len(text) and not text.endswith("\n") else ""
        edits.append((at, at, lead + "".join(f"{pad}{key}: {values[key]}{newline}" for key in missing)))
    for start, end, new in sorted(edits, reverse=True):  # from the end, so earlier offsets stay true
        text = text[:start] + new + text[end:]
    return text


def item_lines(document: Document, loc: Loc) -> tuple[int, int]:
    """Where the lines of the block list entry at ``loc`` start, and where the line after its last
    one starts (the text's end when it has no final line break): the entry's lines are
    ``text[start:end]``. An entry that does not start its own line with ``-`` (in a flow list) is
    refused (:class:`EditRefused`)."""
    text = document.text
    start, end = document.spans[loc]
    dash = text.rfind("-", 0, start + 1)
    line_start = _line_start(text, dash)
    if dash < 0 or text[line_start:dash].strip(" ") or text[dash + 1 : start].strip(" \r\n"):
        raise EditRefused(key_path(loc))
    return line_start, next_line(text, end)


@_keeps_cr_only
def remove_item(document: Document, loc: Loc) -> str:
    """The document's text without the block list entry at ``loc`` (its lines, nothing else)."""
    text = document.text
    line_start, after = item_lines(document, loc)
    if after == len(text) and not text.endswith("\n") and line_start > 0:
        # The last lines of a file without a final line break: the break before them goes too, so
        # the file again ends as it did before they were added (see _insert_lines).
        line_start -= 2 if text[:line_start].endswith("\r\n") else 1
    return text[:line_start] + text[after:]


def _get(data: Any, loc: Loc) -> Any:
    """The value at ``loc`` (keys of mappings, indexes of lists), or ``None`` when there is none."""
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data
