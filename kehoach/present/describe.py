"""Vietnamese wording of schedules, unit kinds and dates for tables (presentation only)."""

from __future__ import annotations

from datetime import date

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Deadline, OnEvent, Ongoing, TermYear, Yearly, Years
from kehoach.i18n import _

ROMAN_QUARTERS = {"1": "I", "2": "II", "3": "III", "4": "IV"}

UNIT_KINDS = {
    "party_delegation": _("Đảng đoàn"),
    "party_affairs_committee": _("Ban cán sự đảng"),
    "party_board": _("Ban của Tỉnh ủy"),
    "inspection_committee": _("Ủy ban kiểm tra"),
    "party_office": _("Văn phòng"),
    "political_school": _("Trường chính trị"),
    "party_committee": _("Cấp ủy"),
    "youth_union": _("Đoàn thanh niên"),
    "standing_committee": _("Ban Thường vụ"),
    "group": _("Nhóm"),
}

REVIEWS = {"yearly": _("sơ kết hằng năm"), "quarterly": _("sơ kết hằng quý"), "monthly": _("sơ kết hằng tháng")}


def vn_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def period_label(key: str) -> str:
    """``2022-Q1`` → ``Quý I/2022``; ``2022-02`` → ``tháng 02/2022``; ``2022`` → ``năm 2022``."""
    if len(key) == 4 and key.isdigit():
        return _("năm {year}").format(year=key)
    if len(key) == 7 and key[4:6] == "-Q":
        return _("Quý {quarter}/{year}").format(quarter=ROMAN_QUARTERS[key[6]], year=key[:4])
    if len(key) == 7 and key[4] == "-" and key[5:].isdigit():
        return _("tháng {month}/{year}").format(month=key[5:], year=key[:4])
    if len(key) == 8 and key[4:6] == "-W":
        return _("tuần {week}/{year}").format(week=key[6:], year=key[:4])
    if len(key) == 10 and key[4] == "-" and key[7] == "-":
        return vn_date(date.fromisoformat(key))
    return key


def describe_schedule(schedule: object, dataset: Dataset) -> str:
    if schedule is None:
        return _("không ghi thời hạn")
    text = _describe(schedule, dataset)
    return text + _(" hoặc đột xuất") if getattr(schedule, "ad_hoc", False) else text


def _describe(schedule: object, dataset: Dataset) -> str:
    if isinstance(schedule, Deadline):
        return _("trong {period}").format(period=period_label(schedule.by))
    if isinstance(schedule, Yearly):
        until = _(" đến {year}").format(year=schedule.until) if schedule.until else ""
        return _("hằng năm từ {year}").format(year=schedule.from_) + until
    if isinstance(schedule, Years):
        return _("các năm {years}").format(years=", ".join(str(year) for year in schedule.years))
    if isinstance(schedule, Ongoing):
        return _ongoing(schedule)
    if isinstance(schedule, TermYear):
        return _("năm thứ {year} mỗi nhiệm kỳ").format(year=schedule.year)
    if isinstance(schedule, OnEvent):
        return _("{days} ngày sau sự kiện").format(days=schedule.within_days)
    raise TypeError(schedule)


def _ongoing(schedule: Ongoing) -> str:
    text = _("thường xuyên")
    if schedule.from_:
        text += _(" từ {year}").format(year=schedule.from_)
    if schedule.review:
        text += ", " + REVIEWS[schedule.review]
    return text
