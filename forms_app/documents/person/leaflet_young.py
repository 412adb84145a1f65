"""A child's leaflet (under 18): the points that differ by age, and a box for the parent.

Every "you" in the leaflet is the young person. What is said to their parent or carer is
in its own framed section, "For your parent or carer", which names the young person, so
no sentence changes who "you" is halfway through (W 6.2, 6.4, 6.5).
Choosing where to live, top-ups and direct payments are for adults (W 12.1, 13.2): a child
is told their parent or carer helps plan where they live, and that choice comes at 18.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms_app.documents.person.common import Points, Writer
from forms_app.documents.person.leaflet_rights import Facts


def choices(w: Writer, f: Facts) -> Points:
    _ = w.words.gettext
    return [
        w.point("home", _("If aftercare gives you a place to live, we will plan it **with "
                          "you**."), alt=_("Planning where you live")),
        w.point("family", _("Your **parent or carer** will help to plan it too.")),
        w.point("turning_18", _("When you turn **18**, you may be able to **choose** where "
                                "you live.")),
        w.point("ask", _("Ask **%(worker)s** about this."), worker=f.worker),
    ]


def young_person(w: Writer, f: Facts) -> Points:
    """School, their other plans and growing up (W 6.4, 6.5)."""
    _ = w.words.gettext
    points = [w.point("school", _("Your aftercare should help you keep up with **school or "
                                  "college**."))]
    if f.has_ehcp:
        points.append(w.point("education_plan", _("It works with your **education, health "
                                                  "and care plan**.")))
    points += [
        w.point("family", _("Your **parent or carer** can come to meetings with you.")),
        w.point("turning_18", _("Before you turn **18**, we will talk with you about "
                                "**adult services**."), alt=_("Growing up")),
    ]
    return points


def for_parent(w: Writer, f: Facts, representative: Mapping[str, Any] | None) -> Points:
    """Said to the parent or carer, naming the young person (W 6.2, 14.1, 15.2)."""
    _ = w.words.gettext
    rep = (representative or {}).get("name")
    opening = (w.point("family", _("This part is for **%(rep)s**."), rep=rep) if rep else
               w.point("family", _("This part is for the parent or carer of **%(name)s**.")))
    return [
        opening,
        w.point("together", _("You can come to meetings and reviews with **%(name)s**."),
                alt=_("Coming to meetings")),
        w.point("ask", _("You can ask for a **review** for %(name)s at any time."),
                alt=_("Asking for a review")),
        w.point("advocate", _("You can ask for an **advocate** for %(name)s.")),
        w.point("purse", _("You can ask about a **personal health budget** for %(name)s.")),
        w.point("complain", _("You can make a **complaint** for %(name)s.")),
    ]
