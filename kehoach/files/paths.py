"""How file paths are shown to users: relative to the current folder when they are inside it."""

from __future__ import annotations

from pathlib import Path


def shown(path: Path) -> str:
    try:  # the folder resolved, not the file: a link is shown by its own name, and a loop of links is no error
        absolute = path.absolute()
        relative = str((absolute.parent.resolve() / absolute.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the current folder, the current folder gone, a loop
        return str(path)
    return relative if relative != "." else str(path)  # the current folder itself: as the user wrote it
