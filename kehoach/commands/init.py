"""``kehoach init``: a plan repository of its own, ready to edit, check and share.

``kehoach init DIR`` lays out, in a folder that is new or empty:

* ``plan.yaml`` and ``units/`` at the folder's root (found there as ``data/`` is: see
  :func:`kehoach.files.datadir.find_data_dir`): a skeleton plan with comments, or with ``--from
  DATA`` the plan and unit files of an existing data folder, byte for byte but for the first line
  that tells editors where the schema is;
* ``schema/plan.json`` and ``schema/unit.json``, the JSON Schemas those first lines point at
  (``kehoach init --update DIR`` writes them again after an upgrade, and touches nothing else);
* ``.pre-commit-config.yaml``: the ``kehoach-validate`` hook, installed from a pinned requirement
  (a ``local`` hook), or with ``--hook-repo URL`` kehoach's own hook repository at a pinned ``rev``
  (``--hook-rev``, by default ``v<the version running init>``);
* ``.github/workflows/kehoach.yml`` and ``.gitlab-ci.yml``: CI that installs the same pinned
  requirement and runs ``kehoach validate`` with the forge's annotations;
* ``.gitattributes``: unit files and ``plan.yaml`` merged by ``kehoach merge-file`` (a clone
  still needs the one line :data:`MERGE_DRIVER`, which init prints and the README gives);
* ``README.md``: for the people who edit the data, in Vietnamese.

The requirement is ``kehoach==<the version running init>`` unless ``--requirement`` names another
(a private index's, or ``kehoach @ git+https://…@v0.1.0``): the hook and both CI files install
exactly it, so a check never changes under the data because kehoach did.

init writes only into a folder that is new or empty (a fresh ``.git`` may be there), so nothing
that was there is ever overwritten (``--update`` rewrites the two schemas alone), and it checks the
files of ``--from`` before it writes anything. Each file is written whole or not at all; should the
disk fill halfway, the folder holds some of them: remove it and run init again.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from kehoach.commands import schema
from kehoach.errors import UsageError
from kehoach.files.datadir import PLAN_FILE, UNITS_DIR, read_files, unit_files
from kehoach.files.load import load_valid
from kehoach.files.paths import shown
from kehoach.files.storage import write_atomically
from kehoach.files.yamlio import BOM
from kehoach.i18n import _, ngettext

SCHEMA_DIR = "schema"
MODELINE = "# yaml-language-server: $schema="
"""The first line of a data file: where the YAML language server finds its schema."""
HOOK_FILES = r"^(plan\.yaml|units/[^/]+\.yaml)$"
"""The files whose change runs the hook: the data at the repository's root."""


@dataclass(frozen=True)
class Options:
    requirement: str
    """What pip installs kehoach from, in the hook and in CI."""
    title: str
    issuer: str
    implements: str
    starts: date
    hook_repo: str | None = None
    """kehoach's hook repository (``.pre-commit-hooks.yaml``), for the hook instead of the requirement."""
    hook_rev: str | None = None


def run(target: Path, out: TextIO, *, options: Options, source: Path | None = None, update: bool = False) -> int:
    """Lay out a plan repository in ``target`` (see the module's docstring), or with ``update``
    write its schemas again; say what was written and what to do next."""
    files = schemas() if update else repository_files(options, source)
    if not update:
        # New or empty (a fresh `git init` may be there): files of another layout beside the new
        # ones would be read instead of them (a data/ folder), or stand in a new file's way.
        existing = sorted(path.name for path in target.iterdir() if path.name != ".git") if target.is_dir() else []
        if existing or (target.exists() and not target.is_dir()):
            raise UsageError(
                _(
                    "{folder} không rỗng ({files}); kehoach init chỉ tạo kho mới (cập nhật JSON Schema: --update)"
                ).format(folder=shown(target), files=", ".join(existing[:5]) + (", …" if len(existing) > 5 else ""))
            )
    elif not (target / PLAN_FILE).is_file():
        raise UsageError(
            _("{folder} không có {plan}: --update chỉ dùng cho kho đã tạo bằng kehoach init").format(
                folder=shown(target), plan=PLAN_FILE
            )
        )
    written = []
    for name, data in files.items():
        path = target / name
        if update and path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
        written.append(name)
    _say(out, target, written, update)
    return 0


def schemas() -> dict[str, bytes]:
    return {f"{SCHEMA_DIR}/{which}.json": schema.text_of(which).encode("utf-8") for which in schema.MODELS}


def repository_files(options: Options, source: Path | None) -> dict[str, bytes]:
    """Every file of a new plan repository, by its path from the repository's root."""
    data = _data_files(options, source)
    return {
        **data,
        **schemas(),
        ".pre-commit-config.yaml": _pre_commit(options).encode("utf-8"),
        ".github/workflows/kehoach.yml": _github(options.requirement).encode("utf-8"),
        ".gitlab-ci.yml": _gitlab(options.requirement).encode("utf-8"),
        ".gitattributes": _gitattributes().encode("utf-8"),
        "README.md": _readme().encode("utf-8"),
    }


