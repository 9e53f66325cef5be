"""``kehoach done``, ``waive``, ``undo`` and ``history`` through the real CLI, on copies of scenarios."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SHIPPED_DATA, Cli, edit
from kehoach.files.load import load_valid


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tracked: Path) -> Path:
    """The tracked scenario as a git repository, committed, so a test can read ``git diff``."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    git(tracked, "init", "-q")
    git(tracked, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(tracked, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "data")
    return tracked


def test_done_adds_only_lines_to_the_units_own_file(cli: Cli, repo: Path) -> None:
    args = ("done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "-e", "Báo cáo số 99-BC/BTC")
    result = cli(*args, "--data", str(repo))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Đã ghi: ban-a hoàn thành II.2 (Năm 2022, hạn 31/12/2022) ngày 05/01/2023.\n"
        "Không chỉ rõ --period nên đã chọn kỳ cũ nhất chưa ghi nhận: Năm 2022, không phải kỳ hiện tại (Năm 2023); "
        "bản ghi này đóng kỳ cũ đó, muộn 5 ngày.\n"
    )
    assert git(repo, "diff", "--stat").strip().startswith("units/ban-a.yaml | 4 ++++")
    added = [
        line for line in git(repo, "diff", "-U0").splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert added == [
        "+  - task: II.2",
        '+    period: "2022"',
        "+    done_on: 2023-01-05",
        "+    evidence: Báo cáo số 99-BC/BTC",
    ]


def test_the_first_record_of_a_shipped_style_file_is_only_added_lines(cli: Cli, repo: Path) -> None:
    (repo / "units/huyen-b.yaml").write_text(
        "schema: 1\nid: huyen-b\nname: Huyện ủy B\nkind: party_committee\n"
        "records:  # added by `kehoach done` and `kehoach waive`; see README.md\n",
        encoding="utf-8",
    )
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "empty")
    assert cli("done", "IV.1", "--unit", "huyen-b", "--period", "x", "--data", str(repo)).exit_code == 2
    result = cli(
        "done", "II.1", "--unit", "huyen-b", "--on", "2022-04-05", "--as-of", "2022-05-01", "--data", str(repo)
    )
    assert result.exit_code == 0, result.stderr
    diff = git(repo, "diff", "-U0").splitlines()
    assert [line for line in diff if line.startswith("-") and not line.startswith("---")] == []


def test_done_then_undo_leaves_the_file_byte_for_byte(cli: Cli, tracked: Path) -> None:
    path = tracked / "units/ban-a.yaml"
    before = path.read_bytes()
    assert cli("done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "--data", str(tracked)).exit_code == 0
    assert path.read_bytes() != before
    assert cli("undo", "II.2", "--unit", "ban-a", "--period", "2022", "--data", str(tracked)).exit_code == 0
    assert path.read_bytes() == before


def test_without_period_the_oldest_open_occurrence_is_taken_overdue_first(cli: Cli, tracked: Path) -> None:
    # On 01/06/2024 ban-a owes II.2 for 2022 and 2023 (overdue) and 2024 (open): 2022 comes first.
    for expected in ("2022", "2023", "2024"):
        result = cli("done", "II.2", "--unit", "ban-a", "--as-of", "2024-06-01", "-e", expected, "--data", str(tracked))
        assert f"II.2 (Năm {expected}, " in result.stdout


def test_repeating_the_same_command_changes_nothing_and_succeeds(cli: Cli, tracked: Path) -> None:
    args = ("done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "-e", "BC 1", "--data", str(tracked))
    assert cli(*args).exit_code == 0
    after_first = (tracked / "units/ban-a.yaml").read_bytes()
    again = cli(*args)
    assert again.exit_code == 0
    assert again.stdout == "Đã có bản ghi này từ trước; không thay đổi gì.\n"
    assert cli(*args[:-2], "--period", "2022", "--data", str(tracked)).exit_code == 0
    assert (tracked / "units/ban-a.yaml").read_bytes() == after_first


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("done", "II.9", "--unit", "ban-a"), "lỗi: không có nhiệm vụ 'II.9'"),
        (("done", "II.2", "--unit", "ban-x"), "lỗi: không có đơn vị hay nhóm 'ban-x'"),
        (("done", "III.2.1", "--unit", "ban-a"), "lỗi: đơn vị 'ban-a' không được giao nhiệm vụ III.2.1"),
        (("done", "II.2", "--unit", "ca-hai"), "lỗi: 'ca-hai' là một nhóm; hãy chọn một đơn vị: ban-a, huyen-b"),
        (("done", "II.2", "--unit", "ban-a", "--period", "2022-Q1"), "lỗi: nhiệm vụ II.2 không có kỳ '2022-Q1'"),
        (("done", "III.2.1", "--unit", "huyen-b", "--period", "su-kien"), "lỗi: nhiệm vụ III.2.1 không có kỳ"),
        (("done", "II.2", "--unit", "ban-a", "--on", "2023-06-02"), "lỗi: ngày 02/06/2023 là ngày trong tương lai"),
        (("done", "II.2", "--unit", "ban-a", "--on", "2021-01-01"), "lỗi: ngày 01/01/2021 trước khi kế hoạch"),
        (("done", "II.1", "--unit", "ban-a", "--period", "2022-Q1"), "lỗi: II.1 kỳ 2022-Q1 đã có bản ghi: hoàn thành"),
        (("done", "II.2", "--unit", "ban-a", "--evidence", " "), "lỗi: --evidence không được để trống"),
        (
            ("done", "III.1.1", "--unit", "ban-a"),
            "lỗi: nhiệm vụ III.1.1 chưa có kỳ nào để ghi nhận: văn bản không đặt hạn",
        ),
        (("done", "III.2.1", "--unit", "huyen-b"), "lỗi: nhiệm vụ III.2.1 chờ sự kiện 'Trung ương ban hành quy định'"),
        (("undo", "II.2", "--unit", "ban-a", "--period", "2022"), "lỗi: ban-a chưa có bản ghi nào cho II.2 kỳ '2022'"),
        (
            ("waive", "II.2", "--unit", "ban-a", "--period", "2030", "--reason", "x", "--on", "2024-01-01"),
            "lỗi: ngày 01/01/2024 là ngày trong tương lai (hôm nay là 01/06/2023)",
        ),
    ],
)
def test_refusals_are_clear_and_write_nothing(cli: Cli, tracked: Path, args: tuple[str, ...], message: str) -> None:
    before = {path: path.read_bytes() for path in (tracked / "units").iterdir()}
    as_of = () if args[0] == "undo" else ("--as-of", "2023-06-01")
    result = cli(*args, *as_of, "--data", str(tracked))
    assert result.exit_code == 2
    assert result.stderr.startswith(message), result.stderr
    assert {path: path.read_bytes() for path in (tracked / "units").iterdir()} == before


