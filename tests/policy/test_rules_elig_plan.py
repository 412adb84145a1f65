"""ELIG and PLAN rules on the aftercare plan (W 1-13): broken -> finding; held -> none."""

from __future__ import annotations

import pytest

from tests.policy.support import d, errors, example, fields, found, run


def plan() -> dict:
    return example("aftercare_plan")


def child() -> dict:
    return example("aftercare_plan_child")


# ---- ELIG ---------------------------------------------------------------------------

@pytest.mark.parametrize("section", ["2", "4", "5(2)", "5(4)", "35", "36", "38", "135", "136"])
def test_ELIG_01_non_qualifying_section_gives_no_entitlement(section: str) -> None:
    data = plan()
    data["detentions"][0]["section"] = section
    ev = run(data)
    assert fields(ev, "ELIG-01") == ["/detentions/0/section"]
    assert found(ev, "ELIG-01")[0].severity == "error"


@pytest.mark.parametrize("section", ["3", "37", "45A", "47", "48"])
def test_ELIG_01_qualifying_sections_hold(section: str) -> None:
    data = plan()
    data["detentions"][0]["section"] = section
    assert found(run(data), "ELIG-01") == []


def test_ELIG_01_one_qualifying_detention_among_others_is_enough() -> None:
    data = plan()
    data["detentions"].insert(0, dict(data["detentions"][0], section="2"))
    assert found(run(data), "ELIG-01") == []


def test_ELIG_01_register_entry_needs_qualifying_section() -> None:
    data = example("register_entry")
    data["qualifying_detention"]["section"] = "136"
    assert fields(run(data), "ELIG-01") == ["/qualifying_detention/section"]
    assert found(run(example("register_entry")), "ELIG-01") == []


def test_ELIG_01_register_entry_without_detention_points_at_the_block() -> None:
    data = example("register_entry")
    data["qualifying_detention"] = None
    ev = run(data)
    assert fields(ev, "ELIG-01") == ["/qualifying_detention"]
    assert "None" not in found(ev, "ELIG-01")[0].message


def test_ELIG_02_cto_and_informal_stay_are_covered() -> None:
    data = plan()
    data["cto"] = {"start_date": d("2026-03-20"), "end_date": None}
    data["detentions"][0]["end_date"] = d("2026-03-01")  # stayed on informally until 20 March
    ev = run(data)
    assert fields(ev, "ELIG-02") == ["/cto", "/plan/left_hospital_on"]
    assert all(f.severity == "info" for f in found(ev, "ELIG-02"))
    assert "informally" in found(ev, "ELIG-02")[1].message


def test_ELIG_02_still_detained_means_entitlement_begins_on_leaving() -> None:
    data = plan()
    data["detentions"][0]["end_date"] = None
    assert fields(run(data), "ELIG-02") == ["/detentions/0/end_date"]


def test_ELIG_02_silent_for_plain_discharge() -> None:
    assert found(run(plan()), "ELIG-02") == []


def test_ELIG_03_children_are_covered() -> None:
    ev = run(child())
    assert [f.severity for f in found(ev, "ELIG-03")] == ["info"]
    assert "Riley" in found(ev, "ELIG-03")[0].message
    assert found(run(plan()), "ELIG-03") == []


# ---- PLAN ---------------------------------------------------------------------------

def test_PLAN_01_named_practitioner_missing() -> None:
    data = plan()
    data["plan"]["named_practitioner"] = None
    ev = run(data)
    assert fields(ev, "PLAN-01") == ["/plan/named_practitioner"]
    assert "Alex" in found(ev, "PLAN-01")[0].message


def test_PLAN_01_named_practitioner_needs_a_contact() -> None:
    data = plan()
    data["plan"]["named_practitioner"].update(phone="", email=None, role="")
    assert fields(run(data), "PLAN-01") == ["/plan/named_practitioner/role",
                                            "/plan/named_practitioner/phone"]


def test_PLAN_01_holds_with_email_only() -> None:
    data = plan()
    data["plan"]["named_practitioner"]["phone"] = ""
    assert found(run(data), "PLAN-01") == []


def test_PLAN_02_s117_need_must_meet_both_tests() -> None:
    data = plan()
    data["plan"]["needs"][1]["reduces_relapse_risk"] = False
    ev = run(data)
    assert fields(ev, "PLAN-02") == ["/plan/needs/1/s117"]
    assert found(ev, "PLAN-02")[0].severity == "error"


