"""NHS number check digit (Modulus 11, NHS Data Dictionary)."""

from __future__ import annotations

_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)


def is_valid(nhs_number: object) -> bool:
    """True for a 10-digit string whose last digit is the Modulus 11 check digit.

    Spaces are tolerated (people write "999 000 0018"); a remainder giving a check digit of
    10 means the number was never issued, so it is invalid.
    """
    if not isinstance(nhs_number, str):
        return False
    digits = nhs_number.replace(" ", "")
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], _WEIGHTS, strict=True))
    check = 11 - (total % 11)
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(digits[9])
