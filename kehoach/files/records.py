"""Recording what units did: which occurrence a request means, and writing the record safely.

The checks here refuse a request before anything is written (an unknown task or unit, a unit
that does not owe the task, a period the schedule does not have, a day in the future or before
the plan); :func:`append_record` and :func:`remove_record` change one unit file through
:mod:`kehoach.files.storage`, after proving that the new text reads back as exactly the intended data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Extension, OnEvent, PlanFile, Record, Task, Unit
from kehoach.domain.occurrences import Occurrence, coming_up_to, occurrence_of, owed, period_keys
from kehoach.domain.rules import not_assigned, record_problem
from kehoach.domain.selection import resolve_task, resolve_units
from kehoach.errors import UsageError
from kehoach.files.storage import WriteRefused, replace_text
from kehoach.files.yamlio import (
    Document,
    EditRefused,
    YamlError,
    append_mapping,
    parse,
    remove_item,
    scalar_text,
    scan_text,
    set_values,
)
from kehoach.i18n import _


def owned_task(dataset: Dataset, ref: str, unit: str) -> tuple[Task, str]:
    """The task and the one unit a request names; a group, or a unit not owing the task, is refused."""
    task = resolve_task(dataset, ref)
    if unit in dataset.groups:
        members = ", ".join(dataset.groups[unit].members)
        raise UsageError(_("'{group}' là một nhóm; hãy chọn một đơn vị: {members}").format(group=unit, members=members))
    resolve_units(dataset, [unit])  # refuses an unknown unit, with suggestions
    if not dataset.owes(unit, task):
        raise UsageError(not_assigned(unit, ref))
    return task, unit


def period_for(dataset: Dataset, task: Task, unit: str, period: str | None, as_of: date) -> str:
    """The period a request means: the one named, or else the unit's oldest open one (overdue first)."""
    if period is not None:
        return period
    open_ones = [entry.occurrence for entry in owed(dataset, task, unit, as_of) if not entry.status.recorded]
    if not open_ones:
        raise UsageError(_nothing_open(dataset, task, unit, coming_up_to(as_of)))
    return open_ones[0].period


def _nothing_open(dataset: Dataset, task: Task, unit: str, horizon: date) -> str:
    """Why nothing of ``task`` is left for ``unit`` to record: its event has not happened, it has no
    period at all (no deadline, and no reporting rule), or every period so far is recorded."""
    schedule = task.schedule
    if isinstance(schedule, OnEvent) and dataset.events[schedule.event].date is None:
        event = dataset.events[schedule.event]
        return _(
            "nhiệm vụ {ref} chờ sự kiện '{name}', chưa xảy ra: chưa có gì để ghi nhận. "
            "Khi sự kiện xảy ra, hãy ghi: kehoach event {event} --on NGÀY --by VĂN_BẢN"
        ).format(ref=task.ref, name=event.name, event=event.id)
    if next(period_keys(task, dataset, horizon), None) is None:
        return _(
            "nhiệm vụ {ref} chưa có kỳ nào để ghi nhận: văn bản không đặt hạn, và plan.yaml không có chế độ "
            "báo cáo ('reporting') cho nhiệm vụ không có hạn"
        ).format(ref=task.ref)
    return _("đơn vị '{unit}' đã ghi nhận mọi kỳ của nhiệm vụ {ref} đến nay; chỉ rõ kỳ bằng --period").format(
        unit=unit, ref=task.ref
    )


def checked_record(dataset: Dataset, unit: str, as_of: date, **fields: object) -> tuple[Record, Occurrence]:
    """A record from command-line values, refused unless it keeps every rule ``validate`` holds
    records to (kehoach.domain.rules), with its occurrence (deadline in force)."""
    record = from_options(Record, **fields)
    broken = record_problem(dataset, unit, record, as_of)
    if broken is not None:
        raise UsageError(broken.message)
    occurrence = occurrence_of(dataset, dataset.tasks[record.task], unit, record.period)
    assert occurrence is not None  # record_problem refuses a period the task does not have
    # Written under the occurrence's own key (a term rule's first calendar: 2020-2025, not 2021-2026).
    return record.model_copy(update={"period": occurrence.period}), occurrence


def from_options(model: type[M], **fields: object) -> M:
    """A record or an extension from command-line values (named by their options); text that
    cannot be stored is refused, not crashed on."""
    for name, value in fields.items():
        if isinstance(value, str) and not value.strip():
            raise UsageError(_("--{name} không được để trống").format(name=name.replace("_", "-")))
        if isinstance(value, str) and any("\ud800" <= char <= "\udfff" for char in value):
            raise UsageError(_("--{name} có byte không phải UTF-8; hãy gõ lại").format(name=name))
    try:
        return model.model_validate({key: value for key, value in fields.items() if value is not None})
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise UsageError(f"--{'-'.join(str(part) for part in first['loc'])}: {first['msg']}") from None


