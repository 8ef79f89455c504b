"""The worker counts its tasks for Prometheus: succeeded, failed and retried per task name, and
how long they ran; a real worker serves them when IAAR_WORKER_METRICS_PORT is set."""

import socket
import time
import urllib.request

import pytest
from celery import signals
from prometheus_client import REGISTRY

from core.tasks import heartbeat
from iaar_qms.celery import app
from tests.core.test_worker import worker  # noqa: F401


def _value(metric: str, task: str) -> float:
    return REGISTRY.get_sample_value(metric, {"task": task}) or 0.0


@app.task(name="tests.metrics.fails")
def _fails():
    raise RuntimeError("the task broke")


def test_a_task_that_runs_is_counted_with_its_run_time():
    name = heartbeat.name
    before = _value("iaar_worker_tasks_succeeded_total", name)
    runs = _value("iaar_worker_task_runtime_seconds_count", name)
    heartbeat.apply()
    assert _value("iaar_worker_tasks_succeeded_total", name) == before + 1
    assert _value("iaar_worker_task_runtime_seconds_count", name) == runs + 1


def test_a_failed_task_is_counted_as_failed_not_succeeded():
    name = _fails.name
    before = _value("iaar_worker_tasks_failed_total", name)
    result = _fails.apply(throw=False)
    assert result.failed()
    assert _value("iaar_worker_tasks_failed_total", name) == before + 1
    assert _value("iaar_worker_tasks_succeeded_total", name) == 0


def test_a_retry_is_counted():
    name = heartbeat.name
    before = _value("iaar_worker_tasks_retried_total", name)
    signals.task_retry.send(sender=heartbeat, request=None, reason="broker away", einfo=None)
    assert _value("iaar_worker_tasks_retried_total", name) == before + 1


def test_no_server_without_a_port(monkeypatch):
    from core.worker_metrics import serve_metrics

    monkeypatch.delenv("IAAR_WORKER_METRICS_PORT", raising=False)
    assert serve_metrics() is None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def metrics_port(monkeypatch):
    port = _free_port()
    monkeypatch.setenv("IAAR_WORKER_METRICS_PORT", str(port))
    return port


@pytest.mark.celery_worker
def test_a_real_worker_serves_its_counts(metrics_port, worker):  # noqa: F811
    _mail_dir, process = worker
    app.send_task("core.tasks.heartbeat")
    wanted = 'iaar_worker_tasks_succeeded_total{task="core.tasks.heartbeat"} 1.0'
    deadline, text = time.monotonic() + 90, ""
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=2) as page:
                text = page.read().decode()
        except OSError:
            text = ""
        if wanted in text:
            break
        time.sleep(0.5)
    if wanted not in text:
        process.terminate()
        output = process.communicate(timeout=20)[0]
        pytest.fail(f"No count of the task at /metrics. Got:\n{text[-2000:]}\nWorker:\n{output[-3000:]}")
    assert "iaar_worker_task_runtime_seconds_bucket" in text
