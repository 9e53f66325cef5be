"""Plain-text tables (kehoach.present.tables): within the width given, wrapped between words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.present.tables import GAP, Cell, render

HEADERS = ["Số hiệu", "Nhiệm vụ", "Hạn"]
RIGID = [True, False, True]  # the ref and the date never wrap; the task's text takes what is left
WORDS = st.lists(st.text(alphabet="abcdeghiklmnoqrstuvxyàáâăđêôơưạảấầậắếềệỉịọốồộớờợụủứừữựỳ", min_size=1, max_size=12))


@settings(max_examples=150, deadline=None)
@given(
    ref=st.text(alphabet="IVX.0123456789", min_size=1, max_size=10),
    words=WORDS.filter(bool),
    width=st.integers(40, 120),
)
def test_a_row_fits_the_width_and_wraps_only_between_words(ref: str, words: list[str], width: int) -> None:
    header, rule, *lines = render(HEADERS, [[Cell(ref), Cell(" ".join(words)), Cell("31/12/2022")]], RIGID, width)
    assert all(len(line) <= width for line in [header, rule, *lines])
    assert set(rule) == {"─"} and len(header) <= len(rule)  # a rule under the whole header
    start, end = header.index("Nhiệm vụ"), header.index("Hạn") - GAP
    assert " ".join(line[start:end] for line in lines).split() == words  # every word whole, in order
    assert lines[0].startswith(ref + " ") and lines[0].endswith("31/12/2022")
    assert all(not line[:start].strip() for line in lines[1:])  # the ref stays on its row's first line


def test_a_heading_longer_than_its_column_wraps_instead_of_widening_the_table() -> None:
    headers = ["Ngày", "Văn bản chứng minh / lý do miễn"]
    rows = [[Cell("01/10/2022"), Cell("Báo cáo số 7-BC/HU")]]
    lines = render(headers, rows, [True, False], 30)
    assert max(len(line) for line in lines) <= 30
    assert lines[0].startswith("Ngày") and "Văn bản" in lines[0]
    assert lines[1].strip() and not lines[1].startswith("─")  # the heading's second line, then the rule