def existing_record(dataset: Dataset, unit: str, ref: str, period: str) -> tuple[int, Record] | None:
    """The unit's record of that period: the one written under ``period`` itself, else one under
    another name of the same occurrence (a term rule's other calendar)."""
    records = [(index, record) for index, record in enumerate(dataset.units[unit].records) if record.task == ref]
    for index, record in records:
        if record.period == period:
            return index, record
    occurrence = dataset.own_period(ref, period)
    for index, record in records:
        if dataset.own_period(ref, record.period) == occurrence:
            return index, record
    return None


def record_lines(record: Record) -> dict[str, str]:
    """The record as YAML values, in the order people read them; empty fields left out."""
    fields = record.model_dump(exclude_none=True)
    return {key: scalar_text(value) for key, value in fields.items()}


M = TypeVar("M", bound=BaseModel)


class Written(NamedTuple):
    """A unit file as kehoach wrote it: its bytes, and the unit they were proven to read back as."""

    path: Path
    data: bytes
    unit: Unit


def append_record(document: Document, before: Unit, record: Record) -> Written:
    """Add ``record`` at the end of the unit file's ``records``, inserting only its lines."""
    try:
        text = append_mapping(document, ("records",), record_lines(record))
    except EditRefused:
        raise _layout_refused(document) from None
    return _write_checked(document, text, before.model_copy(update={"records": [*before.records, record]}))


def remove_record(document: Document, before: Unit, index: int) -> Written:
    """Take record ``index`` out of the unit file, removing only its lines."""
    try:
        text = remove_item(document, ("records", index))
    except EditRefused:
        raise _layout_refused(document) from None
    kept = [record for position, record in enumerate(before.records) if position != index]
    return _write_checked(document, text, before.model_copy(update={"records": kept}))


def _write_checked(document: Document, text: str, expected: Unit) -> Written:
    """Write ``text`` only if it reads back, strictly, as exactly ``expected``."""
    _check_reads_back(document, text, expected)
    return Written(document.path, replace_text(document, text), expected)


def _check_reads_back(document: Document, text: str, expected: BaseModel) -> None:
    try:
        if scan_text(document.path, text):
            raise YamlError([])
        written = type(expected).model_validate(parse(document.path, text).data)
    except (YamlError, ValueError):
        written = None
    if written != expected:
        raise WriteRefused(
            _("bản sửa {path} không đọc lại đúng như dự định; không ghi gì (hãy báo lỗi này)").format(
                path=document.path.name
            )
        )


def append_extension(document: Document, plan: PlanFile, extension: Extension) -> None:
    """Add an extension at the end of the plan's ``extensions`` (the key is added if missing)."""
    fields = {key: scalar_text(value) for key, value in extension.model_dump(exclude_none=True).items()}
    try:
        text = append_mapping(document, ("extensions",), fields)
    except EditRefused:
        raise WriteRefused(
            _("không sửa được {path}: 'extensions' không viết dạng danh sách khối; hãy sửa tay").format(
                path=document.path.name
            )
        ) from None
    _check_reads_back(document, text, plan.model_copy(update={"extensions": [*plan.extensions, extension]}))
    replace_text(document, text)


def write_event(document: Document, plan: PlanFile, event_id: str, on: date, by: str) -> None:
    """Write in the plan that an event happened on ``on`` (``date:``), as ``by`` says (``by:``)."""
    index = next(position for position, event in enumerate(plan.events) if event.id == event_id)
    try:
        text = set_values(document, ("events", index), {"date": scalar_text(on), "by": scalar_text(by)})
    except EditRefused:
        raise WriteRefused(
            _("không sửa được {path}: sự kiện '{event}' không viết dạng khối ('date: …' một dòng); hãy sửa tay").format(
                path=document.path.name, event=event_id
            )
        ) from None
    happened = plan.events[index].model_copy(update={"date": on, "by": by})
    events = [happened if position == index else event for position, event in enumerate(plan.events)]
    _check_reads_back(document, text, plan.model_copy(update={"events": events}))
    replace_text(document, text)


def _layout_refused(document: Document) -> WriteRefused:
    return WriteRefused(
        _("không sửa được {path}: 'records' không viết dạng danh sách khối ('- task: …'); hãy sửa tay").format(
            path=document.path.name
        )
    )