def test_nothing_is_written_while_any_data_file_is_invalid(cli: Cli, tracked: Path) -> None:
    edit(tracked / "units/huyen-b.yaml", "name: Huyện ủy B", "name: Huyện ủy B\n<<<<<<< HEAD")
    before = (tracked / "units/ban-a.yaml").read_bytes()
    result = cli("done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "--data", str(tracked))
    assert result.exit_code == 1
    assert "units/huyen-b.yaml:5:1: dấu xung đột git" in result.stderr
    assert (tracked / "units/ban-a.yaml").read_bytes() == before


def test_due_shows_done_late_and_waived_after_the_commands(cli: Cli, tracked: Path) -> None:
    cli("done", "II.2", "--unit", "ban-a", "--on", "2023-01-10", "--as-of", "2023-02-01", "--data", str(tracked))
    cli(
        "waive",
        "III.1.2",
        "--unit",
        "ban-a",
        "--period",
        "2023",
        "--reason",
        "Gộp",
        "--as-of",
        "2023-02-01",
        "--data",
        str(tracked),
    )
    rows = json.loads(
        cli("due", "--year", "--as-of", "2023-02-01", "--unit", "ban-a", "-f", "json", "--data", str(tracked)).stdout
    )
    assert [(row["task"], row["status"]) for row in rows] == [
        ("II.2", "open"),
        ("III.1.2", "waived"),
        ("III.1.3", "open"),
    ]
    rows = json.loads(
        cli("due", "--year", "--as-of", "2022-12-31", "--unit", "ban-a", "-f", "json", "--data", str(tracked)).stdout
    )
    assert ("II.2", "open") in [(row["task"], row["status"]) for row in rows]  # the record is dated later
    rows = json.loads(
        cli("overdue", "--as-of", "2023-02-01", "--unit", "ban-a", "-f", "json", "--data", str(tracked)).stdout
    )
    assert rows == []
    late = json.loads(
        cli("due", "--year", "--as-of", "2023-01-10", "--unit", "ban-a", "-f", "json", "--data", str(tracked)).stdout
    )
    assert late == [] or all(row["task"] != "II.2" or row["period"] != "2022" for row in late)
    rows = json.loads(cli("history", "II.2", "-f", "json", "--data", str(tracked)).stdout)
    assert [(row["unit"], row["period"], row["outcome"], row["day"]) for row in rows] == [
        ("ban-a", "2022", "done_late", "2023-01-10"),
        ("huyen-b", "2022", "waived", "2022-10-01"),
    ]


def test_undo_takes_a_waiver_back(cli: Cli, tracked: Path) -> None:
    before = load_valid(tracked).units["huyen-b"]
    result = cli("undo", "II.2", "--unit", "huyen-b", "--period", "2022", "--data", str(tracked))
    assert result.exit_code == 0
    assert "miễn thực hiện ngày 01/10/2022" in result.stdout
    assert b"waived_on" not in (tracked / "units/huyen-b.yaml").read_bytes()
    cli("waive", "II.2", "--unit", "huyen-b", "--period", "2022", "--reason", "Đã lồng ghép vào kiểm tra của Tỉnh ủy",
        "--on", "2022-10-01", "--as-of", "2022-10-01", "--data", str(tracked))  # fmt: skip
    assert load_valid(tracked).units["huyen-b"] == before


def test_history_is_grouped_by_unit_newest_first(cli: Cli, tracked: Path) -> None:
    result = cli("history", "--data", str(tracked))
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[:3] == [
        "Đã ghi nhận: 4 bản ghi của 2 đơn vị, mới nhất trước",
        "",
        "Ban A Tỉnh ủy (ban-a): 2 hoàn thành",
    ]
    assert lines[3].split() == ["Ngày", "Số", "hiệu", "Kỳ", "Kết", "quả,", "hạn", "Văn", "bản", "/", "lý", "do"]
    heading = lines.index("Huyện ủy B (huyen-b): 1 hoàn thành muộn, 1 miễn thực hiện")
    rows = [line for line in lines[heading:] if line[:2].isdigit()]  # the first line of each record
    assert rows[0].startswith("01/10/2022   II.2      Năm 2022     Miễn thực hiện")
    assert rows[-1].startswith("05/04/2022   II.1      Quý I/2022   Hoàn thành muộn")
    below = lines[lines.index(rows[-1]) + 1]
    assert below.split()[:2] == ["hạn", "31/03/2022"]  # the deadline the outcome is judged against
    assert max(len(line) for line in lines) <= 80


def test_history_filters_by_status_and_says_when_nothing_matches(cli: Cli, tracked: Path) -> None:
    rows = json.loads(cli("history", "--status", "waived", "-f", "json", "--data", str(tracked)).stdout)
    assert [(row["unit"], row["task"], row["outcome"]) for row in rows] == [("huyen-b", "II.2", "waived")]
    late = cli("history", "-s", "done_late", "-s", "waived", "--data", str(tracked)).stdout
    assert "Huyện ủy B (huyen-b): 1 hoàn thành muộn, 1 miễn thực hiện" in late and "ban-a" not in late
    nothing = cli("history", "III.1.3", "-u", "ban-a", "-s", "done", "--data", str(tracked))
    assert nothing.stdout == (
        "Chưa có việc nào được ghi nhận hoàn thành hay miễn (nhiệm vụ III.1.3; đơn vị\nban-a; trạng thái hoàn thành).\n"
    )
    refused = cli("history", "--status", "overdue", "-u", "huyen-b", "--as-of", "2023-01-10", "--data", str(tracked))
    assert refused.exit_code == 2
    assert refused.stderr == (  # the way to what was asked, with the user's filters and data folder
        "lỗi: kehoach history chỉ liệt kê việc hoàn thành, hoàn thành muộn, miễn thực hiện; việc quá hạn: "
        f"xem kehoach due --year --as-of 2023-01-10 --status overdue -u huyen-b --data {tracked}\n"
    )


@pytest.mark.parametrize("typed", ["2022-Q1", "Quý I/2022", "quy i/2022", "QUÝ I/2022", "Q1/2022", "q1/2022"])
def test_a_period_may_be_named_as_tables_show_it(cli: Cli, tracked: Path, typed: str) -> None:
    result = cli("done", "II.1", "--unit", "ban-a", "--period", typed, "--on", "2022-03-01", "--as-of", "2022-06-01",
                 "--data", str(tracked))  # fmt: skip
    # ban-a did II.1 for Quý I/2022 already: the same period, however it is typed
    assert result.exit_code == 2
    assert "II.1 kỳ 2022-Q1 đã có bản ghi" in result.stderr


def test_a_period_the_task_does_not_have_lists_those_the_unit_owes(cli: Cli, tracked: Path) -> None:
    result = cli("waive", "II.2", "--unit", "huyen-b", "--period", "Quý II/2023", "--reason", "Không áp dụng",
                 "--as-of", "2024-03-01", "--data", str(tracked))  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "lỗi: nhiệm vụ II.2 không có kỳ 'Quý II/2023'; huyen-b có các kỳ: Năm 2022 (2022): miễn thực hiện; "
        "Năm 2023 (2023): quá hạn 61 ngày; Năm 2024 (2024): chưa đến hạn; Năm 2025 (2025): chưa đến hạn\n"
    )


