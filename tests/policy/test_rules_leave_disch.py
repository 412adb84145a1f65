"""LEAVE (section 17 leave funding) and DISCH (ending aftercare) rules."""

from __future__ import annotations

import pytest

from tests.policy.support import d, example, fields, found, run


def leave() -> dict:
    return example("leave_funding_agreement")


def disch() -> dict:
    return example("discharge_decision")


# ---- LEAVE ----------------------------------------------------------------------------

def test_LEAVE_01_other_funder_needs_prior_agreement() -> None:
    data = leave()
    data.update(funder="local_authority", prior_agreement=None)
    assert fields(run(data), "LEAVE-01") == ["/prior_agreement"]


def test_LEAVE_01_agreement_after_leave_started_is_too_late() -> None:
    data = leave()
    data["funder"] = "joint"
    data["prior_agreement"]["agreed_on"] = d("2026-02-23")  # the day the leave starts
    assert fields(run(data), "LEAVE-01") == ["/prior_agreement/agreed_on"]


def test_LEAVE_01_holds() -> None:
    data = leave()
    data["funder"] = "local_authority"
    assert found(run(data), "LEAVE-01") == []
    no_prior = leave()
    no_prior.update(prior_agreement=None)
    no_prior["leave"]["intended_long_term_placement"] = False
    assert found(run(no_prior), "LEAVE-01") == []  # the ICB funds by default, as in Harrow
    assert found(run(no_prior, pack="harrow"), "LEAVE-01") == []


def test_LEAVE_02_long_term_placement_agreed_before_leave() -> None:
    data = leave()
    data["leave"]["destination_type"] = "residential_placement"
    data["prior_agreement"] = None
    assert fields(run(data), "LEAVE-02") == ["/prior_agreement"]


def test_LEAVE_02_suitability_and_signatures_before_leave() -> None:
    data = leave()
    data["leave"]["destination_type"] = "residential_placement"
    data["prior_agreement"]["placement_suitable"] = False
    data["signatures"][1]["signed_on"] = d("2026-02-24")
    assert fields(run(data), "LEAVE-02") == ["/prior_agreement/placement_suitable", "/signatures"]


def test_LEAVE_02_holds_and_is_off_for_home_leave() -> None:
    assert found(run(leave()), "LEAVE-02") == []
    data = leave()
    data["leave"]["destination_type"] = "home"
    data["prior_agreement"] = None
    assert found(run(data), "LEAVE-02") == []


def test_LEAVE_02_late_agreement_points_at_its_date() -> None:
    data = leave()
    data["prior_agreement"]["agreed_on"] = data["leave"]["start_date"]  # same day is not before
    assert fields(run(data), "LEAVE-02") == ["/prior_agreement/agreed_on"]


def test_LEAVE_02_long_term_placement_of_unrecorded_type() -> None:
    data = leave()
    data["leave"]["destination_type"] = None  # still meant to become the long-term placement
    data["prior_agreement"] = None
    assert fields(run(data), "LEAVE-02") == ["/prior_agreement"]


def test_LEAVE_03_council_and_icb_told_before_discharge_leave() -> None:
    data = leave()
    data.update(council_informed_on=None, icb_informed_on=d("2026-03-01"))
    assert fields(run(data), "LEAVE-03") == ["/council_informed_on", "/icb_informed_on"]


def test_LEAVE_03_holds() -> None:
    assert found(run(leave()), "LEAVE-03") == []
    data = leave()
    data["leave"]["expected_to_result_in_discharge"] = False
    data["council_informed_on"] = None
    assert found(run(data), "LEAVE-03") == []


def test_LEAVE_04_non_qualifying_section_warning() -> None:
    data = leave()
    data["detention"]["section"] = "2"
    assert [(f.field, f.severity) for f in found(run(data), "LEAVE-04")] == [
        ("/detention/section", "warning")]
    assert found(run(leave()), "LEAVE-04") == []


# ---- DISCH ----------------------------------------------------------------------------

def test_DISCH_01_both_must_agree() -> None:
    data = disch()
    data["health_view"] = "disagree"
    assert "/health_view" in fields(run(data), "DISCH-01")


def test_DISCH_01_both_must_sign() -> None:
    data = disch()
    data["signatures"] = [s for s in data["signatures"] if s["party"] != "local_authority"]
    ev = run(data)
    assert fields(ev, "DISCH-01") == ["/signatures"]
    assert ev.missing_signatures == ["local_authority"]
    assert found(run(disch()), "DISCH-01") == []


