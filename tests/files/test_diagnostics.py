"""Pydantic's errors as problems (kehoach.files.diagnostics): each on the file's line and column of
the value (or, for an unknown key, of the key), named by its path in the file, not in the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from conftest import SCENARIOS
from kehoach.domain.model import PlanFile, Unit
from kehoach.files.diagnostics import problems_from_validation
from kehoach.files.yamlio import document_from_bytes

UNIT = """\
schema: 1
id: ban-a
name: Ban A Tỉnh ủy
kind: party_board
records:
  - task: II.1
    period: 2022-Q1
    done_on: 2022-13-01
    evidnce: Báo cáo số 7
  - {task: II.2, period: 2022}
"""


def problems(path: str, text: str, model: type[BaseModel]) -> list[str]:
    document = document_from_bytes(Path(path), text.encode("utf-8"))
    with pytest.raises(ValidationError) as caught:
        model.model_validate(document.data)
    return [problem.format(path) for problem in problems_from_validation(document, model, caught.value)]


def test_each_error_is_placed_where_the_file_has_it() -> None:
    assert problems("units/ban-a.yaml", UNIT, Unit) == [
        "units/ban-a.yaml:8:14: records[0].done_on: ngày 2022-13-01 không tồn tại",
        "units/ban-a.yaml:9:5: records[0].evidnce: khóa không hợp lệ 'evidnce'; có phải ý bạn là 'evidence'?",
        "units/ban-a.yaml:10:5: records[1]: một bản ghi cần đúng một trong hai: 'done_on' hoặc 'waived_on'",
    ]


def test_a_schedule_s_kind_is_not_part_of_the_path_but_picks_the_keys_known() -> None:
    """pydantic says ``tasks.0.schedule.deadline.by``; the file has no key ``deadline``."""
    plan = (SCENARIOS / "minimal" / "plan.yaml").read_text(encoding="utf-8")
    plan = plan.replace("{kind: deadline, by: 2022-Q1}", "{kind: deadline, by: 2022-Q5, until: 2023}")
    assert problems("plan.yaml", plan, PlanFile) == [
        "plan.yaml:26:36: tasks[0].schedule.by: kỳ hạn '2022-Q5' không hợp lệ: "
        "viết 2022 (năm), 2022-H1 (6 tháng), 2022-Q1 (quý), 2022-02 (tháng) hoặc 2022-03-31 (ngày)",
        # ``until`` is a key of yearly schedules: the keys named are those of the kind written
        "plan.yaml:26:45: tasks[0].schedule.until: khóa không hợp lệ 'until'; "
        "các khóa được dùng ở đây: 'ad_hoc', 'as_written', 'kind', 'by'",
    ]


def test_choices_are_listed_with_commas_not_with_pydantic_s_english_or() -> None:
    unit = "schema: 1\nid: ban-a\nname: Ban A Tỉnh ủy\nkind: party_boardd\nrecords: []\n"
    (found,) = problems("units/ban-a.yaml", unit, Unit)
    assert found.endswith(
        "kind: giá trị 'party_boardd' không hợp lệ; chọn một trong: party_delegation, party_affairs_committee, "
        "party_board, inspection_committee, party_office, political_school, party_committee, youth_union, "
        "standing_committee"
    )


def test_a_pydantic_error_kehoach_has_no_words_for_is_quoted_in_a_sentence_of_its_own() -> None:
    class Strict(BaseModel):
        when: float

    with pytest.raises(ValidationError) as raised:
        Strict(when="soon")
    document = document_from_bytes(Path("x.yaml"), b"when: soon\n")
    (found,) = problems_from_validation(document, Strict, raised.value)
    assert found.message == (
        "giá trị 'soon' không hợp lệ ở đây "
        "(pydantic: Input should be a valid number, unable to parse string as a number)"
    )
