"""``kehoach extend``: record in the plan that a later decision moved one occurrence's deadline."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Extension, Task
from kehoach.domain.occurrences import due_date
from kehoach.errors import UsageError
from kehoach.files.load import Edit
from kehoach.files.records import append_extension, build_record_of, owned_task
from kehoach.i18n import _
from kehoach.present.describe import period_label, vn_date
from kehoach.present.output import write_line


def run(edit: Edit, out: TextIO, *, ref: str, unit: str | None, period: str, to: date, by: str, on: date | None) -> int:
    # The plan changes (not a unit: nothing for edit.wrote): the next command checks everything again.
    dataset = edit.dataset
    task = _task(dataset, ref, unit)
    due = _due(dataset, task, period, to)
    extension = build_record_of(Extension, task=ref, unit=unit, period=period, to=to, by=by, on=on)
    known = dataset.extensions.get((ref, unit, extension.period))
    if known is not None:
        return _already(known, extension, out)
    append_extension(dataset, extension)
    who = _(" cho {unit}").format(unit=unit) if unit else _(" cho mọi đơn vị")
    write_line(
        out,
        _("Đã ghi gia hạn: {ref} kỳ {period}{who}, hạn {due} → {to} ({by}).").format(
            ref=ref, period=period_label(extension.period), who=who, due=vn_date(due), to=vn_date(to), by=by
        ),
    )
    return 0


def _task(dataset: Dataset, ref: str, unit: str | None) -> Task:
    if unit is not None:
        return owned_task(dataset, ref, unit)[0]
    task = dataset.tasks.get(ref)
    if task is None:
        raise UsageError(_("không có nhiệm vụ '{ref}'; xem danh sách bằng: kehoach tasks").format(ref=ref))
    return task


def _due(dataset: Dataset, task: Task, period: str, to: date) -> date:
    due = due_date(task.schedule, period, dataset)
    if due is None:
        raise UsageError(_("nhiệm vụ {ref} không có kỳ '{period}'").format(ref=task.ref, period=period))
    if to <= due:
        raise UsageError(
            _("hạn mới {to} không sau hạn cũ {due}; gia hạn phải lùi hạn về sau").format(
                to=vn_date(to), due=vn_date(due)
            )
        )
    return due


def _already(known: Extension, wanted: Extension, out: TextIO) -> int:
    if known == wanted:
        write_line(out, _("Đã có gia hạn này từ trước; không thay đổi gì."))
        return 0
    raise UsageError(
        _(
            "{ref} kỳ {period} đã được gia hạn đến {to} ({by}); muốn đổi, hãy sửa mục 'extensions' trong plan.yaml"
        ).format(ref=known.task, period=known.period, to=vn_date(known.to), by=known.by)
    )
