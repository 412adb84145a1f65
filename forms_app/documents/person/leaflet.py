"""Context builder for ``rights_leaflet``: the person's own rights leaflet from their plan.

Personalised with their name, named worker and how to reach them, their council and ICB,
their s117 services in plain words, that it is free, and their next review date; review
numbers come from the form's pack (REVIEW-01/02). Plain data out (see ``common.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms_app.documents.person import facts as fx
from forms_app.documents.person import leaflet_rights as rights
from forms_app.documents.person.common import (
    Writer,
    complaint_points,
    contact_rows,
    display_name,
    section,
)
from forms_app.documents.person.i18n import N_, Words
from forms_app.documents.person.icons import DOMAIN_ICONS

# What each need domain's services are, in plain words (the plan's own wording follows).
DOMAIN_WORDS: dict[str, str] = {
    "accommodation": N_("**A place to live** with the right support."),
    "medication": N_("**Help with your medicine**."),
    "daily_living": N_("**Help with everyday jobs** like shopping and cooking."),
    "employment_education": N_("**Help with work or learning**."),
    "social_cultural_spiritual": N_("**Help to see people** and do things you enjoy."),
    "physical_health": N_("**Help with your body's health**."),
    "substance_use": N_("**Help with drink or drugs**."),
    "family_support": N_("**Help for you and your family**."),
    "finance": N_("**Help with money**."),
    "risk_safety": N_("**Help to keep you safe**."),
    "other": N_("**Other help**."),
}


def facts_for(data: Mapping[str, Any], policy: str, computed: Mapping[str, Any],
              words: Words) -> rights.Facts:
    plan = data.get("plan") or {}
    age = fx.age_on(data["person"].get("date_of_birth"), plan.get("plan_date"))
    council, icb = fx.council_and_icb(data, policy)
    numbers = fx.review_numbers(policy)
    worker = (plan.get("named_practitioner") or {}).get("name") or words.gettext(
        "your named worker")
    child = plan.get("child") or {}
    return rights.Facts(
        child=age is not None and age < 18, worker=worker, council=council, icb=icb,
        section=fx.qualifying_section(data), first_months=numbers.first_within_months,
        interval_months=numbers.interval_months,
        next_review=words.date(fx.next_review(plan, computed), long=True),
        on_cto=bool(data.get("cto")), imca_involved=bool(plan.get("imca_involved")),
        has_ehcp=bool(child.get("has_ehcp")),
        disagreement="" if plan.get("person_agrees", True) else (
            plan.get("disagreement_explanation") or ""))


def intro(w: Writer, data: Mapping[str, Any], f: rights.Facts) -> list[dict[str, Any]]:
    _ = w.words.gettext
    rep = (data["person"].get("representative") or {}).get("name")
    points = [w.point("info", _("This leaflet is for **%(name)s**."))]
    if f.child and rep:
        points.append(w.point("family", _("It is also for your parent or carer, **%(rep)s**."),
                              rep=rep))
    elif f.child:
        points.append(w.point("family", _("It is also for your parent or carer.")))
    elif rep:
        points.append(w.point("people", _("You can share it with **%(rep)s** if you want."),
                              rep=rep))
    points.append(w.point("book", _("It tells you about your **aftercare** and your "
                                    "**rights**.")))
    return points


def services(w: Writer, plan: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each s117 service: the need it meets in plain words, then the plan's own words."""
    _ = w.words.gettext
    domains = {need.get("id"): need.get("domain") for need in plan.get("needs") or []}
    points = []
    for service in plan.get("services") or []:
        if service.get("funding_route") != "s117":
            continue
        met = [domains.get(n) for n in service.get("meets_needs") or []]
        domain = next((d for d in met if d in DOMAIN_WORDS), "other")
        point = w.point(DOMAIN_ICONS[domain], _(DOMAIN_WORDS[domain]))
        point["detail"] = w.line(_("Your plan says: %(what)s (from %(who)s)."),
                                 what=service.get("description") or "",
                                 who=service.get("provider") or "")
        points.append(point)
    if not points:
        points.append(w.point("info", _("Your aftercare services will be written in your "
                                        "plan.")))
    return points


def sections(w: Writer, data: Mapping[str, Any], f: rights.Facts) -> list[dict[str, Any]]:
    """Every section in reading order: (id, heading, picture, points)."""
    _ = w.words.gettext
    plan = data.get("plan") or {}
    parts = [
        ("about", _("What is section 117 aftercare?"), "hospital", rights.what_it_is(w, f)),
        ("services", _("Your aftercare"), "helper", services(w, plan)),
        ("free", _("Aftercare is free"), "free", rights.free(w, f)),
        ("say", _("You have a say"), "talk", rights.say(w, f)),
        ("advocacy", _("Help to speak up"), "advocate", rights.advocacy(w, f)),
        ("saying_no", _("You can say no"), "stop", rights.saying_no(w, f)),
        ("how_long", _("How long aftercare lasts"), "time", rights.how_long(w, f)),
        ("reviews", _("Checking your aftercare"), "calendar", rights.reviews(w, f)),
        ("ending", _("When aftercare can end"), "agree", rights.ending(w, f)),
        ("choices", _("Choices about your care"), "home_choice", rights.choices(w, f)),
    ]
    if f.child:
        parts.append(("young_person", _("For young people and their parents"), "family",
                      rights.young_person(w, f)))
    parts.append(("complain", _("How to complain"), "complain",
                  complaint_points(w, f.council, f.icb)))
    return [section(key, heading, pic, points, w.words) for key, heading, pic, points in parts]


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    """The ``rights_leaflet`` context: the registry's builder (see registry.Document)."""
    from forms_app.documents.person.frame import frame, words_for

    data = result.data or {}
    words = words_for(data["person"])
    name = display_name(data["person"])
    w = Writer(words, {"name": name})
    f = facts_for(data, result.policy, result.computed or {}, words)
    model = frame(result, signoff, document="rights_leaflet", layout=variant, words=words,
                  title=words.gettext("Your section 117 aftercare"), made_for=name)
    model.update({
        "subtitle": words.gettext("Your rights and the help you get"),
        "person_name": name,
        "letter": None,
        "intro": intro(w, data, f),
        "contact": {"heading": words.gettext("Who to contact"),
                    "points": contact_rows(w, (data.get("plan") or {}).get("named_practitioner"))},
        "sections": sections(w, data, f),
    })
    return model
