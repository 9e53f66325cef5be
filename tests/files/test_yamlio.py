"""The YAML reader: every bad input is refused with its line and column, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.files.yamlio import (
    MAX_DEPTH,
    YamlError,
    append_mapping,
    document_from_bytes,
    key_path,
    remove_item,
    set_values,
)


def read(tmp_path: Path, content: str | bytes) -> object:
    path = tmp_path / "file.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return document_from_bytes(path, path.read_bytes())


def problems(tmp_path: Path, content: str | bytes) -> list[tuple[int, int, str]]:
    with pytest.raises(YamlError) as caught:
        read(tmp_path, content)
    return [(problem.line, problem.column, problem.rule) for problem in caught.value.problems]


def messages(tmp_path: Path, content: str | bytes) -> str:
    with pytest.raises(YamlError) as caught:
        read(tmp_path, content)
    return "\n".join(problem.message for problem in caught.value.problems)


def test_values_keep_their_line_and_column(tmp_path: Path) -> None:
    document = read(tmp_path, "schema: 1\ntasks:\n  - ref: II.1\n    owners: [a, b]\n")
    assert document.values[("tasks", 0, "owners", 1)] == (4, 17)
    assert document.keys[("tasks", 0, "owners")] == (4, 5)


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    content = "schema: 1\nname: A\nkind: x\nname: B\n"
    assert problems(tmp_path, content) == [(4, 1, "duplicate-key")]
    assert "dòng 2" in messages(tmp_path, content)


@pytest.mark.parametrize(
    "content",
    [
        "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> other\n",
        'a: "text\n<<<<<<< HEAD\n  more"\n',  # inside a quoted value, where YAML would read it as text
        "a: >-\n  text\n=======\n",
    ],
)
def test_conflict_markers_are_found_anywhere(tmp_path: Path, content: str) -> None:
    found = problems(tmp_path, content)
    assert found and all(rule == "conflict" and column == 1 for _, column, rule in found)
    assert "xung đột" in messages(tmp_path, content)


def test_tab_indentation_is_refused_at_the_tab(tmp_path: Path) -> None:
    assert problems(tmp_path, "a:\n  b: 1\n \tc: 2\n") == [(3, 2, "tabs")]


def test_a_tab_inside_a_value_is_allowed(tmp_path: Path) -> None:
    assert read(tmp_path, 'a: "x\ty"\n').data == {"a": "x\ty"}


def test_invalid_utf8_points_at_the_byte(tmp_path: Path) -> None:
    content = b"a: 1\nname: Ban T" + b"\xec" + " ủy\n".encode()
    assert problems(tmp_path, content) == [(2, 12, "encoding")]
    assert "UTF-8" in messages(tmp_path, content)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_are_refused(tmp_path: Path, encoding: str) -> None:
    assert problems(tmp_path, "name: Ban Tổ chức\n".encode(encoding)) == [(1, 1, "encoding")]


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    assert read(tmp_path, "\ufeffname: Ban\n".encode()).data == {"name": "Ban"}


def test_crlf_line_endings_are_accepted(tmp_path: Path) -> None:
    document = read(tmp_path, b"a: 1\r\nb: x\r\n")
    assert document.data == {"a": 1, "b": "x"}
    assert document.values[("b",)] == (2, 4)


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        ("a: &x 1\n", "anchor"),
        ("a: 1\nb: *x\n", "alias"),  # the parser does not resolve aliases, so a dangling one is refused too
        ("a: &x 1\nb: *x\n", "alias"),
        ("a: !!str 1\n", "tag"),
        ("a: !!python/object/apply:os.system [echo hi]\n", "tag"),
        ("a: {x: 1}\nb:\n  <<: {y: 2}\n", "merge"),
    ],
)
def test_anchors_aliases_tags_and_merge_keys_are_refused(tmp_path: Path, content: str, rule: str) -> None:
    assert rule in {found for _, _, found in problems(tmp_path, content)}


def test_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    assert {"anchor", "alias"} <= {rule for _, _, rule in problems(tmp_path, "\n".join(lines) + "\n")}


def test_more_than_one_document_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, "a: 1\n---\nb: 2\n") == [(2, 1, "documents")]


@pytest.mark.parametrize("content", ["", "# only a comment\n", "\n\n"])
def test_an_empty_file_is_refused(tmp_path: Path, content: str) -> None:
    assert [rule for _, _, rule in problems(tmp_path, content)] == ["empty"]


@pytest.mark.parametrize("content", ["- a\n- b\n", "just text\n", "42\n", "---\n"])
def test_the_top_level_must_be_a_mapping(tmp_path: Path, content: str) -> None:
    assert [rule for _, _, rule in problems(tmp_path, content)] == ["top-level"]


def test_nesting_deeper_than_any_real_file_is_refused(tmp_path: Path) -> None:
    deep = "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    assert [rule for _, _, rule in problems(tmp_path, deep)] == ["depth"]
    shallow = "a: " + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + "\n"
    assert read(tmp_path, shallow).data["a"] is not None


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("1.10", 1.1),  # a float, as editors and check-jsonschema read it: a text field refuses it
        ("1e3", 1000.0),
        ("0x1F", 31),
        ("0o17", 15),
        ("1_000", 1000),  # ruamel.yaml's 1.2 rules, check-jsonschema's
        ("1.10.2", "1.10.2"),
        ("0x_", "0x_"),  # a prefix with no digit is no number
        ("-0b_", "-0b_"),
        ("2022-03-31", "2022-03-31"),
        ("2024-02-30", "2024-02-30"),
        ("12:30", "12:30"),
        ('"2022"', "2022"),
        ("'true'", "true"),
        ("2022", 2022),
        ("true", True),
        ("false", False),
        ("null", None),
        ("~", None),
        ("", None),
    ],
)
def test_scalars_follow_yaml_1_2_not_1_1(tmp_path: Path, written: str, read_as: object) -> None:
    assert read(tmp_path, f"a: {written}\n").data == {"a": read_as}


def test_syntax_errors_carry_a_position_and_a_hint(tmp_path: Path) -> None:
    assert problems(tmp_path, "name: Ban: A\n") == [(1, 10, "syntax")]
    assert "dấu nháy kép" in messages(tmp_path, "name: Ban: A\n")


def test_key_path_reads_like_the_file() -> None:
    assert key_path(("tasks", 12, "schedule", "from")) == "tasks[12].schedule.from"
    assert key_path(("x",)) == "x"
    assert key_path(()) == ""


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_every_edit_keeps_the_files_line_ending(tmp_path: Path, newline: str) -> None:
    """Appending, setting values and removing in a file whose lines end in LF, CRLF or CR alone."""
    text = "events:\n  - id: e\n    name: E # a comment\nrecords:\n  - task: a\n# end\n".replace("\n", newline)
    document = document_from_bytes(tmp_path / "f.yaml", text.encode())
    edits = [
        append_mapping(document, ("records",), {"task": "b"}),
        set_values(document, ("events", 0), {"name": "F", "date": "2024-01-01"}),
        remove_item(document, ("records", 0)),
    ]
    for edited in edits:
        lines = edited.split(newline)
        assert [line for line in lines if "\r" in line or "\n" in line] == [] and lines[-1] == ""
        document_from_bytes(tmp_path / "f.yaml", edited.encode())  # and it still reads
    assert edits[0].split(newline)[5:7] == ["  - task: b", "# end"]
    assert edits[1].split(newline)[2:4] == ["    name: F # a comment", "    date: 2024-01-01"]
