"""REVIEW and REG/OUT rules, with tabled dates (one comment per row)."""

from __future__ import annotations

import pytest

from tests.policy.support import d, example, fields, found, run


def plan(**changes: object) -> dict:
    data = example("aftercare_plan")
    data["plan"].update(changes)
    return data


def register() -> dict:
    return example("register_entry")


# ---- REVIEW ----------------------------------------------------------------------------

@pytest.mark.parametrize(("left", "first_due"), [
    ("2026-03-20", "2026-06-20"),  # the example: plain three months
    ("2025-11-30", "2026-02-28"),  # 30 November + 3 months: February has no 30th
    ("2023-11-30", "2024-02-29"),  # ... in a leap year it falls back to the 29th
    ("2026-05-31", "2026-08-31"),  # 31 May + 3 months: August has a 31st
    ("2026-10-31", "2027-01-31"),  # crosses the year end
])
def test_REVIEW_01_first_review_due_table(left: str, first_due: str) -> None:
    ev = run(plan(left_hospital_on=d(left), next_review_date=d(first_due)))
    assert ev.computed["first_review_due"] == first_due
    assert ev.computed["next_review_due"] == first_due
    assert found(ev, "REVIEW-01") == []  # booked on the last allowed day: in time


def test_REVIEW_01_first_review_booked_too_late() -> None:
    ev = run(plan(next_review_date=d("2026-06-21")))  # due 20 June 2026
    assert fields(ev, "REVIEW-01") == ["/plan/next_review_date"]
    assert "20 June 2026" in found(ev, "REVIEW-01")[0].message


def test_REVIEW_01_no_first_review_booked() -> None:
    assert fields(run(plan(next_review_date=None)), "REVIEW-01") == ["/plan/next_review_date"]


def test_REVIEW_01_harrow_pack_uses_its_months() -> None:
    data = plan(next_review_date=d("2026-06-21"))
    data["policy"] = "harrow"
    assert fields(run(data), "REVIEW-01") == ["/plan/next_review_date"]


@pytest.mark.parametrize(("last", "booked", "broken"), [
    ("2026-06-15", "2027-06-15", False),  # exactly 12 months: allowed
    ("2026-06-15", "2027-06-16", True),   # a day over 12 months
    ("2024-02-29", "2025-02-28", False),  # 29 February + 12 months is 28 February
    ("2024-02-29", "2025-03-01", True),   # ... and 1 March is too late
])
def test_REVIEW_02_interval_table(last: str, booked: str, broken: bool) -> None:
    ev = run(plan(last_review_date=d(last), next_review_date=d(booked)))
    assert bool(found(ev, "REVIEW-02")) is broken
    assert found(ev, "REVIEW-01") == []  # once reviewed, the first-review rule is done


def test_REVIEW_02_next_review_due_from_last_review() -> None:
    ev = run(plan(last_review_date=d("2026-06-15"), next_review_date=None))
    assert ev.computed["next_review_due"] == "2027-06-15"
    assert fields(ev, "REVIEW-02") == ["/plan/next_review_date"]


def test_REVIEW_03_discharge_considered_prompts_unscheduled_review() -> None:
    ev = run(example("discharge_decision"))
    assert [(f.field, f.severity) for f in found(ev, "REVIEW-03")] == [("/review", "info")]


def test_REVIEW_03_move_prompts_unscheduled_review() -> None:
    data = register()
    assert found(run(data), "REVIEW-03") == []
    data["events"].append({"type": "moved_area", "date": d("2026-07-01"),
                           "notice_received_on": d("2026-07-01"), "recorded_on": d("2026-07-02")})
    assert fields(run(data), "REVIEW-03") == ["/events/2"]


# ---- REG -------------------------------------------------------------------------------

def test_REG_01_on_register_from_admission() -> None:
    data = register()
    data["events"] = data["events"][1:]
    assert fields(run(data), "REG-01") == ["/events"]
    data = register()
    data["events"][0]["date"] = d("2026-01-20")
    assert fields(run(data), "REG-01") == ["/events"]
    assert found(run(register()), "REG-01") == []


