"""Fixtures for the documents tests; shared helpers live in docs_helpers.py beside this file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # so tests can import docs_helpers

from forms_app.contract.check import check_form  # noqa: E402


@pytest.fixture
def check() -> Callable[..., Any]:
    return check_form
