"""Check a document PDF: its signature, whether it changed after signing, and what it says.

The trust root is given explicitly (the deployment's certificate; the development
identity is self-signed), never fetched: verification works offline.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
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
LOGGER = logging.getLogger(__name__)


# What each outcome means, in the words ``s117 verify`` prints.
MESSAGES = {
    "valid": "Signature valid: the document has not changed since it was signed.",
    "not_signed": "The PDF is not signed: it is a draft or a copy, not a signed-off record.",
    "changed_after_signing": "Signature invalid: the file was changed after it was signed. "
                             "Do not rely on this copy.",
    "content_added": "Signature invalid for the whole file: content was added after it was "
                     "signed. Do not rely on this copy.",
    "signature_invalid": "Signature invalid: the signature is damaged or does not match the "
                         "file, so the file may have been changed after it was signed. Do not "
                         "rely on this copy.",
    "untrusted": "The signature matches the file, but its certificate is not one trusted "
                 "here, so who signed it cannot be confirmed.",
    "unreadable": "Not a readable PDF: the file is damaged.",
}


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of checking a PDF.

    ``signatories``, ``fingerprint``, ``signed_at``, ``signer`` and ``docx_sha256`` are
    filled only when the signature is valid and trusted; otherwise whatever the file claims
    is kept apart in ``unverified`` (a changed file can claim anything).
    """

    status: str
    signed: bool
    intact: bool
    valid: bool
    signatories: list[str] = field(default_factory=list)
    fingerprint: str | None = None
    signed_at: str | None = None
    signer: str | None = None
    docx_sha256: str | None = None  # the embedded Word version, to compare with the store
    unverified: dict[str, Any] = field(default_factory=dict)
    # Why a signature could not be read (an ASN.1 parse error, say): for logs and support
    # staff, never printed as the answer.
    technical_detail: str | None = None

    @property
    def message(self) -> str:
        return MESSAGES[self.status]

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"status": self.status, "signed": self.signed,
                               "intact": self.intact, "valid": self.valid,
                               "message": self.message}
        if self.valid:
            out.update(signatories=self.signatories, fingerprint=self.fingerprint,
                       signed_at=self.signed_at, signer=self.signer,
                       docx_sha256=self.docx_sha256)
        else:
            out["unverified"] = self.unverified
        return out


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


def _claims(info: dict[str, str]) -> dict[str, Any]:
    """What the file says about itself, unchecked: signatories and fingerprint."""
    signatories = [s for s in (info.get("signatories") or "").split("; ") if s]
    return {"signatories": signatories, "fingerprint": info.get("fingerprint")}


def _outcome(status: PdfSignatureStatus) -> str:
    whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    if not status.intact:
        return "changed_after_signing"
    if not whole:
        return "content_added"
    if not status.valid:
        return "signature_invalid"
    return "valid" if status.trusted else "untrusted"


def _status_report(status: PdfSignatureStatus, info: dict[str, str], pdf: bytes) -> VerifyReport:
    outcome = _outcome(status)
    when = status.signer_reported_dt
    signed_at = when.astimezone(dt.UTC).isoformat() if when else None
    signer = status.signing_cert.subject.human_friendly if status.signing_cert else None
    intact = outcome in ("valid", "untrusted")
    docx = embedded_docx(pdf) if intact else None
    docx_sha256 = sha256_hex(docx) if docx else None
    if outcome != "valid":
        claims = {**_claims(info), "signed_at": signed_at, "signer": signer,
                  "docx_sha256": docx_sha256}
        return VerifyReport(outcome, True, intact, False, unverified=claims)
    claims = _claims(info)
    return VerifyReport(outcome, True, True, True, claims["signatories"],
                        claims["fingerprint"], signed_at, signer, docx_sha256)


def _broken(status: str, pdf: bytes, info: dict[str, str], error: BaseException) -> VerifyReport:
    # A file that still carries a signature dictionary was signed, whatever broke since.
    signed = b"/ByteRange" in pdf
    outcome = "signature_invalid" if signed else status
    detail = f"{type(error).__name__}: {error}"[:500]
    LOGGER.info("s117 verify: %s (%s)", outcome, detail)
    return VerifyReport(outcome, signed, False, False, unverified=_claims(info),
                        technical_detail=detail)


def verify_pdf(pdf: bytes, trust_roots: Iterable[asn1_x509.Certificate] = ()) -> VerifyReport:
    """The signature's state; the document's fingerprint and signatories when it is valid."""
    info: dict[str, str] = {}
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        info = _info(reader)
        signatures = reader.embedded_signatures
    except Exception as error:  # a damaged file is an answer, not a crash
        return _broken("unreadable", pdf, info, error)
    if not signatures:
        return VerifyReport("not_signed", False, False, False, unverified=_claims(info))
    context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False)
    try:
        status = run_coroutine(async_validate_pdf_signature(signatures[-1], context))
    except Exception as error:
        return _broken("signature_invalid", pdf, info, error)
    return _status_report(status, info, pdf)


def embedded_docx(pdf: bytes) -> bytes | None:
    """The Word version embedded at signing, if any (signature coverage is the caller's check)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        for name, attached in document.attachments.items():
            if name.endswith(".docx"):
                return attached.get_file().read_bytes()
    return None
