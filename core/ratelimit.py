"""A counter per visitor address and time window in the cache, for public actions that a
script could repeat: certificate checks (number enumeration), answers through a public survey
link (stuffing). Generous limits: a class answering from one university network shares one
address."""

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone


def over_limit(request: HttpRequest, scope: str, limit: int, *, window: int = 60) -> bool:
    """Count this request against ``scope`` for the visitor's address; True once more than
    ``limit`` requests came in the current window of ``window`` seconds."""
    address = request.META.get("REMOTE_ADDR", "")
    slot = int(timezone.now().timestamp()) // window
    key = f"ratelimit:{scope}:{address}:{slot}"
    cache.add(key, 0, window + 10)  # no-op when the window's counter exists
    try:
        return cache.incr(key) > limit
    except ValueError:  # the counter vanished (cache restarted): let this one through
        return False
