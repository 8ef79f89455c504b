"""No stored file has a public address: each leaves through the view that checks its reader,
as a download (or a PDF shown inline), never sniffed into another type."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import Resolver404, resolve, reverse

from accreditation.models import Expert
from core.file_responses import stored_file_response
from tests.factories import UserFactory


@pytest.fixture
def training(db):
    expert = Expert.objects.create(user=UserFactory(username="file_expert"), category="academic", field="IT")
    training = expert.trainings.create(title="Seminar on the ESG", completed_on=datetime.date(2026, 3, 2))
    training.certificate.save("esg-seminar.pdf", ContentFile(b"%PDF-1.4 the certificate"), save=True)
    return training


def test_a_stored_file_has_no_public_address_even_under_debug(training, client):
    url = "/media/" + training.certificate.name
    assert default_storage.exists(training.certificate.name)
    with pytest.raises(Resolver404):
        resolve(url)
    assert client.get(url).status_code == 404


def test_the_training_certificate_opens_for_the_expert_pool_and_nobody_else(training, client_as):
    url = reverse("accreditation:training_certificate", args=[training.expert.pk, training.pk])
    page = reverse("accreditation:expert_detail", args=[training.expert.pk])

    reader = client_as("project_manager")
    assert url in reader.get(page).content.decode()  # the expert's page links it
    response = reader.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the certificate"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")

    other = reverse("accreditation:training_certificate", args=[training.expert.pk, training.pk + 99])
    assert reader.get(other).status_code == 404
    # The same client, signed in as someone who does not read the expert pool.
    assert client_as("eo_representative", username="file_eo").get(url).status_code == 403


def test_a_file_other_than_a_pdf_is_a_download(db):
    stored = default_storage.save("evidence/notes.html", ContentFile(b"<script>alert(1)</script>"))
    field = type(
        "Field", (), {"name": stored, "open": lambda self, mode: default_storage.open(stored, mode)}
    )()
    response = stored_file_response(field, "notes.html")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("sender", "header"), [("x-accel-redirect", "X-Accel-Redirect"), ("x-sendfile", "X-Sendfile")]
)
def test_behind_a_file_sending_proxy_the_portal_sends_only_the_headers(training, client_as, sender, header):
    url = reverse("accreditation:training_certificate", args=[training.expert.pk, training.pk])
    with override_settings(IAAR_FILE_SENDER=sender, IAAR_FILE_ACCEL_PREFIX="/protected/"):
        response = client_as("project_manager").get(url)
    assert response.status_code == 200
    assert response.content == b""
    expected = (
        f"/protected/{training.certificate.name}"
        if sender == "x-accel-redirect"
        else training.certificate.path
    )
    assert response[header] == expected
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="' in response["Content-Disposition"]
