"""What the person's documents need to know from a checked form, as plain values.

Dates may arrive as ``datetime.date`` (from ``CheckResult.data``) or ISO strings (from
``computed``); everything here accepts both. Review numbers come from the policy pack.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from forms_app.documents.person.i18n import Words
from forms_app.policy.packs import Pack, load_pack


def as_date(value: date | str | None) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def age_on(born: date | str | None, on: date | str | None) -> int | None:
    born, on = as_date(born), as_date(on)
    if born is None or on is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass(frozen=True)
class ReviewNumbers:
    """REVIEW-01/02 numbers of the form's pack (never written in code)."""

    first_within_months: int
    interval_months: int


def pack_for(policy: str) -> Pack:
    return load_pack(policy)


def review_numbers(policy: str) -> ReviewNumbers:
    review = pack_for(policy).review
    return ReviewNumbers(review.first_within_months, review.interval_months)


def council_and_icb(data: Mapping[str, Any], policy: str) -> tuple[str, str]:
    """The form's responsible bodies, else the pack's own council and ICB."""
    pack = pack_for(policy)
    council = (data.get("responsible_la") or {}).get("name") or pack.council.name
    icb = (data.get("responsible_icb") or {}).get("name") or pack.icb.name
    return council, icb


def next_review(plan: Mapping[str, Any], computed: Mapping[str, Any]) -> date | None:
    """The review date the plan sets, else the one the engine computed."""
    return (as_date(plan.get("next_review_date"))
            or as_date(computed.get("next_review_due"))
            or as_date(computed.get("first_review_due")))


def qualifying_section(data: Mapping[str, Any]) -> str | None:
    """The section of the latest detention (the one the aftercare follows)."""
    detentions = data.get("detentions") or []
    return detentions[-1].get("section") if detentions else None


def letter_head(words: Words, sender: str, dated: date | str | None, person: Mapping[str, Any],
                signatories: list[str], address: str = "") -> dict[str, str]:
    """Who the letter is from (and their postal address) and to, its date, greeting and
    signature lines."""
    _ = words.gettext
    full = " ".join(p for p in (person.get("given_name"), person.get("family_name")) if p)
    name = person.get("preferred_name") or person.get("given_name") or full
    return {
        "sender": sender,
        "address": address,
        "date": words.date(dated),
        "to": full,
        "greeting": _("Dear %(name)s,") % {"name": name},
        "closing": _("Yours sincerely,"),
        "signatory": ", ".join(s for s in signatories if s) or sender,
    }


# W 8.5: a proposed change is put to the person in writing before it happens, so what they
# say can still change it. The policy sets no period; we ask for a reply within REPLY_DAYS
# of the letter and always at least a day before the change starts. When the change starts
# the day after the letter (or the same day) there is no date left to give: the letter then
# asks them to get in touch as soon as they can.
REPLY_DAYS = 14


def reply_by(issued: date | str | None, effective: date | str | None) -> date | None:
    """The date the person is asked to reply by, never on or after the change starts."""
    issued, effective = as_date(issued), as_date(effective)
    if issued is None:
        return None
    due = issued + timedelta(days=REPLY_DAYS)
    if effective is not None:
        due = min(due, effective - timedelta(days=1))
    return due if due > issued else None
