"""Money in whole pence: apportionment that always adds up, and display."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction


def apportion(total_pence: int, weights: Sequence[int | Fraction]) -> list[int]:
    """Split ``total_pence`` in proportion to ``weights`` by the largest-remainder method.

    Every part is whole pence and the parts add up exactly to the total (FUND-08). Each part
    first gets the floor of its exact share; the pence left over go one each to the parts
    with the largest fractional remainders, a tie going to the earlier part — callers put
    the local authority first, so a tie goes to the council.
    """
    if total_pence < 0:
        raise ValueError("total_pence must not be negative")
    shares = [Fraction(w) for w in weights]
    if any(w < 0 for w in shares):
        raise ValueError("weights must not be negative")
    whole = sum(shares, Fraction(0))
    if whole == 0:
        if total_pence:
            raise ValueError("cannot apportion a non-zero total over zero weights")
        return [0] * len(shares)
    exact = [total_pence * w / whole for w in shares]
    parts = [int(x) for x in exact]  # floor: every share is non-negative
    left_over = total_pence - sum(parts)
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:left_over]:
        parts[i] += 1
    return parts


def format_gbp(pence: int) -> str:
    """Pence as pounds for people: 123456 -> "£1,234.56"; -150 -> "-£1.50"."""
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    return f"{sign}£{pounds:,}.{rest:02d}"
