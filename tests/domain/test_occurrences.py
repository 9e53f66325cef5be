"""Occurrences: one per unit per period, due when the schedule says, with a status as of any day.

Example tests pin each schedule kind to hand-computed due dates; the properties at the end check
what must hold for any schedule, window and "today". Expected dates are computed with the standard
library (``calendar.isleap``, ``timedelta``), not with :mod:`kehoach.domain.periods`, so the engine cannot
agree with itself.
"""

from __future__ import annotations

import calendar
import functools
import importlib
import pkgutil
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SCENARIOS, SHIPPED_DATA, edit
from kehoach import domain
from kehoach.domain import occurrences as engine
from kehoach.domain import periods
from kehoach.domain.dataset import Dataset
from kehoach.domain.model import (
    Deadline,
    Event,
    Extension,
    OnEvent,
    Ongoing,
    Record,
    Task,
    TermCalendar,
    TermYear,
    Yearly,
    Years,
)
from kehoach.domain.occurrences import (
    Occurrence,
    Status,
    current_occurrence,
    due_date,
    entries,
    moved_by,
    occurrences,
    opening_day,
    period_keys,
    status_of,
    task_occurrences,
)
from kehoach.files.load import load, load_valid

BOTH = ("ban-a", "huyen-b")  # the members of the minimal scenario's group ca-hai
EVENT = "su-kien"  # the minimal scenario's event, undated as shipped
WIDE = (date(2015, 1, 1), date(2040, 12, 31))


@functools.cache
def minimal_dataset() -> Dataset:
    """The minimal scenario read in place, once: hypothesis tests cannot use function-scoped fixtures."""
    return load_valid(SCENARIOS / "minimal")


@functools.cache
def shipped_dataset() -> Dataset:
    return load_valid(SHIPPED_DATA)


def task(schedule: Any, owners: tuple[str, ...] = ("ca-hai",), ref: str = "I.1") -> Task:
    return Task(ref=ref, title="Thử", text="Thử nghiệm.", owners=list(owners), schedule=schedule)


def with_plan(dataset: Dataset, **changes: Any) -> Dataset:
    """The dataset with parts of its plan replaced (tasks, events, term calendars…)."""
    return Dataset(dataset.plan.model_copy(update=changes), dict(dataset.units))


def with_event_date(dataset: Dataset, when: date | None) -> Dataset:
    return with_plan(dataset, events=[Event(id=EVENT, name="Sự kiện", date=when)])


def owed(schedule: Any, dataset: Dataset | None = None, window: tuple[date, date] = WIDE) -> list[tuple[str, date]]:
    """(period, due) of a schedule for one owner, ban-a, over a window."""
    found = task_occurrences(task(schedule, ("ban-a",)), dataset if dataset else minimal_dataset(), *window)
    return sorted((occurrence.period, occurrence.due) for occurrence in found)


def expected_day(number: int, month_index: int, day_index: int) -> date:
    """``MM-DD`` in a year, worked out independently: 29 February is the 28th in common years."""
    if (month_index, day_index) == (2, 29) and not calendar.isleap(number):
        return date(number, 2, 28)
    return date(number, month_index, day_index)


# --- deadline ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("by", "due"),
    [
        ("2022", date(2022, 12, 31)),
        ("2022-Q1", date(2022, 3, 31)),
        ("2022-Q2", date(2022, 6, 30)),
        ("2022-Q4", date(2022, 12, 31)),
        ("2022-02", date(2022, 2, 28)),
        ("2024-02", date(2024, 2, 29)),
        ("2100-02", date(2100, 2, 28)),  # a century, not a leap year
        ("2022-11", date(2022, 11, 30)),
        ("2022-03-15", date(2022, 3, 15)),
    ],
)
def test_a_deadline_is_due_on_its_date_or_the_last_day_of_its_period(by: str, due: date) -> None:
    schedule = Deadline.model_validate({"kind": "deadline", "by": by})
    assert owed(schedule, window=(date(2000, 1, 1), date(2199, 12, 31))) == [(by, due)]


def test_a_deadline_written_as_a_number_is_keyed_as_a_year() -> None:
    schedule = Deadline.model_validate({"kind": "deadline", "by": 2022})
    assert owed(schedule) == [("2022", date(2022, 12, 31))]


def test_a_group_owes_one_occurrence_per_member() -> None:
    found = occurrences(minimal_dataset(), date(2022, 1, 1), date(2022, 3, 31))
    assert [(o.task, o.unit, o.period, o.due) for o in found if o.task == "II.1"] == [
        ("II.1", "ban-a", "2022-Q1", date(2022, 3, 31)),
        ("II.1", "huyen-b", "2022-Q1", date(2022, 3, 31)),
    ]


def test_a_unit_named_twice_among_the_owners_owes_once() -> None:
    """Named itself and through its group: still one occurrence per period."""
    schedule = Deadline.model_validate({"kind": "deadline", "by": "2022-Q1"})
    found = task_occurrences(task(schedule, ("ca-hai", "ban-a")), minimal_dataset(), *WIDE)
    assert sorted(o.unit for o in found) == ["ban-a", "huyen-b"]


