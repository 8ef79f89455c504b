"""User-scoped reads owned by the core."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Prefetch, QuerySet

from .models import Notification, User, WorkflowEvent
from .roles import ROLE_DESCRIPTIONS, Role


def notifications_visible_to(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user)


def events_for(obj: Model) -> QuerySet[WorkflowEvent]:
    """The timeline of one object, oldest first."""
    return WorkflowEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
    ).select_related("actor")


def role_register() -> list[dict]:
    """Every role with its description and the active people who hold it."""
    groups = Group.objects.filter(name__in=[r.value for r in Role]).prefetch_related(
        Prefetch(
            "user_set",
            queryset=User.objects.filter(is_active=True)
            .select_related("department")
            .order_by("last_name", "first_name"),
            to_attr="holders",
        )
    )
    by_name = {g.name: g for g in groups}
    return [
        {
            "code": role.value,
            "label": role.label,
            "description": ROLE_DESCRIPTIONS[role],
            "holders": getattr(by_name.get(role.value), "holders", []),
        }
        for role in Role
    ]
