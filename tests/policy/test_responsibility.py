"""RESP: the responsible council and ICB from a person's history (W 4.3, 4.4; Who Pays?)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from forms_app.policy import national
from forms_app.policy.responsibility import decide
from tests.policy.support import d, example, found, run


def la(code: str) -> dict:
    return {"code": code, "name": f"Council {code}", "type": "local_authority"}


def icb(code: str) -> dict:
    return {"code": code, "name": f"ICB {code}", "type": "icb"}


def detained(day: str, section: str = "3", *, la_code: str | None = "A", gp: str | None = "GA",
             usual: str | None = "UA", funded_by: str = "icb", funding: str | None = "FA") -> dict:
    return {"date": d(day), "type": "detained", "section": section,
            "ordinary_residence_la": la(la_code) if la_code else None,
            "gp_practice_icb": icb(gp) if gp else None,
            "usual_residence_icb": icb(usual) if usual else None,
            "hospital_funded_by": funded_by, "funding_icb": icb(funding) if funding else None}


def left(day: str) -> dict:
    return {"date": d(day), "type": "left_hospital"}


def moved(day: str, la_code: str, gp: str | None) -> dict:
    return {"date": d(day), "type": "moved", "ordinary_residence_la": la(la_code),
            "gp_practice_icb": icb(gp) if gp else None, "usual_residence_icb": icb("U" + la_code)}


def event(day: str, kind: str, **extra: object) -> dict:
    return {"date": d(day), "type": kind, **extra}


def history(*events: dict, born: str = "1986-07-14", as_of: str = "2026-11-22") -> dict:
    data = example("responsibility")
    data["person"]["date_of_birth"] = d(born)
    data.update(events=list(events), as_of=d(as_of))
    return data


def answer(*events: dict, **kw: str) -> dict:
    return decide(history(*events, **kw))


def sides(result: dict) -> tuple[tuple[str, str], tuple[str, str]]:
    la_side, icb_side = result["local_authority"], result["icb"]
    return ((la_side["organisation"]["code"], la_side["rule"]),
            (icb_side["organisation"]["code"], icb_side["rule"]))


# ---- the example and the council rules -----------------------------------------------------

def test_example_answer_with_readable_reasons() -> None:
    result = decide(example("responsibility"))
    assert sides(result) == (("E10000034", "RESP-LA-02"), ("QGH", "RESP-NHS-01"))
    la_text, icb_text = " ".join(result["local_authority"]["reasons"]), " ".join(
        result["icb"]["reasons"])
    assert "immediately before the qualifying detention under section 3 that began on " \
           "1 February 2021" in la_text
    assert "section 2 that began on 12 February 2024 is not a qualifying detention" in la_text
    assert "MHA 2025 s46 (RESP-LA-05" in la_text
    assert "pending" in la_text
    assert "after the 1 September 2020 'Who Pays?' transition" in icb_text
    assert result["local_authority"]["organisation"] == {
        "code": "E10000034", "name": "Worcestershire County Council", "type": "local_authority"}


def test_reasons_keep_braces_in_a_name_literally() -> None:
    """The person's name is user text: braces in it are words, never format fields."""
    data = example("responsibility")
    data["person"]["preferred_name"] = "{la} {0} {{x}} {% include %}"
    result = decide(data)
    la_text = " ".join(result["local_authority"]["reasons"])
    assert "{la} {0} {{x}} {% include %} was ordinarily resident in Worcestershire" in la_text


def test_RESP_LA_01_council_of_ordinary_residence_before_detention() -> None:
    result = answer(detained("2025-01-10", la_code="A"))
    assert result["status"] == "detained"
    assert result["eligible"] is True
    assert sides(result)[0] == ("A", "RESP-LA-01")


def test_RESP_LA_02_moves_after_discharge_do_not_change_council() -> None:
    result = answer(detained("2025-01-10"), left("2025-03-01"), moved("2025-06-01", "B", "GB"),
                    moved("2026-01-01", "C", "GC"))
    assert sides(result)[0] == ("A", "RESP-LA-02")
    assert result["status"] == "aftercare"


