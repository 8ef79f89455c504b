"""Familiarization of staff with effective versions, distribution of copies and their withdrawal."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.services import notification_send
from core.workflow import event_record

from ..models import Acknowledgement, Distribution, DocumentVersion


@transaction.atomic
def acknowledgement_record_open(*, version: DocumentVersion, person, via: str) -> Acknowledgement | None:
    """Note the first time a reader opens the version they are asked to read (a download or
    the in-browser reading), so that their confirmation states something true. Later openings
    and people without a pending task change nothing."""
    if not person.is_authenticated:
        return None
    ack = (
        Acknowledgement.objects.select_for_update()
        .filter(version=version, person=person, opened_at__isnull=True, acknowledged_at__isnull=True)
        .first()
    )
    if ack is None:
        return None
    ack.opened_at, ack.opened_via = timezone.now(), Acknowledgement.OpenedVia(via)
    with translation.override(None):  # history keeps the message id, not the reader's language
        ack._change_reason = str(ack.opened_via.label)
    ack.save()
    return ack


@transaction.atomic
def acknowledgement_confirm(*, acknowledgement: Acknowledgement, actor) -> Acknowledgement:
    """The person confirms they have read the effective version."""
    ack = Acknowledgement.objects.select_for_update().select_related("version").get(pk=acknowledgement.pk)
    if ack.person_id != actor.pk:
        raise PermissionDenied(_("You can only acknowledge your own reading tasks."))
    if ack.acknowledged_at is not None:
        raise ValidationError(_("You acknowledged this version already."))
    if ack.version.status != DocumentVersion.Status.EFFECTIVE:
        raise ValidationError(
            _("%(version)s is no longer in force; read and acknowledge the effective version instead.")
            % {"version": ack.version}
        )
    if ack.opened_at is None:
        raise ValidationError(
            _(
                "Open the document first: download it or read it in the browser, "
                "then confirm that you have read it."
            )
        )
    ack.acknowledged_at = timezone.now()
    ack.save()
    event_record(obj=ack.version, action=gettext_lazy("Read and acknowledged"), actor=actor)
    return ack


def acknowledgements_remind(today: date | None = None) -> int:
    """Remind, at most once a day, everyone whose acknowledgement is past due."""
    today = today or timezone.localdate()
    late = (
        Acknowledgement.objects.filter(
            acknowledged_at__isnull=True,
            due_date__lt=today,
            version__status=DocumentVersion.Status.EFFECTIVE,
        )
        .exclude(last_reminded_on=today)
        .select_related("version__document", "person")
    )
    count = 0
    for ack in late:
        with transaction.atomic():
            locked = Acknowledgement.objects.select_for_update().get(pk=ack.pk)
            if locked.last_reminded_on == today or locked.acknowledged_at is not None:
                continue
            locked.last_reminded_on = today
            locked.save()
            notification_send(
                recipients=[ack.person],
                subject=gettext_lazy("Reminder: acknowledge %(version)s"),
                params={"version": ack.version},
                body=gettext_lazy("It was due on %(date)s."),
                body_params={"date": ack.due_date.isoformat()},
                url=ack.version.get_absolute_url(),
            )
            count += 1
    return count


def _require_distribution_right(actor) -> None:
    if not actor.has_perm("documents.manage_familiarization"):
        raise PermissionDenied(_("Only the legal department distributes documents."))


@transaction.atomic
def distribution_issue(
    *, version: DocumentVersion, actor, recipients: Iterable = (), external: str = "", copies: int = 1
) -> list[Distribution]:
    """Record the issue of copies of an effective version to people or outside bodies."""
    _require_distribution_right(actor)
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != DocumentVersion.Status.EFFECTIVE:
        raise ValidationError(_("Only the effective version is distributed."))
    recipients = list(recipients)
    external = external.strip()
    if not recipients and not external:
        raise ValidationError(_("Name at least one recipient."))
    issued = [
        Distribution.objects.create(version=version, recipient=r, copies=copies, issued_by=actor)
        for r in recipients
    ]
    if external:
        issued.append(
            Distribution.objects.create(
                version=version, external_recipient=external, copies=copies, issued_by=actor
            )
        )
    event_record(
        obj=version,
        action=gettext_lazy("Distributed"),
        actor=actor,
        comment=", ".join(d.recipient_label for d in issued),
    )
    return issued


@transaction.atomic
def distribution_confirm_withdrawal(*, distribution: Distribution, actor) -> Distribution:
    """Confirm that an obsolete copy was returned or destroyed (§3.2.2)."""
    _require_distribution_right(actor)
    item = Distribution.objects.select_for_update().select_related("version").get(pk=distribution.pk)
    if item.withdrawn_at is not None:
        raise ValidationError(_("The withdrawal of this copy is confirmed already."))
    if item.version.status == DocumentVersion.Status.EFFECTIVE:
        raise ValidationError(
            _("This copy is of the effective version; it is withdrawn only once superseded.")
        )
    item.withdrawn_at, item.withdrawn_by = timezone.now(), actor
    item.save()
    event_record(
        obj=item.version, action=gettext_lazy("Copy withdrawn"), actor=actor, comment=item.recipient_label
    )
    return item