def test_PLAN_02_qualifying_need_not_marked_is_warning() -> None:
    data = plan()
    data["plan"]["needs"][2].update(arises_from_mental_disorder=True, reduces_relapse_risk=True)
    ev = run(data)
    assert [(f.field, f.severity) for f in found(ev, "PLAN-02")] == [
        ("/plan/needs/2/s117", "warning")]


def test_PLAN_02_holds_for_example() -> None:
    assert found(run(plan()), "PLAN-02") == []


def test_PLAN_03_every_s117_need_has_a_service() -> None:
    data = plan()
    data["plan"]["services"][1]["meets_needs"] = []
    assert fields(run(data), "PLAN-03") == ["/plan/needs/1"]
    assert found(run(plan()), "PLAN-03") == []


def test_PLAN_04_child_plans_must_each_be_stated() -> None:
    data = child()
    data["plan"]["other_plans"] = [p for p in data["plan"]["other_plans"]
                                   if p["type"] != "looked_after"]
    ev = run(data)
    assert [f.severity for f in found(ev, "PLAN-04")] == ["warning"]
    assert "looked-after child care plan" in found(ev, "PLAN-04")[0].message
    assert found(run(child()), "PLAN-04") == []


def test_PLAN_04_ehcp_in_child_block_must_be_referenced() -> None:
    data = child()
    data["plan"]["other_plans"][0]["applies"] = False  # the EHCP the child block says exists
    ev = run(data)
    assert [(f.field, f.severity) for f in found(ev, "PLAN-04")] == [
        ("/plan/other_plans", "warning")]
    assert "Education, Health and Care Plan" in found(ev, "PLAN-04")[0].message


def test_PLAN_04_applying_plan_needs_reference() -> None:
    data = plan()
    data["plan"]["other_plans"][0]["reference"] = ""
    assert fields(run(data), "PLAN-04") == ["/plan/other_plans/0/reference"]


def test_PLAN_05_rights_information_missing() -> None:
    data = plan()
    data["plan"]["rights_information"] = None
    assert fields(run(data), "PLAN-05") == ["/plan/rights_information"]


def test_PLAN_05_all_three_topics_needed() -> None:
    data = plan()
    data["plan"]["rights_information"]["covers"] = ["rights", "discharge_process"]
    ev = run(data)
    assert fields(ev, "PLAN-05") == ["/plan/rights_information/covers"]
    assert "complain" in found(ev, "PLAN-05")[0].message


def test_PLAN_05_information_in_the_persons_format() -> None:
    data = plan()
    data["plan"]["rights_information"]["format"] = "standard"  # Alex reads easy read
    assert fields(run(data), "PLAN-05") == ["/plan/rights_information/format"]
    assert found(run(plan()), "PLAN-05") == []


def test_PLAN_06_views_recorded() -> None:
    data = plan()
    data["plan"]["person_views"] = "  "
    assert fields(run(data), "PLAN-06") == ["/plan/person_views"]


def test_PLAN_06_disagreement_explained() -> None:
    data = plan()
    data["plan"]["person_agrees"] = False
    assert fields(run(data), "PLAN-06") == ["/plan/disagreement_explanation"]
    data["plan"]["disagreement_explanation"] = "Explained in easy read with Jo present."
    assert found(run(data), "PLAN-06") == []


def test_PLAN_07_imha_right() -> None:
    data = plan()
    data["plan"]["imha_informed"] = False
    assert fields(run(data), "PLAN-07") == ["/plan/imha_informed"]
    assert found(run(plan()), "PLAN-07") == []


def test_PLAN_07_imca_when_lacking_capacity_and_unrepresented() -> None:
    data = plan()
    data["person"]["representative"] = None
    data["plan"].update(capacity="lacks_capacity", best_interests_record="BI meeting 2026-03-17")
    assert fields(run(data), "PLAN-07") == ["/plan/imca_involved"]
    data["plan"]["imca_involved"] = True
    assert found(run(data), "PLAN-07") == []


def test_PLAN_08_best_interests_record() -> None:
    data = plan()
    data["plan"]["capacity"] = "lacks_capacity"
    assert fields(run(data), "PLAN-08") == ["/plan/best_interests_record"]
    data["plan"]["best_interests_record"] = "Best-interests meeting 17 March 2026."
    assert found(run(data), "PLAN-08") == []


def test_PLAN_09_no_charge_for_s117_service() -> None:
    data = plan()
    data["plan"]["services"][1]["charged_to_person"] = True
    assert fields(run(data), "PLAN-09") == ["/plan/services/1/charged_to_person"]


def test_PLAN_09_charging_non_s117_service_is_allowed() -> None:
    data = plan()
    data["plan"]["services"][2].update(charged_to_person=True, funding_route="care_act")
    assert found(run(data), "PLAN-09") == []


