"""Checks across files: ids are unique and every reference points at something that exists.

Each check yields :class:`Finding` objects that name the file (the plan, or a unit by id) and the
key path of the offending value; the files layer (kehoach.files.load) places each on its line and
column. Nothing here reads a file, prints or exits.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from datetime import date
from typing import Any, NamedTuple

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import PlanFile, Task, closest_hint, not_found, section_of
from kehoach.domain.occurrences import due_date, period_keys
from kehoach.domain.rules import RecordRules, extension_problem
from kehoach.errors import clipped
from kehoach.i18n import _, day_text

Loc = tuple[str | int, ...]
"""A key path into a data file's data: ``("records", 2, "period")``."""

LINE = "{line}"
"""Stands in a message for the line of what it repeats, until the finding is placed."""


class Finding(NamedTuple):
    """One cross-file problem, before it is placed on a line."""

    unit: str | None
    """The unit whose file it is in (the file's name), or ``None`` for the plan."""
    loc: Loc
    message: str
    rule: str
    earlier: Loc | None = None
    """Where the entry it repeats stands; its line replaces :data:`LINE` in the message."""


def check(dataset: Dataset, checked_units: frozenset[str] = frozenset(), today: date | None = None) -> list[Finding]:
    """Every cross-file problem; units in ``checked_units`` are known to have none of their own.
    With ``today``, also what is dated after it (``validate``: records and decisions not yet made)."""
    plan = Source(None)
    return [
        *_plan_uniqueness(dataset, plan),
        *_task_references(dataset, plan),
        *_group_members(dataset, plan),
        *_sections(dataset, plan),
        *_unit_files(dataset, checked_units, today),
        *_lineages(dataset),
        *_extensions(dataset, plan, today),
    ]


class Source(NamedTuple):
    """The file a check is looking at: a unit's (by id), or the plan (``None``)."""

    unit: str | None


def _at(source: Source, loc: Loc, message: str, rule: str, earlier: Loc | None = None) -> Finding:
    return Finding(source.unit, loc, message, rule, earlier)


def _duplicates(source: Source, section: str, ids: Iterable[str], field: str) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for index, value in enumerate(ids):
        loc = (section, index, field)
        if value in first:
            message = _("'{value}' bị lặp (đã có ở dòng {line}); mỗi mã chỉ dùng một lần").format(
                value=clipped(value), line=LINE
            )
            yield _at(source, loc, message, "unique", (section, first[value], field))
        else:
            first[value] = index


def _repeat(section: str, index: int, key: Hashable, seen: dict[Any, int]) -> Loc | None:
    """Where the entry of ``section`` that first had ``key`` stands, when entry ``index`` repeats it."""
    if key in seen:
        return (section, seen[key])
    seen[key] = index
    return None


def _plan_uniqueness(dataset: Dataset, source: Source) -> Iterator[Finding]:
    plan = dataset.plan
    yield from _duplicates(source, "tasks", (task.ref for task in plan.tasks), "ref")
    yield from _duplicates(source, "groups", (group.id for group in plan.groups), "id")
    yield from _duplicates(source, "events", (event.id for event in plan.events), "id")
    yield from _duplicates(source, "term_calendars", (calendar.id for calendar in plan.term_calendars), "id")
    yield from _duplicates(source, "sections", (section.ref for section in plan.sections), "ref")
    for index, group in enumerate(plan.groups):
        if group.id in dataset.units:
            message = _("nhóm '{id}' trùng mã với một đơn vị; hãy đặt mã khác").format(id=group.id)
            yield _at(source, ("groups", index, "id"), message, "unique")


def _each_missing(
    source: Source, loc: Loc, values: Iterable[str], exists: Callable[[str], bool], kind: str, known: Iterable[str]
) -> Iterator[Finding]:
    for index, value in enumerate(values):
        if not exists(value):
            yield _at(source, (*loc, index), not_found(kind, value, known), "reference")


def _task_references(dataset: Dataset, source: Source) -> Iterator[Finding]:
    owners = [*dataset.units, *dataset.groups]
    is_owner = owners.__contains__
    for index, task in enumerate(dataset.plan.tasks):
        loc: Loc = ("tasks", index)
        yield from _each_missing(source, (*loc, "owners"), task.owners, is_owner, _("đơn vị"), owners)
        yield from _each_missing(source, (*loc, "coordinators"), task.coordinators, is_owner, _("đơn vị"), owners)
        yield from _each_missing(
            source, (*loc, "related"), task.related, dataset.tasks.__contains__, _("nhiệm vụ"), dataset.tasks
        )
        yield from _schedule_references(dataset, source, (*loc, "schedule"), task)


def _schedule_references(dataset: Dataset, source: Source, loc: Loc, task: Task) -> Iterator[Finding]:
    if task.schedule is not None:
        for reference in task.schedule.references(dataset):
            yield _at(source, (*loc, *reference.field), reference.message, reference.rule)


def _sections(dataset: Dataset, source: Source) -> Iterator[Finding]:
    """A heading names a part of the plan that holds tasks: one no task stands under is a typo."""
    headings = {heading for task in dataset.plan.tasks for heading in section_of(task.ref)}
    for index, section in enumerate(dataset.plan.sections):
        if section.ref in dataset.tasks:
            message = _("'{ref}' là số hiệu của một nhiệm vụ, không phải của một mục").format(ref=section.ref)
            yield _at(source, ("sections", index, "ref"), message, "reference")
        elif section.ref not in headings:
            message = _(
                "không có nhiệm vụ nào thuộc mục '{ref}': một mục là một phần của kế hoạch (II) hoặc "
                "một đề mục trong phần (III.5, chứa III.5.1, III.5.2…){hint}"
            ).format(ref=section.ref, hint=closest_hint(section.ref, sorted(headings)))
            yield _at(source, ("sections", index, "ref"), message, "reference")


