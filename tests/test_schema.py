"""The JSON Schema for editors: committed, current, named by every data file, and never at odds
with ``kehoach validate`` on what both check.

At the top of tests/, like the seed test: it holds repository files (``schema/*.json``, the data)
to the models and to ``validate``, not one module of the package to its rules.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError

from conftest import REPO, SCENARIOS, SHIPPED_DATA, Cli
from kehoach.commands.schema import schema_of
from kehoach.domain.model import PlanFile, Unit
from kehoach.files.yamlio import YamlError, document_from_bytes

DELETE = object()


def read(path: Path) -> Any:
    """A data file as kehoach reads it (YAML 1.2: dates stay text, as in an editor)."""
    return document_from_bytes(path, path.read_bytes()).data


@pytest.mark.parametrize("which", ["plan", "unit"])
def test_the_committed_schema_is_what_the_models_generate(cli: Cli, which: str) -> None:
    result = cli("schema", which)
    assert result.exit_code == 0
    committed = (REPO / "schema" / f"{which}.json").read_text(encoding="utf-8")
    assert result.stdout == committed, (
        f"schema/{which}.json is out of date: kehoach schema {which} > schema/{which}.json"
    )


def test_every_data_file_names_its_schema_on_its_first_line() -> None:
    files = [SHIPPED_DATA / "plan.yaml", *sorted((SHIPPED_DATA / "units").glob("*.yaml"))]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target == (REPO / "schema" / ("plan.json" if path.name == "plan.yaml" else "unit.json")), path


def test_the_shipped_data_is_valid_under_the_schema() -> None:
    plan = Draft202012Validator(schema_of("plan"))
    unit = Draft202012Validator(schema_of("unit"))
    assert list(plan.iter_errors(read(SHIPPED_DATA / "plan.yaml"))) == []
    for path in sorted((SHIPPED_DATA / "units").glob("*.yaml")):
        assert list(unit.iter_errors(read(path))) == [], path


def test_descriptions_are_tooltips_in_both_languages() -> None:
    properties = schema_of("unit")["$defs"]["Record"]["properties"]
    assert properties["evidence"]["description"] == "Văn bản chứng minh / proving document"
    assert all(" / " in field["description"] for field in properties.values())


# --- the schema and the models agree -----------------------------------------------------------

UNIT: dict[str, Any] = {
    "schema": 1,
    "id": "huyen-b",
    "name": "Huyện ủy B",
    "kind": "party_committee",
    "records": [
        {"task": "II.1", "period": "2022-Q1", "done_on": "2022-04-05", "evidence": "Báo cáo số 7-BC/HU"},
        {"task": "II.2", "period": 2022, "waived_on": "2022-10-01", "reason": "Lồng ghép"},
    ],
}
PLAN: dict[str, Any] = {
    "schema": 1,
    "plan": {"title": "Kế hoạch", "issuer": "Tỉnh ủy", "implements": "Kết luận 21", "starts": "2021-12-01"},
    "term_calendars": [{"id": "dai-hoi", "name": "Đại hội", "first_term": "2020-2025", "first_year": 2021}],
    "events": [{"id": "trung-uong", "name": "Trung ương triển khai", "date": None}],
    "groups": [{"id": "cac-ban", "name": "Các ban", "members": ["ban-a"]}],
    "tasks": [
        {
            "ref": "I.1",
            "title": "T",
            "text": "Văn bản",
            "owners": ["ban-a"],
            "schedule": {"kind": "deadline", "by": "2022-Q1"},
        },
        {
            "ref": "II.2a",
            "title": "T",
            "text": "V",
            "owners": ["cac-ban"],
            "schedule": {"kind": "yearly", "from": 2022},
        },
        {
            "ref": "III.5",
            "title": "T",
            "text": "V",
            "owners": ["ban-a"],
            "schedule": {"kind": "years", "years": [2022, 2023]},
        },
        {
            "ref": "III.6",
            "title": "T",
            "text": "V",
            "owners": ["ban-a"],
            "schedule": {"kind": "ongoing", "review": "quarterly"},
        },
        {
            "ref": "III.7",
            "title": "T",
            "text": "V",
            "owners": ["ban-a"],
            "schedule": {"kind": "term_year", "year": 3, "calendars": ["dai-hoi"]},
        },
        {
            "ref": "IV.1",
            "title": "T",
            "text": "V",
            "owners": ["ban-a"],
            "schedule": {"kind": "event", "event": "trung-uong", "within_days": 90},
        },
    ],
}

# (what is changed, where, to what): both the schema and the models must give the same verdict.
UNIT_CHANGES: list[tuple[tuple[Any, ...], Any]] = [
    (("records",), None),
    (("records",), []),
    (("records",), DELETE),
    (("schema",), 2),
    (("id",), "Huyen B"),
    (("id",), "huyen-b-2"),
    (("name",), "   "),
    (("name",), 5),
    (("kind",), "board"),
    (("kind",), "party_board"),
    (("extra",), "x"),
    (("from",), "2025-07-01"),
    (("until",), "1/7/2025"),
    (("successors",), ["xa-c", "Xa D"]),
    (("records", 0, "task"), "II.1b"),
    (("records", 0, "task"), "2.1"),
    (("records", 0, "period"), "2022 Q1"),
    (("records", 0, "period"), 2020),
    (("records", 0, "period"), -1),
    (("records", 0, "period"), "2020-2025"),
    (("records", 0, "period"), True),
    (("records", 0, "done_on"), "05/04/2022"),
    (("records", 0, "done_on"), None),
    (("records", 0, "done_on"), DELETE),
    (("records", 0, "evidence"), ""),
    (("records", 0, "evidence"), DELETE),
    (("records", 0, "waived_on"), "2022-04-06"),
    (("records", 0, "waived_on"), None),
    (("records", 1, "reason"), DELETE),
    (("records", 1, "reason"), None),
    (("records", 1, "reason"), " "),
    (("records", 1, "done_on"), "2022-04-05"),
    (("records", 1, "stray"), 1),
]
PLAN_CHANGES: list[tuple[tuple[Any, ...], Any]] = [
    (("plan", "starts"), "2021-13-01"),
    (("plan", "starts"), DELETE),
    (("plan", "purpose"), ["Một", ""]),
    (("term_calendars", 0, "first_term"), "2020/2025"),
    (("term_calendars", 0, "first_year"), "2021"),
    (("events", 0, "date"), "2023-05-01"),
    (("groups", 0, "members"), []),
    (("tasks", 0, "ref"), "I-1"),
    (("tasks", 0, "owners"), []),
    (("tasks", 0, "role"), "coordinate"),
    (("tasks", 0, "role"), "support"),
    (("tasks", 0, "schedule"), None),
    (("tasks", 0, "schedule", "by"), 2022),
    (("tasks", 0, "schedule", "by"), "2022-Q5"),
    (("tasks", 0, "schedule", "by"), "2022-13"),
    (("tasks", 0, "schedule", "by"), "1989"),
    (("tasks", 0, "schedule", "by"), 2201),
    (("tasks", 0, "schedule", "by"), "2022-03-31"),
    (("tasks", 0, "schedule", "kind"), "monthly"),
    (("tasks", 0, "schedule", "ad_hoc"), True),
    (("tasks", 0, "schedule", "ad_hoc"), "yes"),
    (("tasks", 1, "schedule", "from"), "2022"),
    (("tasks", 1, "schedule", "from"), 1989),
    (("tasks", 1, "schedule", "due_day"), "6-30"),
    (("tasks", 1, "schedule", "due_day"), "13-01"),
    (("tasks", 2, "schedule", "years"), [2022, 2022]),
    (("tasks", 2, "schedule", "years"), []),
    (("tasks", 3, "schedule", "review"), "weekly"),
    (("tasks", 4, "schedule", "year"), 0),
    (("tasks", 4, "schedule", "year"), True),
    (("tasks", 5, "schedule", "within_days"), -1),
    (("tasks", 5, "schedule", "within_days"), "90"),
    (("tasks", 5, "schedule", "within_days"), 90.0),
]
# What only `kehoach validate` checks (README, "What only validate checks"): the schema accepts these.
VALIDATE_ONLY: list[tuple[type[BaseModel], dict[str, Any], tuple[Any, ...], Any]] = [
    (Unit, UNIT, ("records", 0, "done_on"), "2022-02-30"),  # a real calendar day
    (PlanFile, PLAN, ("tasks", 1, "schedule", "due_day"), "02-30"),
    (PlanFile, PLAN, ("tasks", 1, "schedule", "until"), 2021),  # one year before another
    (PlanFile, PLAN, ("term_calendars", 0, "first_term"), "2025-2020"),
    (PlanFile, PLAN, ("term_calendars", 0, "first_year"), 2026),
]


def changed(base: dict[str, Any], where: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(base)
    target = data
    for step in where[:-1]:
        target = target[step]
    if value is DELETE:
        del target[where[-1]]
    else:
        target[where[-1]] = value
    return data


def verdicts(model: type[BaseModel], which: str, data: dict[str, Any]) -> tuple[bool, bool]:
    by_schema = Draft202012Validator(schema_of(which)).is_valid(data)
    try:
        model.model_validate(data)
    except ValidationError:
        return by_schema, False
    return by_schema, True


@pytest.mark.parametrize(("model", "which", "base"), [(Unit, "unit", UNIT), (PlanFile, "plan", PLAN)])
def test_the_samples_are_valid_both_ways(model: type[BaseModel], which: str, base: dict[str, Any]) -> None:
    assert verdicts(model, which, base) == (True, True)


@pytest.mark.parametrize(("where", "value"), UNIT_CHANGES, ids=[f"{w}={v!r}" for w, v in UNIT_CHANGES])
def test_schema_and_models_agree_on_unit_files(where: tuple[Any, ...], value: Any) -> None:
    by_schema, by_models = verdicts(Unit, "unit", changed(UNIT, where, value))
    assert by_schema == by_models


@pytest.mark.parametrize(("where", "value"), PLAN_CHANGES, ids=[f"{w}={v!r}" for w, v in PLAN_CHANGES])
def test_schema_and_models_agree_on_the_plan(where: tuple[Any, ...], value: Any) -> None:
    by_schema, by_models = verdicts(PlanFile, "plan", changed(PLAN, where, value))
    assert by_schema == by_models


def test_check_jsonschema_agrees_with_jsonschema_on_every_case(tmp_path: Path) -> None:
    """Every case above as a JSON file (which is YAML too), given to check-jsonschema: the schema
    as CI and editors apply it gives jsonschema's verdict on each."""
    cases: list[tuple[Path, str, bool]] = []
    for which, base, changes in (("unit", UNIT, UNIT_CHANGES), ("plan", PLAN, PLAN_CHANGES)):
        for number, (where, value) in enumerate([((), DELETE), *changes]):
            data = base if not where else changed(base, where, value)
            path = tmp_path / f"{which}-{number}.json"
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            cases.append((path, which, Draft202012Validator(schema_of(which)).is_valid(data)))
    by_checker = check_jsonschema_verdicts(cases, tmp_path)
    assert {path.name: valid for path, _which, valid in cases} == {path.name: by_checker[path] for path, _, _ in cases}


