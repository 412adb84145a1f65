"""Discharge decision, dispute notice, change notice and register entry journeys."""

from __future__ import annotations

from forms_app.policy import vocabulary as v
from forms_app.web.forms.kinds.common import DETENTION_SUMMARY, PERSON_STEP, organisation
from forms_app.web.forms.spec import (
    Journey,
    Step,
    area,
    checkboxes,
    date,
    group,
    radios,
    repeat,
    select,
    text,
    yes_no,
)

DISCHARGE = Journey("discharge_decision", "Discharge from section 117 aftercare", (
    PERSON_STEP,
    Step("decision", "The decision and review", (
        date("decision_date", "Date of the decision"),
        yes_no("on_cto", "Is the person on a community treatment order?"),
        group("review", "The review that considered discharge",
              date("date", "Review date"), radios("type", "Type of review", v.REVIEW_TYPES)),
    )),
    Step("reasons", "Reasons", (
        area("rationale", "Why aftercare is no longer needed"),
        area("readmission_risk", "Why ending it will not put the person at risk of readmission"),
        checkboxes("grounds", "Grounds", v.DISCHARGE_GROUNDS),
        yes_no("other_services_considered", "Has eligibility for other services been considered?"),
        area("other_services", "Other services considered"),
    )),
    Step("views", "Views", (
        yes_no("person_informed", "Was the person (or their representative) informed?"),
        yes_no("person_involved", "Was the person involved in the decision?"),
        radios("person_view", "The person's view", v.PERSON_VIEWS),
        radios("representative_view", "The representative's view", v.PERSON_VIEWS),
        radios("la_view", "The council's view", v.BODY_VIEWS),
        radios("health_view", "The health side's view", v.BODY_VIEWS),
    )),
    Step("panel", "Panel", (
        group("panel", "Section 117 panel review (where views differ)",
              date("date", "Panel date"), radios("outcome", "Outcome", v.PANEL_OUTCOMES)),
    )),
))

DISPUTE = Journey("dispute_notice", "Dispute notice", (
    PERSON_STEP,
    Step("dispute", "The dispute", (
        radios("dispute_type", "Type of dispute", v.DISPUTE_TYPES),
        organisation("raised_by", "Raised by"),
        repeat("raised_against", "Raised against", "Organisation",
               text("code", "Code", width=10), text("name", "Name"),
               select("type", "Type", v.ORGANISATION_TYPES)),
        date("raised_on", "Raised on"),
        area("grounds", "Grounds"),
    )),
    Step("interim", "While it is resolved", (
        yes_no("care_continues", "Does the person's care continue meanwhile?"),
        group(
            "interim", "Interim arrangement",
            organisation("lead", "Interim lead"),
            radios("funding", "Interim funding", v.INTERIM_FUNDING),
            organisation("currently_meeting_needs", "Body meeting the needs on the day it arose"),
            organisation("person_present_in", "Area where the person lives or is present"),
        ),
        radios("escalation_stage", "Escalation stage", v.ESCALATION_STAGES),
    )),
))

CHANGE = Journey("change_notice", "Change notice", (
    PERSON_STEP,
    Step("change", "The change", (
        organisation("issued_by", "Issued by"),
        date("issued_on", "Date of the notice"),
        group(
            "change", "The proposed change",
            radios("type", "Type of change", v.CHANGE_TYPES),
            area("description", "Describe the change"),
            area("current_arrangement", "Current arrangement"),
            area("proposed_arrangement", "Proposed arrangement"),
            date("proposed_effective_date", "Proposed effective date"),
            nullable=False,
        ),
    )),
    Step("consultation", "Review and consultation", (
        group("joint_review", "Joint review of the person's needs",
              date("date", "Review date"), text("reference", "Reference")),
        group("other_party_consulted", "Consultation with the other commissioner",
              organisation("organisation", "Other commissioner"),
              date("date", "Consulted on"), yes_no("agrees", "Do they agree?")),
        text("dispute_reference", "Dispute reference (where they disagree)"),
    )),
    Step("format", "The letter", (
        radios("format", "Format of the letter to the person", v.FORMATS,
               "Use the format recorded for the person"),
    )),
))

REGISTER = Journey("register_entry", "Register entry", (
    PERSON_STEP,
    Step("detention", "Qualifying detention and responsible bodies", (
        group("qualifying_detention", "Qualifying detention", *DETENTION_SUMMARY),
        organisation("responsible_la", "Responsible council"),
        organisation("responsible_icb", "Responsible ICB"),
    )),
    Step("status", "Status", (
        radios("status", "Status", v.REGISTER_STATUSES),
        date("ended_on", "Date section 117 ended (if it has)"),
        group("delegation", "Delegation to another area (if any)",
              organisation("to", "Delegated to"), area("what", "What is delegated"),
              yes_no("agreed_in_writing", "Agreed in writing?"), date("agreed_on", "Agreed on")),
    )),
    Step("events", "Events", (
        repeat(
            "events", "Events", "Event",
            select("type", "Event", v.REGISTER_EVENT_TYPES),
            date("date", "Date of the event"),
            date("notice_received_on", "Notice received on"),
            date("recorded_on", "Recorded on"),
            organisation("to", "New responsible body (transfers only)"),
            area("note", "Note"),
        ),
    )),
))
