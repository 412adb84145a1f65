"""Context builder for ``rights_leaflet``: the person's own rights leaflet from their plan.

Personalised with their name, named worker and how to reach them, their council and ICB,
their s117 services in plain words, that it is free, and their next review date; review
numbers come from the form's pack (REVIEW-01/02). A child gets the young person's points
and a box for their parent or carer (``leaflet_young``). Plain data out (see ``common.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms_app.documents.person import contacts
from forms_app.documents.person import facts as fx
from forms_app.documents.person import leaflet_rights as rights
from forms_app.documents.person import leaflet_young as young
from forms_app.documents.person.common import (
    Points,
    Writer,
    complaint_points,
    display_name,
    section,
)
from forms_app.documents.person.frame import frame, words_for
from forms_app.documents.person.i18n import N_, Words
from forms_app.documents.person.icons import DOMAIN_ICONS

# What each need domain's services are, in plain words.
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
# How a service reaches the person (services[].delivery), where it is not simply arranged.
DELIVERY_WORDS: dict[str, str] = {
    "direct_payment": N_("You get this as a **direct payment**."),
    "personal_health_budget": N_("You get this through a **personal health budget**."),
    "integrated_budget": N_("You get this through a **joint budget** from the council and "
                            "the NHS."),
}


def facts_for(data: Mapping[str, Any], policy: str, computed: Mapping[str, Any],
              words: Words) -> rights.Facts:
    plan = data.get("plan") or {}
    council, icb = fx.council_and_icb(data, policy)
    numbers = fx.review_numbers(policy)
    worker = (plan.get("named_practitioner") or {}).get("name") or words.gettext(
        "your named worker")
    return rights.Facts(
        age=fx.age_on(data["person"].get("date_of_birth"), plan.get("plan_date")),
        worker=worker, council=council, icb=icb, section=fx.qualifying_section(data),
        first_months=numbers.first_within_months, interval_months=numbers.interval_months,
        next_review=words.date(fx.next_review(plan, computed), long=True),
        on_cto=bool(data.get("cto")), imca_involved=bool(plan.get("imca_involved")),
        has_ehcp=bool((plan.get("child") or {}).get("has_ehcp")),
        disagreement="" if plan.get("person_agrees", True) else (
            plan.get("disagreement_explanation") or ""))


def intro(w: Writer, data: Mapping[str, Any], f: rights.Facts) -> Points:
    _ = w.words.gettext
    rep = (data["person"].get("representative") or {}).get("name")
    points = [w.point("letter", _("This leaflet is for **%(name)s**."),
                      alt=_("A leaflet for you"))]
    if f.child and rep:
        points.append(w.point("family", _("It is also for your parent or carer, **%(rep)s**."),
                              rep=rep))
    elif f.child:
        points.append(w.point("family", _("It is also for your parent or carer.")))
    elif rep:
        points.append(w.point("supporters", _("You can share it with **%(rep)s** if you "
                                              "want."), rep=rep))
    points.append(w.point("law", _("It tells you about your **aftercare** and your "
                                   "**rights**."), alt=_("Your rights")))
    return points


def services(w: Writer, plan: Mapping[str, Any]) -> Points:
    """Each s117 service: the need it meets and who gives it, from the plan's fields.

    The service's own description was typed by staff: easy read leaves it out, the other
    layouts add it so the person can match the leaflet to their plan."""
    _ = w.words.gettext
    domains = {need.get("id"): need.get("domain") for need in plan.get("needs") or []}
    points = []
    for service in plan.get("services") or []:
        if service.get("funding_route") != "s117":
            continue
        met = [domains.get(n) for n in service.get("meets_needs") or []]
        domain = next((d for d in met if d in DOMAIN_WORDS), "other")
        point = w.point(DOMAIN_ICONS[domain], _(DOMAIN_WORDS[domain]))
        point["detail"] = _service_detail(w, service)
        points.append(point)
    if not points:
        points.append(w.point("aftercare", _("Your aftercare services will be written in your "
                                             "plan.")))
    return points


def _service_detail(w: Writer, service: Mapping[str, Any]) -> list[dict[str, Any]]:
    _ = w.words.gettext
    detail = []
    if service.get("provider"):
        detail += w.line(_("**%(who)s** gives you this help."), who=service["provider"])
    if service.get("delivery") in DELIVERY_WORDS:
        detail += w.line(" " + _(DELIVERY_WORDS[service["delivery"]]))
    described = w.staff_text(service.get("description"))
    if described:
        detail += w.line(" " + _("In your plan: %(what)s."), what=described)
    return detail


def sections(w: Writer, data: Mapping[str, Any], f: rights.Facts) -> list[dict[str, Any]]:
    """Every section in reading order; a child's leaflet adds theirs and their parent's box
    before the complaint steps, which are for both of them."""
    _ = w.words.gettext
    plan = data.get("plan") or {}
    parts = [
        ("about", _("What is section 117 aftercare?"), "aftercare", rights.what_it_is(w, f)),
        ("services", _("Your aftercare"), "aftercare", services(w, plan)),
        ("free", _("Aftercare is free"), "free", rights.free(w, f)),
        ("say", _("You have a say"), "your_views", rights.say(w, f)),
        ("advocacy", _("Help to speak up"), "speak_up", rights.advocacy(w, f)),
        ("saying_no", _("You can say no"), "say_no", rights.saying_no(w, f)),
        ("how_long", _("How long aftercare lasts"), "how_long", rights.how_long(w, f)),
        ("reviews", _("Checking your aftercare"), "review", rights.reviews(w, f)),
        ("ending", _("When aftercare can end"), "together", rights.ending(w, f)),
        ("choices", _("Choices about your care"), "choose_home",
         young.choices(w, f) if f.child else rights.choices(w, f)),
    ]
    built = [section(key, heading, pic, points, w.words) for key, heading, pic, points in parts]
    if f.child:
        built += [section("young_person", _("School and growing up"), "school",
                          young.young_person(w, f), w.words),
                  section("carer", _("For your parent or carer"), "family",
                          young.for_parent(w, f, data["person"].get("representative")),
                          w.words, box=True)]
    built.append(section("complain", _("How to complain"), "complain",
                         complaint_points(w, f.council, f.icb), w.words))
    return built


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    """The ``rights_leaflet`` context: the registry's builder (see registry.Document)."""
    data = result.data or {}
    words = words_for(data["person"])
    name = display_name(data["person"])
    w = Writer(words, {"name": name}, variant)
    f = facts_for(data, result.policy, result.computed or {}, words)
    pack = fx.pack_for(result.policy)
    worker = contacts.from_person((data.get("plan") or {}).get("named_practitioner"), pack)
    model = frame(result, signoff, document="rights_leaflet", layout=variant, words=words,
                  title=words.gettext("Your section 117 aftercare"), made_for=name)
    model.update({
        "subtitle": words.gettext("Your rights and the help you get"),
        "person_name": name,
        "letter": None,
        "intro": intro(w, data, f),
        "contact": contacts.box(w, _worker_lead(w, worker), worker,
                                contacts.council_contact(pack)),
        "sections": sections(w, data, f),
    })
    return model


def _worker_lead(w: Writer, worker: contacts.Contact) -> Points:
    _ = w.words.gettext
    if worker.name:
        return [w.point("worker", _("**%(who)s** is your named worker."), who=worker.name)]
    return [w.point("worker", _("Ask the staff who your **named worker** is."))]