@pytest.mark.parametrize(("model", "base", "where", "value"), VALIDATE_ONLY)
def test_what_only_validate_checks(
    model: type[BaseModel], base: dict[str, Any], where: tuple[Any, ...], value: Any
) -> None:
    which = "unit" if model is Unit else "plan"
    assert verdicts(model, which, changed(base, where, value)) == (True, False)


def test_the_schema_is_valid_json_schema() -> None:
    for which in ("plan", "unit"):
        Draft202012Validator.check_schema(json.loads((REPO / "schema" / f"{which}.json").read_text(encoding="utf-8")))


# --- as written in YAML: validate, jsonschema and check-jsonschema give one verdict --------------

RECORD_LINES = "    period: 2022-Q1\n    done_on: 2022-04-05\n"
WRITTEN_UNIT = "schema: 1\nid: ban-a\nname: Ban A Tỉnh ủy\nkind: party_board\nrecords:\n  - task: II.1\n" + RECORD_LINES
# (the line added to the record, or the plan's text replaced and by what; valid?)
WRITTEN_RECORDS: list[tuple[str, bool]] = [
    ("    note: 1.10\n", False),  # a float to YAML 1.2: it would read 1.1
    ("    note: 1e3\n", False),
    ("    note: .inf\n", False),
    ("    note: -.Inf\n", False),
    ("    note: .nan\n", False),
    ("    note: 0o17\n", False),  # an octal int
    ("    note: 0x1F\n", False),
    ("    note: true\n", False),
    ("    note: 12\n", False),
    ('    note: "1.10"\n', True),  # quoted, as the message says
    ("    note: '1e3'\n", True),
    ("    note: yes\n", True),  # text in YAML 1.2 (a bool only in YAML 1.1)
    ("    evidence: 2022-03-01\n", True),  # a date is text in YAML 1.2, and to check-jsonschema
    ("    note: 1.10.2\n", True),
    ("    note: 1_000\n", False),  # digits grouped: a number to check-jsonschema (ruamel.yaml)
    ("    note: 0b101\n", False),
    ("    note: 0b2\n", True),
]
WRITTEN_PLAN: list[tuple[str, str, bool]] = [
    ("title: Kiểm tra hằng năm", "title: 1.5", False),
    ("{kind: yearly, from: 2022}", "{kind: yearly, from: 2022.0}", True),  # an integer to JSON Schema
    ("{kind: yearly, from: 2022}", "{kind: yearly, from: 2022.5}", False),
    ("{kind: yearly, from: 2022}", "{kind: yearly, from: 0x7E6}", True),
    ("within_days: 90", "within_days: 9e1", True),
    ("within_days: 90", "within_days: .inf", False),
    ("{kind: yearly, from: 2022}", "{kind: monthly, from: 2022}", False),
]


