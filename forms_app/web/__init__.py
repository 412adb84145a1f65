"""The web layer: blueprints, central access control, security headers, page helpers.

`register_blueprints(app)` is the one place blueprints are added. A new blueprint needs
nothing else for access control: `enforce_access` runs before every request and refuses
any view without a permission marker (see forms_app/web/auth/decorators.py).

Templates extend `layout.html` (NHS.UK frontend):

    {% extends "layout.html" %}
    {% from "macros.html" import error_summary, input_field %}
    {% block title %}Page title{% endblock %}
    {% block content %}...{% endblock %}
"""

from __future__ import annotations

from flask import Flask, g, render_template
from werkzeug.exceptions import HTTPException

from forms_app.models import ROLE_LABELS
from forms_app.web import assets, main
from forms_app.web.api import init_api
from forms_app.web.audit.views import bp as audit_bp
from forms_app.web.auth.forms import LogoutForm
from forms_app.web.auth.session import enforce_access, load_user
from forms_app.web.auth.views import bp as auth_bp
from forms_app.web.cases.views import bp as cases_bp
from forms_app.web.journeys import bp as journeys_bp
from forms_app.web.register.views import bp as register_bp
from forms_app.web.security import install_security
from forms_app.web.signoff import bp as signoff_bp

SERVICE_NAME = "Section 117 aftercare"
# Add a new area's blueprint here (one import, one entry).
BLUEPRINTS = (assets.bp, main.bp, auth_bp, register_bp, cases_bp, audit_bp,
              journeys_bp, signoff_bp)


def register_blueprints(app: Flask) -> None:
    """Add every blueprint, the access checks, headers, error pages and template globals."""
    assets.init_assets(app)
    install_security(app)
    app.before_request(load_user)
    app.before_request(enforce_access)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    init_api(app)  # the JSON API under /api/v1
    app.register_error_handler(HTTPException, _error_page)
    app.context_processor(_template_globals)


def _template_globals() -> dict[str, object]:
    user = g.get("user")
    return {
        "service_name": SERVICE_NAME,
        "current_user": user,
        "role_labels": ROLE_LABELS,
        "logout_form": LogoutForm() if user is not None else None,
    }


def _error_page(error: HTTPException) -> tuple[str, int] | HTTPException:
    if error.code is None or error.code < 400:
        return error
    return render_template("error.html", error=error), error.code
