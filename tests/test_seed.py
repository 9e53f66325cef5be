"""The plan data against the official document it encodes.

``data/plan.yaml`` is typed in by hand from the seed document (see domain.md). These tests read
the seed itself, with a parser that knows nothing of the data, and check the data against it: the
same tasks under the same refs in the same order, each with the schedule its annotation means, its
text verbatim, and its owners as the document names them. A task dropped, added, renumbered,
mis-scheduled or mistyped fails here instead of drifting silently away from the document.

It sits at the top of tests/, not in tests/domain: what it holds to the document is the shipped
data (``data/``), not any one module of the package. Without the document it skips, except in CI
(``CI`` set, as ``.ci/run`` sets it), where a missing document fails the run: a check of the data
that quietly does not run is the drift this module exists to prevent.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kehoach.domain.dataset import Dataset
from kehoach.domain.model import Task
from kehoach.files.load import load_valid

REPO = Path(__file__).resolve().parents[1]
# In CI the repository is cloned into some folder and ``shared/`` is copied beside it.
SEED_DIR = Path(__file__).resolve().parents[2] / "shared" / "seed"


def in_ci() -> bool:
    """``CI`` is set, as CI services and ``.ci/run`` set it (``CI=true``); ``false`` or ``0`` is not CI."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _seed_file() -> Path:
    """The one seed document; without it, fail the run in CI and skip the module elsewhere."""
    found = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not found:
        missing = f"seed document not found: no *.txt in {SEED_DIR}"
        if in_ci():
            pytest.fail(
                f"{missing}. In CI the data must be checked against it: copy shared/seed/ beside the repository.",
                pytrace=False,
            )
        pytest.skip(f"{missing} (in CI, with CI=true, this fails the run)", allow_module_level=True)
    assert len(found) == 1, f"expected exactly one seed document in {SEED_DIR}, found {[p.name for p in found]}"
    return found[0]


# --- parsing the seed --------------------------------------------------------------------------

HEADINGS = {
    "I. MỤC ĐÍCH, YÊU CẦU": "I",
    "II. NHIỆM VỤ TRỌNG TÂM": "II",
    "III. NHIỆM VỤ CỦA CÁC TỔ CHỨC, CƠ QUAN, ĐƠN VỊ": "III",
    "IV. TỔ CHỨC THỰC HIỆN": "IV",
}
END = "Nơi nhận:"
ANNOTATION = re.compile(r"\(\*(.*?)\*\)", re.S)
NUMBERED = re.compile(r"(\d+)\.\s+(.*)", re.S)
BULLET = re.compile(r"[-+]\s+(.*)", re.S)


@dataclass
class Item:
    """One numbered paragraph (II, IV) or bullet (III) of the document: the unit tasks come from."""

    ref: str
    text: str  # without its "N. " or "- "/"+ " marker
    phrases: list[str] = field(default_factory=list)

    def refs(self) -> list[str]:
        """A paragraph with several annotations is one task per annotation, suffixed a, b, c…"""
        if len(self.phrases) < 2:
            return [self.ref]
        return [self.ref + chr(ord("a") + index) for index in range(len(self.phrases))]


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, with page-break splits joined back together.

    A page break in the text file leaves a sentence cut in two ("giữ / vững"); the second half
    is the only kind of paragraph that starts with a lowercase letter.
    """
    result: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block:
            continue
        if result and block[0].islower():
            result[-1] = f"{result[-1]} {block}"
        else:
            result.append(block)
    return result


def sections(text: str) -> dict[str, list[str]]:
    """The paragraphs under each roman-numbered heading, up to the distribution list."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for paragraph in paragraphs(text):
        if paragraph == END:
            break
        if paragraph in HEADINGS:
            current = found.setdefault(HEADINGS[paragraph], [])
        elif current is not None:
            current.append(paragraph)
    assert list(found) == list(HEADINGS.values()), f"headings found in the seed: {list(found)}"
    return found


