"""Apps tell each other what happened through named events, not imports upward.

A service publishes an event inside its transaction; the subscribers run once it commits
(never if it rolls back), each on its own: one subscriber failing neither undoes the record
nor stops the others. An app subscribes in its ``AppConfig.ready``::

    # accreditation's service, when the coordinator records the visit
    events.publish(events.VISIT_HELD, project_id=project.pk)

    # surveys/apps.py
    events.subscribe(events.VISIT_HELD, dispatch_surveys_after_visit)
"""

import functools
from collections import defaultdict
from collections.abc import Callable

from django.db import transaction

# The events, with the keyword arguments their subscribers receive.
VISIT_HELD = "accreditation.visit_held"  # project_id: the EEC visit was recorded as held
DECISION_PUBLISHED = "accreditation.decision_published"  # publication_id: a decision was published

_subscribers: dict[str, list[Callable[..., None]]] = defaultdict(list)


def subscribe(event: str, handler: Callable[..., None]) -> None:
    """Call ``handler(**payload)`` after each committed ``publish(event, ...)``; once per handler."""
    if handler not in _subscribers[event]:
        _subscribers[event].append(handler)


def subscribers(event: str) -> list[Callable[..., None]]:
    return list(_subscribers.get(event, ()))


def publish(event: str, *, using: str | None = None, **payload) -> None:
    """Announce ``event`` to its subscribers once the current transaction commits."""
    for handler in subscribers(event):
        call = functools.partial(handler, **payload)
        # Django logs a failing robust callback by its __qualname__, which a partial lacks.
        call.__qualname__ = getattr(handler, "__qualname__", repr(handler))
        transaction.on_commit(call, using=using, robust=True)
