"""Web forms: one declarative journey per kind, generated WTForms, findings on fields.

``JOURNEYS[kind]`` is the journey of a kind a person completes in the browser.
"""

from __future__ import annotations

from forms_app.web.forms.kinds.aftercare_plan import JOURNEY as AFTERCARE_PLAN
from forms_app.web.forms.kinds.decisions import CHANGE, DISCHARGE, DISPUTE, REGISTER
from forms_app.web.forms.kinds.funding import FUNDING, LEAVE
from forms_app.web.forms.kinds.responsibility import JOURNEY as RESPONSIBILITY
from forms_app.web.forms.spec import Journey

JOURNEYS: dict[str, Journey] = {
    journey.kind: journey
    for journey in (AFTERCARE_PLAN, FUNDING, LEAVE, DISCHARGE, DISPUTE, CHANGE, REGISTER,
                    RESPONSIBILITY)
}

__all__ = ["JOURNEYS", "Journey"]
