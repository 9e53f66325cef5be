"""``kehoach import FILE -o DIR``: a draft data folder from a plan document, for a person to review.

It reads the document (:func:`kehoach.files.documents.plan_text`: ``.txt``, ``.md`` or ``.docx``),
outlines it (:mod:`kehoach.domain.outline`), drafts the plan (:mod:`kehoach.domain.draft`), and
writes ``plan.yaml``, ``units/`` and ``review.txt`` into ``DIR``, a folder that is new or empty.
With ``--units-from DATA``, the units, groups, term calendars and events of an existing data
folder are matched to the document's names and carried over.

The folder is written whole or not at all: the files go to a hidden folder beside ``DIR``, are
checked there as ``kehoach validate`` checks them, and only then take ``DIR``'s name (an empty
``DIR`` that exists, perhaps the current folder, stays, and the files move into it). A document
with no task in it, a binary file, or a ``DIR`` that holds files writes nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from kehoach.domain.draft import Draft, Known, draft
from kehoach.domain.outline import outline
from kehoach.errors import ExitCode, KehoachError, UsageError
from kehoach.files.datadir import PLAN_FILE, UNITS_DIR
from kehoach.files.documents import places, plan_text
from kehoach.files.drafts import REVIEW_FILE, draft_files, review_lines
from kehoach.files.load import load_valid, verdict
from kehoach.files.oserrors import write_refused
from kehoach.files.paths import shown
from kehoach.files.storage import write_atomically
from kehoach.i18n import _, ngettext


def run(document: Path, target: Path, out: TextIO, *, units_from: Path | None, today: date) -> int:
    found = outline(plan_text(document))
    if not found.obligations:
        raise UsageError(
            _(
                "{path}: không thấy nhiệm vụ nào (đoạn đánh số '1. …' hoặc gạch đầu dòng '- …' dưới các mục "
                "'II. …'); hãy kiểm tra đây là văn bản kế hoạch"
            ).format(path=shown(document))
        )
    _refuse_non_empty(target)
    known = _known(units_from) if units_from is not None else None
    result = draft(found, known, today)
    place = places(document)
    files = draft_files(result, document.name, place)
    _write_whole(target, files)
    _say(out, target, result, len(files) - 2, place)
    return 0


def _known(root: Path) -> Known:
    dataset = load_valid(root)  # DataInvalid, with every problem, before anything is written
    return Known(
        units=list(dataset.units.values()),
        groups=list(dataset.plan.groups),
        calendars=list(dataset.plan.term_calendars),
        events=list(dataset.plan.events),
        issuer=dataset.plan.plan.issuer,
    )


class DraftInvalid(KehoachError):
    """The draft does not validate: kehoach's bug (the draft is built to be valid), reported without
    a traceback, with nothing written."""

    exit_code = ExitCode.PROBLEMS


def _refuse_non_empty(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise UsageError(
            _("{folder} là một tệp, không phải thư mục; hãy chọn một thư mục mới hoặc rỗng cho -o").format(
                folder=shown(target)
            )
        )
    if target.is_dir() and any(target.iterdir()):
        raise UsageError(
            _("{folder} đã có và không rỗng; kehoach import chỉ ghi vào thư mục mới hoặc rỗng").format(
                folder=shown(target)
            )
        )


def _write_whole(target: Path, files: dict[str, str]) -> None:
    """Write the folder beside ``target``, check it, then give it ``target``'s name."""
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as error:
        raise write_refused(target, error) from None
    try:
        (staging / UNITS_DIR).mkdir()
        for name, text in files.items():
            write_atomically(staging / name, text.encode("utf-8"))
        problems = verdict(staging).problems
        if problems:
            first = problems[0]
            raise DraftInvalid(
                _(
                    "bản nháp không hợp lệ ({file}:{line}: {message}); đây là lỗi của kehoach import, hãy báo lỗi "
                    "kèm văn bản; chưa ghi gì"
                ).format(file=first.path.relative_to(staging), line=first.line, message=first.message)
            )
        if target.is_dir():  # empty (checked above), perhaps the current folder: the files move in
            for name in sorted(path.name for path in staging.iterdir()):
                os.rename(staging / name, target / name)
        else:
            os.chmod(staging, 0o777 & ~_umask())
            os.rename(staging, target)
    except OSError as error:
        raise write_refused(target, error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _say(out: TextIO, target: Path, result: Draft, units: int, place: Callable[[int], str]) -> None:
    out.write(
        _("Đã soạn bản nháp trong {folder}: {plan} ({tasks}), {units} trong {units_dir}/, {review}.").format(
            folder=shown(target),
            plan=PLAN_FILE,
            tasks=ngettext("{count} nhiệm vụ", "{count} nhiệm vụ", len(result.plan.tasks)).format(
                count=len(result.plan.tasks)
            ),
            units=ngettext("{count} tệp đơn vị", "{count} tệp đơn vị", units).format(count=units),
            units_dir=UNITS_DIR,
            review=REVIEW_FILE,
        )
        + "\n"
    )
    if result.review:
        count = len(result.review)
        out.write(ngettext("Cần xem lại {count} điểm:", "Cần xem lại {count} điểm:", count).format(count=count) + "\n")
        out.writelines(f"  {line}\n" for line in review_lines(result.review, place))
    out.write(_("Tiếp theo: sửa bản nháp, rồi kehoach validate --data {folder}").format(folder=shown(target)) + "\n")