def test_the_window_includes_its_first_and_last_day() -> None:
    schedule = Deadline.model_validate({"kind": "deadline", "by": "2022-Q1"})
    due = date(2022, 3, 31)
    assert owed(schedule, window=(due, due)) == [("2022-Q1", due)]
    assert owed(schedule, window=(date(2022, 4, 1), date(2022, 12, 31))) == []
    assert owed(schedule, window=(date(2022, 1, 1), date(2022, 3, 30))) == []


def test_a_deadline_has_no_other_period() -> None:
    schedule = Deadline.model_validate({"kind": "deadline", "by": "2022-Q1"})
    assert due_date(task(schedule), "2022-Q2", minimal_dataset()) is None
    assert due_date(task(schedule), "2022", minimal_dataset()) is None


# --- yearly and given years --------------------------------------------------------------------


def test_yearly_is_owed_every_year_from_its_start_to_its_end() -> None:
    schedule = Yearly.model_validate({"kind": "yearly", "from": 2022, "until": 2024})
    assert owed(schedule) == [(str(y), date(y, 12, 31)) for y in (2022, 2023, 2024)]


def test_yearly_without_an_end_runs_to_the_end_of_the_window() -> None:
    schedule = Yearly.model_validate({"kind": "yearly", "from": 2022})
    assert owed(schedule, window=(date(2000, 1, 1), date(2026, 6, 30))) == [
        (str(y), date(y, 12, 31)) for y in range(2022, 2026)
    ]


def test_yearly_is_due_on_its_due_day() -> None:
    schedule = Yearly.model_validate({"kind": "yearly", "from": 2022, "until": 2023, "due_day": "06-30"})
    assert owed(schedule) == [("2022", date(2022, 6, 30)), ("2023", date(2023, 6, 30))]


def test_a_yearly_29_february_falls_on_the_28th_in_common_years() -> None:
    schedule = Yearly.model_validate({"kind": "yearly", "from": 2099, "until": 2104, "due_day": "02-29"})
    dues = [due for _, due in owed(schedule, window=(date(2099, 1, 1), date(2104, 12, 31)))]
    common = [date(y, 2, 28) for y in range(2099, 2104)]  # 2100 is a century, not a leap year
    assert dues == [*common, date(2104, 2, 29)]


def test_yearly_has_no_period_outside_its_years() -> None:
    schedule = Yearly.model_validate({"kind": "yearly", "from": 2022, "until": 2024})
    dataset = minimal_dataset()
    assert [due_date(task(schedule), key, dataset) for key in ("2021", "2025", "2022-Q1", "x")] == [None] * 4


def test_given_years_are_owed_once_each() -> None:
    schedule = Years.model_validate({"kind": "years", "years": [2025, 2022], "due_day": "03-31"})
    assert owed(schedule) == [("2022", date(2022, 3, 31)), ("2025", date(2025, 3, 31))]
    assert due_date(task(schedule), "2023", minimal_dataset()) is None


# --- n-th year of a term -----------------------------------------------------------------------


def test_term_labels_step_by_the_length_of_the_first_term() -> None:
    dai_hoi = minimal_dataset().calendars["dai-hoi"]
    assert [dai_hoi.term(index) for index in range(3)] == [
        ("2020-2025", 2021),
        ("2025-2030", 2026),
        ("2030-2035", 2031),
    ]


def test_a_term_year_is_owed_once_per_term_in_that_year_of_the_term() -> None:
    schedule = TermYear.model_validate({"kind": "term_year", "year": 3, "calendars": ["dai-hoi"]})
    assert owed(schedule, window=(date(2020, 1, 1), date(2030, 12, 31))) == [
        ("2020-2025", date(2023, 12, 31)),
        ("2025-2030", date(2028, 12, 31)),
    ]


def test_the_shipped_vote_of_confidence_falls_once_in_2023_and_once_in_2028() -> None:
    """II.5 follows the party congress (2020-2025, …) and People's Council (2021-2026, …) terms; both
    fall due in the same years, so each unit owes one vote a year, keyed by the first calendar's term."""
    dataset = shipped_dataset()
    ii5 = dataset.tasks["II.5"]
    found = list(task_occurrences(ii5, dataset, date(2020, 1, 1), date(2030, 12, 31)))
    expected = [("2020-2025", date(2023, 12, 31)), ("2025-2030", date(2028, 12, 31))]
    for unit in dataset.task_units(ii5):
        assert sorted((o.period, o.due) for o in found if o.unit == unit) == expected, unit
    assert {o.unit for o in found} == set(dataset.task_units(ii5))
    assert not list(task_occurrences(ii5, dataset, date(2024, 1, 1), date(2027, 12, 31)))


def test_calendars_with_the_same_terms_owe_once_per_term() -> None:
    """Two calendars (or one named twice) that share a term owe one occurrence for it, not two."""
    dataset = minimal_dataset()
    twin = dataset.calendars["dai-hoi"].model_copy(update={"id": "dai-hoi-2"})
    dataset = with_plan(dataset, term_calendars=[*dataset.plan.term_calendars, twin])
    schedule = TermYear.model_validate(
        {"kind": "term_year", "year": 3, "calendars": ["dai-hoi", "dai-hoi-2", "dai-hoi"]}
    )
    assert owed(schedule, dataset, (date(2020, 1, 1), date(2030, 12, 31))) == [
        ("2020-2025", date(2023, 12, 31)),
        ("2025-2030", date(2028, 12, 31)),
    ]


