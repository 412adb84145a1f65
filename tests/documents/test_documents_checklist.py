"""The checklist says "Not applicable" where a rule does not speak of the form under its
pack, never "Met"; and it cites each area's policy as that area's (applicability.py,
rule_text.py)."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest
from docs_helpers import EXAMPLE_FILES, check_form, load_example, pdf_text

from forms_app.contract.check import pack_named
from forms_app.documents.applicability import _BY_KIND, not_applicable
from forms_app.documents.render import context, render
from forms_app.documents.rule_text import citation, title
from forms_app.policy.catalogue import RULES


def _rows(raw: dict, document: str, policy: str | None = None) -> dict[str, dict]:
    model = context(document, check_form(raw, policy))
    return {row["rule"]: row for row in model["checklist"]["rows"]}


def _situations() -> list[tuple[str, dict]]:
    """Forms that step into the situations the applicability table names."""
    plan = copy.deepcopy(load_example("aftercare_plan.json"))
    plan["plan"]["capacity"] = "lacks_capacity"
    plan["plan"]["services"][0]["delivery"] = "direct_payment"
    plan["plan"]["services"][1].update(funding_route="chc", refused_by_person=True)
    plan["plan"]["last_review_date"] = "2026-03-19"
    plan["cto"] = {"start_date": "2026-03-20"}
    retro = copy.deepcopy(load_example("funding_agreement.json"))
    retro.update(effective_from="2026-01-01", basis="agreed_variation")
    leave = copy.deepcopy(load_example("leave_funding_agreement.json"))
    leave["leave"].update(intended_long_term_placement=False,
                          expected_to_result_in_discharge=False)
    decision = copy.deepcopy(load_example("discharge_decision.json"))
    decision["person_view"] = "objects"
    decision["grounds"].append("discharged_from_specialist_services")
    disputes = [(kind, {**load_example("dispute_notice.json"), "dispute_type": kind})
                for kind in ("icb_responsibility", "funding_split", "discharge_objection")]
    return [("plan-situations", plan), ("retrospective-variation", retro),
            ("leave-plain", leave), ("objection", decision), *disputes]


def _variations() -> list[tuple[str, dict, str | None]]:
    """Every example and every situation, each under its own pack and both others."""
    forms = [(p.stem, load_example(p.name)) for p in EXAMPLE_FILES] + _situations()
    return [(name, raw, pack) for name, raw in forms
            for pack in (None, "harrow", "worcestershire")]


@pytest.mark.parametrize(("name", "raw", "policy"), _variations())
def test_a_rule_called_not_applicable_never_has_a_finding(name, raw, policy) -> None:
    """The table can never hide what the engine found: wherever it says "not applicable",
    the engine has no finding for that rule."""
    result = check_form(raw, policy)
    assert result.data is not None, name
    found = {f.rule for f in result.findings}
    for rule_id in _BY_KIND.get(result.kind, {}):
        why = not_applicable(result.kind, rule_id, result.data, pack_named(result.policy),
                             date(2026, 6, 1))
        if why is not None:
            assert rule_id not in found, (name, policy, rule_id, why)


def test_fund_09_panel_rule_is_not_met_under_a_policy_without_a_panel() -> None:
    """The reviewer's case: FUND-09 said Met beside "Panel ratification: None recorded"."""
    rows = _rows(load_example("funding_agreement.json"), "funding_agreement")
    assert rows["FUND-09"]["result"] == "Not applicable"
    assert rows["FUND-09"]["message"] == "This policy does not require panel ratification."
    assert rows["FUND-04"]["result"] == "Not applicable"  # a fixed-split pack
    assert rows["FUND-10"]["result"] == "Not applicable"
    assert rows["FUND-03"]["result"] == "Not applicable"  # nothing starts before agreement
    assert rows["FUND-01"]["result"] == "Met"
    assert rows["FUND-11"]["result"] == "Met"


def test_harrow_agreement_checks_its_own_rules_and_skips_worcestershires() -> None:
    rows = _rows(load_example("funding_agreement_harrow.json"), "funding_agreement")
    for rule_id in ("FUND-04", "FUND-09", "FUND-10", "FUND-08", "FUND-11"):
        assert rows[rule_id]["result"] == "Met", rule_id
    for rule_id in ("FUND-01", "FUND-02", "FUND-03", "FUND-07"):
        assert rows[rule_id]["result"] == "Not applicable", rule_id


def test_a_finding_wins_over_not_applicable() -> None:
    """Under Harrow's pack a Worcestershire-style agreement breaks FUND-04: it shows Not met
    however the table would classify it."""
    rows = _rows(load_example("funding_agreement.json"), "funding_agreement", "harrow")
    assert rows["FUND-04"]["result"] == "Not met"
    assert rows["FUND-09"]["result"] == "Not met"


