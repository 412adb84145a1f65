"""Closed vocabularies of the form contract (contract.md "Closed vocabularies").

The marshmallow schemas import these tuples for their ``OneOf`` validators and the rules
import them for their checks, so a value list is written once.
"""

from __future__ import annotations

SECTIONS: tuple[str, ...] = (
    "2", "3", "4", "5(2)", "5(4)", "35", "36", "37", "38", "45A", "47", "48", "135", "136",
)
# ELIG-01: only these give a right to s117 aftercare (W 1.1, 3.3).
QUALIFYING_SECTIONS: tuple[str, ...] = ("3", "37", "45A", "47", "48")
NON_QUALIFYING_SECTIONS: tuple[str, ...] = tuple(
    s for s in SECTIONS if s not in QUALIFYING_SECTIONS
)

ORGANISATION_TYPES: tuple[str, ...] = ("local_authority", "icb", "trust", "nhs_england", "provider")
HOSPITAL_FUNDED_BY: tuple[str, ...] = ("icb", "nhs_england")
CAPACITY: tuple[str, ...] = ("has_capacity", "lacks_capacity", "not_assessed")
RIGHTS_COVERS: tuple[str, ...] = ("rights", "discharge_process", "complaints")
FORMATS: tuple[str, ...] = ("standard", "easy_read", "large_print", "braille", "audio", "bsl_video")
REPRESENTATIVE_ROLES: tuple[str, ...] = (
    "nearest_relative", "lpa_attorney", "deputy", "imca", "imha", "carer", "advocate",
)
OTHER_PLAN_TYPES: tuple[str, ...] = (
    "ehcp", "care_act_support_plan", "cpa", "chc", "child_in_need", "child_protection",
    "looked_after", "pathway_plan", "early_help",
)
# PLAN-04: the child plans whose applicability a plan for an under-18 must state.
CHILD_PLAN_TYPES: tuple[str, ...] = (
    "ehcp", "child_in_need", "child_protection", "looked_after", "pathway_plan",
)
NEED_DOMAINS: tuple[str, ...] = (
    "accommodation", "medication", "daily_living", "employment_education",
    "social_cultural_spiritual", "physical_health", "substance_use", "family_support",
    "finance", "risk_safety", "other",
)
FUNDING_ROUTES: tuple[str, ...] = ("s117", "care_act", "chc", "fnc", "universal", "self_funded")
DELIVERY: tuple[str, ...] = (
    "commissioned", "direct_payment", "personal_health_budget", "integrated_budget",
)
ACCOMMODATION_TYPES: tuple[str, ...] = (
    "specialist", "supported", "residential_care", "nursing_home", "general_needs",
)
TOP_UP_PAYERS: tuple[str, ...] = ("person", "third_party")
FUNDING_BASES: tuple[str, ...] = ("policy_default", "needs_matrix", "agreed_variation")
PANEL_OUTCOMES: tuple[str, ...] = ("ratified", "not_ratified", "deferred")
LEAVE_DESTINATION_TYPES: tuple[str, ...] = (
    "home", "family", "supported_accommodation", "residential_placement", "other",
)
LEAVE_FUNDERS: tuple[str, ...] = ("icb", "local_authority", "joint")
DISCHARGE_GROUNDS_VALID: tuple[str, ...] = (
    "needs_met_without_aftercare", "needs_met_by_other_services",
    "moved_outside_england_and_wales", "other",
)
# DISCH-09 (W 16.9): never a sufficient reason on its own.
DISCHARGE_GROUNDS_PROHIBITED: tuple[str, ...] = (
    "refused_aftercare", "discharged_from_specialist_services", "time_elapsed",
    "deprived_of_liberty_mca", "may_return_to_hospital", "cto_or_leave_ended",
)
DISCHARGE_GROUNDS: tuple[str, ...] = DISCHARGE_GROUNDS_VALID + DISCHARGE_GROUNDS_PROHIBITED
PERSON_VIEWS: tuple[str, ...] = ("agrees", "objects", "not_known")
BODY_VIEWS: tuple[str, ...] = ("agree", "disagree")
REVIEW_TYPES: tuple[str, ...] = (
    "scheduled", "discharge_considered", "moved_area", "needs_not_met", "person_request",
)
DISPUTE_TYPES: tuple[str, ...] = (
    "la_ordinary_residence", "icb_responsibility", "funding_split", "discharge_objection",
)
INTERIM_FUNDING: tuple[str, ...] = ("continue_current", "joint_pending")
ESCALATION_STAGES: tuple[str, ...] = (
    "local", "director", "ics", "nhs_england_arbitration", "panel", "complaints", "ombudsman",
)
CHANGE_TYPES: tuple[str, ...] = (
    "funding_split", "service_reduction", "service_increase", "service_withdrawal",
    "provider_change", "funding_withdrawal",
)
REGISTER_STATUSES: tuple[str, ...] = ("detained", "on_leave", "aftercare", "ended", "transferred")
REGISTER_EVENT_TYPES: tuple[str, ...] = (
    "admitted", "on_leave", "left_hospital", "readmitted", "cto_started", "cto_ended",
    "moved_area", "responsibility_transferred", "s117_ended", "details_changed",
)
SIGNATURE_PARTIES: tuple[str, ...] = (
    "local_authority", "icb", "responsible_clinician", "named_practitioner", "issuer",
)
RESPONSIBILITY_EVENT_TYPES: tuple[str, ...] = (
    "detained", "left_hospital", "moved", "cto_started", "cto_ended", "s117_discharged",
    "care_placement", "accommodation_placement",
)
PLACED_UNDER: tuple[str, ...] = ("children_act_1989",)
RESPONSIBILITY_STATUSES: tuple[str, ...] = ("not_eligible", "detained", "aftercare", "ended")
KINDS: tuple[str, ...] = (
    "aftercare_plan", "funding_agreement", "leave_funding_agreement", "discharge_decision",
    "dispute_notice", "change_notice", "register_entry", "responsibility",
)
