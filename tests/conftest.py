"""Shared fixtures: scenario folders copied into tmp_path, and the real CLI driven in-process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

# The language is chosen as kehoach is imported (kehoach.i18n): the tests that compare output
# expect Vietnamese whatever the machine's locale; tests/test_i18n.py runs English in processes.
os.environ["KEHOACH_LANG"] = "vi"

from kehoach import i18n
from kehoach.cli.app import app

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SCENARIOS = TESTS / "scenarios"
SHIPPED_DATA = REPO / "data"
TODAY = "2026-12-01"
"""The day the ``cli`` fixture's commands run on, unless a test says otherwise (``--as-of``, ``env``)."""


@pytest.fixture
def english() -> Iterator[None]:
    """Speak English for one test, in-process: for what is worded when it is called (dates, period
    names, counts), not what was translated as kehoach was imported (help texts, headings)."""
    i18n.use("en")
    yield
    i18n.use("vi")


@pytest.fixture
def scenario(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a scenario folder into tmp_path (tests that write never touch the originals)."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(SCENARIOS / name, target)
        return target

    return copy


@pytest.fixture
def minimal(scenario: Callable[[str], Path]) -> Path:
    return scenario("minimal")


@pytest.fixture
def tracked(scenario: Callable[[str], Path]) -> Path:
    """The minimal plan with a record of every outcome (done, done late, waived)."""
    return scenario("tracked")


@pytest.fixture
def unproven(tracked: Path) -> Path:
    """The tracked scenario with one completion recorded without its document: huyen-b's II.1
    for 2022-Q1, done late (05/04/2022, 5 days)."""
    edit(tracked / "units/huyen-b.yaml", "    evidence: Báo cáo số 7-BC/HU\n", "")
    return tracked


def decomposed_copy(source: Path, target: Path) -> Path:
    """The data folder with every YAML file's text in NFD, as an editor on some systems saves it."""
    shutil.copytree(source, target)
    for path in target.rglob("*.yaml"):
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a file's text; fail loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


Cli = Callable[..., Result]
"""What the ``cli`` fixture is: ``cli("due", "--year", "--data", str(folder), env={...}) -> Result``."""


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Cli:
    """Run ``kehoach ARGS`` in-process with a clean environment, a fixed terminal width, a
    cache of the test's own (so no test sees another's entries), and a fixed today (:data:`TODAY`:
    what a command says of the day it runs, a report's "made on", is the same on every run)."""
    monkeypatch.setenv("KEHOACH_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("KEHOACH_DATA", raising=False)
    monkeypatch.setenv("KEHOACH_TODAY", TODAY)
    monkeypatch.setenv("COLUMNS", "80")
    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        result = runner.invoke(app, list(args), env=env, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


def csv_rows(text: str) -> list[dict[str, str]]:
    """The rows of kehoach's CSV, read as a spreadsheet or ``encoding="utf-8-sig"`` reads it (the BOM
    that tells Excel the text is UTF-8 is not part of the first heading)."""
    import csv
    import io

    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


# --- the cache folder, as a test sees what a command did ------------------------------------------

FOLDER_MARK, UNIT_MARKS = "checked-", "unit-marks-"
"""How the cache's "checked, no problems" entries are named (kehoach.files.load): a whole data
folder's, and the one holding every unit file's (each in the context of the plan and the other
units), written when a check marks a unit."""

Stamps = dict[str, tuple[int, int]]


def cache_entries(folder: Path) -> Stamps:
    """The cache folder's entries by name, each with what changes when it is written again (a new
    file renamed over it: another inode, a later time)."""
    if not folder.is_dir():
        return {}
    stats = {path.name: path.stat() for path in folder.iterdir() if not path.name.startswith(".")}
    return {name: (stat.st_ino, stat.st_mtime_ns) for name, stat in stats.items()}


def written_since(folder: Path, before: Stamps) -> list[str]:
    """The names of the cache entries created or written again since ``before`` was taken."""
    return sorted(name for name, stamp in cache_entries(folder).items() if before.get(name) != stamp)


def calls_of(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[tuple[object, ...]]:
    """Count the calls of a module's public function (the arguments of each), without changing it."""
    original = getattr(module, name)
    calls: list[tuple[object, ...]] = []

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def units_checked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many unit files each cross-file check of a run looked at (one checked clean before, in
    the same context, is not looked at again); filled in as commands run in-process."""
    from kehoach.files import load

    counts: list[int] = []
    original = load.check

    def counting(dataset: Any, checked_units: frozenset[str] = frozenset(), today: Any = None) -> Any:
        counts.append(len([unit for unit in dataset.units if unit not in checked_units]))
        return original(dataset, checked_units, today)

    monkeypatch.setattr(load, "check", counting)
    return counts


# --- a real terminal ---------------------------------------------------------------------------


def on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, bytes, bytes]:
    """Run ``kehoach ARGS`` in a process whose standard output is a pseudo-terminal: its exit code,
    what the terminal received and its standard error (a pipe)."""
    import pty
    import subprocess
    import sys

    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "kehoach", *args], stdout=terminal, stderr=subprocess.PIPE, env=env
    )
    os.close(terminal)
    shown = []
    while True:  # read as it comes, so a long answer cannot fill the terminal and stall the process
        try:
            chunk = os.read(main, 65536)
        except OSError:  # Linux says EIO once the other end is closed
            break
        if not chunk:
            break
        shown.append(chunk)
    os.close(main)
    assert process.stderr is not None
    errors = process.stderr.read()
    return process.wait(), b"".join(shown), errors


# --- other users and mounts, for the hostile cases that need them -----------------------------


def unprivileged() -> list[str] | None:
    """How to run a command as a user whom permissions stop: as is, or as nobody when the tests run
    as root (root reads and writes through any mode). None when neither is possible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import kehoach.cli"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else None


def in_a_mount_namespace(script: str, *args: str) -> list[str]:
    """A command running the shell ``script`` (with ``args`` as ``$1``…) in a user and mount
    namespace of its own: mounts made there (a bind mount, a full tmpfs) need no root and vanish
    with the process. Skips the test where user namespaces are not allowed."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-r", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("no unshare, or user namespaces are not allowed here")
    return [unshare, "-r", "-m", "sh", "-c", script, "sh", *args]


@pytest.fixture(scope="session")
def synthetic_province(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The benchmark's synthetic province at a tenth of its size (33 units, the real plan, five
    years of records), generated once for the session, and the day it is seen on."""
    import json

    folder = tmp_path_factory.mktemp("province")
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench.py"), "--scale", "0.1", "--generate-only", str(folder / "data")],
        check=True,
        capture_output=True,
    )
    return folder / "data", json.loads((folder / "generated.json").read_text())[0]


SEED_DIR = REPO.parent / "shared" / "seed"
ANNOTATION = re.compile(r"\(\*(.*?)\*\)", re.S)
"""The source document, beside the repository (CI copies ``shared/`` there; see tests/test_seed.py)."""


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed document's text: without it the test is skipped, except in CI, where it fails (a
    check of the document that quietly does not run is no check; tests/test_seed.py does the same)."""
    found = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not found:
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"seed document not found in {SEED_DIR}: copy shared/seed/ beside the repository")
        pytest.skip(f"seed document not found in {SEED_DIR} (in CI, with CI=true, this fails)")
    return found[0].read_text(encoding="utf-8")


def word_document(text: str, target: Path, *, italic_parentheses: bool = False) -> Path:
    """``text`` as Word writes a plan: a paragraph per block, each annotation in italics inside
    parentheses (or, with ``italic_parentheses``, the parentheses in italics too)."""
    from docx import Document  # slow to import: only for the tests that build one

    document = Document()
    for block in re.split(r"\n\s*\n", text):
        if not block.strip():
            continue
        paragraph = document.add_paragraph()
        position = 0
        for match in ANNOTATION.finditer(block):
            paragraph.add_run(block[position : match.start()])
            if italic_parentheses:
                paragraph.add_run(f"({match[1]})").italic = True
            else:
                paragraph.add_run("(")
                for word in re.split(r"(?<= )", match[1]):  # one italic span over several runs
                    paragraph.add_run(word).italic = True
                paragraph.add_run(")")
            position = match.end()
        paragraph.add_run(block[position:])
    document.save(str(target))
    return target
