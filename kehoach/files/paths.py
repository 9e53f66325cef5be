"""How file paths are shown to users: relative to the current folder when they are inside it."""

from __future__ import annotations

from pathlib import Path


def shown(path: Path) -> str:
    try:
        relative = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):  # outside the current folder, or the current folder is gone
        return str(path)
    return relative if relative != "." else str(path)  # the current folder itself: as the user wrote it
