"""Context builder for ``discharge_letter``: the letter telling the person about a decision
to end their section 117 aftercare (from a ``discharge_decision``), in their format.

It says what was decided, why in plain words, that council and NHS both agreed (DISCH-01),
what happens next, and how to object (the s117 panel, then complaints: DISP-05, W 16.8).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms_app.documents.person import facts as fx
from forms_app.documents.person.common import Writer, complaint_points, display_name, section
from forms_app.documents.person.frame import frame, layout_for, words_for
from forms_app.documents.person.i18n import N_

GROUNDS: dict[str, str] = {
    "needs_met_without_aftercare": N_("You do **not need** aftercare services to stay well."),
    "needs_met_by_other_services": N_("**Other services** now give you the help you need."),
    "moved_outside_england_and_wales": N_("You now live **outside England and Wales**."),
    "other": N_("There is **another reason**. We explain it below."),
}
VIEWS: dict[str, str] = {
    "agrees": N_("You told us you **agree**."),
    "objects": N_("You told us you do **not agree**."),
    "not_known": N_("We do not know what you think yet. Please tell us."),
}


def _signed_by(data: Mapping[str, Any], party: str) -> Mapping[str, Any]:
    return next((s for s in data.get("signatures") or [] if s.get("party") == party), {})


def _bodies(data: Mapping[str, Any], policy: str) -> tuple[str, str]:
    """The council and the health side that decided (from their signatures, else the pack)."""
    pack = fx.pack_for(policy)
    council = (_signed_by(data, "local_authority").get("organisation") or {}).get("name")
    health = next(((s.get("organisation") or {}).get("name") for s in data.get("signatures") or []
                   if s.get("party") in ("responsible_clinician", "icb")), None)
    return council or pack.council.name, health or pack.icb.name


def decided(w: Writer, data: Mapping[str, Any], ending: bool) -> list[dict[str, Any]]:
    _ = w.words.gettext
    review = data.get("review") or {}
    points = []
    if ending:
        points += [w.point("calendar", _("On **%(day)s** we decided your aftercare will "
                                         "**end**.")),
                   w.point("council", _("**%(council)s** agreed.")),
                   w.point("hospital", _("**%(health)s** agreed too."))]
    else:
        points += [w.point("agree", _("The council and the NHS did **not both agree**.")),
                   w.point("check", _("So your aftercare **carries on**."))]
    if review.get("date"):
        points.append(w.point("talk", _("We had a review about this on **%(review)s**."),
                              review=w.words.date(review["date"])))
    return points


def why(w: Writer, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    _ = w.words.gettext
    points = [w.point("question", _(GROUNDS[g])) for g in data.get("grounds") or []
              if g in GROUNDS]
    reasons = w.point("book", _("This is what we wrote down."))
    reasons["detail"] = w.raw(data.get("rationale") or "")
    points.append(reasons)
    points.append(w.point("safe", _("We checked this should **not** make you more likely to "
                                    "go back to hospital.")))
    return points


def views(w: Writer, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    _ = w.words.gettext
    points = [w.point("speech", _(VIEWS.get(data.get("person_view") or "not_known",
                                            VIEWS["not_known"])))]
    panel = data.get("panel") or {}
    if panel.get("date"):
        points.append(w.point("people", _("The **%(panel)s** looked at the decision on "
                                          "**%(day)s**."),
                              day=w.words.date(panel["date"])))
    return points


def next_steps(w: Writer, data: Mapping[str, Any], ending: bool) -> list[dict[str, Any]]:
    _ = w.words.gettext
    points = []
    if ending:
        points.append(w.point("stop", _("Your aftercare help will **stop**.")))
    if data.get("other_services"):
        other = w.point("info", _("We looked at other help you can get."))
        other["detail"] = w.raw(data["other_services"])
        points.append(other)
    points += [
        w.point("health", _("Your **GP** can still help you with your health.")),
        w.point("phone", _("If you feel unwell, **call your GP**.")),
        w.point("council", _("You can ask the council to check your needs again at any "
                             "time.")),
        w.point("hospital", _("You might have to stay in hospital again one day.")),
        w.point("check", _("Then you may get **aftercare again**.")),
    ]
    return points


def objecting(w: Writer) -> list[dict[str, Any]]:
    _ = w.words.gettext
    return [
        w.point("stop", _("You can **object**. This means you tell us you do not agree.")),
        w.point("people", _("The **%(panel)s** will look at the decision again.")),
        w.point("complain", _("If you still do not agree, you can **complain**.")),
    ]


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    """The ``discharge_letter`` context; the layout follows the person's format (CHG-05)."""
    data = result.data or {}
    person = data["person"]
    words = words_for(person)
    council, health = _bodies(data, result.policy)
    ending = data.get("la_view") == "agree" and data.get("health_view") == "agree"
    w = Writer(words, {"name": display_name(person), "council": council, "health": health,
                       "day": words.date(data.get("decision_date")),
                       "panel": fx.pack_for(result.policy).disputes.panel})
    _ = words.gettext
    title = _("Your section 117 aftercare is ending") if ending else _(
        "Your section 117 aftercare carries on")
    model = frame(result, signoff, document="discharge_letter", layout=layout_for(
        person.get("communication")), words=words, title=title, made_for=display_name(person))
    parts = [("decided", _("What we decided"), "agree", decided(w, data, ending)),
             ("why", _("Why"), "question", why(w, data)),
             ("views", _("What you told us"), "speech", views(w, data)),
             ("next", _("What happens next"), "calendar", next_steps(w, data, ending)),
             ("object", _("If you do not agree"), "stop", objecting(w)),
             ("complain", _("How to complain"), "complain",
              complaint_points(w, council, fx.pack_for(result.policy).icb.name))]
    model.update(letter_parts(w, data, person, council))
    model["sections"] = [section(k, h, p, pts, words) for k, h, p, pts in parts]
    return model


def letter_parts(w: Writer, data: Mapping[str, Any], person: Mapping[str, Any],
                 council: str) -> dict[str, Any]:
    """Letter head, opening, the people to contact and the signature lines."""
    _ = w.words.gettext
    signers = data.get("signatures") or []
    contact = []
    for signer in signers:
        contact.append(w.point("helper", _("**%(who)s**, %(role)s."), who=signer.get("name", ""),
                               role=signer.get("role") or ""))
        contact.append(w.point("council", _("Works for %(where)s."),
                               where=(signer.get("organisation") or {}).get("name", "")))
    return {
        "subtitle": _("A letter for %(name)s") % w.values,
        "person_name": display_name(person),
        "letter": fx.letter_head(w.words, council, data.get("decision_date"), person,
                                 [s.get("name", "") for s in signers]),
        "intro": [w.point("letter", _("We are writing to tell you about your **section 117 "
                                      "aftercare**."))],
        "contact": {"heading": _("Who to contact"), "points": contact or [
            w.point("council", _("Contact **%(council)s**."))]},
    }
