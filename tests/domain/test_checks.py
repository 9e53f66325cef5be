"""Checks across files (kehoach.domain.checks) as ``kehoach validate`` reports them: each problem on
the line and column of the value at fault, with the closest known id when there is one.

Through :func:`kehoach.files.load.load`, the one way a dataset reaches the checks. References of
tasks, groups and records are in tests/files/test_load.py; lineages in tests/domain/test_lineage.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit
from kehoach.files.load import load


def found(root: Path) -> list[str]:
    _, problems = load(root)
    return [problem.format(problem.path.relative_to(root).as_posix()) for problem in problems]


def extension(task: str = "II.2", unit: str = "ban-a", period: str = "2022", to: str = "2023-03-31") -> str:
    return f'  - task: {task}\n    unit: {unit}\n    period: "{period}"\n    to: {to}\n    by: Công văn số 12-CV/TU\n'


EXTENSIONS = {
    "unknown-task": (
        extension(task="II.9"),
        "57:11: extensions[0].task: nhiệm vụ 'II.9' không có trong dữ liệu; có phải ý bạn là 'II.2'?",
    ),
    "unknown-unit": (
        extension(unit="huyen-c"),
        "58:11: extensions[0].unit: đơn vị 'huyen-c' không có trong dữ liệu; có phải ý bạn là 'huyen-b'?",
    ),
    "unit-not-owing": (
        extension(task="III.1.2", unit="huyen-b"),
        "58:11: extensions[0].unit: đơn vị 'huyen-b' không được giao nhiệm vụ III.1.2",
    ),
    "no-such-period": (
        extension(period="2021"),
        "59:13: extensions[0].period: nhiệm vụ II.2 không có kỳ '2021'",
    ),
    "twice": (
        extension() + extension(to="2023-06-30"),
        "62:5: extensions[1]: đã có gia hạn cho II.2 kỳ 2022 ở dòng 57; hãy gộp làm một",
    ),
}


@pytest.mark.parametrize(("extensions", "problem"), EXTENSIONS.values(), ids=EXTENSIONS.keys())
def test_an_extension_names_a_task_a_unit_owing_it_and_a_period_it_has_once(
    minimal: Path, extensions: str, problem: str
) -> None:
    with (minimal / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write("extensions:\n" + extensions)
    assert found(minimal) == [f"plan.yaml:{problem}"]


def test_a_group_may_not_take_a_unit_s_id(minimal: Path) -> None:
    edit(
        minimal / "plan.yaml",
        "    members: [ban-a, huyen-b]\n",
        "    members: [ban-a, huyen-b]\n  - id: huyen-b\n    name: Trùng\n    members: [ban-a]\n",
    )
    assert found(minimal) == ["plan.yaml:21:9: groups[1].id: nhóm 'huyen-b' trùng mã với một đơn vị; hãy đặt mã khác"]


def test_a_record_of_a_task_the_plan_lacks_suggests_the_closest(minimal: Path) -> None:
    edit(minimal / "units/ban-a.yaml", "records: []", "records:\n  - {task: II.3, period: 2022, done_on: 2022-05-01}")
    assert found(minimal) == [
        "units/ban-a.yaml:6:12: records[0].task: nhiệm vụ 'II.3' không có trong dữ liệu; có phải ý bạn là 'II.2'?"
    ]


HEADS = "một mục là một phần của kế hoạch (II) hoặc một đề mục trong phần (III.5, chứa III.5.1, III.5.2…)"
SECTIONS = {
    "known": ("  - {ref: II, title: Nhiệm vụ trọng tâm}\n  - {ref: III.2, title: Huyện B}\n", []),
    "no-task-under-it": (
        "  - {ref: III.3, title: Ban C}\n",
        [f"57:11: sections[0].ref: không có nhiệm vụ nào thuộc mục 'III.3': {HEADS}; có phải ý bạn là 'III.2'?"],
    ),
    "no-such-part": (
        "  - {ref: V, title: Phần năm}\n",
        [f"57:11: sections[0].ref: không có nhiệm vụ nào thuộc mục 'V': {HEADS}; có phải ý bạn là 'IV'?"],
    ),
    "a-task-s-own-ref": (
        "  - {ref: II.1, title: Quán triệt}\n",
        ["57:11: sections[0].ref: 'II.1' là số hiệu của một nhiệm vụ, không phải của một mục"],
    ),
    "twice": (
        "  - {ref: II, title: A}\n  - {ref: II, title: B}\n",
        ["58:11: sections[1].ref: 'II' bị lặp (đã có ở dòng 57); mỗi mã chỉ dùng một lần"],
    ),
    "not-a-heading": (
        "  - {ref: II.x, title: A}\n",
        ["57:11: sections[0].ref: số hiệu mục 'II.x' không hợp lệ: ví dụ II hoặc III.5"],
    ),
    "deeper-than-the-report-heads": (
        "  - {ref: III.1.1, title: A}\n",
        ["57:11: sections[0].ref: số hiệu mục 'III.1.1' không hợp lệ: ví dụ II hoặc III.5"],
    ),
}


@pytest.mark.parametrize(("sections", "problems"), SECTIONS.values(), ids=SECTIONS.keys())
def test_a_section_heads_tasks_of_the_plan_once(minimal: Path, sections: str, problems: list[str]) -> None:
    with (minimal / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write("sections:\n" + sections)
    assert found(minimal) == [f"plan.yaml:{problem}" for problem in problems]
