"""The language of every message a user sees: Vietnamese (the default) or English.

Message ids are the Vietnamese texts, so Vietnamese needs no catalogue; English comes from the
gettext catalogue ``kehoach/locale/en/LC_MESSAGES/kehoach.po`` (compiled to ``.mo`` with Babel,
see README, "Two languages"). Task texts are data and stay as the plan wrote them.

The language is chosen once, at the edge, before anything is translated: help texts and column
headings are translated as the modules defining them are imported. :func:`kehoach.cli.main`
calls :func:`use` with :func:`choose`'s answer (``--lang`` on the command line, else
``$KEHOACH_LANG``, else the locale: ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, else Vietnamese) and
only then imports the commands. Without a call, the language is ``$KEHOACH_LANG``, else the
locale's, else Vietnamese; this module never reads the command line itself.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
ENV_LANG = "KEHOACH_LANG"
DOMAIN = "kehoach"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def choose(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language asked for. A wrong ``--lang`` is reported by the option itself; a wrong
    ``$KEHOACH_LANG`` is passed over; the locale is the first set of ``LC_ALL``, ``LC_MESSAGES``
    and ``LANG``, as POSIX reads it (``en_US.UTF-8`` is English; ``C`` or ``fr_FR`` the default)."""
    for wanted in (_from_argv(argv), environ.get(ENV_LANG)):
        if wanted in LANGUAGES:
            return wanted
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    code = locale.split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT


def _from_argv(argv: Sequence[str]) -> str | None:
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return None


def _catalogue_of(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


LANGUAGE = choose((), os.environ)
"""The language of every message; read it as ``i18n.LANGUAGE`` (it is set by :func:`use`)."""
_catalogue = _catalogue_of(LANGUAGE)


def use(language: str) -> None:
    """Speak ``language`` from now on. Call it before importing the modules that translate as
    they are imported (kehoach.cli.app, kehoach.commands.*): what they translated stays."""
    global LANGUAGE, _catalogue
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; kehoach speaks {', '.join(LANGUAGES)}")
    if language != LANGUAGE:
        LANGUAGE, _catalogue = language, _catalogue_of(language)


def _(message: str) -> str:
    return _catalogue.gettext(message)


def ngettext(one: str, many: str, count: int) -> str:
    """The message for ``count`` of something. Vietnamese nouns do not change with number, so its
    two ids are the same text; English says "1 problem", "2 problems" (the catalogue's
    ``msgstr[0]`` and ``msgstr[1]``, after its ``Plural-Forms``)."""
    return _catalogue.ngettext(one, many, count)


def day_count(days: int) -> str:
    """A number of days: ``1 ngày``, ``5 ngày``; ``1 day``, ``5 days``."""
    return ngettext("{count} ngày", "{count} ngày", days).format(count=days)


def unit_count(units: int) -> str:
    """A number of units: ``1 đơn vị``, ``5 đơn vị``; ``1 unit``, ``5 units``."""
    return ngettext("{count} đơn vị", "{count} đơn vị", units).format(count=units)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date) -> str:
    """A day as the language writes it: dd/mm/yyyy in Vietnamese (``01/10/2026``), day, month and
    year in English (``1 Oct 2026``), which no reader takes for the American month first."""
    if LANGUAGE == "en":
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return day.strftime("%d/%m/%Y")


def days_text(first: date, last: date) -> str:
    """A range of days, ``first`` to ``last``: ``01/10/2026 – 31/12/2026`` in Vietnamese, and in
    English without what the two ends share (``1 Oct – 31 Dec 2026``, ``1–31 Dec 2026``)."""
    if LANGUAGE == "en" and first.year == last.year:
        if first == last:
            return day_text(first)
        if first.month == last.month:
            return f"{first.day}–{day_text(last)}"
        return f"{first.day} {_MONTHS[first.month - 1]} – {day_text(last)}"
    return f"{day_text(first)} – {day_text(last)}"
