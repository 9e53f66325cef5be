"""Find the data folder and load it: every file parsed, validated and cross-checked."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from kehoach.checks import check
from kehoach.dataset import Dataset
from kehoach.diagnostics import problems_from_validation
from kehoach.errors import DataInvalid, DataNotFound, Problem
from kehoach.i18n import _
from kehoach.model import SUPPORTED_SCHEMAS, PlanFile, Unit
from kehoach.yamlio import Document, YamlError, read_document

PLAN_FILE = "plan.yaml"
UNITS_DIR = "units"
ENV_DATA = "KEHOACH_DATA"

M = TypeVar("M", bound=BaseModel)


def find_data_dir(explicit: Path | None, environ: Mapping[str, str], cwd: Path) -> Path:
    """``--data``, else ``$KEHOACH_DATA``, else the nearest ``data/`` holding ``plan.yaml`` upwards."""
    if explicit is not None:
        return _checked(explicit, "--data")
    if environ.get(ENV_DATA):
        return _checked(Path(environ[ENV_DATA]), ENV_DATA)
    for folder in (cwd, *cwd.parents):
        if (folder / "data" / PLAN_FILE).is_file():
            return folder / "data"
    raise DataNotFound(
        _(
            "không tìm thấy thư mục dữ liệu: không có data/{plan} ở {cwd} hay thư mục cha nào. "
            "Hãy chạy lệnh trong kho dữ liệu, hoặc chỉ rõ bằng --data THƯ_MỤC hay biến môi trường {env}."
        ).format(plan=PLAN_FILE, cwd=cwd, env=ENV_DATA)
    )


def _checked(folder: Path, source: str) -> Path:
    if not (folder / PLAN_FILE).is_file():
        raise DataNotFound(
            _("thư mục dữ liệu {folder} (từ {source}) không có tệp {plan}").format(
                folder=folder, source=source, plan=PLAN_FILE
            )
        )
    return folder


def unit_files(root: Path) -> list[Path]:
    return sorted((root / UNITS_DIR).glob("*.yaml"))


def load(root: Path) -> tuple[Dataset | None, list[Problem]]:
    """Load a data folder: the dataset, or ``None`` with every problem found when there are any."""
    problems: list[Problem] = []
    documents: dict[Path, Document] = {}
    plan = _load_file(root / PLAN_FILE, PlanFile, documents, problems)
    units: dict[str, Unit] = {}
    unit_paths: dict[str, Path] = {}
    for path in unit_files(root):
        unit = _load_file(path, Unit, documents, problems)
        if unit is not None and unit.id not in units:
            units[unit.id] = unit
            unit_paths[unit.id] = path
    if problems or plan is None:
        # Cross-file checks wait until every file reads cleanly: a unit file that cannot be
        # read would otherwise show up again as a missing owner everywhere it is named.
        return None, problems
    dataset = Dataset(root, plan, units, documents, unit_paths)
    problems.extend(check(dataset, root / PLAN_FILE))
    return (dataset if not problems else None), problems


def load_valid(root: Path) -> Dataset:
    """The dataset, or :class:`DataInvalid` with every problem found."""
    dataset, problems = load(root)
    if dataset is None:
        raise DataInvalid(problems)
    return dataset


def _load_file(path: Path, model: type[M], documents: dict[Path, Document], problems: list[Problem]) -> M | None:
    try:
        document = read_document(path)
    except YamlError as error:
        problems.extend(error.problems)
        return None
    except OSError as error:
        problems.append(Problem(path, 1, 1, _("không đọc được tệp: {error}").format(error=error.strerror), "io"))
        return None
    documents[path] = document
    version_problem = _version_problem(document)
    if version_problem:
        problems.append(version_problem)
        return None
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems.extend(problems_from_validation(document, model, error))
        return None


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
