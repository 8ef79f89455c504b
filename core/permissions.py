"""Permission checks that combine role (global) rights with django-guardian object rights."""

from django.db.models import Model


def user_can(user, perm: str, obj: Model | None = None) -> bool:
    """True when the user holds ``perm`` through a role, or on ``obj`` itself."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm(perm):
        return True
    return obj is not None and user.has_perm(perm, obj)


def user_role_labels(user) -> str:
    """The roles a person holds, as words: what a signature records next to the name."""
    from .roles import Role

    return ", ".join(str(Role(code).label) for code in user_roles(user))


def password_confirm(user, password: str) -> None:
    """An electronic signature starts with the signer's password, typed again.

    Checked without re-hashing: signing never rewrites the signer's account row.
    """
    from django.contrib.auth.hashers import check_password
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if not password or not check_password(password, user.password):
        raise ValidationError(_("The password is not right; nothing was signed."))


def user_roles(user) -> list[str]:
    """Role codes the user holds (group names that are roles), in the table's order."""
    from .roles import Role

    if not user.is_authenticated:
        return []
    held = {g.name for g in user.groups.all()}
    return [r.value for r in Role if r.value in held]
