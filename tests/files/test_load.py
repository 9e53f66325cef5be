"""Loading a data folder: schema errors point at the exact key, and the folder is found like git."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SHIPPED_DATA, edit
from kehoach.errors import DataInvalid, DataNotFound
from kehoach.files.load import find_data_dir, load, load_valid


def found(root: Path) -> list[str]:
    """Each problem as ``file:line:col: key: message`` relative to the data folder."""
    _, problems = load(root)
    return [problem.format(str(problem.path.relative_to(root))) for problem in problems]


def test_the_minimal_scenario_and_the_shipped_data_are_valid(minimal: Path) -> None:
    assert found(minimal) == []
    assert found(SHIPPED_DATA) == []


def test_unknown_key_suggests_the_closest_known_one(minimal: Path) -> None:
    edit(minimal / "plan.yaml", "    owners: [huyen-b]\n", "    ownrs: [huyen-b]\n")
    assert found(minimal) == [
        "plan.yaml:47:5: tasks[5].owners: thiếu khóa bắt buộc 'owners'",
        "plan.yaml:50:5: tasks[5].ownrs: khóa không hợp lệ 'ownrs'; có phải ý bạn là 'owners'?",
    ]


def test_unknown_key_inside_a_schedule_points_at_the_key_not_the_kind(minimal: Path) -> None:
    edit(minimal / "plan.yaml", "{kind: yearly, from: 2022}", "{kind: yearly, from: 2022, untill: 2025}")
    assert found(minimal) == [
        "plan.yaml:31:42: tasks[1].schedule.untill: khóa không hợp lệ 'untill'; có phải ý bạn là 'until'?"
    ]


def test_unknown_key_without_a_close_match_lists_the_known_ones(minimal: Path) -> None:
    edit(minimal / "units/ban-a.yaml", "records: []", "records: []\ncolour: red")
    assert found(minimal) == [
        "units/ban-a.yaml:6:1: colour: khóa không hợp lệ 'colour'; các khóa được dùng ở đây: "
        "'schema', 'id', 'name', 'kind', 'from', 'until', 'successors', 'records'"
    ]


def test_wrong_value_in_a_schedule_names_the_key_path(minimal: Path) -> None:
    edit(minimal / "plan.yaml", "{kind: yearly, from: 2022}", "{kind: yearly, from: two}")
    assert found(minimal) == ["plan.yaml:31:36: tasks[1].schedule.from: cần một số nguyên, không phải 'two'"]


def test_unknown_schedule_kind_lists_the_kinds(minimal: Path) -> None:
    edit(minimal / "plan.yaml", "{kind: ongoing}", "{kind: weekly}")
    assert found(minimal) == [
        "plan.yaml:36:15: tasks[2].schedule: loại 'weekly' không có; "
        "chọn một trong: deadline, yearly, years, ongoing, term_year, event"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2024-02-30", "plan.yaml:7:11: plan.starts: ngày 2024-02-30 không tồn tại"),
        (
            "01/12/2021",
            "plan.yaml:7:11: plan.starts: cần một ngày dạng YYYY-MM-DD (ví dụ 2022-03-31), không phải '01/12/2021'",
        ),
        ("2021", "plan.yaml:7:11: plan.starts: cần một ngày dạng YYYY-MM-DD (ví dụ 2022-03-31), không phải '2021'"),
    ],
)
def test_dates_must_be_real_iso_dates(minimal: Path, written: str, message: str) -> None:
    edit(minimal / "plan.yaml", "starts: 2021-12-01", f"starts: {written}")
    assert found(minimal) == [message]


@pytest.mark.parametrize(
    ("written", "expected"),
    [("no", "no"), ('"1.10"', "1.10"), ("2022-03-31", "2022-03-31"), ("'2022'", "2022"), ("on", "on")],
)
def test_text_fields_get_exactly_what_was_written(minimal: Path, written: str, expected: str) -> None:
    edit(minimal / "units/ban-a.yaml", "name: Ban A Tỉnh ủy", f"name: {written}")
    assert load_valid(minimal).units["ban-a"].name == expected


@pytest.mark.parametrize("written", ["2022", "true", "null", "1.10", "1e3", ".inf", "0o17", "1_000"])
def test_text_fields_refuse_non_text_and_say_to_quote(minimal: Path, written: str) -> None:
    edit(minimal / "units/ban-a.yaml", "name: Ban A Tỉnh ủy", f"name: {written}")
    assert found(minimal) == [
        f"units/ban-a.yaml:3:7: name: cần văn bản; nếu đúng là '{written}', hãy đặt trong dấu nháy kép: \"{written}\""
    ]


def test_a_flag_wants_true_or_false_not_yes(minimal: Path) -> None:
    edit(minimal / "plan.yaml", "{kind: ongoing}", "{kind: ongoing, ad_hoc: yes}")
    assert found(minimal) == ["plan.yaml:36:39: tasks[2].schedule.ad_hoc: cần true hoặc false, không phải 'yes'"]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2", "units/ban-a.yaml:1:9: schema: định dạng phiên bản 2 không được hỗ trợ; kehoach này đọc phiên bản: 1"),
        ("'1'", "units/ban-a.yaml:1:9: schema: định dạng phiên bản 1 không được hỗ trợ; kehoach này đọc phiên bản: 1"),
    ],
)
def test_unknown_format_versions_are_refused(minimal: Path, written: str, message: str) -> None:
    edit(minimal / "units/ban-a.yaml", "schema: 1", f"schema: {written}")
    assert found(minimal) == [message]


def test_a_missing_format_version_says_what_to_add(minimal: Path) -> None:
    edit(minimal / "units/ban-a.yaml", "schema: 1\n", "")
    assert found(minimal) == [
        "units/ban-a.yaml:1:1: schema: thiếu khóa 'schema' (phiên bản định dạng); hãy thêm 'schema: 1' ở đầu tệp"
    ]


def test_duplicate_refs_name_the_first_line(minimal: Path) -> None:
    edit(minimal / "plan.yaml", "  - ref: II.2\n", "  - ref: II.1\n")
    assert found(minimal) == ["plan.yaml:27:10: tasks[1].ref: 'II.1' bị lặp (đã có ở dòng 22); mỗi mã chỉ dùng một lần"]


def test_references_must_exist(minimal: Path) -> None:
    edit(minimal / "plan.yaml", "members: [ban-a, huyen-b]", "members: [ban-a, huyen-c]")
    edit(minimal / "plan.yaml", "calendars: [dai-hoi]", "calendars: [dai-hoi, hdnd]")
    edit(minimal / "plan.yaml", "event: su-kien,", "event: su-kien-khac,")
    assert found(minimal) == [
        "plan.yaml:20:22: groups[0].members[1]: đơn vị 'huyen-c' không có trong dữ liệu; có phải ý bạn là 'huyen-b'?",
        "plan.yaml:46:63: tasks[4].schedule.calendars[1]: lịch nhiệm kỳ 'hdnd' không có trong dữ liệu",
        "plan.yaml:51:36: tasks[5].schedule.event: sự kiện 'su-kien-khac' không có trong dữ liệu; "
        "có phải ý bạn là 'su-kien'?",
    ]


def test_a_unit_file_must_be_named_after_its_id(minimal: Path) -> None:
    (minimal / "units/ban-a.yaml").rename(minimal / "units/ban-x.yaml")
    problems = found(minimal)
    # A unit is known by its file's name: the plan's owner 'ban-a' no longer exists either.
    assert "units/ban-x.yaml:2:5: id: mã 'ban-a' phải trùng tên tệp 'ban-x'; hãy đổi tên tệp hoặc sửa mã" in problems
    assert problems[0].startswith("plan.yaml:20:15: groups[0].members[0]: đơn vị 'ban-a' không có trong dữ liệu")


def test_two_files_claiming_one_id_are_both_reported(minimal: Path) -> None:
    shutil.copy(minimal / "units/ban-a.yaml", minimal / "units/ban-a-copy.yaml")
    assert "units/ban-a-copy.yaml:2:5: id: mã 'ban-a' phải trùng tên tệp 'ban-a-copy'" in "\n".join(found(minimal))


def test_cross_checks_wait_for_every_file_to_read(minimal: Path) -> None:
    # A broken unit file is one problem, not one more "unknown owner" everywhere it is named.
    (minimal / "units/ban-a.yaml").write_text("schema: 1\nid: [\n", encoding="utf-8")
    problems = found(minimal)
    assert len(problems) == 1 and problems[0].startswith("units/ban-a.yaml:3:1:")


def test_records_must_name_a_task_the_unit_owns(minimal: Path) -> None:
    edit(
        minimal / "units/huyen-b.yaml",
        "records: []",
        "records:\n  - {task: III.1.1, period: 2022, done_on: 2022-05-01}\n"
        "  - {task: II.1, period: 2022-Q1, done_on: 2022-03-01}\n"
        "  - {task: II.1, period: 2022-Q1, done_on: 2022-03-02}",
    )
    assert found(minimal) == [
        "units/huyen-b.yaml:7:12: records[0].task: đơn vị 'huyen-b' không được giao nhiệm vụ III.1.1",
        "units/huyen-b.yaml:9:5: records[2]: đã có bản ghi cho II.1 kỳ 2022-Q1 ở dòng 8",
    ]


def test_load_valid_raises_with_every_problem(minimal: Path) -> None:
    edit(minimal / "plan.yaml", "title: Kế hoạch thử nghiệm", "title: 2022")
    edit(minimal / "units/ban-a.yaml", "kind: party_board", "kind: board")
    with pytest.raises(DataInvalid) as caught:
        load_valid(minimal)
    assert [problem.key for problem in caught.value.problems] == ["plan.title", "kind"]


class TestFindDataDir:
    def test_explicit_option_wins(self, minimal: Path, tmp_path: Path) -> None:
        assert find_data_dir(minimal, {"KEHOACH_DATA": "/nowhere"}, tmp_path) == minimal

    def test_environment_comes_next(self, minimal: Path, tmp_path: Path) -> None:
        assert find_data_dir(None, {"KEHOACH_DATA": str(minimal)}, tmp_path) == minimal

    def test_nearest_data_folder_walking_up(self, tmp_path: Path, minimal: Path) -> None:
        repo = tmp_path / "repo"
        (repo / "docs" / "deep").mkdir(parents=True)
        minimal.rename(repo / "data")
        assert find_data_dir(None, {}, repo / "docs" / "deep") == repo / "data"

    def test_data_at_the_root_of_a_repository(self, tmp_path: Path, minimal: Path) -> None:
        repo = tmp_path / "repo"
        minimal.rename(repo)
        (repo / "units" / "deep").mkdir()
        assert find_data_dir(None, {}, repo / "units" / "deep") == repo
        assert find_data_dir(None, {}, repo) == repo

    def test_data_folder_wins_over_the_root_in_one_folder(self, tmp_path: Path, minimal: Path) -> None:
        repo = tmp_path / "repo"
        shutil.copytree(minimal, repo)
        minimal.rename(repo / "data")
        assert find_data_dir(None, {}, repo) == repo / "data"

    def test_the_nearest_layout_wins(self, tmp_path: Path, minimal: Path) -> None:
        outer = tmp_path / "outer"
        shutil.copytree(minimal, outer / "data")
        (outer / "plans").mkdir()
        minimal.rename(outer / "plans" / "second")
        assert find_data_dir(None, {}, outer / "plans" / "second" / "units") == outer / "plans" / "second"

    def test_a_plan_file_without_units_is_not_a_data_folder(self, tmp_path: Path, minimal: Path) -> None:
        repo = tmp_path / "repo"
        (repo / "tools").mkdir(parents=True)
        (repo / "tools" / "plan.yaml").write_text("steps: []\n", encoding="utf-8")
        minimal.rename(repo / "data")
        assert find_data_dir(None, {}, repo / "tools") == repo / "data"

    def test_none_found_says_how_to_point_at_one(self, tmp_path: Path) -> None:
        with pytest.raises(DataNotFound, match="--data") as caught:
            find_data_dir(None, {}, tmp_path)
        assert "KEHOACH_DATA" in str(caught.value)

    def test_a_folder_without_plan_is_refused_naming_its_source(self, tmp_path: Path) -> None:
        with pytest.raises(DataNotFound, match="KEHOACH_DATA"):
            find_data_dir(None, {"KEHOACH_DATA": str(tmp_path)}, tmp_path)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("{task: II.1, period: 2022-Q2, done_on: 2022-06-01}", "nhiệm vụ II.1 không có kỳ '2022-Q2'"),
        ("{task: II.2, period: 2021, done_on: 2022-01-10}", "nhiệm vụ II.2 không có kỳ '2021'"),
        # The event has no date yet, so nothing can be owed, nor recorded, for it.
        ("{task: III.2.1, period: su-kien, done_on: 2022-01-10}", "nhiệm vụ III.2.1 không có kỳ 'su-kien'"),
    ],
)
def test_records_must_name_a_period_the_schedule_has(minimal: Path, record: str, message: str) -> None:
    edit(minimal / "units/huyen-b.yaml", "records: []", f"records:\n  - {record}")
    problems = found(minimal)
    assert len(problems) == 1 and message in problems[0] and problems[0].startswith("units/huyen-b.yaml:7:")


def test_a_unit_not_read_for_a_write_is_refused_in_a_sentence_if_asked_for(tracked: Path) -> None:
    """A write confined to ban-a leaves the other units unread; should anything ask for one that
    does not validate, the answer is the file's problem, placed, never a traceback."""
    from kehoach.errors import DataInvalid
    from kehoach.files.cache import Cache
    from kehoach.files.load import Documents, Units

    path = tracked / "units" / "huyen-b.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("task: II.2", "task: [II.2"), encoding="utf-8")
    units = Units({}, {"huyen-b": path}, Documents({path: path.read_bytes()}), Cache(None), ["huyen-b"])
    assert "huyen-b" in units
    with pytest.raises(DataInvalid) as refused:
        units["huyen-b"]
    assert refused.value.problems[0].path == path
