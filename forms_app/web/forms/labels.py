"""Words for codes: how a closed-vocabulary value reads on a page."""

from __future__ import annotations

import datetime as dt

from forms_app.policy.money import format_gbp

# Only what plain humanising gets wrong; everything else is "snake_case" -> "Snake case".
LABELS: dict[str, str] = {
    "icb": "ICB (integrated care board)",
    "nhs_england": "NHS England",
    "local_authority": "Local authority (council)",
    "trust": "NHS trust",
    "s117": "Section 117 aftercare",
    "care_act": "Care Act 2014",
    "chc": "NHS Continuing Healthcare",
    "fnc": "NHS-funded nursing care",
    "ehcp": "Education, health and care plan (EHCP)",
    "cpa": "Care programme approach (CPA)",
    "bsl_video": "British Sign Language video",
    "imca": "IMCA",
    "imha": "IMHA",
    "lpa_attorney": "Lasting power of attorney",
    "needs_matrix": "Needs matrix (health share per service)",
    "policy_default": "The policy's default split",
    "agreed_variation": "An agreed variation",
    "la_ordinary_residence": "Ordinary residence (between councils)",
    "icb_responsibility": "Responsibility between ICBs",
    "ics": "ICS director or executive",
    "nhs_england_arbitration": "NHS England arbitration",
    "deprived_of_liberty_mca": "Deprived of liberty under the Mental Capacity Act",
    "cto_or_leave_ended": "No longer on a CTO or section 17 leave",
    "cto_started": "CTO started",
    "cto_ended": "CTO ended",
    "s117_ended": "Section 117 ended",
    "yes": "Yes",
    "no": "No",
}


def label_for(code: str) -> str:
    """The words for a code (section numbers read "Section 3")."""
    if code in LABELS:
        return LABELS[code]
    if code[:1].isdigit():
        return f"Section {code}"
    return code.replace("_", " ").capitalize()


def format_date(value: str) -> str:
    """``18 March 2026`` for an ISO date; text that is not a date is shown as typed."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"


def format_money(pence: int) -> str:
    return format_gbp(pence)