def _item(ref: str, text: str) -> Item:
    return Item(ref, text, ANNOTATION.findall(text))


def numbered_items(section: str, lines: list[str]) -> list[Item]:
    """II and IV: each "N. …" paragraph is an item; unnumbered ones (intro, closing) are not."""
    items = []
    for paragraph in lines:
        match = NUMBERED.fullmatch(paragraph)
        if match:
            items.append(_item(f"{section}.{match[1]}", match[2]))
        else:
            # An obligation outside a numbered paragraph would have nowhere to go.
            assert not ANNOTATION.search(paragraph), f"annotation outside an item in {section}: {paragraph[:80]}"
    return items


def bullet_items(lines: list[str]) -> tuple[list[Item], dict[int, str]]:
    """III: "N. owner" starts owner N; its "-" and "+" bullets are counted together, in order."""
    items: list[Item] = []
    owners: dict[int, str] = {}
    owner = 0
    bullet = 0
    for paragraph in lines:
        heading = NUMBERED.fullmatch(paragraph)
        item = BULLET.fullmatch(paragraph)
        if heading:
            owner, bullet = int(heading[1]), 0
            owners[owner] = heading[2]
        elif item and owner:
            bullet += 1
            items.append(_item(f"III.{owner}.{bullet}", item[1]))
        else:
            raise AssertionError(f"unexpected paragraph in section III: {paragraph[:80]}")
    return items, owners


@dataclass
class Seed:
    items: list[Item]
    owners: dict[int, str]  # III's owner headings, as written

    def expected(self) -> list[tuple[str, str | None, Item]]:
        """(ref, its annotation or None, the item it comes from), in document order."""
        rows: list[tuple[str, str | None, Item]] = []
        for item in self.items:
            phrases: list[str | None] = list(item.phrases) or [None]
            rows.extend(zip(item.refs(), phrases, [item] * len(phrases), strict=True))
        return rows


def parse_seed(text: str) -> Seed:
    parts = sections(text)
    bullets, owners = bullet_items(parts["III"])
    items = numbered_items("II", parts["II"]) + bullets + numbered_items("IV", parts["IV"])
    return Seed(items, owners)


SEED = parse_seed(_seed_file().read_text(encoding="utf-8"))
EXPECTED = SEED.expected()
REFS = [ref for ref, _, _ in EXPECTED]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_valid(REPO / "data")


def collapse(text: str) -> str:
    return " ".join(text.split())


def normalise(phrase: str) -> str:
    """Annotations differ only in case ("Hoàn thành…", "Quý I/2022"); meaning does not."""
    return phrase.strip().lower()


# --- what each schedule phrase means (domain.md, "Every schedule phrase in the document") ------

Predicate = Callable[[Any], bool]


def schedule(kind: str, ad_hoc: bool = False, **fields: Any) -> Predicate:
    """A schedule of ``kind`` with these field values; ``ad_hoc`` only where the phrase says so."""

    def matches(value: Any) -> bool:
        if value is None or value.kind != kind or value.ad_hoc != ad_hoc:
            return False
        return all(getattr(value, name) == expected for name, expected in fields.items())

    matches.__doc__ = f"{kind}, ad_hoc={ad_hoc}, {fields}"
    return matches


def two_calendars(value: Any) -> bool:
    """term_year, year=3, two calendars (the phrase names two terms; see the last test)"""
    return schedule("term_year", year=3)(value) and len(set(value.calendars)) == 2


@dataclass(frozen=True)
class Row:
    """One row of domain.md's phrase table: how often its phrases occur, and what each means."""

    count: int
    meanings: dict[str, Predicate]  # normalised phrase -> the schedule it asks for


def same(phrases: tuple[str, ...], means: Predicate) -> dict[str, Predicate]:
    return dict.fromkeys(phrases, means)


