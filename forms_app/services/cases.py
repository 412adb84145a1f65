"""Changes to a case after registration: its responsible bodies, from the calculator.

    record_responsible_bodies(case, user)   # the latest signed-off responsibility statement

A case's responsible council and ICB decide who sees it and who signs for it. They change
only by this use case: a register keeper records what the responsibility calculator
decided in a signed-off responsibility statement (RESP, W 4.3-4.4), and the change and the
rule that decided it are audited.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from forms_app.models import Case, Organisation, User
from forms_app.services.errors import InvalidData
from forms_app.services.prefill import responsibility
from forms_app.store import audit
from forms_app.store.db import db


def record_responsible_bodies(case: Case, user: User) -> Case:
    """Set the case's council and ICB to the calculator's answer; InvalidData when there is
    no signed-off statement, it agrees already, or it names a body this service lacks."""
    answer = responsibility(case)
    if answer["source"] != "calculator":
        raise InvalidData({"case": ["No signed-off responsibility statement for this case."]})
    if answer["matches_case"]:
        raise InvalidData({"case": ["The case already records these bodies."]})
    council = _organisation(answer["local_authority"], "local_authority")
    icb = _organisation(answer["icb"], "icb")
    before = {"council": case.responsible_council.code, "icb": case.responsible_icb.code}
    case.responsible_council, case.responsible_icb = council, icb
    audit.record("case.update", user=user, record_type="case", record_id=case.id,
                  person_id=case.person_id, details={
                      "responsible_bodies": {"from": before,
                                             "to": {"council": council.code, "icb": icb.code}},
                      "rules": [answer["local_authority"]["rule"], answer["icb"]["rule"]],
                      "statement": answer["record"].id})
    db.session.flush()
    return case


def _organisation(side: dict[str, Any], kind: str) -> Organisation:
    named = side.get("organisation") or {}
    found = db.session.scalar(select(Organisation).where(
        Organisation.code == named.get("code"), Organisation.type == kind))
    if found is None:
        raise InvalidData({kind: [f"{named.get('name') or named.get('code')} is not an "
                                  "organisation of this service: ask an administrator to add "
                                  "it first."]})
    return found
