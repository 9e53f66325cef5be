"""``kehoach merge-file``: the git merge driver for unit files and ``plan.yaml``.

Declared in ``.gitattributes`` (``units/*.yaml merge=kehoach``, ``plan.yaml merge=kehoach``; ``kehoach
init`` writes both) and named by one line of git configuration in each clone::

    git config merge.kehoach.driver "kehoach merge-file %O %A %B %P"

git runs it with the ancestor's, our and their versions of a file, and its path; it writes the
merge into our version and exits 0, or 1 when a person must finish it. See
:mod:`kehoach.files.merge` for what it merges itself; anything else is git's own three-way merge
of the whole files, conflict markers included.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from kehoach.files.merge import git_merge_file, git_three_way, merge
from kehoach.files.storage import write_atomically
from kehoach.i18n import _


def run(ancestor: Path, ours: Path, theirs: Path, name: str, err: TextIO) -> int:
    """Merge the three versions into ``ours``; 0 when merged, 1 when conflict markers were left."""
    base, mine, other = (path.read_bytes() for path in (ancestor, ours, theirs))
    shown = Path(name or ours.name)
    try:
        merged = merge(shown, base, mine, other, git_three_way)
    except Exception:  # whatever goes wrong here, git's own merge of the whole files loses nothing
        merged = None
    if merged is not None:
        write_atomically(ours, merged)
        return 0
    result, conflicts = git_merge_file(base, mine, other, name)
    write_atomically(ours, result)
    if conflicts:
        err.write(
            _("kehoach merge-file: {path}: hai nhánh sửa cùng một chỗ; hãy gộp tay rồi chạy kehoach validate").format(
                path=shown
            )
            + "\n"
        )
        return 1
    return 0
