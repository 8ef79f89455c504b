"""The PDFs of the accreditation: the EEC report, the council's decision (or refusal letter)
and the certificate with its QR code. Rendered in the agency's language."""

from django.conf import settings
from django.utils import translation

from core.pdf import render_pdf
from core.pdf_signing import sign_pdf

from .models import Certificate, Decision, Outcome
from .selectors import report_table, tally

C = Certificate.Status

# The reason a certificate's signature gives; the public check reads the number back from it.
CERTIFICATE_REASON = "IAAR accreditation certificate {number}"


def _pdf(template: str, context: dict, *, reason: str) -> bytes:
    """Rendered in the agency's language and signed inside the file with the agency's key."""
    with translation.override(settings.LANGUAGE_CODE):
        return sign_pdf(render_pdf(template, context), reason=reason)


def decision_pdf(decision: Decision) -> bytes:
    template = (
        "pdf/refusal_letter.html" if decision.outcome == Outcome.REFUSE else "pdf/council_decision.html"
    )
    return _pdf(
        template,
        {
            "decision": decision,
            "project": decision.project,
            "item": decision.item,
            "tally": tally(decision.item),
            "certificates": decision.certificates.exclude(status=C.CANCELLED),
        },
        reason=f"IAAR Accreditation Council decision, {decision.project.organization.iaar_id}",
    )


def report_pdf(project) -> bytes:
    return _pdf(
        "pdf/eec_report.html",
        {"project": project, "report": project.report, **report_table(project)},
        reason=f"IAAR external expert commission report, {project.organization.iaar_id}",
    )


def qr_svg(url: str) -> str:
    """A QR code as an SVG data URI, embedded in the PDF (no file, no network)."""
    import base64
    import io

    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=1)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def certificate_pdf(certificate: Certificate) -> bytes:
    verify_url = settings.SITE_URL + certificate.verify_path()
    return _pdf(
        "pdf/certificate.html",
        {"certificate": certificate, "verify_url": verify_url, "qr": qr_svg(verify_url)},
        reason=CERTIFICATE_REASON.format(number=certificate.number),
    )


def certificate_number_signed(reason: str) -> str:
    """The certificate number a signature's reason names, or "" for any other document."""
    prefix, _, suffix = CERTIFICATE_REASON.partition("{number}")
    if not (reason.startswith(prefix) and reason.endswith(suffix)):
        return ""
    return reason[len(prefix) : len(reason) - len(suffix)]
