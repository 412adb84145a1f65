"""The person's history, from which the responsibility calculator names the council and ICB.

Each event is one item with every field an event may carry; `tidy_events` keeps only the
fields its type has in the contract (contract/schemas/responsibility.py), so an answer
left on the page for another type never becomes an unknown-field error.
"""

from __future__ import annotations

import copy
from typing import Any

from forms_app.contract.schemas.responsibility import EVENT_SCHEMAS
from forms_app.policy import vocabulary as v
from forms_app.web.forms.kinds.common import PERSON_STEP, organisation
from forms_app.web.forms.spec import (
    Journey,
    Step,
    date,
    radios,
    repeat,
    select,
    yes_no,
)

EVENT = (
    date("date", "Date of the event"),
    select("type", "What happened", v.RESPONSIBILITY_EVENT_TYPES),
    select("section", "Section (detentions only)", v.SECTIONS),
    organisation("ordinary_residence_la", "Council of ordinary residence",
                 "Detentions and moves: where the person was ordinarily resident. "
                 "Placements: the area of the placement"),
    organisation("gp_practice_icb", "ICB of the GP practice",
                 "Detentions and moves. Leave blank if not registered with a GP"),
    organisation("usual_residence_icb", "ICB of the area where the person usually lives",
                 "Detentions and moves, including no fixed abode"),
    radios("hospital_funded_by", "Who funds the hospital bed (detentions only)",
           v.HOSPITAL_FUNDED_BY),
    organisation("funding_icb", "Body paying for the bed (detentions only)",
                 "Before 1 September 2020: the body paying for the aftercare"),
    select("placed_under", "Placed under (children's care placements only)", v.PLACED_UNDER),
    organisation("placing_la", "Placing council (placements only)"),
    organisation("originating_icb", "Originating ICB at the time of the placement "
                 "(children's care placements only)"),
    yes_no("specified_accommodation", "Is it specified accommodation? "
           "(accommodation placements only)"),
)


def tidy_events(data: dict[str, Any]) -> dict[str, Any]:
    """Each event with only the fields its type carries (all of them for an unknown type)."""
    result = copy.deepcopy(data)
    events = result.get("events")
    if isinstance(events, list):
        result["events"] = [_tidy(event) for event in events]
    return result


def _tidy(event: Any) -> Any:
    schema = EVENT_SCHEMAS.get(event.get("type")) if isinstance(event, dict) else None
    if schema is None:
        return event
    allowed = set(schema().fields)
    return {key: value for key, value in event.items() if key in allowed}


JOURNEY = Journey("responsibility", "Responsible council and ICB", (
    PERSON_STEP,
    Step("history", "The person's history", (
        repeat("events", "Events, oldest first", "Event", *EVENT,
               hint="Every detention, leaving hospital, move, CTO, placement and discharge "
                    "from section 117. Fill in only the fields for that kind of event."),
    )),
    Step("as_of", "Date of the decision", (
        date("as_of", "Decide responsibility as on",
             "Leave blank for today. For example, 22 11 2026"),
    )),
), tidy=tidy_events)
