"""``kehoach merge-file`` as git runs it: real repositories, real ``git merge`` and ``git rebase``
with the driver configured as ``kehoach init`` says, and the merge itself on texts."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SCENARIOS
from kehoach.files.merge import git_three_way, merge

AS_OF = "2030-12-31"
UNIT = Path("units/ban-a.yaml")


class Repo:
    """A plan repository made by ``kehoach init --from`` the minimal plan, the driver configured."""

    def __init__(self, folder: Path, driver: bool = True) -> None:
        self.folder = folder
        self.kehoach("init", str(folder), "--from", str(SCENARIOS / "minimal"), cwd=folder.parent)
        self.git("init", "-q", "-b", "main")
        if driver:  # the line init prints, with this checkout's kehoach
            self.git("config", "merge.kehoach.driver", f"{sys.executable} -m kehoach merge-file %O %A %B %P")
        self.commit("the plan")

    def kehoach(self, *args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "kehoach", *args]
        env = {"KEHOACH_CACHE": "off", "KEHOACH_TODAY": AS_OF, "PATH": "/usr/bin:/bin", "HOME": str(self.folder)}
        done = subprocess.run(command, cwd=cwd or self.folder, capture_output=True, text=True, env=env)
        if check:
            assert done.returncode == 0, done.stdout + done.stderr
        return done

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        identity = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
        done = subprocess.run(["git", *identity, *args], cwd=self.folder, capture_output=True, text=True)
        if check:
            assert done.returncode == 0, done.stdout + done.stderr
        return done

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-qm", message)

    def done(self, task: str, period: str, on: str, evidence: str = "BC 1", unit: str = "ban-a") -> None:
        self.kehoach("done", task, "--unit", unit, "--period", period, "--on", on, "-e", evidence)

    def text(self, path: Path = UNIT) -> str:
        return (self.folder / path).read_text(encoding="utf-8")

    def branch(self, name: str, work: Callable[[], None], start: str = "main") -> None:
        self.git("checkout", "-q", "-b", name, start)
        work()
        self.commit(name)
        self.git("checkout", "-q", "main")

    def records(self) -> list[tuple[str, str, str]]:
        import yaml

        data = yaml.safe_load(self.text())
        return [(record["task"], str(record["period"]), str(record["done_on"])) for record in data["records"]]


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    made = Repo(tmp_path / "plan")
    made.done("II.1", "2022-Q1", "2022-03-01")  # a record already there: the list is a block list
    made.commit("a first record")
    return made


def test_two_branches_adding_records_to_one_file_merge_in_date_order(repo: Repo) -> None:
    before = repo.text()
    repo.branch("a", lambda: repo.done("II.2", "2023", "2023-06-01", "BC A"))
    repo.branch("b", lambda: repo.done("III.1.2", "2022", "2022-12-01", "BC B"))
    repo.git("merge", "-q", "a")
    merged = repo.git("merge", "-q", "--no-edit", "b")
    assert merged.returncode == 0
    text = repo.text()
    assert text.startswith(before)  # the rest of the file, byte for byte
    assert repo.records() == [
        ("II.1", "2022-Q1", "2022-03-01"),
        ("III.1.2", "2022", "2022-12-01"),
        ("II.2", "2023", "2023-06-01"),
    ]
    assert "<<<<<<<" not in text
    assert repo.kehoach("validate").returncode == 0


def test_ten_branches_merged_one_after_another(repo: Repo) -> None:
    for number, year in enumerate(range(2022, 2031)):
        repo.branch(f"b{number}", lambda year=year: repo.done("II.2", str(year), f"{year}-12-{10 + year % 20}"))
    repo.branch("b9", lambda: repo.done("III.1.2", "2023", "2023-05-01"))
    for number in range(10):
        assert repo.git("merge", "-q", "--no-edit", f"b{number}").returncode == 0
    found = repo.records()
    expected = {("II.1", "2022-Q1"), ("III.1.2", "2023"), *(("II.2", str(year)) for year in range(2022, 2031))}
    assert {(task, period) for task, period, _day in found} == expected and len(found) == 11
    days = [day for _task, _period, day in found[1:]]
    assert days == sorted(days)  # both sides' additions since their common ancestor, in date order
    assert repo.kehoach("validate").returncode == 0


def test_a_branch_that_also_edits_a_comment(repo: Repo) -> None:
    unit = repo.folder / UNIT
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("name:", "# Ban A của Tỉnh ủy\nname:", 1), encoding="utf-8"
    )
    repo.commit("a comment")

    def edit_and_record() -> None:
        unit.write_text(unit.read_text(encoding="utf-8").replace("# Ban A của", "# Ban A (đổi tên 2024) của"), "utf-8")
        repo.done("II.2", "2024", "2024-04-01")

    repo.branch("a", edit_and_record)
    repo.branch("b", lambda: repo.done("II.2", "2022", "2022-11-01"))
    repo.git("merge", "-q", "b")
    assert repo.git("merge", "-q", "--no-edit", "a").returncode == 0
    assert "# Ban A (đổi tên 2024) của Tỉnh ủy\n" in repo.text()
    assert [period for _task, period, _day in repo.records()] == ["2022-Q1", "2022", "2024"]


def test_the_same_record_on_both_sides_is_kept_once(repo: Repo) -> None:
    repo.branch("a", lambda: repo.done("II.2", "2023", "2023-06-01"))
    repo.branch("b", lambda: repo.done("II.2", "2023", "2023-06-01"))
    repo.git("merge", "-q", "a")
    assert repo.git("merge", "-q", "--no-edit", "b").returncode == 0
    assert [period for _task, period, _day in repo.records()] == ["2022-Q1", "2023"]


def test_one_occurrence_recorded_differently_is_a_real_conflict(repo: Repo) -> None:
    repo.branch("a", lambda: repo.done("II.2", "2023", "2023-06-01", "BC A"))
    repo.branch("b", lambda: repo.done("II.2", "2023", "2023-07-01", "BC B"))
    repo.git("merge", "-q", "a")
    merged = repo.git("merge", "--no-edit", "b", check=False)
    assert merged.returncode == 1
    assert "kehoach merge-file: units/ban-a.yaml" in merged.stdout + merged.stderr
    text = repo.text()
    assert "<<<<<<<" in text and "BC A" in text and "BC B" in text
    refused = repo.kehoach("validate", check=False)
    assert refused.returncode == 1 and "units/ban-a.yaml:" in refused.stdout


def test_both_sides_changing_one_field_is_a_real_conflict(repo: Repo) -> None:
    unit = repo.folder / UNIT

    def renamed(name: str) -> Callable[[], None]:
        def work() -> None:
            unit.write_text(unit.read_text(encoding="utf-8").replace("name: Ban A Tỉnh ủy", f"name: {name}"), "utf-8")
            repo.done("II.2", "2023", "2023-06-01")  # the same record on both sides: that alone would merge

        return work

    repo.branch("a", renamed("Ban A của Tỉnh ủy"))
    repo.branch("b", renamed("Ban A (mới)"))
    repo.git("merge", "-q", "a")
    merged = repo.git("merge", "--no-edit", "b", check=False)
    assert merged.returncode == 1
    text = repo.text()
    assert "<<<<<<<" in text and "name: Ban A của Tỉnh ủy" in text and "name: Ban A (mới)" in text
    assert repo.kehoach("validate", check=False).returncode == 1


def test_rebase_with_the_driver(repo: Repo) -> None:
    repo.branch("a", lambda: repo.done("II.2", "2023", "2023-06-01"))
    repo.branch("b", lambda: repo.done("II.2", "2024", "2024-06-01"))
    repo.git("merge", "-q", "a")
    repo.git("checkout", "-q", "b")
    assert repo.git("rebase", "-q", "main").returncode == 0
    assert [period for _task, period, _day in repo.records()] == ["2022-Q1", "2023", "2024"]
    assert repo.git("log", "--format=%s", "-3").stdout == "b\na\na first record\n"


def test_without_the_driver_a_bad_manual_merge_is_named_by_validate(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "plan", driver=False)
    repo.done("II.1", "2022-Q1", "2022-03-01")
    repo.commit("a first record")
    repo.branch("a", lambda: repo.done("II.2", "2023", "2023-06-01", "BC A"))
    repo.branch("b", lambda: repo.done("II.2", "2023", "2023-07-01", "BC B"))
    repo.git("merge", "-q", "a")
    assert repo.git("merge", "--no-edit", "b", check=False).returncode == 1  # git's own line merge
    unit = repo.folder / UNIT
    kept_both = [line for line in unit.read_text(encoding="utf-8").splitlines(True) if line[:7] not in MARKERS]
    unit.write_text("".join(kept_both), encoding="utf-8")  # "keep both sides", as a hurried merge does
    refused = repo.kehoach("validate", check=False)
    assert refused.returncode == 1  # git shared the record's first lines: its two days are its own keys twice
    assert "units/ban-a.yaml:15:5: records[1].done_on: khóa 'done_on' bị lặp (đã có ở dòng 13)" in refused.stdout


def test_without_the_driver_records_kept_twice_are_named_by_validate(tmp_path: Path) -> None:
    """Both sides' records kept whole, one after the other, as an editor's "accept both" can leave them."""
    repo = Repo(tmp_path / "plan", driver=False)
    repo.done("II.1", "2022-Q1", "2022-03-01")
    repo.commit("a first record")
    before = repo.text()
    repo.branch("a", lambda: repo.done("II.2", "2023", "2023-06-01", "BC A"))
    repo.branch("b", lambda: repo.done("II.2", "2023", "2023-07-01", "BC B"))
    ours, theirs = (repo.git("show", f"{branch}:{UNIT}").stdout for branch in ("a", "b"))
    (repo.folder / UNIT).write_text(ours + theirs[len(before) :], encoding="utf-8")
    refused = repo.kehoach("validate", check=False)
    assert refused.returncode == 1
    assert "units/ban-a.yaml:" in refused.stdout and "records[2]" in refused.stdout


MARKERS = ("<<<<<<<", "=======", ">>>>>>>")


# --- the merge on texts ---------------------------------------------------------------------------

BASE = (
    b"schema: 1\nid: ban-a\nname: Ban A\nkind: party_board\n"
    b"records:\n  - task: II.1\n    period: 2022-Q1\n    done_on: 2022-03-01\n"
)
OURS = BASE + b"  - task: II.2\n    period: 2023\n    done_on: 2023-06-01  # late\n"
THEIRS = BASE + b"  - task: II.2\n    period: 2022\n    done_on: 2022-06-01\n"


def test_each_side_keeps_its_own_lines_comments_included() -> None:
    merged = merge(UNIT, BASE, OURS, THEIRS, git_three_way)
    assert merged == BASE + THEIRS[len(BASE) :] + OURS[len(BASE) :]


def test_an_edited_record_is_left_to_git() -> None:
    edited = BASE.replace(b"2022-03-01", b"2022-03-02") + b"  - task: II.2\n    period: 2022\n    done_on: 2022-06-01\n"
    assert merge(UNIT, BASE, edited, THEIRS, git_three_way) is None


def test_a_file_that_does_not_read_is_left_to_git() -> None:
    assert merge(UNIT, BASE, OURS + b"  - [\n", THEIRS, git_three_way) is None


def test_extensions_of_the_plan_merge_the_same_way() -> None:
    plan = b"schema: 1\ntasks: []\nextensions:\n  - {task: II.1, period: 2022-Q1, to: 2022-06-30, by: CV 1}\n"
    ours = plan + b"  - {task: II.2, period: 2023, to: 2024-03-31, by: CV 2}\n"
    theirs = plan + b"  - {task: II.2, period: 2022, to: 2023-03-31, by: CV 3}\n"
    merged = merge(Path("plan.yaml"), plan, ours, theirs, git_three_way)
    assert merged == plan + theirs[len(plan) :] + ours[len(plan) :]


def test_files_without_a_final_line_break_merge_too() -> None:
    for newline in (b"\n", b"\r\n"):
        base, ours, theirs = (text.replace(b"\n", newline).rstrip(newline) for text in (BASE, OURS, THEIRS))
        merged = merge(UNIT, base, ours, theirs, git_three_way)
        assert merged is not None
        assert merged.startswith(base + newline) and merged.count(b"- task: II.2") == 2
        assert (b"\r\n" in merged) == (newline == b"\r\n") and merged.replace(b"\r\n", b"").count(b"\r") == 0
        if newline == b"\r\n":
            assert b"\n" not in merged.replace(b"\r\n", b"")  # no bare LF in a CRLF file


def test_a_block_scalar_in_the_last_record_is_not_cut(tmp_path: Path) -> None:
    base = BASE + b"    note: |\n      first line\n      second line\nsuccessors: []\n"
    ours = base.replace(
        b"successors: []\n", b"  - task: II.2\n    period: 2023\n    done_on: 2023-06-01\nsuccessors: []\n"
    )
    theirs = base.replace(
        b"successors: []\n", b"  - task: II.2\n    period: 2022\n    done_on: 2022-06-01\nsuccessors: []\n"
    )
    merged = merge(UNIT, base, ours, theirs, git_three_way)
    assert merged is not None and merged.endswith(
        b"second line\n  - task: II.2\n    period: 2022\n    done_on: 2022-06-01\n"
        b"  - task: II.2\n    period: 2023\n    done_on: 2023-06-01\nsuccessors: []\n"
    )


def test_whatever_goes_wrong_the_driver_leaves_git_s_merge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kehoach.commands import merge_file

    def broken(*args: object) -> bytes:
        raise ValueError("a case nobody foresaw")

    monkeypatch.setattr(merge_file, "merge", broken)
    paths = [tmp_path / name for name in ("base", "ours", "theirs")]
    for path, data in zip(paths, (BASE, OURS, THEIRS), strict=True):
        path.write_bytes(data)
    errors = io.StringIO()
    assert merge_file.run(*paths, "units/ban-a.yaml", errors) == 1
    merged = paths[1].read_bytes()
    assert b"<<<<<<<" in merged and b"2023-06-01" in merged and b"2022-06-01" in merged  # both sides still there
    assert "units/ban-a.yaml" in errors.getvalue()
