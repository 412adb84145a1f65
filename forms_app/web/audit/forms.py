"""The audit trail's filter form (GET, so no CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField
from wtforms.validators import Length, Optional

from forms_app.web.register.forms import DATE_FORMATS


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False

    user = StringField("User's email address", validators=[Optional(), Length(max=254)])
    action = SelectField("Action", validators=[Optional()])
    person = StringField("Person's NHS number", validators=[Optional(), Length(max=12)])
    date_from = DateField("From (day/month/year)", format=DATE_FORMATS, validators=[Optional()])
    date_to = DateField("To (day/month/year)", format=DATE_FORMATS, validators=[Optional()])
