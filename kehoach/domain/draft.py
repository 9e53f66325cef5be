"""A draft plan from a plan document's outline: what ``kehoach import`` writes, and what a person
must look at before the draft is the plan (the review list).

From :mod:`kehoach.domain.outline` and, for a Board's second plan, the data of its first (its units,
groups, term calendars, events), :func:`draft` makes the plan file and the unit files a data folder
needs, every one valid, and says where it guessed:

* **The plan's head.** The title is the document's type and subject ("Kế hoạch thực hiện Kết
  luận…"); what it implements, the subject's document ("Kết luận số 21-KL/TW, ngày … khoá XIII",
  before "về …"); the issuer, who "ban hành" the plan in the preamble (or the first plan's, when it
  is the same body written out in full); the day it starts, the latest date the preamble cites (a
  plan cannot come before what it implements), else 1 January of its first year, as a guess.
* **Owners.** Section II's tasks are owed by whom its opening paragraph addresses; section III's by
  their heading's owner; section IV's by whom each paragraph names ("Giao Ban Tổ chức Tỉnh ủy chủ
  trì": that unit). An owner is one of the known units or groups when its name is
  (:class:`kehoach.domain.names.Names`); a heading naming several ("… tỉnh và Ban Cán sự đảng …")
  is each of them; one naming a kind of body in the plural ("các huyện ủy, thành ủy…") is a group,
  the known one of that name or a new one with no members yet, for the Board to list. A name no
  known unit has is a new unit, its kind read from its name.
* **Roles.** A task that starts "Phối hợp tham mưu…" joins work another unit leads: ``role:
  coordinate``, related to the lead tasks of other units that cite the same documents or share a
  long run of words with it. "Chủ trì, phối hợp với X" names X as a coordinator when X is a known
  unit or group. ("Phối hợp với các cơ quan liên quan tăng cường…" is the unit's own work, done with
  others: it stays the lead.)
* **Schedules** are read by :mod:`kehoach.domain.phrases`; a phrase no kind reads is left unread
  (no schedule; the phrase stays in the text) and listed. Term calendars and events a phrase names
  are the first plan's when their names match, else new: a new calendar's first term is the one the
  document names ("nhiệm kỳ 2020-2025"), a guess; a new event waits for its date.
* **Titles** are a draft: the text's first words, up to its first punctuation.

What the draft writes into the data (a group's name, a placeholder such as ``[Cần bổ sung: cơ
quan ban hành]``) is Vietnamese whatever the language chosen, as the plan is; its comments and the
review list are in the user's language.

No I/O: the outline and the known data are given; the caller writes the result.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kehoach.domain import periods
from kehoach.domain.model import (
    NAME_LIMIT,
    Event,
    Group,
    PlanFile,
    Section,
    Task,
    TermCalendar,
    Unit,
    UnitKind,
    section_of,
)
from kehoach.domain.names import Found, Names, Sureness, folded, slug
from kehoach.domain.outline import Obligation, Outline
from kehoach.domain.phrases import read_schedule
from kehoach.i18n import _

UNKNOWN_OWNER = "chua-ro-don-vi"
"""The group (with no members) given the tasks whose owner the document does not name."""
TITLE_WORDS = 12
"""The most words a draft title takes from the text before "…"."""
SHARED_RUN = 12
"""How many words in a row a coordinating task must share with a lead task to be called related to
it, when they cite no document in common. The seed's related pairs share 26 and 33; unrelated
tasks share set phrases of 7 ("nâng cao chất lượng, hiệu quả hoạt động của…")."""
_DOCUMENT_NUMBER = re.compile(r"\b\d+-[A-ZĐ]+/[A-ZĐ]+\b")
"""A document's number and symbol, ``217-QĐ/TW``: what two tasks on the same work both cite."""
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_TERM_LABEL = re.compile(r"nhiệm kỳ (\d{4}) ?- ?(\d{4})", re.I)
_COORDINATING = re.compile(r"phối hợp(?!\s+(?:chặt chẽ\s+)?với)", re.I)
"""How a task that joins another's work starts: "Phối hợp tham mưu…", "Phối hợp, tham mưu…"."""
_COORDINATORS = re.compile(r"chủ trì,? (?:và )?phối hợp với (.+)", re.I | re.S)
_ASSIGNED = re.compile(r"\bGiao (.+?) chủ trì", re.S)
_ADDRESSEES = re.compile(r"^(.+?)(?: từ tỉnh đến cơ sở| căn cứ| có trách nhiệm|:)", re.S)
"""Where the addressees of a part's opening paragraph end: "Các cấp ủy, … từ tỉnh đến cơ sở căn cứ…"."""
_ISSUER = re.compile(r";\s*([^;]+?) ban hành Kế hoạch", re.S)
_SPLIT_NAMES = re.compile(r",\s+|\s+và\s+")
_PLURAL = re.compile(r"^(?:các|những)\s", re.I)
_KINDS: tuple[tuple[str, UnitKind], ...] = (
    ("dang doan", "party_delegation"),
    ("ban can su dang", "party_affairs_committee"),
    ("uy ban kiem tra", "inspection_committee"),
    ("ban thuong vu tinh doan", "youth_union"),
    ("tinh doan", "youth_union"),
    ("ban thuong vu", "standing_committee"),
    ("van phong", "party_office"),
    ("truong chinh tri", "political_school"),
    ("ban ", "party_board"),
)
"""A unit's kind, by how its name starts (folded); any other (Đảng ủy, Huyện ủy…) is a party committee."""


