"""``s117 render`` and ``s117 verify`` (contract.md), registered into forms_app.cli.

Signing identity for the command: ``S117_SIGNING_KEY`` and ``S117_SIGNING_CERT`` (PEM
paths) when both are set; otherwise the development identity, a self-signed ECDSA P-256
pair created on first use in ``$S117_INSTANCE_PATH/signing/`` (default ``./instance``).
A complete form (no error findings, every signature its kind needs) renders as signed off,
and as a PDF it is signed with the DOCX embedded; anything else renders as a DRAFT.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pyHanko loads only when a command signs or verifies (s117 validate stays fast)
    from forms_app.documents.signing import SigningIdentity

SUFFIX_FORMATS = {".pdf": "pdf", ".docx": "docx", ".html": "html"}


def signing_identity(create: bool = True) -> SigningIdentity | None:
    from forms_app.documents.signing import SigningIdentity, ensure_dev_signing_identity

    key, cert = os.environ.get("S117_SIGNING_KEY"), os.environ.get("S117_SIGNING_CERT")
    if key and cert:
        return SigningIdentity(Path(key), Path(cert))
    instance = Path(os.environ.get("S117_INSTANCE_PATH", "instance"))
    if create:
        return ensure_dev_signing_identity(instance)
    dev = SigningIdentity(instance / "signing" / "key.pem", instance / "signing" / "cert.pem")
    return dev if dev.cert_path.is_file() else None


def write_atomically(path: Path, data: bytes) -> None:
    """Whole file or nothing: a temporary file in the same folder, then os.replace."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def register(subparsers: Any) -> None:
    render = subparsers.add_parser("render", help="write a form's document (PDF, DOCX, HTML)")
    render.add_argument("file", metavar="FILE", help="the form, as JSON")
    render.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="OUT.pdf, OUT.docx or OUT.html")
    render.add_argument("--document", metavar="NAME", help="default: the kind's first document")
    render.add_argument("--variant", default=None,
                        choices=("standard", "easy_read", "large_print"),
                        help="default: standard, or for the person's leaflet and letters the "
                             "format recorded for them")
    render.set_defaults(handler=run_render)
    verify = subparsers.add_parser("verify", help="check a document PDF's signature")
    verify.add_argument("file", metavar="FILE", help="a PDF made by s117 render")
    verify.set_defaults(handler=run_verify)


def _signed_off_on(data: dict[str, Any]) -> date | None:
    dates = [s["signed_on"] for s in data.get("signatures") or [] if s.get("signed_on")]
    return max(dates) if dates else None


def _checked_form(path: str) -> tuple[dict[str, Any], Any]:
    from forms_app.cli import CommandError, emit
    from forms_app.contract.check import check_form
    from forms_app.contract.jsonio import read_json_file

    raw = read_json_file(path)
    result = check_form(raw)
    if result.data is None:
        emit(result.as_json())
        raise CommandError(f"{path}: the form does not match the contract (SCHEMA)")
    return raw, result


def _document_and_variant(args: argparse.Namespace, kind: str,
                          data: dict[str, Any]) -> tuple[str, Any]:
    """The document to render and the variant to render it in (a registry.VariantChoice)."""
    from forms_app.cli import CommandError
    from forms_app.documents import registry

    name = args.document or registry.documents_for_kind(kind)[0]
    try:
        return name, registry.choose_variant(name, kind, data, args.variant)
    except registry.UnknownDocument as error:
        raise CommandError(str(error)) from None


def run_render(args: argparse.Namespace) -> int:
    from forms_app.cli import CommandError, emit
    from forms_app.documents.fingerprint import fingerprint, sha256_hex
    from forms_app.documents.render import render, render_signed
    from forms_app.documents.signoff import SignOff

    out = Path(args.output)
    fmt = SUFFIX_FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise CommandError(f"{out}: the output must end .pdf, .docx or .html")
    raw, result = _checked_form(args.file)
    name, choice = _document_and_variant(args, result.kind, result.data)
    print_ = fingerprint(raw)
    signoff = (SignOff(f"S117-{print_[:12].upper()}", 1, print_, _signed_off_on(result.data))
               if result.ready_for_signoff else None)
    signed = signoff is not None and fmt == "pdf"
    if signed:
        data, _ = render_signed(name, result, signoff, signing_identity(), choice.variant)
    else:
        data = render(name, result, fmt, choice.variant, signoff, fingerprint=print_)
    write_atomically(out, data)
    _warn(choice.warnings)
    emit({"document": name, "format": fmt, **_variant_report(choice), "output": str(out),
          "draft": signoff is None, "signed": signed, "fingerprint": print_,
          "sha256": sha256_hex(data)})
    return 0


def _warn(warnings: tuple[str, ...]) -> None:
    from forms_app.cli import say

    for warning in warnings:
        say(f"s117 render: {warning}")


def _variant_report(choice: Any) -> dict[str, Any]:
    """The variant actually produced, the person's recorded format (None for documents that
    do not follow it) and any warning about the two (Accessible Information Standard)."""
    return {"variant": choice.variant, "recorded_format": choice.recorded,
            "warnings": list(choice.warnings)}


def run_verify(args: argparse.Namespace) -> int:
    from forms_app.cli import CommandError, emit
    from forms_app.documents.verify import load_certificates, verify_pdf

    # pyHanko logs a full traceback for an untrusted certificate; the report says it in a line.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    try:
        pdf = Path(args.file).read_bytes()
    except OSError as error:
        raise CommandError(f"{args.file}: {error.strerror}") from None
    identity = signing_identity(create=False)
    roots = load_certificates([identity.cert_path]) if identity else []
    report = verify_pdf(pdf, roots)
    emit(report.as_json())
    if not report.valid:
        from forms_app.cli import say

        say(f"s117 verify: {report.message}")
    return 0 if report.valid else 1
