"""The data model: what a plan file and a unit file may hold (pydantic v2, no I/O).

Every model forbids unknown keys. Field validation here is what one file can say about
itself; checks that need several files (does this owner exist?) live in
:mod:`kehoach.domain.checks`. Error messages are Vietnamese, the language of the data's editors.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal, NamedTuple, Protocol, Union, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from kehoach.domain import periods
from kehoach.errors import clipped
from kehoach.i18n import _, day_count, ngettext

SUPPORTED_SCHEMAS = (1,)
"""Format versions of data files this kehoach reads (the ``schema:`` key of every file)."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ROMAN = r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X)"
_REF = re.compile(_ROMAN + r"(?:\.[0-9]+)+[a-z]?")
_SECTION_REF = re.compile(_ROMAN + r"(?:\.[0-9]+)?")
"""A part (II) or a numbered heading inside one (III.5): the two levels of heading the Báo cáo has."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAY_OF_YEAR = re.compile(r"(\d{2})-(\d{2})")
_TERM = re.compile(r"(\d{4})-(\d{4})")
_PERIOD_KEY = re.compile(r"[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*")


def _error(kind: str, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, {key: clipped(value) for key, value in context.items()})


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


def _section_ref(value: str) -> str:
    if not _SECTION_REF.fullmatch(value):
        raise _error("ref", _("số hiệu mục '{value}' không hợp lệ: ví dụ II hoặc III.5"), value=value)
    return value


def section_of(ref: str) -> list[str]:
    """The headings a task stands under, outermost first: ``III.5.3`` under ``III`` and ``III.5``;
    ``II.2a`` under ``II`` (a paragraph's number is the task's, not a heading's)."""
    parts = ref.split(".")
    return [".".join(parts[:depth]) for depth in range(1, len(parts))]


def _text(value: str) -> str:
    if not value.strip():
        raise _error("blank", _("không được để trống"))
    return value


NAME_LIMIT = 300
"""Characters in a name (a unit's, a group's, a task's short title, an event's, a calendar's): the
longest real one is under 100; a name is repeated on every row of a listing, every event of a
calendar, every line of a CSV, so a pasted page would be copied into each."""


def _name(value: str) -> str:
    _text(value)
    if len(value) > NAME_LIMIT:
        message = _(
            "tên dài {length} ký tự, quá giới hạn {limit}; tên được lặp trên mỗi dòng của danh sách, hãy rút gọn"
        )
        raise _error("name_length", message, length=len(value), limit=NAME_LIMIT)
    return value


def _iso_date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return _in_range(value)
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise _error("date_invalid", _("ngày {value} không tồn tại"), value=value) from None
        return _in_range(day)
    raise _error(
        "date_format",
        _("cần một ngày dạng YYYY-MM-DD (ví dụ 2022-03-31), không phải '{value}'"),
        value=value,
    )


def _in_range(value: date) -> date:
    """A day the plan can mean: dates outside periods.FIRST_DAY–LAST_DAY are refused, not computed with."""
    if not periods.in_range(value):
        raise _error(
            "date_range",
            _("ngày {value} nằm ngoài khoảng kế hoạch có thể hiểu: từ {first} đến {last}"),
            value=value.isoformat(),
            first=periods.FIRST_DAY.isoformat(),
            last=periods.LAST_DAY.isoformat(),
        )
    return value


def _outside_the_years(value: Any) -> bool:
    """A period whose year the plan cannot mean: a whole number (YAML reads ``period: 0001`` as 1)
    is a year; a text is one when it is shaped as a calendar period or a term (``9999-Q1``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return not periods.MIN_YEAR <= value <= periods.MAX_YEAR
    return isinstance(value, str) and periods.outside_the_years(value)


def _period_range_error(value: Any) -> PydanticCustomError:
    return _years_error(
        "period_range", _("kỳ '{value}' nằm ngoài các năm kế hoạch có thể hiểu: từ {first} đến {last}"), value
    )


def _years_error(code: str, message: str, value: Any) -> PydanticCustomError:
    """A value naming years outside those the plan can mean (``periods.MIN_YEAR``–``MAX_YEAR``)."""
    return _error(code, message, value=value, first=periods.MIN_YEAR, last=periods.MAX_YEAR)


def _period(value: Any) -> str:
    """A deadline period: a year (``2022``), quarter, month or day; kept as its key."""
    if _outside_the_years(value):
        raise _period_range_error(value)
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text, str):
        try:
            return periods.parse_period(text).key
        except ValueError:
            pass
    raise _error(
        "period",
        _(
            "kỳ hạn '{value}' không hợp lệ: viết 2022 (năm), 2022-H1 (6 tháng), 2022-Q1 (quý), 2022-02 (tháng) "
            "hoặc 2022-03-31 (ngày)"
        ),
        value=value,
    )


def _period_key(value: Any) -> str:
    """The period of a record: any key an occurrence can have (year, quarter, term, event id…)."""
    if _outside_the_years(value):
        raise _period_range_error(value)
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if isinstance(text, str) and _PERIOD_KEY.fullmatch(text):
        return text
    raise _error("period_key", _("kỳ '{value}' không hợp lệ (ví dụ 2022, 2022-Q1, 2020-2025)"), value=value)


def _whole(value: Any) -> Any:
    """A number as YAML reads it: "5" (quoted) and true are not numbers, as JSON Schema says too."""
    if isinstance(value, (str, bool)):
        raise _error("int_text", _("cần một số nguyên, không phải '{value}'"), value=value)
    return value


def _none_is_empty(value: Any) -> Any:
    """``records:`` with nothing after it is an empty list: ``kehoach done`` then adds only lines."""
    return [] if value is None else value


def _also_null(schema: dict[str, Any]) -> None:
    """The JSON Schema of a list that may also be left empty (``records:``), as _none_is_empty reads it."""
    schema["type"] = ["array", "null"]


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
    if not periods.MIN_YEAR <= int(match[1]) < int(match[2]) <= periods.MAX_YEAR:
        message = _("nhiệm kỳ '{value}' nằm ngoài các năm kế hoạch có thể hiểu: từ {first} đến {last}")
        raise _years_error("term_range", message, value)
    return value


# Each type carries the JSON Schema that says what its validator accepts, as far as JSON Schema
# can: editors check as you type what `kehoach validate` checks (tests/test_schema.py holds the two
# together). What the patterns cannot say — a real calendar day, one year before another — only
# `validate` checks; the README lists it.
_MONTH_PATTERN = "(0[1-9]|1[0-2])"
_DAY_PATTERN = "(0[1-9]|[12][0-9]|3[01])"
_YEAR_PATTERN = "(199[0-9]|20[0-9][0-9]|21[0-9][0-9]|2200)"  # periods.MIN_YEAR to MAX_YEAR
_ISO_DATE_PATTERN = rf"^{_YEAR_PATTERN}-{_MONTH_PATTERN}-{_DAY_PATTERN}$"


def _string(pattern: str, **extra: Any) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "pattern": pattern, **extra})


_SLUG_SCHEMA = _string("^" + _SLUG.pattern + "$")
_YEAR_SCHEMA = {"type": "integer", "minimum": periods.MIN_YEAR, "maximum": periods.MAX_YEAR}
_PERIOD_SCHEMA = {
    "anyOf": [
        _YEAR_SCHEMA,
        {
            "type": "string",
            "pattern": rf"^{_YEAR_PATTERN}(-Q[1-4]|-H[12]|-{_MONTH_PATTERN}|-{_MONTH_PATTERN}-{_DAY_PATTERN})?$",
        },
    ]
}
_CALENDAR_KEY_PATTERN = r"(-(Q[1-4]|H[12]|W[0-9]{2}|[0-9]{2}|[0-9]{2}-[0-9]{2}|{year}))?"
# A record's period: a year in range, a calendar key or a term with years in range, or any other
# key that is not shaped as one of those (periods.outside_the_years).
_PERIOD_KEY_SCHEMA = {
    "anyOf": [
        _YEAR_SCHEMA,
        {
            "type": "string",
            "pattern": "^("
            + _YEAR_PATTERN
            + _CALENDAR_KEY_PATTERN.replace("{year}", _YEAR_PATTERN)
            + "|(?![0-9]{4}"
            + _CALENDAR_KEY_PATTERN.replace("{year}", "[0-9]{4}")
            + "$)"
            + _PERIOD_KEY.pattern
            + ")$",
        },
    ]
}

Slug = Annotated[str, AfterValidator(_slug), _SLUG_SCHEMA]
Ref = Annotated[str, AfterValidator(_ref), _string("^" + _REF.pattern + "$")]
SectionRef = Annotated[str, AfterValidator(_section_ref), _string("^" + _SECTION_REF.pattern + "$")]
Text = Annotated[str, AfterValidator(_text), _string(r"\S")]
Name = Annotated[str, AfterValidator(_name), _string(r"\S", maxLength=NAME_LIMIT)]
IsoDate = Annotated[date, BeforeValidator(_iso_date), _string(_ISO_DATE_PATTERN, format="date")]
PeriodStr = Annotated[str, BeforeValidator(_period), WithJsonSchema(_PERIOD_SCHEMA)]
PeriodKey = Annotated[str, BeforeValidator(_period_key), WithJsonSchema(_PERIOD_KEY_SCHEMA)]
DayOfYear = Annotated[str, AfterValidator(_day_of_year), _string(f"^{_MONTH_PATTERN}-{_DAY_PATTERN}$")]
TermLabel = Annotated[str, AfterValidator(_term), _string(f"^{_YEAR_PATTERN}-{_YEAR_PATTERN}$")]
Year = Annotated[int, Field(ge=periods.MIN_YEAR, le=periods.MAX_YEAR), BeforeValidator(_whole)]


def _about(vi: str, en: str) -> ConfigDict:
    """The base configuration, with a model's tooltip for editors in both languages."""
    return ConfigDict(json_schema_extra={"description": f"{vi} / {en}"})


def _field(vi: str, en: str) -> str:
    return f"{vi} / {en}"


class Strict(BaseModel):
    """Base of every model: unknown keys are errors, and a loaded model never changes."""

    # defer_build: a model's validator is built on first use, so a run served from the cache
    # (kehoach.files.cache) never pays for building validators it does not need.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, populate_by_name=True, defer_build=True)


# --- schedules ------------------------------------------------------------------------------
#
# One class per kind of schedule, holding the kind's whole meaning: its fields, the period keys it
# has up to a day, the due date of each key and the day it opens (no record of it can be dated
# earlier), the references it makes to the rest of the plan, its wording, and how to read the phrases of the
# document it stands for. ``Schedule`` below registers them; every
# caller goes through these methods, so a kind added to the union without one of them is a mypy
# error at each call (README, "Design").


class PlanContext(Protocol):
    """What a schedule needs of the rest of the plan (kehoach.domain.dataset.Dataset has it)."""

    @property
    def starts(self) -> date: ...

    @property
    def calendars(self) -> Mapping[str, TermCalendar]: ...

    @property
    def events(self) -> Mapping[str, Event]: ...


class PhraseContext(Protocol):
    """What reading a schedule phrase needs of the plan being drafted (kehoach.domain.phrases)."""

    @property
    def first_year(self) -> int:
        """The year "hằng năm" starts in when the phrase names none."""
        ...

    def calendar(self, name: str) -> str:
        """The id of the term calendar a phrase names ("nhiệm kỳ Đại hội Đảng"; "" for none)."""
        ...

    def event(self, name: str) -> str:
        """The id of the event a phrase waits for ("Trung ương triển khai thực hiện")."""
        ...


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(\d{4})"
_OF_YEAR = r"(?:/|/ | năm | )" + _YEAR
"""How a phrase ties a quarter or month to its year: ``Quý I/2022``, ``quý 1 năm 2022``."""


class Reference(NamedTuple):
    """Something a schedule says that the rest of the plan must bear out, at one of its fields."""

    field: tuple[str | int, ...]
    message: str
    rule: str


class _Schedule(Strict):
    ad_hoc: bool = Field(
        False, strict=True, description=_field("…hoặc đột xuất khi cần thiết", "…or ad hoc when needed")
    )
    as_written: Text | None = Field(
        None,
        description=_field(
            "Thời hạn đúng như văn bản ghi, ví dụ 'thực hiện thường xuyên'",
            "the schedule in the document's own words, e.g. 'thực hiện thường xuyên'",
        ),
    )

    def own_period(self, plan: PlanContext, key: str) -> str:
        """The key of the occurrence that the period ``key`` (of a record or an extension) stands for.

        Most kinds name each period one way, so this is ``key`` itself; a term rule names one
        occurrence by any of its calendars' terms (:meth:`TermYear.own_period`).
        """
        return key


def _years_from(first: int, last: int) -> Iterator[str]:
    return (str(year) for year in range(first, last + 1))


def _year_of(key: str) -> int | None:
    return int(key) if key.isdigit() and len(key) == 4 else None


def _due_day_words(due_day: str) -> list[str]:
    """A due day other than 31/12, which the document's "năm …" never states."""
    if due_day == "12-31":
        return []
    month, day = due_day.split("-")
    return [_("hạn ngày {day}/{month}").format(day=day, month=month)]


def _day_in(year: int, due_day: str) -> date:
    month, day = (int(part) for part in due_day.split("-"))
    return periods.day_in_year(year, month, day)


class Deadline(_Schedule):
    """Due by a date, or by the last day of a year, quarter or month."""

    model_config = _about("Hạn một lần: trước một ngày, hoặc hết một năm, quý, tháng", "Due once, by a day or period")
    kind: Literal["deadline"]
    by: PeriodStr = Field(
        description=_field("Hạn: 2022, 2022-Q1, 2022-02 hoặc 2022-03-31", "due by: a year, quarter, month or day")
    )

    def period_keys(self, plan: PlanContext, until: date) -> Iterator[str]:
        yield self.by

    def due(self, plan: PlanContext, key: str) -> date | None:
        return periods.parse_period(key).end if key == self.by else None

    def opens(self, plan: PlanContext, key: str) -> date:
        """The plan's start: "by Q1/2022" can be met on any day of the plan up to then."""
        return plan.starts

    def references(self, plan: PlanContext) -> Iterator[Reference]:
        return iter(())

    def describe(self) -> str:
        return _("trong {period}").format(period=periods.period_label(self.by))

    @classmethod
    def read_phrase(cls, words: str, context: PhraseContext) -> dict[str, Any] | None:
        """``năm 2022``, ``quý I/2022``, ``quý 1 năm 2022``, ``tháng 02/2022``, ``6 tháng đầu năm
        2023``, ``trước ngày 30/6/2022``."""
        if match := re.fullmatch(r"năm " + _YEAR, words):
            return {"by": match[1]}
        if match := re.fullmatch(r"quý (iv|i{1,3}|[1-4])" + _OF_YEAR, words):
            return {"by": f"{match[2]}-Q{_QUARTERS[match[1]]}"}
        if match := re.fullmatch(r"tháng (\d{1,2})" + _OF_YEAR, words):
            return {"by": f"{match[2]}-{int(match[1]):02d}"}
        if match := re.fullmatch(r"6 tháng (đầu|cuối) năm " + _YEAR, words):
            return {"by": f"{match[2]}-H{1 if match[1] == 'đầu' else 2}"}
        if match := re.fullmatch(r"(?:trước|đến|chậm nhất) ngày (\d{1,2})/(\d{1,2})/" + _YEAR, words):
            return {"by": f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"}
        return None

    def beyond_words(self, plan: PlanContext, written: str) -> list[str]:
        return []  # the document's deadline names its period: "năm 2022", "Quý I/2022"


class Yearly(_Schedule):
    """Due every year from ``from`` (until ``until``, if set), on ``due_day`` (MM-DD)."""

    model_config = _about("Hằng năm", "Every year")
    kind: Literal["yearly"]
    from_: Year = Field(alias="from", description=_field("Từ năm", "first year"))
    until: Year | None = Field(None, description=_field("Đến năm (bỏ trống: không hết)", "last year (empty: no end)"))
    due_day: DayOfYear = Field("12-31", description=_field("Hạn trong năm, MM-DD", "day of the year due, MM-DD"))

    @model_validator(mode="after")
    def _ordered(self) -> Yearly:
        if self.until is not None and self.until < self.from_:
            raise _error("order", _("'until' ({until}) trước 'from' ({start})"), until=self.until, start=self.from_)
        return self

    def period_keys(self, plan: PlanContext, until: date) -> Iterator[str]:
        return _years_from(self.from_, min(self.until or until.year, until.year))

    def due(self, plan: PlanContext, key: str) -> date | None:
        year = _year_of(key)
        if year is None or not self.from_ <= year <= (self.until or year):
            return None
        return _day_in(year, self.due_day)

    def opens(self, plan: PlanContext, key: str) -> date:
        """The first day of the year: a year's work cannot be done in the year before."""
        return date(int(key), 1, 1)

    def references(self, plan: PlanContext) -> Iterator[Reference]:
        return iter(())

    def describe(self) -> str:
        until = _(" đến {year}").format(year=self.until) if self.until else ""
        return _("hằng năm từ {year}").format(year=self.from_) + until

    def beyond_words(self, plan: PlanContext, written: str) -> list[str]:
        said = []
        if str(self.from_) not in written:
            said.append(_("từ năm {year}").format(year=self.from_))
        if self.until is not None and str(self.until) not in written:
            said.append(_("đến năm {year}").format(year=self.until))
        return said + _due_day_words(self.due_day)

    @classmethod
    def read_phrase(cls, words: str, context: PhraseContext) -> dict[str, Any] | None:
        """``hằng năm`` (from the plan's first year), ``định kỳ hằng năm``, ``hằng năm từ năm 2022``,
        ``từ năm 2022 đến năm 2025``, ``hằng năm từ năm 2022 đến năm 2025``."""
        if match := re.fullmatch(
            r"(?:định kỳ )?hằng năm(?: từ năm " + _YEAR + r")?(?: đến năm " + _YEAR + r")?", words
        ):
            return {"from": int(match[1] or context.first_year), "until": int(match[2]) if match[2] else None}
        if match := re.fullmatch(r"(?:hằng năm )?từ năm " + _YEAR + r" đến năm " + _YEAR, words):
            return {"from": int(match[1]), "until": int(match[2])}
        return None


class Years(_Schedule):
    """Due within each of the given years."""

    model_config = _about("Trong từng năm đã nêu", "Within each of the given years")
    kind: Literal["years"]
    years: Annotated[list[Year], Field(min_length=1, json_schema_extra={"uniqueItems": True})] = Field(
        description=_field("Các năm", "the years")
    )
    due_day: DayOfYear = Field("12-31", description=_field("Hạn trong năm, MM-DD", "day of the year due, MM-DD"))

    @model_validator(mode="after")
    def _unique(self) -> Years:
        if len(set(self.years)) != len(self.years):
            raise _error("unique", _("danh sách năm có năm bị lặp"))
        return self

    def period_keys(self, plan: PlanContext, until: date) -> Iterator[str]:
        return (str(year) for year in self.years)

    def due(self, plan: PlanContext, key: str) -> date | None:
        year = _year_of(key)
        return _day_in(year, self.due_day) if year in self.years else None

    def opens(self, plan: PlanContext, key: str) -> date:
        """The first day of the year."""
        return date(int(key), 1, 1)

    def references(self, plan: PlanContext) -> Iterator[Reference]:
        return iter(())

    def describe(self) -> str:
        return _("các năm {years}").format(years=", ".join(str(year) for year in self.years))

    def beyond_words(self, plan: PlanContext, written: str) -> list[str]:
        return _due_day_words(self.due_day)  # the document's words list the years

    @classmethod
    def read_phrase(cls, words: str, context: PhraseContext) -> dict[str, Any] | None:
        """``năm 2022, 2023``, ``các năm 2022, 2023 và 2024``: within each of those years."""
        if match := re.fullmatch(r"(?:các )?năm (\d{4}(?:(?:, | và |, và )(?:năm )?\d{4})+)", words):
            return {"years": [int(year) for year in re.findall(r"\d{4}", match[1])]}
        return None


REVIEW_SPANS: dict[str, periods.Span] = {
    "yearly": "year",
    "half-yearly": "half",
    "quarterly": "quarter",
    "monthly": "month",
}
_REVIEW_PHRASES = {"hằng quý": "quarterly", "hằng tháng": "monthly", "6 tháng": "half-yearly"}
"""How the document names a review period (``định kỳ 6 tháng``)."""
_REVIEW_WORDS: dict[str, Callable[[], str]] = {
    "yearly": lambda: _("sơ kết hằng năm"),
    "half-yearly": lambda: _("sơ kết 6 tháng"),
    "quarterly": lambda: _("sơ kết hằng quý"),
    "monthly": lambda: _("sơ kết hằng tháng"),
}


class Ongoing(_Schedule):
    """Ongoing work with no deadline; with ``review``, one review per period is owed."""

    model_config = _about("Thường xuyên", "Ongoing")
    kind: Literal["ongoing"]
    from_: Year | None = Field(None, alias="from", description=_field("Từ năm", "first year"))
    review: Literal["yearly", "half-yearly", "quarterly", "monthly"] | None = Field(
        None, description=_field("Kỳ sơ kết, đánh giá (nếu có)", "how often it is reviewed, if at all")
    )

    def _first_day(self, plan: PlanContext) -> date:
        """Reviews are owed from ``from`` (a year), else from the period in which the plan starts."""
        return date(self.from_, 1, 1) if self.from_ else plan.starts

    def period_keys(self, plan: PlanContext, until: date) -> Iterator[str]:
        if self.review is None:
            return
        span = REVIEW_SPANS[self.review]
        period = periods.containing(self._first_day(plan), span)
        while period.start <= until:
            yield period.key
            period = periods.containing(period.end + timedelta(days=1), span)

    def due(self, plan: PlanContext, key: str) -> date | None:
        """The end of a review period, found directly from its key (no walk from the first period)."""
        if self.review is None:
            return None
        try:
            period = periods.parse_period(key)
        except ValueError:
            return None
        if period.end < self._first_day(plan):
            return None
        return period.end if periods.containing(period.start, REVIEW_SPANS[self.review]) == period else None

    def opens(self, plan: PlanContext, key: str) -> date:
        """The first day of the review period (year, quarter or month)."""
        return periods.parse_period(key).start

    def references(self, plan: PlanContext) -> Iterator[Reference]:
        return iter(())

    def describe(self) -> str:
        text = _("thường xuyên")
        if self.from_:
            text += _(" từ {year}").format(year=self.from_)
        if self.review:
            text += ", " + _REVIEW_WORDS[self.review]()
        return text

    def beyond_words(self, plan: PlanContext, written: str) -> list[str]:
        said = []
        if self.from_ and str(self.from_) not in written:
            said.append(_("từ năm {year}").format(year=self.from_))
        if self.review:
            said.append(_REVIEW_WORDS[self.review]())
        return said

    @classmethod
    def read_phrase(cls, words: str, context: PhraseContext) -> dict[str, Any] | None:
        """``thường xuyên``, ``thường xuyên hoặc định kỳ``, ``từ năm 2022``, ``định kỳ``, and with a
        review: ``hằng quý``, ``hằng tháng``, ``định kỳ hằng quý``, ``định kỳ 6 tháng``."""
        if re.fullmatch(r"thường xuyên(?: hoặc định kỳ| và định kỳ)?|định kỳ", words):
            return {}
        if match := re.fullmatch(r"(?:thường xuyên )?từ năm " + _YEAR, words):
            return {"from": int(match[1])}
        if match := re.fullmatch(r"(?:định kỳ )?(hằng quý|hằng tháng|6 tháng)(?: một lần)?", words):
            return {"review": _REVIEW_PHRASES[match[1]]}
        return None


class TermYear(_Schedule):
    """Due in the ``year``-th year of every term of each named term calendar."""

    model_config = _about("Năm thứ mấy của mỗi nhiệm kỳ", "In a given year of every term")
    kind: Literal["term_year"]
    year: Annotated[int, Field(ge=1, le=10), BeforeValidator(_whole)] = Field(
        description=_field("Năm thứ mấy", "which year of the term")
    )
    calendars: Annotated[list[Slug], Field(min_length=1)] = Field(
        description=_field("Mã các lịch nhiệm kỳ (term_calendars)", "ids of term calendars")
    )

    # One occurrence per due year, whichever calendars' terms fall due in it: the Party congress's
    # term 2020-2025 and the People's Council's 2021-2026 both hold their year-3 vote in 2023, and a
    # unit owes one vote, not two. The period is keyed by the term of the first calendar (in
    # ``calendars`` order) due that year; the other calendars' terms due then name the same one.

    def _due_years(self, plan: PlanContext, last_year: int) -> dict[int, str]:
        """Each year a term falls due in, up to ``last_year``, with its key, in year order."""
        found: dict[int, str] = {}
        for calendar_id in self.calendars:
            calendar = plan.calendars[calendar_id]
            index = 0
            while (term := calendar.term(index))[1] + self.year - 1 <= last_year:
                found.setdefault(term[1] + self.year - 1, term[0])
                index += 1
        return dict(sorted(found.items()))

    def _due_year(self, plan: PlanContext, key: str) -> int | None:
        """The year the term ``key`` of any of the calendars falls due in."""
        for calendar_id in self.calendars:
            calendar = plan.calendars[calendar_id]
            index = calendar.index_of(key)
            if index is not None:
                return calendar.term(index)[1] + self.year - 1
        return None

    def period_keys(self, plan: PlanContext, until: date) -> Iterator[str]:
        return iter(self._due_years(plan, until.year).values())

    def due(self, plan: PlanContext, key: str) -> date | None:
        year = self._due_year(plan, key)
        return None if year is None else date(year, 12, 31)

    def own_period(self, plan: PlanContext, key: str) -> str:
        year = self._due_year(plan, key)
        return key if year is None else self._due_years(plan, year)[year]

    def opens(self, plan: PlanContext, key: str) -> date:
        """The first day of the calendar year it is due in (the ``year``-th of the term).

        The term itself began earlier, but the document asks for this work in that year ("năm thứ
        3"), and a term's calendar years are what kehoach knows of it: work of year 3 done in year 2
        is not what was asked.
        """
        due = self.due(plan, key)
        assert due is not None  # asked only of a term the schedule has (see the Schedule union)
        return date(due.year, 1, 1)

    def references(self, plan: PlanContext) -> Iterator[Reference]:
        for position, calendar_id in enumerate(self.calendars):
            calendar = plan.calendars.get(calendar_id)
            if calendar is None:
                yield Reference(
                    ("calendars", position),
                    not_found(_("lịch nhiệm kỳ"), calendar_id, plan.calendars),
                    "reference",
                )
            elif self.year > calendar.years():
                message = ngettext(
                    "nhiệm kỳ '{calendar}' chỉ có {count} năm; không có năm thứ {year}",
                    "nhiệm kỳ '{calendar}' chỉ có {count} năm; không có năm thứ {year}",
                    calendar.years(),
                ).format(calendar=calendar_id, count=calendar.years(), year=self.year)
                yield Reference(("year",), message, "term-year")

    def describe(self) -> str:
        return _("năm thứ {year} mỗi nhiệm kỳ").format(year=self.year)

    def beyond_words(self, plan: PlanContext, written: str) -> list[str]:
        """The years it falls due in: the first two, then "…" (the rule has no end)."""
        years = list(self._due_years(plan, periods.MAX_YEAR))[:2]
        return [_("năm {years}…").format(years=", ".join(str(year) for year in years))] if years else []

    @classmethod
    def read_phrase(cls, words: str, context: PhraseContext) -> dict[str, Any] | None:
        """``năm thứ 3, nhiệm kỳ Đại hội Đảng, nhiệm kỳ Hội đồng nhân dân các cấp``: one calendar
        per term named; ``năm thứ 3 nhiệm kỳ``, none named: the context's default calendar."""
        match = re.fullmatch(r"(?:vào )?năm thứ (\d+),? (?:của |mỗi |của mỗi )?(nhiệm kỳ.*)", words)
        if match is None:
            return None
        names = [name.strip(" ,") for name in re.split(r",? (?=nhiệm kỳ)", match[2]) if name.strip(" ,")]
        calendars = list(dict.fromkeys(context.calendar(name.removeprefix("nhiệm kỳ").strip()) for name in names))
        return {"year": int(match[1]), "calendars": calendars}


class OnEvent(_Schedule):
    """Due ``within_days`` after the named event happens; nothing is owed before. Without
    ``within_days`` it has no deadline: from the event, it is reported on under the reporting rule."""

    model_config = _about("Khi có sự kiện (ví dụ Trung ương triển khai)", "When an event happens")
    kind: Literal["event"]
    event: Slug = Field(description=_field("Mã sự kiện (events)", "id of the event"))
    within_days: Annotated[int, Field(ge=0, le=periods.MAX_DAYS), BeforeValidator(_whole)] | None = Field(
        None,
        description=_field(
            "Hạn: bao nhiêu ngày sau sự kiện (bỏ trống: không có hạn, báo cáo định kỳ từ ngày sự kiện)",
            "days after the event it is due (empty: no deadline; reported periodically from the event)",
        ),
    )

    def period_keys(self, plan: PlanContext, until: date) -> Iterator[str]:
        if plan.events[self.event].date is not None and self.within_days is not None:
            yield self.event

    def due(self, plan: PlanContext, key: str) -> date | None:
        happened = plan.events[self.event].date
        if happened is None or key != self.event or self.within_days is None:
            return None
        return happened + timedelta(days=self.within_days)

    def opens(self, plan: PlanContext, key: str) -> date:
        """The day the event happened: nothing is owed, so nothing can be done for it, before."""
        happened = plan.events[self.event].date
        assert happened is not None  # asked only of a period the schedule has: the event has a date
        return happened

    def references(self, plan: PlanContext) -> Iterator[Reference]:
        if self.event not in plan.events:
            yield Reference(("event",), not_found(_("sự kiện"), self.event, plan.events), "reference")

    def describe(self) -> str:
        if self.within_days is None:
            return _("khi có sự kiện")
        return _("{days} sau sự kiện").format(days=day_count(self.within_days))

    def beyond_words(self, plan: PlanContext, written: str) -> list[str]:
        if self.within_days is None:  # as the document says: no time limit after the event
            return []
        return [self.describe()]  # the document sets no time limit; the data's is a choice

    @classmethod
    def read_phrase(cls, words: str, context: PhraseContext) -> dict[str, Any] | None:
        """``khi Trung ương triển khai thực hiện``, ``sau khi Quy định ban hành``: no deadline after
        the event (the document sets none; the data may add ``within_days``)."""
        # "khi cần thiết", "when needed", is ad hoc work, not an event anyone could record.
        if match := re.fullmatch(r"(?:ngay )?(?:sau )?khi (?!cần thiết$|có yêu cầu$)(.+)", words):
            return {"event": context.event(match[1])}
        return None


class _KindsListed:
    """In the JSON Schema, every kind listed on ``kind`` itself: for a kind that is not one, an
    editor then names them all (from the union's branches alone it names the first few)."""

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        found = handler(schema)
        kinds = [get_args(branch.model_fields["kind"].annotation)[0] for branch in get_args(_SCHEDULES)]
        return {**found, "properties": {"kind": {"enum": kinds}}, "required": ["kind"]}


_SCHEDULES = Union[Deadline, Yearly, Years, Ongoing, TermYear, OnEvent]  # noqa: UP007 - discriminated union
Schedule = Annotated[_SCHEDULES, Field(discriminator="kind"), _KindsListed()]
"""The schedule kinds, registered in this one place.

Every kind has ``period_keys(plan, until)``, ``due(plan, key)`` (``None`` for a key it does not
have), ``opens(plan, key)`` (the first day a record of a key it has may be dated; asked only of a
key ``due`` knows), ``references(plan)`` and ``describe()``."""


def describe_schedule(schedule: Schedule | None, plan: PlanContext) -> str:
    """A schedule in words, for tables and reports.

    The document's own words (``as_written``) when the data has them, followed in parentheses by
    what kehoach's reading adds to them, if anything (``beyond_words``: the years a term rule
    falls due, the first year of "hằng năm", an event's days, a review period); else kehoach's
    reading alone (``describe``).
    """
    if schedule is None:
        return _("không ghi thời hạn")
    written = schedule.as_written
    if written is None:
        text = schedule.describe()
        return text + _(" hoặc đột xuất") if schedule.ad_hoc else text
    added = schedule.beyond_words(plan, written)
    if schedule.ad_hoc and "đột xuất" not in written.lower():
        added.append(_("hoặc đột xuất"))
    return f"{written} ({'; '.join(added)})" if added else written


def not_found(kind: str, value: str, known: Iterable[str]) -> str:
    """``kind`` ``value`` names nothing in the data, with the closest id as a hint."""
    return _("{kind} '{value}' không có trong dữ liệu{hint}").format(
        kind=kind, value=clipped(value), hint=closest_hint(value, known)
    )


def closest_hint(value: str, known: Iterable[str]) -> str:
    """``; có phải ý bạn là 'II.2'?``: the known id closest to ``value``, or nothing."""
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return _("; có phải ý bạn là '{close}'?").format(close=close[0]) if close else ""


# --- the plan -------------------------------------------------------------------------------


class ReportingRule(Strict):
    """How often each owner reports on the tasks that have no deadline of their own, and by when."""

    model_config = _about(
        "Chế độ báo cáo kết quả các nhiệm vụ không có hạn riêng", "How owners report on tasks without a deadline"
    )
    every: Literal["yearly", "half-yearly", "quarterly"] = Field(
        description=_field("Báo cáo hằng năm, 6 tháng hay hằng quý", "yearly, half-yearly or quarterly")
    )
    day: Annotated[int, Field(ge=1, le=28), BeforeValidator(_whole)] = Field(
        description=_field(
            "Hạn: ngày này của tháng cuối kỳ (15: ngày 15/12 với báo cáo năm)",
            "due on this day of the period's last month (15: 15 December for a yearly report)",
        )
    )


class Letterhead(Strict):
    """Who the Báo cáo of the plan's results is issued by, as Hướng dẫn 36-HD/VPTW lays out its
    header and its end: the draft kehoach writes (``report --format docx``) leaves only the number,
    the day and the signature to the office."""

    model_config = _about(
        "Thể thức báo cáo kết quả thực hiện kế hoạch (Hướng dẫn 36-HD/VPTW)", "The header and end of the plan's reports"
    )
    superior: Text | None = Field(
        None, description=_field("Tên cơ quan cấp trên, ví dụ ĐẢNG BỘ TỈNH NAM ĐỊNH", "the superior level's name")
    )
    body: Text = Field(description=_field("Tên cơ quan ban hành báo cáo, ví dụ TỈNH ỦY", "the issuing body's name"))
    symbol: Text = Field(
        description=_field("Chữ viết tắt tên cơ quan trong ký hiệu, ví dụ TU (Số   -BC/TU)", "its abbreviation")
    )
    place: Text = Field(description=_field("Địa danh, ví dụ Nam Định", "the place the report is dated at"))
    signature: list[Text] = Field(
        [], description=_field("Quyền hạn, chức vụ người ký, ví dụ T/M BAN THƯỜNG VỤ", "the signature block's lines")
    )
    recipients: list[Text] = Field([], description=_field("Nơi nhận", "the distribution list"))


class PlanInfo(Strict):
    model_config = _about("Thông tin văn bản kế hoạch", "The plan document")
    title: Text = Field(description=_field("Tên văn bản", "title"))
    issuer: Text = Field(description=_field("Cơ quan ban hành", "issuing body"))
    implements: Text = Field(description=_field("Văn bản được triển khai", "what the plan implements"))
    starts: IsoDate = Field(description=_field("Ngày sớm nhất có thể ghi nhận hoàn thành", "earliest day work counts"))
    preamble: Text | None = Field(None, description=_field("Phần mở đầu", "preamble"))
    purpose: list[Text] = Field([], description=_field("Mục đích, yêu cầu", "purposes"))
    closing: Text | None = Field(None, description=_field("Phần kết", "closing text"))
    letterhead: Letterhead | None = Field(
        None,
        description=_field(
            "Thể thức báo cáo kết quả thực hiện (kehoach report --format docx)", "the header of the plan's reports"
        ),
    )


class TermCalendar(Strict):
    """Terms of office of one kind, every term as long as the first."""

    model_config = _about(
        "Lịch nhiệm kỳ; mọi nhiệm kỳ dài như nhiệm kỳ đầu", "Terms of office, all as long as the first"
    )
    id: Slug = Field(description=_field("Mã lịch", "id"))
    name: Name = Field(description=_field("Tên", "name"))
    first_term: TermLabel = Field(description=_field("Nhiệm kỳ đầu, ví dụ 2020-2025", "first term, e.g. 2020-2025"))
    first_year: Year = Field(
        description=_field("Năm thứ nhất của nhiệm kỳ đầu", "the calendar year that is year 1 of the first term")
    )

    def term(self, index: int) -> tuple[str, int]:
        """The ``index``-th term (0 is the first): its label and the calendar year that is its year 1."""
        start, end = (int(part) for part in self.first_term.split("-"))
        shift = (end - start) * index
        return f"{start + shift}-{end + shift}", self.first_year + shift

    def years(self) -> int:
        """How many calendar years a term has, counted from its year 1 to the last year of its label."""
        return int(self.first_term.split("-")[1]) - self.first_year + 1

    def index_of(self, key: str) -> int | None:
        """Which term ``key`` (``2025-2030``) is, or ``None`` when it is not one of this calendar's."""
        first_start, first_end = (int(part) for part in self.first_term.split("-"))
        start = int(key[:4]) if key[:4].isdigit() else first_start - 1
        index, offset = divmod(start - first_start, first_end - first_start)
        return index if index >= 0 and offset == 0 and self.term(index)[0] == key else None

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
    model_config = _about("Sự kiện mà nhiệm vụ chờ", "An event tasks wait for")
    id: Slug = Field(description=_field("Mã sự kiện", "id"))
    name: Name = Field(description=_field("Tên sự kiện", "name"))
    date: IsoDate | None = Field(None, description=_field("Để trống đến khi sự kiện xảy ra", "empty until it happens"))
    by: Text | None = Field(
        None, description=_field("Văn bản cho biết sự kiện đã xảy ra (kehoach event)", "the document that says so")
    )


class Group(Strict):
    model_config = _about("Nhóm đơn vị, dùng làm chủ trì", "A group of units that can own tasks")
    id: Slug = Field(description=_field("Mã nhóm", "id"))
    name: Name = Field(description=_field("Tên nhóm", "name"))
    # May be empty: a draft's group (``kehoach import``) whose members the document does not list
    # waits for the Board to list them; until then its tasks are owed by no unit.
    members: list[Slug] = Field(
        description=_field("Mã các đơn vị (trống: chưa liệt kê)", "unit ids (empty: not listed yet)")
    )


class Task(Strict):
    model_config = _about("Một nhiệm vụ của kế hoạch", "One obligation of the plan")
    ref: Ref = Field(description=_field("Số hiệu theo mục văn bản, ví dụ II.2a", "section number, e.g. II.2a"))
    title: Name = Field(description=_field("Tên ngắn", "short title"))
    text: Text = Field(description=_field("Nội dung như văn bản viết", "the text as the plan words it"))
    owners: Annotated[list[Slug], Field(min_length=1)] = Field(
        description=_field("Đơn vị hoặc nhóm chủ trì", "units or groups that own it")
    )
    role: Literal["lead", "coordinate"] = Field(
        "lead", description=_field("lead: chủ trì; coordinate: tham mưu, phối hợp", "lead or coordinate")
    )
    coordinators: list[Slug] = Field([], description=_field("Đơn vị phối hợp", "coordinating units"))
    related: list[Ref] = Field([], description=_field("Nhiệm vụ liên quan", "related tasks"))
    cites: list[Text] = Field([], description=_field("Văn bản được dẫn", "documents cited"))
    schedule: Schedule | None = Field(None, description=_field("Thời hạn (bỏ trống: không có hạn)", "schedule"))
    reporting: ReportingRule | None = Field(
        None,
        description=_field(
            "Chế độ báo cáo riêng của nhiệm vụ (thay cho chế độ chung của kế hoạch)", "this task's own reporting rule"
        ),
    )


class Extension(Strict):
    """A later decision that moves one occurrence's deadline (for one unit, or for every owner)."""

    model_config = _about("Gia hạn một kỳ của nhiệm vụ theo văn bản", "A deadline extended by a later decision")
    task: Ref = Field(description=_field("Số hiệu nhiệm vụ", "task ref"))
    unit: Slug | None = Field(None, description=_field("Đơn vị (bỏ trống: mọi đơn vị)", "unit (empty: every owner)"))
    period: PeriodKey = Field(description=_field("Kỳ được gia hạn", "the period extended"))
    to: IsoDate = Field(description=_field("Hạn mới", "the new deadline"))
    by: Text = Field(description=_field("Văn bản quyết định, ví dụ Công văn số 12-CV/TU", "the deciding document"))
    on: IsoDate | None = Field(None, description=_field("Ngày của văn bản", "the document's date"))


class Section(Strict):
    """A heading of the plan: a part (II) or a numbered heading inside one (III.5, an owner's)."""

    model_config = _about("Một mục của văn bản kế hoạch", "A heading of the plan")
    ref: SectionRef = Field(description=_field("Số hiệu mục, ví dụ II hoặc III.5", "the heading's number"))
    title: Text = Field(description=_field("Tên mục như văn bản viết", "the heading as the plan words it"))


class PlanFile(Strict):
    model_config = _about("Tệp kế hoạch (data/plan.yaml)", "The plan file")
    schema_version: Literal[1] = Field(alias="schema", description=_field("Phiên bản định dạng", "format version"))
    plan: PlanInfo
    term_calendars: list[TermCalendar] = Field([], description=_field("Lịch nhiệm kỳ", "term calendars"))
    events: list[Event] = Field([], description=_field("Sự kiện", "events"))
    groups: list[Group] = Field([], description=_field("Nhóm đơn vị", "groups of units"))
    reporting: ReportingRule | None = Field(
        None,
        description=_field(
            "Chế độ báo cáo các nhiệm vụ không có hạn riêng (thường xuyên, chưa ghi hạn, theo sự kiện)",
            "how owners report on tasks without a deadline of their own",
        ),
    )
    sections: list[Section] = Field(
        [], description=_field("Tên các mục chứa nhiệm vụ (dùng cho báo cáo)", "the headings the tasks stand under")
    )
    tasks: list[Task] = Field(description=_field("Các nhiệm vụ", "the obligations"))
    extensions: Annotated[list[Extension], BeforeValidator(_none_is_empty)] = Field(
        [],
        description=_field("Gia hạn theo văn bản sau này (kehoach extend)", "deadlines extended later"),
        json_schema_extra=_also_null,
    )


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


def _given(key: str) -> dict[str, Any]:
    """JSON Schema for "``key`` is present and not null"."""
    return {"required": [key], "properties": {key: {"type": "string"}}}


class Record(Strict):
    """What a unit recorded about one occurrence: done (with evidence) or waived (with a reason)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": _field("Một lần hoàn thành hoặc được miễn", "One occurrence done or waived"),
            # Exactly one of done_on and waived_on holds a day; a waiver needs a reason.
            "oneOf": [_given("done_on"), _given("waived_on")],
            "if": _given("waived_on"),
            "then": _given("reason"),
        }
    )
    task: Ref = Field(description=_field("Số hiệu nhiệm vụ", "task ref"))
    period: PeriodKey = Field(description=_field("Kỳ: 2022, 2022-Q1, 2022-02, 2020-2025…", "period"))
    done_on: IsoDate | None = Field(None, description=_field("Ngày hoàn thành", "day done"))
    evidence: Text | None = Field(None, description=_field("Văn bản chứng minh", "proving document"))
    note: Text | None = Field(None, description=_field("Ghi chú", "note"))
    waived_on: IsoDate | None = Field(None, description=_field("Ngày được miễn", "day waived"))
    reason: Text | None = Field(None, description=_field("Lý do miễn", "why waived"))

    @model_validator(mode="after")
    def _one_outcome(self) -> Record:
        if (self.done_on is None) == (self.waived_on is None):
            raise _error("record_outcome", _("một bản ghi cần đúng một trong hai: 'done_on' hoặc 'waived_on'"))
        if self.waived_on is not None and not self.reason:
            raise _error("waiver_reason", _("miễn thực hiện ('waived_on') cần có lý do ('reason')"))
        return self


class Unit(Strict):
    model_config = _about("Tệp đơn vị (data/units/<mã>.yaml)", "A unit file")
    schema_version: Literal[1] = Field(alias="schema", description=_field("Phiên bản định dạng", "format version"))
    id: Slug = Field(description=_field("Mã đơn vị, trùng tên tệp", "unit id, the file's name"))
    name: Name = Field(description=_field("Tên đơn vị", "name"))
    kind: UnitKind = Field(description=_field("Loại đơn vị", "kind of unit"))
    from_: IsoDate | None = Field(None, alias="from", description=_field("Thành lập từ ngày", "exists from"))
    until: IsoDate | None = Field(None, description=_field("Kết thúc ngày", "ended on"))
    successors: list[Slug] = Field([], description=_field("Đơn vị kế thừa", "successor units"))
    records: Annotated[list[Record], BeforeValidator(_none_is_empty)] = Field(
        [],
        description=_field("Bản ghi hoàn thành, miễn", "what was done or waived"),
        json_schema_extra=_also_null,
    )
