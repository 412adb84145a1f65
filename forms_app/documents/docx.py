"""Word documents from the document model with docxtpl.

docxtpl's default does not escape: a value with ``&`` or ``<`` is silently dropped or
injects Word XML runs. Every render here uses ``autoescape=True`` and a StrictUndefined
Jinja environment.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template


class _CompiledOnce(Environment):
    """docxtpl compiles each part's XML with ``from_string`` on every render; the patched
    XML of a template never changes, so compile each distinct source once per process."""

    @lru_cache(maxsize=64)  # noqa: B019 (one module-level environment, never freed anyway)
    def _compiled(self, source: str) -> Template:
        return super().from_string(source)

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is None and template_class is None and isinstance(source, str):
            return self._compiled(source)
        return super().from_string(source, globals, template_class)


# One environment: docxtpl sets ``autoescape`` on it again for each render (autoescape=True).
_ENV = _CompiledOnce(autoescape=True, undefined=StrictUndefined)


def _strip_control(value: Any) -> Any:
    """XML 1.0 forbids most C0 control characters; drop them rather than corrupt the file."""
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\t\n")
    if isinstance(value, dict):
        return {k: _strip_control(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip_control(v) for v in value]
    return value


def _person_pictures(document: DocxTemplate, context: dict[str, Any]) -> Any:
    """Person-facing documents carry pictures (PERSON-DOCS): PNG paths -> InlineImage + alt."""
    if context.get("document") not in {"rights_leaflet", "discharge_letter", "change_notice"}:
        return lambda: None
    from forms_app.documents.person.docx_pictures import add_pictures, describe_pictures

    alts = add_pictures(document, context)
    return lambda: describe_pictures(document, alts)


@lru_cache(maxsize=64)
def _patched(xml: str) -> str:
    # DocxTemplate.patch_xml is pure regex clean-up of the template's XML (it reads no
    # instance state), so the result for a given template part is computed once.
    return DocxTemplate.patch_xml(None, xml)  # type: ignore[arg-type]


class _Template(DocxTemplate):
    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml)


def render_docx(template: Path, context: dict[str, Any]) -> bytes:
    document = _Template(str(template))
    context = _strip_control(context)
    pictures = _person_pictures(document, context)
    document.render(context, jinja_env=_ENV, autoescape=True)
    pictures()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
