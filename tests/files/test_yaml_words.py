"""The YAML parser's problems in kehoach's words (kehoach.files.yaml_words), from libyaml (the C
parser kehoach reads with where PyYAML has it) and from PyYAML's Python parser alike."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kehoach.files import yaml_words, yamlio

IN_A_MAPPING = " (trong một bảng khóa bắt đầu ở dòng 1)"
BROKEN = [
    (
        "tasks:\n  - ref: II.1\n bad: x\n",
        "3:2: thiếu khóa ở đây: thụt lề sai, hoặc một giá trị có dấu ':' hay '#' cần dấu nháy kép" + IN_A_MAPPING,
    ),
    (
        "a: b\n- c\n",
        "2:1: thiếu khóa ở đây: thụt lề sai, hoặc một giá trị có dấu ':' hay '#' cần dấu nháy kép" + IN_A_MAPPING,
    ),
    ("title: a: b\n", "1:9: dấu ':' không được phép ở đây; nếu đây là văn bản, hãy đặt nó trong dấu nháy kép"),
    ("a\nb: c\n", "2:2: dấu ':' không được phép ở đây; nếu đây là văn bản, hãy đặt nó trong dấu nháy kép"),
    (
        "years: [2022, 2023\n",
        "2:1: thiếu dấu ',' hoặc ']' trong danh sách viết trong ngoặc vuông"
        " (trong một danh sách trong ngoặc vuông bắt đầu ở dòng 1)",
    ),
    (
        "schedule: {kind: yearly\n",
        "2:1: thiếu dấu ',' hoặc '}' trong bảng khóa viết trong ngoặc nhọn"
        " (trong một bảng khóa trong ngoặc nhọn bắt đầu ở dòng 1)",
    ),
    ('title: "abc\n', "2:1: hết tệp mà dấu nháy chưa đóng (trong một giá trị trong dấu nháy bắt đầu ở dòng 1)"),
    (
        "title: @x\n",
        "1:8: ký tự này không thể mở đầu một giá trị YAML; nếu đây là văn bản, hãy đặt nó trong dấu nháy kép",
    ),
    ("text: |0\n  x\n", "1:8: sau '|' hoặc '>' chỉ được có '+', '-', một chữ số 1–9 hoặc chú thích"),
    ("a: b\n...\nc\n", "3:1: sau '...' (hết tài liệu YAML) không được viết gì nữa; tệp chỉ chứa một tài liệu"),
    ("a: &\n", "1:5: sau '&' hoặc '*' cần một tên bằng chữ hoặc số"),
]


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test once with each parser PyYAML may read with."""
    if request.param == "python":
        monkeypatch.setattr(yamlio, "_Loader", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:  # pragma: no cover - depends on how PyYAML was built
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


def problem(text: str) -> str:
    with pytest.raises(yamlio.YamlError) as raised:
        yamlio.parse(Path("plan.yaml"), text)
    found = raised.value.problems[0]
    return f"{found.line}:{found.column}: {found.message}"


@pytest.mark.parametrize(("text", "expected"), BROKEN)
def test_each_syntax_error_is_said_in_kehoach_s_words(parser: str, text: str, expected: str) -> None:
    assert problem(text) == expected


def test_an_escape_double_quotes_do_not_know_is_explained(parser: str) -> None:
    assert problem('title: "a\\qb"\n').endswith(
        "chuỗi thoát sau '\\' không hợp lệ trong dấu nháy kép; muốn viết '\\' hãy dùng dấu nháy đơn"
    )


def test_a_control_character_is_a_problem_at_its_place_not_a_traceback(parser: str) -> None:
    assert problem("schema: 1\nplan:\n  title: a\x07b\n") == (
        "3:11: ký tự điều khiển U+0007 không được phép trong tệp; hãy xóa nó"
    )


def test_a_problem_kehoach_does_not_know_is_quoted_in_a_sentence_of_its_own() -> None:
    assert yaml_words.problem_text("found something new", None, None, 1) == (
        "cú pháp YAML không hợp lệ (trình đọc YAML báo: found something new)"
    )


def test_what_the_parser_was_reading_is_said_only_when_it_began_on_another_line() -> None:
    said = yaml_words.problem_text("did not find expected key", "while parsing a block mapping", 4, 4)
    assert said == "thiếu khóa ở đây: thụt lề sai, hoặc một giá trị có dấu ':' hay '#' cần dấu nháy kép"
