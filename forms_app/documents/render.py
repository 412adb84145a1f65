"""``render(document, result, fmt, variant, signoff) -> bytes``: plain data in, bytes out.

No request, no database, no ORM object: the same call serves the command, a web request
and a pool of worker processes.
"""

from __future__ import annotations

from typing import Any, Literal

from forms_app.documents import registry
from forms_app.documents.docx import render_docx
from forms_app.documents.html import render_html

# Imported here, not lazily, so a process that renders documents checks the PDF engine
# (WeasyPrint >= 70, HarfBuzz subsetting) when it starts, not at its first PDF.
from forms_app.documents.pdf import html_to_pdf
from forms_app.documents.signoff import SignOff

Format = Literal["pdf", "docx", "html"]
FORMATS: tuple[str, ...] = ("pdf", "docx", "html")


def context(document: str, result: Any, variant: str | None = None,
            signoff: SignOff | None = None, fingerprint: str | None = None) -> dict[str, Any]:
    """The one context both the Word and the HTML/PDF versions are rendered from.

    ``variant`` None is the document's default for the form: "standard", or for the
    person's documents their recorded format (``registry.choose_variant``); the model's
    ``variant`` is the one produced. ``fingerprint`` (of the raw form, as stored) is printed
    on a draft; without it a draft shows the fingerprint of the checked data. A signed-off
    document prints its SignOff's.
    """
    registry.get(document, result.kind, variant)
    if result.data is None:
        raise ValueError("the form has SCHEMA errors: there is no data to render")
    chosen = registry.choose_variant(document, result.kind, result.data, variant).variant
    model = registry.get(document, result.kind, chosen).build(result, signoff, chosen)
    model["variant"] = chosen
    meta = model.get("meta")
    if fingerprint and signoff is None and isinstance(meta, dict):
        meta["fingerprint"] = fingerprint
        if str(meta.get("document_id", "")).startswith("DRAFT-"):
            meta["document_id"] = f"DRAFT-{fingerprint[:12].upper()}"
    return model


def render(document: str, result: Any, fmt: Format, variant: str | None = None,
           signoff: SignOff | None = None, *, fingerprint: str | None = None) -> bytes:
    """The document as PDF, DOCX or HTML bytes (``variant`` as in :func:`context`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    model = context(document, result, variant, signoff, fingerprint)
    if fmt == "docx":
        return render_docx(registry.get(document).docx_path(model["variant"]), model)
    html = render_html(registry.get(document).html, model)
    if fmt == "html":
        if "layout" in model:  # a person's document: one self-contained page (PERSON-DOCS)
            from forms_app.documents.person.standalone import standalone

            html = standalone(html)
        return html.encode("utf-8")
    return html_to_pdf(html)


def render_signed(document: str, result: Any, signoff: SignOff, identity: Any,
                  variant: str | None = None) -> tuple[bytes, bytes]:
    """A signed-off record's (PDF, DOCX): the PDF signed with the DOCX embedded in it.

    Store the exact bytes and their :func:`~forms_app.documents.fingerprint.sha256_hex`:
    rendering is not byte-for-byte repeatable, so verification never re-renders.
    """
    from forms_app.documents.signing import sign_pdf

    docx = render(document, result, "docx", variant, signoff)
    pdf = render(document, result, "pdf", variant, signoff)
    signed = sign_pdf(pdf, identity=identity, docx=docx, docx_name=f"{document}.docx",
                      reason=f"Signed off: document {signoff.document_id} v{signoff.version}")
    return signed, docx
