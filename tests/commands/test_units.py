"""``kehoach units`` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SHIPPED_DATA, Cli


def test_table_lists_units_then_groups(cli: Cli, minimal: Path) -> None:
    result = cli("units", "--data", str(minimal))
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Mã        Tên             Loại",
        "─────────────────────────────────────────",
        "ban-a     Ban A Tỉnh ủy   Ban của Tỉnh ủy",
        "huyen-b   Huyện ủy B      Cấp ủy",
        "ca-hai    Cả hai đơn vị   Nhóm (2 đơn vị)",
    ]


def test_json_has_ids_names_kinds_and_members(cli: Cli, minimal: Path) -> None:
    rows = json.loads(cli("units", "--data", str(minimal), "--format", "json").stdout)
    assert rows[0] == {
        "id": "ban-a",
        "name": "Ban A Tỉnh ủy",
        "kind": "party_board",
        "from": None,
        "until": None,
        "successors": [],
        "predecessors": [],
    }
    assert rows[2] == {"id": "ca-hai", "name": "Cả hai đơn vị", "kind": "group", "members": ["ban-a", "huyen-b"]}


def test_shipped_units_cover_every_owner_of_the_document(cli: Cli) -> None:
    rows = json.loads(cli("units", "--data", str(SHIPPED_DATA), "-f", "json").stdout)
    units = [row for row in rows if row["kind"] != "group"]
    groups = {row["id"]: row["members"] for row in rows if row["kind"] == "group"}
    assert len(units) == 33
    assert len(groups["mttq-doan-the-tinh"]) == 6
    assert len(groups["huyen-uy-dang-uy-truc-thuoc"]) == 12
    # "every unit" is every unit but the Standing Committee, the issuer's own body.
    assert set(groups["tat-ca-don-vi"]) == {row["id"] for row in units} - {"ban-thuong-vu-tinh-uy"}
