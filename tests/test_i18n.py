"""Two languages: every message exists in Vietnamese (the ids) and English (the catalogue)."""

from __future__ import annotations

import ast
import gettext
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import REPO, Cli
from kehoach import i18n
from kehoach.cli import lang_first
from kehoach.i18n import DEFAULT, choose, day_count, day_text, days_text, ngettext

PACKAGE = REPO / "kehoach"
PO = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "kehoach.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"\{[a-z_0-9]+\}")


Message = str | tuple[str, str]
"""A message id: its text, or for :func:`kehoach.i18n.ngettext` its two texts (one, many)."""
KEYWORDS = {"_": None, "ngettext": (1, 2)}
"""The functions whose arguments are messages, as Babel's extractor is told (babel.cfg, README)."""


def code_messages() -> set[Message]:
    """Every ``_("…")`` and ``ngettext("…", "…", n)`` in the package, found by Python's own parser
    (also inside f-strings, where Babel's extractor does not look: such a message would silently
    stay Vietnamese)."""
    found: set[Message] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS:
                texts = node.args[: 2 if node.func.id == "ngettext" else 1]
                assert all(isinstance(text, ast.Constant) for text in texts), f"{path}:{node.lineno}: not a literal"
                values = tuple(text.value for text in texts if isinstance(text, ast.Constant))
                found.add(values[0] if len(values) == 1 else (values[0], values[1]))
    return found


def test_babel_extracts_every_message() -> None:
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS)
    assert {message for _file, _line, message, _comments, _context in found} == code_messages()


Translation = str | tuple[str, ...]


def catalogue() -> dict[Message, Translation]:
    with PO.open("rb") as stream:
        return {message.id: message.string for message in read_po(stream) if message.id and not message.fuzzy}


def _forms(translation: Translation) -> tuple[str, ...]:
    return (translation,) if isinstance(translation, str) else translation


def test_every_message_in_the_code_has_an_english_translation() -> None:
    english = catalogue()
    missing = sorted(str(message) for message in code_messages() if not all(_forms(english.get(message, ""))))
    assert missing == [], "translate in kehoach/locale/en/LC_MESSAGES/kehoach.po (README, 'Two languages')"


def test_translations_keep_every_placeholder() -> None:
    wrong = []
    for message, translation in catalogue().items():
        texts = _forms(message)  # English's second form translates the second text ("many")
        for index, form in enumerate(_forms(translation)):
            if set(PLACEHOLDER.findall(texts[min(index, len(texts) - 1)])) != set(PLACEHOLDER.findall(form)):
                wrong.append((message, translation))
    assert wrong == []


def test_the_catalogue_holds_no_message_the_code_no_longer_has() -> None:
    assert sorted(map(str, set(catalogue()) - code_messages())) == []


def test_the_compiled_catalogue_is_the_po_file() -> None:
    with MO.open("rb") as stream:
        compiled = gettext.GNUTranslations(stream)
    singular = {key: value for key, value in compiled._catalog.items() if isinstance(key, str) and key}
    plural: dict[str, list[str]] = {}
    for key, value in sorted((key, value) for key, value in compiled._catalog.items() if isinstance(key, tuple)):
        plural.setdefault(key[0], []).append(value)
    expected = {message if isinstance(message, str) else message[0]: t for message, t in catalogue().items()}
    assert {**singular, **{key: tuple(forms) for key, forms in plural.items()}} == expected


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        ([], {}, DEFAULT),
        (["--lang", "en", "due"], {}, "en"),
        (["--lang=en"], {"KEHOACH_LANG": "vi"}, "en"),
        (["--lang", "vi"], {"LANG": "en_US.UTF-8"}, "vi"),
        ([], {"KEHOACH_LANG": "en"}, "en"),
        ([], {"KEHOACH_LANG": "fr", "LANG": "en_GB.UTF-8"}, "en"),
        ([], {"LANG": "en_US.UTF-8"}, "en"),
        ([], {"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
        ([], {"LC_MESSAGES": "en_US", "LANG": "vi_VN.UTF-8"}, "en"),
        ([], {"LANG": "vi_VN.UTF-8"}, "vi"),
        (["done", "--", "--lang", "en"], {}, DEFAULT),
    ],
)
def test_the_language_is_the_option_then_the_variable_then_the_locale(
    argv: list[str], environ: dict[str, str], expected: str
) -> None:
    assert choose(argv, environ) == expected


