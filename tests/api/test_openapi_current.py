"""schemas/openapi.json is the document the app serves (regenerate: flask openapi-write)."""

from __future__ import annotations

import json

from forms_app.web.api.openapi import OPENAPI_FILE, openapi_document


def test_schemas_openapi_json_is_current(app):
    assert OPENAPI_FILE.is_file(), "run: flask --app forms_app openapi-write"
    written = json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))
    assert written == openapi_document(app), "stale: run flask --app forms_app openapi-write"