def _data_files(options: Options, source: Path | None) -> dict[str, bytes]:
    if source is None:
        return {
            PLAN_FILE: _plan_skeleton(options).encode("utf-8"),
            f"{UNITS_DIR}/.gitkeep": b"",  # git keeps no empty folder; kehoach reads no hidden file
        }
    read = read_files(source)
    load_valid(source, files=read)  # checked before anything is written (DataInvalid): the very bytes copied
    raws = read[0]
    files = {PLAN_FILE: with_modeline(raws[source / PLAN_FILE], f"{SCHEMA_DIR}/plan.json")}
    for path in unit_files(source):
        files[f"{UNITS_DIR}/{path.name}"] = with_modeline(raws[path], f"../{SCHEMA_DIR}/unit.json")
    return files


def with_modeline(data: bytes, schema_path: str) -> bytes:
    """A data file's bytes with its first line pointing editors at ``schema_path``: the modeline
    it has replaced, or one put before its first line; in the file's own line ends (LF, CRLF or
    CR), after its byte-order mark if it has one."""
    bom = BOM if data.startswith(BOM) else b""
    body = data[len(bom) :]
    ending = b"\r\n" if b"\r\n" in body else (b"\r" if b"\r" in body and b"\n" not in body else b"\n")
    line = f"{MODELINE}{schema_path}".encode()
    first, separator, rest = body.partition(ending)
    if first.startswith(MODELINE.encode()):
        return bom + line + separator + rest
    return bom + line + ending + body


def _plan_skeleton(options: Options) -> str:
    return f"""{MODELINE}{SCHEMA_DIR}/plan.json
# Kế hoạch: sửa tệp này trực tiếp, rồi chạy `kehoach validate`; trình soạn thảo có YAML language
# server gợi ý từng khóa theo schema/plan.json.
schema: 1
plan:
  title: {_quoted(options.title)}
  issuer: {_quoted(options.issuer)}  # cơ quan ban hành
  implements: {_quoted(options.implements)}  # văn bản được thực hiện
  starts: {options.starts.isoformat()}  # ngày kế hoạch bắt đầu: trước ngày này không có việc nào
# Đơn vị: mỗi đơn vị một tệp units/<mã>.yaml (schema, id, name, kind).
# Nhóm đơn vị, dùng làm người thực hiện chung:
groups: []
#  - id: cac-huyen-uy
#    name: Các huyện ủy, thành ủy
#    members: [huyen-uy-a, thanh-uy-b]
# Nhiệm vụ, theo thứ tự trong văn bản:
tasks: []
#  - ref: II.1
#    title: Quán triệt kết luận
#    text: Tổ chức quán triệt (hoàn thành trong Quý I/2022).
#    owners: [cac-huyen-uy]
#    schedule: {{kind: deadline, by: 2022-Q1}}
"""


def _quoted(text: str) -> str:
    """A text as a YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _pre_commit(options: Options) -> str:
    if options.hook_repo is not None:
        return f"""# Kiểm tra dữ liệu kế hoạch trước mỗi lần commit (https://pre-commit.com): pre-commit install
repos:
  - repo: {_quoted(options.hook_repo)}
    rev: {_quoted(options.hook_rev or "")}
    hooks:
      - id: kehoach-validate
"""
    requirement = options.requirement
    return f"""# Kiểm tra dữ liệu kế hoạch trước mỗi lần commit (https://pre-commit.com): pre-commit install
repos:
  - repo: local
    hooks:
      - id: kehoach-validate
        name: kehoach validate
        entry: kehoach validate
        language: python
        additional_dependencies: [{_quoted(requirement)}]
        # Các kiểm tra liên quan nhiều tệp: kiểm cả thư mục mỗi khi một tệp dữ liệu đổi.
        pass_filenames: false
        files: {HOOK_FILES}
"""


def _github(requirement: str) -> str:
    return f"""# Kiểm tra dữ liệu kế hoạch ở mỗi lần push và pull request: mỗi lỗi hiện ở đúng dòng của nó.
name: kehoach validate
on:
  push:
  pull_request:
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: {_quoted("pip install " + _shell_quoted(requirement))}
      - run: kehoach validate --format github
"""


def _gitlab(requirement: str) -> str:
    return f"""# Kiểm tra dữ liệu kế hoạch ở mỗi lần push và merge request: lỗi hiện trong báo cáo Code Quality.
