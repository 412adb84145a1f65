"""Which layout a person's document is printed in: their recorded format unless staff ask.

The Accessible Information Standard asks that information is sent in the format recorded
for the person, so the leaflet and both letters default to ``person.communication.format``
(CHG-05). A variant asked for explicitly is produced as asked (a carer's copy, a printed
proof) and the command warns that it is not the person's format. Braille, audio and BSL
video are made by people, not by this service: the service prints a stand-in with a note
that the recorded format is being arranged (see ``common.format_note``), and says so to
staff, who must arrange it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forms_app.documents.registry import VariantChoice

PRINTED = ("easy_read", "large_print", "standard")

# The stand-in printed for a format the service cannot produce. Braille and audio are most
# often asked for because of sight loss, so the print copy is large print; a BSL user reads
# English as a second language and gets the standard layout, in the plainest wording we
# have (every layout shares the easy-read sentences).
STAND_IN = {"braille": "large_print", "audio": "large_print", "bsl_video": "standard"}
FORMAT_NAMES = {"easy_read": "easy read", "large_print": "large print",
                "standard": "standard print", "braille": "braille", "audio": "audio",
                "bsl_video": "British Sign Language video"}


def recorded_format(data: Mapping[str, Any]) -> str | None:
    person = data.get("person") or {}
    return (person.get("communication") or {}).get("format") or None


def default_variant(recorded: str | None) -> str:
    if recorded in PRINTED:
        return recorded
    return STAND_IN.get(recorded or "", "standard")


def choose(data: Mapping[str, Any], requested: str | None) -> VariantChoice:
    """The registry's chooser for the person's documents (see ``registry.Document``)."""
    recorded = recorded_format(data)
    default = default_variant(recorded)
    variant = requested or default
    warnings = []
    if recorded in STAND_IN:
        warnings.append(
            f"The person's recorded format is {FORMAT_NAMES[recorded]}, which this service "
            f"cannot produce: this {FORMAT_NAMES[variant]} copy says one is being made. "
            f"Arrange the {FORMAT_NAMES[recorded]} version (Accessible Information Standard).")
    if requested and recorded and requested != default:
        wanted = FORMAT_NAMES.get(recorded or "", FORMAT_NAMES[default])
        warnings.append(
            f"{FORMAT_NAMES[requested].capitalize()} was asked for, but the person's recorded "
            f"format is {wanted}: send them the {wanted} version (Accessible Information "
            f"Standard).")
    return VariantChoice(variant, recorded, tuple(warnings))