def kehoach(*args: str, cache: Path, **environ: str) -> subprocess.CompletedProcess[str]:
    base = {key: value for key, value in os.environ.items() if key not in ("KEHOACH_LANG", "LC_ALL", "LC_MESSAGES")}
    env = {**base, "LANG": "C.UTF-8", "KEHOACH_CACHE": str(cache), "COLUMNS": "100", **environ}
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_the_same_view_in_both_languages_from_one_cache(tracked: Path, tmp_path: Path) -> None:
    question = ("overdue", "--as-of", "2023-03-01", "--data", str(tracked))
    vi = kehoach(*question, cache=tmp_path / "cache")
    en = kehoach("--lang", "en", *question, cache=tmp_path / "cache")
    assert "Quá hạn tính đến ngày 01/03/2023" in vi.stdout
    assert "Overdue" in en.stdout and "Quá hạn" not in en.stdout
    assert "Kiểm tra hằng năm" in en.stdout  # task texts stay as the plan wrote them
    assert kehoach(*question, cache=tmp_path / "cache", KEHOACH_LANG="en").stdout == en.stdout
    assert kehoach(*question, cache=tmp_path / "cache", LANG="en_US.UTF-8").stdout == en.stdout
    assert kehoach(*question, cache=tmp_path / "cache").stdout == vi.stdout


def test_help_and_errors_in_english(tracked: Path, tmp_path: Path) -> None:
    help_text = kehoach("--lang", "en", "done", "--help", cache=tmp_path / "cache").stdout
    assert "Thêm" not in help_text and "Ghi nhận" not in help_text
    error = kehoach("--lang", "en", "done", "IX.9", "--unit", "ban-a", "--data", str(tracked), cache=tmp_path / "c")
    assert error.returncode == 2
    assert "IX.9" in error.stderr and "không" not in error.stderr


def test_a_language_kehoach_lacks_is_refused(tmp_path: Path) -> None:
    result = kehoach("--lang", "fr", "tasks", cache=tmp_path / "cache")
    assert result.returncode == 2 and "--lang" in result.stderr
    after = kehoach("tasks", "--lang", "fr", cache=tmp_path / "cache")
    assert after.returncode == 2 and after.stderr.endswith("'--lang'; chọn một trong: 'vi', 'en'\n")
    bare = kehoach("tasks", "--lang", cache=tmp_path / "cache")
    assert bare.returncode == 2 and bare.stderr.endswith("lỗi: tùy chọn '--lang' cần một giá trị\n")


def test_lang_may_follow_the_command_or_be_joined_to_its_value(tracked: Path, tmp_path: Path) -> None:
    question = ("history", "--data", str(tracked))
    english = kehoach("--lang", "en", *question, cache=tmp_path / "first")
    assert "Outcome" in english.stdout and "Kết quả" not in english.stdout
    for number, args in enumerate([(*question, "--lang", "en"), ("--lang=en", *question), (*question, "--lang=en")]):
        result = kehoach(*args, cache=tmp_path / f"cache-{number}")  # a cache of its own: computed, not replayed
        assert (result.returncode, result.stdout, result.stderr) == (0, english.stdout, ""), args


def test_lang_after_validate_as_a_pre_commit_hook_passes_it(tracked: Path, tmp_path: Path) -> None:
    """``args: [--lang, en]`` in a .pre-commit-config.yaml: pre-commit runs the hook's entry, then
    its args (then file names, but kehoach-validate takes none: pass_filenames: false)."""
    result = kehoach("validate", "--lang", "en", "--data", str(tracked), cache=tmp_path / "cache")
    assert result.returncode == 0 and result.stdout.startswith("Valid: ")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["history", "--lang", "en"], ["--lang", "en", "history"]),
        (["done", "II.1", "--lang=en", "-u", "x"], ["--lang=en", "done", "II.1", "-u", "x"]),
        (["--lang", "en", "due"], ["--lang", "en", "due"]),
        (["done", "--", "--lang", "en"], ["done", "--", "--lang", "en"]),
        (["due", "--lang"], ["--lang"]),
    ],
)
def test_lang_is_moved_to_where_the_root_command_reads_it(args: list[str], expected: list[str]) -> None:
    assert lang_first(args) == expected


# --- Typer's own words (kehoach.cli.typer_words translates its help frame and its usage errors) -------------

TYPER_ENGLISH = ("Usage:", "Options:", "Show this message and exit.", "Error:", "No such option", "Try '")


