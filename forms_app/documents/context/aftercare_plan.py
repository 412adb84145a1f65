"""Context for the aftercare plan (professional document, kind ``aftercare_plan``)."""

from __future__ import annotations

from typing import Any

from forms_app.documents.common import assemble, yes_no_field
from forms_app.documents.formatting import format_date, format_gbp, org_name, text, yes_no
from forms_app.documents.model import Section, field, section, table
from forms_app.documents.wording import label, section_label


def _detention(data: dict[str, Any]) -> Section:
    rows = [[section_label(d.get("section")), format_date(d.get("start_date")),
             format_date(d.get("end_date")), text(d.get("hospital")),
             org_name(d.get("ordinary_residence_la")), org_name(d.get("gp_practice_icb")),
             label("hospital_funded_by", d.get("hospital_funded_by"))]
            for d in data.get("detentions") or []]
    cto = data.get("cto")
    columns = ["Section", "From", "To", "Hospital", "Ordinarily resident in", "GP practice ICB",
               "Hospital funded by"]
    return section("Detention and responsibility", fields=[
        field("Responsible local authority", org_name(data.get("responsible_la"))),
        field("Responsible integrated care board", org_name(data.get("responsible_icb"))),
        field("Community treatment order", _cto(cto)),
    ], tables=[table("Detentions", columns, rows)])


def _cto(cto: Any) -> str:
    if not cto:
        return "Not on a community treatment order"
    if isinstance(cto, dict):
        dates = [f"{k.replace('_', ' ')}: {format_date(v) if 'date' in k else text(v)}"
                 for k, v in cto.items()]
        return "On a community treatment order (" + "; ".join(dates) + ")"
    return "On a community treatment order"


def _plan_dates(plan: dict[str, Any], computed: dict[str, Any]) -> Section:
    return section("Plan and reviews", fields=[
        field("Plan date", format_date(plan.get("plan_date"))),
        field("Left hospital on", format_date(plan.get("left_hospital_on"))),
        field("Last review", format_date(plan.get("last_review_date"))),
        field("Next review booked for", format_date(plan.get("next_review_date"))),
        field("First review due by", format_date(computed.get("first_review_due"))),
        field("Next review due by", format_date(computed.get("next_review_due"))),
    ])


def _practitioner(plan: dict[str, Any]) -> Section:
    named = plan.get("named_practitioner") or {}
    return section("Named practitioner", fields=[
        field("Name", text(named.get("name"))), field("Role", text(named.get("role"))),
        field("Organisation", org_name(named.get("organisation"))),
        field("Telephone", text(named.get("phone"))), field("Email", text(named.get("email"))),
    ])


def _views(plan: dict[str, Any]) -> Section:
    return section("The person's views, capacity and advocacy", fields=[
        field("The person's views", text(plan.get("person_views"))),
        yes_no_field("The person agrees with the plan", plan.get("person_agrees")),
        field("Explanation given where the plan differs from their wishes",
              text(plan.get("disagreement_explanation"))),
        field("Capacity", label("capacity", plan.get("capacity"))),
        field("Best-interests record", text(plan.get("best_interests_record"))),
        yes_no_field("Told of the right to an IMHA", plan.get("imha_informed")),
        yes_no_field("IMCA involved", plan.get("imca_involved")),
    ])


def _rights(plan: dict[str, Any]) -> Section:
    info = plan.get("rights_information") or {}
    covers = ", ".join(label("covers", c) for c in info.get("covers") or []) or "Not recorded"
    return section("Information about rights", fields=[
        field("Given on", format_date(info.get("given_on"))),
        field("Format", label("format", info.get("format"))),
        field("Covers", covers),
    ])


def _needs(plan: dict[str, Any]) -> Section:
    rows = [[n["id"], label("domain", n.get("domain")), text(n.get("description")),
             yes_no(n.get("arises_from_mental_disorder")), yes_no(n.get("reduces_relapse_risk")),
             yes_no(n.get("s117"))] for n in plan.get("needs") or []]
    return section("Needs", tables=[table(
        "Assessed needs", ["ID", "Area", "Need", "Arises from the mental disorder",
                           "Reduces risk of readmission", "Section 117"], rows)])


