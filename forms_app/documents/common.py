"""Parts every professional document shares: header parties, person box, sign-off, meta."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from forms_app.documents import checklist
from forms_app.documents.fingerprint import fingerprint
from forms_app.documents.formatting import NOT_RECORDED, format_date, text, yes_no
from forms_app.documents.model import Field, Section, field, table_columns
from forms_app.documents.signoff import SignOff
from forms_app.documents.wording import label
from forms_app.policy.findings import Finding

DRAFT_MARK = "DRAFT — not signed off"
PARTY_ROLES = {"local_authority": "Local authority", "icb": "Integrated care board",
               "trust": "NHS trust", "nhs_england": "NHS England", "provider": "Provider"}


class CheckResultLike(Protocol):
    """The parts of ``forms_app.contract.check.CheckResult`` documents read."""

    kind: str
    policy: str
    findings: list[Finding]
    computed: dict
    data: dict | None
    missing_signatures: list[str]

    @property
    def ready_for_signoff(self) -> bool: ...


def party(org: Mapping[str, Any] | None) -> dict[str, str] | None:
    if not org:
        return None
    return {"role": PARTY_ROLES.get(org.get("type", ""), "Organisation"),
            "name": org["name"], "code": org["code"]}


def nhs_number(value: str) -> str:
    return f"{value[:3]} {value[3:6]} {value[6:]}" if len(value) == 10 else value


def person_fields(person: Mapping[str, Any]) -> list[Field]:
    comm = person.get("communication") or {}
    rep = person.get("representative")
    rep_text = (f"{rep['name']} ({rep.get('relationship') or ''}, "
                f"{label('representative_role', rep.get('role'))})" if rep else "None recorded")
    interpreter = " · interpreter needed" if comm.get("interpreter_needed") else ""
    return [
        field("Name", f"{person['given_name']} {person['family_name']}"),
        field("Preferred name", text(person.get("preferred_name"))),
        field("NHS number", nhs_number(person["nhs_number"])),
        field("Date of birth", format_date(person.get("date_of_birth"))),
        field("Communication", f"{label('format', comm.get('format'))} · language "
                               f"{comm.get('language') or NOT_RECORDED}{interpreter}"),
        field("Representative", rep_text),
    ]


# The Word sign-off table's columns: a signatory's key and its column head.
SIGNATORY_COLUMNS = {"name": "Name", "role": "Role", "organisation": "Organisation",
                     "party": "Signed as", "signed_on": "Date"}


def signatories(data: Mapping[str, Any]) -> list[dict[str, str]]:
    return [{"party": label("party", s.get("party")), "name": s["name"],
             "role": text(s.get("role")),
             "organisation": (s.get("organisation") or {}).get("name", NOT_RECORDED),
             "signed_on": format_date(s.get("signed_on"))}
            for s in data.get("signatures") or []]


def signoff_block(result: CheckResultLike, signoff: SignOff | None,
                  issued_by: Mapping[str, Any] | None = None,
                  variant: str = "standard") -> dict[str, Any]:
    data = result.data or {}
    complete = signoff is not None and result.ready_for_signoff
    statement = (f"Signed off on {format_date(signoff.signed_off_on)}." if complete and signoff
                 and signoff.signed_off_on else
                 "Signed off." if complete else "Not signed off.")
    if issued_by:
        statement += f" Issued in writing by {issued_by['name']}."
    signed = signatories(data)
    return {"heading": "Sign-off", "complete": complete, "statement": statement,
            "columns": table_columns(tuple(SIGNATORY_COLUMNS.values()),
                                     [[s[key] for key in SIGNATORY_COLUMNS] for s in signed],
                                     variant=variant),
            "signatories": signed,
            "missing": [label("party", p) for p in result.missing_signatures]}


def draft_reasons(result: CheckResultLike, signoff: SignOff | None) -> list[str]:
    reasons = []
    errors = [f.rule for f in result.findings if f.severity == "error"]
    if errors:
        reasons.append("The form does not yet meet: " + ", ".join(dict.fromkeys(errors)) + ".")
    if result.missing_signatures:
        reasons.append("Signatures still needed: " + ", ".join(
            label("party", p) for p in result.missing_signatures) + ".")
    if signoff is None and not reasons:
        reasons.append("This document has not been signed off.")
    return reasons


def _pack(name: str) -> Any:
    from forms_app.contract.check import pack_named  # loaded once per process

    return pack_named(name)


def header_parties(result: CheckResultLike,
                   named: Sequence[Mapping[str, Any] | None]) -> list[dict[str, str]]:
    """The organisations named by the form; where one is missing (a draft), the pack's own
    council or ICB in that place, so a document always says whose it is."""
    defaults = {o.role: o for o in _pack(result.policy).organisations}
    out = []
    for i, org in enumerate(named):
        fallback = defaults.get(("council", "icb")[i]) if i < 2 else None
        chosen = party(org) or (party({"name": fallback.name, "code": fallback.code,
                                       "type": fallback.type}) if fallback else None)
        if chosen:
            out.append(chosen)
    return out


def meta(result: CheckResultLike, signoff: SignOff | None, today: date) -> dict[str, Any]:
    reasons = draft_reasons(result, signoff)
    print_ = signoff.fingerprint if signoff else fingerprint(result.data or {})
    return {
        "document_id": signoff.document_id if signoff else f"DRAFT-{print_[:12].upper()}",
        "version": str(signoff.version) if signoff else "draft",
        "fingerprint": print_, "draft": bool(reasons),
        "draft_mark": DRAFT_MARK if reasons else "", "draft_reasons": reasons,
        "policy": _pack(result.policy).title, "generated_on": format_date(today),
    }


def assemble(result: CheckResultLike, signoff: SignOff | None, *, document: str, title: str,
             subtitle: str, parties: Sequence[Mapping[str, Any] | None],
             sections: Sequence[Section], issued_by: Mapping[str, Any] | None = None,
             today: date | None = None, variant: str = "standard") -> dict[str, Any]:
    """The whole document model for one professional document (see model.py)."""
    data = result.data or {}
    return {
        "document": document, "kind": result.kind, "title": title, "subtitle": subtitle,
        "lang": "en-GB",
        "parties": header_parties(result, parties),
        "person": {"heading": "Person", "fields": person_fields(data.get("person") or {})},
        "sections": list(sections),
        "checklist": checklist.build(result, variant),
        "signoff": signoff_block(result, signoff, issued_by, variant),
        # A signed-off document is dated by its sign-off, so its content depends on data only.
        "meta": meta(result, signoff, today or (signoff and signoff.signed_off_on)
                     or date.today()),
    }


def yes_no_field(label_: str, value: bool | None) -> Field:
    return field(label_, yes_no(value))


def signer_org(data: Mapping[str, Any], *parties: str) -> Mapping[str, Any] | None:
    """The organisation that signed (or should sign) for a party, for the letterhead."""
    for signature in data.get("signatures") or []:
        if signature.get("party") in parties:
            return signature.get("organisation")
    return None


BLOCK_VOCABULARIES = {"outcome": "panel_outcome"}


def block_fields(block: Mapping[str, Any] | None) -> list[Field]:
    """Fields for a small optional block whose keys speak for themselves (dates formatted)."""
    if not block:
        return [field("Details", "None recorded")]
    out = []
    for key, value in block.items():
        words = key.replace("_", " ").capitalize()
        if key in BLOCK_VOCABULARIES:
            out.append(field(words, label(BLOCK_VOCABULARIES[key], value)))
        elif isinstance(value, date) or key.endswith(("_on", "date")):
            out.append(field(words, format_date(value)))
        elif isinstance(value, bool):
            out.append(field(words, yes_no(value)))
        elif isinstance(value, Mapping) and "name" in value:
            out.append(field(words, f"{value['name']} ({value.get('code', '')})"))
        else:
            out.append(field(words, text(value)))
    return out
