"""Tests: fast hashing, captured e-mail, throw-away media, tasks run in-process."""

import hashlib
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, STORAGES, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "demo.hashers.DemoPasswordHasher"]
# The real-worker test asks its worker process to write e-mails to files it can read.
EMAIL_BACKEND = env.str("TEST_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
# A real worker started by a test stores its files where that test looks (TEST_MEDIA_ROOT).
MEDIA_ROOT = Path(env.str("TEST_MEDIA_ROOT", default="") or tempfile.mkdtemp(prefix="iaar-test-media-"))
# A drill's worker may store through a test-only storage that pauses (tests/drill_hooks.py).
if _storage := env.str("TEST_FILE_STORAGE", default=""):
    STORAGES = {**STORAGES, "default": {"BACKEND": _storage}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if _shared_cache := env.str("TEST_REDIS_CACHE", default=""):
    # A drill's workers share their cache (a mail's claim), as production's processes do.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _shared_cache,
            "KEY_PREFIX": "iaar-test-drill",
        }
    }
CELERY_TASK_ALWAYS_EAGER = True
LANGUAGE_CODE = "en"
AXES_FAILURE_LIMIT = 3
# The registry test that checks the limit lowers it; the rest must not run into it.
IAAR_VERIFY_LIMIT_PER_MINUTE = 100_000
IAAR_SURVEY_ANSWERS_PER_HOUR = 100_000

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: the real-worker test starts a separate process that must see it.
    # One file per checkout, so two working trees on one machine never share a test database.
    _checkout = hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"iaar-qms-test-{_checkout}.sqlite3")
    }
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="iaar-test-static-"))
# The tests' self-signed agency certificate (made at the session's start when missing), one per checkout.
_signing = (
    Path(tempfile.gettempdir()) / f"iaar-qms-signing-{hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]}"
)
IAAR_SIGNING_KEY_FILE = str(_signing / "agency-key.pem")
IAAR_SIGNING_CERT_FILE = str(_signing / "agency-cert.pem")