def test_either_calendars_term_names_the_one_occurrence_of_its_year() -> None:
    """Data written when each calendar owed its own occurrence keyed records by either term."""
    dataset = shipped_dataset()
    vote = dataset.tasks["II.5"]
    for alias, key, due in [
        ("2020-2025", "2020-2025", date(2023, 12, 31)),
        ("2021-2026", "2020-2025", date(2023, 12, 31)),
        ("2026-2031", "2025-2030", date(2028, 12, 31)),
    ]:
        assert due_date(vote, alias, dataset) == due
        assert dataset.own_period("II.5", alias) == key
    assert due_date(vote, "2022-2027", dataset) is None
    assert dataset.own_period("II.5", "2022-2027") == "2022-2027"  # no term: left as written, refused elsewhere


def test_calendars_due_in_different_years_owe_one_occurrence_each() -> None:
    """One occurrence per due year, not per calendar: a calendar whose year 3 falls elsewhere adds its own."""
    dataset = minimal_dataset()
    later = TermCalendar(id="lech", name="Lệch", first_term="2022-2027", first_year=2022)
    dataset = with_plan(dataset, term_calendars=[*dataset.plan.term_calendars, later])
    schedule = TermYear.model_validate({"kind": "term_year", "year": 3, "calendars": ["lech", "dai-hoi"]})
    assert owed(schedule, dataset, (date(2020, 1, 1), date(2030, 12, 31))) == [
        ("2020-2025", date(2023, 12, 31)),
        ("2022-2027", date(2024, 12, 31)),
        ("2025-2030", date(2028, 12, 31)),
        ("2027-2032", date(2029, 12, 31)),
    ]


def test_a_year_beyond_the_term_is_refused_or_owes_nothing(minimal: Path) -> None:
    """Year 6 of the 5-year term 2020-2025 (year 1 = 2021) would be 2026, inside the next term.

    Found by these tests: the engine owed "2020-2025" on 2026-12-31. Refusing it when loading is the fix
    chosen; a fix in the engine (owing nothing) would pass too.
    """
    edit(minimal / "plan.yaml", "year: 3, calendars: [dai-hoi]", "year: 6, calendars: [dai-hoi]")
    dataset, problems = load(minimal)
    if problems:
        assert [problem.key for problem in problems] == ["tasks[4].schedule.year"]
        return
    assert dataset is not None
    for occurrence in occurrences(dataset, *WIDE):
        if occurrence.task == "III.1.3":
            first, last = (int(part) for part in occurrence.period.split("-"))
            assert first <= occurrence.due.year <= last, occurrence


# --- on an event -------------------------------------------------------------------------------


def test_an_event_without_a_date_owes_nothing_yet() -> None:
    schedule = OnEvent.model_validate({"kind": "event", "event": EVENT, "within_days": 90})
    assert list(period_keys(task(schedule), minimal_dataset(), date(2200, 12, 31))) == []
    assert due_date(task(schedule), EVENT, minimal_dataset()) is None
    assert [o for o in occurrences(minimal_dataset(), *WIDE) if o.task == "III.2.1"] == []


def test_a_dated_event_is_owed_within_its_days(minimal: Path) -> None:
    edit(minimal / "plan.yaml", "    date: null", "    date: 2022-05-10")
    found = occurrences(load_valid(minimal), *WIDE)
    assert [o for o in found if o.task == "III.2.1"] == [Occurrence(date(2022, 8, 8), "III.2.1", "huyen-b", EVENT)]


def test_an_event_owed_the_same_day() -> None:
    schedule = OnEvent.model_validate({"kind": "event", "event": EVENT, "within_days": 0})
    dataset = with_event_date(minimal_dataset(), date(2023, 12, 31))
    assert owed(schedule, dataset) == [(EVENT, date(2023, 12, 31))]
    assert due_date(task(schedule), "2023", dataset) is None


# --- ongoing and unscheduled -------------------------------------------------------------------


def test_ongoing_work_without_review_owes_nothing() -> None:
    schedule = Ongoing.model_validate({"kind": "ongoing", "from": 2022})
    assert owed(schedule) == []
    assert due_date(task(schedule), "2022", minimal_dataset()) is None


@pytest.mark.parametrize(
    ("review", "last", "expected"),
    [
        ("yearly", date(2023, 12, 31), [("2022", date(2022, 12, 31)), ("2023", date(2023, 12, 31))]),
        (
            "quarterly",
            date(2022, 12, 31),
            [
                ("2022-Q1", date(2022, 3, 31)),
                ("2022-Q2", date(2022, 6, 30)),
                ("2022-Q3", date(2022, 9, 30)),
                ("2022-Q4", date(2022, 12, 31)),
            ],
        ),
        ("monthly", date(2022, 2, 28), [("2022-01", date(2022, 1, 31)), ("2022-02", date(2022, 2, 28))]),
    ],
)
def test_ongoing_work_with_review_owes_one_per_review_period(
    review: str, last: date, expected: list[tuple[str, date]]
) -> None:
    schedule = Ongoing.model_validate({"kind": "ongoing", "from": 2022, "review": review})
    assert owed(schedule, window=(date(2000, 1, 1), last)) == expected


