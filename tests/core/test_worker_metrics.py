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
from tests.core.test_worker import worker, worker_queue  # noqa: F401


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


def test_a_prefork_worker_without_the_directory_warns(metrics_port, monkeypatch, caplog):
    from core.worker_metrics import serve_metrics

    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    server, _thread = serve_metrics(pool="prefork")
    server.shutdown()
    server.server_close()
    assert "set PROMETHEUS_MULTIPROC_DIR" in caplog.text


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


def _scrape(port: int, wanted: str, process, seconds: float = 90) -> str | None:
    """The metrics page once it contains ``wanted`` (or the last one seen; None if the server
    never answered)."""
    deadline, text = time.monotonic() + seconds, None
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2) as page:
                text = page.read().decode()
        except OSError:
            pass
        if text is not None and wanted in text:
            return text
        time.sleep(0.5)
    return text


@pytest.mark.celery_worker
def test_a_prefork_worker_adds_up_the_counts_of_its_children(
    metrics_port,
    worker_queue,  # noqa: F811
    tmp_path,
):
    """Production's pool: two child processes run the tasks, the main process serves /metrics;
    with PROMETHEUS_MULTIPROC_DIR the scrape is the sum of both children's counts."""
    import re

    from core.outbox import enqueue_now
    from tests.core.test_worker import worker_start, worker_stop
    from tests.drill_hooks import nap

    counts = tmp_path / "prometheus"
    counts.mkdir()
    (counts / "counter_999999.db").write_bytes(b"left by an earlier run")  # removed at start
    log = tmp_path / "worker.log"
    process = worker_start(
        worker_queue,
        tmp_path / "mail",
        log,
        pool=("--pool=prefork", "--concurrency=2", "--include=tests.drill_hooks"),
        PROMETHEUS_MULTIPROC_DIR=str(counts),
    )
    try:
        assert _scrape(metrics_port, "", process) is not None, log.read_text()[-3000:]
        for _ in range(6):
            assert enqueue_now(nap.name, [1.0], {})
        wanted = 'iaar_worker_tasks_succeeded_total{task="tests.drill_hooks.nap"} 6.0'
        text = _scrape(metrics_port, wanted, process)
        children = {
            int(m.group(1)) for f in counts.glob("counter_*.db") if (m := re.search(r"_(\d+)\.db$", f.name))
        }
        children.discard(process.pid)  # the main process serves, it runs no task
    finally:
        worker_stop(process)
    assert text and wanted in text, f"Got:\n{text[-2000:]}\nWorker:\n{log.read_text()[-3000:]}"
    assert 999999 not in children
    assert len(children) >= 2, children  # both children counted, in files of their own
    assert 'iaar_worker_task_runtime_seconds_count{task="tests.drill_hooks.nap"} 6.0' in text
    print(f"prefork metrics: 6 tasks counted from {len(children)} children")  # noqa: T201
