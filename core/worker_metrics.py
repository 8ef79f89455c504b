"""Prometheus metrics of the Celery worker: tasks succeeded, failed and retried per task name,
and how long they ran. The worker serves them itself (prometheus_client's HTTP server) when
IAAR_WORKER_METRICS_PORT is set, on 127.0.0.1 unless IAAR_WORKER_METRICS_ADDR says otherwise.

With the prefork pool (production's) the tasks run in child processes and the server in the
main one: set PROMETHEUS_MULTIPROC_DIR, in the worker's environment, to a directory of the
worker's own (not the web's). Each child then writes its counts to a file there
(``counter_<pid>.db``) and the server adds up every file (prometheus_client's multiprocess
collector), so a child that was replaced (``--max-tasks-per-child``, a crash) keeps its counts.
The worker removes the files of an earlier run when it starts, so its counters start at zero as
Prometheus expects of a restarted process. Without the directory a prefork worker serves no
task counts at all (each child counts in its own memory): the worker warns at start.
"""

import logging
import os
import re
import time
from pathlib import Path

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


def stale_files_remove(directory: str) -> int:
    """Remove the count files an earlier run of the worker left (any process but this one,
    which may have opened its own already). Returns how many."""
    removed = 0
    for path in Path(directory).glob("*.db"):
        match = re.search(r"_(\d+)\.db$", path.name)
        if match and int(match.group(1)) != os.getpid():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def serve_metrics(pool: str = "") -> tuple | None:
    """Start the metrics server when IAAR_WORKER_METRICS_PORT is set; returns (server, thread)."""
    port = os.environ.get("IAAR_WORKER_METRICS_PORT", "").strip()
    if not port:
        return None
    addr = os.environ.get("IAAR_WORKER_METRICS_ADDR", "").strip() or "127.0.0.1"
    registry = None
    if directory := os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        Path(directory).mkdir(parents=True, exist_ok=True)
        stale_files_remove(directory)
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    elif "prefork" in pool:
        logger.warning(
            "worker metrics: the prefork pool counts its tasks in child processes; set "
            "PROMETHEUS_MULTIPROC_DIR to an empty directory or /metrics shows no task counts"
        )
    kwargs = {"registry": registry} if registry is not None else {}
    served = start_http_server(int(port), addr=addr, **kwargs)
    logger.info("worker metrics on http://%s:%s/metrics", addr, port)
    return served


@signals.worker_init.connect
def _worker_started(sender=None, **_):
    pool = getattr(sender, "pool_cls", "")  # "prefork", "solo"… (resolved to a class later)
    serve_metrics(pool=pool if isinstance(pool, str) else getattr(pool, "__module__", ""))
