"""Operators see what the portal does: every request leaves one JSON log line carrying its
request id, and /metrics serves Prometheus counters to a scraper with the token or to an
administrator, to nobody else."""

import io
import json
import logging
import logging.config

import pytest
from django.conf import settings

from core.roles import Role


@pytest.fixture
def json_lines():
    stream = io.StringIO()
    config = settings.LOGGING["formatters"]["json"]
    formatter = logging.config.DictConfigurator({}).configure_custom(dict(config))
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger("django_structlog")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_a_request_leaves_json_lines_with_its_request_id(client, db, json_lines):
    assert client.get("/ping").status_code == 200
    assert client.get("/ping").status_code == 200
    finished = [line for line in json_lines() if line["event"] == "request_finished"]
    assert len(finished) == 2
    assert all(line["code"] == 200 and line["request"].endswith("/ping") for line in finished)
    ids = {line["request_id"] for line in finished}
    assert len(ids) == 2 and all(len(i) == 36 for i in ids)
    assert all(line["level"] == "info" and line["timestamp"] for line in finished)


@pytest.fixture
def token(settings):
    settings.IAAR_METRICS_TOKEN = "scrape-" + "x" * 32
    return settings.IAAR_METRICS_TOKEN


def test_a_scraper_with_the_token_reads_the_request_counters(client, db, token):
    client.get("/ping")
    answer = client.get("/metrics", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    assert "django_http_requests_total_by_view_transport_method_total" in answer.content.decode()
    assert 'view="core:ping"' in answer.content.decode()


def test_nobody_else_reads_the_metrics(client, client_as, db, token):
    assert client.get("/metrics").status_code == 302
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 302
    assert client_as(Role.QMS_OWNER).get("/metrics").status_code == 403


def test_an_administrator_reads_them_signed_in(client, django_user_model, db):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x" * 16)
    client.force_login(admin)
    assert client.get("/metrics").status_code == 200


def test_a_task_queued_during_a_request_carries_its_request_id(db):
    import structlog
    from celery.signals import before_task_publish

    headers: dict = {}
    with structlog.contextvars.bound_contextvars(request_id="3f1c2b9e-0000-4000-8000-000000000001"):
        before_task_publish.send(
            sender="core.tasks.x", headers=headers, body={}, properties={}, routing_key="celery"
        )
    assert headers["__django_structlog__"]["request_id"] == "3f1c2b9e-0000-4000-8000-000000000001"
