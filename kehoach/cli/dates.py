"""Dates as users type them: ISO (2022-03-31) or Vietnamese day/month/year (31/03/2022); and the
one place that reads the clock."""

from __future__ import annotations

import os
import re
from datetime import date

from kehoach.domain import periods
from kehoach.errors import UsageError
from kehoach.i18n import _

ENV_TODAY = "KEHOACH_TODAY"

_VN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def today(as_of: str | None) -> date:
    """The day a command runs for: ``--as-of``, else ``$KEHOACH_TODAY``, else today. Nothing below
    the CLI reads the clock; this day is passed down."""
    if as_of:
        return parse_user_date(as_of, "--as-of")
    if os.environ.get(ENV_TODAY):
        return parse_user_date(os.environ[ENV_TODAY], ENV_TODAY)
    return date.today()


def parse_user_date(text: str, source: str) -> date:
    """A date from an option or environment variable; ``UsageError`` naming ``source`` otherwise."""
    value = text.strip()
    try:
        if match := _VN.fullmatch(value):
            day = date(int(match[3]), int(match[2]), int(match[1]))
        else:
            day = date.fromisoformat(value) if len(value) == 10 else _invalid(text, source)
    except ValueError:
        return _invalid(text, source)
    if not periods.in_range(day):
        raise UsageError(
            _("{source}: ngày {text} nằm ngoài khoảng kế hoạch có thể hiểu: từ {first} đến {last}").format(
                source=source, text=text, first=periods.FIRST_DAY.isoformat(), last=periods.LAST_DAY.isoformat()
            )
        )
    return day


def _invalid(text: str, source: str) -> date:
    raise UsageError(
        _("{source}: '{text}' không phải một ngày; viết YYYY-MM-DD hoặc dd/mm/yyyy, ví dụ 2022-03-31").format(
            source=source, text=text
        )
    )
