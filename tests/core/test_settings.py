"""Settings come from the environment and fail loudly when a value is wrong."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from iaar_qms.settings.environment import env_bool, env_secret

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "iaar_qms.settings.production",
    "SECRET_KEY": "p" * 20 + "-a-long-random-production-secret-key-0123456789",
    "ALLOWED_HOSTS": "qms.iaar.example",
    "DATABASE_URL": "postgres://iaar@127.0.0.1:5432/iaar",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "IAAR_VAR_DIR": "/tmp/iaar-deploy-check",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("word", ["ture", "maybe", "2"])
def test_a_malformed_boolean_stops_start_up_with_a_clear_message(monkeypatch, word):
    monkeypatch.setenv("DEBUG", word)
    with pytest.raises(ImproperlyConfigured, match="is not a boolean"):
        env_bool("DEBUG", default=False)


@pytest.mark.parametrize(("word", "value"), [("true", True), ("off", False), ("1", True), ("No", False)])
def test_booleans_accept_the_usual_words(monkeypatch, word, value):
    monkeypatch.setenv("DEBUG", word)
    assert env_bool("DEBUG", default=not value) is value


def test_secrets_can_come_from_a_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("SMTP_PASSWORD_FILE", str(secret))
    assert env_secret("SMTP_PASSWORD") == "from-a-file"


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_real_secret_key():
    result = _manage("check", **{**PRODUCTION_ENV, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "SECRET_KEY (or SECRET_KEY_FILE) must be set" in result.stderr


def test_production_refuses_sqlite_and_the_file_broker():
    result = _manage("check", **{**PRODUCTION_ENV, "DATABASE_URL": "sqlite:////tmp/x.sqlite3"})
    assert "Production runs on PostgreSQL" in result.stderr
    result = _manage("check", **{**PRODUCTION_ENV, "CELERY_BROKER_URL": "filesystem://"})
    assert "Production runs Celery on Redis" in result.stderr


def test_redis_visibility_timeout_exceeds_hard_time_limit(monkeypatch):
    """A task whose worker died comes back within minutes, never while it still runs."""
    import importlib

    import iaar_qms.settings.base as base

    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    try:
        reloaded = importlib.reload(base)
        timeout = reloaded.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
        assert reloaded.CELERY_TASK_SOFT_TIME_LIMIT < reloaded.CELERY_TASK_TIME_LIMIT < timeout < 600
        assert reloaded.CELERY_TASK_ACKS_LATE and reloaded.CELERY_TASK_REJECT_ON_WORKER_LOST
        assert reloaded.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    finally:
        monkeypatch.delenv("CELERY_BROKER_URL")
        importlib.reload(base)