def test_RESP_LA_03_new_detention_before_s117_discharge_moves_council() -> None:
    result = answer(detained("2025-01-10"), left("2025-03-01"), moved("2025-06-01", "B", "GB"),
                    detained("2026-02-01", la_code="B", gp="GB"), left("2026-04-01"))
    assert sides(result) == (("B", "RESP-LA-03"), ("GA", "RESP-NHS-06"))


def test_RESP_LA_03_not_triggered_by_non_qualifying_detention() -> None:
    result = answer(detained("2025-01-10"), left("2025-03-01"), moved("2025-06-01", "B", "GB"),
                    detained("2026-02-01", "2", la_code="B", gp="GB"))
    assert sides(result) == (("A", "RESP-LA-02"), ("GA", "RESP-NHS-01"))
    assert result["status"] == "detained"


def test_RESP_LA_03_moves_after_redetention_keep_la_03() -> None:
    result = answer(detained("2025-01-10"), left("2025-03-01"), moved("2025-06-01", "B", "GB"),
                    detained("2026-02-01", la_code="B", gp="GB"), left("2026-04-01"),
                    moved("2026-06-01", "C", "GC"))
    assert sides(result)[0] == ("B", "RESP-LA-03")


@pytest.mark.parametrize("section", ["2", "4", "5(2)", "5(4)", "35", "36", "38", "135", "136"])
def test_non_qualifying_sections_give_no_entitlement(section: str) -> None:
    result = answer(detained("2025-01-10", section), left("2025-02-01"))
    assert result == {"eligible": False, "status": "not_eligible", "local_authority": None,
                      "icb": None}


def test_s117_discharge_ends_and_new_detention_starts_afresh() -> None:
    ended = answer(detained("2025-01-10"), left("2025-03-01"), moved("2025-06-01", "B", "GB"),
                   event("2026-01-05", "s117_discharged"))
    assert ended["status"] == "ended"
    assert ended["eligible"] is True
    assert sides(ended)[0] == ("A", "RESP-LA-02")  # the last responsible bodies still shown
    again = answer(detained("2025-01-10"), left("2025-03-01"), moved("2025-06-01", "B", "GB"),
                   event("2026-01-05", "s117_discharged"),
                   detained("2026-05-01", la_code="B", gp="GB"), left("2026-06-01"))
    assert sides(again) == (("B", "RESP-LA-01"), ("GB", "RESP-NHS-01"))
    assert again["status"] == "aftercare"


def test_events_after_as_of_are_ignored() -> None:
    data = history(detained("2025-01-10"), left("2025-03-01"), moved("2025-06-01", "B", "GB"),
                   detained("2026-02-01", la_code="B", gp="GB"))
    assert sides(decide(data, d("2025-12-31")))[0] == ("A", "RESP-LA-02")
    assert decide(data, d("2024-12-31"))["status"] == "not_eligible"


def test_RESP_LA_05_pending_is_not_applied_and_said_so() -> None:
    placement = event("2025-06-01", "accommodation_placement", placing_la=la("A"),
                      ordinary_residence_la=la("B"), specified_accommodation=True)
    result = answer(detained("2025-01-10"), left("2025-03-01"), placement,
                    detained("2026-02-01", la_code="B", gp="GB"))
    assert sides(result)[0] == ("B", "RESP-LA-03")
    note = result["local_authority"]["reasons"][-1]
    assert "RESP-LA-05" in note
    assert "pending" in note
    assert found(run(history(detained("2025-01-10"), placement)), "RESP-LA-05")


def test_RESP_LA_05_applies_once_commenced(monkeypatch: pytest.MonkeyPatch) -> None:
    laws = dict(national.laws())
    laws["mha_2025_s46"] = dataclasses.replace(laws["mha_2025_s46"], in_force_from=date(2025, 1, 1))
    monkeypatch.setattr(national, "laws", lambda: laws)
    placement = event("2025-06-01", "accommodation_placement", placing_la=la("A"),
                      ordinary_residence_la=la("B"), specified_accommodation=True)
    result = answer(detained("2025-01-10"), left("2025-03-01"), placement,
                    detained("2026-02-01", la_code="B", gp="GB"))
    assert sides(result)[0] == ("A", "RESP-LA-05")
    not_specified = dict(placement, specified_accommodation=False)
    result = answer(detained("2025-01-10"), left("2025-03-01"), not_specified,
                    detained("2026-02-01", la_code="B", gp="GB"))
    assert sides(result)[0] == ("B", "RESP-LA-03")


