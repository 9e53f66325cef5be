"""Schedule phrases, as a plan writes them after each obligation, read into schedules.

A plan's annotation says when in plain Vietnamese: "hoàn thành trong Quý I/2022", "thực hiện hằng
năm từ năm 2022", "năm thứ 3, nhiệm kỳ Đại hội Đảng". :func:`read_schedule` puts the phrase in one
form (case, spaces, the words that add nothing: "thực hiện", "hoàn thành trong", a final full stop;
"… hoặc đột xuất khi cần thiết" is ``ad_hoc``) and asks each schedule kind of the registry
(:data:`kehoach.domain.model.Schedule`) whether it reads it: what a kind's phrases mean is the
kind's own business (its ``read_phrase``), so a new kind of phrase is a new kind, or a kind that
reads more, and nothing here. A phrase no kind reads is ``None``: never guessed.

No I/O: the plan being drafted answers for calendars and events (:class:`PhraseContext`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple, get_args

from pydantic import ValidationError

from kehoach.domain.model import _SCHEDULES, PhraseContext, Schedule

KINDS: tuple[type[_SCHEDULES], ...] = get_args(_SCHEDULES)
"""The registry's kinds, in its order (typed as the union: a kind without ``read_phrase`` fails mypy)."""

_FILLER = re.compile(r"^(?:(?:được |sẽ )?(?:thực hiện|hoàn thành|triển khai)(?: xong)?(?: trong)? |trong |vào )+")
"""What a phrase may start with that says nothing of when: "thực hiện", "hoàn thành trong"."""
_AD_HOC = re.compile(r",? (?:hoặc|và) (?:khi )?đột xuất(?: khi cần thiết| khi có yêu cầu)?$")
"""How a phrase adds "or ad hoc (when needed)" to its schedule."""


class Reading(NamedTuple):
    """A phrase put in one form, and whether it also asks for work ad hoc."""

    words: str
    ad_hoc: bool


def normalised(phrase: str) -> Reading:
    """``"Hoàn thành trong Quý I/2022."`` → ``quý i/2022``; the ad hoc clause taken off."""
    words = " ".join(unicodedata.normalize("NFC", phrase).lower().split()).strip(" .;,")
    words = words.removeprefix("(").removesuffix(")").strip(" .;,*")
    words, ad_hoc = _AD_HOC.sub("", words), bool(_AD_HOC.search(words))
    # "định kỳ hoặc đột xuất": the ad hoc clause is all there is besides "định kỳ".
    return Reading(_FILLER.sub("", words).strip(), ad_hoc)


def read_schedule(phrase: str, context: PhraseContext) -> Schedule | None:
    """The schedule ``phrase`` means, with ``as_written`` the phrase as written; ``None`` when no
    kind reads it (or what it reads is not a valid schedule, such as a year out of range)."""
    reading = normalised(phrase)
    for kind in KINDS:
        fields = kind.read_phrase(reading.words, context)
        if fields is None:
            continue
        written = " ".join(phrase.split()).strip(" .;,")
        try:
            return kind.model_validate(
                {"kind": _kind_name(kind), **fields, "ad_hoc": reading.ad_hoc, "as_written": written}
            )
        except ValidationError:
            return None
    return None


def readers(phrase: str, context: PhraseContext) -> list[str]:
    """The kinds that read ``phrase`` (the registry's readers never overlap: at most one)."""
    words = normalised(phrase).words
    return [_kind_name(kind) for kind in KINDS if kind.read_phrase(words, context) is not None]


def _kind_name(kind: type[_SCHEDULES]) -> str:
    return str(get_args(kind.model_fields["kind"].annotation)[0])
