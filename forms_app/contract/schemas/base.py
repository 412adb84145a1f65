"""The base of every contract schema: unknown keys refused, `_` annotations dropped."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import RAISE, Schema, pre_load


class ContractSchema(Schema):
    """Refuses unknown keys at every level; keys beginning with ``_`` are annotations.

    Annotations (such as ``_expect`` in the examples) are dropped before loading, so they
    never reach the engine and never count as unknown.
    """

    class Meta:
        unknown = RAISE

    error_messages = {  # marshmallow reads this class attribute
        "unknown": "Unknown field: the contract has no such key.",
        "type": "Must be a JSON object.",
    }

    @pre_load
    def _drop_annotations(self, data: Any, **_kwargs: Any) -> Any:
        if isinstance(data, Mapping):
            return {
                key: value
                for key, value in data.items()
                if not (isinstance(key, str) and key.startswith("_"))
            }
        return data
