"""Document HTML from the document model: Jinja2, autoescaped, StrictUndefined.

Templates come only from ``templates/html/documents/``; user text reaches them only as
context values, so ``{{ 7*7 }}`` in a form is printed as typed, never evaluated.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from forms_app.documents.registry import HTML_DIR


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(HTML_DIR)), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False,
                       auto_reload=False)


def render_html(template: str, context: dict[str, Any]) -> str:
    return environment().get_template(template).render(**context)
