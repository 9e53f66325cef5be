"""The language of every message a user sees: Vietnamese (the default) or English.

Message ids are the Vietnamese texts, so Vietnamese needs no catalogue; English comes from the
gettext catalogue ``kehoach/locale/en/LC_MESSAGES/kehoach.po`` (compiled to ``.mo`` with Babel,
see README, "Two languages"). Task texts are data and stay as the plan wrote them.

The language is chosen once, when kehoach starts, because help texts and column headings are
translated as the modules defining them are imported: ``--lang`` on the command line, else
``$KEHOACH_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else Vietnamese.
"""

from __future__ import annotations

import gettext
import os
import sys
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


LANGUAGE = choose(sys.argv[1:], os.environ)
_catalogue = gettext.translation(DOMAIN, LOCALE_DIR, languages=[LANGUAGE], fallback=True)


def _(message: str) -> str:
    return _catalogue.gettext(message)


def day_text(day: date) -> str:
    """A day as both languages write it here: dd/mm/yyyy (Vietnamese notation, kept in English)."""
    return day.strftime("%d/%m/%Y")
