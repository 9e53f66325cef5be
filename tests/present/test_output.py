"""Machine-readable listings (kehoach.present.output): CSV with the JSON rows' keys as columns."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

from conftest import Cli, on_a_terminal
from kehoach.present.output import Colour, choose_colour, write_csv

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


# --- colour: NO_COLOR, FORCE_COLOR -------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "chosen"),
    [
        ({}, Colour.auto),
        ({"NO_COLOR": "1"}, Colour.never),
        ({"NO_COLOR": "0"}, Colour.never),  # any value but the empty one
        ({"NO_COLOR": ""}, Colour.auto),
        ({"FORCE_COLOR": "1"}, Colour.always),
        ({"FORCE_COLOR": ""}, Colour.auto),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, Colour.never),
        ({"NO_COLOR": "", "FORCE_COLOR": "1"}, Colour.always),
    ],
)
def test_the_colour_conventions(environ: dict[str, str], chosen: Colour) -> None:
    assert choose_colour(environ) is chosen


DUE = ("due", "--year", "--as-of", "2022-06-30", "--data")
ESCAPE = "\x1b["


@pytest.mark.parametrize(
    ("environ", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False)],
)
def test_colour_into_a_pipe_only_when_forced(cli: Cli, tracked: Path, environ: dict[str, str], coloured: bool) -> None:
    result = cli(*DUE, str(tracked), env=environ)
    assert result.exit_code == 0
    assert (ESCAPE in result.stdout) is coloured
    plain = cli(*DUE, str(tracked), env={"NO_COLOR": "1"}).stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", result.stdout) == plain  # colour only repeats the words


@pytest.mark.parametrize(
    ("environ", "coloured"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"NO_COLOR": ""}, True), ({"FORCE_COLOR": ""}, True)],
)
def test_colour_on_a_real_terminal_unless_no_color(tracked: Path, environ: dict[str, str], coloured: bool) -> None:
    clean = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    environment = {**clean, "KEHOACH_CACHE": "off", "KEHOACH_LANG": "vi", "TERM": "xterm", **environ}
    code, shown, _ = on_a_terminal([*DUE, str(tracked)], environment)
    assert code == 0 and "Huyện ủy B".encode() in shown
    assert (ESCAPE.encode() in shown) is coloured
