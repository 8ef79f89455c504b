"""Publishing a decision: the registry entry with the EEC report and the decision, and the
notice to the education authority."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import events
from core.outbox import enqueue
from core.permissions import require_perm
from core.services import notification_send
from core.tasks import send_email

from ..models import AccreditationProject, Certificate, Decision, Publication
from ..pdf import decision_pdf, report_pdf
from ..selectors import representatives_of
from ..selectors.authorities import authority_for
from .monitoring import monitoring_schedule
from .projects import project_advance

S = AccreditationProject.Status


C = Certificate.Status


def authority_notice(decision: Decision) -> str:
    """The notice to the education authority of the organization's country."""
    with translation.override(settings.LANGUAGE_CODE):
        project = decision.project
        addressee = authority_for(project.organization.country)
        lines = [
            _("To: %(authority)s") % {"authority": addressee.name},
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
    require_perm(actor, "accreditation.record_council_decision")
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
        authority_email=authority_for(project.organization.country).email,
    )
    stamp = f"{project.organization.iaar_id}-{decision.pk}"
    if hasattr(project, "report"):
        content = report_pdf(project)
        publication.report_sha256 = hashlib.sha256(content).hexdigest()
        publication.report_pdf.save(f"eec-report-{stamp}.pdf", ContentFile(content), save=False)
    content = decision_pdf(decision)
    publication.decision_sha256 = hashlib.sha256(content).hexdigest()
    publication.decision_pdf.save(f"decision-{stamp}.pdf", ContentFile(content), save=False)
    publication.save()
    events.publish(events.DECISION_PUBLISHED, publication_id=publication.pk)
    if publication.authority_email:
        enqueue(
            send_email,
            [publication.authority_email],
            f"IAAR: {project.organization.name}",
            publication.authority_notice,
        )
    project = project_advance(project=project, actor=actor, target=S.PUBLISHED)
    if decision.is_positive:
        monitoring_schedule(project=project, decision=decision)
        project = project_advance(project=project, actor=actor, target=S.POST_MONITORING)
    notification_send(
        recipients=list(representatives_of(project.organization)),
        subject=gettext_lazy("The decision on %(organization)s is published"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return publication
