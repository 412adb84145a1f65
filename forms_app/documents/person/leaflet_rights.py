"""The rights part of the leaflet: one idea per point, in the order a person needs them.

Each function returns the points of one section (W 5.1-5.8, 7.2, 12, 13, 14, 16).
``Facts`` carries the person's own values so the sentences can name their people and dates.
A child's versions of the points that differ by age are in ``leaflet_young``.
"""

from __future__ import annotations

from dataclasses import dataclass

from forms_app.documents.person.common import Points, Writer

# The Mental Capacity Act 2005 (and so an IMCA) applies from 16; choice of accommodation
# (W 13.2), direct payments (W 12.1) and Care Act advocacy are for adults.
MCA_AGE, ADULT_AGE = 16, 18


@dataclass(frozen=True)
class Facts:
    age: int | None
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

    @property
    def child(self) -> bool:
        return self.age is not None and self.age < ADULT_AGE

    def at_least(self, age: int) -> bool:
        """Unknown age counts as an adult: the adult wording is the default."""
        return self.age is None or self.age >= age


def what_it_is(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    points = []
    if f.section:
        points.append(w.point("hospital", _("You were kept in hospital under **section "
                                            "%(section)s** of the Mental Health Act."),
                              section=f.section))
    return points + [
        w.point("aftercare", _("**Aftercare** means help and support after you leave hospital.")),
        w.point("stay_well", _("It helps you to **stay well** and out of hospital.")),
        w.point("law", _("The law that gives you this help is **section 117**.")),
        w.point("council", _("**%(council)s** plans your aftercare with the NHS."),
                council=f.council),
        w.point("nhs", _("**%(icb)s** pays for the NHS part."), icb=f.icb),
    ]


def free(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    return [
        w.point("free", _("Your aftercare is **free**. You do not pay for it.")),
        w.point("home", _("If aftercare gives you **a place to live**, that is free too."),
                alt=_("A free place to live")),
        w.point("money", _("Other help that is not aftercare may cost money. Ask your "
                           "worker."), alt=_("Help that may cost money")),
    ]


def say(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    points = [
        w.point("your_views", _("We will **ask you what you want**.")),
        w.point("together", _("We will plan your aftercare **with you**.")),
        w.point("why", _("If we decide something you do not want, we will **tell you "
                         "why**.")),
        w.point("supporters", _("Your family, carer or advocate can help you if you want.")),
    ]
    if f.disagreement:
        points.insert(3, _disagreement(w, f))
    return points


def _disagreement(w: Writer, f: Facts) -> dict:
    """W 5.1: the reason is given in a form they understand. The reason itself was typed by
    staff, so easy read says who will explain it; other layouts also print it."""
    _ = w.words.gettext
    why = w.point("why", _("Some of your plan is not what you wanted. **%(worker)s** will "
                           "tell you why."), worker=f.worker)
    written = w.staff_text(f.disagreement)
    if written:
        why["detail"] = w.line(_("What we wrote: %(text)s"), text=written)
    return why


def advocacy(w: Writer, f: Facts) -> Points:
    """Advocates (W 5.2). An IMHA is for people detained, on a CTO or conditionally
    discharged (MHA s130A-C): after hospital without a CTO the leaflet names the advocacy
    that is open to them instead."""
    _ = w.words.gettext
    points = [
        w.point("speak_up", _("An **advocate** helps you to **speak up**.")),
        w.point("advocate", _("An advocate is on **your side**. They do not work for the NHS "
                              "or the council.")),
        w.point("hospital", _("An **IMHA** is an Independent Mental Health Advocate."),
                alt=_("A mental health advocate")),
        w.point("hospital", _("An IMHA helps people who are **kept in hospital** under the "
                              "Mental Health Act."), alt=_("A mental health advocate")),
    ]
    if f.on_cto:
        points.append(w.point("rules", _("You are on a **community treatment order**. So you "
                                         "can still have an IMHA."), alt=_("Your order")))
    else:
        points.append(w.point("advocate", _("After you leave hospital, you can have a "
                                            "**different advocate**.")))
    if f.at_least(ADULT_AGE):
        points.append(w.point("ask", _("Is it hard for you to take part in planning your "
                                       "care? Ask for an advocate.")))
    points += _imca(w, f)
    points.append(w.point("ask", _("To get an advocate, ask **%(worker)s**."), worker=f.worker))
    return points


def _imca(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    if not f.at_least(MCA_AGE):
        return []
    points = [
        w.point("advocate", _("An **IMCA** is an Independent Mental Capacity Advocate."),
                alt=_("A capacity advocate")),
        w.point("advocate", _("An IMCA helps people who **cannot decide** some big things "
                              "for themselves."), alt=_("A capacity advocate")),
    ]
    if f.imca_involved:
        points.append(w.point("advocate", _("You have an **IMCA** helping you now."),
                              alt=_("Your capacity advocate")))
    return points


def saying_no(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    return [
        w.point("say_no", _("You can **say no** to aftercare.")),
        w.point("change_mind", _("You can **change your mind** later.")),
        w.point("reassure", _("Saying no does **not** end your right to aftercare."),
                alt=_("Your right stays")),
        w.point("keep_in_touch", _("Your worker will still **keep in touch** with you.")),
    ]


def how_long(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    return [
        w.point("how_long", _("Aftercare lasts **as long as you need it**.")),
        w.point("no_time_limit", _("There is **no time limit**.")),
    ]


def reviews(w: Writer, f: Facts) -> Points:
    _, ngettext = w.words.gettext, w.words.ngettext
    points = [
        w.point("review", _("A **review** is a meeting to check your aftercare is right.")),
        w.point("calendar", ngettext(
            "Your first review is within **%(num)d month** of leaving hospital.",
            "Your first review is within **%(num)d months** of leaving hospital.",
            f.first_months), alt=_("Your first review"), num=f.first_months),
        w.point("calendar", ngettext(
            "After that you have a review at least every **%(num)d month**.",
            "After that you have a review at least every **%(num)d months**.",
            f.interval_months), alt=_("How often you have a review"), num=f.interval_months),
    ]
    if f.next_review:
        points.append(w.point("calendar", _("Your next review is on **%(day)s**."),
                              alt=_("Your next review"), day=f.next_review))
    points.append(w.point("ask", _("You can **ask for a review** at any time."),
                          alt=_("Asking for a review")))
    return points


def ending(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    points = [
        w.point("reassure", _("Aftercare can only end if **you do not need it** any more."),
                alt=_("Only when you do not need it")),
        w.point("together", _("The **council and the NHS** must **both agree** on this."),
                alt=_("Both must agree")),
        w.point("your_views", _("They will **talk with you** before they decide."),
                alt=_("Talking with you")),
        w.point("reassure", _("It will **not** end just because you said no."),
                alt=_("Not because you said no")),
        w.point("reassure", _("It will **not** end just because time has passed."),
                alt=_("Not because of time")),
        w.point("reassure", _("It **cannot** end while you are on a **community treatment "
                              "order**."), alt=_("Not while you are on an order")),
        w.point("rules", _("A community treatment order means rules for your care outside "
                           "hospital.")),
    ]
    if f.on_cto:
        points.append(w.point("rules", _("You are on a community treatment order now."),
                              alt=_("Your order")))
    return points


def choices(w: Writer, f: Facts) -> Points:
    """Choice of accommodation, top-ups, direct payments, budgets (W 12, 13): adults only."""
    _ = w.words.gettext
    return [
        w.point("choose_home", _("If aftercare gives you a place to live, you can **choose "
                                 "where to live**.")),
        w.point("home", _("The place must meet your needs and have room for you."),
                alt=_("The right place for you")),
        w.point("money", _("If it costs more, someone can **pay the extra**. This is a "
                           "**top-up**."), alt=_("Paying extra")),
        w.point("calendar", _("We check the top-up can be paid for as long as you live "
                              "there."), alt=_("Checking the money")),
        w.point("card", _("A **direct payment** is money from the council to buy your own "
                          "support.")),
        w.point("not_allowed", _("It cannot pay for a **care home** you live in for good.")),
        w.point("purse", _("A **personal health budget** is money from the NHS for your "
                           "health support.")),
        w.point("ask", _("Ask **%(worker)s** about these choices."), worker=f.worker),
    ]
