"""Settings from the environment. Only development and testing have defaults for secrets.

| variable | meaning |
| --- | --- |
| `S117_ENV` | `development` (default), `production` or `testing` |
| `SECRET_KEY` | Flask session signing key; required in production |
| `DATABASE_URL` | SQLAlchemy URL (`postgresql+psycopg://...`); required in production;
|                | development default: SQLite at `<instance>/s117.db` |
| `S117_SIGNING_KEY`, `S117_SIGNING_CERT` | paths of the PDF signing key and certificate |
| `S117_INSTANCE_PATH` | the instance folder (development secret and database) |
| `S117_NHSUK_DIST` | the `nhsuk-frontend/dist/nhsuk` folder (default: in `node_modules`) |
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

ENVIRONMENTS = ("development", "production", "testing")
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(RuntimeError):
    """The service cannot start with the configuration it was given."""


def load_config(overrides: Mapping[str, Any] | None = None,
                environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Build the Flask config: defaults, then environment, then `overrides` (tests)."""
    env_vars = os.environ if environ is None else environ
    overrides = dict(overrides or {})
    env = overrides.get("S117_ENV") or env_vars.get("S117_ENV", "development")
    if env not in ENVIRONMENTS:
        raise ConfigError(f"S117_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
    instance = Path(overrides.get("S117_INSTANCE_PATH")
                    or env_vars.get("S117_INSTANCE_PATH") or PROJECT_ROOT / "instance")
    config = _base(env, instance, env_vars)
    config.update(overrides)
    _fill_development_defaults(config, env, instance)
    _require_production_settings(config, env)
    return config


def _base(env: str, instance: Path, env_vars: Mapping[str, str]) -> dict[str, Any]:
    secure = env == "production"
    return {
        "S117_ENV": env,
        "TESTING": env == "testing",
        "S117_INSTANCE_PATH": str(instance),
        "SECRET_KEY": env_vars.get("SECRET_KEY"),
        "DATABASE_URL": env_vars.get("DATABASE_URL"),
        "S117_SIGNING_KEY": env_vars.get("S117_SIGNING_KEY"),
        "S117_SIGNING_CERT": env_vars.get("S117_SIGNING_CERT"),
        "S117_NHSUK_DIST": env_vars.get("S117_NHSUK_DIST")
        or str(PROJECT_ROOT / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"),
        # Development upgrades its own database on start; production runs `db-upgrade`.
        "S117_AUTO_MIGRATE": env == "development",
        "SESSION_COOKIE_NAME": "__Host-s117_session" if secure else "s117_session",
        "SESSION_COOKIE_SECURE": secure,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "S117_IDLE_TIMEOUT": timedelta(minutes=30),
        "S117_ABSOLUTE_LIFETIME": timedelta(hours=12),
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),
        "S117_LOGIN_MAX_FAILURES": 5,
        "S117_LOGIN_LOCKOUT": timedelta(minutes=15),
        "S117_IP_MAX_FAILURES": 20,
        "S117_PAGE_SIZE": 20,
        "WTF_CSRF_ENABLED": True,
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session, which we bound
        "MAX_CONTENT_LENGTH": 5 * 1024 * 1024,
        # Cheap argon2 parameters in tests only: thousands of hashes otherwise dominate a run.
        "S117_FAST_PASSWORD_HASH": env == "testing",
    }


def _fill_development_defaults(config: dict[str, Any], env: str, instance: Path) -> None:
    if env == "production":
        return
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = _instance_secret(instance)
    if not config.get("DATABASE_URL"):
        instance.mkdir(parents=True, exist_ok=True)
        config["DATABASE_URL"] = f"sqlite:///{instance / 's117.db'}"


def _instance_secret(instance: Path) -> str:
    """A random key kept in the instance folder, so sessions survive a dev-server restart."""
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32), encoding="ascii")
        path.chmod(0o600)
    return path.read_text(encoding="ascii").strip()


def _require_production_settings(config: dict[str, Any], env: str) -> None:
    if env != "production":
        return
    missing = [k for k in ("SECRET_KEY", "DATABASE_URL") if not config.get(k)]
    if missing:
        raise ConfigError(
            f"production needs {' and '.join(missing)} set in the environment; refusing to start"
        )
    if len(str(config["SECRET_KEY"])) < 32:
        raise ConfigError("SECRET_KEY must be at least 32 characters in production")
