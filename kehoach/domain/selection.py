"""Turning what a user typed (``--unit``, a task ref) into ids of the data, with a helpful refusal."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Task
from kehoach.errors import UsageError
from kehoach.i18n import _


def resolve_units(dataset: Dataset, names: Sequence[str]) -> set[str]:
    """The units named, a group standing for its members; unknown names are refused.

    The one place every ``--unit`` is read. A group stands for its members and for every unit
    down their lineage (their successors, theirs…): the plan lists the units it was issued to, and
    a reorganisation, recorded in the unit files, must not drop a member's successors from it. A
    member that has ended stays selected: it answers for what fell due while it existed (its own
    history, and what it left undone, which is shown under it as in the whole view); a successor
    owes nothing before its ``from`` day, so on a day before the reorganisation it adds nothing.
    A unit named by itself stands for itself only: what it owes after its end is its successors',
    and the views say who they are (:meth:`kehoach.domain.lineage.Lineage.ended_among`).
    """
    known = [*dataset.units, *dataset.groups]
    selected: set[str] = set()
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
            hint = _(" Có phải ý bạn là: {names}?").format(names=", ".join(close)) if close else ""
            raise UsageError(
                _("không có đơn vị hay nhóm '{name}'.{hint} Xem danh sách bằng: kehoach units").format(
                    name=name, hint=hint
                )
            )
        if name in dataset.groups:
            members = dataset.members(name)
            selected.update(members, *(dataset.lineage.descendants(member) for member in members))
        else:
            selected.add(name)
    return selected


def resolve_task(dataset: Dataset, ref: str) -> Task:
    """The task a typed ref names; an unknown ref is refused with the refs it may have meant.

    The one place every command that takes a ref asks (done, waive, undo, extend, history). A ref
    typed in another case (``ii.2a``) is not taken for the task it resembles, only suggested:
    refs are the document's own numbering, and a record must name one exactly.
    """
    task = dataset.tasks.get(ref)
    if task is not None:
        return task
    by_folded = {known.casefold(): known for known in dataset.tasks}
    same = by_folded.get(ref.casefold())
    close = [same] if same else [by_folded[found] for found in difflib.get_close_matches(ref.casefold(), by_folded)]
    if close:
        message = _("không có nhiệm vụ '{ref}'; có phải ý bạn là {refs}?").format(ref=ref, refs=", ".join(close))
    else:
        message = _("không có nhiệm vụ '{ref}'; xem danh sách bằng: kehoach tasks").format(ref=ref)
    raise UsageError(message)
