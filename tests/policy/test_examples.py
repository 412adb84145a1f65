"""Every design example is a complete, valid form: no error findings, nothing left to sign."""

from __future__ import annotations

import pytest

from forms_app.policy.findings import has_errors
from tests.examples import example_names
from tests.policy.support import example, run


@pytest.mark.parametrize("name", example_names())
def test_example_has_no_errors(name: str) -> None:
    ev = run(example(name))
    assert not has_errors(ev.findings), [f.as_dict() for f in ev.findings]
    assert ev.missing_signatures == []


def test_responsibility_example_gives_its_expect() -> None:
    from tests.examples import load_example

    expect = load_example("responsibility")["_expect"]
    answer = run(example("responsibility")).computed
    assert answer["eligible"] is expect["eligible"]
    assert answer["status"] == expect["status"]
    for side in ("local_authority", "icb"):
        assert answer[side]["organisation"]["code"] == expect[side]["code"]
        assert answer[side]["rule"] == expect[side]["rule"]


def test_harrow_example_split_is_cost_weighted() -> None:
    computed = run(example("funding_agreement_harrow")).computed
    assert computed == {
        "weekly_total_pence": 170000,
        "local_authority_weekly_pence": 132000,
        "icb_weekly_pence": 38000,  # 145000 x 20% + 9000 x 100% + 16000 x 0%
        "local_authority_percent": 77.65,
        "icb_percent": 22.35,
    }


def test_worcestershire_example_split_is_60_40() -> None:
    computed = run(example("funding_agreement")).computed
    assert computed["local_authority_weekly_pence"] == 80100
    assert computed["icb_weekly_pence"] == 53400
    assert (computed["local_authority_percent"], computed["icb_percent"]) == (60, 40)


def test_findings_come_in_catalogue_order() -> None:
    from forms_app.policy.catalogue import ORDER

    data = example("discharge_decision")
    data.update(on_cto=True, rationale="", person_informed=False, grounds=["time_elapsed"])
    rules = [f.rule for f in run(data).findings]
    assert rules == sorted(rules, key=ORDER.__getitem__)
