"""Click's and Typer's usage errors in kehoach's words: every message their sources raise for the
parameter types kehoach uses (typer/_click/{core,parser,exceptions,types}.py, typer/_types.py,
typer/models.py), written as they write it, and what a user reads instead."""

from __future__ import annotations

import pytest

from conftest import Cli
from kehoach.cli.typer_words import _usage_message

MESSAGES = [
    ("No such option: --xyz", "không có tùy chọn --xyz"),
    (
        "No such option: --quater (Possible options: --quarter)",
        "không có tùy chọn --quater; có phải ý bạn là --quarter?",
    ),
    ("No such option: --quater Did you mean --quarter?", "không có tùy chọn --quater; có phải ý bạn là --quarter?"),
    ("Missing option '--unit' / '-u'.", "thiếu tùy chọn '--unit' / '-u'"),
    ("Missing argument 'SỐ_HIỆU'.", "thiếu tham số 'SỐ_HIỆU'"),
    ("Missing parameter 'x'.", "thiếu tham số 'x'"),
    ("Missing parameter: x", "thiếu tham số x"),
    (
        "Missing argument '[plan|unit]'. Choose from:\n\tplan,\n\tunit",
        "thiếu tham số '[plan|unit]'; chọn một trong: plan, unit",
    ),
    (
        "Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', 'csv'.",
        "giá trị 'xml' không hợp lệ cho '--format' / '-f'; chọn một trong: 'table', 'json', 'csv'",
    ),
    (
        "Invalid value for '--days': 'abc' is not a valid int range.",
        "giá trị không hợp lệ cho '--days': 'abc' không phải số nguyên",
    ),
    (
        "Invalid value for '--days': 'abc' is not a valid integer.",
        "giá trị không hợp lệ cho '--days': 'abc' không phải số nguyên",
    ),
    (
        "Invalid value for '--days': 'abc' is not a valid int.",
        "giá trị không hợp lệ cho '--days': 'abc' không phải số nguyên",
    ),
    ("Invalid value for '--x': 'a' is not a valid float range.", "giá trị không hợp lệ cho '--x': 'a' không phải số"),
    (
        "Invalid value for '--year': 1800 is not in the range 1990<=x<=2200.",
        "giá trị không hợp lệ cho '--year': 1800 nằm ngoài khoảng 1990<=x<=2200",
    ),
    (
        "Invalid value for '--days': -1 is not in the range x>=0.",
        "giá trị không hợp lệ cho '--days': -1 nằm ngoài khoảng x>=0",
    ),
    (
        "Invalid value for '--x': 'maybe' is not a valid boolean. Recognized values: 0, 1, false, true",
        "giá trị không hợp lệ cho '--x': 'maybe' không phải đúng hay sai; viết một trong: 0, 1, false, true",
    ),
    (
        "Invalid value for '--data': Directory 'plan.yaml' is a file.",
        "giá trị không hợp lệ cho '--data': 'plan.yaml' là một tệp, không phải thư mục",
    ),
    (
        "Invalid value for '-o': File 'out' is a directory.",
        "giá trị không hợp lệ cho '-o': 'out' là một thư mục, không phải tệp",
    ),
    ("Invalid value for '--data': Directory 'x' does not exist.", "giá trị không hợp lệ cho '--data': không có 'x'"),
    ("Invalid value for '--data': Path 'x' is not readable.", "giá trị không hợp lệ cho '--data': không đọc được 'x'"),
    (
        "Invalid value for '--data': Directory 'x' is not writable.",
        "giá trị không hợp lệ cho '--data': không ghi được vào 'x'",
    ),
    (
        "Invalid value for '--unit': Value must be an iterable.",
        "giá trị không hợp lệ cho '--unit': cần một danh sách giá trị",
    ),
    (
        "Invalid value for '--x': Takes 2 values but 1 given.",
        "giá trị không hợp lệ cho '--x': cần 2 giá trị, nhưng có 1",
    ),
    (
        "Invalid value for '--x': 2 values are required, but 1 given.",
        "giá trị không hợp lệ cho '--x': cần 2 giá trị, nhưng có 1",
    ),
    ("Invalid value: 'abc' is not a valid int.", "giá trị không hợp lệ: 'abc' không phải số nguyên"),
    ("Got unexpected extra argument (x)", "thừa tham số: 'x'"),
    ("Got unexpected extra arguments (x y)", "thừa tham số: 'x', 'y'"),
    ("Got unexpected extra argument(s) (x y)", "thừa tham số: 'x', 'y'"),
    ("Option '--unit' requires an argument.", "tùy chọn '--unit' cần một giá trị"),
    ("Option '--x' requires 2 arguments.", "tùy chọn '--x' cần 2 giá trị"),
    ("Option '--week' does not take a value.", "tùy chọn '--week' không nhận giá trị"),
    ("Argument 'x' takes 2 values.", "tham số 'x' cần 2 giá trị"),
    (
        "No such command 'duee'. Did you mean 'due'?",
        "không có lệnh 'duee'; có phải ý bạn là 'due'? Xem: kehoach --help",
    ),
    ("No such command 'x'.", "không có lệnh 'x'; xem: kehoach --help"),
    ("Missing command.", "thiếu lệnh; xem: kehoach --help"),
]


@pytest.mark.parametrize(("message", "words"), MESSAGES)
def test_every_usage_error_of_click_is_worded_by_kehoach(message: str, words: str) -> None:
    assert _usage_message(message) == words


def test_a_message_kehoach_does_not_know_is_quoted_in_its_own_sentence() -> None:
    assert _usage_message("Something new.") == "Typer không nhận lệnh này (Something new.)"
    assert _usage_message("Invalid value for '--x': something new.") == (
        "giá trị không hợp lệ cho '--x': theo Typer: something new."
    )


def test_every_option_shows_a_metavar_in_the_user_s_language(cli: Cli) -> None:
    help_text = cli("done", "--help").stdout
    for option in ("--unit ĐƠN_VỊ", "--period KỲ", "--evidence VĂN_BẢN", "--note GHI_CHÚ", "--data THƯ_MỤC"):
        assert option in help_text
    assert "<str>" not in help_text and "<directory>" not in help_text
    assert "--days SỐ_NGÀY" in cli("upcoming", "--help").stdout
    assert "--year NĂM" in cli("report", "--help").stdout