def test_monthly_review_starts_in_the_month_the_plan_starts_when_from_is_not_set() -> None:
    """The minimal plan starts on 2021-12-01: nothing is owed for the months before it existed."""
    schedule = Ongoing.model_validate({"kind": "ongoing", "review": "monthly"})
    found = owed(schedule, window=(date(2000, 1, 1), date(2022, 2, 28)))
    assert found == [("2021-12", date(2021, 12, 31)), ("2022-01", date(2022, 1, 31)), ("2022-02", date(2022, 2, 28))]
    assert due_date(task(schedule), "2021-11", minimal_dataset()) is None


def test_a_review_period_of_another_span_is_not_a_period_of_the_task() -> None:
    schedule = Ongoing.model_validate({"kind": "ongoing", "from": 2022, "review": "quarterly"})
    dataset = minimal_dataset()
    assert due_date(task(schedule), "2022-Q2", dataset) == date(2022, 6, 30)
    assert [due_date(task(schedule), key, dataset) for key in ("2021-Q4", "2022-02", "2022", "nonsense")] == [None] * 4


def test_an_unscheduled_task_owes_nothing() -> None:
    assert owed(None) == []
    assert due_date(task(None), "2022", minimal_dataset()) is None
    assert [o for o in occurrences(minimal_dataset(), *WIDE) if o.task in ("IV.1", "III.1.1")] == []


# --- the day a period opens (no record of it can be dated earlier) ------------------------------


@pytest.mark.parametrize(
    ("schedule", "key", "opens"),
    [
        ({"kind": "deadline", "by": "2022-Q1"}, "2022-Q1", date(2021, 12, 1)),  # the plan's start
        ({"kind": "deadline", "by": "2023-03-15"}, "2023-03-15", date(2021, 12, 1)),
        ({"kind": "yearly", "from": 2022, "due_day": "06-30"}, "2024", date(2024, 1, 1)),
        ({"kind": "years", "years": [2022, 2023]}, "2023", date(2023, 1, 1)),
        ({"kind": "ongoing", "from": 2022, "review": "quarterly"}, "2022-Q3", date(2022, 7, 1)),
        ({"kind": "ongoing", "review": "monthly"}, "2022-02", date(2022, 2, 1)),
        ({"kind": "ongoing", "review": "yearly"}, "2021", date(2021, 1, 1)),  # then the plan's start counts
        ({"kind": "term_year", "year": 3, "calendars": ["dai-hoi"]}, "2025-2030", date(2028, 1, 1)),
        ({"kind": "event", "event": EVENT, "within_days": 90}, EVENT, date(2024, 5, 6)),
    ],
)
def test_each_kind_says_the_day_its_period_opens(schedule: dict[str, Any], key: str, opens: date) -> None:
    parsed = task(schedule).schedule
    dataset = with_event_date(minimal_dataset(), date(2024, 5, 6))
    assert opening_day(task(parsed), key, dataset) == opens


def test_a_period_a_schedule_does_not_have_opens_on_no_day() -> None:
    dataset = minimal_dataset()  # its event has no date yet
    yearly = Yearly.model_validate({"kind": "yearly", "from": 2022})
    event = OnEvent.model_validate({"kind": "event", "event": EVENT, "within_days": 90})
    assert [opening_day(task(yearly), "2021", dataset), opening_day(task(event), EVENT, dataset)] == [None, None]
    assert opening_day(task(None), "2022", dataset) is None


class Clockless(type):
    """Instances of the real classes still pass ``isinstance`` against the clockless ones."""

    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, cls.__mro__[1])


class NoClockDate(date, metaclass=Clockless):
    @classmethod
    def today(cls) -> NoClockDate:
        raise AssertionError("the clock was read (date.today)")


class NoClockDatetime(datetime, metaclass=Clockless):
    @classmethod
    def today(cls) -> NoClockDatetime:
        raise AssertionError("the clock was read (datetime.today)")

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> NoClockDatetime:
        raise AssertionError("the clock was read (datetime.now)")