YEARS = (2022, 2023, 2024, 2025, 2026)
PHRASE_TABLE = [
    Row(35, {"thực hiện thường xuyên": schedule("ongoing", from_=None)}),
    Row(1, {"thực hiện thường xuyên hoặc định kỳ": schedule("ongoing")}),
    Row(4, same(("từ năm 2022", "thực hiện từ năm 2022"), schedule("ongoing", from_=2022))),
    # "every year": the plan starts in 2022.
    Row(6, {"thực hiện hằng năm": schedule("yearly", from_=2022)}),
    Row(1, {"thực hiện hằng năm từ năm 2022": schedule("yearly", from_=2022)}),
    Row(16, {f"năm {year}": schedule("deadline", by=str(year)) for year in YEARS}),
    Row(1, {"năm 2022, 2023": schedule("years", years=[2022, 2023])}),
    Row(3, same(("hoàn thành trong quý i/2022", "quý i/2022"), schedule("deadline", by="2022-Q1"))),
    Row(2, {"hoàn thành trong tháng 02/2022": schedule("deadline", by="2022-02")}),
    Row(2, {"năm thứ 3, nhiệm kỳ đại hội đảng, nhiệm kỳ hội đồng nhân dân các cấp": two_calendars}),
    Row(1, {"trong năm 2023 hoặc đột xuất khi cần thiết": schedule("deadline", ad_hoc=True, by="2023")}),
    Row(1, {"khi trung ương triển khai thực hiện": schedule("event")}),
    Row(1, {"sau khi quy định ban hành": schedule("event")}),
    Row(1, {"định kỳ hoặc đột xuất": schedule("ongoing", ad_hoc=True)}),
]
MEANING = {phrase: means for row in PHRASE_TABLE for phrase, means in row.meanings.items()}


# --- the tests ---------------------------------------------------------------------------------


def test_parser_finds_the_documents_shape() -> None:
    """domain.md's outline: 11 key tasks, 13 owners in III, 3 items in IV."""
    bases = [item.ref for item in SEED.items]
    assert [ref for ref in bases if ref.startswith("II.")] == [f"II.{n}" for n in range(1, 12)]
    assert list(SEED.owners) == list(range(1, 14))
    assert [ref for ref in bases if ref.startswith("IV.")] == ["IV.1", "IV.2", "IV.3"]


def ascii_id(text: str) -> str:
    """Test ids without diacritics: pytest would print Vietnamese ones as \\u escapes."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@pytest.mark.parametrize("row", PHRASE_TABLE, ids=lambda row: ascii_id(next(iter(row.meanings))))
def test_phrase_counts_match_domain_table(row: Row) -> None:
    """A check of the parser: it must find every annotation domain.md counted, no more."""
    found = Counter(normalise(phrase) for _, phrase, _ in EXPECTED if phrase)
    counts = {phrase: found[phrase] for phrase in row.meanings}
    total = sum(counts.values())
    assert total == row.count, f"domain.md counts {row.count}, the seed has {counts}"


def test_every_phrase_has_a_meaning() -> None:
    """A phrase the table does not know must be given a meaning here before the data can pass."""
    unknown = sorted({normalise(phrase) for _, phrase, _ in EXPECTED if phrase} - MEANING.keys())
    assert unknown == [], "schedule phrases in the seed with no meaning in PHRASE_TABLE"


def test_refs_match_seed_in_order(dataset: Dataset) -> None:
    assert [task.ref for task in dataset.plan.tasks] == REFS


def _task(dataset: Dataset, ref: str) -> Task:
    if ref not in dataset.tasks:
        pytest.fail(f"the seed has task {ref}, the data does not")
    return dataset.tasks[ref]


@pytest.mark.parametrize(("ref", "phrase"), [(ref, phrase) for ref, phrase, _ in EXPECTED], ids=REFS)
def test_schedule_means_the_phrase(dataset: Dataset, ref: str, phrase: str | None) -> None:
    actual = _task(dataset, ref).schedule
    if phrase is None:
        assert actual is None, f"{ref} has no annotation in the seed, so no schedule"
        return
    means = MEANING.get(normalise(phrase))
    if means is None:
        pytest.fail(f"{ref}: phrase {phrase!r} is not in PHRASE_TABLE")
    ok = means(actual)
    assert ok, f"{ref} ({phrase!r}) should be {means.__doc__}, is {actual!r}"


@pytest.mark.parametrize(("ref", "phrase"), [(ref, phrase) for ref, phrase, _ in EXPECTED], ids=REFS)
def test_schedule_keeps_the_phrase_as_written(dataset: Dataset, ref: str, phrase: str | None) -> None:
    """Each schedule carries its annotation in the document's words (``as_written``), which tables
    show: "định kỳ hoặc đột xuất" must not read as kehoach's "thường xuyên hoặc đột xuất"."""
    actual = _task(dataset, ref).schedule
    if phrase is None:
        assert actual is None or actual.as_written is None, f"{ref} has no annotation in the seed"
        return
    assert actual is not None and actual.as_written is not None, f"{ref}: as_written missing, should be {phrase!r}"
    assert normalise(actual.as_written) == normalise(phrase), f"{ref}: {actual.as_written!r} is not {phrase!r}"


