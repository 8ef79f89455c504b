"""Nonconformities (§7.3): raising one, the repeated flag (KPI 4) and moving its status.

Corrective actions live in ``capa.py`` and the actions they share with risks in ``actions.py``.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import stored_ref
from core.permissions import people_with_perm
from core.services import notification_send, sequence_next
from core.workflow import event_record, transition_perform

from ..models import CorrectiveAction, Nonconformity
from ..workflow import NONCONFORMITY_WORKFLOW

TEXT_LIMIT = 10_000


def repeated_of(*, process, criterion, before_pk: int | None = None) -> Nonconformity | None:
    """The latest earlier nonconformity of the same process and requirement whose corrective
    action was verified effective, or that was closed: a new one then repeats it."""
    if process is None or criterion is None:
        return None
    earlier = Nonconformity.objects.filter(process=process, criterion=criterion).filter(
        Q(status=Nonconformity.Status.CLOSED) | Q(capa__step=CorrectiveAction.Step.CLOSED)
    )
    if before_pk is not None:
        earlier = earlier.exclude(pk__gte=before_pk)
    return earlier.order_by(F("closed_at").desc(nulls_last=True), "-raised_at", "-pk").first()


def _check_raise(*, title: str, description: str, severity: str, source: str, owner, **texts) -> None:
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Give the nonconformity a title.")
    elif len(title) > 200:
        errors["title"] = _("Keep the title under 200 characters.")
    if not (description or "").strip():
        errors["description"] = _("Describe what happened.")
    for name, value in {"description": description, **texts}.items():
        if value and len(value) > TEXT_LIMIT and name not in errors:
            errors[name] = _("Keep this under %(limit)s characters.") % {"limit": TEXT_LIMIT}
    if severity not in Nonconformity.Severity.values:
        errors["severity"] = _("Choose minor or major.")
    if source not in Nonconformity.Source.values:
        errors["source"] = _("Choose where the nonconformity comes from.")
    if owner is not None and not owner.is_active:
        errors["owner"] = _("The owner must be an active member of staff.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def nonconformity_raise(
    *,
    actor,
    title: str,
    description: str,
    severity: str,
    source: str = Nonconformity.Source.INTERNAL_REPORT,
    immediate_correction: str = "",
    process=None,
    criterion=None,
    owner=None,
    source_reference: str = "",
) -> Nonconformity:
    """Record a nonconformity and tell the people who analyze it. The owner defaults to the
    process owner; a nonconformity of a process and requirement that failed before, after a
    corrective action was closed, is flagged as repeated and the IQAS owner told so."""
    source_reference = (source_reference or "")[:200]
    _check_raise(
        title=title,
        description=description,
        severity=severity,
        source=source,
        owner=owner,
        immediate_correction=immediate_correction,
    )
    if owner is None and process is not None and process.owner_id and process.owner.is_active:
        owner = process.owner
    year = timezone.localdate().year
    number = f"NC-{year}-{sequence_next(f'nonconformity-{year}'):04d}"
    nc = Nonconformity.objects.create(
        number=number,
        title=title.strip(),
        description=description,
        severity=severity,
        source=source,
        immediate_correction=immediate_correction or "",
        raised_by=actor,
        process=process,
        criterion=criterion,
        owner=owner,
        source_reference=source_reference,
        repeated_of=repeated_of(process=process, criterion=criterion),
    )
    event_record(obj=nc, action=gettext_lazy("Raised"), actor=actor, to_state=nc.status)
    analysts = people_with_perm("improvement.change_nonconformity").exclude(pk=actor.pk)
    notification_send(
        recipients=analysts,
        subject=gettext_lazy("New nonconformity %(number)s: %(title)s"),
        params={"number": number, "title": nc.title},
        body=description,
        url=nc.get_absolute_url(),
    )
    if nc.repeated_of_id:
        event_record(
            obj=nc,
            action=gettext_lazy("Repeats %(number)s"),
            actor=actor,
            params={"number": nc.repeated_of.number},
        )
        notification_send(
            recipients=people_with_perm("improvement.change_nonconformity"),
            subject=gettext_lazy("Repeated nonconformity %(number)s: it repeats %(earlier)s"),
            params={"number": number, "earlier": nc.repeated_of.number},
            body=gettext_lazy(
                "The same process (%(process)s) failed the same requirement (%(criterion)s) again "
                "after the corrective action on %(earlier)s was closed. It counts toward KPI 4."
            ),
            body_params={
                "process": stored_ref(process),
                "criterion": stored_ref(criterion),
                "earlier": nc.repeated_of.number,
            },
            url=nc.get_absolute_url(),
        )
    if owner is not None and owner.pk != actor.pk:
        notification_send(
            recipients=[owner],
            subject=gettext_lazy("You own nonconformity %(number)s: %(title)s"),
            params={"number": number, "title": nc.title},
            body=description,
            url=nc.get_absolute_url(),
        )
    return nc


def nonconformity_transition(*, nonconformity: Nonconformity, target: str, actor, comment: str = ""):
    """A move from the nonconformity's table that a person makes by a button. Opening a
    corrective action (``capa_open``) and its verification move the rest."""
    move = NONCONFORMITY_WORKFLOW.get(nonconformity.status, target)
    if move is not None and move.permission is None:
        raise ValidationError(
            _(
                "Open a corrective action to move the nonconformity on; it closes when that is verified effective."
            )
        )
    return transition_perform(
        obj=nonconformity, workflow=NONCONFORMITY_WORKFLOW, target=target, actor=actor, comment=comment
    )
