"""API fixtures: the Worcestershire people and a bearer token per user."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from forms_app.models import User
from forms_app.services import api_tokens as tokens
from tests.web.journey_helpers import Worcs, worcestershire


@pytest.fixture
def worcs(app) -> Worcs:
    return worcestershire()


@pytest.fixture
def bearer(app) -> Callable[[User], dict[str, str]]:
    """``bearer(user)``: headers authenticating as ``user`` with a fresh token."""

    def make(user: User) -> dict[str, str]:
        token = tokens.issue(user, "test")
        from forms_app.store.db import db

        db.session.commit()
        return {"Authorization": f"Bearer {token}"}

    return make
