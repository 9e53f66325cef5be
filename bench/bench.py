"""Benchmark kehoach at province scale, as whole processes, against an import baseline.

    python bench/bench.py [--scale 1] [--units 250] [--years 5] [--runs 5] [--keep DIR]

Generates a synthetic province into a temporary folder through kehoach's own schema (the real
plan's tasks; ``units × scale`` units in groups; ``years`` years of completion records with
realistic evidence and notes; the ongoing tasks of II and III.13 reviewed quarterly, so every unit owes
dozens of obligations a year), then times each command as a fresh process: one warm-up, then
``runs`` runs, reporting the median, the ratio to ``python -c "import typer, pydantic, yaml,
rich.table"`` measured in the same run, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kehoach.domain.dataset import Dataset  # noqa: E402
from kehoach.files.load import load_valid  # noqa: E402
from kehoach.domain.model import PlanFile, Unit  # noqa: E402
from kehoach.domain.occurrences import occurrences  # noqa: E402

BASELINE = [sys.executable, "-c", "import typer, pydantic, yaml, rich.table"]
EVIDENCE = [
    "Báo cáo số {n}-BC/{who}",
    "Kế hoạch số {n}-KH/{who}",
    "Công văn số {n}-CV/{who}",
    "Thông báo số {n}-TB/{who}",
]
NOTES = [
    "Đã tổ chức hội nghị quán triệt đến toàn thể cán bộ, đảng viên.",
    "Lồng ghép vào kế hoạch kiểm tra, giám sát năm; có biên bản kèm theo.",
    "Hoàn thành muộn do sáp nhập đơn vị; đã báo cáo Ban Tổ chức Tỉnh ủy.",
]


def dump(data: dict[str, Any]) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # the pure-Python emitter takes minutes here
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def generate(target: Path, units: int, years: int, seed: int = 21) -> tuple[date, list[tuple[str, str, str]]]:
    """Write a synthetic province; return the as-of day and some occurrences left open (for ``done``)."""
    rng = random.Random(seed)
    shipped = load_valid(REPO / "data")
    plan = shipped.plan.model_dump(mode="json", by_alias=True, exclude_none=True)
    extra = [f"dang-uy-xa-{number:04d}" for number in range(max(0, units - len(shipped.units)))]
    for task in plan["tasks"]:
        if task["ref"].startswith(("II.", "III.13.")) and (task.get("schedule") or {}).get("kind") == "ongoing":
            task["schedule"]["review"] = "quarterly"
    for group in plan["groups"]:
        if group["id"] in ("tat-ca-don-vi", "huyen-uy-dang-uy-truc-thuoc"):
            group["members"] = group["members"] + extra
    plan_model = PlanFile.model_validate(plan)  # through the project's own schema
    (target / "units").mkdir(parents=True)
    (target / "plan.yaml").write_text(dump(plan_model.model_dump(mode="json", by_alias=True, exclude_none=True)))
    bare = {unit_id: shipped.units[unit_id] for unit_id in shipped.units}
    bare.update({unit_id: _unit(unit_id, number) for number, unit_id in enumerate(extra, start=1)})
    dataset = Dataset(plan_model, bare)
    as_of = date(2022 + years - 1, 11, 15)
    owed = occurrences(dataset, date(2022, 1, 1), date(2022 + years - 1, 9, 30))
    by_unit: dict[str, list[dict[str, Any]]] = {unit_id: [] for unit_id in bare}
    left_open = []
    for occurrence in owed:
        if rng.random() < 0.1:
            left_open.append((occurrence.task, occurrence.unit, occurrence.period))
            continue
        by_unit[occurrence.unit].append(
            _record(rng, occurrence.task, occurrence.period, occurrence.due, occurrence.unit)
        )
    for unit_id, records in by_unit.items():
        data = bare[unit_id].model_dump(mode="json", by_alias=True, exclude_none=True)
        data["records"] = records
        Unit.model_validate(data)
        (target / "units" / f"{unit_id}.yaml").write_text(dump(data))
    count = sum(map(len, by_unit.values()))
    print(f"generated {len(bare)} units, {count} records, {len(plan['tasks'])} tasks, as of {as_of}", flush=True)
    return as_of, left_open


def _unit(unit_id: str, number: int) -> Unit:
    return Unit.model_validate(
        {"schema": 1, "id": unit_id, "name": f"Đảng ủy xã số {number}", "kind": "party_committee"}
    )


def _record(rng: random.Random, task: str, period: str, due: date, unit: str) -> dict[str, Any]:
    done_on = min(due + timedelta(days=rng.randint(-60, 20)), date.today())
    record: dict[str, Any] = {"task": task, "period": period, "done_on": done_on.isoformat()}
    who = unit.split("-")[-1].upper()[:6]
    record["evidence"] = rng.choice(EVIDENCE).format(n=rng.randint(1, 999), who=who)
    if rng.random() < 0.3:
        record["note"] = rng.choice(NOTES)
    return record


def taskwarrior_tasks(data: Path, as_of: date) -> tuple[list[dict[str, str]], list[str]]:
    """Every occurrence due up to the end of the quarter as a Taskwarrior task (its unit the
    project, its deadline the due date, completed on the day of its record), and the uuids of those
    still open from earlier periods (for ``done``). Run in the generator's process, not the one
    that measures: a large parent would inflate every measured child's peak memory."""
    import uuid

    from kehoach.domain import periods
    from kehoach.domain.occurrences import entries_between

    dataset = load_valid(data)
    window = periods.containing(as_of, "quarter")
    stamp = "%Y%m%dT000000Z"
    tasks, open_ids = [], []
    for entry in entries_between(dataset, date.min, window.end, as_of, None):
        occurrence = entry.occurrence
        identity = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{occurrence.task} {occurrence.period} {occurrence.unit}"))
        item = {
            "uuid": identity,
            "description": f"{occurrence.task} {occurrence.period}",
            "project": occurrence.unit,
            "due": occurrence.due.strftime(stamp),
            "entry": date(2021, 12, 1).strftime(stamp),
            "status": "pending",
        }
        record = entry.record
        if record is not None and (day := record.done_on or record.waived_on) is not None:
            item.update(status="completed", end=day.strftime(stamp))
        elif occurrence.due < window.start:
            open_ids.append(identity)
        tasks.append(item)
    return tasks, open_ids


