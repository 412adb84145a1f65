"""Rule families. Importing this package registers every check with ``base``."""

from forms_app.policy.rules import (  # noqa: F401 - imported to register their checks
    chg,
    disch,
    disp,
    elig,
    fund,
    funding_maths,
    leave,
    plan,
    plan_services,
    reg,
    resp,
    review,
)
