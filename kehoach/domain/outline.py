"""A plan document's outline: its parts, numbered paragraphs and bullets, and each obligation in it
with its ref, its text as written, its schedule phrase and the line it starts on.

The first step of ``kehoach import`` (issue 19): it reads the plain text of a plan, in the shape
every implementation plan has (domain.md, "Shape of the document"), and knows nothing of any one
plan's data. No I/O: the text is given.

* Paragraphs are separated by blank lines; a page break in a text export leaves a sentence cut in
  two, and the second half is the only kind of paragraph that starts with a lowercase letter: it is
  joined back to the one before, unless that one is a line in capitals (``KẾ HOẠCH``, whose subject
  starts in lowercase: "thực hiện Kết luận…").
* A part is a line ``II. NHIỆM VỤ TRỌNG TÂM``: a Roman numeral and a title in capitals.
* The part titled ``MỤC ĐÍCH…`` holds the purposes (``1. …``, no tasks). In a part whose paragraphs are bullets (``-``,
  ``+``), ``N. …`` is a heading (an owner's) and its bullets, ``-`` and ``+`` counted together, are
  the tasks ``III.N.k``; in the others, ``N. …`` is the task ``II.N``.
* Each obligation's schedule phrase is its annotation, ``(*…*)``; a paragraph with several is one
  task per annotation, suffixed ``a``, ``b``, ``c``, each ending after its annotation (and the
  punctuation that follows it). The text keeps the annotation in plain parentheses, as the data
  writes it.
* Before part I: the document's type (``KẾ HOẠCH``), its subject, and the preamble; after the last
  part's tasks, before ``Nơi nhận:``, the closing paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ANNOTATION = re.compile(r"\(\*(.*?)\*\)", re.S)
PART = re.compile(r"(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+(\S.*)", re.S)
NUMBERED = re.compile(r"(\d+)\.\s+(\S.*)", re.S)
BULLET = re.compile(r"[-+]\s+(\S.*)", re.S)
DISTRIBUTION = re.compile(r"nơi nhận:?", re.I)
PURPOSES = re.compile(r"MỤC ĐÍCH")
"""The part that states the plan's purposes (``I. MỤC ĐÍCH, YÊU CẦU``): no tasks in it."""
_PUNCTUATION = (";", ",", ".", ":")
"""What may follow an annotation and still belong to its obligation: ``(*năm 2022*);``."""


@dataclass(frozen=True)
class Block:
    """A paragraph of the document, page-break halves joined, and the line it starts on (from 1)."""

    text: str
    line: int


@dataclass(frozen=True)
class Obligation:
    ref: str
    text: str
    """As written, the annotation in plain parentheses: ``… (thực hiện thường xuyên).``"""
    phrase: str | None
    """The annotation's words, ``thực hiện thường xuyên``; ``None`` for a task the document gives no time."""
    line: int
    heading: str | None = None
    """The numbered heading it stands under (III's owner), e.g. ``III.5``."""


@dataclass
class Outline:
    kind: str | None = None
    """The document's type as written, ``KẾ HOẠCH``."""
    subject: str | None = None
    preamble: str | None = None
    parts: dict[str, str] = field(default_factory=dict)
    """Each part's title as written: ``{"II": "NHIỆM VỤ TRỌNG TÂM"}``."""
    headings: dict[str, str] = field(default_factory=dict)
    """Each numbered heading inside a part: ``{"III.5": "Ban Tổ chức Tỉnh ủy"}``."""
    lines: dict[str, int] = field(default_factory=dict)
    """The line each part and heading starts on: ``{"III": 40, "III.5": 75}``."""
    intros: dict[str, Block] = field(default_factory=dict)
    """A part's opening paragraph, before its first numbered one (section II's addressees)."""
    purpose: list[str] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)
    closing: str | None = None
    unplaced: list[Block] = field(default_factory=list)
    """Paragraphs with an annotation the outline found no place for (a reviewer must look)."""
    renumbered: list[tuple[str, str, int]] = field(default_factory=list)
    """A part, heading or paragraph whose number the document repeats, given the next free one
    (as written, as numbered, its line): two "1." in one part are two refs, not one."""


def blocks(text: str) -> list[Block]:
    found: list[Block] = []
    line = 1
    for chunk in re.split(r"(\n[ \t\u00a0]*\n)", text.replace("\r\n", "\n")):
        stripped = " ".join(chunk.split())
        if chunk.startswith("\n") and not stripped:
            line += chunk.count("\n")
            continue
        if stripped:
            first = line + len(chunk) - len(chunk.lstrip("\n"))
            if found and stripped[0].islower() and found[-1].text != found[-1].text.upper():
                found[-1] = Block(f"{found[-1].text} {stripped}", found[-1].line)
            else:
                found.append(Block(stripped, first))
        line += chunk.count("\n")
    return found