def taskwarrior_pairs(
    folder: Path, as_of: date, runs: int
) -> list[tuple[str, Callable[[int], list[str]], Callable[[int], None]]]:
    """The same questions asked of Taskwarrior over the same obligations, where ``task`` is installed:
    the tasks of :func:`taskwarrior_tasks` imported once into a folder of their own, then the three
    questions people ask both tools: what is overdue (a count), what is due this quarter (a
    report), and marking one occurrence done."""
    task_binary = shutil.which("task")
    if task_binary is None:
        print("Taskwarrior (task) is not installed: no pairs measured", flush=True)
        return []
    from kehoach.domain import periods

    window = periods.containing(as_of, "quarter")
    open_ids = json.loads((folder / "taskwarrior-open.json").read_text())  # the tasks stay in their file
    home = folder / "taskwarrior"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    rc = home / "taskrc"
    rc.write_text(
        f"data.location={home / 'data'}\nconfirmation=no\nverbose=nothing\nbulk=0\nhooks=off\n"
        "recurrence=off\ngc=on\ndetection=off\ncolor=off\n"
    )
    task = [task_binary, f"rc:{rc}"]
    started = time.perf_counter()
    subprocess.run([*task, "import", str(folder / "taskwarrior.json")], check=True, capture_output=True)
    print(f"Taskwarrior: the same obligations imported in {time.perf_counter() - started:.1f}s", flush=True)
    after, before = window.start - timedelta(days=1), window.end + timedelta(days=1)
    closing = iter(open_ids[: runs + 1])
    nothing: Callable[[int], None] = lambda run: None  # noqa: E731
    return [
        ("Taskwarrior: +OVERDUE count", lambda run: [*task, "+OVERDUE", "count"], nothing),
        (
            "Taskwarrior: due this quarter (all)",
            lambda run: [*task, f"due.after:{after.isoformat()}", f"due.before:{before.isoformat()}", "all"],
            nothing,
        ),
        ("Taskwarrior: done (one task)", lambda run: [*task, next(closing), "done"], nothing),
    ]


