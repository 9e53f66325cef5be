"""What the views say of a chosen unit that has ended: when, and who took over from it.

A unit that ended still shows what it owed while it existed; without this notice, a listing of
it would look as if it simply had nothing new to do, when its successors now owe it.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.lineage import Ended
from kehoach.i18n import _, day_text
from kehoach.present.output import Screen


def ended_text(dataset: Dataset, ended: Ended) -> str:
    """One sentence: "Huyện ủy A đã kết thúc ngày 30/06/2025; kế thừa: Huyện ủy AB." """
    name, day = dataset.units[ended.unit].name, day_text(ended.until)
    if not ended.successors:  # validation refuses this once anything is owed after the end
        return _("{name} đã kết thúc ngày {day}.").format(name=name, day=day)
    successors = ", ".join(dataset.units[successor].name for successor in ended.successors)
    return _("{name} đã kết thúc ngày {day}; kế thừa: {successors}.").format(name=name, day=day, successors=successors)


def write_ended(out: TextIO, dataset: Dataset, selected: set[str] | None, as_of: date) -> None:
    """The notice of every chosen unit that has ended by ``as_of``, then a blank line; nothing
    when no unit was chosen (the whole view) or none has ended."""
    if not selected:
        return
    found = dataset.lineage.ended_among(selected, as_of)
    if not found:
        return
    screen = Screen(out)
    for ended in found:
        screen.line(ended_text(dataset, ended))
    screen.line()
