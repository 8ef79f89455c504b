"""Tests: fast hashing, captured e-mail, throw-away media, tasks run in-process."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "core.hashers.DemoPasswordHasher"]
# The real-worker test asks its worker process to write e-mails to files it can read.
EMAIL_BACKEND = env.str("TEST_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="iaar-test-media-"))
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_ALWAYS_EAGER = True
LANGUAGE_CODE = "en"
AXES_FAILURE_LIMIT = 3
# The registry test that checks the limit lowers it; the rest must not run into it.
IAAR_VERIFY_LIMIT_PER_MINUTE = 100_000
IAAR_SURVEY_ANSWERS_PER_HOUR = 100_000

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: the real-worker test starts a separate process that must see it.
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / "iaar-qms-test.sqlite3")}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="iaar-test-static-"))
