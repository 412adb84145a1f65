"""Sign in and sign out."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from forms_app.services import accounts
from forms_app.services.errors import LoginLocked, LoginRefused
from forms_app.store import audit
from forms_app.store.db import db
from forms_app.web.auth.decorators import public, requires_signed_in
from forms_app.web.auth.forms import LoginForm
from forms_app.web.auth.session import login_user, logout_user, safe_next

bp = Blueprint("auth", __name__)

ENDED_MESSAGES = {
    "idle": "You were signed out because you were inactive for 30 minutes.",
    "expired": "Your session reached its time limit. Sign in again.",
    "signed_out": "You have been signed out.",
}


@bp.route("/login", methods=["GET", "POST"])
@public
def login() -> str | Response:
    if g.get("user") is not None:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(form.email.data, form.password.data,
                                         request.remote_addr)
        except LoginLocked:
            error = "Too many failed attempts. Wait 15 minutes, then try again."
        except LoginRefused:
            error = "Enter a correct email address and password."
        else:
            audit.record("auth.login", user=user)
            db.session.commit()
            login_user(user)
            return redirect(safe_next(request.args.get("next")) or url_for("main.dashboard"))
        db.session.commit()  # keep the failure count even though sign-in failed
    status = 401 if error else 200
    notice = ENDED_MESSAGES.get(request.args.get("ended", ""))
    return render_template("auth/login.html", form=form, error=error, notice=notice), status


@bp.post("/logout")
@requires_signed_in
def logout() -> Response:
    user = g.user
    accounts.end_all_sessions(user)
    audit.record("auth.logout", user=user)
    db.session.commit()
    logout_user()
    flash("You have signed out.")
    return redirect(url_for("auth.login"))
