"""Two things every request needs before the rest of the portal sees it.

**The client's address from a trusted proxy only.** Behind the TLS proxy every request comes
from the proxy's address; the proxy names the client in a header (``X-Forwarded-For`` unless
``IAAR_CLIENT_IP_HEADER`` says otherwise). That header is believed only when the request came
from one of ``IAAR_TRUSTED_PROXIES`` (addresses or networks); a visitor who sends it directly
is ignored. The client's address then replaces ``REMOTE_ADDR``, so the sign-in lockout (axes),
every rate limit and the audit trail count the visitor, not the proxy.

**Idle sessions end.** A signed-in session that sees no request for ``IAAR_IDLE_TIMEOUT_MINUTES``
ends (on top of the absolute ``SESSION_COOKIE_AGE``); pages warn a minute or two before.
"""

import ipaddress
import time
from contextvars import ContextVar
from functools import lru_cache

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import ngettext

IDLE_KEY = "iaar_last_seen"

# The client's address of the request being served, for code that has no request at hand
# (a service counting signing failures per address).
CURRENT_ADDRESS: ContextVar[str] = ContextVar("iaar_client_address", default="")


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in _networks(tuple(settings.IAAR_TRUSTED_PROXIES)))


def client_address(meta: dict) -> str:
    """The client's address: the peer, or — when the peer is a trusted proxy — the last
    address in the proxy's header that is not itself a trusted proxy."""
    peer = meta.get("REMOTE_ADDR", "")
    if not _trusted(peer):
        return peer
    chain = [part.strip() for part in meta.get(settings.IAAR_CLIENT_IP_HEADER, "").split(",") if part.strip()]
    for candidate in reversed(chain):
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            return peer  # a header we cannot read: keep what we know
        if not _trusted(candidate):
            return candidate
    return peer


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        peer = request.META.get("REMOTE_ADDR", "")
        request.META["IAAR_PEER_ADDR"] = peer
        request.META["REMOTE_ADDR"] = client_address(request.META)
        token = CURRENT_ADDRESS.set(request.META["REMOTE_ADDR"])
        try:
            return self.get_response(request)
        finally:
            CURRENT_ADDRESS.reset(token)


class IdleTimeoutMiddleware:
    """After SessionMiddleware and AuthenticationMiddleware."""

    # Written to the session at most this often: not a database write per request.
    TOUCH_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.IAAR_IDLE_TIMEOUT_MINUTES * 60
        user = getattr(request, "user", None)
        if limit and user is not None and user.is_authenticated:
            now = int(time.time())
            last = request.session.get(IDLE_KEY)
            if last is not None and now - last > limit:
                logout(request)
                minutes = settings.IAAR_IDLE_TIMEOUT_MINUTES
                messages.info(
                    request,
                    ngettext(
                        "You were signed out after %(minutes)d minute without activity.",
                        "You were signed out after %(minutes)d minutes without activity.",
                        minutes,
                    )
                    % {"minutes": minutes},
                )
                return redirect(f"{reverse('login')}?next={request.get_full_path()}")
            if last is None or now - last >= self.TOUCH_EVERY:
                request.session[IDLE_KEY] = now
        return self.get_response(request)


@receiver(user_logged_in, dispatch_uid="iaar-idle-start")
def _activity_starts_at_sign_in(sender, request, user, **kwargs) -> None:
    """Signing in is activity: the first page after it need not write the session again."""
    if request is not None and hasattr(request, "session"):
        request.session[IDLE_KEY] = int(time.time())
