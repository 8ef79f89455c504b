"""Caching for anonymous visitors. Rendered parts of registry pages are kept under a
"generation" number; anything the registry shows that changes (a publication, a certificate's
status, a decision set aside, a name) starts a new generation once its transaction commits,
so no visitor ever sees a revoked certificate as valid. The date is part of every key: a
certificate whose term ended yesterday reads "expired" today.
"""

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

GENERATION_KEY = "registry:generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        value = cache.get(GENERATION_KEY, 0)
    return value


def _new_generation() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), None)


def changed() -> None:
    """The public registry changed: drop what is cached now, and again once the change is
    committed (a page rendered in between still read the old rows)."""
    _new_generation()
    transaction.on_commit(_new_generation)


def request_parts(request) -> tuple:
    """The whole request a public answer depends on, normalized: the path and every query
    parameter with all its values, in a stable order. Nothing is cut, so two addresses that
    differ anywhere — even past the 4,000th byte — never share an answer."""
    return (request.path, tuple(sorted((key, tuple(values)) for key, values in request.GET.lists())))


def cache_key(name: str, parts: object) -> str:
    """The key of a rendered part for this generation, language and day."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"registry:{generation()}:{get_language()}:{timezone.localdate():%Y%m%d}:{name}:{digest}"


def cached(name: str, parts: object, build: Callable[[], str]) -> str:
    """A rendered part of a public page for this generation, language and day."""
    key = cache_key(name, parts)
    text = cache.get(key)
    if text is None:
        text = build()
        cache.set(key, text, settings.IAAR_REGISTRY_CACHE_SECONDS)
    return text
