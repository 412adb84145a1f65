"""The funding agreement and section 17 leave funding journeys (FUND, LEAVE)."""

from __future__ import annotations

from forms_app.policy import vocabulary as v
from forms_app.web.forms.kinds.common import DETENTION_SUMMARY, PERSON_STEP, organisation
from forms_app.web.forms.spec import (
    Journey,
    Step,
    area,
    date,
    group,
    hidden,
    money,
    next_id,
    number,
    radios,
    repeat,
    text,
    yes_no,
)

FUNDING = Journey("funding_agreement", "Funding agreement", (
    PERSON_STEP,
    Step("bodies", "Who is paying", (
        organisation("responsible_la", "Responsible council"),
        organisation("responsible_icb", "Responsible ICB"),
        text("plan_reference", "Aftercare plan reference"),
    )),
    Step("dates", "Dates", (
        date("agreed_on", "Date of the agreement"),
        date("effective_from", "Charges start on"),
    )),
    Step("services", "Services and costs", (
        repeat(
            "services", "Services", "Service",
            hidden("id", "Service id"),
            area("description", "Describe the service"),
            money("weekly_cost_pence", "Weekly cost"),
            number("health_share_percent", "Health share (percent)",
                   "Only for a needs-matrix split: 0 to 100"),
            new_item=next_id("S"),
        ),
    )),
    Step("split", "How the cost is split", (
        radios("basis", "Basis of the split", v.FUNDING_BASES),
        group(
            "split", "The split (leave blank for a needs matrix)",
            number("local_authority_percent", "Council percent"),
            number("icb_percent", "ICB percent"),
        ),
    )),
    Step("retrospective", "Backdating and panel", (
        group(
            "retrospective", "Charges before the agreement date (only if backdated)",
            date("charges_from", "Charges start on"),
            date("notified_on", "Written notification sent on"),
            date("acknowledged_on", "Written acknowledgement received on"),
        ),
        group(
            "panel", "Panel ratification (where the policy needs it)",
            date("date", "Panel date"),
            radios("outcome", "Outcome", v.PANEL_OUTCOMES),
        ),
    )),
))

LEAVE = Journey("leave_funding_agreement", "Section 17 leave funding agreement", (
    PERSON_STEP,
    Step("detention", "The detention", (
        group("detention", "The detention the leave is from", *DETENTION_SUMMARY,
              nullable=False),
    )),
    Step("leave", "The leave", (
        group(
            "leave", "The leave",
            date("start_date", "Leave starts on"),
            date("end_date", "Leave ends on"),
            text("destination", "Where the person will stay"),
            radios("destination_type", "Type of place", v.LEAVE_DESTINATION_TYPES),
            yes_no("intended_long_term_placement", "Meant to be the long-term placement?"),
            yes_no("expected_to_result_in_discharge", "Expected to lead to discharge?"),
            money("weekly_cost_pence", "Weekly cost"),
            nullable=False,
        ),
    )),
    Step("funding", "Funding and who was told", (
        radios("funder", "Who funds the leave", v.LEAVE_FUNDERS),
        group(
            "prior_agreement", "Agreement made before the leave",
            date("agreed_on", "Agreed on"),
            yes_no("placement_suitable", "Was the placement agreed to be suitable?"),
        ),
        date("council_informed_on", "Council told on"),
        date("icb_informed_on", "ICB told on"),
    )),
))