# ---- the ICB rules ---------------------------------------------------------------------

def test_RESP_NHS_01_gp_practice_else_usual_residence() -> None:
    assert sides(answer(detained("2021-02-01", gp="G1", usual="U1")))[1] == ("G1", "RESP-NHS-01")
    assert sides(answer(detained("2021-02-01", gp=None, usual="U1")))[1] == ("U1", "RESP-NHS-01")


def test_RESP_NHS_01_from_the_transition_day_itself() -> None:
    result = answer(detained("2020-09-01", gp="G1", funding="F1"), left("2020-12-01"))
    assert sides(result)[1] == ("G1", "RESP-NHS-01")


def test_RESP_NHS_02_receiving_aftercare_at_transition() -> None:
    result = answer(detained("2019-01-10", gp="G1", funding="F1"), left("2019-06-01"),
                    moved("2021-03-01", "B", "GB"), detained("2022-09-01", la_code="B", gp="GB"),
                    left("2022-11-01"))
    assert sides(result) == (("B", "RESP-LA-03"), ("F1", "RESP-NHS-02"))
    assert "1 September 2020" in result["icb"]["reasons"][0]


def test_RESP_NHS_03_detained_at_transition_in_ccg_funded_hospital() -> None:
    result = answer(detained("2020-06-01", gp="G1", funding="F1"), left("2020-12-01"))
    assert sides(result)[1] == ("F1", "RESP-NHS-03")


def test_RESP_NHS_04_detained_at_transition_in_nhs_england_hospital() -> None:
    result = answer(detained("2020-06-01", gp="G1", funded_by="nhs_england", funding=None),
                    moved("2020-08-01", "B", "GB"), left("2020-12-01"))
    assert sides(result)[1] == ("G1", "RESP-NHS-04")
    no_gp = answer(detained("2020-06-01", gp=None, usual="U1", funded_by="nhs_england"))
    assert sides(no_gp)[1] == ("U1", "RESP-NHS-04")


def test_transition_rules_before_the_transition_date_are_provisional() -> None:
    data = history(detained("2020-06-01", gp="G1", funding="F1"))
    result = decide(data, d("2020-07-01"))
    assert sides(result)[1] == ("F1", "RESP-NHS-03")
    assert "before the 1 September 2020" in result["icb"]["reasons"][0]


def _child_history(left_on: str) -> tuple[dict, ...]:
    placement = event("2020-10-01", "care_placement", placed_under="children_act_1989",
                      placing_la=la("A"), originating_icb=icb("Z"), ordinary_residence_la=la("B"))
    return (placement, detained("2020-12-01", la_code="A", gp="W"), left(left_on))


def test_RESP_NHS_05_child_placed_out_of_area_still_detained_at_18() -> None:
    result = answer(*_child_history("2021-03-01"), born="2003-01-15")  # 18 on 15 January 2021
    assert sides(result)[1] == ("Z", "RESP-NHS-05")
    assert "18th birthday (15 January 2021)" in result["icb"]["reasons"][0]


def test_RESP_NHS_05_not_when_discharged_before_18() -> None:
    result = answer(*_child_history("2021-01-10"), born="2003-01-15")
    assert sides(result)[1] == ("W", "RESP-NHS-01")


def test_RESP_NHS_05_holds_through_later_detentions() -> None:
    result = answer(*_child_history("2021-03-01"), detained("2022-05-01", la_code="A", gp="W2"),
                    born="2003-01-15")
    assert sides(result)[1] == ("Z", "RESP-NHS-05")


def test_RESP_NHS_06_new_detention_does_not_move_icb() -> None:
    result = answer(detained("2021-02-01", gp="G1"), left("2021-05-01"),
                    moved("2022-01-01", "B", "G2"), detained("2023-01-01", la_code="B", gp="G2"))
    assert sides(result) == (("B", "RESP-LA-03"), ("G1", "RESP-NHS-06"))
    assert "does not move" in result["icb"]["reasons"][-2]


