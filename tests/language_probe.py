"""Run many kehoach command lines in one process, in one language, and print what each wrote.

The language is fixed as kehoach is imported (kehoach.i18n), and the test process speaks
Vietnamese (tests/conftest.py); so tests/test_one_language.py runs this script once per
language rather than one process per command line. Reads ``{"language": …, "runs": [[arg, …],
…]}`` as JSON on stdin; writes a JSON list of ``{"args", "code", "stdout", "stderr"}``.
"""

from __future__ import annotations

import json
import os
import sys


def main() -> None:
    question = json.load(sys.stdin)
    os.environ["KEHOACH_LANG"] = question["language"]
    from typer.testing import CliRunner

    from kehoach.cli.app import app

    runner = CliRunner()
    answers = []
    for args in question["runs"]:
        result = runner.invoke(app, args, prog_name="kehoach", catch_exceptions=False)
        answers.append({"args": args, "code": result.exit_code, "stdout": result.stdout, "stderr": result.stderr})
    json.dump(answers, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
