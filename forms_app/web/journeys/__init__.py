"""Journeys: start a form for a case, fill it in step by step, check answers, submit."""

from forms_app.web.journeys.views import bp

__all__ = ["bp"]
