"""Every view declares who may open it; the permission-matrix test reads the same declaration.

A rule is ``PUBLIC`` (anyone), ``SIGNED_IN`` (any signed-in person) or a permission name
such as ``"documents.approve_document"``. Denied means a login redirect for the public and
403 for a signed-in person. Rights over single objects are checked by selectors.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

PUBLIC = "public"
SIGNED_IN = "signed_in"


def rule_allows(user, rule: str) -> bool:
    if rule == PUBLIC:
        return True
    if not user.is_authenticated:
        return False
    return rule == SIGNED_IN or user.has_perm(rule)


def _check(request: HttpRequest, rule: str) -> HttpResponse | None:
    if rule_allows(request.user, rule):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def access(rule: str) -> Callable:
    """Declare the access rule of a function view and enforce it."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            return _check(request, rule) or view(request, *args, **kwargs)

        wrapped.access_rule = rule
        return wrapped

    return decorator


class AccessMixin:
    """Declare the access rule of a class-based view as ``access_rule`` and enforce it."""

    access_rule: str = ""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.access_rule:
            raise PermissionDenied  # a view without a declared rule is closed
        return _check(request, self.access_rule) or super().dispatch(request, *args, **kwargs)


def view_access_rule(callback: Callable) -> str | None:
    """The rule a resolved URL's view declares, or None when it declares none."""
    rule = getattr(callback, "access_rule", None)
    if rule:
        return rule
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)  # DRF: cls
    return getattr(view_class, "access_rule", None) or None
