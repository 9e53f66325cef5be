"""``kehoach validate`` through the real CLI."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import SHIPPED_DATA, Cli, edit


def test_shipped_data_is_valid(cli: Cli) -> None:
    result = cli("validate", "--data", str(SHIPPED_DATA))
    assert result.exit_code == 0
    assert result.stdout == "Hợp lệ: 34 tệp, 83 nhiệm vụ, 33 đơn vị, 4 nhóm.\n"


def test_each_problem_is_a_line_then_a_summary(
    cli: Cli, minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In a repository the data folder is found from any subfolder, and paths print relative.
    (tmp_path / "repo" / "docs").mkdir(parents=True)
    data = minimal.rename(tmp_path / "repo" / "data")
    edit(data / "plan.yaml", "{kind: ongoing}", "{kind: ongoing, ad_hoc: yes}")
    edit(data / "units/ban-a.yaml", "name: Ban A Tỉnh ủy", "name: Ban A\nname: Ban B")
    monkeypatch.chdir(tmp_path / "repo")
    result = cli("validate")
    assert result.exit_code == 1
    assert result.stdout == (
        "data/plan.yaml:36:39: tasks[2].schedule.ad_hoc: cần true hoặc false, không phải 'yes'\n"
        "data/units/ban-a.yaml:4:1: name: khóa 'name' bị lặp (đã có ở dòng 3); hãy giữ một lần\n"
        "Có 2 lỗi trong 2/3 tệp.\n"
    )


def test_no_data_folder_says_how_to_point_at_one(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("validate")
    assert result.exit_code == 3
    assert "--data" in result.stderr and "KEHOACH_DATA" in result.stderr


def test_data_folder_from_the_environment(
    cli: Cli, minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("validate", env={"KEHOACH_DATA": str(minimal)}).stdout.startswith("Hợp lệ: 3 tệp")


def test_other_commands_refuse_invalid_data_on_stderr(cli: Cli, minimal: Path) -> None:
    edit(minimal / "plan.yaml", "title: Quán triệt Kết luận", "title: [")
    result = cli("tasks", "--data", str(minimal))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{minimal / 'plan.yaml'}:25:11: ")
    assert "kehoach validate" in result.stderr.splitlines()[-1]


@pytest.mark.parametrize("command", [("validate",), ("tasks",), ("due", "--year")])
def test_an_unreadable_data_file_is_a_problem_not_a_crash(cli: Cli, minimal: Path, command: tuple[str, ...]) -> None:
    (minimal / "units" / "broken.yaml").mkdir()  # unreadable even for root: a folder named like a file
    result = cli(*command, "--data", str(minimal))
    assert result.exit_code == 1
    assert (
        f"{minimal / 'units' / 'broken.yaml'}:1:1: không đọc được tệp: "
        "đây là một thư mục, không phải tệp; hãy chỉ đường dẫn của một tệp" in result.stdout + result.stderr
    )


def test_nothing_may_be_dated_after_the_day_validate_runs_for(cli: Cli, tracked: Path) -> None:
    """--as-of, else KEHOACH_TODAY, else today; ban-a's latest record is dated 20/12/2022."""
    args = ("validate", "--data", str(tracked))
    assert cli(*args, "--as-of", "2022-12-20").exit_code == 0
    early = cli(*args, "--as-of", "19/12/2022")
    assert (early.exit_code, early.stdout) == (
        1,
        f"{tracked / 'units/ban-a.yaml'}:12:14: records[1].done_on: "
        "ngày 20/12/2022 là ngày trong tương lai (hôm nay là 19/12/2022)\n"
        "Có 1 lỗi trong 1/3 tệp.\n",
    )
    assert cli(*args, env={"KEHOACH_TODAY": "2022-12-19"}).stdout == early.stdout
    assert cli(*args, "--as-of", "2022-12-20", env={"KEHOACH_TODAY": "2022-12-19"}).exit_code == 0
    tomorrow = date.today() + timedelta(days=1)
    edit(tracked / "units/ban-a.yaml", "done_on: 2022-12-20", f"done_on: {tomorrow.isoformat()}")
    assert "là ngày trong tương lai" in cli(*args).stdout
    assert cli(*args, env={"KEHOACH_TODAY": "2022-13-01"}).stderr.startswith("lỗi: KEHOACH_TODAY: '2022-13-01'")