def test_nothing_reads_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Today" is always a parameter: a view of any day must not depend on when it is computed.

    The clock has no seam to watch it through, so every module of kehoach.domain gets, in place
    of the ``date`` and ``datetime`` it imported, ones whose clock fails the test.
    """
    clockless = {date: NoClockDate, datetime: NoClockDatetime}
    patched = []
    for info in pkgutil.iter_modules(domain.__path__):
        module = importlib.import_module(f"{domain.__name__}.{info.name}")
        for name, value in list(vars(module).items()):
            if value is date or value is datetime:
                monkeypatch.setattr(module, name, clockless[value])
                patched.append(f"{module.__name__}.{name}")
    assert patched, "no module of kehoach.domain imports date or datetime: is the clock read another way?"
    dataset = minimal_dataset()
    assert entries(dataset, occurrences(dataset, *WIDE), date(2023, 1, 1))


# --- status as of a day ------------------------------------------------------------------------

DUE = date(2022, 3, 31)
OCCURRENCE = Occurrence(DUE, "II.1", "ban-a", "2022-Q1")


def done(on: date) -> Record:
    return Record.model_validate({"task": "II.1", "period": "2022-Q1", "done_on": on.isoformat(), "evidence": "BC"})


def waived(on: date) -> Record:
    return Record.model_validate({"task": "II.1", "period": "2022-Q1", "waived_on": on, "reason": "Không áp dụng"})


def test_done_on_the_due_date_is_done() -> None:
    record = done(DUE)
    assert status_of(OCCURRENCE, record, date(2022, 6, 1)) == engine.Entry(OCCURRENCE, Status.done, record, None)


def test_done_early_is_done_even_before_the_due_date() -> None:
    record = done(date(2022, 2, 1))
    assert status_of(OCCURRENCE, record, date(2022, 2, 1)).status is Status.done


def test_done_one_day_late_is_done_late_by_one_day() -> None:
    record = done(DUE + timedelta(days=1))
    entry = status_of(OCCURRENCE, record, date(2022, 6, 1))
    assert (entry.status, entry.days_late, entry.record) == (Status.done_late, 1, record)


def test_open_past_the_due_date_is_overdue_by_the_days_since() -> None:
    entry = status_of(OCCURRENCE, None, date(2022, 4, 10))
    assert (entry.status, entry.days_late, entry.record) == (Status.overdue, 10, None)


def test_a_deadline_of_today_is_still_open() -> None:
    assert status_of(OCCURRENCE, None, DUE) == engine.Entry(OCCURRENCE, Status.open, None, None)
    assert status_of(OCCURRENCE, None, DUE + timedelta(days=1)).status is Status.overdue


def test_a_record_dated_after_the_day_viewed_is_not_yet_known() -> None:
    """The view of a past day is reproducible: what was recorded later does not leak into it."""
    late = done(date(2022, 5, 1))
    assert status_of(OCCURRENCE, late, date(2022, 4, 10)) == engine.Entry(OCCURRENCE, Status.overdue, None, 10)
    assert status_of(OCCURRENCE, late, date(2022, 3, 1)).status is Status.open
    assert status_of(OCCURRENCE, late, date(2022, 5, 1)).status is Status.done_late


def test_waived_from_its_day_on() -> None:
    record = waived(date(2022, 4, 5))
    assert status_of(OCCURRENCE, record, date(2022, 4, 5)) == engine.Entry(OCCURRENCE, Status.waived, record, None)
    assert status_of(OCCURRENCE, record, date(2022, 4, 4)).status is Status.overdue


def test_entries_find_each_units_own_record(minimal: Path) -> None:
    """Records are matched by unit, task and period, read from the unit files as written."""
    records = (
        "records:\n"
        "  - {task: II.1, period: 2022-Q1, done_on: 2022-04-02, evidence: Báo cáo 1-BC}\n"
        "  - {task: II.2, period: 2022, waived_on: 2022-06-01, reason: Không phát sinh}\n"
    )
    edit(minimal / "units" / "ban-a.yaml", "records: []\n", records)
    dataset = load_valid(minimal)
    found = [o for o in occurrences(dataset, date(2022, 1, 1), date(2022, 12, 31)) if o.task in ("II.1", "II.2")]
    seen = {(e.occurrence.task, e.occurrence.unit): (e.status, e.days_late) for e in entries(dataset, found, DUE)}
    assert seen == {
        ("II.1", "ban-a"): (Status.open, None),
        ("II.1", "huyen-b"): (Status.open, None),
        ("II.2", "ban-a"): (Status.open, None),
        ("II.2", "huyen-b"): (Status.open, None),
    }
    seen = {
        (e.occurrence.task, e.occurrence.unit): (e.status, e.days_late)
        for e in entries(dataset, found, date(2022, 6, 1))
    }
    assert seen == {
        ("II.1", "ban-a"): (Status.done_late, 2),
        ("II.1", "huyen-b"): (Status.overdue, 62),
        ("II.2", "ban-a"): (Status.waived, None),
        ("II.2", "huyen-b"): (Status.open, None),
    }


# --- strategies --------------------------------------------------------------------------------

LO, HI = 2019, 2030  # years of whole-plan properties: terms recur; monthly reviews stay quick
OWNERS = (("ca-hai",), ("ban-a",), ("huyen-b",), ("ca-hai", "ban-a"), ("huyen-b", "ca-hai"))
MONTH_ENDS = ("01-31", "02-28", "02-29", "03-31", "04-30", "06-30", "09-30", "11-30", "12-31")

due_days = st.one_of(
    st.sampled_from(MONTH_ENDS),
    st.dates(date(2000, 1, 1), date(2000, 12, 31)).map(lambda d: d.strftime("%m-%d")),  # 2000: Feb has 29
)


def deadlines(lo: int, hi: int) -> st.SearchStrategy[Deadline]:
    years = st.integers(lo, hi)
    keys = st.one_of(
        years.map(str),
        st.builds("{}-Q{}".format, years, st.integers(1, 4)),
        st.builds(lambda y, m: f"{y}-{m:02d}", years, st.integers(1, 12)),
        st.dates(date(lo, 1, 1), date(hi, 12, 31)).map(date.isoformat),
    )
    return keys.map(lambda by: Deadline.model_validate({"kind": "deadline", "by": by}))


@st.composite
def yearlies(draw: st.DrawFn, lo: int, hi: int) -> Yearly:
    start = draw(st.integers(lo, hi))
    until = draw(st.none() | st.integers(start, hi))
    return Yearly.model_validate({"kind": "yearly", "from": start, "until": until, "due_day": draw(due_days)})


def given_years(lo: int, hi: int) -> st.SearchStrategy[Years]:
    years = st.lists(st.integers(lo, hi), min_size=1, max_size=4, unique=True)
    return st.builds(lambda ys, d: Years.model_validate({"kind": "years", "years": ys, "due_day": d}), years, due_days)


def ongoings(lo: int, hi: int) -> st.SearchStrategy[Ongoing]:
    reviews = st.sampled_from((None, "yearly", "quarterly", "monthly"))
    starts = st.none() | st.integers(lo, hi)
    return st.builds(lambda s, r: Ongoing.model_validate({"kind": "ongoing", "from": s, "review": r}), starts, reviews)


@st.composite
def term_calendars(draw: st.DrawFn, lo: int, hi: int, count: int) -> list[TermCalendar]:
    """Calendars whose terms are 2–10 years long, with year 1 anywhere in the first term."""
    found = []
    for index in range(count):
        start = draw(st.integers(lo, min(hi, periods.MAX_YEAR - 2)))
        end = min(start + draw(st.integers(2, 10)), periods.MAX_YEAR)  # a term the plan can mean
        first_year = draw(st.integers(start, min(end - 1, periods.MAX_YEAR)))
        found.append(TermCalendar(id=f"lich-{index}", name="Lịch", first_term=f"{start}-{end}", first_year=first_year))
    return found


def years_in_term(calendar: TermCalendar) -> int:
    """How many years of a term there are from its year 1 to its last year."""
    return int(calendar.first_term[-4:]) - calendar.first_year + 1


@st.composite
def term_years(draw: st.DrawFn, calendars: list[TermCalendar]) -> TermYear:
    """A year that exists in every term of the chosen calendars (beyond it, loading refuses it)."""
    chosen = draw(st.lists(st.sampled_from(calendars), min_size=1, max_size=3))  # a calendar may be named twice
    nth = draw(st.integers(1, min(10, *(years_in_term(c) for c in chosen))))  # the model allows 1–10
    return TermYear.model_validate({"kind": "term_year", "year": nth, "calendars": [c.id for c in chosen]})


def events() -> st.SearchStrategy[OnEvent]:
    days = st.integers(0, 400)
    return days.map(lambda n: OnEvent.model_validate({"kind": "event", "event": EVENT, "within_days": n}))


@functools.cache  # built once per era: building strategies on every draw made these tests slow
def fixed_schedules(lo: int, hi: int) -> st.SearchStrategy[Any]:
    """Every kind of schedule but term years, which depend on the calendars drawn."""
    return st.one_of(deadlines(lo, hi), yearlies(lo, hi), given_years(lo, hi), ongoings(lo, hi), events(), st.none())


def schedules(lo: int, hi: int, calendars: list[TermCalendar]) -> st.SearchStrategy[Any]:
    return st.one_of(fixed_schedules(lo, hi), term_years(calendars))


@st.composite
def plans(draw: st.DrawFn, lo: int = LO, hi: int = HI) -> Dataset:
    """The minimal scenario's units and group with 3–6 random tasks, calendars and an event date."""
    calendars = draw(term_calendars(lo - 10, hi, draw(st.integers(1, 2))))
    count = draw(st.integers(3, 6))
    tasks = [
        task(draw(schedules(lo, hi, calendars)), draw(st.sampled_from(OWNERS)), f"I.{n + 1}") for n in range(count)
    ]
    event = Event(id=EVENT, name="Sự kiện", date=draw(st.none() | st.dates(date(lo, 1, 1), date(hi, 12, 31))))
    return with_plan(minimal_dataset(), tasks=tasks, term_calendars=calendars, events=[event])


