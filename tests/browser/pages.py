"""Driving the journey pages in Chromium: sign in, fill a step from the JSON shape, axe."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from forms_app.web.forms import JOURNEYS
from forms_app.web.forms.binding import form_values
from forms_app.web.forms.spec import Element, Group, Leaf, Repeat, Step
from tests.factories import DEFAULT_PASSWORD

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Evaluated through the DevTools protocol, which the page's Content Security Policy does not
# govern: the tests run under the service's real CSP, so a page the CSP breaks fails them.
AXE_SOURCE = AXE.read_text(encoding="utf-8") if AXE.exists() else ""
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
VISITED: list[str] = []  # every page the journeys checked with axe (for the report)


def axe(page: Any) -> None:
    """No WCAG 2.2 A/AA violation on the page as it stands."""
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS)
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in result["violations"]
    ]
    VISITED.append(page.url)
    assert not problems, f"{page.url}:\n" + "\n".join(problems)


def goto(page: Any, url: str) -> None:
    page.goto(url)
    axe(page)


def sign_in(page: Any, base: str, email: str) -> None:
    goto(page, f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", DEFAULT_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/login" not in page.url, "sign-in refused"
    axe(page)


def click(page: Any, selector: str) -> None:
    """Click something that loads a new page, then check the new page."""
    with page.expect_navigation():
        page.click(selector)
    axe(page)


def fill_step(page: Any, step: Step, data: dict[str, Any]) -> None:
    """Make the step's items as many as the data's, then type every answer in."""
    values = form_values(step, data)
    for element in step.elements:
        if isinstance(element, Repeat):
            _add_items(page, element, len(values.get(element.name) or []))
    for leaf, name, value in leaves(step.elements, values):
        _leaf(page, leaf, name, value)


def _add_items(page: Any, repeat: Repeat, wanted: int) -> None:
    while page.locator(f"[name='remove'][value^='{repeat.name}-']").count() < wanted:
        click(page, f"#{repeat.name}-add")


def leaves(elements: tuple[Element, ...], values: dict[str, Any],
           prefix: str = "") -> Iterator[tuple[Leaf, str, Any]]:
    """``(leaf, field name, value)`` for every field of a step, items of repeats included."""
    for element in elements:
        name = f"{prefix}{element.name}"
        value = values.get(element.name)
        if isinstance(element, Leaf):
            yield element, name, value
        elif isinstance(element, Group):
            yield from leaves(element.children, value or {}, f"{name}-")
        else:
            for index, item in enumerate(value or []):
                yield from leaves(element.children, item, f"{name}-{index}-")


def _leaf(page: Any, leaf: Leaf, name: str, value: Any) -> None:
    if leaf.kind == "hidden":
        return
    if leaf.kind == "date":
        for part in ("day", "month", "year"):
            page.fill(f"#{name}-{part}", (value or {}).get(part, ""))
    elif leaf.kind in ("radios", "yes_no"):
        if value:
            page.check(f"input[name='{name}'][value='{value}']")
    elif leaf.kind == "checkboxes":
        boxes = page.locator(f"input[name='{name}']")
        for index in range(boxes.count()):
            box = boxes.nth(index)
            box.set_checked(box.get_attribute("value") in (value or []))
    elif leaf.kind == "select":
        page.select_option(f"#{name}", value or "")
    else:
        page.fill(f"#{name}", value or "")


def journey_steps(kind: str, data: dict[str, Any]) -> list[Step]:
    return JOURNEYS[kind].steps_for(data)