def seed_form(text: str) -> str:
    """An item as the data may write it: annotations lose their italics, whitespace is free."""
    return collapse(text.replace("(*", "(").replace("*)", ")"))


@pytest.mark.parametrize(("ref", "item"), [(ref, item) for ref, _, item in EXPECTED], ids=REFS)
def test_text_is_verbatim(dataset: Dataset, ref: str, item: Item) -> None:
    text, whole = collapse(_task(dataset, ref).text), seed_form(item.text)
    assert text in whole, f"{ref} is not verbatim from {item.ref}"


@pytest.mark.parametrize("item", SEED.items, ids=lambda item: item.ref)
def test_parts_make_up_the_whole_item(dataset: Dataset, item: Item) -> None:
    """Nothing dropped: the tasks of one paragraph, joined in order, give back the paragraph.

    Each part keeps its own punctuation ("…(Hoàn thành trong tháng 02/2022);" then "kiểm
    tra…"), so the parts meet at the single space the document has between them. For an
    unsplit item this says the task is the whole paragraph, not just a piece of it.
    """
    joined = " ".join(collapse(_task(dataset, ref).text) for ref in item.refs())
    whole = seed_form(item.text)
    assert joined == whole, f"the tasks {item.refs()} do not add up to {item.ref}"


def test_section_ii_is_owned_by_every_unit(dataset: Dataset) -> None:
    owners = {ref: _task(dataset, ref).owners for ref, _, _ in EXPECTED if ref.startswith("II.")}
    assert owners == {ref: ["tat-ca-don-vi"] for ref in owners}


def test_every_owner_in_iii_is_among_every_unit(dataset: Dataset) -> None:
    """Section II addresses all the bodies; each body section III names is one of them."""
    named = {
        unit for ref, _, _ in EXPECTED if ref.startswith("III.") for unit in dataset.task_units(_task(dataset, ref))
    }
    assert named - set(dataset.members("tat-ca-don-vi")) == set()


def canonical(name: str) -> str:
    """The only liberties a name in the data may take with the heading (see domain.md)."""
    return name.replace("Khôi", "Khối").replace("Ban cán sự", "Ban Cán sự")


def owner_tasks(dataset: Dataset, number: int) -> list[Task]:
    return [_task(dataset, ref) for ref, _, _ in EXPECTED if ref.startswith(f"III.{number}.")]


def owner_names(dataset: Dataset, task: Task) -> list[str]:
    """What the data calls a bullet's owner: one group's name, else the name of each unit."""
    if len(task.owners) == 1 and task.owners[0] in dataset.groups:
        return [dataset.groups[task.owners[0]].name]
    return [dataset.units[unit].name for unit in dataset.task_units(task)]


OWNERS = sorted(SEED.owners)
OWNER_IDS = [f"III.{number}" for number in OWNERS]


