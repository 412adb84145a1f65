"""FUND-08 — the weekly split worked out to the penny (largest remainder, tie to the council)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from forms_app.policy.findings import Finding
from forms_app.policy.money import apportion
from forms_app.policy.packs import Split
from forms_app.policy.rules.base import Context, check, entries, ptr

_HUNDREDTHS_OF_PERCENT = 10_000  # 100.00 %


def form_split(data: Mapping[str, Any]) -> Split | None:
    split = data.get("split")
    if not split or None in (split.get("local_authority_percent"), split.get("icb_percent")):
        return None
    return Split(split["local_authority_percent"], split["icb_percent"])


def expected_split(ctx: Context) -> Split | None:
    """The pack's default split, or its historic split for records agreed before it ended."""
    f, agreed = ctx.pack.funding, ctx.data.get("agreed_on")
    historic = f.historic_split
    if historic and historic.before and agreed and agreed < historic.before:
        return Split(historic.local_authority_percent, historic.icb_percent)
    return f.default_split


def _costs(data: Mapping[str, Any]) -> list[tuple[int, int]]:
    """(weekly cost, health share) per service; a missing share counts as 0 (FUND-04 says so)."""
    rows = []
    for _, svc in entries(data, "services"):
        cost = max(svc.get("weekly_cost_pence") or 0, 0)
        share = min(max(svc.get("health_share_percent") or 0, 0), 100)
        rows.append((cost, share))
    return rows


def split_weights(ctx: Context) -> tuple[int, int] | None:
    """(council weight, ICB weight) for apportioning; None when no split can be worked out."""
    if ctx.data.get("basis") == "needs_matrix":
        rows = _costs(ctx.data)
        if sum(c for c, _ in rows) == 0:  # nothing costed: fall back to the plain shares
            rows = [(1, s) for _, s in rows]
        if not rows:
            return None
        return sum(c * (100 - s) for c, s in rows), sum(c * s for c, s in rows)
    split = form_split(ctx.data) or (expected_split(ctx) if ctx.data.get("basis") ==
                                     "policy_default" else None)
    if split is None or split.local_authority_percent + split.icb_percent != 100:
        return None
    return split.local_authority_percent, split.icb_percent


def funding_computed(ctx: Context) -> dict[str, Any]:
    total = sum(c for c, _ in _costs(ctx.data))
    out: dict[str, Any] = {"weekly_total_pence": total, "local_authority_weekly_pence": None,
                           "icb_weekly_pence": None, "local_authority_percent": None,
                           "icb_percent": None}
    weights = split_weights(ctx)
    if weights is None or sum(weights) == 0:
        return out
    la, icb = apportion(total, weights)
    # Percentages to 2 places by the same largest-remainder rule as the money (contract.md):
    # apportion 10,000 hundredths of a percent, a tie to the council, so they add up to 100
    # exactly and never depend on binary floating-point rounding (1.005 -> 1.01, not 1.0).
    la_hundredths, icb_hundredths = apportion(_HUNDREDTHS_OF_PERCENT, weights)
    out.update(local_authority_weekly_pence=la, icb_weekly_pence=icb,
               local_authority_percent=la_hundredths / 100, icb_percent=icb_hundredths / 100)
    return out


@check("FUND-08", "funding_agreement")
def whole_pence_and_percentages(ctx: Context) -> Iterator[Finding]:
    split = form_split(ctx.data)
    if split and split.local_authority_percent + split.icb_percent != 100:
        yield ctx.finding("FUND-08", "/split",
                          f"The split must add up to 100%: {split.local_authority_percent}% + "
                          f"{split.icb_percent}% = "
                          f"{split.local_authority_percent + split.icb_percent}%.")
    for i, svc in entries(ctx.data, "services"):
        cost = svc.get("weekly_cost_pence")
        if cost is not None and (not isinstance(cost, int) or cost < 0):
            yield ctx.finding("FUND-08", ptr("services", i, "weekly_cost_pence"),
                              "A weekly cost is a whole number of pence, zero or more.")
