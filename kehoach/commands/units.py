"""``kehoach units``: the units and groups of the plan."""

from __future__ import annotations

from typing import Any, TextIO

from kehoach.dataset import Dataset
from kehoach.describe import UNIT_KINDS
from kehoach.i18n import _
from kehoach.model import Group, Unit
from kehoach.output import Column, Format, emit

COLUMNS = (
    Column("id", _("Mã"), fit=True),
    Column("name", _("Tên")),
    Column("kind_label", _("Loại"), fit=True),
)


def run(dataset: Dataset, fmt: Format, out: TextIO) -> int:
    rows = [unit_row(unit) for unit in dataset.units.values()]
    rows += [group_row(group) for group in dataset.plan.groups]
    if fmt is Format.table:
        rows = [{**row, "kind_label": _table_kind(row)} for row in rows]
    emit(rows, COLUMNS, fmt, out)
    return 0


def unit_row(unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "name": unit.name,
        "kind": unit.kind,
        "from": unit.from_.isoformat() if unit.from_ else None,
        "until": unit.until.isoformat() if unit.until else None,
        "successors": list(unit.successors),
    }


def group_row(group: Group) -> dict[str, Any]:
    return {"id": group.id, "name": group.name, "kind": "group", "members": list(group.members)}


def _table_kind(row: dict[str, Any]) -> str:
    label = UNIT_KINDS[row["kind"]]
    if row["kind"] == "group":
        return _("{label} ({count} đơn vị)").format(label=label, count=len(row["members"]))
    return label
