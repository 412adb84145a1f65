"""Pieces every person-facing document shares: points, names, contact box, complaints, credit.

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


@dataclass
class Writer:
    """Builds points in one language with the document's named values (%(name)s ...)."""

    words: Words
    values: dict[str, Any] = field(default_factory=dict)

    def point(self, picture: str, message: str, **extra: Any) -> dict[str, Any]:
        parts = runs(message, {**self.values, **extra})
        return {"icon": icon(picture, self.words), "runs": parts, "text": plain(parts),
                "detail": None}

    @staticmethod
    def raw(text: str) -> list[dict[str, Any]]:
        """Text typed into the form, shown as written (never parsed for markers)."""
        return [{"text": text, "bold": False}] if text else []

    def line(self, message: str, **extra: Any) -> list[dict[str, Any]]:
        return runs(message, {**self.values, **extra})


# Sections read as a list (one row per point) in every layout, not only in easy read:
# the person's services and the complaint steps.
LIST_SECTIONS = frozenset({"services", "complain"})


def section(key: str, heading: str, picture: str, points: list[dict[str, Any]],
            words: Words) -> dict[str, Any]:
    return {"id": key, "heading": heading, "icon": icon(picture, words), "points": points,
            "list": key in LIST_SECTIONS}


def display_name(person: Mapping[str, Any]) -> str:
    return person.get("preferred_name") or person.get("given_name") or ""


def org_name(org: Mapping[str, Any] | None) -> str:
    return (org or {}).get("name") or ""


def contact_rows(w: Writer, contact: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The named worker's box: who they are and how to reach them (PLAN-01 fields)."""
    _ = w.words.gettext
    contact = contact or {}
    rows = []
    if contact.get("name"):
        rows.append(w.point("helper", _("**%(who)s** is your named worker."),
                            who=contact["name"]))
        rows.append(w.point("info", _("Job: %(role)s."), role=contact.get("role") or ""))
        rows.append(w.point("council", _("They work for %(where)s."),
                            where=org_name(contact.get("organisation"))))
    else:
        rows.append(w.point("helper", _("Ask the staff who your **named worker** is.")))
    if contact.get("phone"):
        rows.append(w.point("phone", _("Phone: **%(phone)s**"), phone=contact["phone"]))
    if contact.get("email"):
        rows.append(w.point("email", _("Email: **%(email)s**"), email=contact["email"]))
    return rows


def complaint_points(w: Writer, council: str, icb: str) -> list[dict[str, Any]]:
    """How to complain, step by step, up to the Ombudsmen (W 15.2, 15.3)."""
    _ = w.words.gettext
    return [
        w.point("speech", _("**Step 1**: Tell your named worker or the people who give "
                            "your care.")),
        w.point("complain", _("**Step 2**: Make a **complaint** to the service that gives "
                              "your care.")),
        w.point("question", _("A complaint means telling someone you are **not happy**.")),
        w.point("council", _("**Step 3**: Still not happy? Complain to **%(council)s**."),
                council=council),
        w.point("hospital", _("Or complain to **%(icb)s**."), icb=icb),
        w.point("ombudsman", _("**Step 4**: Then you can ask an **Ombudsman** to look at it.")),
        w.point("ombudsman", _("An Ombudsman checks if a service has been **fair** to you.")),
        w.point("council", _("About the council: the **Local Government and Social Care "
                             "Ombudsman**.")),
        w.point("hospital", _("About the NHS: the **Parliamentary and Health Service "
                              "Ombudsman**.")),
        w.point("advocate", _("An **advocate** can help you make a complaint.")),
        w.point("check", _("Making a complaint will **not** stop your care.")),
    ]


def credit(words: Words) -> str:
    """OpenMoji asks for this attribution (CC BY-SA 4.0) wherever its pictures appear."""
    return words.gettext("Pictures: OpenMoji, the open-source emoji and icon project "
                         "(openmoji.org), licence CC BY-SA 4.0.")


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
