"""Security headers on every response, CSRF app-wide, and no caching of signed-in pages.

The Content Security Policy allows nothing inline and nothing from another origin: page
scripts are files under /static (see static/js/app.js), so templates must not use inline
`<script>` or `style="..."`.
"""

from __future__ import annotations

from flask import Flask, request
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Response

from forms_app.web.params import IdConverter

csrf = CSRFProtect()

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def install_security(app: Flask) -> None:
    app.url_map.converters["int"] = IdConverter  # before any route is added
    app.before_request(refuse_null_characters)
    csrf.init_app(app)

    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if app.config["SESSION_COOKIE_SECURE"]:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if _personal(request.endpoint):
            # Pages for signed-in users may show personal data: never keep a copy.
            response.headers["Cache-Control"] = "no-store"
            response.headers["Pragma"] = "no-cache"
        return response


def refuse_null_characters() -> None:
    """before_request: a NUL character in a query or form value is refused (400, naming
    the field). Neither PostgreSQL text nor JSONB can hold one, and nobody types one."""
    for name, value in (*request.args.items(multi=True), *request.form.items(multi=True)):
        if "\x00" in name or "\x00" in value:
            field = name.replace("\x00", "")[:80] or "a field"
            refused = BadRequest(f"The value sent for {field!r} contains a null character, "
                                 "which cannot be stored. Remove it and try again.")
            refused.for_people = True  # error.html shows this description as it is
            raise refused


def _personal(endpoint: str | None) -> bool:
    # Everything but the public static files: simplest rule that cannot miss a page.
    return endpoint not in ("static", "assets.nhsuk")
