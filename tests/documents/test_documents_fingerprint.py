"""The fingerprint is SHA-256 of canonical JSON: key order, spacing and annotations ignored."""

from __future__ import annotations

import hashlib
import json

from docs_helpers import load_example

from forms_app.documents.fingerprint import canonical_json, fingerprint, sha256_hex


def test_canonical_json_sorted_compact_utf8_without_annotations() -> None:
    raw = {"b": 1, "a": {"_note": "x", "é": [1, {"_y": 2, "z": "ü"}]}, "_expect": {}}
    assert canonical_json(raw) == '{"a":{"é":[1,{"z":"ü"}]},"b":1}'.encode()


def test_fingerprint_ignores_order_whitespace_and_underscore_keys() -> None:
    raw = load_example("responsibility.json")
    shuffled = json.loads(json.dumps(dict(reversed(list(raw.items()))), indent=4))
    shuffled.pop("_expect")
    assert fingerprint(raw) == fingerprint(shuffled)


def test_fingerprint_changes_with_any_value() -> None:
    raw = load_example("funding_agreement.json")
    changed = json.loads(json.dumps(raw))
    changed["services"][0]["weekly_cost_pence"] += 1
    assert fingerprint(raw) != fingerprint(changed)


def test_sha256_hex_of_exact_bytes() -> None:
    assert sha256_hex(b"abc") == hashlib.sha256(b"abc").hexdigest()