def test_undo_and_waive_take_a_period_by_its_name(cli: Cli, tracked: Path) -> None:
    undone = cli("undo", "II.2", "--unit", "huyen-b", "--period", "năm 2022", "--data", str(tracked))
    assert undone.exit_code == 0, undone.stderr
    assert undone.stdout.startswith("Đã xóa bản ghi II.2 (Năm 2022) của huyen-b: miễn thực hiện ngày 01/10/2022")
    waived = cli("waive", "II.2", "--unit", "huyen-b", "--period", "Nam 2022", "--reason", "Lồng ghép",
                 "--on", "2022-10-01", "--as-of", "2022-10-01", "--data", str(tracked))  # fmt: skip
    assert waived.stdout == "Đã ghi: huyen-b được miễn II.2 (Năm 2022).\n"


@pytest.mark.parametrize(
    "command",
    [
        ("done", "ii.1", "--unit", "ban-a", "--as-of", "2023-06-01"),
        ("waive", "ii.1", "--unit", "ban-a", "--period", "2022-Q1", "--reason", "x", "--as-of", "2023-06-01"),
        ("undo", "ii.1", "--unit", "ban-a", "--period", "2022-Q1"),
        ("extend", "ii.1", "--period", "2022-Q1", "--to", "2022-05-01", "--by", "Công văn số 1-CV/TU"),
        ("history", "ii.1"),
    ],
)
def test_a_ref_in_another_case_gets_a_did_you_mean(cli: Cli, tracked: Path, command: tuple[str, ...]) -> None:
    before = {path: path.read_bytes() for path in tracked.rglob("*.yaml")}
    result = cli(*command, "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "lỗi: không có nhiệm vụ 'ii.1'; có phải ý bạn là II.1?\n"
    assert {path: path.read_bytes() for path in tracked.rglob("*.yaml")} == before


def test_a_mistyped_ref_on_the_shipped_data(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    result = cli("done", "ii.2a", "--unit", "ubkt-tinh-uy", "--as-of", "2026-11-01", "--data", str(data))
    assert (result.exit_code, result.stderr) == (2, "lỗi: không có nhiệm vụ 'ii.2a'; có phải ý bạn là II.2a?\n")


def test_a_record_dated_before_its_period_began_is_refused_on_the_shipped_data(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    args = ("done", "II.2b", "--unit", "ubkt-tinh-uy", "--period", "2030", "--on", "2026-11-01")
    result = cli(*args, "--as-of", "2026-11-01", "--data", str(data))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "lỗi: ngày 01/11/2026 trước khi kỳ năm 2030 bắt đầu (01/01/2030); chưa thể ghi nhận kỳ này\n"
    )
    assert (data / "units/ubkt-tinh-uy.yaml").read_bytes() == (SHIPPED_DATA / "units/ubkt-tinh-uy.yaml").read_bytes()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (  # the oldest open one is the one under way
            ("III.1.2", "--as-of", "2023-06-01"),
            "Đã ghi: ban-a hoàn thành III.1.2 (Năm 2023, hạn 31/12/2023) ngày 01/06/2023.\n"
            "Không chỉ rõ --period nên đã chọn kỳ cũ nhất chưa ghi nhận: Năm 2023 (kỳ hiện tại).\n",
        ),
        (  # an older one, while this year's is under way
            ("II.2", "--on", "2024-01-05", "--as-of", "2024-06-01"),
            "Đã ghi: ban-a hoàn thành II.2 (Năm 2022, hạn 31/12/2022) ngày 05/01/2024.\n"
            "Không chỉ rõ --period nên đã chọn kỳ cũ nhất chưa ghi nhận: Năm 2022, không phải kỳ hiện tại (Năm 2024); "
            "bản ghi này đóng kỳ cũ đó, muộn 370 ngày.\n",
        ),
        (  # an older one, and none is under way: year 3 of the next term is 2028
            ("III.1.3", "--as-of", "2024-06-01"),
            "Đã ghi: ban-a hoàn thành III.1.3 (Nhiệm kỳ Đại hội 2020–2025, hạn 31/12/2023) ngày 01/06/2024.\n"
            "Không chỉ rõ --period nên đã chọn kỳ cũ nhất chưa ghi nhận: Nhiệm kỳ Đại hội 2020–2025, đã quá hạn; "
            "bản ghi này đóng kỳ cũ đó, muộn 153 ngày.\n",
        ),
    ],
)
def test_without_period_done_says_which_it_took_and_whether_it_closed_an_older_one(
    cli: Cli, tracked: Path, args: tuple[str, ...], said: str
) -> None:
    result = cli("done", args[0], "--unit", "ban-a", "-e", "BC 1", *args[1:], "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (0, said), result.stderr


def test_with_period_done_says_nothing_of_a_choice(cli: Cli, tracked: Path) -> None:
    result = cli(
        "done", "II.2", "--unit", "ban-a", "--period", "2022", "-e", "BC 1", "--as-of", "2024-06-01",
        "--data", str(tracked),
    )  # fmt: skip
    assert result.stdout == "Đã ghi: ban-a hoàn thành II.2 (Năm 2022, hạn 31/12/2022) ngày 01/06/2024.\n"


def test_without_period_on_the_shipped_data_the_quarter_is_named(cli: Cli, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    args = ("done", "III.7.1", "--unit", "ban-tuyen-giao-tinh-uy", "-e", "Kế hoạch số 5-KH/BTGTU")
    result = cli(*args, "--as-of", "2022-03-15", "--data", str(data))
    assert result.stdout == (
        "Đã ghi: ban-tuyen-giao-tinh-uy hoàn thành III.7.1 (Quý I/2022, hạn 31/03/2022) ngày 15/03/2022.\n"
        "Không chỉ rõ --period nên đã chọn kỳ cũ nhất chưa ghi nhận: Quý I/2022 (kỳ hiện tại).\n"
    )


def test_history_shows_a_completion_without_its_document(cli: Cli, unproven: Path) -> None:
    lines = cli("history", "II.1", "--unit", "huyen-b", "--data", str(unproven)).stdout.splitlines()
    assert lines[5].rstrip() == "05/04/2022   II.1      Quý I/2022   Hoàn thành muộn   chưa có văn bản"
    waived = cli("history", "II.2", "--unit", "huyen-b", "--data", str(unproven)).stdout
    assert "chưa có văn bản" not in waived  # a waiver has its reason


def test_done_without_evidence_says_so(cli: Cli, tracked: Path) -> None:
    args = ("done", "II.2", "--unit", "ban-a", "--period", "2022", "--on", "2022-12-20", "--as-of", "2022-12-20")
    result = cli(*args, "--data", str(tracked))
    assert (result.exit_code, result.stdout) == (
        0,
        "Đã ghi: ban-a hoàn thành II.2 (Năm 2022, hạn 31/12/2022) ngày 20/12/2022.\n"
        'Chưa có văn bản chứng minh: bản ghi hiện là "chưa có văn bản". Khi có, hãy chạy '
        "kehoach undo II.2 --unit ban-a --period 2022 rồi ghi lại kèm --evidence.\n",
    )
    undone = cli("undo", "II.2", "--unit", "ban-a", "--period", "2022", "--data", str(tracked))
    assert undone.stdout == "Đã xóa bản ghi II.2 (Năm 2022) của ban-a: hoàn thành ngày 20/12/2022, chưa có văn bản.\n"


def test_waive_and_undo_need_no_period_when_there_is_only_one(cli: Cli, tracked: Path) -> None:
    waived = cli("waive", "III.1.2", "--unit", "ban-a", "--reason", "Không áp dụng", "--as-of", "2023-06-01",
                 "--data", str(tracked))  # fmt: skip
    assert (waived.exit_code, waived.stdout) == (0, "Đã ghi: ban-a được miễn III.1.2 (Năm 2023).\n")  # 2022 was done
    undone = cli("undo", "II.1", "--unit", "huyen-b", "--data", str(tracked))  # its one record of II.1
    assert undone.exit_code == 0 and undone.stdout.startswith("Đã xóa bản ghi II.1 (Quý I/2022) của huyen-b")


def test_without_a_period_several_open_ones_are_listed_to_choose_from(cli: Cli, tracked: Path) -> None:
    result = cli("waive", "II.2", "--unit", "ban-a", "--reason", "x", "--as-of", "2024-03-01", "--data", str(tracked))
    assert result.exit_code == 2
    assert result.stderr == (
        "lỗi: nhiệm vụ II.2 có 4 kỳ: Năm 2022 (2022): quá hạn 426 ngày; Năm 2023 (2023): quá hạn 61 ngày; "
        "Năm 2024 (2024): chưa đến hạn; Năm 2025 (2025): chưa đến hạn; hãy chọn một bằng --period\n"
    )


def test_history_knows_only_what_was_recorded_by_the_as_of_day(cli: Cli, tracked: Path) -> None:
    """As due and summary do: a record dated after the as-of day is not yet known on that day."""
    rows = json.loads(cli("history", "--as-of", "2022-05-01", "-f", "json", "--data", str(tracked)).stdout)
    assert [(row["unit"], row["task"], row["outcome"]) for row in rows] == [
        ("huyen-b", "II.1", "done_late"),
        ("ban-a", "II.1", "done"),
    ]
    due = json.loads(cli("due", "--year", "--as-of", "2022-05-01", "-f", "json", "--data", str(tracked)).stdout)
    recorded = {(row["unit"], row["task"], row["status"]) for row in due if row["status"] in ("done", "done_late")}
    assert recorded == {
        (unit, task, outcome) for unit, task, outcome in [(r["unit"], r["task"], r["outcome"]) for r in rows]
    }


# --- what a write depends on: the plan, every unit's head, the unit's own lineage ----------------

DONE_BAN_A = ("done", "II.2", "--unit", "ban-a", "--as-of", "2023-01-05", "-e", "Báo cáo số 99-BC/BTC")


def test_done_goes_ahead_past_a_mistake_in_another_units_records(cli: Cli, tracked: Path) -> None:
    """huyen-b's records are huyen-b's business: ban-a's office records its own work all the same,
    and ``validate`` still names huyen-b's mistake."""
    edit(tracked / "units" / "huyen-b.yaml", "task: II.2", "task: IX.9")
    assert cli("validate", "--data", str(tracked)).exit_code == 1
    result = cli(*DONE_BAN_A, "--data", str(tracked))
    assert result.exit_code == 0, result.stderr
    assert "Báo cáo số 99-BC/BTC" in (tracked / "units" / "ban-a.yaml").read_text(encoding="utf-8")
    checked = cli("validate", "--data", str(tracked))
    assert checked.exit_code == 1 and "units/huyen-b.yaml:" in checked.stdout and "IX.9" in checked.stdout


def test_done_is_refused_when_another_units_head_is_wrong(cli: Cli, tracked: Path) -> None:
    """Which units exist and who succeeds whom is read from every unit file's head: a mistake there
    is one the write depends on."""
    edit(tracked / "units" / "huyen-b.yaml", "kind: party_committee", "kind: nonsense")
    before = (tracked / "units" / "ban-a.yaml").read_bytes()
    result = cli(*DONE_BAN_A, "--data", str(tracked))
    assert result.exit_code == 1
    assert "units/huyen-b.yaml:" in result.stderr
    assert (tracked / "units" / "ban-a.yaml").read_bytes() == before


def test_done_is_refused_when_a_unit_of_its_lineage_has_a_mistake(cli: Cli, scenario: Callable[[str], Path]) -> None:
    """huyen-ab succeeded huyen-a: what huyen-a recorded decides what huyen-ab still owes, so a
    mistake in huyen-a's records stops a record of huyen-ab's, and not one of ban-x1's."""
    reorg = scenario("reorg")
    edit(reorg / "units" / "huyen-a.yaml", "task: II.1", "task: IX.9")
    args = ("--as-of", "2026-01-10", "-e", "BC 1", "--data", str(reorg))
    merged = cli("done", "II.1", "--unit", "huyen-ab", "--period", "2025", *args)
    assert merged.exit_code == 1 and "units/huyen-a.yaml:" in merged.stderr
    elsewhere = cli("done", "II.1", "--unit", "ban-x2", "--period", "2025", *args)
    assert elsewhere.exit_code == 0, elsewhere.stderr