@dataclass(frozen=True)
class Review:
    """One thing a person must check, at the document's line (``None``: the document as a whole)."""

    line: int | None
    message: str


@dataclass
class Known:
    """What the first plan's data folder brings (``--units-from``): its units, groups, term
    calendars, events and issuer, matched to the document's names."""

    units: list[Unit] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    calendars: list[TermCalendar] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    issuer: str | None = None


@dataclass
class Draft:
    plan: PlanFile
    units: list[Unit]
    """Every unit the plan's owners name, carried from the known data or new, by id."""
    comments: dict[str, str]
    """What the written file says beside an entry, by the entry's id or ref: why it is empty, where it came from."""
    review: list[Review]


def draft(found: Outline, known: Known | None = None, today: date | None = None) -> Draft:
    """The draft of the plan ``found`` outlines (see the module's docstring); ``today`` is the
    year a document that names no year at all starts in."""
    return _Drafting(found, known or Known(), today).draft()


class _Drafting:
    def __init__(self, found: Outline, known: Known, today: date | None) -> None:
        self.outline, self.known = found, known
        self.review: list[Review] = []
        self.comments: dict[str, str] = {}
        self.units: dict[str, Unit] = {}
        self.groups: dict[str, Group] = {}
        self.calendars: dict[str, TermCalendar] = {}
        self.events: dict[str, Event] = {}
        # Ids the first plan's data holds, carried over or not: a new entry never takes one (a unit
        # carried later would be taken for it).
        self.known_ids = {u.id for u in known.units} | {g.id for g in known.groups}
        self.known_events = {e.id for e in known.events}
        self.known_calendars = {c.id for c in known.calendars}
        self.names = Names([*((u.name, u.id) for u in known.units), *((g.name, g.id) for g in known.groups)])
        self.unit_names = Names((u.name, u.id) for u in known.units)
        self.event_names = Names((e.name, e.id) for e in known.events)
        self._resolved: dict[str, list[str]] = {}
        self._unknown: str | None = None
        """The group given the tasks whose owner the document does not name, once made."""
        """The owners of each heading and each part's addressees, resolved once."""
        self.line: int | None = None
        self.task_ref = ""
        self.phrase = ""
        """The phrase being read: the reader hands names over in lowercase; the draft writes them as written."""
        years = [
            year
            for o in found.obligations
            if o.phrase
            for year in map(int, re.findall(r"\b(\d{4})\b", o.phrase))
            if periods.MIN_YEAR <= year <= periods.MAX_YEAR
        ]
        self._first_year = min(years) if years else None
        self.starts = self._starts(today)

    # PhraseContext, for the phrase reader, and PlanContext, for checking what it read ---------------

    @property
    def first_year(self) -> int:
        return self._first_year or self.starts.year

    def calendar(self, name: str) -> str:
        # "nhiệm kỳ Đại hội Đảng" is the calendar "Nhiệm kỳ Đại hội Đảng bộ tỉnh": the first whose
        # name holds all its words (the draft's own first, then the known ones).
        words = set(folded(f"nhiệm kỳ {name}").split())
        for calendar in [*self.calendars.values(), *self.known.calendars]:
            if words <= set(folded(calendar.name).split()):
                if not name:
                    self._guess(
                        _("'năm thứ … nhiệm kỳ' không nói nhiệm kỳ nào: hiểu là lịch '{id}'; kiểm tra").format(
                            id=calendar.id
                        )
                    )
                self.calendars.setdefault(calendar.id, calendar)
                return calendar.id
        written = f"Nhiệm kỳ {self._as_written(name)}".strip()
        id_ = self._free(slug(name or "nhiem ky"), {*self.calendars, *self.known_calendars})
        if id_ not in self.calendars:
            first = self._first_term()
            self.calendars[id_] = TermCalendar.model_validate(
                {"id": id_, "name": written, "first_term": f"{first[0]}-{first[1]}", "first_year": first[0]}
            )
            self.comments[id_] = _("nhiệm kỳ đầu và năm thứ nhất là phỏng đoán: kiểm tra")
            self._guess(
                _("lịch nhiệm kỳ '{id}' ({name}) mới: nhiệm kỳ đầu {term}, năm thứ nhất {year} là phỏng đoán").format(
                    id=id_, name=written, term=f"{first[0]}-{first[1]}", year=first[0]
                )
            )
        return id_

    def _first_term(self) -> tuple[int, int]:
        """The term the document names ("nhiệm kỳ 2020-2025"), else five years from its first year."""
        text = " ".join([*self.outline.purpose, self.outline.preamble or "", self.outline.subject or ""])
        for term in _TERM_LABEL.finditer(text):
            start, end = int(term[1]), int(term[2])
            if periods.MIN_YEAR <= start < end <= min(start + 10, periods.MAX_YEAR):
                return start, end
        start = min(self.first_year, periods.MAX_YEAR - 5)
        return start, start + 5

    def event(self, name: str) -> str:
        found = self.event_names.find(name, by_words=False)
        if found is not None:
            if found.id not in self.events:
                self.events[found.id] = next(e for e in self.known.events if e.id == found.id)
            return found.id
        id_ = self._free(slug(name), {*self.events, *self.known_events})
        name = self._as_written(name)
        written = _clip(name[:1].upper() + name[1:])
        self.events[id_] = Event.model_validate({"id": id_, "name": written, "date": None})
        self.comments[id_] = _("sự kiện mới (nhiệm vụ {ref}): ghi ngày khi sự kiện xảy ra").format(ref=self.task_ref)
        self._guess(
            _("sự kiện '{id}' mới, nhiệm vụ {ref} chờ nó: đặt tên rõ hơn (văn bản nào, của ai)").format(
                id=id_, ref=self.task_ref
            )
        )
        return id_

    def _as_written(self, name: str) -> str:
        """``đại hội đảng`` as the phrase writes it, ``Đại hội Đảng`` (the reader lowercases it)."""
        phrase = unicodedata.normalize("NFC", " ".join(self.phrase.split()))
        start = phrase.lower().find(name)
        return phrase[start : start + len(name)] if start >= 0 and len(phrase.lower()) == len(phrase) else name

    # The draft ---------------------------------------------------------------------------------

    def draft(self) -> Draft:
        tasks = self._tasks()
        plan = PlanFile.model_validate(
            {
                "schema": 1,
                "plan": self._head(),
                "term_calendars": list(self.calendars.values()),
                "events": list(self.events.values()),
                "groups": list(self.groups.values()),
                "sections": self._sections(tasks),
                "tasks": tasks,
            }
        )
        return Draft(plan, sorted(self.units.values(), key=lambda unit: unit.id), self.comments, self.review)

    def _head(self) -> dict[str, Any]:
        found = self.outline
        kind = (found.kind or "Kế hoạch").capitalize()
        subject = found.subject or ""
        title = f"{kind} {subject}".strip()
        implements = re.sub(r"^(?:thực hiện|triển khai)\s+", "", subject, flags=re.I)
        implements = re.split(r"\s+về\s+", implements, maxsplit=1)[0].strip(" ,;.")
        if not implements:
            implements = "[Cần bổ sung: văn bản được thực hiện]"
            self._guess(
                _("không thấy văn bản mà kế hoạch thực hiện (dòng dưới tên loại văn bản): bổ sung 'implements'")
            )
        return {
            "title": title or "[Cần bổ sung: tên kế hoạch]",
            "issuer": self._issuer(),
            "implements": implements,
            "starts": self.starts,
            "preamble": found.preamble,
            "purpose": found.purpose,
            "closing": found.closing,
        }

    def _issuer(self) -> str:
        written = _ISSUER.search(self.outline.preamble or "")
        if written is None:
            self._guess(_("không thấy cơ quan ban hành trong phần mở đầu: bổ sung 'issuer'"))
            return self.known.issuer or "[Cần bổ sung: cơ quan ban hành]"
        issuer = " ".join(written[1].split())
        if self.known.issuer and folded(self.known.issuer).startswith(folded(issuer)):
            return self.known.issuer
        self._guess(_("cơ quan ban hành đọc từ phần mở đầu: '{issuer}'; kiểm tra").format(issuer=issuer))
        return issuer

    def _starts(self, today: date | None) -> date:
        cited = []
        for day, month, year in _DATE.findall(" ".join(filter(None, [self.outline.subject, self.outline.preamble]))):
            try:
                cited.append(date(int(year), int(month), int(day)))
            except ValueError:
                continue
        cited = [day for day in cited if periods.in_range(day)]
        if cited:
            return max(cited)
        year = self._first_year or (today or date(2000, 1, 1)).year
        self._guess(
            _("văn bản không ghi ngày nào ở phần mở đầu: ngày bắt đầu {day} là phỏng đoán; sửa 'starts'").format(
                day=date(year, 1, 1).isoformat()
            )
        )
        return date(year, 1, 1)

    def _tasks(self) -> list[dict[str, Any]]:
        tasks: list[dict[str, Any]] = []
        split = {o.ref[:-1] for o in self.outline.obligations if o.ref[-1].isalpha()}
        for obligation in self.outline.obligations:
            self.line, self.task_ref = obligation.line, obligation.ref
            ref = obligation.ref
            if ref[-1] == "a" and ref[:-1] in split:
                count = sum(1 for o in self.outline.obligations if o.ref[:-1] == ref[:-1])
                self._guess(
                    _("đoạn {ref} có {count} chú thích thời hạn, tách thành {first}…: kiểm tra chỗ tách").format(
                        ref=ref[:-1], count=count, first=", ".join(f"{ref[:-1]}{chr(97 + i)}" for i in range(count))
                    )
                )
            tasks.append(self._task(obligation, ref))
        for written, numbered, line in self.outline.renumbered:
            self.review.append(
                Review(line, _("số {ref} lặp lại trong văn bản: đánh lại là {new}").format(ref=written, new=numbered))
            )
        for block in self.outline.unplaced:
            self.review.append(
                Review(
                    block.line, _("đoạn có chú thích thời hạn nhưng không thuộc nhiệm vụ nào: thêm bằng tay nếu cần")
                )
            )
        self.line = None
        self._relate(tasks)
        return tasks

    def _task(self, obligation: Obligation, ref: str) -> dict[str, Any]:
        task: dict[str, Any] = {"ref": ref, "title": _title(obligation.text), "text": obligation.text}
        task["owners"] = self._owners(obligation, ref)
        if _COORDINATING.match(obligation.text):
            task["role"] = "coordinate"
        coordinators = _COORDINATORS.search(obligation.text)
        if coordinators:
            named = [id_ for id_ in self.names.mentioned(coordinators[1]) if id_ not in task["owners"]]
            if named:
                task["coordinators"] = [self._carry(id_) for id_ in named]
                self._guess(
                    _("nhiệm vụ {ref}: đơn vị phối hợp {ids} đoán theo tên trong nội dung").format(
                        ref=ref, ids=", ".join(named)
                    )
                )
        if obligation.phrase is not None:
            self.phrase = obligation.phrase
            schedule = read_schedule(obligation.phrase, self)
            if schedule is not None and any(schedule.references(self)):
                schedule = None  # read, but not a schedule this plan can keep ("năm thứ 7" of a five-year term)
            if schedule is None:
                self.comments[ref] = _(
                    "chưa đọc được thời hạn '{phrase}': viết 'schedule' (README, Data format)"
                ).format(phrase=obligation.phrase)
                self._guess(
                    _("nhiệm vụ {ref}: chưa đọc được thời hạn '{phrase}'; để trống").format(
                        ref=ref, phrase=obligation.phrase
                    )
                )
            else:
                task["schedule"] = schedule
        return task

    # Owners ------------------------------------------------------------------------------------

    def _owners(self, obligation: Obligation, ref: str) -> list[str]:
        part = ref.split(".")[0]
        if obligation.heading is not None:
            return self._heading_owners(obligation.heading)
        intro = self.outline.intros.get(part)
        if intro is not None:
            return self._intro_owners(part, intro.text, intro.line)
        return self._named_owners(obligation, ref)

    def _heading_owners(self, heading: str) -> list[str]:
        key = f"heading:{heading}"
        if key not in self._resolved:
            line, self.line = self.line, self.outline.lines.get(heading)
            self._resolved[key] = self._resolve(self.outline.headings[heading])
            self.line = line
        return self._resolved[key]

    def _intro_owners(self, part: str, text: str, line: int) -> list[str]:
        key = f"intro:{part}"
        if key not in self._resolved:
            addressees = _ADDRESSEES.match(text)
            saved, self.line = self.line, line
            self._resolved[key] = self._resolve(addressees[1] if addressees else text, guessed=True)
            self.line = saved
        return self._resolved[key]

    def _named_owners(self, obligation: Obligation, ref: str) -> list[str]:
        assigned = _ASSIGNED.search(obligation.text)
        if assigned:
            owners = self._resolve(assigned[1], guessed=True)
        else:
            owners = [self._carry(id_) for id_ in self.names.mentioned(obligation.text.split(" chủ trì")[0])]
            if owners:
                self._guess(
                    _("nhiệm vụ {ref}: đơn vị thực hiện {ids} đoán theo tên trong nội dung").format(
                        ref=ref, ids=", ".join(owners)
                    )
                )
        if not owners:
            owners = [self._unknown_owner()]
            self._guess(
                _("nhiệm vụ {ref}: không rõ đơn vị thực hiện; đã giao cho nhóm '{id}' để bổ sung").format(
                    ref=ref, id=owners[0]
                )
            )
        return owners

    def _resolve(self, written: str, *, guessed: bool = False) -> list[str]:
        """The ids of the owners a name (a heading, the addressees of a part) stands for."""
        written = " ".join(written.split()).strip(" ,;.:")
        if not folded(written):  # nothing but punctuation: no owner named
            self._guess(
                _("không rõ đơn vị thực hiện ('{written}'); đã giao cho nhóm '{id}' để bổ sung").format(
                    written=written, id=self._unknown_owner()
                )
            )
            return [self._unknown_owner()]
        return list(dict.fromkeys(self._named(written, guessed)))

    def _named(self, written: str, guessed: bool) -> list[str]:
        found = self.names.find(written, by_words=False)
        if found is not None:
            return [self._matched(written, found, guessed)]
        pieces = [piece.strip() for piece in _SPLIT_NAMES.split(written) if folded(piece)]
        each = [self.names.find(piece, by_words=False) for piece in pieces]
        if len(pieces) > 1 and all(each):
            return [self._matched(piece, one, guessed) for piece, one in zip(pieces, each, strict=True) if one]
        found = self.names.find(written)
        if found is not None:
            return [self._matched(written, found, guessed)]
        if _PLURAL.match(written) or any(piece[0].islower() for piece in pieces):
            return [self._new_group(written)]
        return [self._unit(piece) for piece in pieces]

    def _matched(self, written: str, found: Found, guessed: bool) -> str:
        if found.sureness is not Sureness.same or guessed:
            self._guess(_("'{written}' được hiểu là '{id}'; kiểm tra").format(written=_short(written), id=found.id))
        return self._carry(found.id)

    def _unit(self, written: str) -> str:
        found = self.unit_names.find(written, by_words=False)
        if found is not None:
            return self._matched(written, found, False)
        name = _clip(written[:1].upper() + written[1:])
        id_ = slug(name, words=12)
        if id_ in self.units and folded(self.units[id_].name) == folded(name):
            return id_  # the same name written again
        id_ = self._free(id_, {*self.units, *self.groups, *self.known_ids})
        kind = next(
            (kind for start, kind in _KINDS if f"{folded(name)} ".startswith(f"{start.strip()} ")), "party_committee"
        )
        self.units[id_] = Unit.model_validate({"schema": 1, "id": id_, "name": name, "kind": kind, "records": []})
        self.comments[id_] = _("đơn vị mới, theo tên trong văn bản; loại đơn vị đoán theo tên")
        self._guess(_("đơn vị mới '{id}' ({name}), loại {kind}: kiểm tra").format(id=id_, name=name, kind=kind))
        self.unit_names.add(name, id_)
        self.names.add(name, id_)
        return id_

    def _new_group(self, written: str) -> str:
        name = _clip(written[:1].upper() + written[1:])
        id_ = self._free(slug(name), {*self.groups, *self.units, *self.known_ids})
        self.groups[id_] = Group.model_validate({"id": id_, "name": name, "members": []})
        self.comments[id_] = _("văn bản không liệt kê thành viên: ghi mã các đơn vị của nhóm vào 'members'")
        self._guess(_("nhóm mới '{id}' chưa có thành viên: liệt kê các đơn vị của nhóm").format(id=id_))
        self.names.add(name, id_)
        return id_

    def _unknown_owner(self) -> str:
        if self._unknown is not None:
            return self._unknown
        id_ = self._unknown = self._free(UNKNOWN_OWNER, {*self.units, *self.groups, *self.known_ids})
        if id_ not in self.groups:
            self.groups[id_] = Group.model_validate({"id": id_, "name": "Chưa rõ đơn vị thực hiện", "members": []})
            self.comments[id_] = _("văn bản không nói ai thực hiện: giao các nhiệm vụ này cho đơn vị đúng")
        return id_

    def _carry(self, id_: str) -> str:
        """Bring a known unit or group into the draft, with the units it needs (members, successors)."""
        if id_ in self.units or id_ in self.groups:
            return id_
        group = next((g for g in self.known.groups if g.id == id_), None)
        if group is not None:
            self.groups[id_] = group
            for member in group.members:
                self._carry(member)
            return id_
        unit = next((u for u in self.known.units if u.id == id_), None)
        if unit is not None:
            self.units[id_] = unit.model_copy(update={"records": []})
            self.comments[id_] = _("đơn vị lấy từ dữ liệu có sẵn (--units-from), không kèm bản ghi")
            for successor in unit.successors:
                self._carry(successor)
        return id_

    # Related tasks, sections ---------------------------------------------------------------------

    def _relate(self, tasks: list[dict[str, Any]]) -> None:
        implemented = set(_DOCUMENT_NUMBER.findall(f"{self.outline.subject} {self.outline.preamble}"))
        leads = [t for t in tasks if t.get("role") != "coordinate"]
        for task in tasks:
            if task.get("role") != "coordinate":
                continue
            mine = self._units_of(task["owners"])
            others = [lead for lead in leads if self._units_of(lead["owners"]).isdisjoint(mine)]
            cited = set(_DOCUMENT_NUMBER.findall(task["text"])) - implemented
            related = [lead["ref"] for lead in others if cited & set(_DOCUMENT_NUMBER.findall(lead["text"]))]
            if not related:
                runs = [(_shared_run(task["text"], lead["text"]), lead["ref"]) for lead in others]
                best = max((length for length, _ref in runs), default=0)
                related = [ref for length, ref in runs if length == best and best >= SHARED_RUN]
            if related:
                task["related"] = sorted(related, key=[t["ref"] for t in tasks].index)
                self.review.append(
                    Review(
                        next((o.line for o in self.outline.obligations if o.ref == task["ref"]), None),
                        _("nhiệm vụ {ref} (phối hợp) liên quan đến {related}: đoán theo nội dung").format(
                            ref=task["ref"], related=", ".join(task["related"])
                        ),
                    )
                )

    def _units_of(self, owners: list[str]) -> set[str]:
        """The units owners stand for, a group's members and the group itself."""
        return {*owners, *(member for owner in owners if owner in self.groups for member in self.groups[owner].members)}

    def _sections(self, tasks: list[dict[str, Any]]) -> list[Section]:
        standing = {heading for task in tasks for heading in section_of(task["ref"])}
        titles = {**{part: title.capitalize() for part, title in self.outline.parts.items()}, **self.outline.headings}
        ordered = sorted(standing, key=lambda ref: [_roman(ref.split(".")[0]), *map(int, ref.split(".")[1:])])
        return [Section.model_validate({"ref": ref, "title": _clip(titles[ref])}) for ref in ordered if ref in titles]

    # Helpers -------------------------------------------------------------------------------------

    def _guess(self, message: str) -> None:
        self.review.append(Review(self.line, message))

    @staticmethod
    def _free(id_: str, taken: Iterable[str]) -> str:
        used = set(taken)
        if id_ not in used:
            return id_
        number = 2
        while f"{id_}-{number}" in used:
            number += 1
        return f"{id_}-{number}"


def _title(text: str) -> str:
    """The text's first words, to its first punctuation or :data:`TITLE_WORDS` (a draft: the Board
    writes the plan's short titles)."""
    first = re.split(r"[;:.(]", text, maxsplit=1)[0]
    words = first.split()
    title = " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")
    return _clip(title[:1].upper() + title[1:]) or _clip(text)


def _shared_run(one: str, other: str) -> int:
    """The most words in a row the two texts share (folded)."""
    a, b = folded(one).split(), folded(other).split()
    best = 0
    previous = [0] * (len(b) + 1)
    for word in a:
        current = [0] * (len(b) + 1)
        for index, other_word in enumerate(b, start=1):
            if word == other_word:
                current[index] = previous[index - 1] + 1
                best = max(best, current[index])
        previous = current
    return best


def _clip(text: str) -> str:
    return text if len(text) <= NAME_LIMIT else text[: NAME_LIMIT - 1].rstrip() + "…"


def _short(text: str, words: int = 12) -> str:
    split = text.split()
    return " ".join(split[:words]) + ("…" if len(split) > words else "")


def _roman(numeral: str) -> int:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"].index(numeral)


__all__ = ["Draft", "Known", "Review", "Task", "draft"]
