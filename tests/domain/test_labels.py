"""Periods have names (kehoach.domain.labels): every key reads as a name in both languages, and
the name, typed back in any case and with or without diacritics, finds the key again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SHIPPED_DATA
from kehoach import i18n
from kehoach.domain.labels import folded, matching_period, period_name
from kehoach.domain.periods import month, quarter, year
from kehoach.files.load import load_valid

PLAN = load_valid(SHIPPED_DATA)


@contextmanager
def language(code: str) -> Iterator[None]:
    before = i18n.LANGUAGE
    i18n.use(code)
    try:
        yield
    finally:
        i18n.use(before)


@pytest.mark.parametrize(
    ("ref", "key", "name"),
    [
        ("II.1", "2022-Q1", "Quý I/2022"),
        ("II.2a", "2022-02", "Tháng 02/2022"),
        ("II.2b", "2023", "Năm 2023"),
        ("II.5", "2020-2025", "Nhiệm kỳ Đại hội Đảng bộ tỉnh 2020–2025"),
        ("II.5", "2021-2026", "Nhiệm kỳ Hội đồng nhân dân các cấp 2021–2026"),
    ],
)
def test_the_shipped_plans_periods_read_as_the_document_names_them(ref: str, key: str, name: str) -> None:
    assert period_name(PLAN, PLAN.tasks[ref], key) == name


def test_an_event_period_is_named_by_the_event_never_its_id() -> None:
    (task,) = [task for task in PLAN.plan.tasks if task.schedule is not None and task.schedule.kind == "event"][:1]
    event = task.schedule.event  # type: ignore[union-attr]
    assert period_name(PLAN, task, event) == PLAN.events[event].name


calendar_keys = st.one_of(
    st.integers(2020, 2040).map(lambda n: year(n).key),
    st.tuples(st.integers(2020, 2040), st.integers(1, 4)).map(lambda pair: quarter(*pair).key),
    st.tuples(st.integers(2020, 2040), st.integers(1, 12)).map(lambda pair: month(*pair).key),
)


@given(key=calendar_keys, code=st.sampled_from(i18n.LANGUAGES), shout=st.booleans(), bare=st.booleans())
def test_every_key_round_trips_through_its_name(key: str, code: str, shout: bool, bare: bool) -> None:
    task = PLAN.tasks["II.1"]  # a deadline: its keys are calendar periods
    others = [year(2021).key, quarter(2021, 4).key, month(2021, 12).key]  # the same period a year earlier
    with language(code):
        name = period_name(PLAN, task, key)
        candidates = [(other, period_name(PLAN, task, other)) for other in [*others, key]]
    typed = name.upper() if shout else name
    typed = folded(typed) if bare else typed
    assert matching_period(typed, candidates) == key
    assert matching_period(key, candidates) == key


def test_short_forms_people_type_find_the_period() -> None:
    periods = [("2022-Q1", "Quý I/2022"), ("2022-Q2", "Quý II/2022"), ("2022-02", "Tháng 02/2022")]
    assert matching_period("quy I/2022", periods) == "2022-Q1"
    assert matching_period("Q2/2022", periods) == "2022-Q2"
    assert matching_period("02/2022", periods) == "2022-02"
    assert matching_period("2/2022", periods) == "2022-02"
    assert matching_period("Quý III/2022", periods) is None