def floors() -> list[tuple[str, Callable[[int], list[str]], Callable[[int], None]]]:
    """What any run that validates with pydantic pays before reading a unit file: the baseline's
    imports with one pydantic model made and used, and with kehoach's models and the shipped plan
    validated (by PyYAML's C loader, no positions). A path whose target lies below a floor cannot
    meet it while the data is validated by pydantic models."""
    nothing: Callable[[int], None] = lambda run: None  # noqa: E731
    one_model = "class M(pydantic.BaseModel):\n    x: int\nM.model_validate({'x': 1})"
    plan = (
        "from kehoach.domain.model import PlanFile\n"
        f"PlanFile.model_validate(yaml.load(open({str(REPO / 'data' / 'plan.yaml')!r}, encoding='utf-8'),"
        " Loader=yaml.CSafeLoader))"
    )
    imports = "import typer, pydantic, yaml, rich.table\n"
    return [
        ("floor: one pydantic model", lambda run: [sys.executable, "-c", imports + one_model], nothing),
        ("floor: kehoach's models, shipped plan", lambda run: [sys.executable, "-c", imports + plan], nothing),
    ]


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time of one process and its peak resident memory in MiB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0 and os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_maxrss // 1024


def measure(
    command: Callable[[int], list[str]], runs: int, env: dict[str, str], before: Callable[[int], None]
) -> tuple[float, float, int]:
    """The command's median time, the baseline's median over runs taken between its runs, its peak memory.

    A shared machine's speed drifts over minutes: timing the baseline right after each run of the
    command makes the ratio compare like with like.
    """
    samples, baselines = [], []
    for run in range(runs + 1):  # the first run is a warm-up
        before(run)
        samples.append(timed(command(run), env))
        baselines.append(timed(BASELINE, env)[0])
    times, memories = [sample[0] for sample in samples[1:]], [sample[1] for sample in samples]
    return statistics.median(times), statistics.median(baselines[1:]), max(memories)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the number of units (0.1, 1, 10)")
    parser.add_argument("--units", type=int, default=250)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--generate-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--only", help="measure only the paths whose name holds this text")
    args = parser.parse_args()
    if args.generate_only:
        as_of, left_open = generate(args.generate_only, max(1, round(args.units * args.scale)), args.years)
        (args.generate_only.parent / "generated.json").write_text(json.dumps([as_of.isoformat(), left_open]))
        tasks, open_ids = taskwarrior_tasks(args.generate_only, as_of)
        (args.generate_only.parent / "taskwarrior.json").write_text(json.dumps(tasks))
        (args.generate_only.parent / "taskwarrior-open.json").write_text(json.dumps(open_ids))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kehoach-bench-"))
    data = folder / "data"
    shutil.rmtree(data, ignore_errors=True)
    # Generate in a child process: a large parent would inflate every measured child's peak
    # memory (a forked child starts with the parent's pages resident).
    generator = [sys.executable, __file__, "--scale", str(args.scale), "--units", str(args.units)]
    subprocess.run([*generator, "--years", str(args.years), "--generate-only", str(data)], check=True)
    as_of_text, left_open = json.loads((folder / "generated.json").read_text())
    as_of = date.fromisoformat(as_of_text)
    cache = folder / "cache"
    env = {**os.environ, "KEHOACH_TODAY": as_of.isoformat(), "KEHOACH_CACHE": str(cache)}
    kehoach = [sys.executable, "-m", "kehoach"]
    nothing: Callable[[int], None] = lambda run: None  # noqa: E731
    unit_files = sorted((data / "units").glob("*.yaml"))

    def change(run: int) -> None:
        """One unit file edited by hand (a comment appended): it is read and checked again."""
        with unit_files[0].open("a", encoding="utf-8") as stream:
            stream.write(f"# edited by the benchmark, run {run}\n")

    def empty_cache(run: int) -> None:
        """What CI, pre-commit, a fresh clone and an upgrade (a new code fingerprint) start from."""
        shutil.rmtree(cache, ignore_errors=True)

    def checkout(run: int) -> None:
        """Every unit file differs from any the cache has seen, as after ``git checkout`` of another
        branch: the cache is kept (its entries for other bytes are of no use)."""
        for path in unit_files:
            with path.open("a", encoding="utf-8") as stream:
                stream.write(f"# checkout {run}\n")

    def done(run: int) -> list[str]:
        task, unit, period = left_open[next(opened)]
        return [*kehoach, "done", task, "--unit", unit, "--period", period, "-e", "BC 1", "--data", str(data)]

    opened = iter(range(len(left_open)))
    quarter = [*kehoach, "due", "--quarter", "--data", str(data)]
    overdue = [*kehoach, "overdue", "--data", str(data)]
    validate = [*kehoach, "validate", "--data", str(data)]
    shipped = [*kehoach, "due", "--quarter", "--data", str(REPO / "data")]
    one_unit = sorted(path.stem for path in unit_files)[len(unit_files) // 2]
    history = [*kehoach, "history", "--unit", one_unit, "--format", "json", "--data", str(data)]
    everyone = [*kehoach, "history", "--format", "json", "--data", str(data)]
    report = [*kehoach, "report", "--year", str(as_of.year - 1), "--format", "json", "--data", str(data)]
    export = [*kehoach, "export", str(folder / "ke-hoach.sqlite"), "--data", str(data)]
    year = str(as_of.year - 1)
    docx = [
        *kehoach,
        "report",
        "--year",
        year,
        "--format",
        "docx",
        "-o",
        str(folder / "bao-cao.docx"),
        "--data",
        str(data),
    ]
    measurements: list[tuple[str, Callable[[int], list[str]], Callable[[int], None]]] = [
        ("validate, empty cache", lambda run: validate, empty_cache),
        ("due --quarter, empty cache", lambda run: quarter, empty_cache),
        ("overdue, empty cache", lambda run: overdue, empty_cache),
        ("done, empty cache", done, empty_cache),
        ("history (all), empty cache", lambda run: everyone, empty_cache),
        ("report --format json, empty cache", lambda run: report, empty_cache),
        ("export (SQLite), empty cache", lambda run: export, empty_cache),
        ("report --format docx, empty cache", lambda run: docx, empty_cache),
        ("due --quarter, after a checkout", lambda run: quarter, checkout),
        ("validate, after a checkout", lambda run: validate, checkout),
        ("validate", lambda run: validate, nothing),
        ("validate, after a change", lambda run: validate, change),
        ("due --quarter, after a change", lambda run: quarter, change),
        ("due --quarter, nothing changed", lambda run: quarter, nothing),
        ("overdue", lambda run: overdue, nothing),
        ("done (one record)", done, nothing),
        ("history --unit", lambda run: history, nothing),
        ("export (SQLite)", lambda run: export, nothing),
        ("due --quarter, shipped data, empty cache", lambda run: shipped, empty_cache),
        ("due --quarter, shipped data", lambda run: shipped, nothing),
    ]
    measurements += taskwarrior_pairs(folder, as_of, args.runs)
    measurements += floors()
    if args.only:
        measurements = [measurement for measurement in measurements if args.only in measurement[0]]
    # An installed kehoach has its bytecode compiled by pip; compile this checkout's the same way,
    # so that no run pays for compiling (PYTHONDONTWRITEBYTECODE would otherwise make every run do it).
    compileall.compile_dir(REPO / "kehoach", quiet=1)
    print(f"median of {args.runs} runs after a warm-up; the baseline, {' '.join(BASELINE[1:])!r},")
    print("is run after each run of each command, and the ratio is to its median over those runs\n")
    print(f"{'command':<44} {'median':>8} {'baseline':>9} {'× baseline':>11} {'peak MiB':>9}", flush=True)
    for name, command, before in measurements:
        median, baseline, memory = measure(command, args.runs, env, before)
        print(f"{name:<44} {median:>7.3f}s {baseline:>8.3f}s {median / baseline:>10.2f}× {memory:>9}", flush=True)
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
