"""Names as a document writes them, matched to the names a data folder gives (``kehoach import``).

A plan names its owners in words ("Ban cán sự đảng Tòa án nhân dân tỉnh", "Đảng ủy Khôi Các cơ
quan…"), not by the ids of the data; the same unit is written with other capitals, other tone
placements ("hoá"/"hóa"), and the odd typo. :func:`folded` puts a name in one form (no case, no
diacritics, no punctuation), and :class:`Names` finds which known name a written one is, saying how
sure it is: the same once folded (certain), nearly the same (a typo: a guess), or one holding every
word of the other (a guess). A guess is for a person to check (the import's review list).

No I/O.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

CLOSE_ENOUGH = 0.92
"""How alike two folded names must be to be taken for one with a typo ("Khôi"/"Khối" are alike
once folded; "Ban Tổ chức"/"Ban Tuyên giáo" are not)."""
COVERED = 0.75
"""The share of a written name's words a known name must hold, all its own words being among
them, to be taken for it: "các cơ quan nhà nước, Mặt trận Tổ quốc Việt Nam" is the group named
"cơ quan nhà nước, Mặt trận Tổ quốc"."""
_SMALL_WORDS = frozenset({"cac", "va", "cua"})
"""Words that name nothing ("các", "và", "của"): left out when names are compared word by word."""
SLUG_WORDS = 6
"""The words of a name an id is made of: "cac-cap-uy-to-chuc-dang", not the whole sentence."""
SLUG_LENGTH = 60
"""The longest id made: a unit's is its file's name, and a file system refuses long ones."""


class Sureness(Enum):
    same = "same"
    """The same name once folded: certain."""
    typo = "typo"
    """Nearly the same (:data:`CLOSE_ENOUGH`)."""
    words = "words"
    """Every word of the known name is in the written one (:data:`COVERED`), or the other way round."""


@dataclass(frozen=True)
class Found:
    id: str
    sureness: Sureness


def folded(text: str) -> str:
    """``"Đảng ủy Khối, Các cơ quan"`` → ``dang uy khoi cac co quan``: the form names are compared in."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(char for char in text if unicodedata.category(char) != "Mn").lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def slug(text: str, words: int = SLUG_WORDS) -> str:
    """An id made of a name's first ``words`` words: ``Ban Tổ chức Tỉnh ủy`` → ``ban-to-chuc-tinh-uy``."""
    made = ""
    for word in folded(text).split()[:words]:
        longer = f"{made}-{word}" if made else word
        if len(longer) > SLUG_LENGTH:  # stop at a word, unless one word is all there is
            made = made if "-" in made else longer[:SLUG_LENGTH]
            break
        made = longer
    return made.strip("-") or "khong-ten"


class Names:
    """Known names and their ids, in the order given (the first of equals wins, so the answer does
    not depend on a set's order)."""

    def __init__(self, named: Iterable[tuple[str, str]] = ()) -> None:
        self._known: list[tuple[str, str, str]] = []
        for name, id_ in named:
            self.add(name, id_)

    def add(self, name: str, id_: str) -> None:
        self._known.append((folded(name), id_, name))

    def find(self, written: str, *, by_words: bool = True, covered: float = COVERED) -> Found | None:
        """The known name ``written`` is, and how sure; ``by_words=False``: the same or a typo only.
        ``covered``: the share of the longer name's words the shorter must hold (0: any)."""
        key = folded(written)
        if not key:
            return None
        for known, id_, _name in self._known:
            if known == key:
                return Found(id_, Sureness.same)
        close = [
            (ratio, -index, id_)
            for index, (known, id_, _name) in enumerate(self._known)
            if (ratio := difflib.SequenceMatcher(None, known, key, autojunk=False).ratio()) >= CLOSE_ENOUGH
        ]
        if close:
            return Found(max(close)[2], Sureness.typo)
        if not by_words:
            return None
        words = set(key.split()) - _SMALL_WORDS
        held = []
        for index, (known, id_, _name) in enumerate(self._known):
            own = set(known.split()) - _SMALL_WORDS
            if not own or not words:
                continue
            if (own <= words and len(own) >= covered * len(words)) or (
                words <= own and len(words) >= covered * len(own)
            ):
                held.append((len(own & words), -index, id_))
        return Found(max(held)[2], Sureness.words) if held else None

    def mentioned(self, text: str) -> list[str]:
        """The ids whose whole name the text contains, in the order the text names them."""
        key = f" {folded(text)} "
        found = [(position, id_) for known, id_, _name in self._known if (position := key.find(f" {known} ")) >= 0]
        return list(dict.fromkeys(id_ for _position, id_ in sorted(found)))
