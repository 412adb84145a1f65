"""The contract's marshmallow schemas in the OpenAPI document (one component per kind)."""

from __future__ import annotations

from flask_smorest import Api

from forms_app.contract.schemas import SCHEMAS


def register_contract_schemas(api: Api) -> None:
    """Each kind's schema as ``Form_<kind>``: the bodies the form endpoints take."""
    for kind, schema in SCHEMAS.items():
        api.spec.components.schema(f"Form_{kind}", schema=schema)
