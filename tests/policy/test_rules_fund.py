"""FUND rules on funding agreements, under both packs (W 8, Annex 2; Harrow report)."""

from __future__ import annotations

import pytest

from tests.policy.support import d, example, fields, found, run


def worcs() -> dict:
    return example("funding_agreement")


def harrow() -> dict:
    return example("funding_agreement_harrow")


def test_FUND_01_policy_default_must_use_pack_split() -> None:
    data = worcs()
    data["split"] = {"local_authority_percent": 50, "icb_percent": 50}
    ev = run(data)
    assert fields(ev, "FUND-01") == ["/split"]
    assert "60% council, 40% ICB" in found(ev, "FUND-01")[0].message


def test_FUND_01_different_split_as_agreed_variation_holds() -> None:
    data = worcs()
    data.update(basis="agreed_variation", split={"local_authority_percent": 50, "icb_percent": 50})
    ev = run(data)
    assert found(ev, "FUND-01") == []
    assert found(ev, "FUND-02") == []
    assert ev.computed["local_authority_weekly_pence"] == 66750


def test_FUND_01_matrix_in_fixed_split_pack_needs_variation() -> None:
    data = worcs()
    data["basis"] = "needs_matrix"
    for svc in data["services"]:
        svc["health_share_percent"] = 50
    assert fields(run(data), "FUND-01") == ["/basis"]


def test_FUND_01_missing_split_uses_pack_default() -> None:
    data = worcs()
    data["split"] = None
    ev = run(data)
    assert found(ev, "FUND-01") == []
    assert ev.computed["local_authority_percent"] == 60


def test_FUND_01_harrow_historic_records_use_the_historic_split() -> None:
    data = harrow()
    data.update(basis="policy_default", split={"local_authority_percent": 60, "icb_percent": 40},
                agreed_on=d("2019-01-10"), effective_from=d("2019-01-10"))
    data["panel"]["date"] = d("2019-01-05")
    for sig in data["signatures"]:
        sig["signed_on"] = d("2019-01-10")
    ev = run(data)
    assert fields(ev, "FUND-01") == ["/split"]
    assert "50% council, 50% ICB" in found(ev, "FUND-01")[0].message


def test_FUND_02_variation_signed_by_both() -> None:
    data = worcs()
    data.update(basis="agreed_variation", split={"local_authority_percent": 70, "icb_percent": 30})
    data["signatures"] = data["signatures"][:1]
    assert fields(run(data), "FUND-02") == ["/signatures"]


def test_FUND_02_variation_needs_its_split() -> None:
    data = worcs()
    data.update(basis="agreed_variation", split=None)
    assert fields(run(data), "FUND-02") == ["/split"]


def test_FUND_03_retrospective_charges_need_notice_and_acknowledgement() -> None:
    data = worcs()
    data["effective_from"] = d("2026-03-01")  # before agreed_on 19 March
    assert fields(run(data), "FUND-03") == ["/retrospective"]


def test_FUND_03_dates_must_precede_agreement() -> None:
    data = worcs()
    data["effective_from"] = d("2026-03-01")
    data["retrospective"] = {"charges_from": d("2026-03-01"), "notified_on": d("2026-03-05"),
                             "acknowledged_on": d("2026-03-19")}  # same day is not before
    assert fields(run(data), "FUND-03") == ["/retrospective/acknowledged_on"]


def test_FUND_03_acknowledgement_follows_notification() -> None:
    data = worcs()
    data["retrospective"] = {"charges_from": d("2026-03-01"), "notified_on": d("2026-03-10"),
                             "acknowledged_on": d("2026-03-06")}
    assert fields(run(data), "FUND-03") == ["/retrospective/acknowledged_on"]


