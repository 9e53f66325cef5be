"""The lean path agrees with the positioned reader and the model, or declines.

For any text, :func:`lean.read_unit` gives either ``None`` or exactly the data the positioned
reader (:func:`yamlio.document_from_bytes`) gives, and it gives ``None`` for every text the
positioned reader refuses; :meth:`lean.LeanUnits.unit` gives either ``None`` or exactly the unit
``Unit.model_validate`` makes of that data (its fields set included), and ``None`` for every text
whose data the model refuses. Declining is always safe (the caller reads the file the usual way);
a wrong answer never is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kehoach.domain.model import Record, Unit
from kehoach.files import lean
from kehoach.files.yamlio import YamlError, document_from_bytes

REPO = Path(__file__).resolve().parents[2]
UNIT_FILES = sorted((REPO / "data" / "units").glob("*.yaml")) + sorted(
    (REPO / "tests" / "scenarios").glob("*/units/*.yaml")
)
SAMPLE = """\
# yaml-language-server: $schema=../../schema/unit.json
schema: 1
id: huyen-uy-a
name: Huyện ủy A
kind: party_committee
records:  # added by `kehoach done`
- task: II.1
  period: 2022-Q1
  done_on: '2022-03-05'
  evidence: Báo cáo số 12-BC/HU
- task: II.2a
  period: 2022-02
  done_on: '2022-02-21'
  evidence: Công văn số 491-CV/HU
  note: Đã tổ chức hội nghị quán triệt.
"""


def positioned(text: str) -> object:
    """The positioned reader's data, or the YamlError it raises."""
    try:
        return document_from_bytes(Path("unit.yaml"), text.encode("utf-8", "surrogatepass")).data
    except YamlError as error:
        return error


def assert_agree(text: str) -> bool:
    """Hold the lean path to the positioned one on ``text``; whether the lean reader read it (a
    file it reads whose data the model accepts, it also makes the unit of)."""
    data = positioned(text)
    lean_data = lean.read_unit(text)
    unit = lean.LeanUnits().unit(text)
    head = lean.read_head(text)
    if isinstance(data, YamlError):
        assert lean_data is None and unit is None
        return False
    if head is not None:  # what a write to another unit reads of this file
        assert head == {key: value for key, value in data.items() if key != "records"}
    if lean_data is not None:
        assert lean_data == data
    try:
        expected = Unit.model_validate(data)
    except ValidationError:
        assert unit is None
        return lean_data is not None
    assert (unit is not None) == (lean_data is not None)
    if unit is not None:
        assert unit == expected
        assert unit.model_fields_set == expected.model_fields_set
        assert [record.model_fields_set for record in unit.records] == [
            record.model_fields_set for record in expected.records
        ]
    return unit is not None