@pytest.mark.parametrize("number", OWNERS, ids=OWNER_IDS)
def test_bullets_of_one_owner_share_units(dataset: Dataset, number: int) -> None:
    """Every bullet under "N. owner" is owed by that same owner, whatever its role."""
    units = {task.ref: sorted(dataset.task_units(task)) for task in owner_tasks(dataset, number)}
    first = next(iter(units.values()))
    assert units == dict.fromkeys(units, first), f"bullets of III.{number} ({SEED.owners[number]}) differ"


@pytest.mark.parametrize("number", OWNERS, ids=OWNER_IDS)
def test_owner_is_named_as_in_heading(dataset: Dataset, number: int) -> None:
    heading = canonical(SEED.owners[number])
    names = owner_names(dataset, owner_tasks(dataset, number)[0])
    if len(names) == 1:
        # One unit, or a group standing for the heading (III.4, III.13): the same name.
        assert canonical(names[0]) == heading
    else:
        # Units listed one by one (III.3, III.12): each is named in the heading.
        missing = [name for name in names if canonical(name) not in heading]
        assert missing == [], f"units of III.{number} not named in {heading!r}"


TERMS = ("Đại hội Đảng", "Hội đồng nhân dân")


def test_term_year_calendars_are_the_two_terms(dataset: Dataset) -> None:
    """The phrase names the Party congress's and the People's Council's terms: one calendar each."""
    for task in dataset.plan.tasks:
        if task.schedule is not None and task.schedule.kind == "term_year":
            names = [dataset.calendars[calendar].name for calendar in task.schedule.calendars]
            named = sorted(term for name in names for term in TERMS if term in name)
            assert len(names) == len(TERMS) and named == sorted(TERMS), f"{task.ref}: {names}"


ANNOTATED = [(ref, phrase) for ref, phrase, _ in EXPECTED if phrase]


def test_sections_are_the_documents_headings(dataset: Dataset) -> None:
    """The headings the report groups tasks under: II-IV as the document titles them (its capitals
    aside) and every owner heading of III verbatim, in the document's order."""
    parts = {ref: heading.split(". ", 1)[1] for heading, ref in HEADINGS.items() if ref != "I"}
    expected = [
        ("II", parts["II"]),
        ("III", parts["III"]),
        *((f"III.{number}", title) for number, title in SEED.owners.items()),
        ("IV", parts["IV"]),
    ]
    found = [(section.ref, section.title) for section in dataset.plan.sections]
    assert [ref for ref, _ in found] == [ref for ref, _ in expected]
    for (ref, title), (_, written) in zip(found, expected, strict=True):
        assert (title.upper() if "." not in ref else title) == collapse(written), ref


class SeedDrafting:
    """The shipped plan as a draft's context: its calendars by name, its events by their words."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.first_year = 2022  # the plan's first deadlines fall in 2022 (domain.md)

    def calendar(self, name: str) -> str:
        found = [c.id for c in self.dataset.plan.term_calendars if name.lower() in c.name.lower()]
        assert len(found) == 1, name
        return found[0]

    def event(self, name: str) -> str:
        return "event"  # compared apart: the shipped ids are the Board's choice of words


@pytest.mark.parametrize(("ref", "phrase"), ANNOTATED, ids=[ref for ref, _ in ANNOTATED])
def test_the_phrase_reader_reads_each_annotation_as_the_data_encodes_it(
    dataset: Dataset, ref: str, phrase: str
) -> None:
    """kehoach.domain.phrases on the seed's own annotations: the schedule the shipped data has, but
    for what the data adds to the words (an event's id, its days, a review period)."""
    from kehoach.domain.phrases import read_schedule

    shipped = _task(dataset, ref).schedule
    read = read_schedule(phrase, SeedDrafting(dataset))
    assert shipped is not None and read is not None, phrase
    beyond = {"as_written", "event", "within_days", "review"}
    assert read.model_dump(exclude=beyond) == shipped.model_dump(exclude=beyond)
    assert read.as_written == collapse(phrase)
