"""``flask --app forms_app openapi-write``: the served OpenAPI document, to schemas/openapi.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from flask import Flask, current_app

OPENAPI_FILE = Path(__file__).resolve().parents[3] / "schemas" / "openapi.json"


def openapi_document(app: Flask) -> dict[str, Any]:
    api = app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    return api.spec.to_dict()


def openapi_text(app: Flask) -> str:
    return json.dumps(openapi_document(app), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def register_command(app: Flask) -> None:
    @app.cli.command("openapi-write")
    @click.option("--output", type=click.Path(path_type=Path), default=OPENAPI_FILE)
    def openapi_write(output: Path) -> None:
        """Write the API's OpenAPI document (CI checks it is current)."""
        output.write_text(openapi_text(current_app), encoding="utf-8")
        click.echo(f"wrote {output}")