@pytest.mark.parametrize("path", UNIT_FILES, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_every_real_unit_file_takes_the_lean_path(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert assert_agree(text), "declined a file in the layout kehoach writes"


def test_the_benchmark_province_takes_the_lean_path(tmp_path: Path) -> None:
    command = [sys.executable, str(REPO / "bench" / "bench.py"), "--scale", "0.1", "--generate-only"]
    subprocess.run([*command, str(tmp_path / "data")], check=True, capture_output=True, timeout=120)
    files = sorted((tmp_path / "data" / "units").glob("*.yaml"))
    assert len(files) >= 25
    assert all(assert_agree(path.read_text(encoding="utf-8")) for path in files)


# Each of these changes the sample in one way a person editing by hand, another tool, or an
# attacker might; the comment says what the lean path does with it.
VARIANTS = {
    "as-is": (lambda text: text, True),
    "crlf": (lambda text: text.replace("\n", "\r\n"), True),
    "bom": (lambda text: "\ufeff" + text, True),
    "no final newline": (lambda text: text.rstrip("\n"), True),
    "records indented": (
        lambda text: text.replace("\n- ", "\n  - ").replace("\n  task", "\n    task").replace("\n  p", "\n    p"),
        None,
    ),
    "comment between records": (lambda text: text.replace("- task: II.2a", "# the second\n- task: II.2a"), True),
    "blank line between records": (lambda text: text.replace("- task: II.2a", "\n- task: II.2a"), True),
    "trailing comment": (lambda text: text.replace("BC/HU\n", "BC/HU  # the report\n"), True),
    "trailing spaces": (lambda text: text.replace("BC/HU\n", "BC/HU   \n"), True),
    "records: []": (lambda text: text.split("records:")[0] + "records: []\n", True),
    "records: null": (lambda text: text.split("records:")[0] + "records:\n", True),
    "no records key": (lambda text: text.split("records:")[0], True),
    "successors block list": (lambda text: text.replace("records:", "successors:\n- huyen-uy-b\nrecords:"), True),
    "successors flow list": (lambda text: text.replace("records:", "successors: [huyen-uy-b, c]\nrecords:"), True),
    "successors flow mapping": (lambda text: text.replace("records:", "successors: [a: b]\nrecords:"), False),
    "successors empty": (lambda text: text.replace("records:", "successors: []\nrecords:"), True),
    "int period": (lambda text: text.replace("period: 2022-Q1", "period: 2022"), True),
    "quoted period": (lambda text: text.replace("period: 2022-Q1", "period: '2022-Q1'"), True),
    "double-quoted": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", 'evidence: "Báo cáo số 12"'), True),
    "double-quoted escape": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", 'evidence: "a\\tb"'), False),
    "quote inside": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", "evidence: 'it''s'"), True),
    "unquoted date": (lambda text: text.replace("'2022-03-05'", "2022-03-05"), True),
    "keys reordered": (
        lambda text: text.replace(
            "  done_on: '2022-03-05'\n  evidence: Báo cáo số 12-BC/HU\n",
            "  evidence: Báo cáo số 12-BC/HU\n  done_on: '2022-03-05'\n",
        ),
        False,
    ),
    "duplicate key": (lambda text: text.replace("  period: 2022-Q1\n", "  period: 2022-Q1\n  period: 2022\n"), False),
    "duplicate top key": (lambda text: text.replace("kind:", "name: B\nkind:"), False),
    "unknown key": (lambda text: text.replace("  period: 2022-Q1\n", "  period: 2022-Q1\n  by: me\n"), False),
    "multi-line plain": (lambda text: text.replace("BC/HU\n", "BC/HU\n    tiếp theo\n"), False),
    "block scalar": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", "evidence: |\n    Báo cáo"), False),
    "anchor": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", "evidence: &a Báo cáo"), False),
    "alias": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", "evidence: *a"), False),
    "tag": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", "evidence: !!str x"), False),
    "flow mapping": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", "evidence: {a: 1}"), False),
    "colon space": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", "evidence: Báo cáo: số 12"), False),
    "tab": (lambda text: text.replace("evidence: Báo cáo", "evidence: Báo\tcáo"), False),
    "tab indent": (lambda text: text.replace("  evidence: Báo cáo", "\tevidence: Báo cáo"), False),
    "conflict": (lambda text: text.replace("- task: II.2a", "<<<<<<< HEAD\n- task: II.2a"), False),
    "second document": (lambda text: text + "---\nschema: 1\n", False),
    "line separator": (lambda text: text.replace("Báo cáo số 12", "Báo cáo\u2028số 12"), False),
    "NEL": (lambda text: text.replace("Báo cáo số 12", "Báo cáo\x85số 12"), False),
    "control": (lambda text: text.replace("Báo cáo số 12", "Báo cáo\x07số 12"), False),
    "cr only": (lambda text: text.replace("\n", "\r"), False),
    "blank evidence": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", "evidence: ' '"), True),
    "both outcomes": (
        lambda text: text.replace("  evidence: Báo cáo số 12-BC/HU\n", "  waived_on: 2022-03-06\n"),
        True,
    ),
    "bad date": (lambda text: text.replace("'2022-03-05'", "'2022-02-30'"), True),
    "null value": (lambda text: text.replace("evidence: Báo cáo số 12-BC/HU", "evidence: null"), True),
    "schema 2": (lambda text: text.replace("schema: 1", "schema: 2"), True),
    "indicator start": (lambda text: text.replace("evidence: Báo cáo", "evidence: -Báo cáo"), False),
    "nothing but comments": (lambda text: "# nothing\n", False),
}


HEAD_AFTER_RECORDS = [
    "records: []\nsuccessors: [huyen-uy-b]\n",
    "records:\n- task: II.1\n  period: 2022\n  done_on: 2022-03-05\nsuccessors: [huyen-uy-b]\n",
    'records:\n- task: II.1\n  period: 2022\n  done_on: 2022-03-05\n"until": 2024-01-01\n',
    "records:\n- task: II.1\n  period: 2022\n  done_on: 2022-03-05\n  note: a\x85until: 2024-01-01\n",
    "records: [\n{task: II.1, period: 2022, done_on: 2022-03-05}\n]\n",
    "records:#x\n",
]


@pytest.mark.parametrize("tail", HEAD_AFTER_RECORDS)
def test_the_head_alone_is_read_only_when_nothing_after_the_records_is_a_key(tail: str) -> None:
    text = SAMPLE.split("records:")[0] + tail
    assert lean.read_head(text) is None
    assert_agree(text)


def test_the_head_alone_is_read_past_a_mistake_in_the_records() -> None:
    text = SAMPLE.replace("Đã tổ chức", "Đã\x07 tổ chức")
    assert isinstance(positioned(text), YamlError)
    assert lean.read_head(text) == {
        "schema": 1, "id": "huyen-uy-a", "name": "Huyện ủy A", "kind": "party_committee"
    }  # fmt: skip


@pytest.mark.parametrize("name", VARIANTS)
def test_each_kind_of_edit_is_read_alike_or_declined(name: str) -> None:
    change, taken = VARIANTS[name]
    read = assert_agree(change(SAMPLE))
    if taken is not None:
        assert read is taken, "the lean path " + ("declined" if taken else "read") + " it"


def test_a_record_in_another_key_order_is_read_by_the_positioned_reader() -> None:
    assert tuple(Record.model_fields) == lean.RECORD_KEYS  # the order kehoach writes


ALPHABET = st.sampled_from(
    list("aZ09 ") + list("#:'\"-?,[]{}&*!|>%@`\\~") + ["\t", "\r", "\x85", "\u2028", "\ufeff", "\x07", "đ", "ệ", "\xa0"]
)
SCALAR = st.one_of(
    st.text(ALPHABET, max_size=12),
    st.sampled_from(["null", "~", "true", "False", "2022", "-1", "0o17", "1.10", "2022-03-05", "'2022-03-05'", "II.1"]),
)
KEYS = st.sampled_from([*lean.RECORD_KEYS, "by"])
LINE_END = st.sampled_from(["", "", "", " ", "  # note", " #", "#x"])


@st.composite
def unit_texts(draw: st.DrawFn) -> str:
    """Unit files close to the layout the lean path reads, with every kind of odd value in them."""
    lines = ["schema: 1", "id: huyen-uy-a", f"name: {draw(SCALAR)}", "kind: party_committee"]
    if draw(st.booleans()):
        lines.append("successors:")
        lines += [f"{draw(st.sampled_from(['', '  ']))}- {draw(SCALAR)}" for _ in range(draw(st.integers(0, 2)))]
    lines.append("records:" + draw(LINE_END))
    indent = draw(st.sampled_from(["", "  "]))
    for _ in range(draw(st.integers(0, 4))):
        keys = draw(st.lists(KEYS, min_size=1, max_size=5))
        if draw(st.booleans()):
            keys = ["task", "period", *[key for key in lean.RECORD_KEYS[2:] if key in keys]]
        for position, key in enumerate(keys):
            lead = f"{indent}- " if position == 0 else f"{indent}  "
            lines.append(f"{lead}{key}: {draw(SCALAR)}{draw(LINE_END)}")
            if draw(st.integers(0, 9)) == 0:
                lines.append(draw(st.sampled_from(["", "# c", "  # c", "    more", "---"])))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit_texts())
def test_generated_files_are_read_alike_or_declined(text: str) -> None:
    assert_agree(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(ALPHABET, min_size=1, max_size=10), min_size=1, max_size=6))
def test_many_values_at_once_read_as_each_alone(tokens: list[str]) -> None:
    tokens = [token for token in tokens if "\n" not in token and token]
    try:
        one_by_one: object = [lean.scalar(token) for token in tokens]
    except Exception as error:  # the declining exception is private
        one_by_one = type(error)
    try:
        at_once: object = lean.scalars(tokens)
    except Exception as error:
        at_once = type(error)
    assert at_once == one_by_one
