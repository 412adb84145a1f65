"""Context builder for ``change_notice``: the letter to the person about a proposed change to
their aftercare or its funding, from the organisation proposing it (CHG-06, W 8.5), in the
person's recorded format unless staff ask for another (CHG-05, see ``formats``).

It says what is changing, when (never backdated, CHG-04), that needs were reviewed jointly
(CHG-01) and the other commissioner consulted (CHG-02); where that commissioner disagrees,
that nothing changes while the dispute is settled (CHG-03, FUND-05, DISP-04). It asks for
the person's views by a reply-by date (``facts.reply_by``) and says who to contact and how.
The change's description was typed by staff and is not printed; the arrangements before and
after are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms_app.documents.person import contacts
from forms_app.documents.person import facts as fx
from forms_app.documents.person.common import (
    Points,
    Writer,
    complaint_points,
    display_name,
    org_name,
    section,
)
from forms_app.documents.person.frame import frame, words_for
from forms_app.documents.person.i18n import N_
from forms_app.documents.person.icons import organisation_icon

CHANGES: dict[str, tuple[str, str]] = {
    "service_reduction": ("less", N_("We want to give you **less** of a service.")),
    "service_increase": ("more", N_("We want to give you **more** of a service.")),
    "service_withdrawal": ("stop", N_("We want to **stop** a service you get.")),
    "provider_change": ("change", N_("We want to **change who gives** you a service.")),
    "funding_split": ("money", N_("We want to change **who pays** for your aftercare.")),
    "funding_withdrawal": ("money", N_("We want to change **who pays** for your aftercare.")),
}


def what(w: Writer, change: Mapping[str, Any]) -> Points:
    _ = w.words.gettext
    picture, message = CHANGES.get(change.get("type") or "", CHANGES["provider_change"])
    points = [w.point(picture, _(message))]
    if change.get("current_arrangement"):
        points.append(w.point("now", _("Now you get: **%(now)s**."),
                              now=change["current_arrangement"]))
    if change.get("proposed_arrangement"):
        points.append(w.point("after", _("After the change: **%(then)s**."),
                              then=change["proposed_arrangement"]))
    if change.get("type") in ("funding_split", "funding_withdrawal"):
        points.append(w.point("free", _("Your aftercare is still **free** for you.")))
    return points


def when(w: Writer, data: Mapping[str, Any], agreed: bool) -> Points:
    _ = w.words.gettext
    starts = (data.get("change") or {}).get("proposed_effective_date")
    if not agreed:
        points = [w.point("reassure", _("**Nothing changes for now.** Your aftercare carries "
                                        "on as it is."), alt=_("Nothing changes yet")),
                  w.point("disagrees", _("**%(other)s** does not agree with this change.")),
                  w.point("together", _("We will sort this out together first."),
                          alt=_("Sorting it out"))]
        if data.get("dispute_reference"):
            points.append(w.point("now", _("Our reference for this is **%(ref)s**."),
                                  alt=_("Our reference"), ref=data["dispute_reference"]))
        return points
    if starts:
        return [w.point("calendar", _("The change starts on **%(day)s**."),
                        alt=_("When it starts"), day=w.words.date(starts, long=True))]
    return [w.point("calendar", _("We will tell you when the change starts."),
                    alt=_("When it starts"))]


def how_decided(w: Writer, data: Mapping[str, Any], agreed: bool) -> Points:
    _ = w.words.gettext
    points = []
    review = data.get("joint_review") or {}
    if review.get("date"):
        points.append(w.point("review", _("We looked at your needs again on **%(day)s**."),
                              alt=_("Looking at your needs"), day=w.words.date(review["date"])))
    consulted = data.get("other_party_consulted") or {}
    if consulted.get("date"):
        points.append(w.point("ask", _("We asked **%(other)s** on **%(day)s**."),
                              alt=_("Asking the other organisation"),
                              day=w.words.date(consulted["date"])))
    points.append(w.point("agrees", _("They **agree** with the change.")) if agreed
                  else w.point("disagrees", _("They do **not agree** with the change.")))
    return points


def your_say(w: Writer, due: str) -> Points:
    _ = w.words.gettext
    points = [w.point("your_views", _("Please tell us what you think about this change."))]
    if due:
        points.append(w.point("calendar", _("Please tell us by **%(due)s**."),
                              alt=_("Reply by this date"), due=due))
    else:
        points.append(w.point("calendar", _("Please tell us **as soon as you can**."),
                              alt=_("Reply soon")))
    return points + [
        w.point("phone", _("You can phone, email or write. The details are in **Who to "
                           "contact**."), alt=_("How to tell us")),
        w.point("review", _("You can **ask for a review** of your aftercare at any time.")),
        w.point("advocate", _("An **advocate** can help you say what you think.")),
    ]


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    """The ``change_notice`` letter context."""
    data = result.data or {}
    person = data["person"]
    words = words_for(person)
    issuer = org_name(data.get("issued_by"))
    consulted = data.get("other_party_consulted") or {}
    agreed = consulted.get("agrees") is not False
    w = Writer(words, {"name": display_name(person), "issuer": issuer,
                       "other": org_name(consulted.get("organisation"))}, variant)
    model = frame(result, signoff, document="change_notice", layout=variant, words=words,
                  title=words.gettext("A change to your aftercare"), made_for=display_name(person),
                  dated=fx.as_date(data.get("issued_on")))
    model.update(_letter(w, data, result.policy))
    model["sections"] = _sections(w, data, agreed, result.policy)
    return model


def _sections(w: Writer, data: Mapping[str, Any], agreed: bool,
              policy: str) -> list[dict[str, Any]]:
    _ = w.words.gettext
    council, icb = fx.council_and_icb(_bodies(data), policy)
    change = data.get("change") or {}
    due = fx.reply_by(data.get("issued_on"), change.get("proposed_effective_date"))
    parts = [("what", _("What we want to change"), "change", what(w, change)),
             ("when", _("When"), "calendar", when(w, data, agreed)),
             ("how", _("How we decided"), "together", how_decided(w, data, agreed)),
             ("say", _("Your say"), "your_views", your_say(w, w.words.date(due, long=True))),
             ("complain", _("How to complain"), "complain", complaint_points(w, council, icb))]
    return [section(k, h, p, pts, w.words) for k, h, p, pts in parts]


def _letter(w: Writer, data: Mapping[str, Any], policy: str) -> dict[str, Any]:
    """Letter head, opening and who to contact: the organisation proposing the change."""
    _ = w.words.gettext
    person, pack = data["person"], fx.pack_for(policy)
    issued_by = data.get("issued_by") or {}
    contact = contacts.from_organisation(issued_by, pack)
    lead = [w.point(organisation_icon(issued_by.get("type")),
                    _("This letter is from **%(issuer)s**."), alt=_("Who the letter is from"))]
    if contact.name:
        lead.append(w.point("ask", _("If you have a question, contact **%(team)s**."),
                            alt=_("Who to ask"), team=contact.name))
    return {
        "subtitle": "",  # the greeting names them: a letter needs no "a letter for" line
        "person_name": display_name(person),
        "letter": fx.letter_head(w.words, w.values["issuer"], data.get("issued_on"), person,
                                 [w.values["issuer"]], contact.address),
        "intro": [w.point("letter", _("We are writing to tell you about a **change** to your "
                                      "aftercare."))],
        "contact": contacts.box(w, lead, contact, contacts.council_contact(pack)),
    }


def _bodies(data: Mapping[str, Any]) -> dict[str, Any]:
    """The issuer and the consulted party, as responsible council and ICB where they are."""
    orgs = [data.get("issued_by") or {}, (data.get("other_party_consulted") or {}).get(
        "organisation") or {}]
    return {"responsible_la": next((o for o in orgs if o.get("type") == "local_authority"), None),
            "responsible_icb": next((o for o in orgs if o.get("type") == "icb"), None)}
