"""Strict readers for settings taken from the environment.

django-environ parses URLs well but reads any unknown word as ``False``; a typo such as
``DEBUG=ture`` must stop start-up instead of silently switching a setting off.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = env.str(name, default=None)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean; use one of: true, false, 1, 0, yes, no, on, off."
    )


def env_secret(name: str, default: str | None = None) -> str | None:
    """Read ``NAME`` or, for container secrets, the file named by ``NAME_FILE``."""
    path = env.str(f"{name}_FILE", default=None)
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={path!r} cannot be read: {exc}") from exc
    return env.str(name, default=default)
