"""DISP (disputes, with RESP-LA-04 / RESP-NHS-08) and CHG / FUND-05 (change notices)."""

from __future__ import annotations

import pytest

from tests.policy.support import d, example, fields, found, run

SWINDON = {"code": "E06000030", "name": "Swindon Borough Council", "type": "local_authority"}
QGH = {"code": "QGH", "name": "NHS Herefordshire and Worcestershire ICB", "type": "icb"}
QOX = {"code": "QOX", "name": "NHS BSW ICB", "type": "icb"}


def dispute(**changes: object) -> dict:
    data = example("dispute_notice")
    data.update(changes)
    return data


def notice() -> dict:
    return example("change_notice")


def icb_dispute() -> dict:
    return dispute(dispute_type="icb_responsibility", raised_by=QGH, raised_against=[QOX],
                   interim={"lead": QGH, "funding": "joint_pending",
                            "currently_meeting_needs": None, "person_present_in": None},
                   escalation_stage="director")


# ---- DISP ------------------------------------------------------------------------------

def test_DISP_01_care_continues() -> None:
    assert fields(run(dispute(care_continues=False)), "DISP-01") == ["/care_continues"]
    assert found(run(dispute()), "DISP-01") == []


def test_DISP_02_interim_lead_is_council_meeting_needs() -> None:
    data = dispute()
    data["interim"]["lead"] = SWINDON  # Worcestershire is meeting Alex's needs
    ev = run(data)
    assert fields(ev, "DISP-02") == ["/interim/lead"]
    assert "Worcestershire County Council" in found(ev, "DISP-02")[0].message


def test_DISP_02_else_where_the_person_is_present() -> None:
    data = dispute()
    data["interim"].update(currently_meeting_needs=None, lead=SWINDON)
    assert found(run(data), "DISP-02") == []
    assert found(run(dispute()), "DISP-02") == []


def test_DISP_02_council_dispute_not_on_nhs_route() -> None:
    assert fields(run(dispute(escalation_stage="nhs_england_arbitration")), "DISP-02") == [
        "/escalation_stage"]


def test_RESP_LA_04_interim_council_explained() -> None:
    ev = run(dispute())
    assert [(f.rule, f.severity) for f in found(ev, "RESP-LA-04")] == [("RESP-LA-04", "info")]
    assert "1 September 2026" in found(ev, "RESP-LA-04")[0].message
    assert found(run(icb_dispute()), "RESP-LA-04") == []


def test_DISP_03_icb_dispute_lead_and_joint_funding() -> None:
    data = icb_dispute()
    data["interim"].update(lead=None, funding="continue_current")
    assert fields(run(data), "DISP-03") == ["/interim/lead", "/interim/funding"]
    assert found(run(icb_dispute()), "DISP-03") == []


def test_DISP_03_lead_is_one_of_the_disputing_icbs() -> None:
    data = icb_dispute()
    data["interim"]["lead"] = {"code": "QRV", "name": "NHS North West London ICB", "type": "icb"}
    assert fields(run(data), "DISP-03") == ["/interim/lead"]
    data["interim"]["lead"] = QOX  # the ICB it is raised against may lead
    assert found(run(data), "DISP-03") == []


def test_DISP_02_DISP_04_missing_interim_points_at_interim() -> None:
    assert fields(run(dispute(interim=None)), "DISP-02") == ["/interim"]
    assert fields(run(dispute(dispute_type="funding_split", interim=None)), "DISP-04") == [
        "/interim"]


@pytest.mark.parametrize("stage", ["panel", "complaints", "ombudsman"])
def test_DISP_03_icb_escalation_route(stage: str) -> None:
    data = icb_dispute()
    data["escalation_stage"] = stage
    assert fields(run(data), "DISP-03") == ["/escalation_stage"]


def test_RESP_NHS_08_icb_dispute_explained() -> None:
    assert [f.severity for f in found(run(icb_dispute()), "RESP-NHS-08")] == ["info"]
    assert found(run(dispute()), "RESP-NHS-08") == []


