"""PAdES signatures with pyHanko; the final DOCX rides inside the PDF so one signature covers both.

Configuration: a PEM private key and certificate (production points at real ones).
:func:`ensure_dev_signing_identity` makes a self-signed ECDSA P-256 pair in the instance
folder on first use, for development and the ``s117`` command. The signer is loaded once
per (key, certificate) and reused: parsing the key on every signature costs more than the
signature itself.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import os
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

T = TypeVar("T")

FIELD_NAME = "S117Signature"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True, slots=True)
class SigningIdentity:
    key_path: Path
    cert_path: Path


def ensure_dev_signing_identity(instance_path: str | os.PathLike[str]) -> SigningIdentity:
    """The instance's self-signed development identity, created on first use (key mode 0600)."""
    folder = Path(instance_path) / "signing"
    identity = SigningIdentity(folder / "key.pem", folder / "cert.pem")
    if identity.key_path.is_file() and identity.cert_path.is_file():
        return identity
    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    _write_private(identity.key_path, key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    identity.cert_path.write_bytes(_self_signed(key).public_bytes(serialization.Encoding.PEM))
    return identity


def _write_private(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def _self_signed(key: ec.EllipticCurvePrivateKey) -> x509.Certificate:
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, "s117 documents (development, self-signed)"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Section 117 aftercare service"),
    ])
    now = dt.datetime.now(dt.UTC)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_cert_sign=True,
                crl_sign=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))


@lru_cache(maxsize=4)
def load_signer(identity: SigningIdentity) -> signers.SimpleSigner:
    signer = signers.SimpleSigner.load(str(identity.key_path), str(identity.cert_path))
    if signer is None:
        raise ValueError(f"cannot load signing key {identity.key_path} / {identity.cert_path}")
    return signer


def _embed_docx(writer: IncrementalPdfFileWriter, docx: bytes, name: str) -> None:
    data = embed.EmbeddedFileObject.from_file_data(writer, docx, mime_type=DOCX_MIME)
    embed.embed_file(writer, embed.FileSpec(
        file_spec_string=name, file_name=name, embedded_data=data,
        description="The Word version of this document, covered by the same signature",
        af_relationship=generic.NameObject("/Alternative")))


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run one of pyHanko's coroutines to completion from synchronous code.

    pyHanko's synchronous wrappers call ``asyncio.run``, which refuses to run where this
    thread already has an event loop (an async worker, or Playwright's sync API in tests);
    there the coroutine gets a loop of its own on a short-lived thread instead.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def sign_pdf(pdf: bytes, *, identity: SigningIdentity, docx: bytes | None = None,
             docx_name: str = "document.docx", reason: str = "Signed off") -> bytes:
    """The PDF with the DOCX embedded (when given) and a PAdES signature over both."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    if docx is not None:
        _embed_docx(writer, docx, docx_name)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", reason=reason,
        subfilter=fields.SigSeedSubFilter.PADES)
    signer = signers.PdfSigner(meta, signer=load_signer(identity))
    out = run_coroutine(signer.async_sign_pdf(writer))
    return out.getvalue()
