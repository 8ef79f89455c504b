"""Certificates signed by the Director General (KPI 3): prepared from a positive decision,
signed, reissued, and marked suspended, revoked or valid again by the council."""

import datetime
import hashlib
import json
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import password_confirm, people_with_perm, require_perm, signer_name
from core.services import notification_send, sequence_next
from core.workflow import event_record, transition_perform

from ..kpi_summaries import certificate_reissued, certificate_signed
from ..models import AccreditationProject, Certificate, Decision
from ..workflow import CERTIFICATE_WORKFLOW

C = Certificate.Status
PREFIX = {
    AccreditationProject.Kind.INSTITUTIONAL: "IA",
    AccreditationProject.Kind.SPECIALIZED: "SA",
    AccreditationProject.Kind.PRIMARY_SPECIALIZED: "PA",
}


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def certificate_number(kind: str, year: int) -> str:
    """IA-2026-0001: the kind, the year, a counter that never goes back."""
    prefix = PREFIX.get(kind, "AA")
    return f"{prefix}-{year}-{sequence_next(f'certificate-{prefix}-{year}'):04d}"


def _new_certificate(**fields) -> Certificate:
    number = fields.pop("number", None) or certificate_number(fields["kind"], fields["valid_from"].year)
    try:
        with transaction.atomic():
            return Certificate.objects.create(number=number, token=uuid.uuid4(), **fields)
    except IntegrityError as exc:
        raise ValidationError(
            _("Certificate number %(number)s is taken; nothing was issued.") % {"number": number}
        ) from exc


def certificates_prepare(*, decision: Decision) -> list[Certificate]:
    """Draft certificates for a positive decision: one for an institutional accreditation,
    one per programme otherwise. They wait for the Director General's signature."""
    project = decision.project
    start = decision.decided_on
    common = {
        "project": project,
        "decision": decision,
        "organization": project.organization,
        "kind": project.kind,
        "valid_from": start,
        "valid_until": add_years(start, decision.years or 1),
    }
    programmes = (
        [None] if project.kind == AccreditationProject.Kind.INSTITUTIONAL else list(project.programmes.all())
    )
    made = [_new_certificate(programme=programme, **common) for programme in programmes or [None]]
    notification_send(
        recipients=people_with_perm("accreditation.sign_certificate"),
        subject=gettext_lazy("Certificates for %(organization)s to sign"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return made


def certificate_content(certificate: Certificate) -> str:
    """The signed content: what the certificate says, in a stable form."""
    return json.dumps(
        {
            "number": certificate.number,
            "organization": certificate.organization.iaar_id,
            "name": certificate.organization.name,
            "programme": certificate.programme.code if certificate.programme_id else None,
            "kind": certificate.kind,
            "valid_from": certificate.valid_from.isoformat(),
            "valid_until": certificate.valid_until.isoformat(),
            "decision": certificate.decision_id,
        },
        sort_keys=True,
        ensure_ascii=False,
    )


@transaction.atomic
def certificate_sign(*, certificate: Certificate, actor, password: str) -> Certificate:
    """The Director General signs: password again, the content's hash kept, never changed."""
    require_perm(actor, "accreditation.sign_certificate")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != C.DRAFT:
        raise ValidationError(_("This certificate is signed or withdrawn already."))
    password_confirm(actor, password)
    certificate = transition_perform(
        obj=certificate,
        workflow=CERTIFICATE_WORKFLOW,
        target=C.VALID,
        actor=actor,
        also={
            "signed_by": actor,
            "signed_at": timezone.now(),
            "signer_name": signer_name(actor),
            "content_sha256": hashlib.sha256(certificate_content(certificate).encode()).hexdigest(),
        },
    )
    certificate_signed(certificate=certificate)  # KPI 3's monthly count, in this transaction
    if certificate.reissue_of_id:
        old = Certificate.objects.get(pk=certificate.reissue_of_id)
        if old.status in (C.VALID, C.SUSPENDED):
            transition_perform(
                obj=old,
                workflow=CERTIFICATE_WORKFLOW,
                target=C.REPLACED,
                actor=actor,
                comment=f"Replaced by {certificate.number}",
            )
    event_record(
        obj=certificate.project,
        action=gettext_lazy("Certificate %(number)s signed"),
        actor=actor,
        params={"number": certificate.number},
    )
    return certificate


@transaction.atomic
def certificate_reissue(*, certificate: Certificate, actor, reason: str, note: str = "") -> Certificate:
    """A corrected certificate replaces a signed one once it is signed; reissues for errors
    count toward KPI 3."""
    require_perm(actor, "accreditation.record_council_decision")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status not in (C.VALID, C.SUSPENDED):
        raise ValidationError(_("Only a signed certificate in force is reissued."))
    if Certificate.objects.filter(reissue_of=certificate).exists():
        raise ValidationError(_("A reissue of this certificate is waiting already."))
    if reason not in Certificate.ReissueReason.values:
        raise ValidationError(_("Choose the reason for the reissue."))
    new = _new_certificate(
        project=certificate.project,
        decision=certificate.decision,
        organization=certificate.organization,
        programme=certificate.programme,
        kind=certificate.kind,
        valid_from=certificate.valid_from,
        valid_until=certificate.valid_until,
        reissue_of=certificate,
        reissue_reason=reason,
    )
    certificate_reissued(certificate=certificate, reason=reason)
    event_record(
        obj=certificate.project,
        action=gettext_lazy("Certificate %(number)s reissued as %(new)s"),
        actor=actor,
        params={"number": certificate.number, "new": new.number},
        comment=note,
    )
    notification_send(
        recipients=people_with_perm("accreditation.sign_certificate"),
        subject=gettext_lazy("Certificates for %(organization)s to sign"),
        params={"organization": certificate.organization.name},
        url=certificate.project.get_absolute_url(),
    )
    return new


def certificates_mark(*, project, status: str, actor) -> int:
    """Suspension, revocation (or lifting a suspension) shows on the registry at once."""
    source = {C.SUSPENDED: [C.VALID], C.REVOKED: [C.VALID, C.SUSPENDED], C.VALID: [C.SUSPENDED]}[status]
    changed = 0
    for certificate in Certificate.objects.select_for_update().filter(project=project, status__in=source):
        transition_perform(obj=certificate, workflow=CERTIFICATE_WORKFLOW, target=status, actor=actor)
        changed += 1
    return changed
