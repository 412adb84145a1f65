"""The sign-off area's own forms: signing, and what follows an issued change notice.

The rules these apply live in services (services.notices.received_on_problem); the forms
turn what a person typed into values, and put each message beside its field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, InputRequired, StopValidation, ValidationError

from forms_app.models import FormRecord
from forms_app.models.notice import ACKNOWLEDGEMENT_METHOD_LABELS
from forms_app.services import notices
from forms_app.web.forms.builder import DATE_PARTS, DatePartsField
from forms_app.web.params import read_version

_DAY_MONTH, _YEAR = re.compile(r"[0-9]{1,2}"), re.compile(r"[0-9]{4}")


class SignForm(FlaskForm):
    password = PasswordField("Your password")
    lock_version = HiddenField()

    @property
    def read_version(self) -> int:
        """The lock_version the page was rendered with (-1: none or not a number)."""
        return read_version(self.lock_version.data)


class DateInputField(DatePartsField):
    """The NHS date input, which must hold a real date with a four-digit year (``.date``)."""

    date: dt.date | None = None

    def pre_validate(self, form: Any) -> None:
        self.date = None
        day, month, year = (str((self.data or {}).get(part, "")).strip() for part in DATE_PARTS)
        if not (day or month or year):
            raise StopValidation(f"Enter {self.label.text.lower()}")
        example = "for example 15 3 2026"
        if not (_DAY_MONTH.fullmatch(day) and _DAY_MONTH.fullmatch(month)
                and _YEAR.fullmatch(year)):
            raise StopValidation(f"{self.label.text} must be a day, month and a four-digit "
                                 f"year, {example}")
        try:
            self.date = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise StopValidation(f"{self.label.text} must be a real date, {example}") from None


class AcknowledgementForm(FlaskForm):
    """The person's written acknowledgement of an issued change notice."""

    received_on = DateInputField("The date the acknowledgement was received")
    method = RadioField(
        "How it was received",
        choices=[SelectChoice(v, label) for v, label in ACKNOWLEDGEMENT_METHOD_LABELS.items()],
        validate_choice=False,
        validators=[InputRequired("Select how the acknowledgement was received"),
                    AnyOf(list(ACKNOWLEDGEMENT_METHOD_LABELS),
                          "Select how the acknowledgement was received")],
    )

    def __init__(self, *args: Any, notice: FormRecord, today: dt.date | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notice = notice
        self.today = today or dt.date.today()

    def validate_received_on(self, field: DateInputField) -> None:
        if field.date is None:
            return
        problem = notices.received_on_problem(self.notice, field.date, self.today)
        if problem is not None:
            raise ValidationError(problem)

    def summary(self) -> list[tuple[str, str]]:
        """(anchor, message) for the error summary, in page order."""
        anchors = {"received_on": "received_on-day", "method": "method"}
        return [(anchors.get(name, name), message)
                for name, messages in self.errors.items() for message in messages]


class ConfirmConsultationForm(FlaskForm):
    """A button: the consulted commissioner confirms the consultation (CSRF token only)."""