def test_PLAN_10_accommodation_free_stated() -> None:
    data = plan()
    data["plan"]["services"][0]["accommodation"]["free_of_charge_stated"] = False
    ev = run(data)
    assert fields(ev, "PLAN-10") == ["/plan/services/0/accommodation/free_of_charge_stated"]
    assert found(ev, "PLAN-10")[0].severity == "error"


def test_PLAN_10_general_needs_housing_is_warning() -> None:
    data = plan()
    data["plan"]["services"][0]["accommodation"]["type"] = "general_needs"
    assert [f.severity for f in found(run(data), "PLAN-10")] == ["warning"]
    assert found(run(plan()), "PLAN-10") == []


def _top_up(data: dict, **changes: object) -> dict:
    acc = data["plan"]["services"][0]["accommodation"]
    acc.update(preferred_by_person=True, top_up={"payer": "third_party",
                                                 "weekly_amount_pence": 5000,
                                                 "sustainable_for_likely_duration": True})
    acc["top_up"].update(changes)
    return data


def test_PLAN_11_top_up_must_be_sustainable() -> None:
    data = _top_up(plan(), sustainable_for_likely_duration=False)
    assert fields(run(data), "PLAN-11") == [
        "/plan/services/0/accommodation/top_up/sustainable_for_likely_duration"]


def test_PLAN_11_top_up_only_for_preferred_dearer_accommodation() -> None:
    data = _top_up(plan(), weekly_amount_pence=0)
    data["plan"]["services"][0]["accommodation"]["preferred_by_person"] = False
    assert len(found(run(data), "PLAN-11")) == 2


def test_PLAN_11_choice_needs_adult() -> None:
    data = child()
    data["plan"]["services"][0]["accommodation"] = {
        "type": "supported", "permanent_residential": False, "free_of_charge_stated": True,
        "preferred_by_person": True, "top_up": None}
    assert fields(run(data), "PLAN-11") == ["/plan/services/0/accommodation/preferred_by_person"]


def test_PLAN_11_holds_for_sustainable_adult_top_up() -> None:
    assert found(run(_top_up(plan())), "PLAN-11") == []


def test_PLAN_12_no_direct_payment_for_permanent_residential() -> None:
    data = plan()
    svc = data["plan"]["services"][0]
    svc["delivery"] = "direct_payment"
    svc["accommodation"].update(type="residential_care", permanent_residential=True)
    assert fields(run(data), "PLAN-12") == ["/plan/services/0/delivery"]
    svc["accommodation"]["permanent_residential"] = False
    assert found(run(data), "PLAN-12") == []


def test_PLAN_13_phb_for_nhs_funded_parts() -> None:
    data = plan()
    data["plan"]["services"][2].update(delivery="personal_health_budget", funding_route="care_act")
    ev = run(data)
    assert [(f.field, f.severity) for f in found(ev, "PLAN-13")] == [
        ("/plan/services/2/delivery", "warning")]
    data["plan"]["services"][2]["funding_route"] = "s117"
    assert found(run(data), "PLAN-13") == []


def test_PLAN_14_no_chc_for_s117_need() -> None:
    data = plan()
    data["plan"]["services"][1]["funding_route"] = "chc"
    assert fields(run(data), "PLAN-14") == ["/plan/services/1/funding_route"]


def test_PLAN_14_chc_for_unrelated_physical_need_is_fine() -> None:
    data = plan()
    data["plan"]["services"][2]["funding_route"] = "chc"
    assert found(run(data), "PLAN-14") == []


def test_PLAN_14_chc_only_for_needs_unrelated_to_the_disorder() -> None:
    data = plan()
    data["plan"]["needs"][2]["arises_from_mental_disorder"] = True  # not s117, but related (W 9.3)
    data["plan"]["services"][2]["funding_route"] = "chc"
    ev = run(data)
    assert fields(ev, "PLAN-14") == ["/plan/services/2/funding_route"]
    assert found(ev, "PLAN-14")[0].severity == "error"


def test_PLAN_15_fnc_noted() -> None:
    data = plan()
    data["plan"]["services"][2]["funding_route"] = "fnc"
    assert [f.severity for f in found(run(data), "PLAN-15")] == ["info"]
    assert found(run(plan()), "PLAN-15") == []


def test_PLAN_16_s85_notification_required() -> None:
    data = child()
    data["plan"]["child"]["s85_notified_on"] = None
    assert fields(run(data), "PLAN-16") == ["/plan/child/s85_notified_on"]


