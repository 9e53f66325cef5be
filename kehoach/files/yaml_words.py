"""The YAML parser's words in the user's language: why a file cannot be read, and where.

PyYAML says what went wrong in English, as a *problem* ("did not find expected key") and often a
*context* ("while parsing a block mapping", with the line it started on). kehoach reads files
with libyaml (PyYAML's C parser) where it is built, else with PyYAML's own Python parser, and the
two word their problems differently; both are listed here, from their sources (libyaml's
``src/scanner.c``, ``parser.c``, ``reader.c``; PyYAML's ``yaml/scanner.py``, ``parser.py``,
``reader.py``). kehoach reads the event stream (``yaml.parse``), so PyYAML's composer and
constructor never run and their messages never reach a user. A problem that is not listed (a
newer parser's) is quoted, in a sentence of the user's language.
"""

from __future__ import annotations

import re

from kehoach.errors import clipped
from kehoach.i18n import _

COLON = _("dấu ':' không được phép ở đây; nếu đây là văn bản, hãy đặt nó trong dấu nháy kép")
_TAB = _("ký tự tab không được phép; hãy dùng dấu cách")
_TOKEN = _("ký tự này không thể mở đầu một giá trị YAML; nếu đây là văn bản, hãy đặt nó trong dấu nháy kép")
_KEY = _("thiếu khóa ở đây: thụt lề sai, hoặc một giá trị có dấu ':' hay '#' cần dấu nháy kép")
_ENTRY = _("thiếu dấu '-' của một mục danh sách ở đây; hãy xem lại thụt lề")
_CONTENT = _("thiếu giá trị ở đây")
_ESCAPE = _("chuỗi thoát sau '\\' không hợp lệ trong dấu nháy kép; muốn viết '\\' hãy dùng dấu nháy đơn")
_HEX = _("sau '\\x', '\\u' hoặc '\\U' cần các chữ số hệ 16")
_DIRECTIVE = _("chỉ thị YAML (dòng bắt đầu bằng '%') viết sai; tệp dữ liệu không cần chỉ thị")
_TAG = _("thẻ YAML (bắt đầu bằng '!') viết sai; tệp dữ liệu không cần thẻ")
_NAME = _("sau '&' hoặc '*' cần một tên bằng chữ hoặc số")
_BLOCK_SCALAR = _("sau '|' hoặc '>' chỉ được có '+', '-', một chữ số 1–9 hoặc chú thích")
_END_OF_QUOTE = _("hết tệp mà dấu nháy chưa đóng")
_DOCUMENT = _("sau '...' (hết tài liệu YAML) không được viết gì nữa; tệp chỉ chứa một tài liệu")

