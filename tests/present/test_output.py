"""Machine-readable listings (kehoach.present.output): CSV with the JSON rows' keys as columns."""

from __future__ import annotations

import csv
import io

from kehoach.present.output import write_csv

UNIT = {"id": "ban-a", "kind": "party_board", "groups": ["ca-hai", "khoi-dang"], "until": None}
GROUP = {"id": "ca-hai", "members": ["ban-a", "huyen-b"], "record": {"done_on": "2022-03-20", "evidence": "BC số 7"}}


def test_csv_has_every_key_of_every_row_and_flattens_lists_and_objects() -> None:
    out = io.StringIO()
    write_csv([UNIT, GROUP], out)
    assert out.getvalue().splitlines()[0] == "id,kind,groups,until,members,record"  # units and groups differ
    assert list(csv.DictReader(io.StringIO(out.getvalue()))) == [
        {"id": "ban-a", "kind": "party_board", "groups": "ca-hai;khoi-dang", "until": "", "members": "", "record": ""},
        {
            "id": "ca-hai",
            "kind": "",
            "groups": "",
            "until": "",
            "members": "ban-a;huyen-b",
            "record": '{"done_on":"2022-03-20","evidence":"BC số 7"}',
        },
    ]


def test_no_rows_is_no_csv_at_all() -> None:
    out = io.StringIO()
    write_csv([], out)
    assert out.getvalue() == ""
