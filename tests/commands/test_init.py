"""``kehoach init``: a plan repository of its own, through the real CLI (the run through git and
pre-commit themselves is in tests/test_precommit.py)."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SHIPPED_DATA, Cli, edit
from kehoach.commands import schema
from kehoach.commands.init import with_modeline

LAID_OUT = [
    ".gitattributes",
    ".github/workflows/kehoach.yml",
    ".gitlab-ci.yml",
    ".pre-commit-config.yaml",
    "README.md",
    "plan.yaml",
    "schema/plan.json",
    "schema/unit.json",
    "units/.gitkeep",
]


def files_in(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def test_a_new_repository_validates_where_it_stands(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ke-hoach"
    result = cli("init", str(target), "--title", "Kế hoạch số 12-KH/TU", "--as-of", "2026-12-01")
    assert result.exit_code == 0, result.stderr
    assert files_in(target) == LAID_OUT
    assert "Tiếp theo:" in result.stdout and "pre-commit install" in result.stdout
    plan = yaml.safe_load((target / "plan.yaml").read_text(encoding="utf-8"))
    assert plan["plan"]["title"] == "Kế hoạch số 12-KH/TU" and plan["plan"]["starts"].isoformat() == "2026-12-01"
    monkeypatch.chdir(target / "units")  # found at the root from any folder inside, as data/ is
    assert cli("validate").stdout == "Hợp lệ: 1 tệp, 0 nhiệm vụ, 0 đơn vị, 0 nhóm.\n"


def test_from_a_data_folder_keeps_every_byte_but_the_modeline(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach"
    assert cli("init", str(target), "--from", str(REPO)).exit_code == 0  # a checkout: its data/
    shipped = sorted(path.name for path in (SHIPPED_DATA / "units").glob("*.yaml"))
    assert sorted(path.name for path in (target / "units").glob("*.yaml")) == shipped
    for name in ["plan.yaml", *(f"units/{unit}" for unit in shipped)]:
        before = (SHIPPED_DATA / name).read_bytes().split(b"\n", 1)
        after = (target / name).read_bytes().split(b"\n", 1)
        assert after[1] == before[1], name
        depth = "" if name == "plan.yaml" else "../"
        which = "plan" if name == "plan.yaml" else "unit"
        assert after[0].decode() == f"# yaml-language-server: $schema={depth}schema/{which}.json"
        assert (target / name).parent.joinpath(after[0].decode().split("=", 1)[1]).resolve().is_file()
    assert cli("validate", "--data", str(target)).stdout == "Hợp lệ: 34 tệp, 83 nhiệm vụ, 33 đơn vị, 4 nhóm.\n"


def test_a_file_without_a_modeline_gets_one(cli: Cli, minimal: Path, tmp_path: Path) -> None:
    before = (minimal / "units" / "ban-a.yaml").read_bytes()
    assert cli("init", str(tmp_path / "repo"), "--from", str(minimal)).exit_code == 0
    after = (tmp_path / "repo" / "units" / "ban-a.yaml").read_bytes()
    assert after == b"# yaml-language-server: $schema=../schema/unit.json\n" + before


def test_invalid_data_to_start_from_writes_nothing(cli: Cli, minimal: Path, tmp_path: Path) -> None:
    edit(minimal / "units" / "ban-a.yaml", "kind: party_board", "kind: board")
    result = cli("init", str(tmp_path / "repo"), "--from", str(minimal))
    assert result.exit_code == 1
    assert "ban-a.yaml:4:7: kind:" in result.stderr
    assert not (tmp_path / "repo").exists()


def test_an_existing_repository_is_never_overwritten(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "repo"
    target.mkdir()
    (target / "README.md").write_text("ours\n", encoding="utf-8")
    result = cli("init", str(target))
    assert result.exit_code == 2
    assert "README.md" in result.stderr and "--update" in result.stderr
    assert files_in(target) == ["README.md"] and (target / "README.md").read_text(encoding="utf-8") == "ours\n"


def test_update_writes_the_schemas_again_and_nothing_else(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "repo"
    cli("init", str(target))
    (target / "schema" / "unit.json").write_text("{}\n", encoding="utf-8")  # an older kehoach's
    edit(target / "plan.yaml", "tasks: []", "tasks: []  # ours")
    result = cli("init", "--update", str(target))
    assert result.exit_code == 0
    assert result.stdout == "Đã cập nhật: schema/unit.json.\n"
    assert (target / "schema" / "unit.json").read_text(encoding="utf-8") == schema.text_of("unit")
    assert "tasks: []  # ours" in (target / "plan.yaml").read_text(encoding="utf-8")
    assert "đã đúng" in cli("init", "--update", str(target)).stdout


def test_update_needs_a_repository(cli: Cli, tmp_path: Path) -> None:
    result = cli("init", "--update", str(tmp_path))
    assert result.exit_code == 2 and "plan.yaml" in result.stderr


def test_hook_and_ci_install_one_pinned_requirement(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "repo"
    cli("init", str(target), "--requirement", "kehoach @ git+https://example.org/kehoach@v0.1.0")
    hook = yaml.safe_load((target / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert hook["additional_dependencies"] == ["kehoach @ git+https://example.org/kehoach@v0.1.0"]
    assert hook["entry"] == "kehoach validate" and hook["pass_filenames"] is False
    github = yaml.safe_load((target / ".github/workflows/kehoach.yml").read_text(encoding="utf-8"))
    steps = [step.get("run") for step in github["jobs"]["validate"]["steps"] if "run" in step]
    assert steps == [
        "pip install 'kehoach @ git+https://example.org/kehoach@v0.1.0'",
        "kehoach validate --format github",
    ]
    gitlab = yaml.safe_load((target / ".gitlab-ci.yml").read_text(encoding="utf-8"))["kehoach-validate"]
    assert gitlab["script"][0] == "pip install 'kehoach @ git+https://example.org/kehoach@v0.1.0'"
    assert gitlab["artifacts"] == {"when": "always", "reports": {"codequality": "gl-code-quality-report.json"}}
    assert "kehoach validate --format gitlab > gl-code-quality-report.json" in gitlab["script"]


def test_the_default_requirement_is_this_version(cli: Cli, tmp_path: Path) -> None:
    from kehoach.cli.app import installed_version

    cli("init", str(tmp_path / "repo"))
    text = (tmp_path / "repo" / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert json.dumps(f"kehoach=={installed_version()}") in text


def test_the_readme_sample_is_what_init_prints(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = "$ kehoach init ke-hoach-21 --from data\n"
    printed = readme.split(command, 1)[1].split("```", 1)[0]
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    result = cli(*command.split()[2:])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == printed


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            b"\xef\xbb\xbfschema: 1\r\n",
            b"\xef\xbb\xbf# yaml-language-server: $schema=../schema/unit.json\r\nschema: 1\r\n",
        ),
        (
            b"# yaml-language-server: $schema=x\rschema: 1\rid: a\r",
            b"# yaml-language-server: $schema=../schema/unit.json\rschema: 1\rid: a\r",
        ),
        (b"schema: 1\rid: a\r", b"# yaml-language-server: $schema=../schema/unit.json\rschema: 1\rid: a\r"),
    ],
    ids=["bom-crlf", "cr-only-modeline", "cr-only"],
)
def test_the_modeline_keeps_the_file_s_line_ends_and_mark(before: bytes, after: bytes) -> None:
    assert with_modeline(before, "../schema/unit.json") == after


def test_a_folder_that_is_not_empty_is_refused(cli: Cli, minimal: Path, tmp_path: Path) -> None:
    target = tmp_path / "repo"
    (target / ".git").mkdir(parents=True)  # a fresh `git init` is fine
    assert cli("init", str(target)).exit_code == 0
    other = tmp_path / "other"
    shutil.copytree(minimal, other / "data")  # would be read instead of what init writes
    result = cli("init", str(other))
    assert result.exit_code == 2 and "data" in result.stderr
    assert sorted(path.name for path in other.iterdir()) == ["data"]


@pytest.mark.parametrize(
    "requirement", ["kehoach: 1", "kehoach #x", "kehoach @ git+https://h/k@v1 ; python_version>'3'"]
)
def test_any_requirement_makes_valid_ci_files(cli: Cli, tmp_path: Path, requirement: str) -> None:
    target = tmp_path / "repo"
    cli("init", str(target), "--requirement", requirement)
    github = yaml.safe_load((target / ".github/workflows/kehoach.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((target / ".gitlab-ci.yml").read_text(encoding="utf-8"))["kehoach-validate"]
    install = f"pip install {shlex.quote(requirement)}"
    assert github["jobs"]["validate"]["steps"][2]["run"] == install and gitlab["script"][0] == install
    hook = yaml.safe_load((target / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert hook["additional_dependencies"] == [requirement]
