from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.services import notification_send, sequence_next
from core.workflow import event_record, transition_perform

from .models import Nonconformity
from .workflow import NONCONFORMITY_WORKFLOW


@transaction.atomic
def nonconformity_raise(
    *,
    actor,
    title: str,
    description: str,
    severity: str,
    source: str = Nonconformity.Source.INTERNAL_REPORT,
    immediate_correction: str = "",
) -> Nonconformity:
    """Record a nonconformity and tell the people who analyze it."""
    year = timezone.localdate().year
    number = f"NC-{year}-{sequence_next(f'nonconformity-{year}'):04d}"
    nc = Nonconformity.objects.create(
        number=number,
        title=title,
        description=description,
        severity=severity,
        source=source,
        immediate_correction=immediate_correction,
        raised_by=actor,
    )
    event_record(obj=nc, action=gettext_lazy("Raised"), actor=actor, to_state=nc.status)
    analysts = (
        get_user_model()
        .objects.filter(
            groups__permissions__codename="change_nonconformity",
            groups__permissions__content_type__app_label="improvement",
        )
        .exclude(pk=actor.pk)
    )
    notification_send(
        recipients=analysts,
        subject=gettext_lazy("New nonconformity %(number)s: %(title)s"),
        params={"number": number, "title": title},
        body=description,
        url=nc.get_absolute_url(),
    )
    return nc


def nonconformity_transition(*, nonconformity: Nonconformity, target: str, actor, comment: str = ""):
    return transition_perform(
        obj=nonconformity, workflow=NONCONFORMITY_WORKFLOW, target=target, actor=actor, comment=comment
    )
