"""Prometheus metrics of the Celery worker: tasks succeeded, failed and retried per task name,
and how long they ran. The worker serves them itself (prometheus_client's HTTP server) when
IAAR_WORKER_METRICS_PORT is set, on 127.0.0.1 unless IAAR_WORKER_METRICS_ADDR says otherwise.
With a prefork pool set PROMETHEUS_MULTIPROC_DIR (an empty directory) so the children's counts
reach the server in the main process."""

import logging
import os
import time

from celery import signals
from prometheus_client import CollectorRegistry, Counter, Histogram, multiprocess, start_http_server

logger = logging.getLogger(__name__)

TASKS_SUCCEEDED = Counter("iaar_worker_tasks_succeeded", "Tasks the worker finished successfully", ["task"])
TASKS_FAILED = Counter("iaar_worker_tasks_failed", "Tasks that raised an error", ["task"])
TASKS_RETRIED = Counter("iaar_worker_tasks_retried", "Tasks put back to be tried again", ["task"])
TASK_RUNTIME = Histogram(
    "iaar_worker_task_runtime_seconds",
    "How long a task ran",
    ["task"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, float("inf")),
)

_started: dict[str, float] = {}


@signals.task_prerun.connect
def _task_started(task_id=None, task=None, **_):
    _started[task_id] = time.monotonic()


@signals.task_postrun.connect
def _task_ended(task_id=None, task=None, state=None, **_):
    started = _started.pop(task_id, None)
    if started is not None:
        TASK_RUNTIME.labels(task=task.name).observe(time.monotonic() - started)
    if state == "SUCCESS":
        TASKS_SUCCEEDED.labels(task=task.name).inc()


@signals.task_failure.connect
def _task_failed(sender=None, **_):
    TASKS_FAILED.labels(task=sender.name).inc()


@signals.task_retry.connect
def _task_retried(sender=None, **_):
    TASKS_RETRIED.labels(task=sender.name).inc()


def serve_metrics() -> tuple | None:
    """Start the metrics server when IAAR_WORKER_METRICS_PORT is set; returns (server, thread)."""
    port = os.environ.get("IAAR_WORKER_METRICS_PORT", "").strip()
    if not port:
        return None
    addr = os.environ.get("IAAR_WORKER_METRICS_ADDR", "").strip() or "127.0.0.1"
    registry = None
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    kwargs = {"registry": registry} if registry is not None else {}
    served = start_http_server(int(port), addr=addr, **kwargs)
    logger.info("worker metrics on http://%s:%s/metrics", addr, port)
    return served


@signals.worker_init.connect
def _worker_started(**_):
    serve_metrics()