def _group_members(dataset: Dataset, source: Source) -> Iterator[Finding]:
    units = dataset.units
    for index, group in enumerate(dataset.plan.groups):
        yield from _each_missing(
            source, ("groups", index, "members"), group.members, units.__contains__, _("đơn vị"), units
        )


def unlisted_groups(plan: PlanFile) -> list[tuple[str, list[str]]]:
    """The groups with no members yet that own or coordinate tasks, each with those tasks' refs:
    valid (a draft's group waits for the Board to list its units, ``kehoach import``), but until
    then no unit owes those tasks, so ``validate`` says so on every run."""
    empty = [group.id for group in plan.groups if not group.members]
    return [
        (group, refs)
        for group in empty
        if (refs := [task.ref for task in plan.tasks if group in task.owners or group in task.coordinators])
    ]


def _unit_files(dataset: Dataset, checked_units: frozenset[str], today: date | None) -> Iterator[Finding]:
    rules = RecordRules(dataset, today)
    for unit_id in dataset.units:
        if unit_id not in checked_units:
            yield from _unit_file(rules, unit_id)


def _unit_file(rules: RecordRules, unit_id: str) -> Iterator[Finding]:
    dataset = rules.dataset
    unit = dataset.units[unit_id]
    source = Source(unit_id)
    if unit.id != unit_id:
        message = _("mã '{id}' phải trùng tên tệp '{stem}'; hãy đổi tên tệp hoặc sửa mã").format(
            id=unit.id, stem=unit_id
        )
        yield _at(source, ("id",), message, "unit-id")
    yield from _each_missing(
        source, ("successors",), unit.successors, dataset.units.__contains__, _("đơn vị"), dataset.units
    )
    yield from _unit_records(rules, source, unit_id)


def _unit_records(rules: RecordRules, source: Source, unit_id: str) -> Iterator[Finding]:
    records = rules.dataset.units[unit_id].records
    for index, broken in rules.broken(unit_id, records):
        yield _at(source, ("records", index, broken.field), broken.message, broken.rule)
    seen: dict[tuple[str, str], int] = {}
    for index, record in enumerate(records):
        if (earlier := _repeat("records", index, (record.task, record.period), seen)) is not None:
            message = _("đã có bản ghi cho {ref} kỳ {period} ở dòng {line}").format(
                ref=record.task, period=record.period, line=LINE
            )
            yield _at(source, ("records", index), message, "unique", earlier)


# --- reorganisations ---------------------------------------------------------------------------

ORPHAN_HORIZON_YEARS = 30
"""How far past a unit's end kehoach looks for obligations no one would owe (yearly tasks never end)."""


def _lineages(dataset: Dataset) -> Iterator[Finding]:
    """Successors form no cycle, and a unit that ends leaves none of its obligations without an owner.

    Checked for the whole folder (never per unit file): both depend on other units' files.
    """
    for unit_id in sorted(dataset.reorganised if dataset.reorganised is not None else dataset.units):
        unit = dataset.lineage.units[unit_id]  # its head: its records are not needed here
        if not unit.successors and unit.until is None:
            continue
        source = Source(unit_id)
        cycle = dataset.lineage.cycle_from(unit_id) if unit.successors else None
        if cycle:
            message = _("vòng kế thừa: {path}; đơn vị kế thừa không được quay lại đơn vị trước").format(
                path=" → ".join(cycle)
            )
            yield _at(source, ("successors",), message, "lineage")
        elif unit.until is not None:
            yield from _orphans(dataset, source, unit_id, unit.until)


def _orphans(dataset: Dataset, source: Source, unit_id: str, until: date) -> Iterator[Finding]:
    horizon = date(until.year + ORPHAN_HORIZON_YEARS, 12, 31)
    for task in dataset.plan.tasks:
        if not dataset.assigned(unit_id, task):
            continue
        for key in period_keys(task, dataset, horizon):
            due = due_date(task, key, dataset)
            if due is not None and due > until and not dataset.lineage.owners([unit_id], due):
                message = _(
                    "nhiệm vụ {ref} kỳ {period} (hạn {due}) không còn ai chịu trách nhiệm sau khi đơn vị kết thúc; "
                    "hãy ghi 'successors' (đơn vị kế thừa đang tồn tại vào ngày đó)"
                ).format(ref=task.ref, period=key, due=day_text(due))
                yield _at(source, ("until",), message, "lineage")
                break


# --- extensions --------------------------------------------------------------------------------


def _extensions(dataset: Dataset, source: Source, today: date | None) -> Iterator[Finding]:
    """Each extension names a task, a unit owing it, a period it has, and a later day; once each;
    with ``today``, its document is not dated after it."""
    seen: dict[tuple[str, str | None, str], int] = {}
    for index, extension in enumerate(dataset.plan.extensions):
        loc: Loc = ("extensions", index)
        broken = extension_problem(dataset, extension, today)
        if broken is not None:
            yield _at(source, (*loc, broken.field), broken.message, broken.rule)
        key = (extension.task, extension.unit, extension.period)
        if (earlier := _repeat("extensions", index, key, seen)) is not None:
            message = _("đã có gia hạn cho {ref} kỳ {period} ở dòng {line}; hãy gộp làm một").format(
                ref=extension.task, period=extension.period, line=LINE
            )
            yield _at(source, loc, message, "unique", earlier)
