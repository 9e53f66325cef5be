"""The repository's pre-commit hook, run through pre-commit itself on a sample repository of plan data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SCENARIOS

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def try_hook(sample: Path, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home), "KEHOACH_CACHE": "off"}
    command = [*PRE_COMMIT, "try-repo", str(REPO), "kehoach-validate", "--all-files", "--color", "never"]
    return subprocess.run(command, cwd=sample, env=environment, capture_output=True, text=True, timeout=600)


def test_the_hook_passes_good_data_and_stops_a_bad_commit(tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    shutil.copytree(SCENARIOS / "minimal", sample / "data")
    git(sample, "init", "-q")
    git(sample, "add", ".")
    passed = try_hook(sample, tmp_path / "pre-commit")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "kehoach validate" in passed.stdout and "Passed" in passed.stdout

    unit = sample / "data" / "units" / "ban-a.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("kind:", "kinds:"), encoding="utf-8")
    git(sample, "add", ".")
    failed = try_hook(sample, tmp_path / "pre-commit")
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "data/units/ban-a.yaml:" in failed.stdout and "'kinds'" in failed.stdout


def test_the_sample_workflow_annotates_pull_requests() -> None:
    import yaml

    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "kehoach validate --format github" in steps
