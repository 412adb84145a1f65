"""Pieces every person-facing document shares: points, names, sections, complaints, notes.

A *point* is one idea: a picture with alt text and one or two short sentences as runs.
Everything returned is plain data (dicts, lists, strings) for the Word and HTML templates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from forms_app.documents.person.i18n import Words, plain, runs
from forms_app.documents.person.icons import icon

VARIANTS = ("easy_read", "large_print", "standard")
Points = list[dict[str, Any]]


@dataclass
class Writer:
    """Builds points in one language with the document's named values (%(name)s ...)."""

    words: Words
    values: dict[str, Any] = field(default_factory=dict)
    layout: str = "easy_read"

    def point(self, picture: str, message: str, alt: str | None = None,
              **extra: Any) -> dict[str, Any]:
        parts = runs(message, {**self.values, **extra})
        return {"icon": icon(picture, self.words, alt), "runs": parts, "text": plain(parts),
                "detail": None}

    def line(self, message: str, **extra: Any) -> list[dict[str, Any]]:
        return runs(message, {**self.values, **extra})

    def staff_text(self, text: str | None) -> str | None:
        """Text staff typed into the form, where it may be shown: never in easy read, where
        every sentence must be ours (short, plain and measured)."""
        return text if text and self.layout != "easy_read" else None


# Sections read as a list (one row per point) in every layout, not only in easy read:
# the person's services and the complaint steps.
LIST_SECTIONS = frozenset({"services", "complain"})


def section(key: str, heading: str, picture: str, points: Points, words: Words,
            box: bool = False) -> dict[str, Any]:
    """One topic; ``box`` frames it (the part of a child's leaflet for their parent)."""
    return {"id": key, "heading": heading, "icon": icon(picture, words), "points": points,
            "list": key in LIST_SECTIONS or box, "box": box}


def display_name(person: Mapping[str, Any]) -> str:
    return person.get("preferred_name") or person.get("given_name") or ""


def org_name(org: Mapping[str, Any] | None) -> str:
    return (org or {}).get("name") or ""


def complaint_points(w: Writer, council: str, icb: str, care_continues: bool = True) -> Points:
    """How to complain, step by step, up to the Ombudsmen (W 15.2, 15.3).

    ``care_continues`` is False in a letter saying aftercare ends: "a complaint will not
    stop your care" would then be untrue, so it says a complaint is safe to make instead.
    """
    _ = w.words.gettext
    points = [
        w.point("tell", _("**Step 1**: Tell your named worker or the people who give "
                          "your care.")),
        w.point("complain", _("**Step 2**: Make a **complaint** to the service that gives "
                              "your care.")),
        w.point("unhappy", _("A complaint means telling someone you are **not happy**.")),
        w.point("council", _("**Step 3**: Still not happy? Complain to **%(council)s**."),
                council=council),
        w.point("nhs", _("Or complain to **%(icb)s**."), icb=icb),
        w.point("ombudsman", _("**Step 4**: Then you can ask an **Ombudsman** to look at it.")),
        w.point("ombudsman", _("An Ombudsman checks if a service has been **fair** to you."),
                alt=_("Being fair")),
        w.point("council", _("About the council: the **Local Government and Social Care "
                             "Ombudsman**."), alt=_("The council's Ombudsman")),
        w.point("nhs", _("About the NHS: the **Parliamentary and Health Service "
                         "Ombudsman**."), alt=_("The NHS Ombudsman")),
        w.point("advocate", _("An **advocate** can help you make a complaint.")),
    ]
    return points + [_safe_to_complain(w, care_continues)]


def _safe_to_complain(w: Writer, care_continues: bool) -> dict[str, Any]:
    _ = w.words.gettext
    if care_continues:
        return w.point("reassure", _("Making a complaint will **not** stop your care."),
                       alt=_("Your care carries on"))
    return w.point("reassure", _("You will **not** be treated worse for complaining."),
                   alt=_("Complaining is safe"))


def credit(words: Words) -> str:
    """OpenMoji asks for this attribution (CC BY-SA 4.0) wherever its pictures appear."""
    return words.gettext("Pictures: OpenMoji (openmoji.org), licence CC BY-SA 4.0.")


def format_note(words: Words, fmt: str | None) -> list[dict[str, Any]] | None:
    """A visible note when the person's format is one the service cannot print (CHG-05).

    Braille, audio and BSL video are produced by people, not by this service: the printed
    copy says so, so nobody mistakes it for the accessible version.
    """
    _ = words.gettext
    notes = {
        "braille": _("You asked for information in **braille**. We are getting a braille "
                     "copy made for you."),
        "audio": _("You asked for information as **audio**. We are getting a recording "
                   "made for you."),
        "bsl_video": _("You asked for information in **British Sign Language**. We are "
                       "getting a video made for you."),
    }
    message = notes.get(fmt or "")
    return runs(message) if message else None


def language_note(words: Words) -> list[dict[str, Any]] | None:
    """When no catalogue exists for the person's language, say a translation is coming."""
    if words.available:
        return None
    return runs(words.gettext("You asked for information in another language "
                              "(%(language)s). We are getting it translated for you."),
                {"language": words.requested})
