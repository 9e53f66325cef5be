"""Where a file-like answer (a calendar, a report) goes: the screen, or a file written whole."""

from __future__ import annotations

import sys
from pathlib import Path

from kehoach.errors import UsageError
from kehoach.files.paths import shown
from kehoach.i18n import _

STANDARD_OUTPUT = Path("-")
"""``-o -``: standard output, as for ``tar``, ``curl`` and most tools that take ``-o``."""


def to_standard_output(output: Path | None) -> bool:
    return output is None or output == STANDARD_OUTPUT


def refuse_binary_on_a_terminal(output: Path | None, extension: str) -> None:
    """A binary file (``.xlsx``, ``.docx``) may go to standard output redirected to a file or a
    pipe, never to a terminal, which would show garbage and may be left in a strange state."""
    if to_standard_output(output) and sys.stdout.isatty():
        raise UsageError(
            _(
                "{extension} là tệp nhị phân, không hiện được trên màn hình; hãy chỉ nơi ghi bằng -o TỆP, "
                "ví dụ -o bao-cao.{extension} (hoặc chuyển hướng: > bao-cao.{extension})"
            ).format(extension=extension)
        )


def deliver(content: bytes, output: Path | None, *, binary: bool = False) -> None:
    """Print ``content`` (UTF-8 text, or bytes as they are when ``binary``), or write it to ``output``
    whole (never half a file) and say where. ``-o -`` is standard output; a device, a pipe or a
    folder is refused and left as it was (see :func:`~kehoach.files.storage.write_output`)."""
    if to_standard_output(output):
        if binary:
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(content.decode("utf-8"))
        return
    assert output is not None
    from kehoach.files.storage import write_output

    write_output(output, content)
    sys.stdout.write(_("Đã ghi {path}.").format(path=shown(output)) + "\n")
