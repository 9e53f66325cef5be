"""Text from the data made inert for where it is shown: a terminal, a spreadsheet, a report.

The data is written by people (``done --evidence``, an editor, a paste from Word), so its text may
hold control characters or begin like a formula. Each concern has one function here, used by every
view. JSON keeps the exact text (it is for tools: ``json.loads`` gives back every character), but
its bytes are inert too, through :func:`json_text`.

- :func:`visible`: control characters (C0 but a line break, DEL, C1) as ``\\xNN``, so that an ESC,
  BEL, CR or backspace in an evidence cannot move the cursor, recolour or rewrite the screen.
  Terminal tables and lines, Markdown and HTML reports and xlsx cells show text through it.
- :func:`html_text`: :func:`visible`, then HTML's own escaping (the HTML report and its charts).
- :func:`json_text`: every JSON kehoach writes. ``json.dumps`` escapes C0 itself and would leave
  DEL and C1 raw (a C1 byte is a control to many terminals: U+009B starts an escape sequence), so
  they are written ``\\u007f``…``\\u009f``, and so are U+2028 and U+2029, which end a line on some
  screens and in JavaScript before ES2019. The same characters as :func:`visible`'s, plus those two;
  bidirectional controls are left as :func:`visible` leaves them.
- :func:`spreadsheet_text`: a CSV cell that starts like a formula (``=``, ``+``, ``-``, ``@``, a
  tab or a CR) gets a leading ``'`` (OWASP's advice), so a spreadsheet shows it as text. Only
  text is prefixed: kehoach's own numbers are numbers, its dates start with a digit.
- :func:`bounded`: a value shown on a terminal (a table's cell, a line of prose) is cut to
  :data:`SHOWN_LIMIT` characters, with an ellipsis. A 15 MB evidence pasted by mistake would
  otherwise be six hundred thousand lines of one column; the longest text in a real plan (a task's
  content) is about 1,100 characters, so nothing real is cut. JSON, CSV and the reports keep the
  exact text.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from typing import Any

_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""C0 but the line feed (a table's own line break), DEL, C1; and what XML cannot hold at all (lone
surrogates, U+FFFE, U+FFFF), which would make an xlsx or docx writer refuse the whole file."""


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character but ``\\n`` shown as ``\\xNN`` (``\\x1b`` for ESC),
    and the characters XML forbids as ``\\uXXXX``."""
    if text.isprintable():  # the usual text: nothing to do, and fast
        return text
    return _CONTROL.sub(_escaped, text)


_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")
"""What ``json.dumps(ensure_ascii=False)`` leaves raw and :func:`json_text` escapes: DEL, C1, LS, PS."""


def _json_escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(value: Any, *, compact: bool = False) -> str:
    """``value`` as JSON (indented, or on one line when ``compact``), non-ASCII text as it is but
    DEL, C1, U+2028 and U+2029 escaped. Outside strings JSON is ASCII, and such a character is never
    part of an escape, so replacing each with its ``\\uXXXX`` gives the same JSON value."""
    if compact:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(value, ensure_ascii=False, indent=2)
    return _JSON_RAW.sub(_json_escaped, text)


SHOWN_LIMIT = 4000
"""Characters of one value a terminal shows (see :func:`bounded`)."""


def bounded(text: str, limit: int = SHOWN_LIMIT) -> str:
    """``text`` whole if it has at most ``limit`` characters, else its first ones and ``…``, cut
    before a letter's combining marks rather than between them."""
    if len(text) <= limit:
        return text
    cut = limit - 1
    while cut and unicodedata.combining(text[cut]):
        cut -= 1
    return text[:cut] + "…"


def html_text(text: str) -> str:
    """``text`` safe in HTML (and SVG): markup escaped, control characters shown (:func:`visible`)."""
    return html.escape(visible(text))


FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""How a cell that a spreadsheet would read as a formula starts (OWASP, "CSV Injection")."""


def spreadsheet_text(text: str) -> str:
    """``text`` as a spreadsheet cell that is never a formula: a leading ``'`` when it starts with
    one of :data:`FORMULA_TRIGGERS`; else as it is."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text
