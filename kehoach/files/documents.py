"""The plain text of a plan document, from a text file or a Word document, for its outline
(kehoach.domain.outline).

A text export (``.txt``, ``.md``) marks each schedule annotation ``(*…*)``; a Word document sets it
in italics inside parentheses. Both come out the same: paragraphs separated by a blank line, each
annotation ``(*…*)``, so one outline reads either. A file that is neither (a binary, a text not in
UTF-8, a damaged ``.docx``) is refused with what to do.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.errors import UsageError
from kehoach.files.paths import shown
from kehoach.i18n import _

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

_OPEN, _CLOSE = "\x01", "\x02"
"""Where italics start and end in a paragraph's text, until the annotations are marked."""
_ITALIC_IN_PARENTHESES = re.compile(r"\(\s*\x01\s*(.*?)\s*\x02\s*\)|\x01\s*\((.*?)\)\s*\x02", re.S)


def plan_text(path: Path) -> str:
    if path.suffix.lower() == ".docx":
        return _docx_text(path)
    data = path.read_bytes()
    if b"\x00" in data:
        raise UsageError(
            _("{path} không phải tệp văn bản; hãy dùng tệp .txt, .md (UTF-8) hoặc .docx").format(path=shown(path))
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UsageError(
            _("{path} không phải văn bản UTF-8 (byte {offset}); hãy lưu lại với bảng mã UTF-8").format(
                path=shown(path), offset=error.start
            )
        ) from None


def _docx_text(path: Path) -> str:
    from docx import Document  # imported only for a Word document: it is slow to import
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise UsageError(
            _(
                "{path} không đọc được như tệp Word (.docx): tệp hỏng hoặc không phải .docx; hãy mở và "
                "lưu lại bằng Word hoặc LibreOffice"
            ).format(path=shown(path))
        ) from None
    return "\n\n".join(_marked(paragraph) for paragraph in document.paragraphs if paragraph.text.strip()) + "\n"


def _marked(paragraph: Paragraph) -> str:
    """A paragraph's text with its italic annotations marked ``(*…*)`` and other italics dropped."""
    from docx.text.hyperlink import Hyperlink

    parts = []
    for item in paragraph.iter_inner_content():  # runs, and the runs of links (paragraph.runs skips those)
        for run in item.runs if isinstance(item, Hyperlink) else [item]:
            parts.append(f"{_OPEN}{run.text}{_CLOSE}" if run.italic else run.text)
    text = "".join(parts).replace(_CLOSE + _OPEN, "")  # one italic span over several runs
    text = _ITALIC_IN_PARENTHESES.sub(lambda match: f"(*{match[1] if match[1] is not None else match[2]}*)", text)
    return text.replace(_OPEN, "").replace(_CLOSE, "")
