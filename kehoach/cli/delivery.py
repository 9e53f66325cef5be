"""Where a file-like answer (a calendar, a report) goes: the screen, or a file written whole."""

from __future__ import annotations

import sys
from pathlib import Path

from kehoach.errors import UsageError
from kehoach.files.paths import shown
from kehoach.i18n import _


def deliver(content: bytes, output: Path | None) -> None:
    """Print ``content`` (UTF-8 text), or write it to ``output`` whole (never half a file) and say where."""
    if output is None:
        sys.stdout.write(content.decode("utf-8"))
        return
    from kehoach.files.storage import write_atomically

    try:
        write_atomically(output, content)
    except OSError as error:
        raise UsageError(
            _("không ghi được {path}: {reason}").format(path=shown(output), reason=error.strerror)
        ) from None
    sys.stdout.write(_("Đã ghi {path}.").format(path=shown(output)) + "\n")