@pytest.mark.parametrize(("notice", "due"), [
    ("2026-03-20", "2026-03-27"),  # Friday: the next five weekdays
    ("2026-01-05", "2026-01-12"),  # Monday: the following Monday
    ("2026-12-23", "2027-01-04"),  # Christmas, Boxing Day (observed 28th) and New Year skipped
    ("2026-04-01", "2026-04-10"),  # Good Friday 3 April and Easter Monday 6 April skipped
    ("2026-05-22", "2026-06-01"),  # Spring bank holiday 25 May skipped
    ("2026-03-21", "2026-03-27"),  # notice on a Saturday: Monday is working day 1
])
def test_REG_02_record_due_table(notice: str, due: str) -> None:
    data = register()
    data["events"][1].update(notice_received_on=d(notice), recorded_on=d(due))
    ev = run(data)
    assert ev.computed["events"][1] == {"type": "left_hospital", "record_due": due, "on_time": True}
    assert found(ev, "REG-02") == []


def test_REG_02_recorded_late_is_error_at_recorded_on() -> None:
    data = register()
    data["events"][1]["recorded_on"] = d("2026-03-30")  # due Friday 27 March
    ev = run(data)
    assert fields(ev, "REG-02") == ["/events/1/recorded_on"]
    assert ev.computed["events"][1]["on_time"] is False
    assert "5 working days" in found(ev, "REG-02")[0].message


def test_REG_02_unrecorded_is_late_only_once_overdue() -> None:
    data = register()
    data["events"][1]["recorded_on"] = None
    assert fields(run(data), "REG-02") == ["/events/1/recorded_on"]  # judged 22 Nov 2026
    assert found(run(data, today=d("2026-03-25")), "REG-02") == []


def test_REG_03_end_date_recorded() -> None:
    data = register()
    data["status"] = "ended"
    assert fields(run(data), "REG-03") == ["/ended_on"]
    data["ended_on"] = d("2026-10-01")
    assert fields(run(data), "REG-03") == ["/events"]
    data["events"].append({"type": "s117_ended", "date": d("2026-10-01"),
                           "notice_received_on": d("2026-10-01"), "recorded_on": d("2026-10-02")})
    assert found(run(data), "REG-03") == []


def test_REG_03_end_date_matches_the_s117_ended_event() -> None:
    data = register()
    data.update(status="ended", ended_on=d("2026-11-01"))
    data["events"].append({"type": "s117_ended", "date": d("2026-10-01"),
                           "notice_received_on": d("2026-10-01"), "recorded_on": d("2026-10-02")})
    assert fields(run(data), "REG-03") == ["/ended_on"]


def test_REG_03_transfer_recorded() -> None:
    data = register()
    data["status"] = "transferred"
    assert fields(run(data), "REG-03") == ["/events"]
    assert found(run(register()), "REG-03") == []


def test_OUT_01_delegation_in_writing_and_agreed() -> None:
    data = register()
    data["delegation"] = {"to": {"code": "E06000030", "name": "Swindon", "type": "local_authority"},
                          "what": "", "agreed_in_writing": False, "agreed_on": None}
    assert fields(run(data), "OUT-01") == ["/delegation/what", "/delegation/agreed_in_writing",
                                           "/delegation/agreed_on"]
    data["delegation"].update(what="Annual reviews", agreed_in_writing=True,
                              agreed_on=d("2026-05-01"))
    assert found(run(data), "OUT-01") == []
    assert found(run(register()), "OUT-01") == []


def test_REG_03_transfer_names_the_new_body() -> None:
    data = register()
    data["status"] = "transferred"
    data["events"].append({"type": "responsibility_transferred", "date": d("2026-06-01"),
                           "notice_received_on": d("2026-06-01"), "recorded_on": d("2026-06-02"),
                           "to": None})
    assert fields(run(data), "REG-03") == ["/events/2/to"]
    data["events"][2]["to"] = {"code": "E06000030", "name": "Swindon", "type": "local_authority"}
    assert found(run(data), "REG-03") == []