class TestForgeFormats:
    """A forge places each annotation by the file's path from the repository's root, whatever
    folder its job runs kehoach in."""

    @pytest.fixture
    def repository(self, minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        repo = tmp_path / "repo"
        (repo / ".git").mkdir(parents=True)
        data = minimal.rename(repo / "data")
        edit(data / "units/ban-a.yaml", "kind: party_board", "kind: board")
        (repo / "docs").mkdir()
        monkeypatch.chdir(repo / "docs")
        return repo

    def test_github_workflow_commands_name_the_file_from_the_repository(self, cli: Cli, repository: Path) -> None:
        result = cli("validate", "--format", "github", env={"GITHUB_WORKSPACE": str(repository)})
        assert result.exit_code == 1
        assert result.stdout.startswith("::error file=data/units/ban-a.yaml,line=4,col=7,title=kehoach validate (")
        assert result.stdout.count("\n") == 1

    def test_without_the_runner_s_variable_the_nearest_git_folder_is_the_root(self, cli: Cli, repository: Path) -> None:
        result = cli("validate", "--format", "github", env={"GITHUB_WORKSPACE": ""})
        assert result.stdout.startswith("::error file=data/units/ban-a.yaml,line=4,col=7,")

    def test_gitlab_code_quality_report(self, cli: Cli, repository: Path) -> None:
        result = cli("validate", "--format", "gitlab", env={"CI_PROJECT_DIR": str(repository)})
        assert result.exit_code == 1
        [issue] = json.loads(result.stdout)
        assert issue["location"] == {"path": "data/units/ban-a.yaml", "lines": {"begin": 4}}
        assert issue["severity"] == "major" and issue["check_name"].startswith("kehoach-")
        assert issue["description"].startswith("kind: ")
        unit = repository / "data/units/ban-a.yaml"
        unit.write_text("# a line above moves the problem down\n" + unit.read_text(encoding="utf-8"), encoding="utf-8")
        [moved] = json.loads(cli("validate", "--format", "gitlab", env={"CI_PROJECT_DIR": str(repository)}).stdout)
        assert moved["location"]["lines"]["begin"] == 5
        assert moved["fingerprint"] == issue["fingerprint"]  # the same problem: GitLab does not count it new

    def test_a_valid_folder_is_an_empty_report(self, cli: Cli, repository: Path) -> None:
        edit(repository / "data/units/ban-a.yaml", "kind: board", "kind: party_board")
        result = cli("validate", "--format", "gitlab")
        assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_a_group_with_no_members_is_valid_and_validate_says_whose_tasks_no_unit_owes(cli: Cli, minimal: Path) -> None:
    """A draft's group waits for its members (kehoach import): valid, but said, since until then
    nobody owes its tasks."""
    edit(minimal / "plan.yaml", "members: [ban-a, huyen-b]", "members: []")
    result = cli("validate", "--data", str(minimal))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        "Lưu ý: nhóm 'ca-hai' chưa có đơn vị nào: chưa đơn vị nào phải làm 2 nhiệm vụ của nhóm (II.1, II.2); "
        "ghi mã các đơn vị vào 'members'."
    ]
    checked = json.loads(cli("validate", "--data", str(minimal), "--format", "json").stdout)
    assert checked["valid"] is True and checked["unlisted_groups"] == [{"group": "ca-hai", "tasks": ["II.1", "II.2"]}]
    # Said on every run: the verdict of a folder checked clean before answers from its plan.
    assert cli("validate", "--data", str(minimal)).stdout == result.stdout
