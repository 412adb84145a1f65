"""Between a step's form values and the kind's JSON shape.

``form_values(step, data)`` gives the nested dict a step's form is filled with;
``apply(step, values, data)`` writes a submitted step back into a copy of the form JSON,
leaving every key the step does not hold untouched.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from forms_app.web.forms.codecs import decode, encode
from forms_app.web.forms.spec import Element, Group, Leaf, Repeat, Step


def get_path(data: Any, path: str) -> Any:
    """The value at a ``/``-separated path, or None where any part is missing."""
    node = data
    for key in path.split("/"):
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a value, creating objects on the way (a null on the way becomes an object)."""
    keys = path.split("/")
    node = data
    for key in keys[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    node[keys[-1]] = value


def form_values(step: Step, data: dict[str, Any]) -> dict[str, Any]:
    """The values to fill a step's form with."""
    return _values(step.elements, data)


def _values(elements: Iterable[Element], data: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for element in elements:
        value = get_path(data, element.path)
        if isinstance(element, Leaf):
            out[element.name] = encode(element, value)
        elif isinstance(element, Group):
            out[element.name] = _values(element.children, value or {})
        else:
            items = value if isinstance(value, list) else []
            out[element.name] = [
                _values(element.children, item if isinstance(item, dict) else {})
                for item in items
            ]
    return out


def apply(step: Step, values: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``data`` with the step's answers written in."""
    result = copy.deepcopy(data)
    _apply(step.elements, values, result)
    return result


def _apply(elements: Iterable[Element], values: dict[str, Any], target: dict[str, Any]) -> None:
    for element in elements:
        submitted = values.get(element.name)
        if isinstance(element, Leaf):
            set_path(target, element.path, decode(element, submitted))
        elif isinstance(element, Group):
            set_path(target, element.path, _group(element, submitted or {}, target))
        else:
            set_path(target, element.path, _repeat(element, submitted or [], target))


def _group(element: Group, submitted: dict[str, Any], target: dict[str, Any]) -> Any:
    existing = get_path(target, element.path)
    node = copy.deepcopy(existing) if isinstance(existing, dict) else {}
    _apply(element.children, submitted, node)
    if element.nullable and _blank(element.children, node):
        return None
    return node


def _repeat(element: Repeat, submitted: list[Any], target: dict[str, Any]) -> list[Any]:
    existing = get_path(target, element.path)
    old = existing if isinstance(existing, list) else []
    items = []
    for index, entry in enumerate(submitted):
        kept = old[index] if index < len(old) else None
        item = copy.deepcopy(kept) if isinstance(kept, dict) else {}
        _apply(element.children, entry or {}, item)
        items.append(item)
    return items


def _blank(elements: Iterable[Element], node: dict[str, Any]) -> bool:
    """No answer anywhere in a group (an unanswered yes/no is blank, a "No" is not)."""
    for element in elements:
        value = get_path(node, element.path)
        if isinstance(element, Leaf) and element.kind == "hidden":
            continue
        if value not in (None, "", [], {}):
            return False
    return True


def add_item(repeat: Repeat, data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the form with one new item at the end of a repeating list."""
    result = copy.deepcopy(data)
    items = get_path(result, repeat.path)
    items = items if isinstance(items, list) else []
    set_path(result, repeat.path, [*items, repeat.new_item(items)])
    return result


def remove_item(repeat: Repeat, index: int, data: dict[str, Any]) -> dict[str, Any]:
    """A copy of the form without the item at ``index`` (an index out of range is ignored)."""
    result = copy.deepcopy(data)
    items = get_path(result, repeat.path)
    if isinstance(items, list) and 0 <= index < len(items):
        set_path(result, repeat.path, items[:index] + items[index + 1:])
    return result