def outline(text: str) -> Outline:
    result = Outline()
    part: str | None = None
    body: list[Block] = []
    parts: list[tuple[str, list[Block]]] = []
    for block in blocks(text):
        if DISTRIBUTION.fullmatch(block.text):
            break
        heading = PART.fullmatch(block.text)
        if heading and heading[2] == heading[2].upper():
            part = _free_part(heading[1], result, block.line)
            if part is None:  # an eleventh part: kehoach's refs go to X
                (parts[-1][1] if parts else body).append(block)
                continue
            result.parts[part] = heading[2]
            result.lines[part] = block.line
            parts.append((part, []))
        elif part is None:
            body.append(block)
        else:
            parts[-1][1].append(block)
    _front(result, body)
    for index, (name, found) in enumerate(parts):
        last = index == len(parts) - 1
        if PURPOSES.search(result.parts[name]) and not result.purpose:
            result.purpose = [m[2] for b in found if (m := NUMBERED.fullmatch(b.text))]
        elif any(BULLET.fullmatch(b.text) for b in found):
            _bulleted(result, name, found)
        else:
            _numbered(result, name, found, last)
    return result


def _front(result: Outline, found: list[Block]) -> None:
    """The type (a line in capitals), the subject under it, and the preamble."""
    rest = list(found)
    if rest and rest[0].text == rest[0].text.upper():
        result.kind = rest.pop(0).text
        if rest:
            result.subject = rest.pop(0).text
    if rest:
        result.preamble = " ".join(block.text for block in rest)


def _numbered(result: Outline, part: str, found: list[Block], last: bool) -> None:
    for position, block in enumerate(found):
        match = NUMBERED.fullmatch(block.text)
        if position == 0 and not match and not ANNOTATION.search(block.text):
            result.intros[part] = block
        elif match:
            ref = _free_number(part, match[1], result, block.line, {o.ref.rstrip(_LETTERS) for o in result.obligations})
            result.obligations += _split(ref, match[2], block.line, None)
        elif last and position == len(found) - 1 and result.obligations:
            result.closing = block.text
        elif ANNOTATION.search(block.text):
            result.unplaced.append(block)


def _bulleted(result: Outline, part: str, found: list[Block]) -> None:
    heading: str | None = None
    count = 0
    for block in found:
        numbered, bullet = NUMBERED.fullmatch(block.text), BULLET.fullmatch(block.text)
        if numbered and not ANNOTATION.search(block.text):
            heading, count = _free_number(part, numbered[1], result, block.line, set(result.headings)), 0
            result.headings[heading] = numbered[2]
            result.lines[heading] = block.line
        elif bullet and heading is not None:
            count += 1
            result.obligations += _split(f"{heading}.{count}", bullet[1], block.line, heading)
        elif heading is None and not bullet and not ANNOTATION.search(block.text):
            result.intros.setdefault(part, block)
        elif ANNOTATION.search(block.text):
            result.unplaced.append(block)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _free_part(numeral: str, result: Outline, line: int) -> str | None:
    """The part's numeral, or the first one after the last part's when the document repeats it."""
    if numeral not in result.parts:
        return numeral
    after = _NUMERALS.index(max(result.parts, key=_NUMERALS.index)) + 1
    free = next((n for n in _NUMERALS[after:] if n not in result.parts), None)
    if free is not None:
        result.renumbered.append((numeral, free, line))
    return free


def _free_number(part: str, number: str, result: Outline, line: int, taken: set[str]) -> str:
    """``{part}.{number}``, or the part's next free number when the document repeats it."""
    ref = f"{part}.{number}"
    if ref not in taken:
        return ref
    used = [int(r.rpartition(".")[2]) for r in taken if r.rpartition(".")[0] == part]
    free = f"{part}.{max(used) + 1}"
    result.renumbered.append((ref, free, line))
    return free


def _split(ref: str, text: str, line: int, heading: str | None) -> list[Obligation]:
    """One obligation per annotation (``a``, ``b``… when there are several), each ending after its
    annotation and the punctuation that follows it; what follows the last belongs to the last."""
    annotations = list(ANNOTATION.finditer(text))
    plain = ANNOTATION.sub(lambda match: f"({match[1]})", text)
    if len(annotations) < 2:
        phrase = " ".join(annotations[0][1].split()) if annotations else None
        return [Obligation(ref, plain, phrase, line, heading)]
    pieces: list[Obligation] = []
    start = 0
    for index, annotation in enumerate(annotations):
        end = annotation.end()
        end += len(text[end : end + 1]) if text[end : end + 1] in _PUNCTUATION else 0
        if index == len(annotations) - 1:
            end = len(text)
        piece = ANNOTATION.sub(lambda match: f"({match[1]})", text[start:end]).strip()
        suffix = chr(ord("a") + index)  # a, b, c… (a paragraph of 27 obligations is not a plan's)
        pieces.append(Obligation(ref + suffix, piece, " ".join(annotation[1].split()), line, heading))
        start = end
    return pieces
