"""Issuing and checking per-user API tokens (only their SHA-256 is stored)."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select

from forms_app.models import ApiToken, User, utcnow
from forms_app.store import audit
from forms_app.store.db import db

PREFIX = "s117_"


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(user: User, name: str) -> str:
    """A new token for ``user``; the caller shows it once, the database keeps its hash."""
    token = PREFIX + secrets.token_urlsafe(32)
    db.session.add(ApiToken(user_id=user.id, name=name[:100], token_sha256=digest(token)))
    db.session.flush()
    audit.record("api_token.create", user=user, record_type="user", record_id=user.id,
                 details={"name": name[:100]})
    return token


def user_for(token: str) -> User | None:
    """The active user a token belongs to, or None (unknown, revoked or deactivated)."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    found = db.session.scalar(select(ApiToken).where(ApiToken.token_sha256 == digest(token)))
    if found is None or not found.is_active:
        return None
    found.last_used_at = utcnow()
    return found.user


def revoke(token_id: int, user: User) -> bool:
    found = db.session.get(ApiToken, token_id)
    if found is None or found.user_id != user.id or found.revoked_at is not None:
        return False
    found.revoked_at = utcnow()
    audit.record("api_token.revoke", user=user, record_type="api_token", record_id=token_id)
    return True
