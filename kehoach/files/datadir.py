"""Where the data lives: found like git finds its repository. Light on imports (no models)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from kehoach.errors import DataNotFound, Problem
from kehoach.files.oserrors import SystemRefused, reason
from kehoach.files.paths import shown
from kehoach.i18n import _

PLAN_FILE = "plan.yaml"
UNITS_DIR = "units"
ENV_DATA = "KEHOACH_DATA"


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
    folder = root / UNITS_DIR
    try:  # glob passes over a folder it may not list, which would read as a plan without units
        os.scandir(folder).close()
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        raise SystemRefused(
            _("không đọc được thư mục {folder}: {reason}").format(folder=shown(folder), reason=reason(error, folder))
        ) from None
    return sorted(folder.glob("*.yaml"))


def data_files(root: Path) -> list[Path]:
    """Every file a data folder is made of: the plan first, then the units by name."""
    return [root / PLAN_FILE, *unit_files(root)]


def read_files(root: Path) -> tuple[dict[Path, bytes], list[Problem]]:
    """Every data file's bytes, read once; a file that cannot be read is a problem, not a crash."""
    raws: dict[Path, bytes] = {}
    problems: list[Problem] = []
    for path in data_files(root):
        try:
            raws[path] = path.read_bytes()
        except OSError as error:
            message = _("không đọc được tệp: {error}").format(error=reason(error, path))
            problems.append(Problem(path, 1, 1, message, "io"))
    return raws, problems
