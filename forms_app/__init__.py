"""Section 117 aftercare forms and documents service.

    app = create_app()                          # settings from the environment
    app = create_app({"S117_ENV": "testing"})   # tests: overrides win

Production: `gunicorn 'forms_app:create_app()'` with S117_ENV=production, SECRET_KEY and
DATABASE_URL set, after `flask --app forms_app db-upgrade`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the Flask app: config, store (migrated in development), web layer, commands."""
    from forms_app import demo
    from forms_app.config import load_config
    from forms_app.store import migrate
    from forms_app.store.db import init_store
    from forms_app.web import register_blueprints

    settings = load_config(config)
    web_dir = Path(__file__).parent / "web"
    app = Flask(__name__, instance_path=settings["S117_INSTANCE_PATH"],
                template_folder=str(web_dir / "templates"), static_folder=str(web_dir / "static"))
    app.config.update(settings)
    if app.config["S117_AUTO_MIGRATE"]:
        migrate.upgrade(app.config["DATABASE_URL"])
    init_store(app)
    register_blueprints(app)
    migrate.register_commands(app)
    demo.register_commands(app)
    return app
