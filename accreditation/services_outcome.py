"""After the council: certificates signed by the Director General (KPI 3), publication with
the notice to the education authority, refusal letters, appeals and complaints, and
post-accreditation monitoring up to re-accreditation."""

import datetime
import hashlib
import json
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.core import ObjectPermissionChecker

from core.permissions import password_confirm, user_role_labels
from core.services import notification_send, sequence_next
from core.workflow import event_record

from .models import (
    AccreditationProject,
    Appeal,
    Certificate,
    Decision,
    ExpiryReminder,
    MonitoringTask,
    Outcome,
    Publication,
)
from .selectors import people_who_can, representatives_of
from .services import _require, advance, require_runner

S = AccreditationProject.Status
C = Certificate.Status
PREFIX = {
    AccreditationProject.Kind.INSTITUTIONAL: "IA",
    AccreditationProject.Kind.SPECIALIZED: "SA",
    AccreditationProject.Kind.PRIMARY_SPECIALIZED: "PA",
}


def _add_years(day: datetime.date, years: int) -> datetime.date:
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
        "valid_until": _add_years(start, decision.years or 1),
    }
    programmes = (
        [None] if project.kind == AccreditationProject.Kind.INSTITUTIONAL else list(project.programmes.all())
    )
    made = [_new_certificate(programme=programme, **common) for programme in programmes or [None]]
    notification_send(
        recipients=people_who_can("sign_certificate"),
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
    _require(actor, "accreditation.sign_certificate")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != C.DRAFT:
        raise ValidationError(_("This certificate is signed or withdrawn already."))
    password_confirm(actor, password)
    certificate.status = C.VALID
    certificate.signed_by, certificate.signed_at = actor, timezone.now()
    roles = user_role_labels(actor)
    certificate.signer_name = f"{actor} ({roles})" if roles else str(actor)
    certificate.content_sha256 = hashlib.sha256(certificate_content(certificate).encode()).hexdigest()
    certificate._change_reason = "Signed"
    certificate.save()
    if certificate.reissue_of_id:
        old = Certificate.objects.select_for_update().get(pk=certificate.reissue_of_id)
        if old.status in (C.VALID, C.SUSPENDED):
            old.status = C.REPLACED
            old._change_reason = f"Replaced by {certificate.number}"
            old.save()
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
    _require(actor, "accreditation.record_council_decision")
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
    event_record(
        obj=certificate.project,
        action=gettext_lazy("Certificate %(number)s reissued as %(new)s"),
        actor=actor,
        params={"number": certificate.number, "new": new.number},
        comment=note,
    )
    notification_send(
        recipients=people_who_can("sign_certificate"),
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
        certificate.status = status
        certificate._change_reason = f"Council: {status}"
        certificate.save()
        changed += 1
    return changed


# --- Publication -----------------------------------------------------------------------------


def _pdf(template: str, context: dict) -> bytes:
    from core.pdf import render_pdf

    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf(template, context)


def decision_pdf(decision: Decision) -> bytes:
    from .services_council import tally

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
    )


def report_pdf(project) -> bytes:
    from .services_commission import report_table

    return _pdf(
        "pdf/eec_report.html", {"project": project, "report": project.report, **report_table(project)}
    )


def authority_notice(decision: Decision) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        project = decision.project
        lines = [
            _("To: %(authority)s") % {"authority": settings.IAAR_EDUCATION_AUTHORITY_NAME},
            _("IAAR informs you of the Accreditation Council decision of %(date)s.")
            % {"date": decision.decided_on.strftime("%d.%m.%Y")},
            f"{project.organization.iaar_id} · {project.organization.name}",
            f"{project.get_kind_display()}: {decision}",
        ]
        for certificate in decision.certificates.filter(status=C.VALID):
            lines.append(
                _("Certificate %(number)s, valid %(start)s–%(end)s")
                % {
                    "number": certificate.number,
                    "start": certificate.valid_from.strftime("%d.%m.%Y"),
                    "end": certificate.valid_until.strftime("%d.%m.%Y"),
                }
            )
        return "\n".join(lines)


@transaction.atomic
def publish(*, project, actor) -> Publication:
    """Publish the decision: the registry entry with the EEC report and the decision PDF, a
    notice to the education authority; a positive decision starts post-monitoring."""
    _require(actor, "accreditation.record_council_decision")
    project = AccreditationProject.objects.select_for_update().get(pk=project.pk)
    if project.status != S.DECIDED:
        raise ValidationError(_("Only a decided project is published."))
    decision = project.decisions.filter(set_aside=False).select_related("item__meeting").first()
    if decision is None:
        raise ValidationError(_("The project has no decision to publish."))
    if decision.is_positive and decision.certificates.filter(status=C.DRAFT).exists():
        raise ValidationError(_("The Director General has not signed every certificate yet."))
    publication = Publication(
        project=project,
        decision=decision,
        published_by=actor,
        authority_notice=authority_notice(decision),
        authority_email=settings.IAAR_EDUCATION_AUTHORITY_EMAIL,
    )
    stamp = f"{project.organization.iaar_id}-{decision.pk}"
    if hasattr(project, "report"):
        publication.report_pdf.save(f"eec-report-{stamp}.pdf", ContentFile(report_pdf(project)), save=False)
    publication.decision_pdf.save(f"decision-{stamp}.pdf", ContentFile(decision_pdf(decision)), save=False)
    publication.save()
    if publication.authority_email:
        from core.tasks import send_email

        transaction.on_commit(
            lambda: send_email.delay(
                [publication.authority_email],
                f"IAAR: {project.organization.name}",
                publication.authority_notice,
            )
        )
    project = advance(project=project, actor=actor, target=S.PUBLISHED)
    if decision.is_positive:
        monitoring_schedule(project=project, decision=decision)
        project = advance(project=project, actor=actor, target=S.POST_MONITORING)
    notification_send(
        recipients=list(representatives_of(project.organization)),
        subject=gettext_lazy("The decision on %(organization)s is published"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return publication


# --- Post-accreditation monitoring -----------------------------------------------------------


def monitoring_schedule(*, project, decision: Decision) -> list[MonitoringTask]:
    """An annual report each year of the accreditation, and a mid-term visit for terms of three
    years or more."""
    start = decision.decided_on
    years = decision.years or 1
    tasks = [
        MonitoringTask(project=project, kind=MonitoringTask.Kind.ANNUAL_REPORT, due_on=_add_years(start, n))
        for n in range(1, years)
    ]
    if years >= 3:
        midterm = start + (_add_years(start, years) - start) / 2
        tasks.append(MonitoringTask(project=project, kind=MonitoringTask.Kind.MIDTERM_VISIT, due_on=midterm))
    return MonitoringTask.objects.bulk_create(sorted(tasks, key=lambda t: t.due_on))


@transaction.atomic
def monitoring_submit(*, task: MonitoringTask, actor, upload) -> MonitoringTask:
    from documents.files import check_upload

    task = MonitoringTask.objects.select_for_update().select_related("project__organization").get(pk=task.pk)
    if not ObjectPermissionChecker(actor).has_perm("represent_organization", task.project.organization):
        raise PermissionDenied(_("You do not represent this organization."))
    if task.kind != MonitoringTask.Kind.ANNUAL_REPORT:
        raise ValidationError(_("A monitoring visit has no report to upload."))
    if task.status not in (MonitoringTask.Status.PLANNED, MonitoringTask.Status.RETURNED):
        raise ValidationError(_("This report is submitted already."))
    check_upload(upload)
    task.file.save(upload.name, upload, save=False)
    task.file_name = upload.name[:255]
    task.status, task.submitted_by, task.submitted_at = MonitoringTask.Status.SUBMITTED, actor, timezone.now()
    task.save()
    event_record(obj=task.project, action=gettext_lazy("Monitoring report uploaded"), actor=actor)
    project = task.project
    notification_send(
        recipients=[u for u in (project.coordinator,) if u]
        or list(people_who_can("change_accreditationproject")),
        subject=gettext_lazy("Monitoring report of %(organization)s to review"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return task


@transaction.atomic
def monitoring_review(*, task: MonitoringTask, actor, accepted: bool, comments: str = "") -> MonitoringTask:
    task = MonitoringTask.objects.select_for_update().select_related("project").get(pk=task.pk)
    require_runner(actor, task.project)
    if task.kind == MonitoringTask.Kind.ANNUAL_REPORT and task.status != MonitoringTask.Status.SUBMITTED:
        raise ValidationError(_("No report is waiting for review."))
    if task.kind == MonitoringTask.Kind.MIDTERM_VISIT and task.status == MonitoringTask.Status.ACCEPTED:
        raise ValidationError(_("This visit is recorded already."))
    if not accepted and not comments.strip():
        raise ValidationError(_("Say what the organization must correct."))
    task.status = MonitoringTask.Status.ACCEPTED if accepted else MonitoringTask.Status.RETURNED
    task.reviewed_by, task.comments = actor, comments
    task.save()
    event_record(
        obj=task.project,
        action=gettext_lazy("%(task)s accepted") if accepted else gettext_lazy("%(task)s returned"),
        actor=actor,
        params={"task": task.get_kind_display()},
        comment=comments,
    )
    if task.submitted_by_id:
        notification_send(
            recipients=[task.submitted_by],
            subject=gettext_lazy("Your monitoring report is accepted")
            if accepted
            else gettext_lazy("Your monitoring report is returned for correction"),
            body=comments,
            url=task.project.get_absolute_url(),
        )
    return task


@transaction.atomic
def reaccreditation_start(*, project, actor) -> AccreditationProject:
    """A new application linked to the old project; the old one closes."""
    project = AccreditationProject.objects.select_for_update().get(pk=project.pk)
    represents = ObjectPermissionChecker(actor).has_perm("represent_organization", project.organization)
    if not (represents or actor.has_perm("accreditation.change_accreditationproject")):
        raise PermissionDenied(_("You are not allowed to do this."))
    if project.status != S.POST_MONITORING:
        raise ValidationError(_("Re-accreditation starts from an accredited project under monitoring."))
    new = AccreditationProject.objects.create(
        organization=project.organization,
        kind=project.kind,
        level=project.level,
        applicant=actor,
        application_note=_("Re-accreditation"),
        previous_project=project,
        coordinator=project.coordinator,
        standard_set=project.standard_set.__class__.objects.filter(
            code=project.standard_set.code, is_current=True
        ).first()
        if project.standard_set_id
        else None,
    )
    new.programmes.set(project.programmes.all())
    from guardian.shortcuts import assign_perm

    for user in representatives_of(project.organization):
        assign_perm("accreditation.view_accreditationproject", user, new)
    if new.coordinator_id:
        assign_perm("accreditation.view_accreditationproject", new.coordinator, new)
    event_record(
        obj=new, action=gettext_lazy("Re-accreditation application"), actor=actor, to_state=new.status
    )
    advance(project=project, actor=actor, target=S.CLOSED, comment=_("Re-accreditation started"))
    notification_send(
        recipients=people_who_can("change_accreditationproject"),
        subject=gettext_lazy("New application for accreditation: %(organization)s"),
        params={"organization": project.organization.name},
        url=new.get_absolute_url(),
    )
    return new


# --- Appeals and complaints ------------------------------------------------------------------


def _appeal_number() -> str:
    year = timezone.localdate().year
    return f"AP-{year}-{sequence_next(f'appeal-{year}'):03d}"


@transaction.atomic
def appeal_file(*, actor, project, subject: str, text: str) -> Appeal:
    """The organization appeals against the council's decision on its project."""
    if not ObjectPermissionChecker(actor).has_perm("represent_organization", project.organization):
        raise PermissionDenied(_("You do not represent this organization."))
    decision = project.decisions.filter(set_aside=False).first()
    if decision is None or project.status not in (S.DECIDED, S.PUBLISHED, S.POST_MONITORING):
        raise ValidationError(_("An appeal is filed against a council decision."))
    if (
        project.appeals.filter(decision=decision, kind=Appeal.Kind.APPEAL)
        .exclude(status=Appeal.Status.DECIDED)
        .exists()
    ):
        raise ValidationError(_("An appeal against this decision is being heard already."))
    appeal = Appeal.objects.create(
        number=_appeal_number(),
        kind=Appeal.Kind.APPEAL,
        project=project,
        decision=decision,
        filed_by=actor,
        name=str(actor),
        email=actor.email or "",
        subject=subject,
        text=text,
        due_on=timezone.localdate() + datetime.timedelta(days=settings.IAAR_APPEAL_ANSWER_DAYS),
    )
    event_record(
        obj=project,
        action=gettext_lazy("Appeal %(number)s filed"),
        actor=actor,
        params={"number": appeal.number},
    )
    _notify_commission(appeal)
    return appeal


@transaction.atomic
def complaint_file(*, name: str, email: str, subject: str, text: str, actor=None) -> Appeal:
    """Anyone may complain about IAAR's work."""
    appeal = Appeal.objects.create(
        number=_appeal_number(),
        kind=Appeal.Kind.COMPLAINT,
        filed_by=actor if actor is not None and actor.is_authenticated else None,
        name=name,
        email=email,
        subject=subject,
        text=text,
        due_on=timezone.localdate() + datetime.timedelta(days=settings.IAAR_APPEAL_ANSWER_DAYS),
    )
    event_record(obj=appeal, action=gettext_lazy("Complaint filed"), actor=appeal.filed_by)
    _notify_commission(appeal)
    return appeal


def _notify_commission(appeal: Appeal) -> None:
    notification_send(
        recipients=people_who_can("hear_appeal"),
        subject=gettext_lazy("%(number)s: %(subject)s"),
        params={"number": appeal.number, "subject": appeal.subject},
        url=appeal.get_absolute_url(),
    )


@transaction.atomic
def appeal_take(*, appeal: Appeal, actor) -> Appeal:
    _require(actor, "accreditation.hear_appeal")
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status != Appeal.Status.FILED:
        raise ValidationError(_("This case is under review or decided already."))
    appeal.status = Appeal.Status.UNDER_REVIEW
    appeal.save()
    event_record(obj=appeal, action=gettext_lazy("Taken under review"), actor=actor)
    return appeal


@transaction.atomic
def appeal_decide(*, appeal: Appeal, actor, result: str, reasons: str) -> Appeal:
    """The commission's outcome; an upheld (or partly upheld) appeal sets the decision aside
    and sends the project back to the council."""
    _require(actor, "accreditation.hear_appeal")
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status == Appeal.Status.DECIDED:
        raise ValidationError(_("This case is decided already."))
    if result not in Appeal.Result.values:
        raise ValidationError(_("Choose the outcome."))
    if not reasons.strip():
        raise ValidationError(_("Give the reasons for the outcome."))
    appeal.status, appeal.result, appeal.reasons = Appeal.Status.DECIDED, result, reasons
    appeal.decided_by, appeal.decided_at = actor, timezone.now()
    appeal.save()
    event_record(
        obj=appeal,
        action=gettext_lazy("Decided: %(result)s"),
        actor=actor,
        params={"result": appeal.get_result_display()},
        comment=reasons,
    )
    reopen = appeal.kind == Appeal.Kind.APPEAL and result in (Appeal.Result.UPHELD, Appeal.Result.PARTIAL)
    if reopen and appeal.decision_id:
        decision = Decision.objects.select_for_update().get(pk=appeal.decision_id)
        decision.set_aside = True
        decision.save()
        for certificate in Certificate.objects.filter(decision=decision, status=C.DRAFT):
            certificate.status = C.CANCELLED
            certificate._change_reason = f"Decision set aside on appeal {appeal.number}"
            certificate.save()
        for publication in Publication.objects.filter(decision=decision, withdrawn=False):
            publication.withdrawn = True
            publication._change_reason = f"Decision set aside on appeal {appeal.number}"
            publication.save()
        advance(project=appeal.project, actor=actor, target=S.COUNCIL, comment=reasons)
    if appeal.filed_by_id:
        notification_send(
            recipients=[appeal.filed_by],
            subject=gettext_lazy("The commission has decided on %(number)s"),
            params={"number": appeal.number},
            body=reasons,
            url=appeal.get_absolute_url(),
        )
    elif appeal.email:
        from core.tasks import send_email

        transaction.on_commit(lambda: send_email.delay([appeal.email], f"IAAR {appeal.number}", reasons))
    return appeal


# --- Reminders (Celery beat, daily) ----------------------------------------------------------

EXPIRY_MONTHS = (12, 6, 3)


def reminders_send(today: datetime.date | None = None) -> dict[str, int]:
    """Stage deadlines, monitoring tasks due in 30 days or late, and certificates expiring in
    12, 6 and 3 months. Each reminder goes out once; running twice a day changes nothing."""
    today = today or timezone.localdate()
    sent = {"stages": 0, "monitoring": 0, "expiry": 0}
    soon = today + datetime.timedelta(days=3)
    late_projects = AccreditationProject.objects.filter(
        stage_due__lte=soon, stage_reminded_on__isnull=True, coordinator__isnull=False
    ).select_related("organization", "coordinator")
    for project in late_projects:
        notification_send(
            recipients=[project.coordinator],
            subject=gettext_lazy("%(organization)s: the stage “%(stage)s” is due on %(date)s"),
            params={
                "organization": project.organization.name,
                "stage": project.get_status_display(),
                "date": project.stage_due.strftime("%d.%m.%Y"),
            },
            url=project.get_absolute_url(),
        )
        project.stage_reminded_on = today
        project._change_reason = "Stage reminder sent"
        project.save(update_fields=["stage_reminded_on"])
        sent["stages"] += 1
    due = MonitoringTask.objects.filter(
        status__in=(MonitoringTask.Status.PLANNED, MonitoringTask.Status.RETURNED),
        due_on__lte=today + datetime.timedelta(days=30),
        project__status=S.POST_MONITORING,
    ).select_related("project__organization", "project__coordinator")
    for task in due:
        if task.reminded_on and (task.due_on >= today or (today - task.reminded_on).days < 7):
            continue  # reminded once before the due date, then weekly while late
        project = task.project
        notification_send(
            recipients=list(representatives_of(project.organization))
            + [u for u in (project.coordinator,) if u],
            subject=gettext_lazy("%(organization)s: %(task)s due on %(date)s"),
            params={
                "organization": project.organization.name,
                "task": task.get_kind_display(),
                "date": task.due_on.strftime("%d.%m.%Y"),
            },
            url=project.get_absolute_url(),
        )
        task.reminded_on = today
        task._change_reason = "Reminder sent"
        task.save(update_fields=["reminded_on"])
        sent["monitoring"] += 1
    for months in EXPIRY_MONTHS:
        horizon = today + datetime.timedelta(days=round(months * 30.44))
        expiring = (
            Certificate.objects.filter(status=C.VALID, valid_until__lte=horizon, valid_until__gte=today)
            .exclude(expiry_reminders__months__lte=months)
            .select_related("organization", "project__coordinator")
        )
        for certificate in expiring:
            try:
                with transaction.atomic():
                    ExpiryReminder.objects.create(certificate=certificate, months=months)
            except IntegrityError:
                continue
            notification_send(
                recipients=list(representatives_of(certificate.organization))
                + [u for u in (certificate.project.coordinator,) if u],
                subject=gettext_lazy("Certificate %(number)s expires on %(date)s: time to apply again"),
                params={"number": certificate.number, "date": certificate.valid_until.strftime("%d.%m.%Y")},
                url=certificate.project.get_absolute_url(),
            )
            sent["expiry"] += 1
    return sent


# --- PDFs ------------------------------------------------------------------------------------


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
    )
