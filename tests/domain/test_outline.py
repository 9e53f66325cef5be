"""A plan document's outline (kehoach.domain.outline): the seed read to the shipped plan's refs,
texts, phrases, headings, purposes, preamble and closing; and the shapes other plans take."""

from __future__ import annotations

import textwrap

import pytest

from conftest import SHIPPED_DATA
from kehoach.domain.outline import Obligation, blocks, outline
from kehoach.files.load import load_valid


def collapse(text: str) -> str:
    return " ".join(text.split())


def test_the_seed_reads_to_the_shipped_plan(seed_text: str) -> None:
    """Every task of the shipped plan (typed in by hand, held to the document by tests/test_seed.py)
    comes out of the document itself: the same refs in order, the same texts, the same phrases."""
    plan = load_valid(SHIPPED_DATA).plan
    found = outline(seed_text)
    assert [o.ref for o in found.obligations] == [task.ref for task in plan.tasks]
    for obligation, task in zip(found.obligations, plan.tasks, strict=True):
        assert collapse(obligation.text) == collapse(task.text), task.ref
        assert obligation.phrase == (task.schedule.as_written if task.schedule else None), task.ref
    assert found.kind == "KẾ HOẠCH"
    assert f"Kế hoạch {found.subject}" == plan.plan.title
    assert collapse(found.preamble or "") == collapse(plan.plan.preamble or "")
    assert [collapse(text) for text in found.purpose] == [collapse(text) for text in plan.plan.purpose]
    assert collapse(found.closing or "") == collapse(plan.plan.closing or "")
    titles = {section.ref: section.title for section in plan.sections if "." in section.ref}
    assert found.headings == titles
    assert list(found.parts) == ["I", "II", "III", "IV"] and found.unplaced == []


def test_page_breaks_are_joined_and_lines_counted() -> None:
    text = "KẾ HOẠCH\n\nthực hiện X\n\n1. Giữ\n\nvững ổn định (*năm 2022*).\n\n\n2. Hai.\n"
    assert [(block.text, block.line) for block in blocks(text)] == [
        ("KẾ HOẠCH", 1),
        ("thực hiện X", 3),  # a subject under a line in capitals is not a page break's half
        ("1. Giữ vững ổn định (*năm 2022*).", 5),
        ("2. Hai.", 10),
    ]


def document(body: str) -> str:
    return textwrap.dedent(body).strip() + "\n"


PLAN = document(
    """
    KẾ HOẠCH

    thực hiện Nghị quyết số 1-NQ/TW

    Ban Thường vụ ban hành Kế hoạch như sau:

    I. MỤC ĐÍCH, YÊU CẦU

    1. Nâng cao nhận thức.

    III. NHIỆM VỤ TRỌNG TÂM

    Các cấp ủy tập trung:

    1. Quán triệt Nghị quyết (*hoàn thành trong Quý I/2023*).

    2. Xây dựng chương trình (*năm 2023*); kiểm tra (*hằng năm*); sơ kết (*năm 2025*).

    3. Làm theo chỉ đạo của tỉnh.

    V. NHIỆM VỤ CỦA CÁC CƠ QUAN

    1. Ban Tổ chức Tỉnh ủy

    - Tham mưu (*thực hiện thường xuyên*).

    + Hướng dẫn cụ thể.

    VI. TỔ CHỨC THỰC HIỆN

    1. Các cấp ủy xây dựng kế hoạch.

    Yêu cầu các cấp ủy thực hiện nghiêm.

    Nơi nhận:

    - Lưu.
    """
)


def test_parts_keep_their_own_numbers_a_paragraph_splits_and_a_bullet_may_have_no_time() -> None:
    found = outline(PLAN)
    assert list(found.parts) == ["I", "III", "V", "VI"]
    assert [(o.ref, o.phrase) for o in found.obligations] == [
        ("III.1", "hoàn thành trong Quý I/2023"),
        ("III.2a", "năm 2023"),
        ("III.2b", "hằng năm"),
        ("III.2c", "năm 2025"),
        ("III.3", None),
        ("V.1.1", "thực hiện thường xuyên"),
        ("V.1.2", None),
        ("VI.1", None),
    ]
    split = [o.text for o in found.obligations if o.ref.startswith("III.2")]
    assert split == ["Xây dựng chương trình (năm 2023);", "kiểm tra (hằng năm);", "sơ kết (năm 2025)."]
    assert found.headings == {"V.1": "Ban Tổ chức Tỉnh ủy"}
    assert found.obligations[5] == Obligation(
        "V.1.1", "Tham mưu (thực hiện thường xuyên).", "thực hiện thường xuyên", 25, "V.1"
    )
    assert found.purpose == ["Nâng cao nhận thức."] and found.closing == "Yêu cầu các cấp ủy thực hiện nghiêm."


def test_a_plan_without_owners_section_has_no_headings() -> None:
    without = PLAN.split("V. NHIỆM VỤ CỦA CÁC CƠ QUAN")[0] + "VI." + PLAN.split("VI.", 1)[1]
    found = outline(without)
    assert found.headings == {} and [o.ref for o in found.obligations][-1] == "VI.1"


@pytest.mark.parametrize("text", ["", "\n\n  \n", "Một dòng không phải kế hoạch."])
def test_an_empty_or_shapeless_text_has_no_obligations(text: str) -> None:
    found = outline(text)
    assert found.obligations == [] and found.parts == {}


def test_an_annotation_with_no_place_is_listed_for_review() -> None:
    stray = PLAN.replace("Các cấp ủy tập trung:", "Các cấp ủy tập trung (*năm 2023*):")
    assert [block.text for block in outline(stray).unplaced] == ["Các cấp ủy tập trung (*năm 2023*):"]


def test_a_first_part_of_tasks_is_not_taken_for_the_purposes() -> None:
    """Only a part titled "MỤC ĐÍCH…" states purposes; a plan may start with its tasks."""
    found = outline("I. NHIỆM VỤ\n\n1. Quán triệt.\n\n2. Kiểm tra.\n")
    assert found.purpose == [] and [o.ref for o in found.obligations] == ["I.1", "I.2"]
