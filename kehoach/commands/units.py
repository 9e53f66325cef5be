"""``kehoach units``: the units and groups of the plan."""

from __future__ import annotations

from datetime import date
from typing import Any, TextIO

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Group, Unit
from kehoach.i18n import _, day_text, ngettext
from kehoach.present.describe import UNIT_KINDS
from kehoach.present.output import Column, Format, emit
from kehoach.present.tables import Role

COLUMNS = (
    Column("id", _("Mã"), fit=True),
    Column("name", _("Tên")),
    Column("kind_label", _("Loại"), role=Role.text),  # a label in words: wraps between them, if it must
    Column("lineage", _("Thời gian, kế thừa")),
)


def run(dataset: Dataset, out: TextIO, *, fmt: Format) -> int:
    rows = [unit_row(dataset, unit) for unit in dataset.units.values()]
    rows += [group_row(group) for group in dataset.plan.groups]
    columns: tuple[Column, ...] = COLUMNS
    if fmt is Format.table:
        rows = [{**row, "kind_label": _table_kind(row), "lineage": _lineage_text(row)} for row in rows]
        columns = COLUMNS if any(row["lineage"] for row in rows) else COLUMNS[:-1]  # no reorganisation yet
    emit(rows, columns, fmt, out)
    return 0


def unit_row(dataset: Dataset, unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "name": unit.name,
        "kind": unit.kind,
        "from": unit.from_.isoformat() if unit.from_ else None,
        "until": unit.until.isoformat() if unit.until else None,
        "successors": list(unit.successors),
        "predecessors": sorted(dataset.lineage.ancestors(unit.id)),
    }


def _lineage_text(row: dict[str, Any]) -> str:
    """``từ 01/07/2025; kế thừa huyen-a, huyen-b`` / ``đến 30/06/2025 → huyen-ab``."""
    if row["kind"] == "group":
        return ""
    parts = []
    if row["from"]:
        parts.append(_("từ {day}").format(day=day_text(date.fromisoformat(row["from"]))))
    if row["until"]:
        parts.append(_("đến {day}").format(day=day_text(date.fromisoformat(row["until"]))))
    if row["predecessors"]:
        parts.append(_("kế thừa {units}").format(units=", ".join(row["predecessors"])))
    if row["successors"]:
        parts.append("→ " + ", ".join(row["successors"]))
    return "; ".join(parts)


def group_row(group: Group) -> dict[str, Any]:
    return {"id": group.id, "name": group.name, "kind": "group", "members": list(group.members)}


def _table_kind(row: dict[str, Any]) -> str:
    label = UNIT_KINDS[row["kind"]]
    if row["kind"] == "group":
        count = len(row["members"])
        return ngettext("{label} ({count} đơn vị)", "{label} ({count} đơn vị)", count).format(label=label, count=count)
    return label
