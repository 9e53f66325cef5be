"""Schedule phrases read into schedules (kehoach.domain.phrases): every phrase of domain.md's table
and the variants a plan writes, each read by exactly one kind of the registry; what none reads
stays unread, never guessed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pytest

from kehoach.domain.phrases import read_schedule, readers


@dataclass(frozen=True)
class Drafting:
    """The plan being drafted, as the readers ask it: two term calendars, events by their words."""

    first_year: int = 2022

    def calendar(self, name: str) -> str:
        return {"": "dai-hoi", "đại hội đảng": "dai-hoi", "hội đồng nhân dân các cấp": "hdnd"}[name]

    def event(self, name: str) -> str:
        folded = unicodedata.normalize("NFD", name.replace("đ", "d"))
        return re.sub(r"[^a-z0-9]+", "-", "".join(c for c in folded if not unicodedata.combining(c))).strip("-")


def deadline(by: str, ad_hoc: bool = False) -> dict[str, Any]:
    return {"kind": "deadline", "by": by, "ad_hoc": ad_hoc}


def yearly(start: int, until: int | None = None) -> dict[str, Any]:
    return {"kind": "yearly", "from": start, "until": until, "due_day": "12-31"}


def ongoing(start: int | None = None, review: str | None = None, ad_hoc: bool = False) -> dict[str, Any]:
    return {"kind": "ongoing", "from": start, "review": review, "ad_hoc": ad_hoc}


PHRASES: dict[str, dict[str, Any]] = {
    # domain.md, "Every schedule phrase in the document", as the seed writes each
    "thực hiện thường xuyên": ongoing(),
    "thực hiện thường xuyên hoặc định kỳ": ongoing(),
    "từ năm 2022": ongoing(2022),
    "thực hiện từ năm 2022": ongoing(2022),
    "thực hiện hằng năm": yearly(2022),
    "thực hiện hằng năm từ năm 2022": yearly(2022),
    "năm 2022": deadline("2022"),
    "năm 2026": deadline("2026"),
    "năm 2022, 2023": {"kind": "years", "years": [2022, 2023]},
    "hoàn thành trong Quý I/2022": deadline("2022-Q1"),
    "Quý I/2022": deadline("2022-Q1"),
    "Hoàn thành trong tháng 02/2022": deadline("2022-02"),
    "hoàn thành trong tháng 02/2022": deadline("2022-02"),
    "năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Hội đồng nhân dân các cấp": {
        "kind": "term_year",
        "year": 3,
        "calendars": ["dai-hoi", "hdnd"],
    },
    "trong năm 2023 hoặc đột xuất khi cần thiết": deadline("2023", ad_hoc=True),
    "khi Trung ương triển khai thực hiện": {"kind": "event", "event": "trung-uong-trien-khai-thuc-hien"},
    "sau khi Quy định ban hành": {"kind": "event", "event": "quy-dinh-ban-hanh"},
    "định kỳ hoặc đột xuất": ongoing(ad_hoc=True),
    # the variants other plans write
    "thường xuyên": ongoing(),
    "Thực hiện thường xuyên.": ongoing(),
    "hằng năm": yearly(2022),
    "định kỳ hằng năm": yearly(2022),
    "hoàn thành trong năm 2024": deadline("2024"),
    "trong năm 2025": deadline("2025"),
    "quý 1 năm 2022": deadline("2022-Q1"),
    "quý IV/2023": deadline("2023-Q4"),
    "Quý 3/2024": deadline("2024-Q3"),
    "hoàn thành trong quý II năm 2022": deadline("2022-Q2"),
    "6 tháng đầu năm 2023": deadline("2023-H1"),
    "6 tháng cuối năm 2023": deadline("2023-H2"),
    "trước ngày 30/6/2022": deadline("2022-06-30"),
    "hoàn thành trước ngày 15/01/2023": deadline("2023-01-15"),
    "tháng 02/2022": deadline("2022-02"),
    "tháng 9/2022": deadline("2022-09"),
    "tháng 2 năm 2022": deadline("2022-02"),
    "các năm 2022, 2023 và 2024": {"kind": "years", "years": [2022, 2023, 2024]},
    "năm 2022 và năm 2023": {"kind": "years", "years": [2022, 2023]},
    "từ năm 2022 đến năm 2025": yearly(2022, 2025),
    "hằng năm từ năm 2023 đến năm 2025": yearly(2023, 2025),
    "năm thứ 3 nhiệm kỳ": {"kind": "term_year", "year": 3, "calendars": ["dai-hoi"]},
    "hằng quý": ongoing(review="quarterly"),
    "định kỳ hằng quý": ongoing(review="quarterly"),
    "hằng tháng": ongoing(review="monthly"),
    "định kỳ 6 tháng": ongoing(review="half-yearly"),
    "định kỳ 6 tháng một lần": ongoing(review="half-yearly"),
    "khi Ban Chấp hành Trung ương ban hành Quy định": {
        "kind": "event",
        "event": "ban-chap-hanh-trung-uong-ban-hanh-quy-dinh",
    },
    "thực hiện thường xuyên, hoặc đột xuất khi có yêu cầu": ongoing(ad_hoc=True),
}


@pytest.mark.parametrize(("phrase", "expected"), PHRASES.items(), ids=list(PHRASES))
def test_a_phrase_is_read_as_it_means(phrase: str, expected: dict[str, Any]) -> None:
    schedule = read_schedule(phrase, Drafting())
    assert schedule is not None, phrase
    found = schedule.model_dump(by_alias=True)
    assert {key: found[key] for key in expected} == expected
    assert found["ad_hoc"] == expected.get("ad_hoc", False)
    assert found["as_written"] == phrase.strip(" .")  # the document's own words, kept


@pytest.mark.parametrize("phrase", list(PHRASES), ids=list(PHRASES))
def test_exactly_one_kind_reads_a_phrase(phrase: str) -> None:
    assert len(readers(phrase, Drafting())) == 1


UNREAD = [
    "theo chỉ đạo của Trung ương",  # says who, not when
    "quý V/2022",
    "năm 20222",
    "năm 1800",  # read, but outside the years a plan can have: not a schedule
    "tháng 13/2022",
    "khi cần thiết",  # "when needed": ad hoc, not an event
    "trước ngày 31/2/2022",
    "từ năm 2025 đến năm 2022",  # backwards
    "",
]


@pytest.mark.parametrize("phrase", UNREAD)
def test_a_phrase_no_kind_reads_is_left_unread(phrase: str) -> None:
    assert read_schedule(phrase, Drafting()) is None
