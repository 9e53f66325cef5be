"""Tables on a real terminal: kehoach run inside tmux, its screen read back as a person sees it.

On a terminal kehoach takes the width from the terminal itself (no ``COLUMNS``) and colours the
status; the screen must then hold exactly what the same listing prints, uncoloured, to a pipe at
that width, with no line wrapped by the terminal. tmux comes from Debian (``.ci/run`` installs it
and sets KEHOACH_TMUX_TESTS=required, so in CI this test cannot be skipped); without it, it is
skipped locally.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from rich.cells import cell_len, split_graphemes
from test_widths import decomposed_copy

from conftest import SHIPPED_DATA

TMUX = shutil.which("tmux")
WIDTH, HEIGHT = 72, 50
DONE = "KEHOACH-TEST-DONE"

if TMUX is None:
    if os.environ.get("KEHOACH_TMUX_TESTS") == "required":
        pytest.fail("tmux is required (KEHOACH_TMUX_TESTS=required) but not installed", pytrace=False)
    pytest.skip("tmux is not installed (apt install tmux); .ci/run installs it", allow_module_level=True)


def environment(cache: Path) -> dict[str, str]:
    """The test's environment without what would stand for the terminal's size or change the
    language: a terminal of its own tells kehoach its width."""
    dropped = ("COLUMNS", "LINES", "KEHOACH_LANG", "LC_ALL", "LC_MESSAGES", "KEHOACH_DATA", "KEHOACH_TODAY", "TMUX")
    kept = {key: value for key, value in os.environ.items() if key not in dropped}
    return {**kept, "LANG": "C.UTF-8", "KEHOACH_LANG": "vi", "KEHOACH_CACHE": str(cache), "TERM": "xterm-256color"}


def on_screen(args: list[str], tmp_path: Path) -> tuple[str, str]:
    """``kehoach ARGS`` in a detached tmux session of WIDTH × HEIGHT: the screen (and its
    scrollback) as text, its wrapped lines joined, and the same with its colours."""
    assert TMUX is not None
    tmux = [TMUX, "-u", "-f", "/dev/null", "-S", str(tmp_path / "tmux.sock")]  # a server of its own, no config
    command = " ".join([sys.executable, "-m", "kehoach", *args])
    env = environment(tmp_path / "cache")
    subprocess.run([*tmux, "new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT),
                    f"{command}; echo {DONE}; sleep 600"], env=env, check=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            capture = [*tmux, "capture-pane", "-p", "-J", "-S", "-"]
            screen = subprocess.run(capture, env=env, capture_output=True, text=True, check=True).stdout
            if DONE in screen or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        coloured = subprocess.run([*capture, "-e"], env=env, capture_output=True, text=True, check=True).stdout
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, check=False, capture_output=True)
    assert DONE in screen, f"kehoach did not finish in a minute:\n{screen}"
    return screen.split(DONE)[0].rstrip("\n"), coloured


def piped(args: list[str], tmp_path: Path) -> str:
    env = {**environment(tmp_path / "cache"), "COLUMNS": str(WIDTH)}
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *args], env=env, capture_output=True, text=True, check=True
    ).stdout.rstrip("\n")


def drawn(line: str, start: int, end: int) -> str:
    """What the terminal draws of ``line`` from cell ``start`` to cell ``end``."""
    position, kept = 0, []
    for begin, stop, size in split_graphemes(line)[0]:
        if start <= position < end:
            kept.append(line[begin:stop])
        position += size
    return "".join(kept)


def column_text(lines: list[str], heading: str, first: str) -> str:
    """The words of one column (under ``heading``) of the row that starts with ``first``, across
    its wrapped lines, cut where the terminal draws them."""
    header = next(index for index, line in enumerate(lines) if heading in line)
    rule = next(index for index in range(header, len(lines)) if lines[index].startswith("───"))
    before, _heading, after = lines[header].partition(heading)
    start = cell_len(before)
    end = start + cell_len(heading) + cell_len(after) - cell_len(after.lstrip())  # where the next heading starts
    row = next(index for index in range(rule, len(lines)) if lines[index].startswith(first + " "))
    words = [drawn(lines[row], start, end)]
    for line in lines[row + 1 :]:
        if drawn(line, 0, start).strip() or not line.strip():
            break  # the next row, or the end of the table
        words.append(drawn(line, start, end))
    return " ".join(" ".join(words).split())


@pytest.fixture(scope="module")
def decomposed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data with its text decomposed (NFD), which the terminal draws in fewer cells
    than it has characters."""
    return decomposed_copy(SHIPPED_DATA, tmp_path_factory.mktemp("nfd") / "data")


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    ("args", "ref", "title"),
    [
        (["tasks", "--unit", "ban-tuyen-giao-tinh-uy"], "II.2b",
         "Kiểm tra, giám sát việc quán triệt, thực hiện Kết luận"),
        (["due", "--quarter", "--as-of", "2022-03-15", "--unit", "ban-tuyen-giao-tinh-uy"], "II.1",
         "Mở đợt sinh hoạt chính trị quán triệt Kết luận"),
    ],
)  # fmt: skip
def test_a_table_on_a_terminal_fits_it_and_reads_as_on_a_pipe(
    args: list[str], ref: str, title: str, form: str, decomposed: Path, tmp_path: Path
) -> None:
    question = [*args, "--data", str(SHIPPED_DATA if form == "NFC" else decomposed)]
    screen, coloured = on_screen(question, tmp_path)
    lines = screen.splitlines()
    assert max(cell_len(line) for line in lines) <= WIDTH  # no line wrapped by the terminal
    assert any(set(line) == {"─"} and len(line) <= WIDTH for line in lines)  # the rule under the header
    assert unicodedata.normalize("NFC", column_text(lines, "Nhiệm vụ", ref)) == title  # whole, across its lines
    assert screen == piped(question, tmp_path)  # the terminal's width was read, not COLUMNS
    if args[0] == "due":
        assert "\x1b[" in coloured  # the status in colour, and the colour changes no width
