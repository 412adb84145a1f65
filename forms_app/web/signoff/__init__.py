"""Sign-off pages: a party signs after re-entering their password; downloads; previews."""

from forms_app.web.signoff.views import bp

__all__ = ["bp"]
