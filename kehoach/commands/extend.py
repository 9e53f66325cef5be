"""``kehoach extend``: record in the plan that a later decision moved one occurrence's deadline."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from kehoach.domain.labels import period_of
from kehoach.domain.model import Extension
from kehoach.domain.occurrences import Entry, Status, due_date, moved_by
from kehoach.domain.rules import extension_problem
from kehoach.domain.selection import resolve_task
from kehoach.errors import UsageError
from kehoach.files.load import Edit
from kehoach.files.records import append_extension, from_options, owned_task
from kehoach.i18n import _, day_count, day_text
from kehoach.present.output import write_line
from kehoach.present.periods import open_period, period_key


def run(
    edit: Edit,
    out: TextIO,
    *,
    ref: str,
    unit: str | None,
    period: str | None,
    to: date,
    by: str,
    on: date | None,
    as_of: date,
) -> int:
    # The plan changes (not a unit: nothing for edit.wrote): the next command checks everything again.
    dataset = edit.dataset
    resolve_task(dataset, ref)  # a ref typed wrong is refused with the refs it may have meant
    if unit is not None:
        owned_task(dataset, ref, unit)  # a group, or a unit typed wrong, is refused with help
    if period is None:  # left out: the one period still open, if there is exactly one
        period = open_period(dataset, dataset.tasks[ref], unit, as_of)
    elif ref in dataset.tasks:  # a period typed by its name; looked for up to the year after the new deadline
        period = period_key(dataset, dataset.tasks[ref], unit, period, to)
    extension = from_options(Extension, task=ref, unit=unit, period=period, to=to, by=by, on=on)
    broken = extension_problem(dataset, extension, as_of)
    if broken is not None:
        raise UsageError(broken.message)
    # Written under the occurrence's own key (a term rule's first calendar), as records are.
    extension = extension.model_copy(update={"period": dataset.own_period(ref, extension.period)})
    known = dataset.extensions.get((ref, unit, extension.period))
    if known is not None:
        return _already(known, extension, out)
    moved = moved_by(dataset, extension, as_of)
    append_extension(edit.folder.plan_document(), dataset.plan, extension)
    due = due_date(dataset.tasks[ref], extension.period, dataset)
    assert due is not None  # extension_problem refuses a period the task does not have
    who = _(" cho {unit}").format(unit=unit) if unit else _(" cho mọi đơn vị")
    write_line(
        out,
        _("Đã ghi gia hạn: {ref} ({period}){who}, hạn {due} → {to} ({by}).").format(
            ref=ref, period=period_of(dataset, extension), who=who, due=day_text(due), to=day_text(to), by=by
        ),
    )
    for before, after in moved:
        if (changed := _changed_outcome(before, after)) is not None:
            write_line(out, changed)
    return 0


def _changed_outcome(before: Entry, after: Entry) -> str | None:
    """What the extension does to a completion already recorded late: on time now, or less late."""
    record = before.record
    if before.status is not Status.done_late or record is None or record.done_on is None:
        return None
    unit, day, due = before.occurrence.unit, day_text(record.done_on), before.occurrence.due
    late = day_count(before.days_late or 0)  # set for what is done late; the type allows None
    if after.status is Status.done:
        message = _("Lưu ý: {unit} đã hoàn thành ngày {day}, muộn {late} so với hạn {due}; nay tính là đúng hạn.")
        return message.format(unit=unit, day=day, late=late, due=day_text(due))
    message = _("Lưu ý: {unit} đã hoàn thành ngày {day}, muộn {late} so với hạn {due}; nay tính là muộn {days}.")
    return message.format(unit=unit, day=day, late=late, due=day_text(due), days=day_count(after.days_late or 0))


def _already(known: Extension, wanted: Extension, out: TextIO) -> int:
    if known == wanted:
        write_line(out, _("Đã có gia hạn này từ trước; không thay đổi gì."))
        return 0
    raise UsageError(
        _(
            "{ref} kỳ {period} đã được gia hạn đến {to} ({by}); muốn đổi, hãy sửa mục 'extensions' trong plan.yaml"
        ).format(ref=known.task, period=known.period, to=day_text(known.to), by=known.by)
    )
