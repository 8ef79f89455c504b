"""What the council's secretary says of a published report in DEQAR's terms, and a report
sent to DEQAR again after a refusal. Both reach DEQAR through ``registry.tasks.deqar_submit``,
queued through the outbox once the change commits."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accreditation.models import DeqarStatus, Publication
from core.outbox import enqueue
from core.permissions import require_perm

from ..tasks import deqar_submit

SECRETARY = "accreditation.record_council_decision"


def _locked(publication) -> Publication:
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if publication.withdrawn:
        raise ValidationError(_("This publication is withdrawn: it is no longer reported to DEQAR."))
    return publication


def submitted(publication) -> bool:
    """DEQAR holds the report already (it answered with its id)."""
    return bool(publication.deqar_report_id or publication.deqar_submitted_at)


@transaction.atomic
def deqar_fields_save(*, publication, actor, obligation: str, summary: str, report_links: list[dict]) -> bool:
    """Store the report's DEQAR fields (historied). A report DEQAR holds already is sent again
    as an update; returns whether it was."""
    require_perm(actor, SECRETARY)
    publication = _locked(publication)
    if obligation not in DeqarStatus.values:
        raise ValidationError(_("Choose whether the accreditation was obligatory or voluntary."))
    publication.obligation = obligation
    publication.summary = summary.strip()
    publication.report_links = [
        {"link": row["link"], "link_display_name": row.get("link_display_name", "").strip()}
        for row in report_links
    ]
    publication._change_reason = "DEQAR fields edited"
    publication.save()
    update = submitted(publication) and bool(settings.DEQAR_SUBMISSION_URL)
    if update:
        enqueue(deqar_submit, publication.pk)
    return update


@transaction.atomic
def deqar_resend(*, publication, actor) -> None:
    """Send a report DEQAR refused (or could not be reached for) once more. The refusal is
    cleared (it stays in the history), so the page waits for DEQAR's new answer and the button
    is gone: a second press sends nothing."""
    require_perm(actor, SECRETARY)
    publication = _locked(publication)
    if not settings.DEQAR_SUBMISSION_URL:
        raise ValidationError(_("No DEQAR submission endpoint is configured: nothing was sent."))
    if not publication.deqar_error:
        raise ValidationError(_("DEQAR has not refused this report: there is nothing to send again."))
    publication.deqar_error = ""
    publication._change_reason = "Sent to DEQAR again"
    publication.save()
    enqueue(deqar_submit, publication.pk)
