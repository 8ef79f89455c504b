"""Orders to change a document (§7.2.2, §4.6.3): the Director General's decision on an audit
recommendation or a management review becomes a task for the document's owner, which follows
the document's own revisions: open → revision started → revised."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..models import Document, DocumentVersion, RevisionRequest
from ..workflow import IN_PROGRESS, REVISION_REQUEST_WORKFLOW

R = RevisionRequest.Status


@transaction.atomic
def revision_request_create(
    *, document: Document, reason: str, source: str, source_url: str = "", due_on: date, actor
) -> RevisionRequest:
    """Order the owner to revise the document by a date. The caller has checked the actor's
    right to order (the Director General); this checks the document and the order itself."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    errors = {}
    if document.status not in (Document.Status.EFFECTIVE, Document.Status.DRAFT):
        errors["document"] = _("Only an effective or draft document can be ordered to change.")
    if not (reason or "").strip():
        errors["reason"] = _("Say what to change and why.")
    if due_on is None or due_on < timezone.localdate():
        errors["due_on"] = _("The revision cannot be due in the past.")
    if errors:
        raise ValidationError(errors)
    request = RevisionRequest.objects.create(
        document=document,
        reason=reason.strip(),
        source=source[:200],
        source_url=source_url[:300],
        due_on=due_on,
        requested_by=actor,
    )
    event_record(
        obj=document,
        action=gettext_lazy("Revision ordered by %(source)s, due %(date)s"),
        params={"source": request.source, "date": due_on.isoformat()},
        actor=actor,
        comment=request.reason,
    )
    notification_send(
        recipients=[document.owner],
        subject=gettext_lazy("Revise %(code)s by %(date)s (the Director General's order)"),
        params={"code": document.code, "date": due_on.isoformat()},
        body=request.reason,
        url=document.get_absolute_url(),
    )
    return request


def revision_requests_advance(document: Document) -> int:
    """Move the document's revision orders along with its versions: a revision started after
    the order marks it started; that revision in force marks it done. Idempotent; called by
    version_create and version_make_effective. Returns how many orders moved."""
    moved = 0
    pending = RevisionRequest.objects.select_for_update().filter(
        document_id=document.pk, status__in=[R.OPEN, R.IN_REVISION]
    )
    for request in pending:
        later = DocumentVersion.objects.filter(
            document_id=document.pk, created_at__gte=request.requested_at
        ).order_by("-major", "-minor")
        effective = later.filter(status=DocumentVersion.Status.EFFECTIVE).first()
        started = later.filter(status__in=IN_PROGRESS).first()
        if effective is not None:
            target, version = R.DONE, effective
            action = gettext_lazy("Revision order done: version %(number)s is in force")
        elif started is not None and request.status == R.OPEN:
            target, version = R.IN_REVISION, started
            action = gettext_lazy("Revision order: version %(number)s started")
        else:
            continue
        transition_perform(
            obj=request,
            workflow=REVISION_REQUEST_WORKFLOW,
            target=target,
            actor=None,
            action=action,
            params={"number": version.number},
            also={"version": version},
        )
        event_record(obj=document, action=action, params={"number": version.number})
        moved += 1
    return moved
