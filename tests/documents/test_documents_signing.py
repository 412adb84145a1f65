"""A signed-off PDF carries the DOCX and one PAdES signature; any change is detected."""

from __future__ import annotations

from datetime import date

import pytest
from docs_helpers import load_example

from forms_app.documents.fingerprint import fingerprint, sha256_hex
from forms_app.documents.render import render_signed
from forms_app.documents.signing import ensure_dev_signing_identity
from forms_app.documents.signoff import SignOff
from forms_app.documents.verify import embedded_docx, load_certificates, verify_pdf


@pytest.fixture(scope="module")
def identity(tmp_path_factory):
    return ensure_dev_signing_identity(tmp_path_factory.mktemp("instance"))


@pytest.fixture(scope="module")
def signed(identity):
    from docs_helpers import check_form

    raw = load_example("funding_agreement.json")
    signoff = SignOff("S117-0001", 2, fingerprint(raw), date(2026, 3, 19))
    return render_signed("funding_agreement", check_form(raw), signoff, identity)


def test_dev_identity_created_once_with_private_key_mode_0600(identity) -> None:
    assert identity.key_path.stat().st_mode & 0o777 == 0o600
    again = ensure_dev_signing_identity(identity.key_path.parent.parent)
    assert again.cert_path.read_bytes() == identity.cert_path.read_bytes()


def test_signed_pdf_verifies_with_fingerprint_and_signatories(signed, identity) -> None:
    pdf, _ = signed
    report = verify_pdf(pdf, load_certificates([identity.cert_path]))
    assert report.signed
    assert report.intact, report.message
    assert report.valid, report.message
    assert report.fingerprint == fingerprint(load_example("funding_agreement.json"))
    assert any("Tom Reed" in s for s in report.signatories)
    assert any("Dr Ann Hale" in s for s in report.signatories)
    assert report.signed_at


def test_the_signature_covers_the_embedded_docx(signed, identity) -> None:
    pdf, docx = signed
    assert embedded_docx(pdf) == docx
    assert verify_pdf(pdf, load_certificates([identity.cert_path])).docx_sha256 == \
        sha256_hex(docx)
    assert sha256_hex(embedded_docx(pdf)) == sha256_hex(docx)


def _unverified_only(report) -> None:
    """A report that is not valid vouches for nothing: what the file claims is kept under
    ``unverified``, never where a valid report puts its fingerprint and signatories."""
    shown = report.as_json()
    assert not report.valid
    assert report.fingerprint is None
    assert report.signatories == []
    assert report.signed_at is None
    assert report.signer is None
    assert report.docx_sha256 is None
    for key in ("fingerprint", "signatories", "signed_at", "signer", "docx_sha256"):
        assert key not in shown
    assert "unverified" in shown


@pytest.mark.parametrize("where", [0.25, 0.5, 0.75])
def test_one_byte_changed_fails_verification(signed, identity, where) -> None:
    pdf, _ = signed
    changed = bytearray(pdf)
    changed[int(len(changed) * where)] ^= 0x01
    report = verify_pdf(bytes(changed), load_certificates([identity.cert_path]))
    assert not report.valid
    assert not report.intact
    assert report.message.startswith("Signature invalid")
    _unverified_only(report)


def _signature_bytes(pdf: bytes) -> int:
    """Where the hex of the CMS signature starts (the last /Contents <...> of the file)."""
    return pdf.rindex(b"/Contents <") + len(b"/Contents <")


@pytest.mark.parametrize(("offset", "damage"), [(2, b"00"), (200, b"0000000000")])
def test_damaged_signature_is_reported_in_plain_words(signed, identity, offset, damage) -> None:
    """A signature that no longer parses (an ASN.1 error inside pyHanko) or no longer
    matches is "signature invalid", in words; the file still counts as signed."""
    pdf = bytearray(signed[0])
    start = _signature_bytes(bytes(pdf)) + offset
    pdf[start:start + len(damage)] = damage
    report = verify_pdf(bytes(pdf), load_certificates([identity.cert_path]))
    assert report.status == "signature_invalid"
    assert report.signed
    assert not report.intact
    assert report.message.startswith("Signature invalid")
    for jargon in ("asn1", "ContentInfo", "Error", "parsing", "AdES"):
        assert jargon not in report.message
        assert jargon not in str(report.as_json())
    _unverified_only(report)
    assert report.unverified["fingerprint"] == fingerprint(load_example("funding_agreement.json"))


def test_content_appended_after_signing_is_reported(signed, identity) -> None:
    pdf, _ = signed
    report = verify_pdf(pdf + b"\n% appended\n", load_certificates([identity.cert_path]))
    assert not report.valid
    assert "after it was signed" in report.message
    _unverified_only(report)


def test_untrusted_certificate_is_not_valid(signed) -> None:
    report = verify_pdf(signed[0], [])
    assert report.intact
    assert report.status == "untrusted"
    _unverified_only(report)
    assert any("Tom Reed" in s for s in report.unverified["signatories"])


def test_unsigned_pdf_reports_not_signed() -> None:
    from docs_helpers import check_form

    from forms_app.documents.render import render

    pdf = render("dispute_notice", check_form(load_example("dispute_notice.json")), "pdf")
    report = verify_pdf(pdf)
    assert report.status == "not_signed"
    assert not report.signed
    _unverified_only(report)
    assert report.unverified["fingerprint"]


def test_unreadable_file_is_not_a_crash() -> None:
    report = verify_pdf(b"%PDF-1.7\nnot really a PDF")
    assert report.status == "unreadable"
    assert report.message == "Not a readable PDF: the file is damaged."
    _unverified_only(report)