def test_FUND_03_holds_with_prior_written_notice() -> None:
    data = worcs()
    data["effective_from"] = d("2026-03-01")
    data["retrospective"] = {"charges_from": d("2026-03-01"), "notified_on": d("2026-03-05"),
                             "acknowledged_on": d("2026-03-09")}
    assert found(run(data), "FUND-03") == []
    assert found(run(worcs()), "FUND-03") == []


def test_FUND_03_charges_from_the_agreement_date_are_not_retrospective() -> None:
    data = worcs()
    data["retrospective"] = {"charges_from": d("2026-03-19"), "notified_on": None,
                             "acknowledged_on": None}
    assert found(run(data), "FUND-03") == []
    data["retrospective"] = {"charges_from": None, "notified_on": None, "acknowledged_on": None}
    assert found(run(data), "FUND-03") == []  # an empty block declares nothing


def test_FUND_03_block_without_start_date_still_needs_notice() -> None:
    data = worcs()
    data["retrospective"] = {"charges_from": None, "notified_on": d("2026-03-01"),
                             "acknowledged_on": None}
    assert fields(run(data), "FUND-03") == ["/retrospective/acknowledged_on"]


def test_FUND_04_harrow_accepts_only_the_matrix() -> None:
    data = harrow()
    data.update(basis="policy_default", split={"local_authority_percent": 50, "icb_percent": 50})
    assert fields(run(data), "FUND-04") == ["/basis"]


def test_FUND_04_harrow_historic_50_50_before_march_2019() -> None:
    data = harrow()
    data.update(basis="policy_default", split={"local_authority_percent": 50, "icb_percent": 50},
                agreed_on=d("2019-01-10"), effective_from=d("2019-01-10"))
    data["panel"]["date"] = d("2019-01-05")
    for sig in data["signatures"]:
        sig["signed_on"] = d("2019-01-10")
    assert found(run(data), "FUND-04") == []


def test_FUND_04_every_service_has_health_share() -> None:
    data = harrow()
    data["services"][1]["health_share_percent"] = None
    assert fields(run(data), "FUND-04") == ["/services/1/health_share_percent"]
    assert found(run(harrow()), "FUND-04") == []


def test_FUND_07_default_split_only_between_own_bodies() -> None:
    data = worcs()
    data["responsible_icb"] = {"code": "QOX", "name": "NHS BSW ICB", "type": "icb"}
    data["signatures"][1]["organisation"] = data["responsible_icb"]
    ev = run(data)
    assert [(f.field, f.severity) for f in found(ev, "FUND-07")] == [
        ("/responsible_icb", "warning")]
    assert found(run(worcs()), "FUND-07") == []


def test_FUND_07_other_pair_as_variation_holds() -> None:
    data = worcs()
    data["responsible_la"] = {"code": "E06000030", "name": "Swindon", "type": "local_authority"}
    data["basis"] = "agreed_variation"
    assert found(run(data), "FUND-07") == []


def test_FUND_08_percentages_add_to_100() -> None:
    data = worcs()
    data.update(basis="agreed_variation", split={"local_authority_percent": 70, "icb_percent": 40})
    ev = run(data)
    assert fields(ev, "FUND-08") == ["/split"]
    assert ev.computed["local_authority_weekly_pence"] is None


def test_FUND_08_largest_remainder_tie_goes_to_council() -> None:
    data = worcs()
    data.update(basis="agreed_variation", split={"local_authority_percent": 50, "icb_percent": 50})
    data["services"] = [dict(data["services"][0], weekly_cost_pence=12345)]
    ev = run(data)
    assert found(ev, "FUND-08") == []
    c = ev.computed
    assert (c["local_authority_weekly_pence"], c["icb_weekly_pence"]) == (6173, 6172)


def test_FUND_08_matrix_parts_add_up() -> None:
    data = harrow()
    data["services"][0]["weekly_cost_pence"] = 145001
    c = run(data).computed
    assert c["weekly_total_pence"] == 170001
    assert c["local_authority_weekly_pence"] + c["icb_weekly_pence"] == 170001
    assert c["local_authority_percent"] + c["icb_percent"] == 100


