"""Shapes shared by several kinds: organisation, person, signature, detention, panel."""

from __future__ import annotations

from marshmallow import validate

from forms_app.contract import fields as f
from forms_app.contract.fields import LanguageTag, NhsNumber
from forms_app.contract.schemas.base import ContractSchema
from forms_app.policy import vocabulary as v

DEFAULT_POLICY = "worcestershire"
_POLICY_NAME = validate.Regexp(r"^[a-z][a-z0-9_-]{0,39}$", error="Not a policy pack name.")


class Organisation(ContractSchema):
    """``{code, name, type}``: ONS GSS codes for councils, ODS codes for NHS bodies."""

    code = f.line(f.CODE_MAX)
    name = f.line()
    type = f.choice(v.ORGANISATION_TYPES)


class Communication(ContractSchema):
    format = f.choice(v.FORMATS)
    language = LanguageTag(required=False, allow_none=True, load_default=None)
    interpreter_needed = f.flag()


class Representative(ContractSchema):
    name = f.line()
    relationship = f.line(required=False)
    role = f.choice(v.REPRESENTATIVE_ROLES)


class Person(ContractSchema):
    """The person the form is about; NHS number, names and date of birth identify them."""

    nhs_number = NhsNumber(required=True, error_messages={"required": "This field is required."})
    given_name = f.line()
    family_name = f.line()
    preferred_name = f.line(required=False)
    date_of_birth = f.date()
    communication = f.nested(Communication)
    representative = f.nested(Representative, required=False)


class Signature(ContractSchema):
    """A signature by one party; an undated signature is not a signature.

    ``signed_on`` is nullable: a signature slot not yet dated is a missing signature, which
    the kind's rule reports (FUND-11, LEAVE-02, DISCH-01), not SCHEMA (contract.md).
    """

    party = f.choice(v.SIGNATURE_PARTIES)
    organisation = f.nested(Organisation, required=False)
    name = f.line()
    role = f.line(required=False)
    signed_on = f.date(required=False)


class Detention(ContractSchema):
    """A detention in an aftercare plan (section and dates; bodies where known)."""

    section = f.choice(v.SECTIONS)
    start_date = f.date()
    end_date = f.date(required=False)
    hospital = f.line(required=False)
    ordinary_residence_la = f.nested(Organisation, required=False)
    gp_practice_icb = f.nested(Organisation, required=False)
    usual_residence_icb = f.nested(Organisation, required=False)
    hospital_funded_by = f.choice(v.HOSPITAL_FUNDED_BY, required=False)


class DetentionSummary(ContractSchema):
    """The detention a leave agreement or register entry refers to."""

    section = f.choice(v.SECTIONS)
    start_date = f.date()
    end_date = f.date(required=False)
    hospital = f.line(required=False)


class Panel(ContractSchema):
    """A panel sitting (FUND-09 ratification, DISCH-08 review): absent parts are the rule's."""

    date = f.date(required=False)
    outcome = f.choice(v.PANEL_OUTCOMES, required=False)


class FormBase(ContractSchema):
    """What every form has: ``kind``, ``policy`` (default worcestershire) and ``person``."""

    kind = f.line(f.CODE_MAX * 2)
    policy = f.Text(
        max_length=40, required=False, load_default=DEFAULT_POLICY, validate=[_POLICY_NAME]
    )
    person = f.nested(Person)
