"""Fingerprints: SHA-256 of a form's canonical JSON, and of exact document bytes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from forms_app.contract.jsonio import without_annotations


def canonical_json(raw_form: Mapping[str, Any]) -> bytes:
    """Sorted keys, UTF-8, no insignificant whitespace, annotations dropped."""
    return json.dumps(without_annotations(raw_form), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False).encode("utf-8")


def fingerprint(raw_form: Mapping[str, Any]) -> str:
    """SHA-256 hex of the form's canonical JSON (printed in both documents)."""
    return sha256_hex(canonical_json(raw_form))


def sha256_hex(data: bytes) -> str:
    """SHA-256 hex of exact bytes (a signed-off record stores this for its PDF and DOCX)."""
    return hashlib.sha256(data).hexdigest()
