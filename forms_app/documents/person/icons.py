"""Pictures for person-facing documents: OpenMoji 17 pictograms, each with alt text.

OpenMoji (https://openmoji.org, npm package ``openmoji`` 17.0.0) is licensed CC BY-SA 4.0.
The few pictures used are copied from ``node_modules/openmoji/color/svg`` into ``icons/svg``
(for HTML and PDF) and rasterised to ``icons/png`` (Word cannot show SVG everywhere) by
``python -m forms_app.documents.person.build_icons``; ``icons/SOURCES.json`` records each
SVG's SHA-256 so a test notices a picture that no longer matches its source.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from forms_app.documents.person.i18n import N_, Words

ICON_DIR = Path(__file__).resolve().parent / "icons"
ASSET_PREFIX = "icons/openmoji"  # the allow-list fetcher serves ICON_DIR/svg under this prefix

# name -> (OpenMoji hexcode, alt text msgid). Alt text says what the picture shows.
ICONS: dict[str, tuple[str, str]] = {
    "hospital": ("1F3E5", N_("A hospital building")),
    "helper": ("1F9D1-200D-2695-FE0F", N_("A health worker")),
    "free": ("1F193", N_("The word free")),
    "money": ("1F4B7", N_("A bank note")),
    "house": ("1F3E0", N_("A house")),
    "home_choice": ("1F3E1", N_("A house with a garden")),
    "talk": ("1F5E3", N_("A person speaking")),
    "question": ("2753", N_("A question mark")),
    "advocate": ("1F9D1-200D-1F91D-200D-1F9D1", N_("Two people holding hands")),
    "stop": ("270B", N_("A hand held up to say stop")),
    "change_mind": ("1F504", N_("Arrows going round")),
    "time": ("23F3", N_("An hourglass")),
    "calendar": ("1F4C5", N_("A calendar")),
    "agree": ("1F91D", N_("Two hands shaking")),
    "no": ("1F6AB", N_("A no entry sign")),
    "card": ("1F4B3", N_("A bank card")),
    "purse": ("1F45B", N_("A purse")),
    "complain": ("1F4DD", N_("A note and pencil")),
    "letter": ("2709", N_("An envelope")),
    "ombudsman": ("2696", N_("Scales for fairness")),
    "phone": ("1F4DE", N_("A telephone")),
    "email": ("1F4E7", N_("An email")),
    "council": ("1F3DB", N_("A council building")),
    "family": ("1F9D1-200D-1F9D1-200D-1F9D2", N_("A family: two adults and a child")),
    "child": ("1F9D1-200D-1F9D2", N_("An adult with a child")),
    "speech": ("1F4AC", N_("A speech bubble")),
    "pill": ("1F48A", N_("A medicine tablet")),
    "basket": ("1F9FA", N_("A basket for everyday jobs")),
    "study": ("1F393", N_("A graduation cap")),
    "people": ("1F465", N_("A group of people")),
    "health": ("1FA7A", N_("A stethoscope")),
    "safe": ("1F6E1", N_("A shield")),
    "star": ("2B50", N_("A star")),
    "book": ("1F4D6", N_("An open book")),
    "check": ("2705", N_("A tick")),
    "info": ("1F4CB", N_("A clipboard")),
    "ear": ("1F442", N_("An ear")),
}

# Each need domain (contract vocabulary) -> the picture for services meeting that need.
DOMAIN_ICONS: dict[str, str] = {
    "accommodation": "house", "medication": "pill", "daily_living": "basket",
    "employment_education": "study", "social_cultural_spiritual": "people",
    "physical_health": "health", "substance_use": "safe", "family_support": "family",
    "finance": "money", "risk_safety": "safe", "other": "star",
}


def svg_name(name: str) -> str:
    return f"{ICONS[name][0]}.svg"


def png_path(name: str) -> Path:
    return ICON_DIR / "png" / f"{ICONS[name][0]}.png"


def icon(name: str, words: Words) -> dict[str, Any]:
    """Plain data for one picture: the asset URL (HTML/PDF), PNG path (Word) and alt text."""
    hexcode, alt = ICONS[name]
    return {
        "name": name,
        "src": f"s117-asset:{ASSET_PREFIX}/{hexcode}.svg",
        "png": str(png_path(name)),
        "alt": words.gettext(alt),
    }
