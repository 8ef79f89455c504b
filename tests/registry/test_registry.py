"""The public registry: only what is published, statuses that never mislead, any input safe."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from accreditation.models import AccreditationProject, Certificate
from accreditation.pdf import qr_svg
from demo.walkthrough import council_decides, drive

S = AccreditationProject.Status


@pytest.fixture
def published(cast):
    return drive(cast.project, cast, S.POST_MONITORING)


def test_anyone_finds_a_published_accreditation_and_its_files(client, published, cast):
    certificate = published.certificates.get()
    html = client.get(reverse("registry:list"), {"q": "eurasian"}).content.decode()
    assert certificate.number in html and "Valid" in html
    page = client.get(reverse("registry:organization", args=[cast.organization.iaar_id]))
    assert page.status_code == 200 and "Accredit for 5 years" in page.content.decode()
    publication = published.publications.get()
    pdf = client.get(reverse("registry:file", args=[publication.pk, "report"]))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert client.get(reverse("registry:file", args=[publication.pk, "minutes"])).status_code == 404


def test_nothing_unpublished_shows(client, cast):
    project = drive(cast.project, cast, S.DECIDED)  # decided, certificate not signed, not published
    draft = project.certificates.get()
    assert draft.number not in client.get(reverse("registry:list")).content.decode()
    assert client.get(reverse("registry:organization", args=[cast.organization.iaar_id])).status_code == 404
    response = client.get(reverse("registry:verify_number", args=[draft.number]))
    assert response.status_code == 404 and "has issued no certificate" in response.content.decode()


def test_expired_and_suspended_are_never_shown_as_valid(client, published, cast):
    certificate = published.certificates.get()
    Certificate.objects.filter(pk=certificate.pk).update(
        valid_until=datetime.date(2020, 1, 1), valid_from=datetime.date(2015, 1, 1)
    )
    cache.clear()  # the update went round the application, as years passing would
    listing = client.get(reverse("registry:list"), {"status": "expired"}).content.decode()
    assert certificate.number in listing
    assert (
        certificate.number not in client.get(reverse("registry:list"), {"status": "valid"}).content.decode()
    )
    check = client.get(reverse("registry:verify_number", args=[certificate.number])).content.decode()
    assert "not in force" in check and "Expired" in check
    # Staff read the same standing on the project and certificate pages.
    client.force_login(cast.secretary)
    for url in (published.get_absolute_url(), certificate.get_absolute_url()):
        page = client.get(url).content.decode()
        assert 'status-badge">Expired<' in page and 'status-badge">Valid<' not in page
    client.logout()
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=datetime.date(2031, 1, 1))
    cache.clear()
    council_decides(published, cast, "revoke")
    assert certificate.number in client.get(reverse("registry:list"), {"status": "revoked"}).content.decode()
    assert (
        "Revoked" in client.get(reverse("registry:verify_number", args=[certificate.number])).content.decode()
    )


def test_the_qr_address_on_the_certificate_is_the_registry_check(published):
    certificate = published.certificates.get()
    assert certificate.verify_path() == reverse("registry:verify_number", args=[certificate.number])
    assert qr_svg("https://example.org/x").startswith("data:image/svg+xml;base64,")


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": "'; DROP TABLE accreditation_certificate; --"},
        {"year": "99999999999999999999"},
        {"year": "abc", "status": "bogus", "kind": "<script>"},
        {"country": "Казахстан", "level": "🎓", "sort": "-pk__password"},
        {"page": "-1"},
        {"page": "9999999999"},
        {"unknown": "1", "city": "\x00"},
    ],
)
def test_garbage_in_the_query_string_never_breaks_the_registry(client, db, params):
    response = client.get(reverse("registry:list"), params)
    assert response.status_code == 200


def test_verification_is_rate_limited(client, published, settings):
    from django.core.cache import cache

    cache.clear()
    settings.IAAR_VERIFY_LIMIT_PER_MINUTE = 3
    url = reverse("registry:verify_number", args=["SA-0000-0000"])
    codes = [client.get(url).status_code for _ in range(4)]
    assert codes == [404, 404, 404, 429]


def test_the_check_form_leads_to_the_number(client, db):
    response = client.get(reverse("registry:verify"), {"number": " SA-2026-0001 "})
    assert response.status_code == 302 and response["Location"].endswith("/registry/verify/SA-2026-0001/")
