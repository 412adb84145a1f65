"""WTForms classes generated from a step's elements (one class per step, built once).

Field validation is not done here: the marshmallow schema and the policy rules judge the
answers (check_form), so a form only carries values and the CSRF token.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, FieldList, Form, FormField, HiddenField, StringField, TextAreaField
from wtforms.fields import RadioField, SelectField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.utils import unset_value

from forms_app.web.forms.spec import Element, Group, Leaf, Repeat, Step

DATE_PARTS = ("day", "month", "year")


class DatePartsField(Field):
    """The NHS date input: three boxes (day, month, year) posted as ``name-day`` etc.

    ``data`` is ``{"day", "month", "year"}`` exactly as typed; codecs.decode makes it a date.
    """

    def process(self, formdata: Any, data: Any = unset_value, extra_filters: Any = None) -> None:
        self.process_errors = []
        self.object_data = data
        if formdata is not None:
            self.data = {part: formdata.get(f"{self.name}-{part}", "") for part in DATE_PARTS}
        elif isinstance(data, dict):
            self.data = {part: str(data.get(part) or "") for part in DATE_PARTS}
        else:
            self.data = dict.fromkeys(DATE_PARTS, "")


def _choice_kwargs(leaf: Leaf) -> dict[str, Any]:
    # Choices are rendered from the element; any posted value is kept for the schema to judge.
    return {"choices": [SelectChoice(c, c) for c in leaf.choices], "validate_choice": False}


def _leaf_field(leaf: Leaf) -> Field:
    if leaf.kind == "textarea":
        return TextAreaField(leaf.label)
    if leaf.kind == "date":
        return DatePartsField(leaf.label)
    if leaf.kind == "hidden":
        return HiddenField(leaf.label)
    if leaf.kind in ("yes_no", "radios"):
        return RadioField(leaf.label, **_choice_kwargs(leaf))
    if leaf.kind == "select":
        return SelectField(leaf.label, **_choice_kwargs(leaf))
    if leaf.kind == "checkboxes":
        return SelectMultipleField(leaf.label, **_choice_kwargs(leaf))
    return StringField(leaf.label)


def _fields(elements: tuple[Element, ...]) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for element in elements:
        if isinstance(element, Leaf):
            attrs[element.name] = _leaf_field(element)
        elif isinstance(element, Group):
            sub = type(f"{element.name}_group", (Form,), _fields(element.children))
            attrs[element.name] = FormField(sub, label=element.label)
        else:
            attrs[element.name] = FieldList(FormField(_item_class(element)), min_entries=0)
    return attrs


def _item_class(element: Repeat) -> type[Form]:
    # `present` makes every posted item visible even when all its boxes are left empty.
    attrs = {"present": HiddenField(default="1"), **_fields(element.children)}
    return type(f"{element.name}_item", (Form,), attrs)


@cache
def _step_class(kind: str, slug: str, step: Step) -> type[FlaskForm]:
    return type(f"{kind}_{slug}_form", (FlaskForm,), _fields(step.elements))


def form_class(kind: str, step: Step) -> type[FlaskForm]:
    """The FlaskForm class of one step of one kind."""
    return _step_class(kind, step.slug, step)


def item_values(values: dict[str, Any], step: Step) -> dict[str, Any]:
    """Form values for filling a form, with each repeat item marked present."""
    return _mark(step.elements, values)


def _mark(elements: tuple[Element, ...], values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for element in elements:
        if isinstance(element, Repeat):
            out[element.name] = [
                {"present": "1", **_mark(element.children, item)}
                for item in values.get(element.name, [])
            ]
        elif isinstance(element, Group):
            out[element.name] = _mark(element.children, values.get(element.name, {}))
    return out
