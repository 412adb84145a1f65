"""NHS.UK frontend assets served from the npm package, at /static/nhsuk/<path>.

The folder is `S117_NHSUK_DIST` (default node_modules/nhsuk-frontend/dist/nhsuk, filled
by `npm ci`); start-up fails if it is missing, rather than serving unstyled pages.
The package's CSS points at /assets/... and at fonts on an NHS CDN; we rewrite the asset
paths to ours and drop the remote font faces (our CSP allows no other origin, and the
service makes no runtime downloads), so text falls back to the system sans-serif.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, send_from_directory

from forms_app.web.auth.decorators import public

bp = Blueprint("assets", __name__)

CSS_NAME = "nhsuk-frontend.min.css"
JS_NAME = "nhsuk-frontend.min.js"
REQUIRED = (CSS_NAME, JS_NAME, "assets/images/favicon.ico")
_REMOTE_FONT_FACE = re.compile(r"@font-face\{[^}]*https?://[^}]*\}")


class AssetsMissingError(RuntimeError):
    """The NHS.UK frontend package is not installed where the config says."""


def check_assets(dist: Path) -> str:
    """The rewritten CSS text; raises AssetsMissingError when the package is not installed."""
    missing = [name for name in REQUIRED if not (dist / name).is_file()]
    if missing:
        raise AssetsMissingError(
            f"NHS.UK frontend assets missing in {dist} ({', '.join(missing)}): run `npm ci`"
        )
    css = (dist / CSS_NAME).read_text(encoding="utf-8")
    css = _REMOTE_FONT_FACE.sub("", css)
    return css.replace("url(/assets/", "url(/static/nhsuk/assets/")


def init_assets(app: Flask) -> None:
    dist = Path(app.config["S117_NHSUK_DIST"])
    app.extensions["s117_nhsuk_css"] = check_assets(dist)


@bp.get("/static/nhsuk/<path:filename>")
@public
def nhsuk(filename: str) -> Response:
    if filename == CSS_NAME:
        return Response(current_app.extensions["s117_nhsuk_css"], mimetype="text/css",
                        headers={"Cache-Control": "public, max-age=86400"})
    return send_from_directory(current_app.config["S117_NHSUK_DIST"], filename, max_age=86400)