def _services(plan: dict[str, Any]) -> Section:
    services = plan.get("services") or []
    rows = [[s["id"], text(s.get("description")), text(s.get("provider")),
             ", ".join(s.get("meets_needs") or []), label("funding_route", s.get("funding_route")),
             label("delivery", s.get("delivery")), yes_no(s.get("charged_to_person")),
             format_gbp(s.get("weekly_cost_pence"))] for s in services]
    total = sum(s.get("weekly_cost_pence") or 0 for s in services)
    s117 = sum(s.get("weekly_cost_pence") or 0 for s in services
               if s.get("funding_route") == "s117")
    tables = [table("Services and weekly costs",
                    ["ID", "Service", "Provider", "Meets needs", "Funding", "Delivery",
                     "Charged to the person", "Weekly cost"], rows, numeric=[7],
                    footer=["", "Total weekly cost", "", "", "", "", "", format_gbp(total)])]
    accommodation = [_accommodation_row(s) for s in services if s.get("accommodation")]
    if accommodation:
        tables.append(table("Accommodation", ["Service", "Type", "Permanent residential",
                                              "Free of charge stated", "Preferred by the person",
                                              "Top-up"], accommodation))
    paragraphs = [f"Section 117 services cost {format_gbp(s117)} a week and are free to the "
                  "person."]
    refused = [s["id"] for s in services if s.get("refused_by_person")]
    if refused:
        paragraphs.append(f"Refused by the person: {', '.join(refused)}. Refusing a service does "
                          "not end the entitlement; the named practitioner keeps in contact.")
    return section("Services", tables=tables, paragraphs=paragraphs)


def _accommodation_row(service: dict[str, Any]) -> list[str]:
    acc = service["accommodation"]
    top_up = acc.get("top_up")
    top_text = (f"{format_gbp(top_up.get('weekly_amount_pence'))} a week paid by the "
                f"{'person' if top_up.get('payer') == 'person' else 'third party'}; sustainable: "
                f"{yes_no(top_up.get('sustainable_for_likely_duration'))}" if top_up else "None")
    return [service["id"], label("accommodation_type", acc.get("type")),
            yes_no(acc.get("permanent_residential")), yes_no(acc.get("free_of_charge_stated")),
            yes_no(acc.get("preferred_by_person")), top_text]


def _other_plans(plan: dict[str, Any]) -> Section:
    rows = [[label("other_plan", p.get("type")), text(p.get("reference")), yes_no(p.get("applies"))]
            for p in plan.get("other_plans") or []]
    return section("Other plans", tables=[table("Other plans the person has",
                                                 ["Plan", "Reference", "Applies"], rows)])


def _child(child: dict[str, Any]) -> Section:
    return section("Child or young person", fields=[
        yes_no_field("Detention likely to last 12 weeks or more",
                     child.get("detention_likely_12_weeks_or_more")),
        field("Section 85 Children Act 1989 notification",
              format_date(child.get("s85_notified_on"))),
        yes_no_field("Has an EHCP", child.get("has_ehcp")),
        yes_no_field("EHCP local authority informed", child.get("ehcp_la_informed")),
    ])


def build(result: Any, signoff: Any, variant: str) -> dict[str, Any]:
    data, computed = result.data or {}, result.computed or {}
    plan = data.get("plan") or {}
    sections = [_detention(data), _plan_dates(plan, computed), _practitioner(plan),
                _views(plan), _rights(plan), _needs(plan), _services(plan), _other_plans(plan)]
    if plan.get("child"):
        sections.append(_child(plan["child"]))
    return assemble(result, signoff, document="aftercare_plan", title="Section 117 aftercare plan",
                    subtitle="Mental Health Act 1983, section 117",
                    parties=[data.get("responsible_la"), data.get("responsible_icb")],
                    sections=sections, dated=plan.get("plan_date"), variant=variant)
