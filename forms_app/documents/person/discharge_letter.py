"""Context builder for ``discharge_letter``: the letter telling the person about a decision
to end their section 117 aftercare (from a ``discharge_decision``), in their format.

It says what was decided, why in plain words (the grounds; the rationale and the other
services were written by staff for staff and are not printed), that council and NHS both
agreed (DISCH-01), what happens next, and how to object (the s117 panel, then complaints:
DISP-05, W 16.8). Its named contact is a signatory, the council's where there is one.
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
    section,
)
from forms_app.documents.person.frame import frame, words_for
from forms_app.documents.person.i18n import N_

GROUNDS: dict[str, str] = {
    "needs_met_without_aftercare": N_("You do **not need** aftercare services to stay well."),
    "needs_met_by_other_services": N_("**Other services** now give you the help you need."),
    "moved_outside_england_and_wales": N_("You now live **outside England and Wales**."),
    "other": N_("There is **another reason**. **%(contact)s** can explain it to you."),
}
VIEWS: dict[str, str] = {
    "agrees": N_("You told us you **agree**."),
    "objects": N_("You told us you do **not agree**."),
    "not_known": N_("We do not know what you think yet. Please tell us."),
}
# The signatory the person is told to contact: the council's worker first (they arrange
# the person's care), then the health side.
CONTACT_PARTIES = ("local_authority", "named_practitioner", "responsible_clinician", "icb")


def _signed_by(data: Mapping[str, Any], party: str) -> Mapping[str, Any]:
    return next((s for s in data.get("signatures") or [] if s.get("party") == party), {})


def _bodies(data: Mapping[str, Any], policy: str) -> tuple[str, str]:
    """The council and the health side that decided (from their signatures, else the pack)."""
    pack = fx.pack_for(policy)
    council = (_signed_by(data, "local_authority").get("organisation") or {}).get("name")
    health = next(((s.get("organisation") or {}).get("name") for s in data.get("signatures") or []
                   if s.get("party") in ("responsible_clinician", "icb")), None)
    return council or pack.council.name, health or pack.icb.name


def named_contact(data: Mapping[str, Any], policy: str) -> contacts.Contact:
    pack = fx.pack_for(policy)
    for party in CONTACT_PARTIES:
        signer = _signed_by(data, party)
        if signer.get("name"):
            return contacts.from_person(signer, pack)
    return contacts.council_contact(pack)


def decided(w: Writer, data: Mapping[str, Any], ending: bool) -> Points:
    _ = w.words.gettext
    review = data.get("review") or {}
    if ending:
        points = [w.point("calendar", _("On **%(day)s** we decided your aftercare will "
                                        "**end**."), alt=_("The day we decided")),
                  w.point("council", _("**%(council)s** agreed."), alt=_("The council agrees")),
                  w.point("nhs", _("**%(health)s** agreed too."), alt=_("The NHS agrees"))]
    else:
        points = [w.point("disagrees", _("The council and the NHS did **not both agree**."),
                          alt=_("They did not both agree")),
                  w.point("reassure", _("So your aftercare **carries on**."),
                          alt=_("Your aftercare carries on"))]
    if review.get("date"):
        points.append(w.point("review", _("We had a review about this on **%(review)s**."),
                              review=w.words.date(review["date"])))
    return points


def why(w: Writer, data: Mapping[str, Any]) -> Points:
    _ = w.words.gettext
    points = [w.point("why", _(GROUNDS[g])) for g in data.get("grounds") or [] if g in GROUNDS]
    if not points:
        points.append(w.point("why", _(GROUNDS["other"])))
    points.append(w.point("checked", _("We checked this should **not** make you more likely "
                                       "to go back to hospital.")))
    return points


def views(w: Writer, data: Mapping[str, Any]) -> Points:
    _ = w.words.gettext
    points = [w.point("your_views", _(VIEWS.get(data.get("person_view") or "not_known",
                                                VIEWS["not_known"])))]
    panel = data.get("panel") or {}
    if panel.get("date"):
        points.append(w.point("supporters", _("The **%(panel)s** looked at the decision on "
                                              "**%(day)s**."), alt=_("The panel"),
                              day=w.words.date(panel["date"])))
    return points


def next_steps(w: Writer, data: Mapping[str, Any], ending: bool) -> Points:
    _ = w.words.gettext
    points = [w.point("stop", _("Your aftercare help will **stop**."),
                      alt=_("Aftercare stops"))] if ending else []
    if data.get("other_services_considered"):
        points.append(w.point("checked", _("We looked at **other help** you can get. Ask "
                                           "**%(contact)s** about it."), alt=_("Other help")))
    return points + [
        w.point("health", _("Your **GP** can still help you with your health."),
                alt=_("Your GP")),
        w.point("phone", _("If you feel unwell, **call your GP**."), alt=_("Call your GP")),
        w.point("council", _("You can ask the council to check your needs again at any "
                             "time."), alt=_("Asking the council")),
        w.point("hospital", _("You might have to stay in hospital again one day.")),
        w.point("reassure", _("Then you may get **aftercare again**."),
                alt=_("Aftercare again")),
    ]


def objecting(w: Writer) -> Points:
    _ = w.words.gettext
    return [
        w.point("say_no", _("You can **object**. This means you tell us you do not agree."),
                alt=_("Saying you do not agree")),
        w.point("ask", _("To object, tell **%(contact)s**."), alt=_("How to object")),
        w.point("supporters", _("The **%(panel)s** will look at the decision again."),
                alt=_("The panel")),
        w.point("complain", _("If you still do not agree, you can **complain**.")),
    ]


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    """The ``discharge_letter`` context."""
    data = result.data or {}
    person = data["person"]
    words = words_for(person)
    council, health = _bodies(data, result.policy)
    ending = data.get("la_view") == "agree" and data.get("health_view") == "agree"
    contact = named_contact(data, result.policy)
    w = Writer(words, {"name": display_name(person), "council": council, "health": health,
                       "day": words.date(data.get("decision_date")), "contact": contact.label,
                       "panel": fx.pack_for(result.policy).disputes.panel}, variant)
    _ = words.gettext
    title = _("Your section 117 aftercare is ending") if ending else _(
        "Your section 117 aftercare carries on")
    model = frame(result, signoff, document="discharge_letter", layout=variant, words=words,
                  title=title, made_for=display_name(person),
                  dated=fx.as_date(data.get("decision_date")))
    model.update(letter_parts(w, data, council, contact, result.policy))
    model["sections"] = sections(w, data, ending, fx.pack_for(result.policy).icb.name)
    return model


def sections(w: Writer, data: Mapping[str, Any], ending: bool, icb: str) -> list[dict[str, Any]]:
    _ = w.words.gettext
    parts = [("decided", _("What we decided"), "together", decided(w, data, ending)),
             ("why", _("Why"), "why", why(w, data)),
             ("views", _("What you told us"), "your_views", views(w, data)),
             ("next", _("What happens next"), "calendar", next_steps(w, data, ending)),
             ("object", _("If you do not agree"), "say_no", objecting(w)),
             ("complain", _("How to complain"), "complain",
              complaint_points(w, w.values["council"], icb, care_continues=not ending))]
    return [section(k, h, p, pts, w.words) for k, h, p, pts in parts]


def letter_parts(w: Writer, data: Mapping[str, Any], council: str, contact: contacts.Contact,
                 policy: str) -> dict[str, Any]:
    """Letter head, opening, the person to contact and the signature lines."""
    _ = w.words.gettext
    person = data["person"]
    pack = fx.pack_for(policy)
    sender = contacts.pack_organisation(pack, {"name": council})
    lead = [w.point("worker", _("Your contact is **%(who)s**."), alt=_("Your contact"),
                    who=contact.label)]
    return {
        "subtitle": "",  # the greeting names them: a letter needs no "a letter for" line
        "person_name": display_name(person),
        "letter": fx.letter_head(w.words, council, data.get("decision_date"), person,
                                 [s.get("name", "") for s in data.get("signatures") or []],
                                 sender.contact.address if sender else ""),
        "intro": [w.point("letter", _("We are writing to tell you about your **section 117 "
                                      "aftercare**."))],
        "contact": contacts.box(w, lead, contact, contacts.council_contact(pack)),
    }
