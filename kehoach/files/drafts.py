"""The files of a draft plan (``kehoach import``), as a person would write them by hand.

:func:`draft_files` turns a :class:`kehoach.domain.draft.Draft` into ``plan.yaml``, one
``units/<id>.yaml`` per unit and ``review.txt``: long texts as folded blocks at
:data:`WIDTH` columns, the way ``data/plan.yaml`` is written, short ones plain where YAML reads them
back the same (:func:`kehoach.files.yamlio.scalar_text`), and the draft's comments (why a group has
no members, where a phrase was not read) above the entry they are about. The same draft always
gives the same bytes. Each file is read back before it is returned: a text that would not come
back as the draft has it is a bug, not a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import yaml

from kehoach.domain.draft import Draft, Review
from kehoach.domain.model import PlanFile, Unit
from kehoach.files.datadir import PLAN_FILE, UNITS_DIR
from kehoach.files.yamlio import scalar_text
from kehoach.i18n import _

WIDTH = 100
"""The column folded texts wrap at, as in the shipped plan."""
REVIEW_FILE = "review.txt"
_FLOW_LIMIT = 80
"""A list of ids stays on one line (``owners: [a, b]``) up to this many characters."""


def draft_files(draft: Draft, source: str, place: Callable[[int], str]) -> dict[str, str]:
    """Every file of the draft, by its path in the data folder; ``source``: the document's name,
    ``place``: how a line of it is named (:func:`kehoach.files.documents.places`)."""
    files = {PLAN_FILE: plan_text(draft, source)}
    for unit in draft.units:
        files[f"{UNITS_DIR}/{unit.id}.yaml"] = unit_text(unit, draft.comments.get(unit.id))
    files[REVIEW_FILE] = review_text(draft.review, source, place)
    return files


def plan_text(draft: Draft, source: str) -> str:
    plan = draft.plan
    lines = [
        "# "
        + _("Bản nháp do `kehoach import` soạn từ {source}: xem {review} rồi sửa trước khi dùng.").format(
            source=source, review=REVIEW_FILE
        ),
        "schema: 1",
        "plan:",
        *_mapping(plan.plan.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True), 1),
    ]
    for key, entries in (
        ("term_calendars", plan.term_calendars),
        ("events", plan.events),
        ("groups", plan.groups),
        ("sections", plan.sections),
        ("tasks", plan.tasks),
    ):
        if not entries:
            continue
        lines.append(f"{key}:")
        for entry in entries:
            name = str(getattr(entry, "id", None) or getattr(entry, "ref", ""))
            dumped = entry.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
            if key == "events":
                dumped.setdefault("date", None)  # written out: the line a person fills in when it happens
            if key == "groups":
                dumped["members"] = dumped.get("members", [])
            if "schedule" in dumped:  # its kind first and its phrase last, as a person writes it
                schedule = dict(dumped["schedule"])
                kind, written = schedule.pop("kind"), schedule.pop("as_written", None)
                dumped["schedule"] = {"kind": kind, **schedule, **({"as_written": written} if written else {})}
            lines += _item(dumped, draft.comments.get(name) if key != "sections" else None)
    text = "\n".join(lines) + "\n"
    _read_back(text, plan.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True), PlanFile)
    return text


def unit_text(unit: Unit, comment: str | None) -> str:
    dumped = unit.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
    dumped.pop("records", None)
    lines = [f"# {comment}"] if comment else []
    lines += _mapping({"schema": 1, **dumped}, 0)
    lines.append("records:  # " + _("thêm bằng `kehoach done` và `kehoach waive`"))
    text = "\n".join(lines) + "\n"
    _read_back(text, unit.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True), Unit)
    return text


def review_text(review: list[Review], source: str, place: Callable[[int], str]) -> str:
    head = _("Cần xem lại trong bản nháp ({count} điểm), theo vị trí trong {source}:").format(
        count=len(review), source=source
    )
    return "\n".join([head, *(f"  {line}" for line in review_lines(review, place))]) + "\n"


def review_lines(review: list[Review], place: Callable[[int], str]) -> list[str]:
    """Each point, in the document's order (those about the document as a whole first)."""
    ordered = sorted(review, key=lambda item: (item.line is not None, item.line or 0))
    return [f"{place(item.line)}: {item.message}" if item.line else item.message for item in ordered]


def _item(entry: dict[str, Any], comment: str | None) -> list[str]:
    lines = [f"  # {comment}"] if comment else []
    body = _mapping(entry, 2)
    return [*lines, "  - " + body[0][4:], *body[1:]]


def _mapping(mapping: dict[str, Any], depth: int) -> list[str]:
    indent = "  " * depth
    lines: list[str] = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            lines += [f"{indent}{key}:", *_mapping(value, depth + 1)]
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            lines.append(f"{indent}{key}:")
            for item in value:
                body = _mapping(item, depth + 2)
                lines += [f"{indent}  - " + body[0].lstrip(), *body[1:]]
        elif isinstance(value, list):
            lines += _sequence(key, value, indent)
        else:
            lines += _scalar(key, value, indent)
    return lines


def _sequence(key: str, values: list[Any], indent: str) -> list[str]:
    texts = [_plain(value) for value in values]
    flow = f"{indent}{key}: [{', '.join(texts)}]"
    if all(isinstance(value, int) or _is_id(value) for value in values) and len(flow) <= _FLOW_LIMIT + len(indent):
        return [flow]
    lines = [f"{indent}{key}:"]
    for value in values:
        lines += _folded_item(value, indent + "  ")
    return lines


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and value.replace("-", "").replace(".", "").isalnum() and value.isascii()


def _scalar(key: str, value: Any, indent: str) -> list[str]:
    line = f"{indent}{key}: {_plain(value)}"
    if isinstance(value, str) and len(line) > WIDTH and _foldable(value):
        return [f"{indent}{key}: >-", *_wrapped(value, indent + "  ")]
    return [line]


def _folded_item(value: Any, indent: str) -> list[str]:
    line = f"{indent}- {_plain(value)}"
    if isinstance(value, str) and len(line) > WIDTH and _foldable(value):
        return [f"{indent}- >-", *_wrapped(value, indent + "  ")]
    return [line]


def _plain(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str, date)):
        return scalar_text(value)
    raise TypeError(value)  # a draft holds only these (the models' dumps)


def _foldable(text: str) -> bool:
    """Whether a folded block reads back as exactly this text: one line, single spaces, printable."""
    return text.isprintable() and text == " ".join(text.split(" ")) and "  " not in text and text == text.strip()


def _wrapped(text: str, indent: str) -> Iterator[str]:
    line = ""
    for word in text.split(" "):
        if line and len(indent) + len(line) + 1 + len(word) > WIDTH:
            yield indent + line
            line = word
        else:
            line = f"{line} {word}" if line else word
    yield indent + line


def _read_back(text: str, expected: dict[str, Any], model: type[PlanFile] | type[Unit]) -> None:
    """The text must read back as the draft has it (a bug otherwise: nothing is written)."""
    read = model.model_validate(yaml.safe_load(text))
    if read.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True) != expected:
        raise AssertionError(f"the draft's {model.__name__} does not read back as drafted")
