"""Rewrite every listing sample of README.md with what kehoach prints now (80 columns).

    python docs/samples.py

A sample is a fenced ``console`` block whose first line is ``$ kehoach LISTING …`` (a command that
only reads: :data:`LISTINGS`); the command runs on the shipped ``data/`` (found from the checkout, as ``--data`` is not given) with ``COLUMNS=80``, as
``tests/test_docs.py`` runs it to hold the README to the truth. Only the output under the command
line is replaced. Samples of commands that write (``done``, ``event``…) are never run here: they
would write to the shipped data.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
LISTINGS = ("summary", "due", "overdue", "upcoming", "history", "show", "tasks", "units", "events", "ongoing")
SAMPLE = re.compile(r"```console\n\$ kehoach ((?:" + "|".join(LISTINGS) + r") [^\n]*)\n(.*?)```", re.S)


def output(command: str) -> str:
    environment = {**os.environ, "COLUMNS": "80", "KEHOACH_LANG": "vi", "NO_COLOR": "1"}
    environment.pop("KEHOACH_TODAY", None)  # every sample names its day
    environment.pop("KEHOACH_DATA", None)  # run in the checkout: kehoach finds data/ as a user's would
    args = [sys.executable, str(REPO / "cli.py"), *shlex.split(command)]
    result = subprocess.run(args, capture_output=True, text=True, env=environment, check=False, cwd=REPO)
    return "".join(line.rstrip() + "\n" for line in result.stdout.splitlines())


def main() -> None:
    text = README.read_text(encoding="utf-8")
    updated = SAMPLE.sub(lambda found: f"```console\n$ kehoach {found[1]}\n{output(found[1])}```", text)
    README.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    main()
