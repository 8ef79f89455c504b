"""The Celery application. Tasks live in each app's tasks.py and are discovered here."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iaar_qms.settings.base")

app = Celery("iaar_qms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Each task's log lines carry the request id of the request that queued it (django-structlog).
from django_structlog.celery.steps import DjangoStructLogInitStep  # noqa: E402

app.steps["worker"].add(DjangoStructLogInitStep)

# Tasks succeeded/failed/retried and their run time, served when IAAR_WORKER_METRICS_PORT is set.
import core.worker_metrics  # noqa: E402, F401
