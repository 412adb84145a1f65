"""Who the person can get in touch with, and how: the "Who to contact" box of every document.

A contact is named from the form where it names someone (the plan's named practitioner, a
letter's signatory) or, where it names only an organisation, by that organisation's team.
Phone and email come from the form where it holds them; what it does not hold (postal
address, website, a phone for a signatory) comes from the policy pack's contact details for
that organisation. A box always ends with at least one way to get in touch: when neither
the form nor the pack has one for the named contact, the pack's council is added.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from forms_app.documents.person.common import Points, Writer
from forms_app.documents.person.icons import organisation_icon
from forms_app.policy.packs import Organisation, Pack

WAYS = ("phone", "email", "address", "website")


@dataclass(frozen=True)
class Contact:
    name: str = ""  # a person or, from the pack, a team
    person: bool = True  # False for an organisation's team
    role: str = ""
    organisation: str = ""
    org_type: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    website: str = ""

    @property
    def label(self) -> str:
        """How the letter names them: the person or team, else the organisation."""
        return self.name or self.organisation

    @property
    def reachable(self) -> bool:
        return any(getattr(self, way) for way in WAYS)


def pack_organisation(pack: Pack, org: Mapping[str, Any] | None) -> Organisation | None:
    """The pack's own record of an organisation named in a form (by code, else by name)."""
    org = org or {}
    return next((o for o in pack.organisations
                 if (org.get("code") and o.code == org.get("code")) or o.name == org.get("name")),
                None)


def _with_pack_details(contact: Contact, known: Organisation | None) -> Contact:
    if known is None:
        return contact
    details = known.contact
    return replace(contact, **{way: getattr(contact, way) or getattr(details, way)
                               for way in WAYS})


def from_person(entry: Mapping[str, Any] | None, pack: Pack) -> Contact:
    """A named practitioner or a signatory: their own details, then their organisation's."""
    entry = entry or {}
    org = entry.get("organisation") or {}
    contact = Contact(name=entry.get("name") or "", role=entry.get("role") or "",
                      organisation=org.get("name") or "", org_type=org.get("type") or "",
                      phone=entry.get("phone") or "", email=entry.get("email") or "")
    return _with_pack_details(contact, pack_organisation(pack, org))


def from_organisation(org: Mapping[str, Any] | None, pack: Pack) -> Contact:
    """An organisation the form names without a person: the pack's team for it."""
    org = org or {}
    known = pack_organisation(pack, org)
    contact = Contact(name=known.contact.team if known else "", person=False,
                      organisation=org.get("name") or "", org_type=org.get("type") or "")
    return _with_pack_details(contact, known)


def council_contact(pack: Pack) -> Contact:
    return from_organisation(pack.council.as_dict(), pack)


def ways_to_reach(w: Writer, contact: Contact) -> Points:
    """One point per way to get in touch that is known."""
    _ = w.words.gettext
    rows = []
    if contact.phone:
        rows.append(w.point("phone", _("Phone: **%(phone)s**"), phone=contact.phone))
    if contact.email:
        rows.append(w.point("email", _("Email: **%(email)s**"), email=contact.email))
    if contact.address:
        rows.append(w.point("address", _("Write to: %(address)s"), address=contact.address))
    if contact.website:
        rows.append(w.point("website", _("Website: %(website)s"), website=contact.website))
    return rows


def about(w: Writer, contact: Contact) -> Points:
    """A named person's job and where they work, where the form says (a team's organisation
    is already named by the lines that introduce it)."""
    _ = w.words.gettext
    rows = []
    if contact.role:
        rows.append(w.point("job", _("Job: %(role)s."), role=contact.role))
    if contact.organisation and contact.person:
        rows.append(w.point(organisation_icon(contact.org_type),
                            _("They work for %(where)s."), alt=_("Where they work"),
                            where=contact.organisation))
    return rows


def box(w: Writer, lead: Points, contact: Contact, fallback: Contact | None) -> dict[str, Any]:
    """The "Who to contact" box: the caller's opening lines, then how to reach them."""
    _ = w.words.gettext
    points = lead + about(w, contact) + ways_to_reach(w, contact)
    if not contact.reachable and fallback is not None and fallback.reachable:
        points.append(w.point(organisation_icon(fallback.org_type),
                              _("You can also contact **%(team)s** at %(org)s."),
                              alt=_("Another contact"), team=fallback.label,
                              org=fallback.organisation))
        points += ways_to_reach(w, fallback)
    return {"heading": _("Who to contact"), "points": points}
