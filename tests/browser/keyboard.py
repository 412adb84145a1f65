"""Filling a step with the keyboard only: Tab to each field, type, arrows, Space, Enter."""

from __future__ import annotations

from typing import Any

from forms_app.web.forms.binding import form_values
from forms_app.web.forms.spec import Leaf, Repeat, Step
from tests.browser.pages import axe, leaves

MAX_TABS = 250


def tab_to(page: Any, test: str, arg: Any) -> None:
    """Press Tab until ``test(activeElement, arg)`` (a JS arrow function) is true."""
    script = f"arg => {{ const el = document.activeElement; return ({test})(el, arg); }}"
    for _ in range(MAX_TABS):
        if page.evaluate(script, arg):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {arg!r}")


def tab_to_id(page: Any, element_id: str) -> None:
    tab_to(page, "(el, id) => el && el.id === id", element_id)


def press_enter_on(page: Any, element_id: str) -> None:
    """Tab to a button or link and press Enter; wait for the next page and check it."""
    tab_to_id(page, element_id)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    axe(page)


def type_into(page: Any, element_id: str, text: str) -> None:
    tab_to_id(page, element_id)
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    if text:
        page.keyboard.type(text)


def fill_step(page: Any, step: Step, data: dict[str, Any]) -> None:
    values = form_values(step, data)
    for element in step.elements:
        if isinstance(element, Repeat):
            while page.locator(f"[name='remove'][value^='{element.name}-']").count() < len(
                    values.get(element.name) or []):
                press_enter_on(page, f"{element.name}-add")
    for leaf, name, value in leaves(step.elements, values):
        _leaf(page, leaf, name, value)


def _leaf(page: Any, leaf: Leaf, name: str, value: Any) -> None:
    if leaf.kind == "hidden":
        return
    if leaf.kind == "date":
        for part in ("day", "month", "year"):
            type_into(page, f"{name}-{part}", (value or {}).get(part, ""))
    elif leaf.kind in ("radios", "yes_no"):
        if value:
            _radio(page, name, value)
    elif leaf.kind == "checkboxes":
        _checkboxes(page, name, value or [])
    elif leaf.kind == "select":
        _select(page, name, value or "")
    else:
        type_into(page, name, value or "")


def _radio(page: Any, name: str, value: str) -> None:
    """Tab into the group, then arrow keys until the wanted radio is checked."""
    tab_to(page, "(el, n) => el && el.name === n", name)
    for _ in range(20):
        if page.evaluate("() => document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
    if not page.evaluate("() => document.activeElement.checked"):
        page.keyboard.press("Space")  # the first radio of an unanswered group: select it
    assert page.evaluate("() => document.activeElement.checked"), f"{name} not chosen"


def _checkboxes(page: Any, name: str, wanted: list[str]) -> None:
    boxes = page.locator(f"input[name='{name}']")
    for index in range(boxes.count()):
        box = boxes.nth(index)
        tab_to_id(page, box.get_attribute("id"))
        if box.is_checked() != (box.get_attribute("value") in wanted):
            page.keyboard.press("Space")


def _select(page: Any, name: str, value: str) -> None:
    tab_to_id(page, name)
    page.keyboard.press("Home")
    for _ in range(40):
        if page.evaluate("() => document.activeElement.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{name}: no option {value!r}")
