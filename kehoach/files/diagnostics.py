"""Turn pydantic's validation errors into :class:`~kehoach.errors.Problem` objects.

Pydantic reports where an error is as a ``loc`` through the *models*; a data file's editor
needs the spot in the *file*. The two differ where a schedule's ``kind`` picks a model:
pydantic puts the kind in the ``loc`` (``schedule.deadline.by``), the file has no such key.
:func:`split_loc` walks the model types beside the ``loc`` to drop those tags, and also finds
the model that rejected an unknown key, so the message can suggest the closest known key.
"""

from __future__ import annotations

import difflib
import re
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from pydantic_core.core_schema import ErrorType

from kehoach.errors import Problem, clipped
from kehoach.files.yamlio import Document, Loc, key_path
from kehoach.i18n import _


def problems_from_validation(document: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    return [_problem(document, model, details) for details in error.errors(include_url=False)]


def _problem(document: Document, model: type[BaseModel], details: ErrorDetails) -> Problem:
    loc, owner = split_loc(model, details["loc"])
    is_key = details["type"] == "extra_forbidden"
    line, column = document.position(loc, key=is_key)
    written = None
    number = details.get("input")
    if isinstance(number, (int, float)) and not isinstance(number, bool) and loc in document.spans:  # 1.10, 0o17
        start, end = document.spans[loc]
        written = document.text[start:end]
    return Problem(document.path, line, column, message(details, owner, written), details["type"], key_path(loc))


def message(details: ErrorDetails, owner: type[BaseModel] | None, written: str | None = None) -> str:
    """The Vietnamese message for one pydantic error; ``written``: a number as the file spells it
    (``1.10`` reads 1.1, ``0o17`` reads 15)."""
    kind, context, value = details["type"], details.get("ctx", {}), details.get("input")
    if kind == "extra_forbidden":
        return _unknown_key(str(details["loc"][-1]), owner)
    if kind == "missing":
        return _("thiếu khóa bắt buộc '{key}'").format(key=clipped(details["loc"][-1]))
    if kind == "string_type" and (value is None or isinstance(value, (int, bool, float))):
        return _("cần văn bản; nếu đúng là '{value}', hãy đặt trong dấu nháy kép: \"{value}\"").format(
            value=written or _as_written(value)
        )
    template = _TEMPLATES.get(kind)
    if template:
        shown = written or _as_written(value)
        return template.format(**{key: _plain(item) for key, item in context.items()}, value=shown)
    if kind in _PYDANTIC_KINDS:  # pydantic's own words, in English: quoted in a sentence of the user's language
        return _("giá trị '{value}' không hợp lệ ở đây (pydantic: {reason})").format(
            value=_as_written(value), reason=clipped(details["msg"], 200)
        )
    return clipped(details["msg"], 400)  # kehoach's own error (domain/model.py), already in the user's language


_TEMPLATES = {
    "string_type": _("cần văn bản"),
    "int_type": _("cần một số nguyên, không phải '{value}'"),
    "int_parsing": _("cần một số nguyên, không phải '{value}'"),
    "int_from_float": _("cần một số nguyên, không phải '{value}'"),
    "bool_type": _("cần true hoặc false, không phải '{value}'"),
    "literal_error": _("giá trị '{value}' không hợp lệ; chọn một trong: {expected}"),
    "enum": _("giá trị '{value}' không hợp lệ; chọn một trong: {expected}"),
    "list_type": _("cần một danh sách"),
    "dict_type": _("cần một bảng khóa (các dòng 'khóa: giá trị')"),
    "model_type": _("cần một bảng khóa (các dòng 'khóa: giá trị')"),
    "model_attributes_type": _("cần một bảng khóa (các dòng 'khóa: giá trị')"),
    "too_short": _("cần ít nhất {min_length} phần tử"),
    "greater_than_equal": _("phải lớn hơn hoặc bằng {ge}, không phải {value}"),
    "less_than_equal": _("phải nhỏ hơn hoặc bằng {le}, không phải {value}"),
    "union_tag_not_found": _("thiếu khóa '{discriminator}' (loại lịch)"),
    "union_tag_invalid": _("loại '{tag}' không có; chọn một trong: {expected_tags}"),
}


def _as_written(value: Any) -> str:
    """A value as the YAML file spelled it (``true``, ``null``), for quoting advice; a long one cut."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return clipped(value)


_PYDANTIC_KINDS = frozenset(get_args(ErrorType))
"""The kinds of pydantic's own errors; any other kind is one of kehoach's (``PydanticCustomError``)."""
_CHOICE = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _plain(value: Any) -> str:
    """A value of pydantic's context as a message shows it. A list of choices, which pydantic
    writes in English (``'a', 'b' or 'c'``), is listed with commas in any language."""
    text = str(value)
    choices = _CHOICE.findall(text)
    if choices and _CHOICE.sub("", text).strip(" ,") in ("", "or"):
        return ", ".join(choices)
    return text.replace("'", "")


def _unknown_key(key: str, owner: type[BaseModel] | None) -> str:
    key = clipped(key)
    known = _aliases(owner) if owner else []
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return _("khóa không hợp lệ '{key}'; có phải ý bạn là '{close}'?").format(key=key, close=close[0])
    if known:
        listed = ", ".join(f"'{name}'" for name in known)  # quoted, as a key is written: 'from' is no word
        return _("khóa không hợp lệ '{key}'; các khóa được dùng ở đây: {known}").format(key=key, known=listed)
    return _("khóa không hợp lệ '{key}'").format(key=key)


def _aliases(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def split_loc(root: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[Loc, type[BaseModel] | None]:
    """The file path of a pydantic ``loc``, and the model that holds its last key."""
    current: Any = root
    path: list[str | int] = []
    owner: type[BaseModel] | None = None
    for part in loc:
        current = _unwrap(current)
        tags = _tagged_members(current)
        if tags is not None and part in tags:
            current = tags[part]  # a discriminator value: in the loc, not in the file
            continue
        path.append(part)
        owner = current if _is_model(current) else owner
        current = _step(current, part)
    return tuple(path), owner


def _step(current: Any, part: str | int) -> Any:
    if _is_model(current):
        by_alias = {field.alias or name: field for name, field in current.model_fields.items()}
        field = by_alias.get(str(part))
        return field.annotation if field else None
    if get_origin(current) is list:
        return get_args(current)[0]
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated[...]`` and ``Optional[...]`` down to the type that matters."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation


def _tagged_members(annotation: Any) -> dict[str, type[BaseModel]] | None:
    if get_origin(annotation) not in (Union, types.UnionType):
        return None
    members: dict[str, type[BaseModel]] = {}
    for member in get_args(annotation):
        kind = member.model_fields.get("kind") if _is_model(member) else None
        if kind is None or get_origin(kind.annotation) is not Literal:
            return None
        members[get_args(kind.annotation)[0]] = member
    return members


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
