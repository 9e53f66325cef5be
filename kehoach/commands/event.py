"""``kehoach event``: record in the plan that an event tasks wait for has happened, and by which
document; from that day its tasks are owed (a deadline when the schedule gives one, else the
periodic reports of the reporting rule)."""

from __future__ import annotations

from datetime import date
from typing import TextIO

from kehoach.domain.model import Event, OnEvent
from kehoach.errors import UsageError
from kehoach.files.load import Edit
from kehoach.files.records import from_options, write_event
from kehoach.i18n import _, day_text
from kehoach.present.output import write_line


def run(edit: Edit, out: TextIO, *, event: str, on: date, by: str, as_of: date) -> int:
    # The plan changes (not a unit: nothing for edit.wrote): the next command checks everything again.
    dataset = edit.dataset
    known = dataset.events.get(event)
    if known is None:
        import difflib

        close = difflib.get_close_matches(event, list(dataset.events), n=1, cutoff=0.5)
        hint = _("; có phải ý bạn là '{close}'?").format(close=close[0]) if close else ""
        raise UsageError(_("không có sự kiện '{event}'{hint}; xem: kehoach events").format(event=event, hint=hint))
    if on > as_of:
        raise UsageError(
            _("ngày {day} là ngày trong tương lai (hôm nay là {today})").format(day=day_text(on), today=day_text(as_of))
        )
    by = from_options(Event, id=known.id, name=known.name, date=on, by=by).by or by  # refuses blank text
    if known.date is not None:
        if (known.date, known.by) == (on, by):
            write_line(out, _("Đã có bản ghi này từ trước; không thay đổi gì."))
            return 0
        raise UsageError(
            _("sự kiện '{event}' đã ghi xảy ra ngày {day}; muốn đổi, hãy sửa mục 'events' trong plan.yaml").format(
                event=event, day=day_text(known.date)
            )
        )
    write_event(edit.folder.plan_document(), dataset.plan, event, on, by)
    waiting = [
        task.ref for task in dataset.plan.tasks if isinstance(task.schedule, OnEvent) and task.schedule.event == event
    ]
    write_line(
        out,
        _("Đã ghi: sự kiện '{name}' xảy ra ngày {day} ({by}); nhiệm vụ được triển khai từ đó: {tasks}.").format(
            name=known.name, day=day_text(on), by=by, tasks=", ".join(waiting) or "—"
        ),
    )
    return 0
