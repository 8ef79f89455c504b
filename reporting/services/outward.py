"""The agency's yearly reports outward (§4.2, §4.5.2): prepared by the IQAS owner (or the
Director General) for a year that has ended, signed by the Director General with his password
as a PDF carrying the agency's digital signature, and sent by him — never automatically — to
the Supervisory Board or to the education authority of the country. What was sent is kept with
its SHA-256; a report is never prepared twice for the same year and addressee."""

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.selectors.authorities import authorities_for_reports, authority_for
from core.outbox import enqueue
from core.permissions import password_confirm, require_perm, signer_name
from core.roles import Role
from core.workflow import event_record, transition_perform
from improvement.models import OutwardReport
from improvement.outward_workflow import OUTWARD_WORKFLOW, PREPARE_REPORTS

from ..selectors.outward import FIRST_YEAR, addressee_shown

RS = OutwardReport.Status
MAIL_TASK = "reporting.tasks.outward_report_mail"
logger = logging.getLogger(__name__)


@transaction.atomic
def outward_prepare(
    *, actor, kind: str, year: int, country: str = "", today: datetime.date | None = None
) -> OutwardReport:
    """A draft report of a year that has ended, to the board or to one country's authority."""
    require_perm(
        actor, PREPARE_REPORTS, _("Only the IQAS owner or the Director General prepares these reports.")
    )
    today = today or timezone.localdate()
    if kind not in OutwardReport.Kind.values:
        raise ValidationError(_("Choose the report to the Supervisory Board or to an education authority."))
    if not isinstance(year, int) or not FIRST_YEAR <= year < today.year:
        raise ValidationError(
            _(
                "A yearly report is prepared once its year has ended: choose a year from %(first)s to %(last)s."
            )
            % {"first": FIRST_YEAR, "last": today.year - 1}
        )
    country = (country or "").strip().upper()
    if kind == OutwardReport.Kind.BOARD:
        country, addressee = "", ""
    else:
        known = {a.country: a.name for a in authorities_for_reports()}
        if country not in known:
            raise ValidationError(
                _("Choose a country whose education authority is in the register; nothing was prepared.")
            )
        addressee = known[country]
    existing = OutwardReport.objects.filter(kind=kind, year=year, country=country).first()
    if existing is not None:
        raise ValidationError(
            _("The %(year)s report to %(addressee)s is already prepared; open it from the list.")
            % {"year": year, "addressee": addressee_shown(existing)}
        )
    report = OutwardReport(
        kind=kind, year=year, country=country, addressee=addressee[:300], prepared_by=actor
    )
    report._history_user = actor
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:  # prepared by someone else a moment ago
        raise ValidationError(_("This report was prepared a moment ago; open it from the list.")) from None
    event_record(obj=report, action=gettext_lazy("Yearly report prepared"), actor=actor)
    return report


@transaction.atomic
def outward_sign(*, report: OutwardReport, actor, password: str) -> OutwardReport:
    """The Director General signs: the PDF is made from the records as they are now, with his
    name and roles, carries the agency's digital signature, and is kept with its SHA-256."""
    from ..pdf import outward_pdf

    report = OutwardReport.objects.select_for_update().get(pk=report.pk)
    OUTWARD_WORKFLOW.check(report, RS.SIGNED, actor)
    password_confirm(actor, password)
    report.signed_by = actor
    report.signed_at = timezone.now()
    report.signer_name = signer_name(actor)[:300]
    content = outward_pdf(report)
    sha = hashlib.sha256(content).hexdigest()
    name = f"{report.kind}-{report.year}{'-' + report.country.lower() if report.country else ''}.pdf"
    report.file.save(name, ContentFile(content), save=False)
    return transition_perform(
        obj=report,
        workflow=OUTWARD_WORKFLOW,
        target=RS.SIGNED,
        actor=actor,
        action=gettext_lazy("Yearly report signed"),
        comment=f"SHA-256 {sha}",
        reason=gettext_lazy("Yearly report signed"),
        also={
            "file": report.file.name,
            "sha256": sha,
            "signed_by": actor,
            "signed_at": report.signed_at,
            "signer_name": report.signer_name,
        },
    )


def recipients_of(report: OutwardReport) -> list[str]:
    """The addresses the report goes to: the board's members, or the country's authority."""
    if report.kind == OutwardReport.Kind.BOARD:
        from django.contrib.auth import get_user_model

        people = get_user_model().objects.filter(groups__name=Role.SUPERVISORY_BOARD, is_active=True)
        return sorted({p.email for p in people if p.email})
    addressee = authority_for(report.country)
    return [addressee.email] if addressee.authority is not None and addressee.email else []


@transaction.atomic
def outward_send(*, report: OutwardReport, actor) -> OutwardReport:
    """The Director General sends the signed report; the mail with the PDF leaves once."""
    report = OutwardReport.objects.select_for_update().get(pk=report.pk)
    if report.status == RS.DRAFT:
        raise ValidationError(_("An unsigned report is not sent: sign it first. Nothing was sent."))
    OUTWARD_WORKFLOW.check(report, RS.SENT, actor)
    to = recipients_of(report)
    if not to:
        raise ValidationError(
            _("Nobody to send it to: %(addressee)s has no e-mail address in the portal. Nothing was sent.")
            % {"addressee": addressee_shown(report)}
        )
    if not report.file or hashlib.sha256(_read(report)).hexdigest() != report.sha256:
        raise ValidationError(_("The signed PDF no longer matches its SHA-256; it was not sent."))
    report = transition_perform(
        obj=report,
        workflow=OUTWARD_WORKFLOW,
        target=RS.SENT,
        actor=actor,
        action=gettext_lazy("Yearly report sent to %(to)s"),
        params={"to": ", ".join(to)},
        also={"sent_by": actor, "sent_at": timezone.now(), "sent_to": ", ".join(to)},
    )
    enqueue(MAIL_TASK, report.pk)  # by name: the task module imports these services
    return report


def _read(report: OutwardReport) -> bytes:
    with report.file.open("rb") as handle:
        return handle.read()


def outward_mail(report_id: int) -> bool:
    """E-mail a sent report's PDF to whom it was sent, once: the row is claimed (``mailed_at``
    set and committed) before the hand-off, and released if the mail server refuses it."""
    with transaction.atomic():
        report = OutwardReport.objects.select_for_update().filter(pk=report_id, status=RS.SENT).first()
        if report is None or report.mailed_at is not None:
            return False
        with translation.override(settings.LANGUAGE_CODE):
            subject = f"IAAR: {report.get_kind_display()} {report.year}"
            body = _(
                "The Independent Agency for Accreditation and Rating sends its report for %(year)s, "
                "signed by the Director General. The PDF carries the agency's digital signature."
            ) % {"year": report.year}
        message = EmailMessage(settings.EMAIL_SUBJECT_PREFIX + subject, body, to=report.sent_to.split(", "))
        message.attach(report.file.name.rsplit("/", 1)[-1], _read(report), "application/pdf")
        report.mailed_at = timezone.now()
        report.save(update_fields=["mailed_at"])
    try:
        message.send()
    except Exception:
        with transaction.atomic():
            report = OutwardReport.objects.select_for_update().get(pk=report_id)
            report.mailed_at = None
            report.save(update_fields=["mailed_at"])
        raise
    return True
