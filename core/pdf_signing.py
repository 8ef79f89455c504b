"""The agency's signature inside its PDFs (PAdES, with pyHanko).

Certificates, council decisions and EEC reports leave the portal signed with the agency's key:
whoever holds the file — an employer offline, a ministry years later, after the site moved —
can check in any PDF reader (or ``pdfsig``) that IAAR issued it and that not one byte changed.

The key and certificate are PEM files named by ``IAAR_SIGNING_KEY_FILE`` and
``IAAR_SIGNING_CERT_FILE`` (the key's passphrase in ``IAAR_SIGNING_KEY_PASSPHRASE``); with
``IAAR_TSA_URL`` each signature also carries an RFC 3161 timestamp. For the demo and the tests,
``manage.py signing_key`` makes a self-signed agency certificate (``make run`` does).
"""

import asyncio
import datetime
import io
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings

log = logging.getLogger(__name__)

FIELD_NAME = "IAARSignature"


def _paths() -> tuple[Path, Path]:
    return Path(settings.IAAR_SIGNING_KEY_FILE), Path(settings.IAAR_SIGNING_CERT_FILE)


def signing_ready() -> bool:
    key, cert = _paths()
    return key.is_file() and cert.is_file()


_signer_cache: dict = {}


def _signer():
    from pyhanko.sign import signers

    key, cert = _paths()
    stamp = (str(key), key.stat().st_mtime_ns, str(cert), cert.stat().st_mtime_ns)
    if _signer_cache.get("stamp") != stamp:
        passphrase = settings.IAAR_SIGNING_KEY_PASSPHRASE
        _signer_cache["signer"] = signers.SimpleSigner.load(
            str(key), str(cert), key_passphrase=passphrase.encode() if passphrase else None
        )
        _signer_cache["stamp"] = stamp
    return _signer_cache["signer"]


def sign_pdf(content: bytes, *, reason: str, location: str = "") -> bytes:
    """The PDF signed with the agency's key; unsigned (and a warning logged) where no key is
    configured, so a portal without one still issues its documents."""
    if not signing_ready():
        log.warning("pdf_unsigned: no signing key at %s", settings.IAAR_SIGNING_KEY_FILE)
        return content
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps

    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        reason=reason,
        location=location or settings.IAAR_SIGNING_LOCATION,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    timestamper = timestamps.HTTPTimeStamper(settings.IAAR_TSA_URL) if settings.IAAR_TSA_URL else None
    signer = signers.PdfSigner(meta, signer=_signer(), timestamper=timestamper)

    def sign() -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(content), strict=False)
        return signer.sign_pdf(writer).getvalue()

    return _outside_any_loop(sign)


def _outside_any_loop(work):
    """pyHanko runs its own event loop; where one already runs in this thread (a test's
    browser driver), the work runs in another thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def signature_check(content: bytes) -> dict:
    """Whether a PDF carries an intact signature made with the agency's certificate:
    ``{"signed", "intact", "ours", "signed_at", "reason", "error"}``. Used by the public certificate check
    for an uploaded file; it never fetches anything."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    answer = {"signed": False, "intact": False, "ours": False, "signed_at": None, "reason": "", "error": ""}
    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        embedded = reader.embedded_signatures
    except Exception as error:  # a file that is not a readable PDF
        answer["error"] = type(error).__name__
        return answer
    if not embedded:
        return answer
    signature = embedded[-1]
    answer["signed"] = True
    answer["reason"] = str(signature.sig_object.get("/Reason", ""))[:200]
    ours = _agency_certificate()
    try:
        from pyhanko_certvalidator import ValidationContext

        context = ValidationContext(trust_roots=[ours] if ours is not None else [], allow_fetching=False)
        status = _outside_any_loop(
            lambda: validate_pdf_signature(signature, signer_validation_context=context)
        )
    except Exception as error:
        answer["error"] = type(error).__name__
        return answer
    covers_all = status.coverage is not None and status.coverage.name in ("ENTIRE_FILE", "ENTIRE_REVISION")
    answer["intact"] = bool(status.intact and status.valid and covers_all and len(embedded) == 1)
    answer["signed_at"] = status.signer_reported_dt
    answer["ours"] = ours is not None and status.signing_cert.dump() == ours.dump()
    return answer


def _agency_certificate():
    if not signing_ready():
        return None
    from asn1crypto import pem, x509

    data = _paths()[1].read_bytes()
    return x509.Certificate.load(pem.unarmor(data)[2] if pem.detect(data) else data)


def demo_key_create(key_path: Path, cert_path: Path, *, days: int = 3650) -> None:
    """A self-signed agency certificate for the demo and the tests (never for production)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "IAAR (demo)"),
            x509.NameAttribute(NameOID.COMMON_NAME, "IAAR QMS demo signing certificate"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_path.parent.mkdir(parents=True, exist_ok=True)
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    key_path.chmod(0o600)
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
