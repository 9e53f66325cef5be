"""Plain-text tables (kehoach.present.tables): within the width given, measured in terminal cells,
wrapped between words, and giving way by the columns' roles."""

from __future__ import annotations

import io
import unicodedata
from bisect import bisect_right
from itertools import accumulate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, split_graphemes

from kehoach.present.output import Column, Screen
from kehoach.present.tables import GAP, ID_MIN, TEXT_ALONE, TEXT_MIN, Cell, Role, layout, render, wrap

N, T, I = Role.narrow, Role.text, Role.id  # noqa: E741
HEADERS = ["Số hiệu", "Nhiệm vụ", "Hạn"]
ROLES = [N, T, N]  # the ref and the date never wrap; the task's text takes what is left
LETTERS = "abcdeghiklmnoqrstuvxyàáâăđêôơưạảấầậắếềệỉịọốồộớờợụủứừữựỳ"
WORDS = st.lists(
    st.builds(
        unicodedata.normalize, st.sampled_from(["NFC", "NFD"]), st.text(alphabet=LETTERS, min_size=1, max_size=12)
    ),
    min_size=1,
)
TITLE = "Siết chặt kỷ luật, kỷ cương trong xây dựng văn bản quy phạm pháp luật"


def cut(line: str, widths: list[int]) -> list[str]:
    """A table line cut into its columns where the terminal draws them (by cells), gaps left out."""
    starts = list(accumulate([0, *(size + GAP for size in widths[:-1])]))
    parts = [""] * len(widths)
    position = 0
    for begin, end, size in split_graphemes(line)[0]:
        parts[bisect_right(starts, position) - 1] += line[begin:end]
        position += size
    return [part.strip() for part in parts]


@settings(max_examples=150, deadline=None)
@given(ref=st.text(alphabet="IVX.0123456789", min_size=1, max_size=10), words=WORDS, width=st.integers(40, 120))
def test_a_row_fits_the_width_and_wraps_only_between_words(ref: str, words: list[str], width: int) -> None:
    rows = [[Cell(ref), Cell(" ".join(words)), Cell("31/12/2022")]]
    drawn = render(HEADERS, rows, ROLES, width)
    at = next(number for number, line in enumerate(drawn) if line.startswith("─"))  # headings may wrap
    heading, rule, lines = drawn[:at], drawn[at], drawn[at + 1 :]
    assert all(cell_len(line) <= width for line in drawn)
    assert set(rule) == {"─"} and all(cell_len(line) <= len(rule) for line in heading)  # a rule under the header
    widths = list(layout(HEADERS, rows, ROLES, width).widths)
    columns = [cut(line, widths) for line in lines]
    assert " ".join(parts[1] for parts in columns).split() == words  # every word whole, in order
    assert columns[0][0] == ref and columns[0][2] == "31/12/2022"
    assert all(not parts[0] and not parts[2] for parts in columns[1:])  # ref and date on the row's first line


@settings(max_examples=200, deadline=None)
@given(
    table=st.integers(1, 6).flatmap(
        lambda count: st.tuples(
            st.lists(st.sampled_from(list(Role)), min_size=count, max_size=count),
            st.lists(st.lists(WORDS.map(" ".join), min_size=count, max_size=count), max_size=4),
        )
    ),
    width=st.integers(1, 160),
)
def test_no_line_is_ever_wider_than_the_screen(table: tuple[list[Role], list[list[str]]], width: int) -> None:
    roles, texts = table
    headers = [f"Cột {index}" for index in range(len(roles))]
    lines = render(headers, [[Cell(text) for text in row] for row in texts], roles, width)
    assert all(cell_len(line) <= width for line in lines)


def test_ids_give_way_to_names() -> None:
    headers, roles = ["Hạn", "Đơn vị", "Nhiệm vụ"], [N, I, T]
    rows = [[Cell("31/12/2021"), Cell("ban-can-su-dang-tand-tinh ← ban-can-su-dang-toa-an"), Cell(TITLE)]]
    roomy = layout(headers, rows, roles, 60)
    assert roomy.widths[2] >= TEXT_MIN and ID_MIN <= roomy.widths[1] < 50 and roomy.cramped == []
    first, second, *_ = render(headers, rows, roles, 60)[2:]
    assert cut(first, list(roomy.widths))[1] == "ban-can-su-dang-"  # broken after a hyphen
    assert cut(second, list(roomy.widths))[1].startswith("tand-tinh")
    tight = layout(headers, rows, roles, 40)
    assert tight.widths == (10, 0, 40 - 10 - GAP) and tight.left_out == [1] and tight.cramped == []
    lines = render(headers, rows, roles, 40)
    assert lines[0].split() == ["Hạn", "Nhiệm", "vụ"]
    assert lines[-2:] == ["Không đủ chỗ cho cột “Đơn vị” trong 40", "cột màn hình; xem đủ với --format csv."]
    assert all(cell_len(line) <= 40 for line in lines)


