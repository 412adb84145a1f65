"""Helpers for running ``s117`` in-process."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from forms_app.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str

    def document(self) -> Any:
        """stdout parsed as exactly one JSON document."""
        return json.loads(self.out)


@pytest.fixture
def s117(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*argv: str) -> Run:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[Any], Path]:
    def write(document: Any, name: str = "form.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    return write