def test_help_is_vietnamese_to_the_frame(cli: Cli) -> None:
    result = cli("due", "--help")
    assert "Cách dùng: kehoach due [TÙY_CHỌN]" in result.stdout
    assert "Tùy chọn:" in result.stdout and "Hiện trợ giúp này rồi thoát." in result.stdout
    assert "[mặc định: table]" in result.stdout
    assert not any(word in result.stdout for word in TYPER_ENGLISH)


def test_usage_errors_are_vietnamese(cli: Cli) -> None:
    unknown = cli("due", "--xyz")
    assert unknown.exit_code == 2
    assert unknown.stderr.endswith("lỗi: không có tùy chọn --xyz\n")
    assert cli("due", "--quater").stderr.endswith("lỗi: không có tùy chọn --quater; có phải ý bạn là --quarter?\n")
    assert "Xem: kehoach due --help" in unknown.stderr
    wrong = cli("due", "--format", "xml")
    assert (
        "lỗi: giá trị 'xml' không hợp lệ cho '--format' / '-f'; chọn một trong: 'table', 'json', 'csv'" in wrong.stderr
    )
    missing = cli("done", "II.1")
    assert "lỗi: thiếu tùy chọn '--unit' / '-u'" in missing.stderr
    assert not any(word in unknown.stderr + wrong.stderr + missing.stderr for word in TYPER_ENGLISH)


def test_help_and_usage_errors_in_english_are_typer_s_own_words(tmp_path: Path) -> None:
    help_text = kehoach("--lang", "en", "due", "--help", cache=tmp_path / "cache").stdout
    assert "Usage: python -m kehoach due [OPTIONS]" in help_text and "Show this message and exit." in help_text
    error = kehoach("--lang", "en", "due", "--xyz", cache=tmp_path / "cache")
    assert error.returncode == 2 and error.stderr.endswith("error: no such option: --xyz\n")


# --- what is worded when it is said: days, ranges of days, counts --------------------------------------


def test_a_day_is_dd_mm_yyyy_in_vietnamese_and_day_month_year_in_english(english: None) -> None:
    assert (day_text(date(2026, 10, 1)), day_text(date(2026, 12, 31))) == ("1 Oct 2026", "31 Dec 2026")
    i18n.use("vi")
    assert (day_text(date(2026, 10, 1)), day_text(date(2026, 12, 31))) == ("01/10/2026", "31/12/2026")


@pytest.mark.parametrize(
    ("first", "last", "vietnamese", "english_words"),
    [
        (date(2026, 10, 1), date(2026, 12, 31), "01/10/2026 – 31/12/2026", "1 Oct – 31 Dec 2026"),
        (date(2026, 12, 1), date(2026, 12, 31), "01/12/2026 – 31/12/2026", "1–31 Dec 2026"),
        (date(2026, 12, 28), date(2027, 1, 3), "28/12/2026 – 03/01/2027", "28 Dec 2026 – 3 Jan 2027"),
        (date(2026, 3, 31), date(2026, 3, 31), "31/03/2026 – 31/03/2026", "31 Mar 2026"),
    ],
)
def test_a_range_of_days_says_once_what_its_ends_share_in_english(
    first: date, last: date, vietnamese: str, english_words: str
) -> None:
    assert days_text(first, last) == vietnamese
    i18n.use("en")
    try:
        assert days_text(first, last) == english_words
    finally:
        i18n.use("vi")


def test_counts_take_the_number_english_needs(english: None) -> None:
    assert [day_count(n) for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]
    assert ngettext("{count} lỗi", "{count} lỗi", 1).format(count=1) == "1 problem"
    i18n.use("vi")
    assert [day_count(n) for n in (1, 2)] == ["1 ngày", "2 ngày"]


def test_validate_s_summary_reads_as_english_for_one_and_for_many(tracked: Path, tmp_path: Path) -> None:
    valid = kehoach("--lang", "en", "validate", "--data", str(tracked), cache=tmp_path / "cache")
    assert valid.stdout == "Valid: 3 files, 7 tasks, 2 units, 1 group.\n"
    (tracked / "units/ban-a.yaml").write_text("schema: 1\nid: ban-a\nname: [\n", encoding="utf-8")
    broken = kehoach("--lang", "en", "validate", "--data", str(tracked), cache=tmp_path / "cache")
    assert broken.stdout.endswith("\n1 problem in 1 of 3 files.\n")
    vietnamese = kehoach("validate", "--data", str(tracked), cache=tmp_path / "cache")
    assert vietnamese.stdout.endswith("\nCó 1 lỗi trong 1/3 tệp.\n")
