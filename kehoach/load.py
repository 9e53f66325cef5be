"""Load a data folder: every file parsed, validated and cross-checked."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from kehoach.cache import Cache, content_digest, digest
from kehoach.checks import check
from kehoach.datadir import ENV_DATA, PLAN_FILE, UNITS_DIR, data_files, find_data_dir, unit_files
from kehoach.dataset import Dataset
from kehoach.diagnostics import problems_from_validation
from kehoach.errors import DataInvalid, Problem
from kehoach.i18n import _
from kehoach.model import SUPPORTED_SCHEMAS, PlanFile, Unit
from kehoach.yamlio import Document, YamlError, document_from_bytes

__all__ = ["ENV_DATA", "PLAN_FILE", "UNITS_DIR", "find_data_dir", "load", "load_valid", "unit_files"]

M = TypeVar("M", bound=BaseModel)


def load(root: Path, cache: Cache | None = None) -> tuple[Dataset | None, list[Problem]]:
    """Load a data folder: the dataset, or ``None`` with every problem found when there are any.

    With a ``cache``, a file whose bytes were validated before is not parsed again (its text is
    parsed only if a check or a write needs positions), and a folder checked before, file for
    file the same, is not cross-checked again.
    """
    cache = cache or Cache(None)
    problems: list[Problem] = []
    raws = {path: path.read_bytes() for path in data_files(root) if _readable(path, problems)}
    documents = Documents(raws)
    plan = _load_file(root / PLAN_FILE, PlanFile, documents, problems, cache)
    checked = "checked-" + content_digest((path.relative_to(root).as_posix(), raw) for path, raw in raws.items())
    if plan is not None and not problems and cache.get(checked) is True:
        # The folder, byte for byte, was loaded and checked clean before: its unit ids are its
        # file names, and a unit's model is read from the cache only when a command asks for it.
        paths = {path.stem: path for path in unit_files(root)}
        loaders = {stem: partial(_load_known, path, documents, cache) for stem, path in paths.items()}
        return Dataset(root, plan, Shelf(loaders), documents, paths), problems
    units: dict[str, Unit] = {}
    unit_paths: dict[str, Path] = {}
    for path in unit_files(root):
        unit = _load_file(path, Unit, documents, problems, cache)
        if unit is not None and unit.id not in units:
            units[unit.id] = unit
            unit_paths[unit.id] = path
    if problems or plan is None:
        # Cross-file checks wait until every file reads cleanly: a unit file that cannot be
        # read would otherwise show up again as a missing owner everywhere it is named.
        return None, problems
    dataset = Dataset(root, plan, units, documents, unit_paths)
    problems.extend(_cross_check(dataset, raws, cache))
    if not problems:
        cache.put(checked, True)
    return (dataset if not problems else None), problems


class Shelf(Mapping[str, Unit]):
    """Units by id, each loaded on first use."""

    def __init__(self, loaders: Mapping[str, Callable[[], Unit]]) -> None:
        self.loaders = loaders
        self.loaded: dict[str, Unit] = {}

    def __getitem__(self, unit_id: str) -> Unit:
        if unit_id not in self.loaded:
            self.loaded[unit_id] = self.loaders[unit_id]()
        return self.loaded[unit_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.loaders)

    def __len__(self) -> int:
        return len(self.loaders)

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self.loaders


def _load_known(path: Path, documents: Documents, cache: Cache) -> Unit:
    """A unit from a folder known to be valid; a problem here means the file changed meanwhile."""
    problems: list[Problem] = []
    unit = _load_file(path, Unit, documents, problems, cache)
    if unit is None:
        raise DataInvalid(problems)
    return unit


def _cross_check(dataset: Dataset, raws: dict[Path, bytes], cache: Cache) -> list[Problem]:
    """Cross-file checks, skipping unit files found clean before against the same plan and units.

    A unit file's own checks depend on its bytes and name, the plan's bytes and which units
    exist, so after one file is edited only that file is checked again.
    """
    plan_path = dataset.root / PLAN_FILE
    context = digest(raws[plan_path], *sorted(dataset.units))
    keys = {unit: "unit-checked-" + digest(context, path.name, raws[path]) for unit, path in dataset.unit_paths.items()}
    clean = frozenset(unit for unit, key in keys.items() if cache.get(key) is True)
    problems = check(dataset, plan_path, clean)
    flagged = {problem.path for problem in problems}
    for unit, key in keys.items():
        if unit not in clean and dataset.unit_paths[unit] not in flagged:
            cache.put(key, True)
    return problems


class Documents(dict[Path, Document]):
    """Parsed files by path; a file served from the cache is parsed from its bytes on first use."""

    def __init__(self, raws: dict[Path, bytes]) -> None:
        super().__init__()
        self.raws = raws

    def __missing__(self, path: Path) -> Document:
        document = document_from_bytes(path, self.raws[path])
        self[path] = document
        return document


def _readable(path: Path, problems: list[Problem]) -> bool:
    try:
        path.stat()
        return True
    except OSError as error:
        problems.append(Problem(path, 1, 1, _("không đọc được tệp: {error}").format(error=error.strerror), "io"))
        return False


def load_valid(root: Path, cache: Cache | None = None) -> Dataset:
    """The dataset, or :class:`DataInvalid` with every problem found."""
    dataset, problems = load(root, cache)
    if dataset is None:
        raise DataInvalid(problems)
    return dataset


def _load_file(path: Path, model: type[M], documents: Documents, problems: list[Problem], cache: Cache) -> M | None:
    if path not in documents.raws:
        return None
    key = f"{model.__name__.lower()}-" + digest(documents.raws[path])
    cached = cache.get(key)
    if isinstance(cached, model):
        return cached
    try:
        document = documents[path]
    except YamlError as error:
        problems.extend(error.problems)
        return None
    version_problem = _version_problem(document)
    if version_problem:
        problems.append(version_problem)
        return None
    try:
        validated = model.model_validate(document.data)
    except ValidationError as error:
        problems.extend(problems_from_validation(document, model, error))
        return None
    cache.put(key, validated)
    return validated


def _version_problem(document: Document) -> Problem | None:
    """A file of a format version this kehoach does not read is refused before anything else."""
    version = document.data.get("schema")
    if version in SUPPORTED_SCHEMAS and not isinstance(version, bool):
        return None
    supported = ", ".join(str(number) for number in SUPPORTED_SCHEMAS)
    if version is None:
        message = _("thiếu khóa 'schema' (phiên bản định dạng); hãy thêm 'schema: {supported}' ở đầu tệp")
    else:
        message = _("định dạng phiên bản {version} không được hỗ trợ; kehoach này đọc phiên bản: {supported}")
    line, column = document.position(("schema",))
    return Problem(
        document.path, line, column, message.format(version=version, supported=supported), "schema-version", "schema"
    )