def test_RESP_NHS_07_other_health_needs_follow_gp_registration() -> None:
    result = answer(detained("2021-02-01", gp="G1"), left("2021-05-01"),
                    moved("2022-01-01", "B", "G2"))
    assert "now ICB G2 (RESP-NHS-07)" in result["icb"]["reasons"][-1]
    ev = run(history(detained("2021-02-01", gp="G1"), left("2021-05-01")))
    assert [f.severity for f in found(ev, "RESP-NHS-07")] == ["info"]


def test_RESP_00_unknown_council_is_an_error_finding() -> None:
    data = history(detained("2025-01-10", la_code=None))
    assert decide(data)["local_authority"]["rule"] == "RESP-00"
    ev = run(data)
    assert [(f.field, f.severity) for f in found(ev, "RESP-00")] == [
        ("/events/0/ordinary_residence_la", "error")]
    assert found(run(history(detained("2025-01-10"))), "RESP-00") == []


def test_RESP_00_points_at_the_qualifying_detention_not_a_later_section_2() -> None:
    data = history(detained("2025-01-10", la_code=None), left("2025-03-01"),
                   detained("2025-06-01", "2"))
    assert [f.field for f in found(run(data), "RESP-00")] == [
        "/events/0/ordinary_residence_la"]


def test_RESP_00_unknown_icb() -> None:
    data = history(detained("2025-01-10", gp=None, usual=None))
    assert decide(data)["icb"] == {"organisation": None, "rule": "RESP-00",
                                   "reasons": decide(data)["icb"]["reasons"]}
    assert [f.field for f in found(run(data), "RESP-00")] == ["/events/0/gp_practice_icb"]


def test_deciding_rules_reported_as_info_findings() -> None:
    ev = run(example("responsibility"))
    assert {f.rule for f in ev.findings} >= {"RESP-LA-02", "RESP-NHS-01"}
    assert all(f.severity == "info" for f in ev.findings)


def test_as_of_defaults_to_today_in_the_engine() -> None:
    data = history(detained("2025-01-10"), left("2025-03-01"))
    data["as_of"] = None
    assert run(data, today=d("2025-02-01")).computed["status"] == "detained"
    assert run(data, today=d("2025-04-01")).computed["status"] == "aftercare"


def test_discharge_during_cto_does_not_end_entitlement() -> None:
    result = answer(detained("2025-01-10"), left("2025-03-01"), event("2025-03-01", "cto_started"),
                    event("2025-09-01", "s117_discharged"))
    assert result["status"] == "aftercare"
    assert "DISCH-02" in result["local_authority"]["reasons"][-2]
    after_cto = answer(detained("2025-01-10"), left("2025-03-01"),
                       event("2025-03-01", "cto_started"), event("2025-08-01", "cto_ended"),
                       event("2025-09-01", "s117_discharged"))
    assert after_cto["status"] == "ended"


def test_entitlement_ended_before_transition_keeps_its_ccg() -> None:
    result = answer(detained("2018-01-10", funding="F1"), left("2018-06-01"),
                    event("2019-06-01", "s117_discharged"))
    assert result["status"] == "ended"
    assert sides(result)[1] == ("F1", "RESP-NHS-02")


def test_ELIG_01_history_without_qualifying_detention_is_explained() -> None:
    ev = run(history(detained("2025-01-10", "2"), left("2025-02-01")))
    assert [(f.field, f.severity) for f in found(ev, "ELIG-01")] == [("/events", "info")]
    assert found(run(example("responsibility")), "ELIG-01") == []


def test_RESP_LA_01_falls_back_to_last_recorded_residence() -> None:
    result = answer(moved("2024-01-01", "B", "GB"), detained("2025-01-10", la_code=None))
    assert sides(result)[0] == ("B", "RESP-LA-01")


# ---- audit fixes ------------------------------------------------------------------------

def _placement(day: str, kind: str = "accommodation_placement") -> dict:
    if kind == "care_placement":
        return event(day, kind, placed_under="children_act_1989", placing_la=la("A"),
                     originating_icb=icb("GA"), ordinary_residence_la=la("B"))
    return event(day, kind, placing_la=la("A"), ordinary_residence_la=la("B"),
                 specified_accommodation=True)