def test_a_short_label_stays_on_one_line_while_a_text_column_has_room() -> None:
    headers, roles = ["Số hiệu", "Nhiệm vụ", "Kỳ", "Hạn"], [N, T, T, N]
    rows = [[Cell("III.7.3a"), Cell(TITLE), Cell("Báo cáo năm 2022"), Cell("15/12/2022")]]
    lines = render(headers, rows, roles, 60)
    assert "Báo cáo năm 2022" in lines[2]
    assert layout(headers, rows, roles, 60).widths == (8, 60 - 8 - 16 - 10 - 3 * GAP, 16, 10)


def test_a_text_column_keeps_its_minimum_and_narrow_columns_their_content() -> None:
    headers, roles = ["Ngày", "Số hiệu", "Kết quả, hạn", "Văn bản / lý do"], [N, N, T, T]
    rows = [[Cell("20/10/2026"), Cell("III.13.2a"), Cell("Hoàn thành muộn\nhạn 30/09/2026"), Cell(TITLE)]]
    chosen = layout(headers, rows, roles, 60)
    assert chosen.widths == (10, 9, 15, 60 - 10 - 9 - 15 - 3 * GAP) and chosen.cramped == []
    assert chosen.minimums == (10, 9, 15, TEXT_MIN)
    squeezed = layout(headers, rows, roles, 50)  # too many columns: the text goes below its minimum
    assert squeezed.total == 50 and squeezed.widths[:2] == (10, 9) and squeezed.cramped == [2, 3]


def test_a_narrow_heading_wraps_before_a_text_column_shrinks_below_text_alone() -> None:
    """A wrapped heading costs one line at the top; a narrower text column costs lines in every row."""
    headers, roles = ["Hạn", "Trễ (ngày)", "Nhiệm vụ"], [N, N, T]
    rows = [[Cell("31/12/2021"), Cell("1780"), Cell(TITLE)]]
    assert layout(headers, rows, roles, 60).widths == (10, 10, 60 - 20 - 2 * GAP)  # room: nothing wraps
    assert layout(headers, rows, roles, 50).widths == (10, 10, TEXT_ALONE)  # the text gives way alone first
    assert layout(headers, rows, roles, 48).widths == (10, 6, 26)  # then the heading wraps, to "(ngày)"
    assert layout(headers, rows, roles, 44).widths == (10, 6, 22)
    lines = render(headers, rows, roles, 44)
    assert lines[0].split() == ["Hạn", "Trễ", "Nhiệm", "vụ"] and lines[1].split() == ["(ngày)"]
    assert layout(headers, rows, roles, 38).widths == (10, 6, TEXT_MIN)  # then the text to its minimum


def test_decomposed_text_is_measured_and_padded_as_the_terminal_draws_it() -> None:
    name = "Ban Cán sự đảng Tòa án nhân dân tỉnh"
    composed = render(["Tên", "Mã"], [[Cell(name), Cell("tand")]], [T, N], 80)
    decomposed = render(["Tên", "Mã"], [[Cell(unicodedata.normalize("NFD", name)), Cell("tand")]], [T, N], 80)
    assert len(decomposed[2]) > len(composed[2])  # more characters…
    assert [cell_len(line) for line in decomposed] == [cell_len(line) for line in composed]  # …the same cells
    assert decomposed[2].endswith("   tand") and cell_len(decomposed[2]) == len(name) + GAP + 4


def test_a_word_broken_anywhere_keeps_each_letter_with_its_marks() -> None:
    word = unicodedata.normalize("NFD", "nghiêngnghiêngnghiêng")
    pieces = wrap(word, 4)
    assert "".join(pieces) == word and all(cell_len(piece) <= 4 for piece in pieces)
    assert not any(unicodedata.combining(piece[0]) for piece in pieces)
    assert [cell_len(piece) for piece in pieces] == [4, 4, 4, 4, 4, 1]


def test_prose_lines_wrap_by_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    title = "Đến hạn trong năm 2026 (01/01/2026 – 31/12/2026)"
    for text in (title, unicodedata.normalize("NFD", title)):
        out = io.StringIO()
        Screen(out).line(text)
        assert [unicodedata.normalize("NFC", line) for line in out.getvalue().splitlines()] == [
            "Đến hạn trong năm 2026 (01/01/2026 –",
            "31/12/2026)",
        ]
    out = io.StringIO()
    Screen(out).line(unicodedata.normalize("NFD", title[:40]))  # 40 cells, more characters: one line
    assert len(out.getvalue().splitlines()) == 1


def test_a_heading_longer_than_its_column_wraps_instead_of_widening_the_table() -> None:
    headers = ["Ngày", "Văn bản chứng minh / lý do miễn"]
    rows = [[Cell("01/10/2022"), Cell("Báo cáo số 7-BC/HU")]]
    lines = render(headers, rows, [N, T], 30)
    assert max(cell_len(line) for line in lines) <= 30
    assert lines[0].startswith("Ngày") and "Văn bản" in lines[0]
    assert lines[1].strip() and not lines[1].startswith("─")  # the heading's second line, then the rule


def test_the_flags_of_a_column_are_its_role() -> None:
    assert Column("due", "Hạn", no_wrap=True).giving_way is Role.narrow
    assert Column("unit", "Đơn vị", fit=True).giving_way is Role.id
    assert Column("title", "Nhiệm vụ").giving_way is Role.text
    assert Column("kind", "Loại", fit=True, role=Role.text).giving_way is Role.text
