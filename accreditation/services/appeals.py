"""Appeals against council decisions and complaints about IAAR's work (§6.5)."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.core import ObjectPermissionChecker

from core.models import stored_label
from core.outbox import enqueue
from core.permissions import people_with_perm, require_perm
from core.services import notification_send, sequence_next
from core.tasks import send_email
from core.workflow import event_record, transition_perform

from ..models import AccreditationProject, Appeal, Certificate, Decision, Publication
from ..workflow import APPEAL_WORKFLOW, CERTIFICATE_WORKFLOW
from .projects import project_advance

S = AccreditationProject.Status


C = Certificate.Status


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
    _receipt_send(appeal)
    return appeal


def _receipt_send(appeal: Appeal) -> None:
    """The complainant's receipt with the case's number, in the language they wrote in."""
    days = settings.IAAR_APPEAL_ANSWER_DAYS
    subject = _("IAAR: your complaint is registered as %(number)s") % {"number": appeal.number}
    body = render_to_string(
        "emails/complaint_receipt_body.txt", {"appeal": appeal, "days": days, "site": settings.SITE_URL}
    )
    enqueue(send_email, [appeal.email], subject, body)


def _notify_commission(appeal: Appeal) -> None:
    notification_send(
        recipients=people_with_perm("accreditation.hear_appeal"),
        subject=gettext_lazy("%(number)s: %(subject)s"),
        params={"number": appeal.number, "subject": appeal.subject},
        url=appeal.get_absolute_url(),
    )


@transaction.atomic
def appeal_take(*, appeal: Appeal, actor) -> Appeal:
    require_perm(actor, "accreditation.hear_appeal")
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status != Appeal.Status.FILED:
        raise ValidationError(_("This case is under review or decided already."))
    return transition_perform(
        obj=appeal, workflow=APPEAL_WORKFLOW, target=Appeal.Status.UNDER_REVIEW, actor=actor
    )


@transaction.atomic
def appeal_decide(*, appeal: Appeal, actor, result: str, reasons: str, meeting: str = "") -> Appeal:
    """The commission's outcome; an upheld (or partly upheld) appeal sets the decision aside
    and sends the project back to the council. An appeal against a council decision is decided
    by the appeals commission as a body (ESG 2.7): ``meeting`` names the meeting whose vote
    decided it, and no one member decides one alone. A complaint may be answered by a member."""
    require_perm(actor, "accreditation.hear_appeal")
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status == Appeal.Status.DECIDED:
        raise ValidationError(_("This case is decided already."))
    if appeal.kind == Appeal.Kind.APPEAL and not meeting.strip():
        raise ValidationError(
            _(
                "An appeal is decided by the appeals commission at its meeting, by the members' "
                "vote: put it on the agenda of the commission's next meeting."
            )
        )
    if result not in Appeal.Result.values:
        raise ValidationError(_("Choose the outcome."))
    if not reasons.strip():
        raise ValidationError(_("Give the reasons for the outcome."))
    appeal = transition_perform(
        obj=appeal,
        workflow=APPEAL_WORKFLOW,
        target=Appeal.Status.DECIDED,
        actor=actor,
        action=gettext_lazy("Decided at %(meeting)s: %(result)s")
        if meeting
        else gettext_lazy("Decided: %(result)s"),
        params={"result": stored_label(Appeal.Result, result), "meeting": meeting},
        comment=reasons,
        also={"result": result, "reasons": reasons, "decided_by": actor, "decided_at": timezone.now()},
    )
    reopen = appeal.kind == Appeal.Kind.APPEAL and result in (Appeal.Result.UPHELD, Appeal.Result.PARTIAL)
    if reopen and appeal.decision_id:
        decision = Decision.objects.select_for_update().get(pk=appeal.decision_id)
        decision.set_aside = True
        decision.save()
        for certificate in Certificate.objects.filter(decision=decision, status=C.DRAFT):
            transition_perform(
                obj=certificate,
                workflow=CERTIFICATE_WORKFLOW,
                target=C.CANCELLED,
                actor=actor,
                comment=f"Decision set aside on appeal {appeal.number}",
            )
        for publication in Publication.objects.filter(decision=decision, withdrawn=False):
            publication.withdrawn = True
            publication._change_reason = f"Decision set aside on appeal {appeal.number}"
            publication.save()
        project_advance(project=appeal.project, actor=actor, target=S.COUNCIL, comment=reasons)
    if appeal.filed_by_id:
        notification_send(
            recipients=[appeal.filed_by],
            subject=gettext_lazy("The commission has decided on %(number)s"),
            params={"number": appeal.number},
            body=reasons,
            url=appeal.get_absolute_url(),
        )
    elif appeal.email:
        enqueue(send_email, [appeal.email], f"IAAR {appeal.number}", reasons)
    return appeal