@pytest.mark.parametrize("kind", ["accommodation_placement", "care_placement"])
def test_RESP_LA_02_placement_in_another_area_after_discharge(kind: str) -> None:
    """W 17.1: 'moves to or is placed in another local authority area' keeps the council."""
    result = answer(detained("2021-02-01"), left("2021-06-30"), _placement("2022-02-01", kind),
                    born="2006-05-01")
    assert sides(result) == (("A", "RESP-LA-02"), ("GA", "RESP-NHS-01"))
    assert "in Council B's area on 1 February 2022, after leaving hospital" in \
        " ".join(result["local_authority"]["reasons"])


def test_RESP_LA_02_not_for_a_move_within_the_same_area() -> None:
    result = answer(detained("2021-02-01"), left("2021-06-30"), moved("2022-01-01", "A", "GA2"))
    assert sides(result)[0] == ("A", "RESP-LA-01")
    assert "moved within Council A's area on 1 January 2022" in \
        result["local_authority"]["reasons"][1]
    result = answer(detained("2021-02-01"), left("2021-06-30"), moved("2022-01-01", "B", "GB"),
                    moved("2022-06-01", "A", "GA"))
    assert sides(result)[0] == ("A", "RESP-LA-02")


def test_RESP_LA_02_move_on_the_day_of_leaving_listed_before_it() -> None:
    """Same-day events are taken in their natural order, whatever order they were listed in."""
    result = answer(detained("2021-02-01"), moved("2021-06-30", "B", "GB"), left("2021-06-30"))
    assert sides(result)[0] == ("A", "RESP-LA-02")


def test_RESP_LA_01_discharge_and_new_detention_on_one_day_listed_out_of_order() -> None:
    result = answer(detained("2021-02-01"), left("2021-06-30"), moved("2022-01-01", "B", "GB"),
                    detained("2023-01-01", la_code="B", gp="GB"),
                    event("2023-01-01", "s117_discharged"))
    assert result["status"] == "detained"
    assert sides(result) == (("B", "RESP-LA-01"), ("GB", "RESP-NHS-01"))


def test_DISCH_02_cto_ended_the_same_day_as_the_discharge_listed_after_it() -> None:
    result = answer(detained("2021-02-01"), left("2021-06-30"), event("2021-06-30", "cto_started"),
                    event("2022-01-01", "s117_discharged"), event("2022-01-01", "cto_ended"))
    assert result["status"] == "ended"


def test_DISCH_02_cto_ends_when_detained_again() -> None:
    result = answer(detained("2021-02-01"), left("2021-06-30"), event("2021-06-30", "cto_started"),
                    detained("2021-09-01"), left("2021-12-01"),
                    event("2022-06-01", "s117_discharged"))
    assert result["status"] == "ended"
    assert "community treatment order ended when Alex was detained again on 1 September 2021" \
        in " ".join(result["local_authority"]["reasons"])


def test_RESP_LA_05_pending_note_names_a_placement_after_the_last_detention() -> None:
    result = answer(detained("2021-02-01"), left("2021-06-30"), _placement("2022-02-01"))
    note = result["local_authority"]["reasons"][-1]
    assert "placed Alex in specified accommodation in Council B's area on 1 February 2022" in note
    assert "pending" in note
    assert sides(result)[0] == ("A", "RESP-LA-02")


def test_RESP_LA_05_note_of_an_earlier_placement_is_not_repeated() -> None:
    result = answer(detained("2021-02-01"), left("2021-06-30"), _placement("2021-08-01"),
                    detained("2022-01-01", la_code="B"), left("2022-03-01"),
                    event("2022-06-01", "s117_discharged"), moved("2022-07-01", "C", "GC"),
                    detained("2023-01-01", la_code="C", gp="GC"))
    assert sides(result)[0] == ("C", "RESP-LA-01")
    la_text = " ".join(result["local_authority"]["reasons"])
    assert "Council B" not in la_text
    assert "RESP-LA-05" in la_text
    assert "pending" in la_text


def test_RESP_NHS_05_out_of_area_read_from_the_icb_when_placement_names_the_placing_council(
) -> None:
    """A looked-after child stays ordinarily resident in the placing council's area (Children
    Act 1989 s105(6)); the placement is still out of area when the child is registered under
    another ICB."""
    placement = event("2020-10-01", "care_placement", placed_under="children_act_1989",
                      placing_la=la("A"), originating_icb=icb("Z"), ordinary_residence_la=la("A"))
    result = answer(placement, detained("2020-12-01", la_code="A", gp="W"), left("2021-03-01"),
                    born="2003-01-15")
    assert sides(result)[1] == ("Z", "RESP-NHS-05")
    inside = dict(placement, originating_icb=icb("W"))
    result = answer(inside, detained("2020-12-01", la_code="A", gp="W"), left("2021-03-01"),
                    born="2003-01-15")
    assert sides(result)[1] == ("W", "RESP-NHS-01")