@st.composite
def windows(draw: st.DrawFn, lo: int = LO, hi: int = HI) -> tuple[date, date]:
    """Everything a plan can owe, or from a single day to twelve years somewhere within it."""
    if draw(st.booleans()):
        return date(lo - 10, 1, 1), date(hi + 2, 12, 31)  # terms start earlier, events fall due later
    first = draw(st.dates(date(lo, 1, 1), date(hi, 12, 31)))
    return first, first + timedelta(days=draw(st.integers(0, 12 * 366)))


def record_for(occurrence: Occurrence, outcome: str, on: date) -> Record:
    fields = {"done_on": on, "evidence": "BC"} if outcome == "done" else {"waived_on": on, "reason": "Miễn"}
    return Record.model_validate({"task": occurrence.task, "period": occurrence.period, **fields})


def with_records(dataset: Dataset, records: dict[Occurrence, Record]) -> Dataset:
    units = {
        unit_id: unit.model_copy(update={"records": [r for o, r in records.items() if o.unit == unit_id]})
        for unit_id, unit in dataset.units.items()
    }
    return Dataset(dataset.plan, units)


@st.composite
def recorded(draw: st.DrawFn) -> tuple[Dataset, list[Occurrence]]:
    """A random plan, what it owes over a window, and records for some of it, done or waived, early or late."""
    dataset = draw(plans())
    found = occurrences(dataset, *draw(windows()))
    chosen = draw(st.lists(st.sampled_from(found), unique=True, max_size=8)) if found else []
    records = {
        o: record_for(o, draw(st.sampled_from(("done", "waived"))), o.due + timedelta(days=draw(st.integers(-60, 60))))
        for o in chosen
    }
    return with_records(dataset, records), found


