"""Response and request schemas of the JSON API (the form bodies are the contract schemas)."""

from __future__ import annotations

from marshmallow import RAISE, Schema, fields, validate

from forms_app.models import SIGNATURE_PARTIES


class Strict(Schema):
    class Meta:
        unknown = RAISE


class OrganisationOut(Schema):
    code = fields.String()
    name = fields.String()
    type = fields.String()


class PersonOut(Schema):
    nhs_number = fields.String()
    given_name = fields.String()
    family_name = fields.String()
    preferred_name = fields.String(allow_none=True)
    date_of_birth = fields.Date()


class FindingOut(Schema):
    rule = fields.String()
    severity = fields.String()
    field = fields.String(metadata={"description": "JSON pointer into the form"})
    message = fields.String()
    citation = fields.String()


class CheckOut(Schema):
    """Exactly the ``s117 validate`` output (contract.md)."""

    kind = fields.String()
    policy = fields.String()
    valid = fields.Boolean()
    findings = fields.List(fields.Nested(FindingOut))
    computed = fields.Dict()


class DocumentOut(Schema):
    id = fields.Integer()
    name = fields.String()
    variant = fields.String()
    format = fields.String()
    sha256 = fields.String()
    size = fields.Integer()
    url = fields.String()


class SignatureOut(Schema):
    party = fields.String()
    name = fields.String()
    role = fields.String()
    organisation_code = fields.String(allow_none=True)
    signed_on = fields.Date()


class FormSummaryOut(Schema):
    id = fields.Integer()
    case_id = fields.Integer()
    kind = fields.String()
    policy = fields.String()
    version = fields.Integer()
    status = fields.String()
    lock_version = fields.Integer(metadata={"description": "send it back in If-Match"})
    fingerprint = fields.String(allow_none=True)
    updated_at = fields.DateTime()
    signed_off_at = fields.DateTime(allow_none=True)


class FormOut(FormSummaryOut):
    data = fields.Dict(metadata={"description": "the form, in its kind's contract shape"})
    check = fields.Nested(CheckOut)
    parties = fields.List(fields.String(), metadata={"description": "who must sign"})
    signatures = fields.List(fields.Nested(SignatureOut))
    documents = fields.List(fields.Nested(DocumentOut))


class CaseOut(Schema):
    id = fields.Integer()
    status = fields.String()
    policy = fields.String()
    person = fields.Nested(PersonOut)
    responsible_council = fields.Nested(OrganisationOut)
    responsible_icb = fields.Nested(OrganisationOut)
    providing_trust = fields.Nested(OrganisationOut, allow_none=True)
    qualifying_section = fields.String()
    qualifying_detention_date = fields.Date()


class CaseDetailOut(CaseOut):
    forms = fields.List(fields.Nested(FormSummaryOut))


class SignIn(Strict):
    party = fields.String(required=True, validate=validate.OneOf(SIGNATURE_PARTIES))
    password = fields.String(required=True, load_only=True,
                             metadata={"description": "the signer re-enters their password"})
    lock_version = fields.Integer(
        required=True, strict=True, validate=validate.Range(min=0, max=2**31 - 1),
        metadata={"description": "the lock_version of the form you read (its ETag); a stale "
                                 "one is refused with 409 and nothing is signed"})
