"""The signed-in user's own API tokens: create one (shown once), list, revoke."""

from __future__ import annotations

import click
from flask import Blueprint, Flask, abort, flash, g, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from forms_app.models import ApiToken
from forms_app.services import api_tokens as tokens
from forms_app.services.accounts import user_by_email
from forms_app.store.db import db
from forms_app.web.auth.decorators import requires_signed_in

bp = Blueprint("api_tokens", __name__, template_folder="templates")


@bp.route("/account/api-tokens", methods=["GET", "POST"])
@requires_signed_in
def index() -> str:
    created = None
    if request.method == "POST":
        name = (request.form.get("name") or "").strip() or "API token"
        created = tokens.issue(g.user, name)
        db.session.commit()
    mine = db.session.scalars(select(ApiToken).where(ApiToken.user_id == g.user.id)
                              .order_by(ApiToken.id.desc())).all()
    return render_template("api/tokens.html", tokens=mine, created=created)


@bp.post("/account/api-tokens/<int:token_id>/revoke")
@requires_signed_in
def revoke(token_id: int) -> Response:
    if not tokens.revoke(token_id, g.user):
        abort(404)
    db.session.commit()
    flash("The token was revoked. Programs using it can no longer sign in.")
    return redirect(url_for("api_tokens.index"))


def register_token_command(app: Flask) -> None:
    @app.cli.command("api-token")
    @click.argument("email")
    @click.option("--name", default="command line")
    def api_token(email: str, name: str) -> None:
        """Issue an API token for a user (printed once; only its hash is kept)."""
        user = user_by_email(email)
        if user is None:
            raise click.ClickException(f"no user {email}")
        token = tokens.issue(user, name)
        db.session.commit()
        click.echo(token)
