"""Which documents exist, what each is built from, and which documents each kind yields.

A :class:`Document` names one document and holds

* ``build(result, signoff, variant) -> dict``: its ONE context builder (plain JSON-able data
  only; see ``model.py`` for the professional documents' shape),
* ``docx``: its Word template, relative to ``templates/docx/`` (``<name>.docx``; a
  ``<name>.<variant>.docx`` beside it is used for that variant when present),
* ``html``: its HTML template, relative to ``templates/html/documents/``,
* ``kinds`` and ``variants`` it supports,
* ``choose_variant`` (optional): the variant to produce when none is asked for; the person's
  documents use the format recorded for the person (see :func:`choose_variant`).

Names are stable: ``aftercare_plan``, ``funding_agreement``, ``leave_funding_agreement``,
``discharge_decision``, ``dispute_notice``, ``register_extract``, ``responsibility_statement``
(professional documents, built here) and ``rights_leaflet``, ``discharge_letter``,
``change_notice`` (person-facing, registered by ``forms_app.documents.person`` with
:func:`register` when that package is present).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCX_DIR = REPO_ROOT / "templates" / "docx"
HTML_DIR = REPO_ROOT / "templates" / "html" / "documents"
VARIANTS = ("standard", "easy_read", "large_print")

# contract.md kinds table: the documents each kind yields, the first being the default.
KIND_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "aftercare_plan": ("aftercare_plan", "rights_leaflet"),
    "funding_agreement": ("funding_agreement",),
    "leave_funding_agreement": ("leave_funding_agreement",),
    "discharge_decision": ("discharge_decision", "discharge_letter"),
    "dispute_notice": ("dispute_notice",),
    "change_notice": ("change_notice",),
    "register_entry": ("register_extract",),
    "responsibility": ("responsibility_statement",),
}

Builder = Callable[[Any, Any, str], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class VariantChoice:
    """The variant a render produces, and why.

    ``recorded`` is the person's recorded communication format where the document follows
    it (the Accessible Information Standard: the person's documents default to it);
    ``warnings`` are for the staff member producing the document (the command prints them).
    """

    variant: str
    recorded: str | None = None
    warnings: tuple[str, ...] = ()


Chooser = Callable[[Mapping[str, Any], str | None], VariantChoice]


class UnknownDocument(LookupError):  # noqa: N818 (the name WEB and PERSON-DOCS use)
    """No such document, or not one this kind yields, or not in this variant."""


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    build: Builder
    docx: str
    html: str
    kinds: tuple[str, ...]
    variants: tuple[str, ...] = ("standard", "large_print")
    # (form data, requested variant or None) -> the variant to produce; without one the
    # default is "standard" and a requested variant is produced as asked.
    choose_variant: Chooser | None = None

    def variant_for(self, data: Mapping[str, Any], requested: str | None) -> VariantChoice:
        if self.choose_variant is None:
            return VariantChoice(requested or "standard")
        return self.choose_variant(data, requested)

    def docx_path(self, variant: str) -> Path:
        base = DOCX_DIR / self.docx
        special = base.with_name(f"{base.stem}.{variant}{base.suffix}")
        return special if special.is_file() else base


_DOCUMENTS: dict[str, Document] = {}


def register(document: Document) -> None:
    """Add a document (PERSON-DOCS calls this for its three)."""
    _DOCUMENTS[document.name] = document


def documents_for_kind(kind: str) -> list[str]:
    """The documents a kind yields, per contract.md (first = the default)."""
    if kind not in KIND_DOCUMENTS:
        raise UnknownDocument(f"unknown kind {kind!r}")
    return list(KIND_DOCUMENTS[kind])


def get(name: str, kind: str | None = None, variant: str | None = "standard") -> Document:
    """The registered document, checked against the form's kind and the variant (None: the
    document's default for the form, see :meth:`Document.variant_for`)."""
    document = _DOCUMENTS.get(name)
    if document is None:
        raise UnknownDocument(f"unknown document {name!r}")
    if kind is not None and kind not in document.kinds:
        raise UnknownDocument(f"a {kind} form does not yield the {name} document")
    if variant is not None and variant not in document.variants:
        raise UnknownDocument(f"the {name} document has no {variant} variant "
                              f"(has: {', '.join(document.variants)})")
    return document


def choose_variant(name: str, kind: str, data: Mapping[str, Any],
                   requested: str | None = None) -> VariantChoice:
    """The variant to render ``name`` in for this form (``requested`` wins when given)."""
    choice = get(name, kind, requested).variant_for(data, requested)
    get(name, kind, choice.variant)
    return choice


def registered() -> list[str]:
    return sorted(_DOCUMENTS)


def _load_builtin() -> None:
    from forms_app.documents.context import PROFESSIONAL

    for document in PROFESSIONAL:
        register(document)
    if importlib.util.find_spec("forms_app.documents.person") is not None:
        importlib.import_module("forms_app.documents.person")


_load_builtin()
