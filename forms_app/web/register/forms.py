"""Forms of the register: search, and "add a person" (person + qualifying detention).

The forms check shape (required, length, date format, NHS number check digit); the
service (`services.people.register_person`) checks what needs the store. Both end up as
messages on the fields.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, StopValidation, ValidationError

from forms_app.models import CASE_STATUSES, COMMUNICATION_FORMATS, QUALIFYING_SECTIONS
from forms_app.models.case import STATUS_LABELS
from forms_app.policy import nhs_number as nhs

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_HINT = "For example, 15/03/1986"
FORMAT_LABELS = {
    "standard": "Standard print", "easy_read": "Easy read", "large_print": "Large print",
    "braille": "Braille", "audio": "Audio", "bsl_video": "British Sign Language video",
}


def options(pairs: Iterable[tuple[object, str]]) -> list[SelectChoice]:
    """Select options from (value, label) pairs (WTForms 3.3 deprecates bare tuples)."""
    return [SelectChoice(str(value), label) for value, label in pairs]


def valid_nhs_number(form: FlaskForm, field: StringField) -> None:
    if field.data and not nhs.is_valid(field.data.replace(" ", "")):
        raise ValidationError("Enter a valid 10-digit NHS number")


class DayMonthYearField(DateField):
    """A date typed as day/month/year (or ISO); says "missing" and "not a real date" apart."""

    def __init__(self, label: str, required_message: str, **kwargs: object) -> None:
        super().__init__(label, format=DATE_FORMATS, **kwargs)
        self.required_message = required_message

    def pre_validate(self, form: FlaskForm) -> None:
        if not self.raw_data or not str(self.raw_data[0]).strip():
            self.errors[:] = []
            raise StopValidation(self.required_message)
        if self.data is None:
            self.errors[:] = []  # replace WTForms' "Not a valid date value."
            raise StopValidation(f"{self.label.text} must be a real date, {DATE_HINT[0].lower()}"
                                 f"{DATE_HINT[1:]}")


def _date(label: str, required: str) -> DayMonthYearField:
    return DayMonthYearField(label, required_message=required)


class NewPersonForm(FlaskForm):
    nhs_number = StringField("NHS number", validators=[
        DataRequired("Enter the NHS number"), Length(max=12), valid_nhs_number])
    given_name = StringField("Given name", validators=[
        DataRequired("Enter the given name"),
        Length(max=100, message="Given name must be 100 characters or fewer")])
    family_name = StringField("Family name", validators=[
        DataRequired("Enter the family name"),
        Length(max=100, message="Family name must be 100 characters or fewer")])
    preferred_name = StringField("Preferred name (optional)", validators=[
        Optional(), Length(max=100, message="Preferred name must be 100 characters or fewer")])
    date_of_birth = _date("Date of birth", "Enter the date of birth as day/month/year")
    communication_format = SelectField(
        "Format the person needs",
        choices=options((f, FORMAT_LABELS[f]) for f in COMMUNICATION_FORMATS))
    language = StringField("Language (BCP 47 tag, for example en or pl)", default="en",
                           validators=[DataRequired("Enter a language"), Length(max=35)])
    interpreter_needed = BooleanField("Needs an interpreter")
    qualifying_section = SelectField(
        "Qualifying section", choices=options((s, f"Section {s}") for s in QUALIFYING_SECTIONS))
    qualifying_detention_date = _date("Date detained under that section",
                                      "Enter the date of detention as day/month/year")
    hospital = StringField("Hospital (optional)", validators=[
        Optional(), Length(max=200, message="Hospital must be 200 characters or fewer")])
    status = SelectField("Status now",
                         choices=options((s, STATUS_LABELS[s]) for s in CASE_STATUSES))
    policy = SelectField("Local policy")
    responsible_council_id = SelectField("Responsible council", coerce=int)
    responsible_icb_id = SelectField("Responsible ICB", coerce=int)
    providing_trust_id = SelectField("Providing trust", coerce=int)


class SearchForm(FlaskForm):
    """GET search: no CSRF (it changes nothing)."""

    class Meta:
        csrf = False

    q = StringField("Name or NHS number", validators=[Optional(), Length(max=100)])
    status = SelectField("Status", choices=options(
        [("", "Any status"), *((s, STATUS_LABELS[s]) for s in CASE_STATUSES)]),
        validators=[Optional()])
    body = SelectField("Responsible body", validators=[Optional()])
