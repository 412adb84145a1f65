"""JSON Schema (draft 2020-12) per kind, generated from the marshmallow schemas.

apispec's MarshmallowPlugin does the field conversion; this module adds what it cannot
know (text patterns, NHS number and date formats, the tagged responsibility events) and
packs each kind into one standalone document with ``$defs``. Output is deterministic:
sorted keys, two-space indent, trailing newline, so ``schemas/`` can be checked current.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import fields

from forms_app.contract import fields as f
from forms_app.contract.schemas import KINDS, SCHEMAS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_COMPONENTS = "#/components/schemas/"


def _extra_properties(self: Any, field: fields.Field, ret: dict, **_kwargs: Any) -> dict:
    """Attribute function for apispec: constraints our custom fields enforce."""
    if isinstance(field, f.Text) and "pattern" not in ret:
        return {"pattern": f.MULTILINE_PATTERN if field.multiline else f.SINGLE_LINE_PATTERN}
    if isinstance(field, f.NhsNumber):
        return {"pattern": "^[0-9]{10}$", "description": "NHS number, Modulus 11 check digit"}
    if isinstance(field, f.IsoDate):
        return {"pattern": f.DATE_PATTERN}
    if isinstance(field, f.LanguageTag):
        return {"pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", "maxLength": f.LANGUAGE_MAX}
    if isinstance(field, f.Tagged):
        refs = [self.resolve_nested_schema(schema) for schema in field.schemas.values()]
        return {"oneOf": refs}
    return {}


def configure_plugin(plugin: MarshmallowPlugin) -> None:
    """Teach an apispec MarshmallowPlugin our fields (call after ``APISpec(plugins=[...])``).

    The OpenAPI document of the JSON API uses this too, so both describe one shape.
    """
    if plugin.converter is None:
        raise ValueError("initialise the APISpec with this plugin first")
    plugin.converter.add_attribute_function(_extra_properties)


def _spec() -> tuple[APISpec, MarshmallowPlugin]:
    plugin = MarshmallowPlugin(schema_name_resolver=lambda schema: _class_of(schema).__name__)
    spec = APISpec("s117 forms", "1", "3.1.0", plugins=[plugin])
    configure_plugin(plugin)
    return spec, plugin


def _class_of(schema: Any) -> type:
    return schema if isinstance(schema, type) else type(schema)


def build(kind: str) -> dict[str, Any]:
    """The standalone JSON Schema document of one kind."""
    spec, _plugin = _spec()
    root = SCHEMAS[kind].__name__
    spec.components.schema(root, schema=SCHEMAS[kind])
    defs = _rewrite(spec.to_dict()["components"]["schemas"])
    return {
        "$schema": DIALECT,
        "title": kind,
        "description": f"The {kind} form (contract.md). Keys beginning with _ are ignored.",
        "$ref": f"#/$defs/{root}",
        "$defs": defs,
    }


def _rewrite(node: Any) -> Any:
    """Point refs at ``$defs``; allow ``_`` annotation keys wherever unknown keys are refused."""
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _rewrite(value) for key, value in node.items()}
    ref = out.get("$ref")
    if isinstance(ref, str) and ref.startswith(_COMPONENTS):
        out["$ref"] = "#/$defs/" + ref[len(_COMPONENTS) :]
    if out.get("additionalProperties") is False:
        out["patternProperties"] = {"^_": {}}
    return out


def render(kind: str) -> str:
    """The file text for one kind: sorted keys, trailing newline."""
    return json.dumps(build(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def default_dir() -> Path:
    """``schemas/`` at the repository root (beside the ``forms_app`` package)."""
    return Path(__file__).resolve().parents[2] / "schemas"


def stale(directory: Path) -> list[str]:
    """File names in ``directory`` that are missing or differ from what the code generates."""
    out = []
    for kind in KINDS:
        path = directory / file_name(kind)
        if not path.is_file() or path.read_text(encoding="utf-8") != render(kind):
            out.append(file_name(kind))
    return out


def write_all(directory: Path) -> list[Path]:
    """(Re)write every kind's file atomically; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = directory / file_name(kind)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(render(kind), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written
