"""The one helper that moves any controlled record from one status to another.

Each app states its workflow as a table — ``{from: {to: (permission, label)}}`` — and calls
``transition_perform``. The table refuses illegal moves, tells templates which buttons to
show, and gives the permission-matrix test its rows.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from .models import WorkflowEvent
from .permissions import user_can


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    permission: str | None
    label: str  # a lazy message: shown translated, stored untranslated


class Workflow:
    """A status field and the table of moves allowed on it.

    A move whose permission is ``None`` is made by a service after its own checks (a
    reviewer's agreement, a date arriving); it never shows as a button.
    """

    def __init__(self, field: str, table: dict[str, dict[str, tuple[str | None, str]]]) -> None:
        self.field = field
        self.table = table

    def __iter__(self):
        for source, moves in self.table.items():
            for target, (permission, label) in moves.items():
                yield Transition(str(source), str(target), permission, label)

    def get(self, source: str, target: str) -> Transition | None:
        move = self.table.get(source, {}).get(target)
        if move is None:
            return None
        return Transition(str(source), str(target), move[0], move[1])

    def available(self, obj: models.Model, user) -> list[Transition]:
        """The moves this user may make on this object now: the buttons to show."""
        current = getattr(obj, self.field)
        return [
            t
            for t in self
            if t.source == current and t.permission is not None and user_can(user, t.permission, obj)
        ]


def event_record(
    *,
    obj: models.Model,
    action,
    actor=None,
    from_state: str = "",
    to_state: str = "",
    comment: str = "",
    params: dict | None = None,
) -> WorkflowEvent:
    """Write one step on an object's timeline. ``action`` is a lazy message with optional
    %-``params``; it is stored untranslated and shown in each reader's language."""
    with translation.override(None):
        action = str(action)
    return WorkflowEvent.objects.create(
        params={k: str(v) for k, v in (params or {}).items()},
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
        action=action,
        actor=actor,
        from_state=from_state,
        to_state=to_state,
        comment=comment,
    )


@transaction.atomic
def transition_perform(
    *,
    obj: models.Model,
    workflow: Workflow,
    target: str,
    actor,
    comment: str = "",
    action: str = "",
    also: dict | None = None,
) -> models.Model:
    """Lock the row, check the table and the actor's right, move, record the event.

    ``also`` sets other fields that change with the move (a due date), in the same save, so
    history keeps one row per move."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    current = getattr(locked, workflow.field)
    move = workflow.get(current, target)
    if move is None:
        field = locked._meta.get_field(workflow.field)
        choices = dict(field.flatchoices)
        raise ValidationError(
            _("This record is “%(current)s”; it cannot be moved to “%(target)s”.")
            % {"current": choices.get(current, current), "target": choices.get(target, target)}
        )
    if move.permission is not None and not user_can(actor, move.permission, locked):
        raise PermissionDenied(_("You are not allowed to do this."))
    setattr(locked, workflow.field, target)
    for name, value in (also or {}).items():
        setattr(locked, name, value)
    locked._change_reason = comment or str(action or move.label)
    locked.save()
    event_record(
        obj=locked,
        action=action or move.label,
        actor=actor,
        from_state=current,
        to_state=target,
        comment=comment,
    )
    return locked
