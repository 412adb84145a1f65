"""Check a document PDF: its signature, whether it changed after signing, and what it says.

The trust root is given explicitly (the deployment's certificate; the development
identity is self-signed), never fetched: verification works offline.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator import ValidationContext

from forms_app.documents.fingerprint import sha256_hex
from forms_app.documents.signing import run_coroutine

INFO_PREFIX = "/s117"


@dataclass(frozen=True)
class VerifyReport:
    signed: bool
    intact: bool
    valid: bool
    signatories: list[str] = field(default_factory=list)
    fingerprint: str | None = None
    signed_at: str | None = None
    message: str = ""
    signer: str | None = None
    docx_sha256: str | None = None  # the embedded Word version, to compare with the store

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def load_certificates(paths: Iterable[str | Path]) -> list[asn1_x509.Certificate]:
    certificates = []
    for path in paths:
        data = Path(path).read_bytes()
        if pem.detect(data):
            data = pem.unarmor(data)[2]
        certificates.append(asn1_x509.Certificate.load(data))
    return certificates


def _info(reader: PdfFileReader) -> dict[str, str]:
    info = reader.trailer_view.get("/Info")
    if info is None:
        return {}
    info = info.get_object()
    return {str(k)[len(INFO_PREFIX):]: str(v) for k, v in info.items()
            if str(k).startswith(INFO_PREFIX)}


def _status_report(status: PdfSignatureStatus, info: dict[str, str]) -> VerifyReport:
    whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    intact = bool(status.intact) and whole
    valid = intact and bool(status.valid) and bool(status.trusted)
    when = status.signer_reported_dt
    if not status.intact:
        message = "The file was changed after it was signed: the signature no longer matches."
    elif not whole:
        message = "Content was added to the file after it was signed."
    elif not status.trusted:
        message = "The signature is intact but its certificate is not trusted here."
    else:
        message = "Signature valid: the document has not changed since it was signed."
    return VerifyReport(
        signed=True, intact=intact, valid=valid, signatories=_signatories(info),
        fingerprint=info.get("fingerprint"), message=message,
        signed_at=when.astimezone(dt.UTC).isoformat() if when else None,
        signer=status.signing_cert.subject.human_friendly if status.signing_cert else None)


def _signatories(info: dict[str, str]) -> list[str]:
    return [s for s in (info.get("signatories") or "").split("; ") if s]


def verify_pdf(pdf: bytes, trust_roots: Iterable[asn1_x509.Certificate] = ()) -> VerifyReport:
    """The signature's state and the document's fingerprint and signatories."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        info = _info(reader)
        signatures = reader.embedded_signatures
    except Exception as error:  # a damaged file is an answer, not a crash
        return VerifyReport(False, False, False, message="Not a readable PDF (damaged, or "
                            f"changed after it was made): {error}")
    if not signatures:
        return VerifyReport(False, False, False, _signatories(info), info.get("fingerprint"),
                            message="The PDF is not signed.")
    context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False)
    try:
        status = run_coroutine(async_validate_pdf_signature(signatures[-1], context))
    except Exception as error:
        return VerifyReport(True, False, False, _signatories(info), info.get("fingerprint"),
                            message=f"The file was changed after it was signed ({error}).")
    report = _status_report(status, info)
    docx = embedded_docx(pdf) if report.intact else None
    return replace(report, docx_sha256=sha256_hex(docx) if docx else None)


def embedded_docx(pdf: bytes) -> bytes | None:
    """The Word version embedded at signing, if any (signature coverage is the caller's check)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        for name, attached in document.attachments.items():
            if name.endswith(".docx"):
                return attached.get_file().read_bytes()
    return None