def test_PLAN_16_ehcp_authority_told() -> None:
    data = child()
    data["plan"]["child"]["ehcp_la_informed"] = False
    assert fields(run(data), "PLAN-16") == ["/plan/child/ehcp_la_informed"]


def test_PLAN_16_actual_long_detention_needs_notification() -> None:
    data = child()
    data["plan"]["child"].update(detention_likely_12_weeks_or_more=False, s85_notified_on=None)
    data["detentions"][0]["start_date"] = d("2025-12-01")  # 16 weeks to 20 March
    assert fields(run(data), "PLAN-16") == ["/plan/child/s85_notified_on"]


def test_PLAN_16_child_block_needed_for_under_18() -> None:
    data = child()
    data["plan"]["child"] = None
    assert fields(run(data), "PLAN-16") == ["/plan/child"]
    assert found(run(child()), "PLAN-16") == []


def test_PLAN_16_child_when_detained_though_18_at_the_plan() -> None:
    # 17 when detained on 5 January 2026, 18 on 1 March: the s85 duty arose on detention.
    data = child()
    data["person"]["date_of_birth"] = d("2008-03-01")
    data["plan"]["other_plans"] = []
    data["plan"]["child"]["s85_notified_on"] = None
    ev = run(data)
    assert fields(ev, "PLAN-16") == ["/plan/child/s85_notified_on"]
    data["plan"]["child"] = None
    data["detentions"][0]["start_date"] = d("2025-12-01")  # 16 weeks as a child
    assert fields(run(data), "PLAN-16") == ["/plan/child"]


def test_PLAN_16_adult_when_detained_holds() -> None:
    data = child()
    data["person"]["date_of_birth"] = d("2008-01-05")  # 18 on the day of detention
    data["plan"]["other_plans"] = []
    data["plan"]["child"] = None
    data["detentions"][0]["end_date"] = d("2026-05-20")
    assert found(run(data), "PLAN-16") == []


@pytest.mark.parametrize(("end", "broken"), [
    ("2026-03-29", False),  # 11 weeks 6 days after 5 January
    ("2026-03-30", True),   # exactly 12 weeks: "at least 12 consecutive weeks"
])
def test_PLAN_16_twelve_week_boundary(end: str, broken: bool) -> None:
    data = child()
    data["plan"]["child"].update(detention_likely_12_weeks_or_more=False, s85_notified_on=None)
    data["detentions"][0]["end_date"] = d(end)
    assert bool(found(run(data), "PLAN-16")) is broken


def test_PLAN_16_back_to_back_detentions_are_consecutive_weeks() -> None:
    # Section 2 from 20 December then section 3 from 5 January to 20 March: 13 weeks in all.
    data = child()
    data["plan"]["child"].update(detention_likely_12_weeks_or_more=False, s85_notified_on=None)
    data["detentions"].insert(0, dict(data["detentions"][0], section="2",
                                      start_date=d("2025-12-20"), end_date=d("2026-01-05")))
    assert fields(run(data), "PLAN-16") == ["/plan/child/s85_notified_on"]


def test_PLAN_17_refusal_does_not_end_entitlement() -> None:
    data = plan()
    data["plan"]["services"][1]["refused_by_person"] = True
    ev = run(data)
    assert [(f.field, f.severity) for f in found(ev, "PLAN-17")] == [("/plan/services/1", "info")]
    assert found(run(plan()), "PLAN-17") == []


def test_PLAN_18_cto_aftercare_for_whole_cto() -> None:
    data = plan()
    data["cto"] = {"start_date": d("2026-03-20"), "end_date": None}
    assert [f.severity for f in found(run(data), "PLAN-18")] == ["info"]
    assert found(run(plan()), "PLAN-18") == []


def test_FUND_06_top_up_paid_by_person_or_third_party() -> None:
    ev = run(_top_up(plan()))
    assert [(f.field, f.severity) for f in found(ev, "FUND-06")] == [
        ("/plan/services/0/accommodation/top_up", "info")]
    assert found(run(plan()), "FUND-06") == []


def test_plan_messages_use_preferred_name() -> None:
    data = plan()
    data["person"]["preferred_name"] = "Lex"
    data["plan"]["named_practitioner"] = None
    assert "Lex" in found(run(data), "PLAN-01")[0].message
    assert not errors(run(plan()))


def test_PLAN_10_accommodation_never_charged() -> None:
    data = plan()
    data["plan"]["services"][0]["charged_to_person"] = True
    assert fields(run(data), "PLAN-10") == ["/plan/services/0/charged_to_person"]