def known_on(dataset: Dataset, as_of: date) -> Dataset:
    """The dataset as it stood on ``as_of``: records dated later removed."""
    units = {
        unit_id: unit.model_copy(
            update={"records": [r for r in unit.records if ((r.done_on or r.waived_on) or date.max) <= as_of]}
        )
        for unit_id, unit in dataset.units.items()
    }
    return Dataset(dataset.plan, units)


@st.composite
def eras(draw: st.DrawFn) -> tuple[Dataset, tuple[date, date]]:
    """A plan confined to twelve years somewhere in 1990–2200, and a window covering them."""
    lo = draw(st.integers(periods.MIN_YEAR + 10, periods.MAX_YEAR - 12))
    dataset = draw(plans(lo, lo + 12))
    # Reviews without ``from`` start in the plan's first year: keep that inside the era too.
    info = dataset.plan.plan.model_copy(update={"starts": date(lo, 1, 1)})
    return with_plan(dataset, plan=info), (date(lo - 10, 1, 1), date(lo + 12, 12, 31))


# --- properties --------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(eras())
def test_every_due_date_lies_in_the_period_it_is_keyed_by(era: tuple[Dataset, tuple[date, date]]) -> None:
    dataset, window = era
    for occurrence in occurrences(dataset, *window):
        key = occurrence.period
        if key == EVENT:
            continue
        if len(key) == 9 and key[4] == "-" and key[5:].isdigit():  # a term, 2025-2030
            assert int(key[:4]) <= occurrence.due.year <= int(key[5:]), occurrence
        else:
            assert occurrence.due in periods.parse_period(key), occurrence


@pytest.mark.parametrize(
    ("schedule", "day", "current"),
    [
        ({"kind": "yearly", "from": 2022, "due_day": "06-30"}, date(2023, 6, 30), "2023"),
        ({"kind": "yearly", "from": 2022, "due_day": "06-30"}, date(2023, 7, 1), None),  # 2024's opens in 2024
        ({"kind": "ongoing", "from": 2022, "review": "quarterly"}, date(2022, 8, 15), "2022-Q3"),
        ({"kind": "deadline", "by": "2026"}, date(2022, 1, 10), "2026"),  # open from the plan's start
        ({"kind": "deadline", "by": "2022-Q1"}, date(2022, 4, 1), None),
        ({"kind": "term_year", "year": 3, "calendars": ["dai-hoi"]}, date(2027, 12, 31), None),
        ({"kind": "term_year", "year": 3, "calendars": ["dai-hoi"]}, date(2028, 1, 1), "2025-2030"),
        ({"kind": "event", "event": EVENT, "within_days": 90}, date(2024, 5, 6), EVENT),
        ({"kind": "event", "event": EVENT, "within_days": 90}, date(2024, 5, 5), None),
    ],
)
def test_the_occurrence_under_way_on_a_day_has_begun_and_is_not_yet_due(
    schedule: dict[str, Any], day: date, current: str | None
) -> None:
    dataset = with_event_date(minimal_dataset(), date(2024, 5, 6))
    found = current_occurrence(dataset, task(schedule, ("ban-a",)), "ban-a", day)
    assert (found.period if found else None) == current


@settings(max_examples=40, deadline=None)
@given(eras())
def test_every_period_opens_by_its_due_date(era: tuple[Dataset, tuple[date, date]]) -> None:
    """So every occurrence can be recorded on time: from the day it opens to the day it is due."""
    dataset, window = era
    for occurrence in occurrences(dataset, *window):
        opens = opening_day(dataset.tasks[occurrence.task], occurrence.period, dataset)
        assert opens is not None and opens <= occurrence.due, occurrence


def terms_owed(term_calendar: TermCalendar, nth: int, last_year: int) -> list[tuple[str, date]]:
    """(term, 31 December of its n-th year) for every term whose n-th year is at most ``last_year``."""
    start, end = (int(part) for part in term_calendar.first_term.split("-"))
    length = end - start
    found = []
    for k in range(last_year - start + 1):
        due_year = term_calendar.first_year + k * length + nth - 1
        if due_year <= last_year:
            found.append((f"{start + k * length}-{end + k * length}", date(due_year, 12, 31)))
    return found


@settings(max_examples=40, deadline=None)
@given(term_calendars(periods.MIN_YEAR, 2100, 1), st.data())
def test_a_term_year_is_owed_in_that_year_of_every_term(calendars: list[TermCalendar], data: st.DataObject) -> None:
    """Term k (0 first) has year 1 in first_year + k × length; year n is n − 1 years after it."""
    (term_calendar,) = calendars
    nth = data.draw(st.integers(1, min(10, years_in_term(term_calendar))))
    schedule = TermYear.model_validate({"kind": "term_year", "year": nth, "calendars": [term_calendar.id]})
    dataset = with_plan(minimal_dataset(), term_calendars=calendars)
    window = (date(periods.MIN_YEAR, 1, 1), date(periods.MAX_YEAR, 12, 31))
    assert owed(schedule, dataset, window) == sorted(terms_owed(term_calendar, nth, periods.MAX_YEAR))