kehoach-validate:
  image: python:3.11
  script:
    - {_quoted("pip install " + _shell_quoted(requirement))}
    - kehoach validate --format gitlab > gl-code-quality-report.json
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
"""


MERGE_DRIVER = 'git config merge.kehoach.driver "kehoach merge-file %O %A %B %P"'
"""The one line of configuration a clone needs for the merge driver (git reads no driver from
the repository itself: a clone must say it trusts one)."""


def _gitattributes() -> str:
    return f"""# Hai nhánh cùng thêm bản ghi vào một tệp đơn vị: kehoach gộp cả hai, không xung đột.
# Mỗi bản sao kho cần chạy một lần: {MERGE_DRIVER}
plan.yaml merge=kehoach
units/*.yaml merge=kehoach
"""


def _shell_quoted(text: str) -> str:
    return shlex.quote(text)


def _readme() -> str:
    return """# Dữ liệu kế hoạch

Kho này giữ một kế hoạch và việc thực hiện nó, theo dõi bằng kehoach: `plan.yaml` là kế hoạch
(nhiệm vụ, người thực hiện, thời hạn), mỗi tệp trong `units/` là một đơn vị và những gì đơn vị
đã làm.

## Ghi một việc đã làm

```sh
kehoach due --quarter                      # việc đến hạn trong quý, từng đơn vị
kehoach done II.1 --unit huyen-uy-a -e "Báo cáo số 12-BC/HU"
kehoach overdue --unit huyen-uy-a          # việc quá hạn của một đơn vị
```

`kehoach done` thêm một bản ghi vào cuối tệp của đơn vị, không đổi gì khác trong tệp. Sửa tay tệp
YAML cũng được: trình soạn thảo có YAML language server gợi ý và báo lỗi theo `schema/`.

## Một lần cho mỗi bản sao kho

```sh
git config merge.kehoach.driver "kehoach merge-file %O %A %B %P"
```

Khi hai nhánh cùng ghi bản ghi vào một tệp đơn vị, git gộp bằng kehoach (`.gitattributes`): bản
ghi của cả hai nhánh đều được giữ, theo thứ tự ngày. Chỉ khi hai nhánh ghi khác nhau cho cùng một kỳ
của một nhiệm vụ, tệp mới còn dấu xung đột để gộp tay; `kehoach validate` báo cho tới khi gộp xong.

## Trước khi gửi: kiểm tra

```sh
pip install pre-commit && pre-commit install   # một lần cho mỗi bản sao kho
kehoach validate                               # kiểm tra mọi tệp; lỗi ghi tệp:dòng:cột
```

Sau `pre-commit install`, mỗi lần commit đều chạy `kehoach validate`: commit có lỗi bị dừng, kèm
tệp và dòng của từng lỗi.

## Xem xét một pull request (merge request)

- CI chạy `kehoach validate` ở mỗi lần push: lỗi hiện ngay ở dòng của nó (GitHub) hoặc trong báo cáo
  Code Quality (GitLab). Chỉ gộp khi kiểm tra đạt.
- Mỗi bản ghi hoàn thành cần văn bản chứng minh (`evidence`): đối chiếu số văn bản với bản gốc.
- Thay đổi ở `plan.yaml` là thay đổi kế hoạch: cần người có thẩm quyền duyệt.

## Các kiểm tra làm gì

`kehoach validate` kiểm tra từng tệp theo JSON Schema (khóa, kiểu, ngày), rồi kiểm tra chéo: người
thực hiện phải có tệp đơn vị, bản ghi phải đúng nhiệm vụ và kỳ đơn vị có trách nhiệm, ngày ghi
không trước ngày kỳ bắt đầu hay sau hôm nay, không còn dấu xung đột của git.

## Khi nâng cấp kehoach

Sửa phiên bản trong `.pre-commit-config.yaml`, `.github/workflows/kehoach.yml` và `.gitlab-ci.yml`,
rồi chạy `kehoach init --update .` để viết lại JSON Schema trong `schema/`.
"""


def _say(out: TextIO, target: Path, written: list[str], update: bool) -> None:
    if update:
        if written:
            out.write(_("Đã cập nhật: {files}.").format(files=", ".join(written)) + "\n")
        else:
            out.write(
                _("JSON Schema trong {folder} đã đúng với phiên bản kehoach này.").format(folder=shown(target)) + "\n"
            )
        return
    out.write(_("Đã tạo kho dữ liệu kế hoạch ở {folder}:").format(folder=shown(target)) + "\n")
    units = [name for name in written if name.startswith(f"{UNITS_DIR}/") and name.endswith(".yaml")]
    for name in written:
        if name not in units:
            out.write(f"  {name}\n")
    if units:
        count = ngettext("{count} tệp đơn vị", "{count} tệp đơn vị", len(units)).format(count=len(units))
        out.write(f"  {UNITS_DIR}/ ({count})\n")
    out.write(_("Tiếp theo:") + "\n")
    for step in (f"cd {shown(target)}", "git init", MERGE_DRIVER, "pre-commit install", "kehoach validate"):
        out.write(f"  {step}\n")
