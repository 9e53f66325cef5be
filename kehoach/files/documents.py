"""The plain text of a plan document, from a text file or a Word document, for its outline
(kehoach.domain.outline).

A text export (``.txt``, ``.md``) marks each schedule annotation ``(*…*)``; a Word document sets it
in italics inside parentheses. Both come out the same: paragraphs separated by a blank line, each
annotation ``(*…*)``, so one outline reads either. A file that is neither (a binary, a text not in
UTF-8, a damaged ``.docx``) is refused with what to do.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.errors import UsageError
from kehoach.files.oserrors import SystemRefused, reason
from kehoach.files.paths import shown
from kehoach.i18n import _

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

_OPEN, _CLOSE = "\x01", "\x02"
"""Where italics start and end in a paragraph's text, until the annotations are marked."""
_ITALIC_IN_PARENTHESES = re.compile(r"\(\s*\x01\s*(.*?)\s*\x02\s*\)|\x01\s*\((.*?)\)\s*\x02", re.S)


def plan_text(path: Path) -> str:
    """The document's text, composed (NFC: a text pasted on macOS is decomposed, and the outline's
    words are written composed)."""
    if not path.exists():
        raise UsageError(_("không có tệp {path}; hãy kiểm tra đường dẫn").format(path=shown(path)))
    if path.is_dir():
        raise UsageError(_("{path} là một thư mục; hãy chỉ tệp văn bản kế hoạch").format(path=shown(path)))
    try:
        return unicodedata.normalize("NFC", _docx_text(path) if path.suffix.lower() == ".docx" else _text(path))
    except OSError as error:
        raise SystemRefused(
            _("không đọc được {path}: {reason}").format(path=shown(path), reason=reason(error, path))
        ) from None


def _text(path: Path) -> str:
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
    # Every paragraph, empty ones too, on a line of its own after a blank one: paragraph n is the
    # text's line 2n - 1, so a place in the text is a place in the document (see places).
    return "\n\n".join(" ".join(_marked(paragraph).split("\n")) for paragraph in document.paragraphs) + "\n"


def places(path: Path) -> Callable[[int], str]:
    """How a line of :func:`plan_text`'s text is named to a person: its line in a text file, its
    paragraph in a Word document (which has no lines; Word counts paragraphs)."""
    if path.suffix.lower() == ".docx":
        return lambda line: _("đoạn {number}").format(number=(line + 1) // 2)
    return lambda line: _("dòng {number}").format(number=line)


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
