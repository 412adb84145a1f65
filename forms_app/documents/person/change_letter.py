"""Context builder for ``change_notice``: the letter to the person about a proposed change to
their aftercare or its funding, from the organisation proposing it (CHG-06), in the person's
recorded format (CHG-05).

It says what is changing, when (never backdated, CHG-04), why, that needs were reviewed
jointly (CHG-01) and the other commissioner consulted (CHG-02); where that commissioner
disagrees, that nothing changes while the dispute is settled (CHG-03, FUND-05, DISP-04).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms_app.documents.person import facts as fx
from forms_app.documents.person.common import Writer, complaint_points, display_name, section
from forms_app.documents.person.frame import frame, layout_for, words_for
from forms_app.documents.person.i18n import N_

CHANGES: dict[str, str] = {
    "service_reduction": N_("We want to give you **less** of a service."),
    "service_increase": N_("We want to give you **more** of a service."),
    "service_withdrawal": N_("We want to **stop** a service you get."),
    "provider_change": N_("We want to **change who gives** you a service."),
    "funding_split": N_("We want to change **who pays** for your aftercare."),
    "funding_withdrawal": N_("We want to change **who pays** for your aftercare."),
}


def what(w: Writer, change: Mapping[str, Any]) -> list[dict[str, Any]]:
    _ = w.words.gettext
    points = [w.point("info", _(CHANGES.get(change.get("type") or "", CHANGES["provider_change"])))]
    if change.get("description"):
        said = w.point("book", _("This is what we wrote down."))
        said["detail"] = w.raw(change["description"])
        points.append(said)
    if change.get("current_arrangement"):
        points.append(w.point("calendar", _("Now you get: **%(now)s**."),
                              now=change["current_arrangement"]))
    if change.get("proposed_arrangement"):
        points.append(w.point("change_mind", _("After the change: **%(then)s**."),
                              then=change["proposed_arrangement"]))
    if change.get("type") in ("funding_split", "funding_withdrawal"):
        points.append(w.point("free", _("Your aftercare is still **free** for you.")))
    return points


def when(w: Writer, data: Mapping[str, Any], agreed: bool) -> list[dict[str, Any]]:
    _ = w.words.gettext
    starts = (data.get("change") or {}).get("proposed_effective_date")
    if not agreed:
        points = [w.point("stop", _("**Nothing changes for now.** Your aftercare carries on "
                                    "as it is.")),
                  w.point("question", _("**%(other)s** does not agree with this change.")),
                  w.point("agree", _("We will sort this out together first."))]
        if data.get("dispute_reference"):
            points.append(w.point("info", _("Our reference for this is **%(ref)s**."),
                                  ref=data["dispute_reference"]))
        return points
    if starts:
        return [w.point("calendar", _("The change starts on **%(day)s**."),
                        day=w.words.date(starts, long=True))]
    return [w.point("calendar", _("We will tell you when the change starts."))]


def how_decided(w: Writer, data: Mapping[str, Any], agreed: bool) -> list[dict[str, Any]]:
    _ = w.words.gettext
    points = []
    review = data.get("joint_review") or {}
    if review.get("date"):
        points.append(w.point("talk", _("We looked at your needs again on **%(day)s**."),
                              day=w.words.date(review["date"])))
    consulted = data.get("other_party_consulted") or {}
    if consulted.get("date"):
        points.append(w.point("people", _("We asked **%(other)s** on **%(day)s**."),
                              day=w.words.date(consulted["date"])))
    points.append(w.point("agree" if agreed else "no",
                          _("They **agree** with the change.") if agreed
                          else _("They do **not agree** with the change.")))
    return points


def your_say(w: Writer) -> list[dict[str, Any]]:
    _ = w.words.gettext
    return [
        w.point("speech", _("Tell us what you think about this change.")),
        w.point("calendar", _("You can **ask for a review** of your aftercare at any time.")),
        w.point("advocate", _("An **advocate** can help you say what you think.")),
    ]


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    """The ``change_notice`` letter context; the layout follows the person's format."""
    data = result.data or {}
    person = data["person"]
    words = words_for(person)
    issuer = (data.get("issued_by") or {}).get("name") or ""
    consulted = data.get("other_party_consulted") or {}
    agreed = consulted.get("agrees") is not False
    w = Writer(words, {"name": display_name(person), "issuer": issuer,
                       "other": (consulted.get("organisation") or {}).get("name") or ""})
    model = frame(result, signoff, document="change_notice",
                  layout=layout_for(person.get("communication")), words=words,
                  title=words.gettext("A change to your aftercare"), made_for=display_name(person))
    model.update(_letter(w, data, issuer))
    model["sections"] = _sections(w, data, agreed, result.policy)
    return model


def _sections(w: Writer, data: Mapping[str, Any], agreed: bool,
              policy: str) -> list[dict[str, Any]]:
    _ = w.words.gettext
    council, icb = fx.council_and_icb(_bodies(data), policy)
    parts = [("what", _("What we want to change"), "change_mind",
              what(w, data.get("change") or {})),
             ("when", _("When"), "calendar", when(w, data, agreed)),
             ("how", _("How we decided"), "agree", how_decided(w, data, agreed)),
             ("say", _("Your say"), "talk", your_say(w)),
             ("complain", _("How to complain"), "complain", complaint_points(w, council, icb))]
    return [section(k, h, p, pts, w.words) for k, h, p, pts in parts]


def _letter(w: Writer, data: Mapping[str, Any], issuer: str) -> dict[str, Any]:
    """Letter head, opening and who to contact: the organisation proposing the change."""
    _ = w.words.gettext
    person = data["person"]
    return {
        "subtitle": _("A letter for %(name)s") % w.values,
        "person_name": display_name(person),
        "letter": fx.letter_head(w.words, issuer, data.get("issued_on"), person, [issuer]),
        "intro": [w.point("letter", _("We are writing to tell you about a **change** to your "
                                      "aftercare."))],
        "contact": {"heading": _("Who to contact"), "points": [
            w.point("council", _("This letter is from **%(issuer)s**.")),
            w.point("speech", _("Contact them if you have a question about it."))]},
    }


def _bodies(data: Mapping[str, Any]) -> dict[str, Any]:
    """The issuer and the consulted party, as responsible council and ICB where they are."""
    orgs = [data.get("issued_by") or {}, (data.get("other_party_consulted") or {}).get(
        "organisation") or {}]
    return {"responsible_la": next((o for o in orgs if o.get("type") == "local_authority"), None),
            "responsible_icb": next((o for o in orgs if o.get("type") == "icb"), None)}