def test_not_applicable_rows_say_why() -> None:
    rows = _rows(load_example("aftercare_plan.json"), "aftercare_plan")
    assert rows["PLAN-12"]["result"] == "Not applicable"
    assert rows["PLAN-12"]["message"] == "No service is delivered by direct payment."
    assert rows["PLAN-16"]["result"] == "Not applicable"  # an adult never detained as a child
    child = _rows(load_example("aftercare_plan_child.json"), "aftercare_plan")
    assert child["PLAN-16"]["result"] == "Met"


def test_dispute_rules_of_another_dispute_type_are_not_applicable() -> None:
    rows = _rows(load_example("dispute_notice.json"), "dispute_notice")
    assert rows["DISP-02"]["result"] == "Met"
    for rule_id in ("DISP-03", "DISP-04", "DISP-05", "RESP-NHS-08"):
        assert rows[rule_id]["result"] == "Not applicable", rule_id


def test_responsibility_rules_cited_in_the_reasons_are_applied() -> None:
    """The statement says the council is responsible "(RESP-LA-01)"; its checklist must not
    then call LA-01 "Not applied"."""
    model = context("responsibility_statement", check_form(load_example("responsibility.json")))
    rows = {row["rule"]: row for row in model["checklist"]["rows"]}
    reasons = " ".join(p for s in model["sections"] for p in s["paragraphs"])
    for rule_id in set(re.findall(r"\((RESP-(?:LA|NHS)-\d\d)\)", reasons)) - {"RESP-LA-05",
                                                                               "RESP-NHS-07"}:
        assert rows[rule_id]["result"] == "Applied", rule_id
    assert rows["RESP-LA-01"]["message"].endswith("(RESP-LA-01).")
    assert rows["RESP-LA-03"]["result"] == "Not applied"


# Citations: another area's policy is never presented as this area's.

@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_citations_name_only_this_areas_policy_as_its_own(rule_id) -> None:
    rule = RULES[rule_id]
    harrow = citation(rule.citation, pack_named("harrow"))
    assert not re.search(r"(?<!the )Worcestershire policy", harrow), harrow
    worcestershire = citation(rule.citation, pack_named("worcestershire"))
    if "Harrow report" in worcestershire:
        assert worcestershire == "Harrow report (2020): a Harrow local rule"


def test_citation_examples() -> None:
    harrow, worcs = pack_named("harrow"), pack_named("worcestershire")
    assert citation("Worcestershire policy 7.3", harrow) == \
        "National rule (wording from the Worcestershire joint policy 7.3)"
    assert citation("Worcestershire policy 7.3", worcs) == "Worcestershire policy 7.3"
    assert citation("Worcestershire policy 16.1; Harrow report (2020)", harrow) == \
        "Harrow report (2020); national rule (wording from the Worcestershire joint policy 16.1)"
    assert citation("Worcestershire policy 16.1; Harrow report (2020)", worcs) == \
        "Worcestershire policy 16.1"
    assert citation("MHA 2025 s46; Care Act 2014 s39", harrow) == \
        "MHA 2025 s46; Care Act 2014 s39"


def test_engine_citations_stay_as_the_catalogue_has_them() -> None:
    result = check_form(load_example("funding_agreement.json"), "harrow")
    for finding in result.findings:
        assert finding.citation == RULES[finding.rule].citation


def test_harrow_pdf_cites_no_worcestershire_policy_as_its_own() -> None:
    text = pdf_text(render("funding_agreement",
                           check_form(load_example("funding_agreement_harrow.json")), "pdf"))
    assert "National rule (wording from the Worcestershire joint policy" in text
    assert not re.search(r"(?<!the )Worcestershire policy \d", text)


# Titles: the pack's numbers, not "the pack's months".

@pytest.mark.parametrize("pack", ["worcestershire", "harrow"])
def test_titles_say_the_number_not_the_pack(pack) -> None:
    chosen = pack_named(pack)
    for rule in RULES.values():
        assert "pack" not in title(rule, chosen), rule.id
    assert title(RULES["REVIEW-01"], chosen) == \
        "The first review is within 3 months of leaving hospital"
    assert title(RULES["REVIEW-02"], chosen) == "Reviews are at least every 12 months"
    assert title(RULES["DISCH-07"], chosen) == \
        "The health-side decision is taken by the responsible clinician"
    assert title(RULES["REG-02"], chosen) == \
        "Each change of s117 status is recorded within 5 working days of notice"


def test_fund_01_title_gives_worcestershires_split() -> None:
    assert "(60% council, 40% ICB)" in title(RULES["FUND-01"], pack_named("worcestershire"))
