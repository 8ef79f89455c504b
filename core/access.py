"""Every view declares who may open it; the permission-matrix test reads the same declaration.

A rule is ``PUBLIC`` (anyone), ``SIGNED_IN`` (any signed-in person) or a permission name
such as ``"documents.approve_document"``. Denied means a login redirect for the public and
403 for a signed-in person. Rights over single objects are checked by selectors; a view whose
selector hides some objects from some readers (a 404 for them) also names that question as its
``opens`` rule, so a page can ask ``may_open`` before it shows a link: a page never shows a link
that its reader cannot open.
"""

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve, reverse

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


def access(rule: str, *, opens: Callable[..., bool] | None = None, moves=None) -> Callable:
    """Declare the access rule of a function view and enforce it.

    ``opens(user, **url_kwargs)`` answers whether this reader may open the object the URL names
    (the view itself still fetches through its selector, which enforces it); see ``shown_by``.
    ``moves`` (``WORKFLOW.acts(target, …)``) names the workflow moves the view makes: their
    rules in the table say who may use it (the view's service enforces them).
    """

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            return _check(request, rule) or view(request, *args, **kwargs)

        wrapped.access_rule = rule
        wrapped.object_rule = opens
        wrapped.moves = moves
        return wrapped

    return decorator


class AccessMixin:
    """Declare the access rule of a class-based view as ``access_rule`` and enforce it."""

    access_rule: str = ""
    object_rule: Callable[..., bool] | None = None  # as ``access(…, opens=…)``
    moves = None  # as ``access(…, moves=…)``

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.access_rule:
            raise PermissionDenied  # a view without a declared rule is closed
        return _check(request, self.access_rule) or super().dispatch(request, *args, **kwargs)


def _declared(callback: Callable, name: str):
    """What a resolved URL's view (a function, or a class-based or DRF view's class) declares."""
    value = getattr(callback, name, None)
    if value:
        return value
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)  # DRF: cls
    return getattr(view_class, name, None) or None


def view_access_rule(callback: Callable) -> str | None:
    """The rule a resolved URL's view declares, or None when it declares none."""
    return _declared(callback, "access_rule")


def view_object_rule(callback: Callable) -> Callable[..., bool] | None:
    """The object rule a resolved URL's view declares (``opens``), or None."""
    return _declared(callback, "object_rule")


def view_moves(callback: Callable):
    """The workflow moves a resolved URL's view declares it makes (``moves``), or None."""
    return _declared(callback, "moves")


def refused_as(opens: Callable[..., bool], status: Callable[..., int]) -> Callable[..., bool]:
    """An ``opens`` rule whose refusal is not always 404: ``status(user)`` says what a reader
    it refuses gets (e.g. 403 for one who may read nothing of the kind, 404 for one who may read
    such records but not this one). The view's selector refuses the same way."""
    opens.refusal = status
    return opens


def refusal_of(opens: Callable[..., bool], user) -> int:
    """The status an ``opens`` rule's refusal answers this reader (404 unless declared)."""
    status = getattr(opens, "refusal", None)
    return status(user) if status else 404


def shown_by(selector: Callable[..., QuerySet], key: str = "pk") -> Callable[..., bool]:
    """An ``opens`` rule: the URL's object is among those the app's selector shows the reader."""

    def opens(user, **url_kwargs) -> bool:
        return selector(user).filter(pk=url_kwargs[key]).exists()

    return opens


def may_open(user, path: str) -> bool:
    """Whether this reader may open the page at ``path`` on this site: the rule its view
    declares, then the view's object rule. A path that resolves to no view cannot be opened."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return False
    rule = view_access_rule(match.func)
    if rule and not rule_allows(user, rule):
        return False
    opens = view_object_rule(match.func)
    return opens is None or opens(user, **match.kwargs)


def url_for_reader(user, target: str | Model, *args, **kwargs) -> str:
    """The URL of ``target`` (a URL name with its arguments, a model with
    ``get_absolute_url``, or a stored path), or "" when this reader may not open it."""
    if isinstance(target, Model):
        path = target.get_absolute_url()
    elif not target:
        return ""
    elif target.startswith("/"):
        path = target
    elif "://" in target:
        return target  # another site's page: not ours to judge
    else:
        path = reverse(target, args=args or None, kwargs=kwargs or None)
    return path if may_open(user, path) else ""
