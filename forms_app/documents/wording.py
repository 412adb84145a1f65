"""Plain-English wording for the contract's closed vocabularies, as documents print them."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "format": {
        "standard": "Standard print", "easy_read": "Easy read", "large_print": "Large print",
        "braille": "Braille", "audio": "Audio", "bsl_video": "British Sign Language video",
    },
    "representative_role": {
        "nearest_relative": "Nearest relative", "lpa_attorney": "Lasting power of attorney",
        "deputy": "Court of Protection deputy", "imca": "Independent mental capacity advocate",
        "imha": "Independent mental health advocate", "carer": "Carer", "advocate": "Advocate",
    },
    "capacity": {
        "has_capacity": "Has capacity for care-planning decisions",
        "lacks_capacity": "Lacks capacity for care-planning decisions",
        "not_assessed": "Not assessed",
    },
    "covers": {
        "rights": "Section 117 rights", "discharge_process": "The discharge process",
        "complaints": "How to complain",
    },
    "other_plan": {
        "ehcp": "Education, health and care plan", "care_act_support_plan": "Care Act support plan",
        "cpa": "Care programme approach", "chc": "NHS Continuing Healthcare",
        "child_in_need": "Child in need plan", "child_protection": "Child protection plan",
        "looked_after": "Looked-after child care plan", "pathway_plan": "Pathway plan",
        "early_help": "Early help plan",
    },
    "domain": {
        "accommodation": "Accommodation", "medication": "Medication",
        "daily_living": "Daily living", "employment_education": "Employment and education",
        "social_cultural_spiritual": "Social, cultural and spiritual",
        "physical_health": "Physical health", "substance_use": "Substance use",
        "family_support": "Family support", "finance": "Finance",
        "risk_safety": "Risk and safety", "other": "Other",
    },
    "funding_route": {
        "s117": "Section 117 aftercare", "care_act": "Care Act 2014",
        "chc": "NHS Continuing Healthcare", "fnc": "NHS-funded nursing care",
        "universal": "Universal NHS service", "self_funded": "Self-funded",
    },
    "delivery": {
        "commissioned": "Commissioned", "direct_payment": "Direct payment",
        "personal_health_budget": "Personal health budget",
        "integrated_budget": "Integrated budget",
    },
    "accommodation_type": {
        "specialist": "Specialist", "supported": "Supported accommodation",
        "residential_care": "Residential care", "nursing_home": "Nursing home",
        "general_needs": "General-needs housing",
    },
    "basis": {
        "policy_default": "The policy's default split", "needs_matrix": "Needs matrix",
        "agreed_variation": "Agreed variation",
    },
    "panel_outcome": {"ratified": "Ratified", "not_ratified": "Not ratified",
                      "deferred": "Deferred"},
    "destination_type": {
        "home": "Home", "family": "Family", "supported_accommodation": "Supported accommodation",
        "residential_placement": "Residential placement", "other": "Other",
    },
    "funder": {"icb": "The integrated care board", "local_authority": "The local authority",
               "joint": "Jointly"},
    "grounds": {
        "needs_met_without_aftercare": "Needs are met without aftercare services",
        "needs_met_by_other_services": "Needs are met by other services",
        "moved_outside_england_and_wales": "Moved outside England and Wales",
        "other": "Other",
        "refused_aftercare": "The person refuses the aftercare plan",
        "discharged_from_specialist_services": "Discharged from specialist mental health services",
        "time_elapsed": "A set time has passed",
        "deprived_of_liberty_mca": "Deprived of liberty under the Mental Capacity Act 2005",
        "may_return_to_hospital": "May return to hospital",
        "cto_or_leave_ended": "No longer on a CTO or section 17 leave",
    },
    "person_view": {"agrees": "Agrees", "objects": "Objects", "not_known": "Not known"},
    "body_view": {"agree": "Agrees", "disagree": "Disagrees"},
    "review_type": {
        "scheduled": "Scheduled review", "discharge_considered": "Discharge considered",
        "moved_area": "Moved area", "needs_not_met": "Needs not met",
        "person_request": "At the person's request",
    },
    "dispute_type": {
        "la_ordinary_residence": "Ordinary residence (between local authorities)",
        "icb_responsibility": "Responsibility between integrated care boards",
        "funding_split": "Funding split between council and ICB",
        "discharge_objection": "Objection to discharge from aftercare",
    },
    "interim_funding": {"continue_current": "Current funding continues",
                        "joint_pending": "Funded jointly until resolved"},
    "escalation_stage": {
        "local": "Local", "director": "Director", "ics": "Integrated care system",
        "nhs_england_arbitration": "NHS England arbitration", "panel": "Section 117 panel",
        "complaints": "Complaints procedure", "ombudsman": "Ombudsman",
    },
    "change_type": {
        "funding_split": "Change to the funding split", "service_reduction": "Service reduction",
        "service_increase": "Service increase", "service_withdrawal": "Service withdrawal",
        "provider_change": "Change of provider", "funding_withdrawal": "Funding withdrawal",
    },
    "register_status": {
        "detained": "Detained", "on_leave": "On section 17 leave",
        "aftercare": "Receiving aftercare",
        "ended": "Aftercare ended", "transferred": "Transferred",
    },
    "register_event": {
        "admitted": "Admitted", "on_leave": "Section 17 leave", "left_hospital": "Left hospital",
        "readmitted": "Readmitted", "cto_started": "CTO started", "cto_ended": "CTO ended",
        "moved_area": "Moved area", "responsibility_transferred": "Responsibility transferred",
        "s117_ended": "Section 117 aftercare ended", "details_changed": "Details changed",
    },
    "responsibility_event": {
        "detained": "Detained", "left_hospital": "Left hospital", "moved": "Moved",
        "cto_started": "CTO started", "cto_ended": "CTO ended",
        "s117_discharged": "Discharged from section 117 aftercare",
        "care_placement": "Care placement (Children Act 1989)",
        "accommodation_placement": "Accommodation placement",
    },
    "responsibility_status": {
        "not_eligible": "Not eligible", "detained": "Detained", "aftercare": "Receiving aftercare",
        "ended": "Aftercare ended",
    },
    "party": {
        "local_authority": "Local authority", "icb": "Integrated care board",
        "responsible_clinician": "Responsible clinician",
        "named_practitioner": "Named practitioner", "issuer": "Issuer",
    },
    "hospital_funded_by": {"icb": "Integrated care board", "nhs_england": "NHS England"},
}


def label(vocabulary: str, value: str | None) -> str:
    """The printed words for a vocabulary value; an unknown value is printed as given."""
    if value is None:
        return "Not recorded"
    return LABELS[vocabulary].get(value, value)


def section_label(section: str | None) -> str:
    return "Not recorded" if section is None else f"Section {section}"


# Words that keep their capital inside a sentence (proper nouns that open a label).
_PROPER = ("Court of Protection", "British", "Care Act", "Children Act", "Mental Health Act",
           "Mental Capacity Act")


def mid_sentence(words: str) -> str:
    """A label as it reads inside a sentence: "Nearest relative" -> "nearest relative",
    but "Court of Protection deputy" and "NHS-funded nursing care" keep their capitals."""
    if not words or words.startswith(_PROPER) or words[1:2].isupper():
        return words
    return words[0].lower() + words[1:]
