"""The rights part of the leaflet: one idea per point, in the order a person needs them.

Each function returns the points of one section (W 5.1-5.8, 7.2, 12, 13, 14, 16).
``Facts`` carries the person's own values so the sentences can name their people and dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from forms_app.documents.person.common import Writer

Points = list[dict[str, Any]]


@dataclass(frozen=True)
class Facts:
    child: bool
    worker: str
    council: str
    icb: str
    section: str | None
    first_months: int
    interval_months: int
    next_review: str
    on_cto: bool
    imca_involved: bool
    has_ehcp: bool
    disagreement: str = ""  # PLAN-06: why the plan goes against the person's wishes


def what_it_is(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    points = []
    if f.section:
        points.append(w.point("hospital", _("You were kept in hospital under **section "
                                            "%(section)s** of the Mental Health Act."),
                              section=f.section))
    points += [
        w.point("helper", _("**Aftercare** means help and support after you leave hospital.")),
        w.point("safe", _("It helps you to **stay well** and out of hospital.")),
        w.point("book", _("The law that gives you this help is **section 117**.")),
        w.point("council", _("**%(council)s** plans your aftercare with the NHS."),
                council=f.council),
        w.point("hospital", _("**%(icb)s** pays for the NHS part."), icb=f.icb),
    ]
    return points


def free(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    return [
        w.point("free", _("Your aftercare is **free**. You do not pay for it.")),
        w.point("house", _("If aftercare gives you **a place to live**, that is free too.")),
        w.point("money", _("Other help that is not aftercare may cost money. Ask your "
                           "worker.")),
    ]


def say(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    points = [
        w.point("talk", _("We will **ask you what you want**.")),
        w.point("agree", _("We will plan your aftercare **with you**.")),
        w.point("question", _("If we decide something you do not want, we will **tell you "
                              "why**.")),
        w.point("people", _("Your family, carer or advocate can help you if you want.")),
    ]
    if f.disagreement:
        why = w.point("question", _("Some of your plan is not what you wanted. This is why."))
        why["detail"] = w.raw(f.disagreement)
        points.insert(3, why)
    return points


def advocacy(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    points = [
        w.point("advocate", _("An **advocate** helps you to speak up.")),
        w.point("check", _("An advocate is **independent**. They do not work for the NHS or "
                           "the council.")),
        w.point("talk", _("You have a right to an **IMHA**. This is an Independent Mental "
                          "Health Advocate.")),
        w.point("question", _("If some choices are too hard for you to make, an **IMCA** can "
                              "help.")),
    ]
    if f.imca_involved:
        points.append(w.point("advocate", _("You have an **IMCA** helping you now.")))
    points.append(w.point("phone", _("To get an advocate, ask **%(worker)s**."),
                          worker=f.worker))
    return points


def saying_no(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    return [
        w.point("stop", _("You can **say no** to aftercare.")),
        w.point("change_mind", _("You can **change your mind** later.")),
        w.point("check", _("Saying no does **not** end your right to aftercare.")),
        w.point("helper", _("Your worker will still **keep in touch** with you.")),
    ]


def how_long(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    return [
        w.point("time", _("Aftercare lasts **as long as you need it**.")),
        w.point("no", _("There is **no time limit**.")),
    ]


def reviews(w: Writer, f: Facts) -> Points:
    _, ngettext = w.words.gettext, w.words.ngettext
    points = [
        w.point("calendar", _("A **review** is a meeting to check your aftercare is right.")),
        w.point("calendar", ngettext(
            "Your first review is within **%(num)d month** of leaving hospital.",
            "Your first review is within **%(num)d months** of leaving hospital.",
            f.first_months), num=f.first_months),
        w.point("calendar", ngettext(
            "After that you have a review at least every **%(num)d month**.",
            "After that you have a review at least every **%(num)d months**.",
            f.interval_months), num=f.interval_months),
    ]
    if f.next_review:
        points.append(w.point("calendar", _("Your next review is on **%(day)s**."),
                              day=f.next_review))
    points.append(w.point("speech", _("You can **ask for a review** at any time.")))
    return points


def ending(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    points = [
        w.point("check", _("Aftercare can only end if **you do not need it** any more.")),
        w.point("agree", _("The **council and the NHS** must **both agree** on this.")),
        w.point("talk", _("They will **talk with you** before they decide.")),
        w.point("no", _("It will **not** end just because you said no.")),
        w.point("no", _("It will **not** end just because time has passed.")),
        w.point("no", _("It can **not** end while you are on a **community treatment "
                        "order**.")),
        w.point("book", _("This order means rules for your care outside hospital.")),
    ]
    if f.on_cto:
        points.append(w.point("info", _("You are on a community treatment order now.")))
    return points


def choices(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    points = [
        w.point("home_choice", _("If aftercare gives you a place to live, you can **choose "
                                 "where to live**.")),
    ]
    if f.child:
        points.append(w.point("child", _("Choosing where to live is for people aged **18 "
                                         "or over**.")))
    points += [
        w.point("check", _("The place must meet your needs and have room for you.")),
        w.point("money", _("If it costs more, someone can **pay the extra**. This is a "
                           "**top-up**.")),
        w.point("calendar", _("We check the top-up can be paid for as long as you live "
                              "there.")),
        w.point("card", _("A **direct payment** is money from the council to buy your own "
                          "support.")),
        w.point("no", _("It can not pay for a care home to live in for good.")),
        w.point("purse", _("A **personal health budget** is money from the NHS for your "
                           "health support.")),
        w.point("speech", _("Ask **%(worker)s** about these choices."), worker=f.worker),
    ]
    return points


def young_person(w: Writer, f: Facts) -> Points:
    """For a person under 18: speak to them and to their parent or carer (W 6.2, 6.5)."""
    _ = w.words.gettext
    points = [
        w.point("family", _("**Parents and carers**: you can come to meetings and reviews.")),
        w.point("speech", _("You can ask for a review or an advocate for your child.")),
        w.point("study", _("Your aftercare should help you keep up with **school or "
                           "college**.")),
    ]
    if f.has_ehcp:
        points.append(w.point("book", _("It works with your **education, health and care "
                                        "plan**.")))
    return points
