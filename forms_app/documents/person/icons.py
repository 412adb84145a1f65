"""Pictures for person-facing documents: OpenMoji 17 pictograms, each with alt text.

OpenMoji (https://openmoji.org, npm package ``openmoji`` 17.0.0) is licensed CC BY-SA 4.0.
The few pictures used are copied from ``node_modules/openmoji/color/svg`` into ``icons/svg``
(for HTML and PDF) and rasterised to ``icons/png`` (Word cannot show SVG everywhere) by
``python -m forms_app.documents.person.build_icons``; ``icons/SOURCES.json`` records each
SVG's SHA-256 so a test notices a picture that no longer matches its source.

Pictures are named by the idea they stand for, not by what they show, and the alt text
says that idea ("Your named worker", not "A health worker"): a screen-reader user hears
what the picture means beside its sentence. A point may give its own alt text where one
picture serves several ideas (a tick beside different reassurances).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forms_app.documents.person.i18n import N_, Words

ICON_DIR = Path(__file__).resolve().parent / "icons"
ASSET_PREFIX = "icons/openmoji"  # the allow-list fetcher serves ICON_DIR/svg under this prefix

WORKER = "1F9D1-200D-2695-FE0F"  # health worker
PEOPLE_HOLDING_HANDS = "1F9D1-200D-1F91D-200D-1F9D1"
FAMILY = "1F9D1-200D-1F9D1-200D-1F9D2"

# idea -> (OpenMoji hexcode, alt text msgid saying the idea).
ICONS: dict[str, tuple[str, str]] = {
    "hospital": ("1F3E5", N_("Being in hospital")),
    "nhs": ("1F3E5", N_("The NHS")),
    "council": ("1F3DB", N_("The council")),
    "aftercare": (WORKER, N_("Help after hospital")),
    "worker": (WORKER, N_("Your named worker")),
    "job": ("1F4BC", N_("Their job")),
    "stay_well": ("1F60A", N_("Feeling well")),
    "law": ("1F4DC", N_("The law")),
    "free": ("1F193", N_("Free of charge")),
    "home": ("1F3E0", N_("A place to live")),
    "choose_home": ("1F3E1", N_("Choosing where to live")),
    "money": ("1F4B7", N_("Money")),
    "card": ("1F4B3", N_("A direct payment")),
    "purse": ("1F45B", N_("A personal health budget")),
    "not_allowed": ("1F6AB", N_("What it cannot pay for")),
    "your_views": ("1F5E3", N_("Your views")),
    "together": ("1F91D", N_("Working together")),
    "why": ("1F914", N_("The reasons why")),
    "supporters": ("1F465", N_("People who can help you")),
    "advocate": (PEOPLE_HOLDING_HANDS, N_("An advocate on your side")),
    "speak_up": ("1F4E2", N_("Speaking up")),
    "ask": ("1F4AC", N_("Asking for help")),
    "say_no": ("270B", N_("Saying no")),
    "change_mind": ("1F504", N_("Changing your mind")),
    "reassure": ("2705", N_("Good to know")),
    "keep_in_touch": ("1F4DE", N_("Keeping in touch")),
    "how_long": ("23F3", N_("How long it lasts")),
    "no_time_limit": ("267E", N_("No time limit")),
    "calendar": ("1F4C5", N_("A date")),
    "review": ("1F4C5", N_("A review")),
    "rules": ("1F4DC", N_("Rules for your care")),
    "school": ("1F3EB", N_("School or college")),
    "education_plan": ("1F4D6", N_("Your education plan")),
    "family": (FAMILY, N_("Your parent or carer")),
    "turning_18": ("1F382", N_("Turning 18")),
    "tell": ("1F5E3", N_("Telling someone")),
    "complain": ("1F4DD", N_("Making a complaint")),
    "unhappy": ("1F641", N_("Not happy")),
    "ombudsman": ("2696", N_("The Ombudsman")),
    "phone": ("1F4DE", N_("Phone")),
    "email": ("1F4E7", N_("Email")),
    "address": ("1F4EB", N_("Postal address")),
    "website": ("1F310", N_("Website")),
    "letter": ("2709", N_("A letter for you")),
    "less": ("2796", N_("Less of a service")),
    "more": ("2795", N_("More of a service")),
    "stop": ("1F6D1", N_("Stopping")),
    "change": ("1F504", N_("A change")),
    "after": ("27A1", N_("After the change")),
    "now": ("1F4CB", N_("What you have now")),
    "agrees": ("1F44D", N_("They agree")),
    "disagrees": ("1F44E", N_("They do not agree")),
    "checked": ("1F50D", N_("We checked")),
    "health": ("1FA7A", N_("Your health")),
    "medicine": ("1F48A", N_("Medicine")),
    "everyday": ("1F9FA", N_("Everyday jobs")),
    "learning": ("1F4DA", N_("Work or learning")),
    "social": ("1F465", N_("Seeing people")),
    "drink_drugs": ("1F377", N_("Drink or drugs")),
    "family_help": (FAMILY, N_("Help for your family")),
    "safe": ("1F6E1", N_("Keeping safe")),
    "other": ("2B50", N_("Other help")),
}

# Each need domain (contract vocabulary) -> the picture for services meeting that need.
DOMAIN_ICONS: dict[str, str] = {
    "accommodation": "home", "medication": "medicine", "daily_living": "everyday",
    "employment_education": "learning", "social_cultural_spiritual": "social",
    "physical_health": "health", "substance_use": "drink_drugs", "family_support": "family_help",
    "finance": "money", "risk_safety": "safe", "other": "other",
}

# An organisation's type (contract vocabulary) -> its picture: a council building for a
# council, the hospital sign for every NHS body.
ORGANISATION_ICONS: dict[str, str] = {"local_authority": "council"}


def organisation_icon(org_type: str | None) -> str:
    return ORGANISATION_ICONS.get(org_type or "", "nhs")


def hexcodes() -> list[str]:
    """Every OpenMoji picture the documents use, once each."""
    return sorted({hexcode for hexcode, _alt in ICONS.values()})


def png_path(name: str) -> Path:
    return ICON_DIR / "png" / f"{ICONS[name][0]}.png"


def icon(name: str, words: Words, alt: str | None = None) -> dict[str, Any]:
    """Plain data for one picture: the asset URL (HTML/PDF), PNG path (Word) and alt text."""
    hexcode, default_alt = ICONS[name]
    return {
        "name": name,
        "src": f"s117-asset:{ASSET_PREFIX}/{hexcode}.svg",
        "png": str(png_path(name)),
        "alt": words.gettext(alt or default_alt),
    }
