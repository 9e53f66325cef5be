"""The package's folders are layers, and imports only point downward (README, "Design").

foundation (errors, i18n) ← domain ← files ← present ← commands ← cli: the domain reads no file and
writes no word of presentation; the files layer knows nothing of tables; only the CLI knows Typer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kehoach"
RANK = {"errors": 0, "i18n": 0, "domain": 1, "files": 2, "present": 3, "commands": 4, "cli": 5}
THIRD_PARTY_ONLY_IN = {"typer": {"cli"}, "click": {"cli"}, "yaml": {"files"}, "rich": {"present"}}


def modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path.parent != PACKAGE or path.stem in RANK)


def layer_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] if node.module == "kehoach" else []
            found += [(node.lineno, name) for name in names or [node.module]]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def test_every_module_is_in_a_layer() -> None:
    loose = [path.name for path in PACKAGE.glob("*.py") if path.stem not in (*RANK, "__init__", "__main__")]
    assert loose == [], "a module at the package's top is in no layer: move it into one (README, Design)"
    assert {layer_of(path) for path in modules()} == set(RANK)


@pytest.mark.parametrize("path", modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_point_only_downward(path: Path) -> None:
    mine = layer_of(path)
    upward = []
    for line, name in imported(path):
        parts = name.split(".")
        if parts[0] == "kehoach" and len(parts) > 1 and parts[1] in RANK and RANK[parts[1]] > RANK[mine]:
            upward.append(f"line {line}: {mine} imports {name}")
        allowed = THIRD_PARTY_ONLY_IN.get(parts[0])
        if allowed is not None and mine not in allowed:
            upward.append(f"line {line}: {mine} imports {parts[0]}, which only {', '.join(sorted(allowed))} may use")
    assert upward == []
