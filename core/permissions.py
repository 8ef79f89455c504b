"""Permission checks that combine role (global) rights with django-guardian object rights."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet


def user_can(user, perm: str, obj: Model | None = None) -> bool:
    """True when the user holds ``perm`` through a role, or on ``obj`` itself."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm(perm):
        return True
    if obj is None or perm.partition(".")[0] != obj._meta.app_label:
        # An object right is held on the permission's own app's records only (guardian refuses
        # to look up another app's: a rule shared by two apps asks the role's right alone).
        return False
    return user.has_perm(perm, obj)


def user_role_labels(user) -> str:
    """The roles a person holds, as a signature records them next to the name: their English
    labels, shown in each reader's language (``core.roles.roles_label``)."""
    from .roles import roles_stored

    return roles_stored(user_roles(user))


def password_confirm(user, password: str) -> None:
    """An electronic signature starts with the signer's password, typed again.

    Checked without re-hashing: signing never rewrites the signer's account row. Wrong passwords
    are counted; after too many, signing is locked for a while (core.signing_guard)."""
    from django.conf import settings
    from django.contrib.auth.hashers import check_password
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    from . import signing_guard

    if signing_guard.locked(user):
        raise ValidationError(
            _("Signing is locked for %(minutes)d minutes after too many wrong passwords; nothing was signed.")
            % {"minutes": settings.IAAR_SIGNING_COOLOFF_MINUTES}
        )
    if not password or not check_password(password, user.password):
        if signing_guard.failure_note(user):
            raise ValidationError(
                _(
                    "The password is not right; nothing was signed. Signing is now locked for "
                    "%(minutes)d minutes, and the IQAS owner is told."
                )
                % {"minutes": settings.IAAR_SIGNING_COOLOFF_MINUTES}
            )
        raise ValidationError(_("The password is not right; nothing was signed."))
    signing_guard.success_note(user)


def user_roles(user) -> list[str]:
    """Role codes the user holds (group names that are roles), in the table's order."""
    from .roles import Role

    if not user.is_authenticated:
        return []
    held = {g.name for g in user.groups.all()}
    return [r.value for r in Role if r.value in held]


def require_perm(actor, perm: str, message: str = "") -> None:
    """A service's first line: refuse anyone whose roles do not grant ``perm``."""
    from django.utils.translation import gettext as _

    if actor is None or not (actor.is_active and actor.has_perm(perm)):
        raise PermissionDenied(message or _("You are not allowed to do this."))


def people_with_perm(*perms: str) -> QuerySet:
    """Active people whose roles grant any of these permissions (``"app_label.codename"``)."""
    which = Q()
    for perm in perms:
        app_label, codename = perm.split(".", 1)
        which |= Q(
            groups__permissions__codename=codename,
            groups__permissions__content_type__app_label=app_label,
        )
    return get_user_model().objects.filter(which, is_active=True).distinct()


def signer_name(actor) -> str:
    """How a signature names its signer: the name, with the roles held when signing (stored
    language-neutral, shown with ``|signer``)."""
    from .roles import signer_stored

    return signer_stored(str(actor), user_roles(actor))
