"""The data model: what a plan file and a unit file may hold (pydantic v2, no I/O).

Every model forbids unknown keys. Field validation here is what one file can say about
itself; checks that need several files (does this owner exist?) live in
:mod:`kehoach.checks`. Error messages are Vietnamese, the language of the data's editors.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from kehoach import periods
from kehoach.i18n import _

SUPPORTED_SCHEMAS = (1,)
"""Format versions of data files this kehoach reads (the ``schema:`` key of every file)."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_REF = re.compile(r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X)(?:\.[0-9]+)+[a-z]?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAY_OF_YEAR = re.compile(r"(\d{2})-(\d{2})")
_TERM = re.compile(r"(\d{4})-(\d{4})")
_PERIOD_KEY = re.compile(r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*")


def _error(kind: str, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, context)


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise _error(
            "slug",
            _("mã '{value}' không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu '-' (ví dụ ban-to-chuc)"),
            value=value,
        )
    return value


def _ref(value: str) -> str:
    if not _REF.fullmatch(value):
        raise _error(
            "ref",
            _("số hiệu '{value}' không hợp lệ: viết theo mục của văn bản, ví dụ II.2a hoặc III.5.3"),
            value=value,
        )
    return value


def _text(value: str) -> str:
    if not value.strip():
        raise _error("blank", _("không được để trống"))
    return value


def _iso_date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _error("date_invalid", _("ngày {value} không tồn tại"), value=value) from None
    raise _error(
        "date_format",
        _("cần một ngày dạng YYYY-MM-DD (ví dụ 2022-03-31), không phải '{value}'"),
        value=value,
    )


def _period(value: Any) -> str:
    """A deadline period: a year (``2022``), quarter, month or day; kept as its key."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text, str):
        try:
            return periods.parse_period(text).key
        except ValueError:
            pass
    raise _error(
        "period",
        _("kỳ hạn '{value}' không hợp lệ: viết 2022 (năm), 2022-Q1 (quý), 2022-02 (tháng) hoặc 2022-03-31 (ngày)"),
        value=value,
    )


def _period_key(value: Any) -> str:
    """The period of a record: any key an occurrence can have (year, quarter, term, event id…)."""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text, str) and _PERIOD_KEY.fullmatch(text):
        return text
    raise _error("period_key", _("kỳ '{value}' không hợp lệ (ví dụ 2022, 2022-Q1, 2020-2025)"), value=value)


def _none_is_empty(value: Any) -> Any:
    """``records:`` with nothing after it is an empty list: ``kehoach done`` then adds only lines."""
    return [] if value is None else value


def _day_of_year(value: str) -> str:
    match = _DAY_OF_YEAR.fullmatch(value)
    if not match or not _valid_day(int(match[1]), int(match[2])):
        raise _error("day_of_year", _("ngày trong năm '{value}' không hợp lệ: viết MM-DD, ví dụ 12-31"), value=value)
    return value


def _valid_day(month_index: int, day_index: int) -> bool:
    return 1 <= month_index <= 12 and 1 <= day_index <= periods.last_day(2000, month_index)


def _term(value: str) -> str:
    match = _TERM.fullmatch(value)
    if not match or int(match[2]) <= int(match[1]):
        raise _error("term", _("nhiệm kỳ '{value}' không hợp lệ: viết năm đầu-năm cuối, ví dụ 2020-2025"), value=value)
    return value


Slug = Annotated[str, AfterValidator(_slug)]
Ref = Annotated[str, AfterValidator(_ref)]
Text = Annotated[str, AfterValidator(_text)]
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
PeriodStr = Annotated[str, BeforeValidator(_period)]
PeriodKey = Annotated[str, BeforeValidator(_period_key)]
DayOfYear = Annotated[str, AfterValidator(_day_of_year)]
TermLabel = Annotated[str, AfterValidator(_term)]
Year = Annotated[int, Field(ge=periods.MIN_YEAR, le=periods.MAX_YEAR)]


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, and a loaded model never changes."""

    # defer_build: a model's validator is built on first use, so a run served from the cache
    # (kehoach.cache) never pays for building validators it does not need.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, populate_by_name=True, defer_build=True)


# --- schedules ------------------------------------------------------------------------------


class _Schedule(Strict):
    ad_hoc: bool = Field(False, strict=True, description="…hoặc đột xuất khi cần thiết / or ad hoc when needed")


class Deadline(_Schedule):
    """Due by a date, or by the last day of a year, quarter or month."""

    kind: Literal["deadline"]
    by: PeriodStr


class Yearly(_Schedule):
    """Due every year from ``from`` (until ``until``, if set), on ``due_day`` (MM-DD)."""

    kind: Literal["yearly"]
    from_: Year = Field(alias="from")
    until: Year | None = None
    due_day: DayOfYear = "12-31"

    @model_validator(mode="after")
    def _ordered(self) -> Yearly:
        if self.until is not None and self.until < self.from_:
            raise _error("order", _("'until' ({until}) trước 'from' ({start})"), until=self.until, start=self.from_)
        return self


class Years(_Schedule):
    """Due within each of the given years."""

    kind: Literal["years"]
    years: Annotated[list[Year], Field(min_length=1)]
    due_day: DayOfYear = "12-31"

    @model_validator(mode="after")
    def _unique(self) -> Years:
        if len(set(self.years)) != len(self.years):
            raise _error("unique", _("danh sách năm có năm bị lặp"))
        return self


class Ongoing(_Schedule):
    """Ongoing work with no deadline; with ``review``, one review per period is owed."""

    kind: Literal["ongoing"]
    from_: Year | None = Field(None, alias="from")
    review: Literal["yearly", "quarterly", "monthly"] | None = None


class TermYear(_Schedule):
    """Due in the ``year``-th year of every term of each named term calendar."""

    kind: Literal["term_year"]
    year: Annotated[int, Field(ge=1, le=10)]
    calendars: Annotated[list[Slug], Field(min_length=1)]


class OnEvent(_Schedule):
    """Due ``within_days`` after the named event happens; nothing is owed before."""

    kind: Literal["event"]
    event: Slug
    within_days: Annotated[int, Field(ge=0)]


Schedule = Annotated[
    Union[Deadline, Yearly, Years, Ongoing, TermYear, OnEvent],  # noqa: UP007 - discriminated union
    Field(discriminator="kind"),
]
SCHEDULE_KINDS = ("deadline", "yearly", "years", "ongoing", "term_year", "event")


# --- the plan -------------------------------------------------------------------------------


class PlanInfo(Strict):
    title: Text
    issuer: Text
    implements: Text
    starts: IsoDate = Field(description="Ngày sớm nhất có thể ghi nhận hoàn thành / earliest day work can count")
    preamble: Text | None = None
    purpose: list[Text] = []
    closing: Text | None = None


class TermCalendar(Strict):
    """Terms of office of one kind, every term as long as the first."""

    id: Slug
    name: Text
    first_term: TermLabel
    first_year: Year = Field(
        description="Năm thứ nhất của nhiệm kỳ đầu / the calendar year that is year 1 of the first term"
    )

    @model_validator(mode="after")
    def _year_one_in_term(self) -> TermCalendar:
        start, end = (int(part) for part in self.first_term.split("-"))
        if not start <= self.first_year < end:
            raise _error(
                "term_year_one",
                _("first_year {year} không nằm trong nhiệm kỳ {term}"),
                year=self.first_year,
                term=self.first_term,
            )
        return self


class Event(Strict):
    id: Slug
    name: Text
    date: IsoDate | None = Field(None, description="Để trống đến khi sự kiện xảy ra / empty until it happens")


class Group(Strict):
    id: Slug
    name: Text
    members: Annotated[list[Slug], Field(min_length=1)]


class Task(Strict):
    ref: Ref
    title: Text
    text: Text
    owners: Annotated[list[Slug], Field(min_length=1)]
    role: Literal["lead", "coordinate"] = "lead"
    coordinators: list[Slug] = []
    related: list[Ref] = []
    cites: list[Text] = []
    schedule: Schedule | None = None


class PlanFile(Strict):
    schema_version: Literal[1] = Field(alias="schema")
    plan: PlanInfo
    term_calendars: list[TermCalendar] = []
    events: list[Event] = []
    groups: list[Group] = []
    tasks: list[Task]


# --- units ----------------------------------------------------------------------------------

UnitKind = Literal[
    "party_delegation",
    "party_affairs_committee",
    "party_board",
    "inspection_committee",
    "party_office",
    "political_school",
    "party_committee",
    "youth_union",
    "standing_committee",
]


class Record(Strict):
    """What a unit recorded about one occurrence: done (with evidence) or waived (with a reason)."""

    task: Ref
    period: PeriodKey
    done_on: IsoDate | None = None
    evidence: Text | None = None
    note: Text | None = None
    waived_on: IsoDate | None = None
    reason: Text | None = None

    @model_validator(mode="after")
    def _one_outcome(self) -> Record:
        if (self.done_on is None) == (self.waived_on is None):
            raise _error("record_outcome", _("một bản ghi cần đúng một trong hai: 'done_on' hoặc 'waived_on'"))
        if self.waived_on is not None and not self.reason:
            raise _error("waiver_reason", _("miễn thực hiện ('waived_on') cần có lý do ('reason')"))
        return self


class Unit(Strict):
    schema_version: Literal[1] = Field(alias="schema")
    id: Slug
    name: Text
    kind: UnitKind
    from_: IsoDate | None = Field(None, alias="from")
    until: IsoDate | None = None
    successors: list[Slug] = []
    records: Annotated[list[Record], BeforeValidator(_none_is_empty)] = []
