"""Nothing of one language leaks into the other: the help of every command and its errors, read in
Vietnamese for English words and in English for Vietnamese letters.

The command lines are built from the Typer app itself (every command registered on it, every
option of each), so a command or an option added later is scanned without touching this file: its
help, a bare call missing what it requires, an unknown option, an option without its value, and
per option a value of the wrong kind (a word for a number, a number out of range, a choice that is
none, a file for a folder, an unknown unit, period, task or event, a day that does not exist).
Then ``validate`` on broken data: YAML syntax errors, a bad enum value, a value of the wrong type.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.pofile import read_po
from typer.main import get_command

from conftest import REPO, SCENARIOS, TESTS, edit
from kehoach.cli.app import app
from kehoach.i18n import LANGUAGES, _

# --- the detectors ---------------------------------------------------------------------------------

_COMMON_ENGLISH = """the is are was not of or and but with without for from this that these value values invalid
    missing option options argument arguments parameter usage file files folder directory path error
    errors problem problems expected found must should such no does exist exists range integer int
    str float boolean choose choice valid allowed here help message exit default required try
    got unexpected extra requires take takes did you mean input completion installed terminal restart
    will effect once mapping mappings indicator character cannot token while scanning parsing block
    key keys could command commands between one none given"""
ENGLISH_WORDS = frozenset(_COMMON_ENGLISH.split())
"""Common English words, none of them a Vietnamese word written without diacritics ("in" is
Vietnamese for "print", "do" for "because", "an" for "safe", so they are not here) nor the name of
a command ("show")."""

VIETNAMESE_LETTER = re.compile(r"[đĐ]|[^\W\d_](?=[\u0300-\u036f])|[\u0300-\u036f]")

_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|‘[^’\n]*’|“[^”\n]*”")
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
_PATH = re.compile(r"\S*[/\\]\S*")
_ID = re.compile(r"\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b")
_CHOICES = re.compile(r"[<\[{][^<>\[\]{}\n]*\|[^<>\[\]{}\n]*[>\]}]")
_WORD = re.compile(r"[^\W\d_]+")
_WHERE = re.compile(r"^\S+:\d+:\d+: (?:[\w.\[\]]+: )?")
"""Where validate puts a problem: ``file:line:col: key.path: `` (the key path is the file's own)."""


def _outside_user_text(text: str) -> str:
    """The text with what is not the program's own words blanked: where a problem is (file and
    key path), quoted input, option names, paths, ids, and lists of choices (``<table|json|csv>``),
    which are what the user types."""
    for pattern in (_WHERE, _QUOTED, _CHOICES, _PATH, _OPTION, _ID):
        text = pattern.sub(" ", text)
    return text


def english_words(text: str) -> list[str]:
    """The common English words of a Vietnamese text, outside what the user typed."""
    return [word for word in _WORD.findall(_outside_user_text(text)) if word.casefold() in ENGLISH_WORDS]


def vietnamese_words(text: str, data: tuple[str, ...] = ()) -> list[str]:
    """The words of an English text written with Vietnamese letters, outside what the user typed
    and the names the data gives (``data``: unit names, task titles, which stay as written)."""
    for name in data:
        text = text.replace(name, " ")
    decomposed = unicodedata.normalize("NFD", _outside_user_text(text))
    words = re.findall(r"[^\s\d.,;:()\[\]<>/'\"–—-]+", decomposed)
    return [unicodedata.normalize("NFC", word) for word in words if VIETNAMESE_LETTER.search(word)]


def test_the_detectors_catch_what_leaked_before() -> None:
    assert english_words("lỗi: giá trị không hợp lệ cho '--days': 'abc' is not a valid int range.") == [
        "is",
        "not",
        "valid",
        "int",
        "range",
    ]
    assert english_words("chọn một trong: party_board, youth_union or standing_committee") == ["or"]
    assert english_words("  --data <directory>   Thư mục dữ liệu") == ["directory"]
    assert english_words("cú pháp YAML không hợp lệ (did not find expected '-' indicator)") == [
        "did",
        "not",
        "expected",
        "indicator",
    ]
    assert english_words("lỗi: giá trị 'xml' cho '--format' / '-f'; chọn một trong: 'md', 'html'") == []
    assert english_words("In JSON Schema của tệp kế hoạch; do đó an toàn") == []
    assert vietnamese_words("Due in Quý IV/2026 (01/10/2026 – 31/12/2026)") == ["Quý"]
    assert vietnamese_words("error: unknown unit 'huyện-x'; units: ban-a (Ban A Tỉnh ủy)", ("Ban A Tỉnh ủy",)) == []
    assert vietnamese_words("  --as-of NGÀY   View as of this date") == ["NGÀY"]


# --- the command lines -----------------------------------------------------------------------------

SAMPLES = {"ref": "II.1", "unit": "ban-a", "to": "2022-06-30", "by": "CV-1", "reason": "khong ap dung"}
SAMPLES |= {"name": "su-kien", "on": "2022-03-01", "which": "plan"}
SAMPLES |= {"target": str(Path(tempfile.gettempdir()) / "kehoach-one-language-init")}  # every line tried is refused
SAMPLES |= dict.fromkeys(("ancestor", "ours", "theirs"), str(Path(tempfile.gettempdir()) / "kehoach-no-such-file"))
SAMPLES |= {"document": str(Path(tempfile.gettempdir()) / "kehoach-no-such-plan.txt")}  # import: refused, so
SAMPLES |= {"output": str(Path(tempfile.gettempdir()) / "kehoach-one-language-import")}  # nothing is written
"""A good value for each required parameter (by its name), so that one thing at a time is wrong."""
UNKNOWN = {"unit": "nope", "period": "bogus", "ref": "IX.9", "name": "nope"}
"""A value that names nothing in the data, for the parameters whose values the data defines."""


def _takes_a_value(param: Any) -> bool:
    return not getattr(param, "is_flag", False) and not getattr(param, "hidden", False)


def _is_a_day(param: Any) -> bool:
    return param.metavar == _("NGÀY")


def _base(command: Any, data: Path) -> list[str]:
    """The command with every required parameter given a good value (and the data folder)."""
    args = [command.name]
    for param in command.params:
        if not param.required:
            continue
        assert param.name in SAMPLES, f"give tests/test_one_language.py a sample value for {param.name}"
        value = SAMPLES[param.name]
        args += [value] if param.param_type_name == "argument" else [param.opts[0], value]
    if any(param.name == "data" for param in command.params):
        args += ["--data", str(data)]
    return args


def _without(args: list[str], option: str) -> list[str]:
    index = args.index(option)
    return args[:index] + args[index + 2 :]


def _wrong_values(param: Any, data: Path) -> Iterator[str]:
    kind = param.type
    if getattr(kind, "name", "") in ("integer", "int", "int range"):
        yield "abc"
        for bound, step in ((getattr(kind, "min", None), -1), (getattr(kind, "max", None), 1)):
            if bound is not None:
                yield str(bound + step)
    if hasattr(kind, "choices"):
        yield "xml"
    if getattr(kind, "name", "") == "directory":
        yield str(data / "plan.yaml")
    if param.name in UNKNOWN:
        yield UNKNOWN[param.name]
    if _is_a_day(param):
        yield "31/02/2022"


def command_lines(data: Path) -> Iterator[list[str]]:
    root = get_command(app)
    yield ["--help"]
    yield ["--frobnicate"]
    yield ["nosuchcommand"]
    yield ["--lang", "fr", "tasks"]
    commands = root.commands.values()  # type: ignore[attr-defined]
    yield ["tasks", "extra", "arguments"]
    for command in commands:
        base = _base(command, data)
        yield [command.name, "--help"]
        if any(param.required for param in command.params):
            yield [command.name]
        yield [*base, "--frobnicate"]
        valued = [param for param in command.params if param.param_type_name == "option" and _takes_a_value(param)]
        if valued:
            yield [*base, valued[-1].opts[0]]  # the value left out
        for param in command.params:
            if param.param_type_name == "option" and param.required:
                yield _without(base, param.opts[0])
            for value in _wrong_values(param, data):
                if param.param_type_name == "argument":
                    given = [value] + (base[2:] if param.required else base[1:])
                    yield [command.name, *given]
                elif param.required:
                    yield [*_without(base, param.opts[0]), param.opts[0], value]
                else:
                    yield [*base, param.opts[0], value]


BROKEN = {
    "syntax-indicator": ("tasks:\n  - ref: II.1\n", "tasks:\n  - ref: II.1\n bad: x\n"),
    "syntax-colon": ("  title: Kế hoạch thử nghiệm\n", "  title: Kế hoạch: thử: nghiệm\n  x\n"),
    "syntax-flow": ("schedule: {kind: yearly, from: 2022}", "schedule: {kind: yearly, from: [2022}"),
    "syntax-quote": ("  title: Kế hoạch thử nghiệm\n", '  title: "Kế hoạch thử nghiệm\n'),
    "syntax-key": ("  issuer: Ban Chấp hành Đảng bộ tỉnh\n", "  issuer: Ban\n  - x\n"),
    "bad-enum": ("{kind: yearly, from: 2022}", "{kind: yearly, from: 2022, until: 2023, due_day: 12-31, x: 1}"),
    "bad-kind": ("schedule: {kind: yearly, from: 2022}", "schedule: {kind: yearlyy, from: 2022}"),
    "wrong-type": ("schedule: {kind: yearly, from: 2022}", "schedule: {kind: yearly, from: [2022]}"),
    "wrong-bool": ("schedule: {kind: yearly, from: 2022}", "schedule: {kind: yearly, from: 2022, ad_hoc: yes}"),
    "bad-review": ("schedule: {kind: ongoing}", "schedule: {kind: ongoing, review: weekly}"),
}
"""Broken copies of the minimal plan (the text replaced, and by what) that ``validate`` reads."""


def broken_folders(root: Path) -> Iterator[list[str]]:
    for name, (old, new) in BROKEN.items():
        folder = root / name
        shutil.copytree(SCENARIOS / "minimal", folder)
        edit(folder / "plan.yaml", old, new)
        yield ["validate", "--data", str(folder)]
    unit = root / "bad-unit"
    shutil.copytree(SCENARIOS / "minimal", unit)
    edit(unit / "units/ban-a.yaml", "kind: party_board", "kind: party_boardd")
    yield ["validate", "--data", str(unit)]


def data_names(folder: Path) -> tuple[str, ...]:
    """Every text of the data files, longest first: names and titles stay as the data wrote them."""
    texts: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            texts.add(node)

    for path in folder.rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return tuple(sorted(texts, key=len, reverse=True))


def speak(runs: list[list[str]], tmp_path: Path) -> dict[str, list[dict[str, Any]]]:
    """What each command line writes, in each language (both languages at once, one process each)."""
    environ = {key: value for key, value in os.environ.items() if not key.startswith(("KEHOACH_", "LC_"))}
    processes = {}
    for language in LANGUAGES:
        cache = {"KEHOACH_CACHE": str(tmp_path / f"cache-{language}"), "COLUMNS": "80", "LANG": "C.UTF-8"}
        processes[language] = subprocess.Popen(
            [sys.executable, str(TESTS / "language_probe.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=environ | cache,
        )
    answers = {}
    for language, process in processes.items():
        stdout, stderr = process.communicate(json.dumps({"language": language, "runs": runs}), timeout=300)
        assert process.returncode == 0, stderr
        answers[language] = json.loads(stdout)
    return answers


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    root = tmp_path_factory.mktemp("languages")
    data = root / "tracked"
    shutil.copytree(SCENARIOS / "tracked", data)
    return speak([*command_lines(data), *broken_folders(root)], root)


def _leaks(answers: list[dict[str, Any]], find: Any) -> list[str]:
    found = []
    for answer in answers:
        for stream in ("stdout", "stderr"):
            for line in answer[stream].splitlines():
                if words := find(line):
                    found.append(f"kehoach {' '.join(answer['args'])} [{stream}]: {line.strip()}  <- {words}")
    return found


def test_every_bad_command_line_is_refused(answers: dict[str, list[dict[str, Any]]]) -> None:
    """Each command line is wrong in one way (or asks for help): else the scan would read successes."""
    for answer in answers["vi"]:
        asked_for_help = "--help" in answer["args"]
        assert (answer["code"] == 0) == asked_for_help, answer
        assert "Traceback" not in answer["stderr"], answer


def test_vietnamese_help_and_errors_hold_no_english(answers: dict[str, list[dict[str, Any]]]) -> None:
    leaks = _leaks(answers["vi"], english_words)
    assert leaks == [], "\n" + "\n".join(leaks)


def test_english_help_and_errors_hold_no_vietnamese(answers: dict[str, list[dict[str, Any]]]) -> None:
    names = data_names(SCENARIOS / "tracked")
    leaks = _leaks(answers["en"], lambda line: vietnamese_words(line, names))
    assert leaks == [], "\n" + "\n".join(leaks)


PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_no_message_of_the_catalogue_holds_words_of_the_other_language() -> None:
    """Every message, whether a command line above reaches it or not: each Vietnamese id for
    English words, each English translation for Vietnamese letters (placeholders aside)."""
    with (REPO / "kehoach/locale/en/LC_MESSAGES/kehoach.po").open("rb") as stream:
        messages = [message for message in read_po(stream) if message.id]
    leaks = []
    for message in messages:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        leaks += [f"{text!r} <- {words}" for text in ids if (words := english_words(PLACEHOLDER.sub(" ", text)))]
        leaks += [
            f"{text!r} <- {words}" for text in translations if (words := vietnamese_words(PLACEHOLDER.sub(" ", text)))
        ]
    assert leaks == [], "\n" + "\n".join(leaks)
