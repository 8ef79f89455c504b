"""One step on a record's timeline (``WorkflowEvent``): the moves of ``core.workflow`` write it,
and so do the events that are not moves (a lockout, an enrolment). Kept apart from the
workflow so that what the workflow's permissions depend on (the signing guard) may write one.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation

from .models import WorkflowEvent


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
