"""Checks behind /healthz: can we reach the database, the cache, the broker and file storage,
and when did the scheduler (Celery beat) last run?"""

import datetime
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

# beat's heartbeat runs every 300 s (settings.CELERY_BEAT_SCHEDULE); three missed beats is late.
SCHEDULER_LATE = datetime.timedelta(seconds=900)


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not keep a value")
    cache.delete(key)


def check_broker() -> None:
    from iaar_qms.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def check_storage() -> None:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "storage": check_storage,
}


def scheduler_state() -> dict:
    """When beat last ran, and whether that is recent. Reported, never failing the web's health:
    a stopped scheduler must not take the portal out of its load balancer."""
    seen = cache.get("core:heartbeat")
    if not seen:
        return {"ok": None, "last_run": None}
    try:
        age = timezone.now() - datetime.datetime.fromisoformat(seen)
    except ValueError:
        return {"ok": False, "last_run": seen}
    return {"ok": age <= SCHEDULER_LATE, "last_run": seen, "age_seconds": int(age.total_seconds())}


def health_report() -> tuple[bool, dict]:
    report: dict = {}
    healthy = True
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # any failure of a dependency is reported, not raised
            healthy = False
            report[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        else:
            report[name] = {"ok": True}
    report["scheduler"] = scheduler_state()
    report["scheduler_last_seen"] = report["scheduler"]["last_run"]
    return healthy, report
