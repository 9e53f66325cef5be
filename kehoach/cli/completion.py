"""Shell completion from the data: task refs, unit ids and periods, each with its title or name as help.

Called by the shell on every Tab, so it must never fail loudly: data that cannot be found or
read gives no suggestions, as a folder with no files would.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.errors import KehoachError

if TYPE_CHECKING:
    from kehoach.domain.dataset import Dataset


def task_refs(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    dataset = _dataset(ctx)
    if dataset is None:
        return []
    return [(task.ref, task.title) for task in dataset.plan.tasks if task.ref.startswith(incomplete)]


def unit_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Units, then groups (wherever a group may stand for its members)."""
    dataset = _dataset(ctx)
    if dataset is None:
        return []
    named = [(unit_id, dataset.units[unit_id].name) for unit_id in sorted(dataset.units)]
    named += [(group.id, group.name) for group in dataset.plan.groups]
    return [(name, about) for name, about in named if name.startswith(incomplete)]


def event_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    dataset = _dataset(ctx)
    if dataset is None:
        return []
    return [(event.id, event.name) for event in dataset.plan.events if event.id.startswith(incomplete)]


def single_unit_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Units only (where one unit must be named: done, waive, undo)."""
    dataset = _dataset(ctx)
    if dataset is None:
        return []
    return [
        (unit_id, dataset.units[unit_id].name) for unit_id in sorted(dataset.units) if unit_id.startswith(incomplete)
    ]


def period_keys(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The periods of the task being recorded that the unit owes (any owner's, without --unit),
    each with its name and status as help: what --period takes."""
    from kehoach.cli.dates import today
    from kehoach.domain.labels import period_of
    from kehoach.domain.occurrences import owed
    from kehoach.present.views import status_text

    dataset = _dataset(ctx)
    params = (ctx.params or {}) if ctx is not None else {}
    # While completing, click leaves the command's argument unparsed, in ctx.args.
    ref = params.get("ref") or next(iter(getattr(ctx, "args", None) or []), None)
    unit = params.get("unit")
    if dataset is None or ref not in dataset.tasks:
        return []
    try:
        day = today(params.get("as_of"))
    except KehoachError:
        return []
    entries = owed(dataset, dataset.tasks[ref], unit if unit in dataset.units else None, day)
    offered = {e.occurrence.period: f"{period_of(dataset, e.occurrence)}: {status_text(e)}" for e in entries}
    return [(key, about) for key, about in offered.items() if key.startswith(incomplete)]


def _dataset(ctx: Any) -> Dataset | None:
    import os

    from kehoach.files.cache import Cache
    from kehoach.files.datadir import find_data_dir
    from kehoach.files.load import load_valid

    data = (ctx.params or {}).get("data") if ctx is not None else None
    try:
        root = find_data_dir(Path(data) if data else None, os.environ, Path.cwd())
        return load_valid(root, Cache.from_environment(os.environ))
    except (KehoachError, OSError):
        return None
