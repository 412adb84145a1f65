"""Print validations per second for each form kind (one core, warm caches).

Uses the full pipeline (``check_form``: schema + policy engine) when the contract layer is
present, and also the bare policy engine, so a slowdown can be placed in one or the other.
Run: ``python bench/policy_validate.py [seconds-per-kind]``.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from forms_app.policy.engine import evaluate
from forms_app.policy.packs import load_pack

EXAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "design" / "examples"
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
TODAY = date(2026, 11, 22)


def _loaded(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _loaded(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [_loaded(v) for v in value]
    if isinstance(value, str) and _ISO.fullmatch(value):
        return date.fromisoformat(value)
    return value


def _rate(fn: Callable[[], object], seconds: float) -> float:
    fn()  # warm caches (packs, bank holidays)
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for _ in range(50):
            fn()
        count += 50
    return count / elapsed


def _pipeline() -> Callable[[dict], object] | None:
    try:
        from forms_app.contract.check import check_form
    except ImportError:
        return None
    return lambda raw: check_form(raw, today=TODAY)


def main(seconds: float = 1.0) -> None:
    check = _pipeline()
    print(f"{'example':32} {'engine/s':>10} {'check_form/s':>13}")
    for path in sorted(EXAMPLES.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        data, pack = _loaded(raw), load_pack(raw.get("policy") or "worcestershire")
        engine = _rate(lambda d=data, p=pack: evaluate(d["kind"], d, p, today=TODAY), seconds)
        full = _rate(lambda r=raw: check(r), seconds) if check else float("nan")
        print(f"{path.stem:32} {engine:10.0f} {full:13.0f}")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