def test_RESP_NHS_01_ccg_before_july_2022_described_as_its_successor_icb() -> None:
    ccg = {"code": "18C", "name": "NHS Herefordshire and Worcestershire CCG", "type": "icb"}
    data = history(dict(detained("2021-02-01"), gp_practice_icb=ccg), left("2021-06-30"))
    reason = decide(data)["icb"]["reasons"][0]
    assert "the originating CCG is responsible: the CCG of the GP practice" in reason
    assert "replaced by its successor integrated care board on 1 July 2022" in reason
    assert "successor" not in decide(data, d("2022-06-30"))["icb"]["reasons"][0]
    named_as_icb = decide(history(detained("2021-02-01"), left("2021-06-30")))
    assert "successor to the clinical commissioning group responsible on 1 February 2021" in \
        named_as_icb["icb"]["reasons"][0]
    later = decide(history(detained("2023-02-01"), left("2023-06-30")))["icb"]["reasons"][0]
    assert "the originating ICB is responsible: the ICB of the GP practice" in later
    assert "successor" not in later


def test_RESP_NHS_03_no_successor_icb_in_words_before_july_2022() -> None:
    data = history(detained("2020-06-01", gp="G1", funding="F1"), left("2020-12-01"))
    assert "(now its successor ICB)" not in decide(data, d("2021-01-01"))["icb"]["reasons"][0]
    assert "(now its successor ICB)" in decide(data)["icb"]["reasons"][0]


def test_RESP_NHS_02_aftercare_ended_before_the_transition_reads_as_ended() -> None:
    result = answer(detained("2018-01-10", funding="F1"), left("2018-06-01"),
                    event("2019-06-01", "s117_discharged"))
    assert "aftercare ended on 1 June 2019, before the 1 September 2020" in \
        result["icb"]["reasons"][0]


def test_RESP_NHS_06_unnamed_icb_stays_unnamed_in_words() -> None:
    result = answer(detained("2021-02-01", gp=None, usual=None), left("2021-06-30"),
                    detained("2022-01-01"))
    assert result["icb"]["rule"] == "RESP-00"
    assert "an unrecorded body" not in " ".join(result["icb"]["reasons"])
    assert "(not yet named) stays responsible (RESP-NHS-06)" in result["icb"]["reasons"][1]


def test_RESP_NHS_04_funding_body_nhs_england_means_an_nhs_england_funded_hospital() -> None:
    nhse = {"code": "X24", "name": "NHS England", "type": "nhs_england"}
    at_transition = dict(detained("2020-06-01", gp="G1"), funding_icb=nhse)
    assert sides(answer(at_transition, left("2020-12-01")))[1] == ("G1", "RESP-NHS-04")
    unknown = dict(detained("2020-06-01", gp=None, usual=None, funded_by="nhs_england"),
                   funding_icb=nhse)
    result = answer(unknown, left("2020-12-01"))
    assert result["icb"]["rule"] == "RESP-00"
    assert "neither a GP practice nor a usual residence" in result["icb"]["reasons"][0]


def test_RESP_NHS_02_needs_aftercare_funded_by_a_ccg_never_names_nhs_england() -> None:
    nhse = {"code": "X24", "name": "NHS England", "type": "nhs_england"}
    result = answer(dict(detained("2019-01-10", funded_by="nhs_england"), funding_icb=nhse),
                    left("2019-06-01"))
    assert result["icb"]["organisation"] is None
    assert result["icb"]["rule"] == "RESP-00"
    assert "funded by NHS England, not by a clinical commissioning group" in \
        result["icb"]["reasons"][0]
    ccg_paid = answer(detained("2019-01-10", funded_by="nhs_england", funding="F1"),
                      left("2019-06-01"))
    assert sides(ccg_paid)[1] == ("F1", "RESP-NHS-02")
