"""Parts every professional document shares: header parties, person box, sign-off, meta."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from forms_app.documents import checklist, rule_text
from forms_app.documents.fingerprint import fingerprint
from forms_app.documents.formatting import (
    NOT_RECORDED,
    format_date,
    language_name,
    text,
    yes_no,
)
from forms_app.documents.model import Field, Section, field, table_columns
from forms_app.documents.signoff import SignOff
from forms_app.documents.wording import label, mid_sentence
from forms_app.policy.catalogue import RULES
from forms_app.policy.findings import Finding
from forms_app.policy.packs import Pack

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


def _representative(rep: Mapping[str, Any] | None) -> str:
    if not rep:
        return "None recorded"
    role = mid_sentence(label("representative_role", rep.get("role")))
    relationship = rep.get("relationship")
    return f"{rep['name']} ({relationship + ', ' if relationship else ''}{role})"


def _language(comm: Mapping[str, Any]) -> str:
    interpreter = "; needs an interpreter" if comm.get("interpreter_needed") else ""
    return f"{language_name(comm.get('language'))}{interpreter}"


def person_fields(person: Mapping[str, Any]) -> list[Field]:
    comm = person.get("communication") or {}
    return [
        field("Name", f"{person['given_name']} {person['family_name']}"),
        field("Preferred name", text(person.get("preferred_name"))),
        field("NHS number", nhs_number(person["nhs_number"])),
        field("Date of birth", format_date(person.get("date_of_birth"))),
        field("Communication format", label("format", comm.get("format"))),
        field("Language", _language(comm)),
        field("Representative", _representative(person.get("representative"))),
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


def _statement(complete: bool, signoff: SignOff | None, on: date | None,
               issued_by: Mapping[str, Any] | None) -> str:
    """"Signed off on ...", with the document's own date where the sign-off has none (a
    notice issued by one organisation, which no party signs)."""
    when = (signoff.signed_off_on if signoff else None) or on
    statement = (("Signed off on " + format_date(when) + "." if when else "Signed off.")
                 if complete else "Not signed off.")
    if issued_by:
        statement += f" Issued in writing by {issued_by['name']}."
    return statement


def signoff_block(result: CheckResultLike, signoff: SignOff | None,
                  issued_by: Mapping[str, Any] | None = None,
                  variant: str = "standard", on: date | None = None) -> dict[str, Any]:
    complete = signoff is not None and result.ready_for_signoff
    signed = signatories(result.data or {})
    return {"heading": "Sign-off", "complete": complete,
            "statement": _statement(complete, signoff, on, issued_by),
            "columns": table_columns(tuple(SIGNATORY_COLUMNS.values()),
                                     [[s[key] for key in SIGNATORY_COLUMNS] for s in signed],
                                     variant=variant),
            "signatories": signed,
            "missing": [label("party", p) for p in result.missing_signatures]}


def draft_reasons(result: CheckResultLike, signoff: SignOff | None, pack: Pack) -> list[str]:
    """Why a document is a draft, in words: each unmet rule by its title, not only its ID."""
    reasons = []
    errors = dict.fromkeys(f.rule for f in result.findings if f.severity == "error")
    if errors:
        reasons.append("Not yet met: " + "; ".join(
            f"{rule_id} ({mid_sentence(rule_text.title(RULES[rule_id], pack))})"
            if rule_id in RULES else rule_id for rule_id in errors) + ".")
    if result.missing_signatures:
        reasons.append("Signatures still needed: " + ", ".join(
            label("party", p) for p in result.missing_signatures) + ".")
    if signoff is None and not reasons:
        reasons.append("This document has not been signed off.")
    return reasons


def pack_of(result: CheckResultLike) -> Pack:
    from forms_app.contract.check import pack_named  # loaded once per process

    return pack_named(result.policy)


def header_parties(result: CheckResultLike, named: Sequence[Mapping[str, Any] | None],
                   fallback: Sequence[str] = ("council", "icb")) -> list[dict[str, str]]:
    """The organisations named by the form; where one is missing (a draft), the pack's
    organisation of the ``fallback`` role in that place, so a document always says whose
    it is."""
    defaults = {o.role: o for o in pack_of(result).organisations}
    out = []
    for i, org in enumerate(named):
        stand_in = defaults.get(fallback[i]) if i < len(fallback) else None
        chosen = party(org) or (party(stand_in.as_dict()) if stand_in else None)
        if chosen:
            out.append(chosen)
    return out


def document_date(own: date | None, data: Mapping[str, Any],
                  signoff: SignOff | None) -> date | None:
    """The date a document carries: the form's own (issue, decision or agreement) date,
    else the sign-off date, else the last signature. Never today: the same form renders
    the same document on any day."""
    signed = [s["signed_on"] for s in data.get("signatures") or []
              if isinstance(s, Mapping) and s.get("signed_on")]
    return own or (signoff.signed_off_on if signoff else None) or max(signed, default=None)


def meta(result: CheckResultLike, signoff: SignOff | None, dated: date | None) -> dict[str, Any]:
    pack = pack_of(result)
    reasons = draft_reasons(result, signoff, pack)
    print_ = signoff.fingerprint if signoff else fingerprint(result.data or {})
    return {
        "document_id": signoff.document_id if signoff else f"DRAFT-{print_[:12].upper()}",
        "version": str(signoff.version) if signoff else "draft",
        "version_label": f"version {signoff.version}" if signoff else "unnumbered draft",
        "fingerprint": print_, "draft": bool(reasons),
        "draft_mark": DRAFT_MARK if reasons else "", "draft_reasons": reasons,
        "policy": pack.title, "dated": format_date(dated),
    }


def assemble(result: CheckResultLike, signoff: SignOff | None, *, document: str, title: str,
             subtitle: str, parties: Sequence[Mapping[str, Any] | None],
             sections: Sequence[Section], dated: date | None,
             issued_by: Mapping[str, Any] | None = None,
             variant: str = "standard") -> dict[str, Any]:
    """The whole document model for one professional document (see model.py).

    ``dated`` is the form's own date for this document (see :func:`document_date`).
    """
    data = result.data or {}
    on = document_date(dated, data, signoff)
    return {
        "document": document, "kind": result.kind, "title": title, "subtitle": subtitle,
        "lang": "en-GB",
        "parties": header_parties(result, parties),
        "person": {"heading": "Person", "fields": person_fields(data.get("person") or {})},
        "sections": list(sections),
        # A form with no date at all is judged on no particular day (date.max), never
        # today, so its document does not change from one day to the next.
        "checklist": checklist.build(result, pack_of(result), on or date.max, variant),
        "signoff": signoff_block(result, signoff, issued_by, variant, on),
        "meta": meta(result, signoff, on),
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
