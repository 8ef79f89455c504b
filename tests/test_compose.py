"""docker-compose.yml describes production; no Docker engine runs here, so check that every
service's command exists in this project and every service reads the same environment."""

import shutil
import sys
from pathlib import Path

import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _command(service: dict) -> list[str]:
    return service.get("command") or []


def test_the_production_services_are_all_there_with_health_checks():
    services = COMPOSE["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    for name in ("postgres", "redis", "web", "worker", "beat"):
        assert "healthcheck" in services[name], name
    assert {"pgdata", "media"} <= set(COMPOSE["volumes"])


def test_every_command_exists_in_the_project():
    commands = get_commands()
    services = COMPOSE["services"]
    web = _command(services["web"])
    assert web[0] == "gunicorn"
    assert shutil.which("gunicorn", path=str(Path(sys.executable).parent)), "gunicorn is not installed"
    module, attribute = web[1].split(":")
    imported = __import__(module, fromlist=[attribute])
    assert callable(getattr(imported, attribute))
    for name in ("worker", "beat"):
        argv = _command(services[name])
        assert argv[:3] == ["celery", "-A", "iaar_qms"] and argv[3] == name
    from iaar_qms.celery import app

    assert app.main == "iaar_qms"
    migrate = " ".join(_command(services["migrate"]))
    for part in migrate.split("&&"):
        words = part.split()
        if words[:2] == ["sh", "-c"]:
            words = words[2:]
        words = [w.strip("\"'") for w in words]
        assert words[1] == "manage.py" and words[2] in commands, part


def test_app_services_share_one_environment_and_production_settings():
    for name in ("web", "worker", "beat", "migrate"):
        env = COMPOSE["services"][name]["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "iaar_qms.settings.production"
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["CELERY_BROKER_URL"].startswith("redis://")


def test_env_example_explains_every_variable_the_compose_file_uses():
    text = (ROOT / ".env.example").read_text()
    for variable in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL", "POSTGRES_PASSWORD"):
        assert f"# {variable}" in text, variable
