"""REVIEW — scheduled and unscheduled reviews of the aftercare plan (W 14.1; H)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from forms_app.policy.dates import add_months, long_date
from forms_app.policy.findings import Finding
from forms_app.policy.packs import Pack
from forms_app.policy.rules.base import Context, check, entries, ptr
from forms_app.policy.rules.plan import plan_of

_REVIEW_WORDS = {"discharge_considered": "discharge from s117 is being considered",
                 "moved_area": "the person moved to another area",
                 "needs_not_met": "the plan is not meeting the person's needs",
                 "person_request": "the person or their representative asked for it"}


def review_dates(plan: dict[str, Any] | Any, pack: Pack) -> tuple[date | None, date | None]:
    """(first_review_due, next_review_due) for a plan under the pack's review months.

    The first review is due ``first_within_months`` calendar months after leaving hospital;
    after a review the next is due ``interval_months`` after it.
    """
    left, last = plan.get("left_hospital_on"), plan.get("last_review_date")
    first = add_months(left, pack.review.first_within_months) if left else None
    if last is not None:
        return first, add_months(last, pack.review.interval_months)
    return first, first


def review_computed(ctx: Context) -> dict[str, str | None]:
    first, nxt = review_dates(plan_of(ctx), ctx.pack)
    return {"first_review_due": first.isoformat() if first else None,
            "next_review_due": nxt.isoformat() if nxt else None}


@check("REVIEW-01", "aftercare_plan")
def first_review_in_time(ctx: Context) -> Iterator[Finding]:
    plan = plan_of(ctx)
    first, _ = review_dates(plan, ctx.pack)
    if first is None or plan.get("last_review_date") is not None:
        return
    months = ctx.pack.review.first_within_months
    scheduled = plan.get("next_review_date")
    if scheduled is None:
        yield ctx.finding("REVIEW-01", "/plan/next_review_date",
                          f"Book {ctx.name}'s first review: it is due by {long_date(first)}, "
                          f"within {months} months of leaving hospital.")
    elif scheduled > first:
        yield ctx.finding("REVIEW-01", "/plan/next_review_date",
                          f"{ctx.name}'s first review is booked for {long_date(scheduled)}, but it "
                          f"must be within {months} months of leaving hospital: by "
                          f"{long_date(first)}.")


@check("REVIEW-02", "aftercare_plan")
def reviews_at_interval(ctx: Context) -> Iterator[Finding]:
    plan = plan_of(ctx)
    last = plan.get("last_review_date")
    if last is None:
        return
    due = add_months(last, ctx.pack.review.interval_months)
    scheduled = plan.get("next_review_date")
    gap = f"at least every {ctx.pack.review.interval_months} months"
    if scheduled is None:
        yield ctx.finding("REVIEW-02", "/plan/next_review_date",
                          f"Book {ctx.name}'s next review: reviews are {gap}, so it is due by "
                          f"{long_date(due)}.")
    elif scheduled > due:
        yield ctx.finding("REVIEW-02", "/plan/next_review_date",
                          f"The next review on {long_date(scheduled)} is more than "
                          f"{ctx.pack.review.interval_months} months after the last one on "
                          f"{long_date(last)}; reviews are {gap} (by {long_date(due)}).")


@check("REVIEW-03", "discharge_decision")
def discharge_needs_unscheduled_review(ctx: Context) -> Iterator[Finding]:
    review = ctx.data.get("review") or {}
    reason = _REVIEW_WORDS.get(review.get("type"), _REVIEW_WORDS["discharge_considered"])
    yield ctx.finding("REVIEW-03", "/review",
                      f"An unscheduled review of {ctx.name}'s plan is held whenever {reason}.")


@check("REVIEW-03", "register_entry")
def move_needs_unscheduled_review(ctx: Context) -> Iterator[Finding]:
    for i, event in entries(ctx.data, "events"):
        if event.get("type") == "moved_area":
            when = event.get("date")
            yield ctx.finding("REVIEW-03", ptr("events", i),
                              f"{ctx.name} moved to another area"
                              f"{' on ' + long_date(when) if when else ''}: hold an unscheduled "
                              "review of their aftercare plan.")
