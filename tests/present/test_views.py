"""Occurrences as people and tools read them (kehoach.present.views): the status in words with the
days late, counts most urgent first, and JSON rows with the same keys for every status."""

from __future__ import annotations

from datetime import date

from conftest import SCENARIOS
from kehoach.domain.model import Record
from kehoach.domain.occurrences import Status, entries_between, status_of
from kehoach.files.load import load_valid
from kehoach.present.views import NO_EVIDENCE, counts_text, entry_cells, entry_row, evidence_text, status_text

TRACKED = load_valid(SCENARIOS / "tracked")
AS_OF = date(2023, 2, 1)
FOUND = entries_between(TRACKED, date(2022, 1, 1), date(2023, 12, 31), AS_OF, None)


def test_lateness_is_written_out_not_left_to_colour() -> None:
    late = next(entry for entry in FOUND if entry.status is Status.overdue)
    assert status_text(late) == f"Quá hạn {late.days_late} ngày"
    done = next(entry for entry in FOUND if entry.status is Status.done)
    assert status_text(done) == "Hoàn thành"


def test_counts_come_most_urgent_first() -> None:
    text = counts_text(FOUND)
    words = [part.split(" ", 1)[1] for part in text.split(", ")]
    order = ["quá hạn", "chưa đến hạn", "hoàn thành muộn", "hoàn thành", "miễn thực hiện"]
    assert words == [word for word in order if word in words]
    assert sum(int(part.split(" ", 1)[0]) for part in text.split(", ")) == len(FOUND)


def test_every_row_has_the_same_keys_whatever_its_status() -> None:
    keys = {tuple(entry_row(entry, TRACKED)) for entry in FOUND}
    assert len({entry.status for entry in FOUND}) >= 3
    assert len(keys) == 1
    (row_keys,) = keys
    assert {"task", "unit", "period", "due", "status", "days_late", "original_due", "inherited_from"} <= set(row_keys)


def test_a_completion_without_its_document_says_so() -> None:
    bare = Record(task="II.1", period="2022-Q1", done_on=date(2022, 3, 20))
    proven = bare.model_copy(update={"evidence": "Báo cáo số 45-BC/TU"})
    waived = Record(task="II.1", period="2022-Q1", waived_on=date(2022, 3, 20), reason="Gộp")
    assert [evidence_text(r) for r in (bare, proven, waived, None)] == [NO_EVIDENCE, "Báo cáo số 45-BC/TU", "", ""]
    assert NO_EVIDENCE == "chưa có văn bản"
    done = next(entry for entry in FOUND if entry.status is Status.done)
    assert entry_cells(done, TRACKED)["status"].text == "Hoàn thành"
    unproven = status_of(done.occurrence, bare, AS_OF)
    assert entry_cells(unproven, TRACKED)["status"].text == "Hoàn thành\nchưa có văn bản"