def written_cases(folder: Path) -> list[tuple[Path, str, bool]]:
    """Each case as a data folder of its own (the minimal plan, one file changed): its changed
    file, which schema it is under, and the verdict expected."""
    cases = []
    for number, (line, valid) in enumerate(WRITTEN_RECORDS):
        data = folder / f"unit-{number}"
        shutil.copytree(SCENARIOS / "minimal", data)
        (data / "units" / "ban-a.yaml").write_text(WRITTEN_UNIT + line, encoding="utf-8")
        cases.append((data / "units" / "ban-a.yaml", "unit", valid))
    for number, (old, new, valid) in enumerate(WRITTEN_PLAN):
        data = folder / f"plan-{number}"
        shutil.copytree(SCENARIOS / "minimal", data)
        plan = data / "plan.yaml"
        text = plan.read_text(encoding="utf-8")
        assert old in text
        plan.write_text(text.replace(old, new, 1), encoding="utf-8")
        cases.append((plan, "plan", valid))
    return cases


def test_validate_and_both_schema_checkers_agree_on_what_is_written(cli: Cli, tmp_path: Path) -> None:
    cases = written_cases(tmp_path)
    by_checker = check_jsonschema_verdicts(cases, tmp_path)
    for path, which, valid in cases:
        folder = path.parent if which == "plan" else path.parent.parent
        by_validate = cli("validate", "--data", str(folder), "--as-of", "2026-12-01")
        by_jsonschema = Draft202012Validator(schema_of(which)).is_valid(read(path)) if _reads(path) else False
        verdicts = (by_validate.exit_code == 0, by_jsonschema, by_checker[path])
        assert verdicts == (valid, valid, valid), (path.read_text(encoding="utf-8"), by_validate.stdout)