PROBLEMS: dict[str, str] = {
    # libyaml, src/scanner.c
    "found character that cannot start any token": _TOKEN,
    "could not find expected ':'": _("thiếu dấu ':' sau khóa"),
    "block sequence entries are not allowed in this context": _(
        "không được mở danh sách ('- ') ở đây; hãy xem lại thụt lề, hoặc đặt giá trị trong dấu nháy kép"
    ),
    "mapping keys are not allowed in this context": _("không được viết khóa ('? ') ở đây; hãy xem lại thụt lề"),
    "mapping values are not allowed in this context": COLON,
    "found unknown directive name": _DIRECTIVE,
    "did not find expected comment or line break": _("sau đó chỉ được có chú thích ('#') hoặc xuống dòng"),
    "could not find expected directive name": _DIRECTIVE,
    "found unexpected non-alphabetical character": _DIRECTIVE,
    "did not find expected digit or '.' character": _DIRECTIVE,
    "found extremely long version number": _DIRECTIVE,
    "did not find expected version number": _DIRECTIVE,
    "did not find expected whitespace": _("thiếu dấu cách ở đây"),
    "did not find expected whitespace or line break": _("thiếu dấu cách hoặc xuống dòng ở đây"),
    "did not find expected alphabetic or numeric character": _NAME,
    "did not find the expected '>'": _TAG,
    "did not find expected '!'": _TAG,
    "did not find expected tag URI": _TAG,
    "did not find URI escaped octet": _TAG,
    "found an incorrect leading UTF-8 octet": _TAG,
    "found an incorrect trailing UTF-8 octet": _TAG,
    "found an indentation indicator equal to 0": _BLOCK_SCALAR,
    "found a tab character where an indentation space is expected": _TAB,
    "found unexpected document indicator": _(
        "dòng bắt đầu bằng '---' hoặc '...' nằm trong dấu nháy chưa đóng; hãy đóng dấu nháy trước đó"
    ),
    "found unexpected end of stream": _END_OF_QUOTE,
    "found unknown escape character": _ESCAPE,
    "did not find expected hexdecimal number": _HEX,
    "found invalid Unicode character escape code": _("mã ký tự Unicode sau '\\u' hoặc '\\U' không tồn tại"),
    "found unexpected ':'": COLON,
    "found a tab character that violates indentation": _TAB,
    # libyaml, src/parser.c
    "did not find expected <stream-start>": _CONTENT,
    "did not find expected <document start>": _DOCUMENT,
    "found undefined tag handle": _TAG,
    "did not find expected node content": _CONTENT,
    "did not find expected '-' indicator": _ENTRY,
    "did not find expected key": _KEY,
    "did not find expected ',' or ']'": _("thiếu dấu ',' hoặc ']' trong danh sách viết trong ngoặc vuông"),
    "did not find expected ',' or '}'": _("thiếu dấu ',' hoặc '}' trong bảng khóa viết trong ngoặc nhọn"),
    "found duplicate %YAML directive": _DIRECTIVE,
    "found incompatible YAML document": _DIRECTIVE,
    "found duplicate %TAG directive": _DIRECTIVE,
    "Maximum nesting level reached, set with yaml_set_max_nest_level())": _(
        "lồng quá sâu; tệp dữ liệu không cần sâu như vậy"
    ),
    # PyYAML, yaml/scanner.py and yaml/parser.py: where their words differ from libyaml's
    "found character '\\t' that cannot start any token": _TAB,
    "mapping values are not allowed here": COLON,
    "sequence entries are not allowed here": _(
        "không được mở danh sách ('- ') ở đây; hãy xem lại thụt lề, hoặc đặt giá trị trong dấu nháy kép"
    ),
    "mapping keys are not allowed here": _("không được viết khóa ('? ') ở đây; hãy xem lại thụt lề"),
    "found unexpected document separator": _(
        "dòng bắt đầu bằng '---' hoặc '...' nằm trong dấu nháy chưa đóng; hãy đóng dấu nháy trước đó"
    ),
    "expected indentation indicator in the range 1-9, but found 0": _BLOCK_SCALAR,
    "found duplicate YAML directive": _DIRECTIVE,
    "found incompatible YAML document (version 1.* is required)": _DIRECTIVE,
}
"""Each problem the parsers word without a part of the file in it, and how kehoach says it."""

PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # PyYAML puts the character or token it found into the problem
    (re.compile(r"found character (.+) that cannot start any token"), _TOKEN),
    (re.compile(r"found unknown escape character .+"), _ESCAPE),
    (re.compile(r"expected escape sequence of \d+ hexadecimal numbers, but found .+"), _HEX),
    (re.compile(r"expected <block end>, but found '<block mapping start>'"), _KEY),
    (re.compile(r"expected <block end>, but found '<block sequence start>'"), _ENTRY),
    (re.compile(r"expected <block end>, but found '<block entry>'"), _ENTRY),
    (re.compile(r"expected <block end>, but found .+"), _KEY),
    (re.compile(r"expected the node content, but found .+"), _CONTENT),
    (
        re.compile(r"expected ',' or '\]', but got .+"),
        _("thiếu dấu ',' hoặc ']' trong danh sách viết trong ngoặc vuông"),
    ),
    (
        re.compile(r"expected ',' or '\}', but got .+"),
        _("thiếu dấu ',' hoặc '}' trong bảng khóa viết trong ngoặc nhọn"),
    ),
    (re.compile(r"expected '<document start>', but found .+"), _DOCUMENT),
    (re.compile(r"expected alphabetic or numeric character, but found .+"), _NAME),
    (re.compile(r"expected chomping or indentation indicators, but found .+"), _BLOCK_SCALAR),
    (
        re.compile(r"expected a comment or a line break, but found .+"),
        _("sau đó chỉ được có chú thích ('#') hoặc xuống dòng"),
    ),
    (re.compile(r"expected (?:a digit|a digit or '\.'|a digit or ' '|' '), but found .+"), _DIRECTIVE),
    (
        re.compile(
            r"(?:expected '!'|expected '>'|expected URI|expected URI escape sequence of 2 hexadecimal numbers)"
            r", but found .+"
        ),
        _TAG,
    ),
    (re.compile(r"(?:found undefined tag handle|duplicate tag handle) .+"), _TAG),
]
"""The problems with a part of the file in them (PyYAML's Python parser)."""

CONTEXTS: dict[str, str] = {
    "while scanning a simple key": _("một khóa"),
    "while parsing a block mapping": _("một bảng khóa"),
    "while parsing a block collection": _("một danh sách"),
    "while parsing a flow sequence": _("một danh sách trong ngoặc vuông"),
    "while parsing a flow mapping": _("một bảng khóa trong ngoặc nhọn"),
    "while scanning a quoted scalar": _("một giá trị trong dấu nháy"),
    "while parsing a quoted scalar": _("một giá trị trong dấu nháy"),
    "while scanning a double-quoted scalar": _("một giá trị trong dấu nháy"),
    "while scanning a plain scalar": _("một giá trị"),
    "while scanning a block scalar": _("một khối văn bản ('|' hoặc '>')"),
    "while parsing a node": _("một giá trị"),
    "while parsing a block node": _("một giá trị"),
    "while parsing a flow node": _("một giá trị"),
    "while scanning an anchor": _("một neo YAML ('&')"),
    "while scanning an alias": _("một bí danh YAML ('*')"),
    "while scanning a tag": _("một thẻ YAML ('!')"),
    "while parsing a tag": _("một thẻ YAML ('!')"),
    "while scanning a directive": _("một chỉ thị YAML ('%')"),
    "while scanning a %YAML directive": _("một chỉ thị YAML ('%')"),
    "while scanning a %TAG directive": _("một chỉ thị YAML ('%')"),
    "while scanning a tag directive": _("một chỉ thị YAML ('%')"),
    "while parsing a tag directive": _("một chỉ thị YAML ('%')"),
    "while parsing a %TAG directive": _("một chỉ thị YAML ('%')"),
}
"""What the parser was reading when it stopped, where that names a part of the file ("while
scanning for the next token" and "while parsing" name none); PyYAML words a few of them with
the part's name put in (``while scanning an %s``), which are the same texts."""


def problem_text(problem: str | None, context: str | None, context_line: int | None, line: int) -> str:
    """Why the parser stopped, in the user's language; with what it was reading, and from which
    line, when that began on another line than the problem (an unclosed quote, a list)."""
    said = _said(problem or context or "")
    part = CONTEXTS.get(context or "")
    if part is None or context_line is None or context_line == line:
        return said
    return _("{problem} (trong {part} bắt đầu ở dòng {line})").format(problem=said, part=part, line=context_line)


def _said(problem: str) -> str:
    if problem in PROBLEMS:
        return PROBLEMS[problem]
    for pattern, text in PATTERNS:
        if pattern.fullmatch(problem):
            return text
    return _("cú pháp YAML không hợp lệ (trình đọc YAML báo: {detail})").format(detail=clipped(problem, 200))


def control_character(code: int) -> str:
    """A character no YAML file may hold (PyYAML's and libyaml's readers refuse it)."""
    return _("ký tự điều khiển U+{code:04X} không được phép trong tệp; hãy xóa nó").format(code=code)
