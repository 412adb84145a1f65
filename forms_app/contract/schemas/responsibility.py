"""``responsibility``: a person's history, from which the engine names the responsible
council and ICB (RESP). Each event's ``type`` picks its shape (contract.md table)."""

from __future__ import annotations

from forms_app.contract import fields as f
from forms_app.contract.fields import Tagged
from forms_app.contract.schemas.base import ContractSchema
from forms_app.contract.schemas.common import FormBase, Organisation
from forms_app.policy import vocabulary as v


def _event_schema(type_name: str, **extra: object) -> type[ContractSchema]:
    attrs = {"date": f.date(), "type": f.choice((type_name,)), **extra}
    name = "".join(part.title() for part in type_name.split("_")) + "Event"
    return type(name, (ContractSchema,), attrs)


def _org() -> object:
    return f.nested(Organisation, required=False)


EVENT_SCHEMAS: dict[str, type[ContractSchema]] = {
    "detained": _event_schema(
        "detained",
        section=f.choice(v.SECTIONS),
        ordinary_residence_la=_org(),
        gp_practice_icb=_org(),
        usual_residence_icb=_org(),
        hospital_funded_by=f.choice(v.HOSPITAL_FUNDED_BY, required=False),
        funding_icb=_org(),
    ),
    "left_hospital": _event_schema("left_hospital"),
    "moved": _event_schema(
        "moved",
        ordinary_residence_la=_org(),
        gp_practice_icb=_org(),
        usual_residence_icb=_org(),
    ),
    "cto_started": _event_schema("cto_started"),
    "cto_ended": _event_schema("cto_ended"),
    "s117_discharged": _event_schema("s117_discharged"),
    "care_placement": _event_schema(
        "care_placement",
        placed_under=f.choice(v.PLACED_UNDER),
        placing_la=_org(),
        originating_icb=_org(),
        ordinary_residence_la=_org(),
    ),
    "accommodation_placement": _event_schema(
        "accommodation_placement",
        placing_la=_org(),
        ordinary_residence_la=_org(),
        specified_accommodation=f.flag(),
    ),
}
assert tuple(EVENT_SCHEMAS) == v.RESPONSIBILITY_EVENT_TYPES


class Responsibility(FormBase):
    kind = f.choice(("responsibility",))
    as_of = f.date(required=False)
    events = f.ListOf(
        Tagged(EVENT_SCHEMAS),
        max_items=500,
        load_default=list,
        required=False,
        allow_none=True,
    )