@pytest.mark.parametrize(("costs", "la_percent", "icb_percent"), [
    # exact council share 1.005 %: half a hundredth each way, the tie goes to the council
    ((201, 19799), 1.01, 98.99),
    ((16689, 3311), 83.45, 16.55),  # 83.445 %
    ((1, 2), 33.33, 66.67),
])
def test_FUND_08_percentages_by_largest_remainder_tie_to_council(
        costs: tuple[int, int], la_percent: float, icb_percent: float) -> None:
    data = harrow()
    data["services"] = [
        {"id": "S1", "description": "social care", "weekly_cost_pence": costs[0],
         "health_share_percent": 0},
        {"id": "S2", "description": "health care", "weekly_cost_pence": costs[1],
         "health_share_percent": 100},
    ]
    c = run(data).computed
    assert (c["local_authority_percent"], c["icb_percent"]) == (la_percent, icb_percent)
    assert c["local_authority_percent"] + c["icb_percent"] == 100


def test_FUND_09_harrow_panel_must_ratify() -> None:
    data = harrow()
    data["panel"] = None
    assert fields(run(data), "FUND-09") == ["/panel"]
    data["panel"] = {"date": d("2026-10-02"), "outcome": "deferred"}
    assert fields(run(data), "FUND-09") == ["/panel/outcome"]


def test_FUND_09_panel_before_sign_off() -> None:
    data = harrow()
    data["panel"]["date"] = d("2026-10-20")
    assert fields(run(data), "FUND-09") == ["/panel/date"]
    assert found(run(harrow()), "FUND-09") == []


def test_FUND_09_worcestershire_needs_no_panel() -> None:
    assert found(run(worcs()), "FUND-09") == []


def test_FUND_10_harrow_never_backdated() -> None:
    data = harrow()
    data["effective_from"] = d("2026-09-01")
    ev = run(data)
    assert fields(ev, "FUND-10") == ["/effective_from"]
    assert found(ev, "FUND-03") == []  # Harrow never allows it, acknowledgement or not


def test_FUND_10_harrow_refuses_retrospective_block() -> None:
    data = harrow()
    data["retrospective"] = {"charges_from": d("2026-09-01"), "notified_on": d("2026-09-02"),
                             "acknowledged_on": d("2026-09-03")}
    assert fields(run(data), "FUND-10") == ["/retrospective"]


def test_FUND_10_charges_from_the_review_date_are_not_backdated() -> None:
    data = harrow()
    data["retrospective"] = {"charges_from": d("2026-10-07"), "notified_on": None,
                             "acknowledged_on": None}
    assert found(run(data), "FUND-10") == []


def test_FUND_10_holds_from_review_date_and_off_in_worcestershire() -> None:
    assert found(run(harrow()), "FUND-10") == []
    data = worcs()
    data["effective_from"] = d("2026-03-01")
    assert found(run(data), "FUND-10") == []


def test_FUND_11_signed_by_both_parties() -> None:
    data = worcs()
    data["signatures"] = [s for s in data["signatures"] if s["party"] != "icb"]
    ev = run(data)
    assert fields(ev, "FUND-11") == ["/signatures"]
    assert ev.missing_signatures == ["icb"]


def test_FUND_11_signature_from_the_responsible_body() -> None:
    data = worcs()
    data["signatures"][0]["organisation"] = {"code": "E06000030", "name": "Swindon Borough Council",
                                             "type": "local_authority"}
    assert fields(run(data), "FUND-11") == ["/signatures/0/organisation"]
    assert found(run(worcs()), "FUND-11") == []


def test_FUND_11_undated_signature_is_not_a_signature() -> None:
    data = worcs()
    data["signatures"][1]["signed_on"] = None
    ev = run(data)
    assert fields(ev, "FUND-11") == ["/signatures"]
    assert ev.missing_signatures == ["icb"]
