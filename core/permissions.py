"""Permission checks that combine role (global) rights with django-guardian object rights."""

from django.db.models import Model


def user_can(user, perm: str, obj: Model | None = None) -> bool:
    """True when the user holds ``perm`` through a role, or on ``obj`` itself."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm(perm):
        return True
    return obj is not None and user.has_perm(perm, obj)


def user_roles(user) -> list[str]:
    """Role codes the user holds (group names that are roles), in the table's order."""
    from .roles import Role

    if not user.is_authenticated:
        return []
    held = {g.name for g in user.groups.all()}
    return [r.value for r in Role if r.value in held]
