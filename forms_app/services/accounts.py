"""Accounts: argon2 password hashing, sign-in with throttling, ending every session.

Throttling is stored in the database so it survives restarts and is shared by every
worker: per account (`User.failed_logins`, `User.locked_until`) and per client address
(`LoginThrottle`). After `S117_LOGIN_MAX_FAILURES` failures (default 5) the account is
locked for `S117_LOGIN_LOCKOUT` (default 15 minutes); an address after
`S117_IP_MAX_FAILURES` (default 20) within the lockout window. Re-entering the password
to sign (`confirm_password`) counts toward the same lockout: a stolen session cannot be
used to guess the password at the signing page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context
from sqlalchemy import func, select

from forms_app.models import LoginThrottle, Membership, Organisation, User, utcnow
from forms_app.services.errors import LoginLocked, LoginRefused
from forms_app.store import audit
from forms_app.store.db import db

_STRONG = PasswordHasher()
# Tests only (S117_FAST_PASSWORD_HASH): the same algorithm with minimal cost.
_FAST = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
_DUMMY_HASH = _FAST.hash("not a password")


def _hasher() -> PasswordHasher:
    fast = has_app_context() and current_app.config.get("S117_FAST_PASSWORD_HASH")
    return _FAST if fast else _STRONG


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def normalise_email(email: str) -> str:
    return email.strip().lower()


def create_user(email: str, display_name: str, password: str,
                memberships: Iterable[tuple[Organisation, str]] = ()) -> User:
    """A new active user with the given (organisation, role) memberships; flushed."""
    user = User(email=normalise_email(email), display_name=display_name,
                password_hash=hash_password(password))
    user.memberships = [Membership(organisation=o, role=str(r)) for o, r in memberships]
    db.session.add(user)
    db.session.flush()
    return user


def user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str, ip: str | None) -> User:
    """The user whose credentials these are, or LoginRefused / LoginLocked.

    Failures are added to the session: the caller commits them even though sign-in failed.
    """
    now = utcnow()
    throttle = _ip_throttle(ip, now)
    if _locked(throttle, now):
        raise LoginLocked("too many failed sign-ins from this address")
    user = user_by_email(email)
    if _locked(user, now):
        raise LoginLocked("too many failed sign-ins for this account")
    if user is None:
        verify_password(_DUMMY_HASH, password)  # same work either way: no timing oracle
    elif user.is_active and verify_password(user.password_hash, password):
        user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
        return user
    _count_failure(user, throttle, now)
    audit.record("auth.login_failed", user=user, details={"email": normalise_email(email)[:254]})
    raise LoginRefused("wrong e-mail address or password")


def confirm_password(user: User, password: str, ip: str | None) -> None:
    """Check a signed-in user's password again (to sign); LoginRefused / LoginLocked.

    A locked account or address is refused even with the right password; a wrong one
    counts as a failed sign-in. Failures are added to the session for the caller to commit.
    """
    now = utcnow()
    throttle = _ip_throttle(ip, now)
    if _locked(throttle, now):
        raise LoginLocked(_locked_message("from this address"))
    if _locked(user, now):
        raise LoginLocked(_locked_message("for this account"))
    if user.is_active and verify_password(user.password_hash, password):
        user.failed_logins, user.locked_until = 0, None
        return
    _count_failure(user, throttle, now)
    if _locked(user, now):
        raise LoginLocked(_locked_message("for this account"))
    raise LoginRefused("the password is not correct")


def _locked(row: User | LoginThrottle | None, now: datetime) -> bool:
    """An account or address still inside its lockout."""
    return row is not None and row.locked_until is not None and row.locked_until > now


def _locked_message(where: str) -> str:
    minutes = int(current_app.config["S117_LOGIN_LOCKOUT"].total_seconds() // 60)
    return (f"there have been too many wrong passwords {where}: try again in {minutes} "
            "minutes")


def _ip_throttle(ip: str | None, now: datetime) -> LoginThrottle | None:
    if not ip:
        return None
    key = f"ip:{ip}"
    row = db.session.get(LoginThrottle, key)
    if row is None:
        row = LoginThrottle(key=key, failures=0, window_started_at=now)
        db.session.add(row)
    elif row.window_started_at + current_app.config["S117_LOGIN_LOCKOUT"] < now:
        row.failures, row.window_started_at = 0, now  # the old window has passed
    return row


def _count_failure(user: User | None, throttle: LoginThrottle | None, now: datetime) -> None:
    lockout = current_app.config["S117_LOGIN_LOCKOUT"]
    if user is not None:
        user.failed_logins += 1
        if user.failed_logins >= current_app.config["S117_LOGIN_MAX_FAILURES"]:
            user.failed_logins, user.locked_until = 0, now + lockout
    if throttle is not None:
        throttle.failures += 1
        if throttle.failures >= current_app.config["S117_IP_MAX_FAILURES"]:
            throttle.locked_until = now + lockout


def end_all_sessions(user: User) -> None:
    """Invalidate every session cookie issued to `user` (logout, password change)."""
    user.session_version = User.session_version + 1  # SQL-side increment: no lost update
    db.session.flush()
    db.session.refresh(user, ["session_version"])


def count_users() -> int:
    return db.session.scalar(select(func.count()).select_from(User)) or 0
