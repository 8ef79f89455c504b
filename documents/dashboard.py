from django.urls import reverse
from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from . import selectors

# Above this many items of one kind the dashboard shows one summary line with a link.
DETAIL_LIMIT = 5


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
    acks = list(selectors.acknowledgements_pending_for(user)[: DETAIL_LIMIT + 1])
    if len(acks) > DETAIL_LIMIT:
        yield TaskItem(
            _("%(count)d documents to read and acknowledge")
            % {"count": selectors.acknowledgements_pending_for(user).count()},
            reverse("documents:my_reading"),
            area,
            due=acks[0].due_date,
            detail=_("Read and acknowledge"),
        )
    else:
        for ack in acks:
            yield TaskItem(
                f"{ack.version} {ack.version.document.title}",
                ack.version.get_absolute_url(),
                area,
                due=ack.due_date,
                detail=_("Read and acknowledge"),
            )
    reviews = selectors.documents_due_for_review_owned_by(user)
    first = list(reviews[: DETAIL_LIMIT + 1])
    if len(first) > DETAIL_LIMIT:
        yield TaskItem(
            _("%(count)d of your documents are due for periodic review") % {"count": reviews.count()},
            f"{reverse('documents:list')}?owner={user.pk}&sort=next_review_date",
            area,
            due=first[0].next_review_date,
            detail=_("Periodic review"),
        )
    else:
        for document in first:
            yield TaskItem(
                str(document),
                document.get_absolute_url(),
                area,
                due=document.next_review_date,
                detail=_("Periodic review"),
            )


def revision_request_tasks(user):
    """The Director General's orders to revise documents this person owns, until revised."""
    from .models import RevisionRequest

    pending = RevisionRequest.objects.filter(
        document__owner=user,
        status__in=[RevisionRequest.Status.OPEN, RevisionRequest.Status.IN_REVISION],
    ).select_related("document")
    for request in pending:
        document = request.document
        yield TaskItem(
            f"{document.code} {document.title}",
            document.get_absolute_url(),
            _("Documents"),
            due=request.due_on,
            detail=_("Revise per the Director General's order")
            if request.status == RevisionRequest.Status.OPEN
            else _("Revision started per the Director General's order"),
        )


def _register_revision_tasks() -> None:
    # Registered here, where the provider lives: DocumentsConfig.ready imports this module.
    from core.dashboard import register_task_provider

    register_task_provider(revision_request_tasks)


_register_revision_tasks()


def records_tasks(user):
    """External documents due for a check, and destruction acts waiting for this person."""
    for external in selectors.externals_to_check_by(user):
        yield TaskItem(
            external.localized_title,
            external.get_absolute_url(),
            _("External documents"),
            due=external.next_check_on,
            detail=_("Check for a new edition"),
        )
    for act, waiting_for in selectors.destruction_acts_waiting_for(user):
        yield TaskItem(
            f"{_('Destruction act')} {act.number}",
            act.get_absolute_url(),
            _("Records archive"),
            detail=waiting_for,
        )
