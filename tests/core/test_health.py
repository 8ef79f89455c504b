from django.test import override_settings


def test_healthz_reports_every_dependency_as_json(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"ok": True}
    assert body["broker"] == {"ok": True}
    assert body["storage"] == {"ok": True}


def test_healthz_answers_503_when_storage_cannot_be_written(client, db, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the media folder should be")
    with override_settings(MEDIA_ROOT=blocker / "media"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["storage"]["ok"] is False
    assert response.json()["database"]["ok"] is True


def test_healthz_checks_the_cache_and_says_when_the_scheduler_last_ran(client, db):
    import datetime

    from django.core.cache import cache
    from django.utils import timezone

    from core.tasks import heartbeat

    cache.delete("core:heartbeat")
    body = client.get("/healthz").json()
    assert body["cache"] == {"ok": True}
    assert body["scheduler"] == {"ok": None, "last_run": None}

    heartbeat()
    body = client.get("/healthz").json()
    assert body["scheduler"]["ok"] is True and body["scheduler"]["age_seconds"] < 60

    cache.set("core:heartbeat", (timezone.now() - datetime.timedelta(hours=1)).isoformat(), timeout=None)
    response = client.get("/healthz")
    assert response.json()["scheduler"]["ok"] is False
    assert response.status_code == 200  # a late scheduler is reported, not a reason to drop the web


def test_healthz_answers_503_when_the_cache_loses_what_it_is_given(client, db, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"]["ok"] is False
