"""Periods as users type them: ``--period`` takes a key (``2022-Q1``), a name in either language
(``Quý I/2022``, ``quy i/2022``, ``Q1/2022``, ``02/2022``, ``Năm 2023``), and a period the task
does not have is refused with the list of those the unit owes, with their status."""

from __future__ import annotations

from datetime import date

from kehoach.domain.dataset import Dataset
from kehoach.domain.labels import matching_period, period_of
from kehoach.domain.model import Task
from kehoach.domain.occurrences import Entry, due_date, owed
from kehoach.errors import UsageError
from kehoach.i18n import _
from kehoach.present.views import status_text

SHOWN = 12
"""How many periods a refusal lists at most (a monthly review owes dozens)."""


def period_key(dataset: Dataset, task: Task, unit: str | None, typed: str, as_of: date) -> str:
    """The key of the period ``typed`` names, for ``unit`` (``None``: any owner)."""
    if due_date(task, typed, dataset) is not None:
        return typed
    entries = owed(dataset, task, unit, as_of)
    names = {entry.occurrence.period: period_of(dataset, entry.occurrence) for entry in entries}
    key = matching_period(typed, names.items())
    if key is not None:
        return key
    if unit is None:
        message = _("nhiệm vụ {ref} không có kỳ '{typed}'")
    elif entries:
        message = _("nhiệm vụ {ref} không có kỳ '{typed}'; {unit} có các kỳ: {periods}")
    else:
        message = _("nhiệm vụ {ref} không có kỳ '{typed}'; {unit} chưa có kỳ nào của nhiệm vụ này")
    listed = _listed(list(_choices(dataset, entries).values()))
    raise UsageError(message.format(ref=task.ref, typed=typed, unit=unit, periods=listed))


def open_period(dataset: Dataset, task: Task, unit: str | None, as_of: date) -> str:
    """The one period of ``task`` still open (not recorded) for ``unit`` (or any owner), when
    ``--period`` is left out (see :func:`the_only`)."""
    entries = [entry for entry in owed(dataset, task, unit, as_of) if not entry.status.recorded]
    return the_only(task.ref, list(_choices(dataset, entries).items()))


def the_only(ref: str, choices: list[tuple[str, str]]) -> str:
    """The key of the one period among ``choices`` (key, how it reads) when ``--period`` is left out;
    with none, or several, the command is refused with them listed."""
    if len(choices) == 1:
        return choices[0][0]
    if not choices:
        raise UsageError(_("nhiệm vụ {ref} không có kỳ nào để chọn; chỉ rõ bằng --period").format(ref=ref))
    listed = _listed([about for _key, about in choices])
    raise UsageError(
        _("nhiệm vụ {ref} có {count} kỳ: {periods}; hãy chọn một bằng --period").format(
            ref=ref, count=len(choices), periods=listed
        )
    )


def _choices(dataset: Dataset, entries: list[Entry]) -> dict[str, str]:
    """Each period of ``entries`` as a refusal lists it: its name, its key and its status."""
    found: dict[str, str] = {}
    for entry in entries:
        key, name = entry.occurrence.period, period_of(dataset, entry.occurrence)
        named = name if name == key else f"{name} ({key})"  # English names a year as its key: "2024"
        found.setdefault(key, f"{named}: {status_text(entry).lower()}")
    return found


def _listed(abouts: list[str]) -> str:
    """At most :data:`SHOWN` of them, and how many more there are."""
    more = _(" và {count} kỳ khác").format(count=len(abouts) - SHOWN) if len(abouts) > SHOWN else ""
    return "; ".join(abouts[:SHOWN]) + more
