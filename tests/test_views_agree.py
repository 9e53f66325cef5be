"""Every view tells the same story: one status and one due date per occurrence, whichever command
shows it (due, overdue, upcoming, history, report, ics), for generated plans, records and extensions.

Each view reads the status from kehoach.domain.occurrences.entry_of; this holds them to it from
the outside, through the real CLI, on data files written to disk as a user would have them.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from conftest import SCENARIOS, Cli
from kehoach.domain.model import Event, Extension, Record, Task
from kehoach.domain.occurrences import Occurrence, Status, occurrences, opening_day
from kehoach.files.load import load_valid
from kehoach.present.statuses import look

Key = tuple[str, str, str]  # task, unit, period
FIRST, LAST = date(2021, 12, 1), date(2028, 12, 31)
SCHEDULES = [
    {"kind": "deadline", "by": "2022-Q1"},
    {"kind": "deadline", "by": "2023-02"},
    {"kind": "yearly", "from": 2022, "due_day": "06-30"},
    {"kind": "years", "years": [2022, 2024]},
    {"kind": "ongoing", "review": "quarterly", "from": 2023},
    {"kind": "term_year", "year": 3, "calendars": ["dai-hoi"]},
    {"kind": "event", "event": "su-kien", "within_days": 30},
]
OWNERS = (["ca-hai"], ["ban-a"], ["huyen-b"])


@st.composite
def folders(draw: st.DrawFn, root: Path) -> tuple[Path, date]:
    """The minimal scenario with drawn tasks, an event date, records and extensions; and an as-of day."""
    folder = root / f"data-{draw(st.integers(0, 10**9))}"
    shutil.copytree(SCENARIOS / "minimal", folder)
    base = load_valid(folder)
    tasks = [
        Task.model_validate(
            {
                "ref": f"I.{n + 1}",
                "title": f"Việc {n + 1}",
                "text": "Thử.",
                "owners": draw(st.sampled_from(OWNERS)),
                "schedule": draw(st.sampled_from(SCHEDULES)),
            }
        )
        for n in range(draw(st.integers(2, 5)))
    ]
    happened = draw(st.none() | st.dates(date(2022, 1, 1), date(2026, 12, 31)))
    plan = base.plan.model_copy(update={"tasks": tasks, "events": [Event(id="su-kien", name="Sự kiện", date=happened)]})
    planned = type(base)(plan, dict(base.units))
    owed = occurrences(planned, FIRST, LAST)
    chosen = draw(st.lists(st.sampled_from(owed), unique=True, max_size=12)) if owed else []
    extensions = {}
    for occurrence in draw(st.lists(st.sampled_from(owed), unique=True, max_size=4)) if owed else []:
        unit = draw(st.sampled_from([occurrence.unit, None]))
        extensions[(occurrence.task, unit, occurrence.period)] = Extension(
            task=occurrence.task,
            unit=unit,
            period=occurrence.period,
            to=occurrence.due + timedelta(days=draw(st.integers(1, 200))),
            by="Công văn số 1-CV/TU",
        )
    plan = plan.model_copy(update={"extensions": list(extensions.values())})
    write(folder / "plan.yaml", plan.model_dump(mode="json", by_alias=True, exclude_none=True))
    records: dict[str, list[Record]] = {unit: [] for unit in base.units}
    for occurrence in chosen:
        opens = opening_day(planned.tasks[occurrence.task], occurrence.period, planned)
        assert opens is not None
        records[occurrence.unit].append(record(occurrence, opens, draw(st.booleans()), draw(st.integers(-120, 120))))
    for unit_id, unit in base.units.items():
        updated = unit.model_copy(update={"records": records[unit_id]})
        write(folder / "units" / f"{unit_id}.yaml", updated.model_dump(mode="json", by_alias=True, exclude_none=True))
    return folder, draw(st.dates(date(2022, 1, 1), date(2027, 12, 31)))


def record(occurrence: Occurrence, opens: date, done: bool, shift: int) -> Record:
    """Done or waived, some days before or after the plan's own deadline (never before the plan,
    nor before the period opens)."""
    day = max(FIRST, opens, occurrence.due + timedelta(days=shift))
    fields = {"done_on": day, "evidence": "BC 1"} if done else {"waived_on": day, "reason": "Không áp dụng"}
    return Record.model_validate({"task": occurrence.task, "period": occurrence.period, **fields})


def write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def rows(cli: Cli, folder: Path, *args: str) -> Any:
    result = cli(*args, "--data", str(folder))
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def calendar_view(cli: Cli, folder: Path, as_of: date) -> dict[Key, tuple[Status, str]]:
    """The complete set: every occurrence of the whole range, from the iCalendar file, read back
    by the icalendar parser."""
    result = cli(
        "ics",
        "--from",
        FIRST.isoformat(),
        "--to",
        LAST.isoformat(),
        "--as-of",
        as_of.isoformat(),
        "--data",
        str(folder),
    )
    assert result.exit_code == 0, result.stderr
    words = {look(status).word: status for status in Status}
    found = {}
    for event in Calendar.from_ical(result.stdout).walk("VEVENT"):
        task, unit, period = str(event["uid"]).split("@", 1)[0].split("/")
        categories = [str(value) for value in event["categories"].cats]
        found[(task, unit, period)] = (words[categories[0]], event.decoded("dtstart").isoformat())
    return found


@pytest.mark.usefixtures("cli")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_view_agrees_on_every_occurrences_status_and_due_date(
    cli: Cli, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    folder, as_of = data.draw(folders(tmp_path_factory.mktemp("views")))
    day = ("--as-of", as_of.isoformat())
    truth = calendar_view(cli, folder, as_of)

    def agree(row: dict[str, Any], status: str | None = None) -> None:
        key = (row["task"], row["unit"], row["period"])
        assert truth[key] == (Status(status or row["status"]), row["due"]), (key, row)

    year = [row for row in rows(cli, folder, "due", "--year", *day, "-f", "json")]
    for row in year:
        agree(row)
    in_year = {key for key, (_status, due) in truth.items() if due[:4] == str(as_of.year)}
    assert {(row["task"], row["unit"], row["period"]) for row in year} == in_year

    late = rows(cli, folder, "overdue", *day, "-f", "json")
    for row in late:
        agree(row)
    assert len(late) == sum(status is Status.overdue for status, _due in truth.values())

    soon = rows(cli, folder, "upcoming", "--days", "400", *day, "-f", "json")
    for row in soon:
        agree(row)
    horizon = (as_of + timedelta(days=400)).isoformat()
    expected = [key for key, (status, due) in truth.items() if status is Status.open and due <= horizon]
    assert len(soon) == len(expected)

    for row in rows(cli, folder, "history", "-f", "json"):
        if row["day"] <= as_of.isoformat():  # a record dated later is not yet known on the as-of day
            agree(row, row["outcome"])

    report = rows(cli, folder, "report", "--from", FIRST.isoformat(), "--to", LAST.isoformat(), *day, "-f", "json")
    for unit in report["units"]:
        for item in unit["overdue_items"] + unit["completed_items"]:
            agree({**item, "unit": unit["unit"]})
        mine = [status for (_task, owner, _period), (status, _due) in truth.items() if owner == unit["unit"]]
        assert {status.value: mine.count(status) for status in Status} == {s.value: unit[s.value] for s in Status}

    overview = rows(cli, folder, "summary", "--year", *day, "-f", "json")
    for unit in overview["units"]:
        mine = [(status, due) for (_task, owner, _period), (status, due) in truth.items() if owner == unit["unit"]]
        in_year_mine = [status for status, due in mine if due[:4] == str(as_of.year)]
        assert {status.value: in_year_mine.count(status) for status in Status} == {
            s.value: unit[s.value] for s in Status
        }
        earlier = sum(status is Status.overdue and due[:4] < str(as_of.year) for status, due in mine)
        assert (unit["overdue_earlier"], unit["due"]) == (earlier, len(in_year_mine))
