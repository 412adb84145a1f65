"""Configuration: safe defaults in development only; production refuses to start without
its secrets; missing front-end assets stop start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms_app import create_app
from forms_app.config import ConfigError, load_config
from forms_app.web.assets import AssetsMissingError


def test_development_makes_an_instance_secret_and_a_sqlite_database(tmp_path: Path):
    config = load_config(environ={"S117_INSTANCE_PATH": str(tmp_path)})
    secret = (tmp_path / "secret_key").read_text()
    assert config["SECRET_KEY"] == secret
    assert len(secret) == 64
    assert config["DATABASE_URL"] == f"sqlite:///{tmp_path / 's117.db'}"
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    again = load_config(environ={"S117_INSTANCE_PATH": str(tmp_path)})
    assert again["SECRET_KEY"] == secret  # sessions survive a restart
    assert config["SESSION_COOKIE_SECURE"] is False


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL"])
def test_production_refuses_to_start_without_its_settings(missing, tmp_path: Path):
    environ = {"S117_ENV": "production", "SECRET_KEY": "k" * 40,
               "DATABASE_URL": "postgresql+psycopg://db/s117",
               "S117_INSTANCE_PATH": str(tmp_path)}
    del environ[missing]
    with pytest.raises(ConfigError, match=missing):
        load_config(environ=environ)
    assert not (tmp_path / "secret_key").exists()


def test_production_has_secure_cookies(tmp_path: Path):
    config = load_config(environ={"S117_ENV": "production", "SECRET_KEY": "k" * 40,
                                  "DATABASE_URL": "postgresql+psycopg://db/s117"})
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert config["S117_AUTO_MIGRATE"] is False


def test_an_unknown_environment_is_refused():
    with pytest.raises(ConfigError):
        load_config(environ={"S117_ENV": "staging"})


def test_start_up_fails_loudly_without_the_nhsuk_assets(tmp_path: Path):
    with pytest.raises(AssetsMissingError, match="npm ci"):
        create_app({"S117_ENV": "testing", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
                    "S117_NHSUK_DIST": str(tmp_path / "nowhere")})


def test_development_upgrades_its_database_on_start(tmp_path: Path):
    app = create_app({"S117_ENV": "development", "S117_INSTANCE_PATH": str(tmp_path)})
    response = app.test_client().get("/health")
    assert response.get_json() == {"status": "ok", "database": "ok"}
    app.extensions["s117_store"].dispose()


def test_the_nhsuk_stylesheet_is_served_with_our_asset_paths(app, client):
    css = client.get("/static/nhsuk/nhsuk-frontend.min.css")
    assert css.status_code == 200
    text = css.get_data(as_text=True)
    assert "url(/static/nhsuk/assets/images/" in text
    assert "url(/assets/" not in text
    assert "assets.nhs.uk" not in text
    assert client.get("/static/nhsuk/nhsuk-frontend.min.js").status_code == 200
    assert client.get("/static/nhsuk/assets/images/nhsuk-icon-cross.svg").status_code == 200
