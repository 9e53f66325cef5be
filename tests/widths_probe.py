"""Run listing commands at given terminal widths and tell what each printed and how its tables were
laid out: for tests/test_widths.py, in-process (Vietnamese, the tests' language) or as a script in
a process of its own for another language.

    python tests/widths_probe.py en < cases.json > results.json

A case is ``{"args": [...], "width": 80, "env": {...}}``; a result ``{"args", "width", "exit_code",
"lines", "tables"}``, each table the headers, roles, widths and minimums
:func:`kehoach.present.tables.layout` chose. The language is chosen before kehoach's Typer
application is imported, as :func:`kehoach.cli.main` does: headings are translated as their
modules are imported.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any


def probe(cases: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    from typer.testing import CliRunner

    from kehoach.cli.app import app
    from kehoach.present import output, tables

    drawn: list[dict[str, Any]] = []
    render = output.render

    def recording(
        headers: Sequence[str],
        rows: Sequence[Sequence[tables.Cell]],
        roles: Sequence[tables.Role],
        width: int,
        *rest: Any,
    ) -> list[str]:
        given = rest[1] if len(rest) > 1 else None  # the layout shared by a listing's groups
        chosen = given if given is not None else tables.layout(headers, rows, roles, width)
        drawn.append(
            {
                "headers": list(headers),
                "roles": [role.value for role in roles],
                "width": width,
                "widths": list(chosen.widths),
                "minimums": list(chosen.minimums),
                "cramped": chosen.cramped,
            }
        )
        return render(headers, rows, roles, width, *rest)

    output.render = recording  # type: ignore[assignment]
    results = []
    try:
        runner = CliRunner()
        for case in cases:
            drawn.clear()
            env = {**case.get("env", {}), "COLUMNS": str(case["width"])}
            result = runner.invoke(app, case["args"], env=env, catch_exceptions=False)
            results.append(
                {
                    "args": case["args"],
                    "width": case["width"],
                    "exit_code": result.exit_code,
                    "lines": result.stdout.splitlines(),
                    "stderr": result.stderr,
                    "tables": list(drawn),
                }
            )
    finally:
        output.render = render  # type: ignore[assignment]
    return results


if __name__ == "__main__":
    from kehoach import i18n

    i18n.use(sys.argv[1])
    json.dump(probe(json.load(sys.stdin)), sys.stdout, ensure_ascii=False)