def _reads(path: Path) -> bool:
    try:
        read(path)
    except YamlError:
        return False
    return True


def check_jsonschema_verdicts(cases: list[tuple[Path, str, bool]], folder: Path) -> dict[Path, bool]:
    """check-jsonschema's verdict on each case file (one run per schema, every file given)."""
    found: dict[Path, bool] = {}
    for which in ("plan", "unit"):
        paths = [path for path, kind, _valid in cases if kind == which]
        command = [
            str(Path(sys.executable).parent / "check-jsonschema"),
            "--schemafile",
            str(REPO / "schema" / f"{which}.json"),
        ]
        done = subprocess.run([*command, "-o", "json", *map(str, paths)], capture_output=True, text=True, cwd=folder)
        report = json.loads(done.stdout)
        failed = {Path(error["filename"]).resolve() for error in report["errors"]}
        failed |= {Path(error["filename"]).resolve() for error in report.get("parse_errors", [])}
        found |= {path: path.resolve() not in failed for path in paths}
    return found


def test_the_message_says_to_quote_the_value_as_written(cli: Cli, minimal: Path) -> None:
    (minimal / "units" / "ban-a.yaml").write_text(WRITTEN_UNIT + "    note: 1.10\n", encoding="utf-8")
    result = cli("validate", "--data", str(minimal))
    assert (
        "ban-a.yaml:9:11: records[0].note: cần văn bản; nếu đúng là '1.10', hãy đặt trong dấu nháy kép: \"1.10\""
        in (result.stdout)
    )


def test_an_unknown_kind_lists_every_kind_for_editors() -> None:
    schedule = schema_of("plan")["$defs"]["Task"]["properties"]["schedule"]["anyOf"][0]
    kinds = ["deadline", "yearly", "years", "ongoing", "term_year", "event"]
    assert schedule["properties"]["kind"]["enum"] == kinds
    assert sorted(schedule["discriminator"]["mapping"]) == sorted(kinds)  # the same six, from one registry