@settings(max_examples=150, deadline=None)
@given(yearlies(periods.MIN_YEAR, periods.MAX_YEAR), st.integers(periods.MIN_YEAR, periods.MAX_YEAR))
def test_yearly_is_due_on_its_day_in_every_year_from_1990_to_2200(schedule: Yearly, horizon: int) -> None:
    """Month ends and 29 February included; without ``until`` it runs to the end of the window."""
    last_year = schedule.until or max(horizon, schedule.from_)
    month_index, day_index = (int(part) for part in schedule.due_day.split("-"))
    expected = [(str(y), expected_day(y, month_index, day_index)) for y in range(schedule.from_, last_year + 1)]
    window = (date(periods.MIN_YEAR, 1, 1), date(last_year, 12, 31))
    assert owed(schedule, window=window) == expected


@settings(max_examples=40, deadline=None)
@given(plans(), windows())
def test_each_unit_owes_each_period_of_a_task_once(dataset: Dataset, window: tuple[date, date]) -> None:
    found = occurrences(dataset, *window)
    keys = [(o.task, o.unit, o.period) for o in found]
    assert len(keys) == len(set(keys))
    for each in dataset.plan.tasks:
        mine = [o for o in found if o.task == each.ref]
        by_unit = {unit: {(o.period, o.due) for o in mine if o.unit == unit} for unit in dataset.task_units(each)}
        assert len({frozenset(owed_periods) for owed_periods in by_unit.values()}) == 1, each  # all owe the same
        assert {o.unit for o in mine} <= set(by_unit)


# Which status may follow which as "today" moves forward: once done or waived, always so.
FOLLOWS = {
    Status.open: {Status.open, Status.overdue, Status.done, Status.done_late, Status.waived},
    Status.overdue: {Status.overdue, Status.done_late, Status.waived},
    Status.done: {Status.done},
    Status.done_late: {Status.done_late},
    Status.waived: {Status.waived},
}


@settings(max_examples=40, deadline=None)
@given(recorded(), st.dates(date(LO, 1, 1), date(HI + 2, 12, 31)), st.dates(date(LO, 1, 1), date(HI + 2, 12, 31)))
def test_moving_today_changes_statuses_only_forward(
    plan: tuple[Dataset, list[Occurrence]], one: date, other: date
) -> None:
    """Occurrences and due dates do not depend on "today"; a status only ever moves on."""
    dataset, found = plan
    early, late = sorted((one, other))
    before, after = entries(dataset, found, early), entries(dataset, found, late)
    assert [e.occurrence for e in before] == found == [e.occurrence for e in after]
    for then, now in zip(before, after, strict=True):
        assert now.status in FOLLOWS[then.status], (then, now)
        if then.status is now.status is Status.overdue:
            assert now.days_late - then.days_late == (late - early).days


@settings(max_examples=40, deadline=None)
@given(recorded(), st.dates(date(LO, 1, 1), date(HI + 2, 12, 31)))
def test_a_past_day_looks_the_same_whatever_was_recorded_after_it(
    plan: tuple[Dataset, list[Occurrence]], as_of: date
) -> None:
    dataset, found = plan
    assert entries(dataset, found, as_of) == entries(known_on(dataset, as_of), found, as_of)


@settings(max_examples=40, deadline=None)
@given(plans(), windows(), st.data())
def test_the_window_is_respected_and_splits_cleanly(
    dataset: Dataset, window: tuple[date, date], data: st.DataObject
) -> None:
    first, last = window
    found = occurrences(dataset, first, last)
    assert all(first <= o.due <= last for o in found)
    middle = data.draw(st.dates(first, last))
    halves = occurrences(dataset, first, middle) + occurrences(dataset, middle + timedelta(days=1), last)
    assert sorted(halves) == found
    if found:
        occurrence = data.draw(st.sampled_from(found))
        assert occurrence in occurrences(dataset, occurrence.due, occurrence.due)  # a one-day window holds it
    unit = data.draw(st.sampled_from(BOTH))
    assert occurrences(dataset, first, last, {unit}) == [o for o in found if o.unit == unit]


def test_an_extension_moves_each_owners_occurrence_and_says_how_it_stood_before() -> None:
    dataset = load_valid(SCENARIOS / "tracked")  # II.1 for 2022-Q1: ban-a done on time, huyen-b 5 days late
    every = Extension(task="II.1", period="2022-Q1", to=date(2022, 4, 30), by="Công văn số 3-CV/TU")
    as_of = date(2022, 6, 1)
    moved = {before.occurrence.unit: (before, after) for before, after in moved_by(dataset, every, as_of)}
    assert sorted(moved) == ["ban-a", "huyen-b"]
    before, after = moved["huyen-b"]
    assert (before.status, before.days_late, before.occurrence.due) == (Status.done_late, 5, date(2022, 3, 31))
    assert (after.status, after.days_late, after.occurrence.due) == (Status.done, None, date(2022, 4, 30))
    own = every.model_copy(update={"unit": "ban-a"})
    assert [before.occurrence.unit for before, _after in moved_by(dataset, own, as_of)] == ["ban-a"]
    kept = Dataset(dataset.plan.model_copy(update={"extensions": [own]}), dataset.units)
    later = every.model_copy(update={"to": date(2022, 5, 1)})
    units = [before.occurrence.unit for before, _after in moved_by(kept, later, as_of)]
    assert units == ["huyen-b"]  # ban-a keeps its own