def test_DISP_04_funding_stays_in_place() -> None:
    data = dispute(dispute_type="funding_split")
    data["interim"]["funding"] = "joint_pending"
    assert fields(run(data), "DISP-04") == ["/interim/funding"]
    data["interim"]["funding"] = "continue_current"
    assert found(run(data), "DISP-04") == []


def test_DISP_05_objection_goes_to_panel_first() -> None:
    data = dispute(dispute_type="discharge_objection", escalation_stage="local")
    ev = run(data)
    assert fields(ev, "DISP-05") == ["/escalation_stage"]
    assert "Section 117 Panel" in found(ev, "DISP-05")[0].message
    data["escalation_stage"] = "panel"
    assert found(run(data), "DISP-05") == []


# ---- CHG / FUND-05 ---------------------------------------------------------------------

def test_CHG_01_joint_review_on_or_before_notice() -> None:
    data = notice()
    data["joint_review"] = None
    assert fields(run(data), "CHG-01") == ["/joint_review"]
    data["joint_review"] = {"date": d("2027-04-13"), "reference": "late"}
    assert fields(run(data), "CHG-01") == ["/joint_review/date"]
    data["joint_review"]["date"] = data["issued_on"]  # same day counts
    assert found(run(data), "CHG-01") == []


def test_CHG_02_other_commissioner_consulted() -> None:
    data = notice()
    data["other_party_consulted"] = None
    assert fields(run(data), "CHG-02") == ["/other_party_consulted"]
    data = notice()
    data["other_party_consulted"]["organisation"] = data["issued_by"]
    assert fields(run(data), "CHG-02") == ["/other_party_consulted/organisation"]
    assert found(run(notice()), "CHG-02") == []


def test_CHG_02_consulted_organisation_is_the_other_commissioner() -> None:
    data = notice()  # issued by the ICB
    data["other_party_consulted"]["organisation"] = QOX  # another ICB, not the council
    assert fields(run(data), "CHG-02") == ["/other_party_consulted/organisation"]
    data["other_party_consulted"]["organisation"] = None
    assert fields(run(data), "CHG-02") == ["/other_party_consulted/organisation"]


def test_CHG_03_notice_states_the_arrangement_that_continues() -> None:
    data = notice()
    data["other_party_consulted"]["agrees"] = False
    data["change"].update(proposed_effective_date=None, current_arrangement="")
    data["dispute_reference"] = "DISP-2027-014"
    assert fields(run(data), "CHG-03") == ["/change/current_arrangement"]


def test_CHG_03_disagreement_keeps_current_arrangement() -> None:
    data = notice()
    data["other_party_consulted"]["agrees"] = False
    ev = run(data)
    assert fields(ev, "CHG-03") == ["/change/proposed_effective_date", "/dispute_reference"]
    data["change"]["proposed_effective_date"] = None
    data["dispute_reference"] = "DISP-2027-014"
    assert found(run(data), "CHG-03") == []


def test_CHG_04_never_backdated() -> None:
    data = notice()
    data["change"]["proposed_effective_date"] = d("2027-04-11")
    assert fields(run(data), "CHG-04") == ["/change/proposed_effective_date"]
    data["change"]["proposed_effective_date"] = data["issued_on"]
    assert found(run(data), "CHG-04") == []


def test_CHG_05_persons_format() -> None:
    data = notice()
    data["format"] = "standard"
    assert [(f.field, f.severity) for f in found(run(data), "CHG-05")] == [("/format", "warning")]
    assert found(run(notice()), "CHG-05") == []


def test_CHG_06_issued_by_the_proposing_commissioner() -> None:
    data = notice()
    data["issued_by"] = None
    assert fields(run(data), "CHG-06") == ["/issued_by"]
    data["issued_by"] = {"code": "R1A", "name": "Trust", "type": "trust"}
    assert fields(run(data), "CHG-06") == ["/issued_by"]
    assert found(run(notice()), "CHG-06") == []


def test_FUND_05_no_change_alone() -> None:
    data = notice()
    data["joint_review"] = None
    assert [(f.field, f.severity) for f in found(run(data), "FUND-05")] == [("", "error")]
    forced = notice()
    forced["other_party_consulted"]["agrees"] = False
    assert fields(run(forced), "FUND-05") == [""]
    assert found(run(notice()), "FUND-05") == []
