from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from . import selectors


def document_tasks(user):
    """Reviews, approvals, readings and periodic reviews waiting for this person."""
    area = _("Documents")
    for step in selectors.steps_waiting_for(user):
        version = step.version
        yield TaskItem(
            f"{version} {version.document.title}",
            version.get_absolute_url(),
            area,
            detail=_("Waiting for your review: %(kind)s") % {"kind": step.get_kind_display()},
        )
    for version in selectors.versions_awaiting_approval(user):
        yield TaskItem(
            f"{version} {version.document.title}",
            version.get_absolute_url(),
            area,
            detail=_("Waiting for your approval"),
        )
    for ack in selectors.acknowledgements_pending_for(user):
        yield TaskItem(
            f"{ack.version} {ack.version.document.title}",
            ack.version.document.get_absolute_url(),
            area,
            due=ack.due_date,
            detail=_("Read and acknowledge"),
        )
    for document in selectors.documents_due_for_review_owned_by(user):
        yield TaskItem(
            str(document),
            document.get_absolute_url(),
            area,
            due=document.next_review_date,
            detail=_("Periodic review"),
        )
