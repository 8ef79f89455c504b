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
