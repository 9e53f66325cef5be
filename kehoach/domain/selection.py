"""Turning what a user typed (``--unit``) into unit ids, with a helpful refusal."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from kehoach.domain.dataset import Dataset
from kehoach.errors import UsageError
from kehoach.i18n import _


def resolve_units(dataset: Dataset, names: Sequence[str]) -> set[str]:
    """The units named, a group standing for its members; unknown names are refused."""
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
        selected.update(dataset.members(name))
    return selected
