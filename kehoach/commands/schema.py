"""``kehoach schema``: the JSON Schema of a plan file or a unit file, generated from the models.

Editors with the YAML language server read it (each data file names it on its first line) and
complete keys and flag mistakes as you type. The copies in ``schema/`` are this output,
committed; ``tests/test_schema.py`` fails when they are out of date.
"""

from __future__ import annotations

from typing import Any, TextIO

from pydantic import BaseModel

from kehoach.domain.model import PlanFile, Unit
from kehoach.present.inert import json_text

MODELS: dict[str, type[BaseModel]] = {"plan": PlanFile, "unit": Unit}
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(which: str) -> dict[str, Any]:
    model = MODELS[which]
    return {"$schema": DIALECT, **model.model_json_schema(by_alias=True, mode="validation")}


def text_of(which: str) -> str:
    """The schema as committed: stable key order, Vietnamese as written, a final newline."""
    return json_text(schema_of(which)) + "\n"


def run(out: TextIO, *, which: str) -> int:
    out.write(text_of(which))
    return 0
