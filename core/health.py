"""Checks behind /healthz: can we reach the database, the broker and file storage?"""

import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_broker() -> None:
    from iaar_qms.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def check_storage() -> None:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


CHECKS = {"database": check_database, "broker": check_broker, "storage": check_storage}


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
    report["scheduler_last_seen"] = cache.get("core:heartbeat")
    return healthy, report