def test_DISCH_02_cto_blocks_discharge() -> None:
    data = disch()
    data["on_cto"] = True
    ev = run(data)
    assert fields(ev, "DISCH-02") == ["/on_cto"]
    assert found(ev, "DISCH-02")[0].message == (
        "Aftercare cannot end while Alex is on a community treatment order.")
    assert found(run(disch()), "DISCH-02") == []


def test_DISCH_03_reasons_and_risk_documented() -> None:
    data = disch()
    data.update(rationale="", readmission_risk=None)
    assert fields(run(data), "DISCH-03") == ["/rationale", "/readmission_risk"]
    assert found(run(disch()), "DISCH-03") == []


def test_DISCH_04_other_services_considered() -> None:
    data = disch()
    data["other_services_considered"] = False
    assert fields(run(data), "DISCH-04") == ["/other_services_considered"]
    assert found(run(disch()), "DISCH-04") == []


def test_DISCH_05_person_informed_and_involved() -> None:
    data = disch()
    data["person_involved"] = False
    assert fields(run(data), "DISCH-05") == ["/person_involved"]
    assert found(run(disch()), "DISCH-05") == []


def test_DISCH_06_community_discharge_is_not_s117_discharge() -> None:
    data = disch()
    data["grounds"] = ["needs_met_without_aftercare", "discharged_from_specialist_services"]
    assert [(f.field, f.severity) for f in found(run(data), "DISCH-06")] == [("/grounds/1", "info")]
    assert found(run(disch()), "DISCH-06") == []


def test_DISCH_07_health_side_is_the_responsible_clinician() -> None:
    data = disch()
    data["signatures"][1]["party"] = "icb"
    ev = run(data)
    assert fields(ev, "DISCH-07") == ["/signatures"]
    assert ev.missing_signatures == ["responsible_clinician"]
    assert found(run(disch()), "DISCH-07") == []


@pytest.mark.parametrize(("change", "why"), [
    ({"la_view": "agree", "health_view": "disagree"}, "disagree"),
    ({"person_view": "objects"}, "Alex objects"),
    ({"representative_view": "objects"}, "representative objects"),
])
def test_DISCH_08_disagreement_goes_to_panel(change: dict, why: str) -> None:
    data = disch()
    data.update(change)
    ev = run(data)
    assert fields(ev, "DISCH-08") == ["/panel"]
    assert why in found(ev, "DISCH-08")[0].message
    assert "Section 117 Panel" in found(ev, "DISCH-08")[0].message


def test_DISCH_08_unrecorded_view_is_not_a_disagreement() -> None:
    data = disch()
    data["health_view"] = None
    ev = run(data)
    assert fields(ev, "DISCH-01") == ["/health_view"]
    assert found(ev, "DISCH-08") == []


def test_DISCH_08_panel_without_a_date_points_at_the_date() -> None:
    data = disch()
    data["person_view"] = "objects"
    data["panel"] = {"date": None, "outcome": "ratified"}
    assert fields(run(data), "DISCH-08") == ["/panel/date"]


def test_DISCH_08_panel_must_come_first() -> None:
    data = disch()
    data["person_view"] = "objects"
    data["panel"] = {"date": d("2029-05-25"), "outcome": "ratified"}
    assert fields(run(data), "DISCH-08") == ["/panel/date"]
    data["panel"]["date"] = d("2029-05-15")
    assert found(run(data), "DISCH-08") == []
    assert found(run(disch()), "DISCH-08") == []


def test_DISCH_09_prohibited_ground_alone_is_error() -> None:
    data = disch()
    data["grounds"] = ["time_elapsed"]
    assert [(f.field, f.severity) for f in found(run(data), "DISCH-09")] == [
        ("/grounds/0", "error")]


def test_DISCH_09_prohibited_among_valid_is_warning() -> None:
    data = disch()
    data["grounds"] = ["needs_met_without_aftercare", "refused_aftercare"]
    assert [(f.field, f.severity) for f in found(run(data), "DISCH-09")] == [
        ("/grounds/1", "warning")]
    assert found(run(disch()), "DISCH-09") == []


def test_DISCH_10_review_before_decision() -> None:
    data = disch()
    data["review"] = None
    assert fields(run(data), "DISCH-10") == ["/review"]
    data["review"] = {"date": d("2029-05-21"), "type": "discharge_considered"}
    assert fields(run(data), "DISCH-10") == ["/review/date"]


def test_DISCH_10_review_must_consider_discharge() -> None:
    data = disch()
    data["review"]["type"] = "scheduled"
    assert fields(run(data), "DISCH-10") == ["/review/type"]
    same_day = disch()
    same_day["review"]["date"] = same_day["decision_date"]
    assert found(run(same_day), "DISCH-10") == []
