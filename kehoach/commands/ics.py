"""``kehoach ics``: every occurrence as an all-day event, for the calendars people already use.

Choices (README, "Calendars"):

* one ``VEVENT`` per occurrence, on its due day, not a ``VTODO``: Google Calendar and Outlook on
  the web show events but not to-dos. A done or waived occurrence says so first in its summary
  and in its categories, and carries the record in its description;
* the ``UID`` is built from the task, the unit, the period and the plan (:func:`plan_slug`, from
  the document it implements), so a re-exported file updates the entries a calendar imported
  before instead of adding them again, and two plans' calendars never clash;
* the calendar's name is short (:func:`calendar_name`): calendar apps show it in a narrow list;
* ``--remind DAYS`` gives each deadline still open an alarm that many days before it;
* every text value is escaped as RFC 5545 says (``\\``, ``;``, ``,``, line breaks), the calendar's
  name included, whatever icalendar escapes by itself;
* ``DTSTAMP`` (which RFC 5545 requires) is midnight UTC of the as-of day, so the same data and day
  give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TextIO

from icalendar import Alarm, Event, vText

from kehoach.domain import periods
from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import folded
from kehoach.domain.occurrences import Entry, entries_between
from kehoach.domain.selection import resolve_units
from kehoach.domain.status import Status
from kehoach.errors import UsageError
from kehoach.i18n import _, day_text
from kehoach.present.inert import visible
from kehoach.present.statuses import look
from kehoach.present.views import NO_EVIDENCE, period_cell

PRODUCT = "-//kehoach//Kế hoạch thực hiện//VI"
YEARS = 10
"""The longest calendar written, in years (``--from`` to ``--to``)."""


def run(
    dataset: Dataset,
    out: TextIO,
    *,
    units: Sequence[str],
    first: date | None,
    last: date | None,
    as_of: date,
    remind: int | None = None,
) -> int:
    selected = resolve_units(dataset, units) if units else None
    last = last or min(date(as_of.year + 1, 12, 31), periods.LAST_DAY)
    # A calendar of every deadline for centuries takes minutes to write and no calendar app can use
    # it: ten years at most. By default it starts with the plan, or ten years before ``last``.
    earliest = periods.day_in_year(last.year - YEARS, last.month, last.day) + timedelta(days=1)
    if first is None:
        first = max(dataset.plan.plan.starts, earliest)
    elif first < earliest:
        raise UsageError(
            _("--from {first} đến --to {last} dài hơn {years} năm; chọn hai ngày gần nhau hơn").format(
                first=first.isoformat(), last=last.isoformat(), years=YEARS
            )
        )
    found = entries_between(dataset, first, last, as_of, selected)
    out.write(calendar_text(dataset, found, as_of, remind))
    return 0


NAME_LIMIT = 60
"""Characters of the calendar's name: what a calendar app's list of calendars shows."""


def calendar_name(dataset: Dataset) -> str:
    """The plan by the document it implements, without the rest of that document's citation:
    "Kế hoạch thực hiện Kết luận số 21-KL/TW"."""
    document = dataset.plan.plan.implements.split(",", 1)[0].strip()
    name = visible(_("Kế hoạch thực hiện {document}").format(document=document))
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1].rstrip() + "…"


def plan_slug(dataset: Dataset) -> str:
    """The plan in a UID: the document it implements, folded to ASCII (``ket-luan-so-21-kl-tw``)."""
    document = dataset.plan.plan.implements.split(",", 1)[0]
    return re.sub(r"[^a-z0-9]+", "-", folded(document)).strip("-") or "plan"


def calendar_text(dataset: Dataset, found: Sequence[Entry], as_of: date, remind: int | None = None) -> str:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(calendar_name(dataset)))  # vText: escaped, as a TEXT value must be
    stamp = datetime.combine(as_of, time(0, 0), tzinfo=UTC)
    slug = plan_slug(dataset)
    for entry in found:
        calendar.add_component(_event(dataset, entry, stamp, slug, remind))
    return str(calendar.to_ical().decode("utf-8"))


def _event(dataset: Dataset, entry: Entry, stamp: datetime, slug: str, remind: int | None) -> Event:

    occurrence = entry.occurrence
    task, unit = dataset.tasks[occurrence.task], dataset.units[occurrence.unit]
    event = Event()
    event.add("uid", f"{occurrence.task}/{occurrence.unit}/{occurrence.period}@{slug}.kehoach")
    event.add("dtstamp", stamp)
    event.add("dtstart", occurrence.due)
    event.add("dtend", occurrence.due + timedelta(days=1))
    event.add("summary", visible(f"{look(entry.status).symbol}{task.ref} {task.title} — {unit.name}"))
    event.add("description", visible(_description(dataset, entry)))  # icalendar escapes only , ; \\ and line breaks
    event.add("categories", [look(entry.status).word, visible(occurrence.unit)])
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy that day
    if remind is not None and entry.status is Status.open:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", visible(f"{task.ref} {task.title} — {unit.name}"))
        alarm.add("trigger", timedelta(days=-remind))
        event.add_component(alarm)
    return event


def _description(dataset: Dataset, entry: Entry) -> str:
    occurrence, record = entry.occurrence, entry.record
    lines = [
        _("Kỳ: {period}; hạn {due}; {status}").format(
            period=period_cell(entry, dataset), due=day_text(occurrence.due), status=look(entry.status).word
        )
    ]
    if record and record.done_on:
        proof = _(", văn bản: {evidence}").format(evidence=record.evidence) if record.evidence else ", " + NO_EVIDENCE
        lines.append(_("Hoàn thành ngày {day}{proof}").format(day=day_text(record.done_on), proof=proof))
    if record and record.waived_on:
        lines.append(_("Miễn ngày {day}: {reason}").format(day=day_text(record.waived_on), reason=record.reason))
    lines.append("")
    lines.append(dataset.tasks[occurrence.task].text)
    return "\n".join(lines)
