"""Alembic, driven from the app: upgrade on start in development, `flask db-upgrade` in production.

    flask --app forms_app db-upgrade          # to head
    flask --app forms_app db-downgrade base   # (tests and emergencies)
"""

from __future__ import annotations

from pathlib import Path

import click
from alembic import command
from alembic.config import Config
from flask import Flask, current_app
from flask.cli import with_appcontext

MIGRATIONS = Path(__file__).resolve().parent.parent.parent / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at our migrations and `url` (no alembic.ini needed)."""
    if not (MIGRATIONS / "env.py").exists():
        raise RuntimeError(f"migrations folder missing at {MIGRATIONS}")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser interpolation would read '%' in passwords as syntax.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["configure_logging"] = False
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(url), revision)


@click.command("db-upgrade")
@click.argument("revision", default="head")
@with_appcontext
def db_upgrade_command(revision: str) -> None:
    """Upgrade the database schema (production runs this before starting)."""
    upgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"database upgraded to {revision}")


@click.command("db-downgrade")
@click.argument("revision")
@with_appcontext
def db_downgrade_command(revision: str) -> None:
    """Downgrade the database schema to REVISION (e.g. base)."""
    downgrade(current_app.config["DATABASE_URL"], revision)
    click.echo(f"database downgraded to {revision}")


def register_commands(app: Flask) -> None:
    app.cli.add_command(db_upgrade_command)
    app.cli.add_command(db_downgrade_command)
