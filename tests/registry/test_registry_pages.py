"""Registry pages a visitor reads: programmes, the organization's history, search in any
language, pages that are cached yet never stale, the sitemap and what sharing a link shows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accreditation import services
from accreditation.models import AccreditationProject, Certificate
from demo.walkthrough import council_decides, drive

S = AccreditationProject.Status


@pytest.fixture
def published(cast):
    return drive(cast.project, cast, S.POST_MONITORING)


def _text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_programme_page_shows_its_accreditation_and_files(client, published):
    certificate = published.certificates.get()
    programme = certificate.programme
    html = _text(client.get(reverse("registry:programme", args=[programme.pk])))
    assert "6B06101 Information systems" in html and certificate.number in html
    assert "Accredit for 5 years" in html
    publication = published.publications.get()
    assert reverse("registry:file", args=[publication.pk, "report"]) in html
    assert reverse("registry:file", args=[publication.pk, "decision"]) in html
    # The organization page lists the programme and links to it.
    org = _text(client.get(reverse("registry:organization", args=[published.organization.iaar_id])))
    assert "Accredited programmes" in org and reverse("registry:programme", args=[programme.pk]) in org
    assert "Accreditation history" in org


def test_a_programme_without_a_published_accreditation_has_no_page(client, cast):
    drive(cast.project, cast, S.DECIDED)
    programme = cast.project.programmes.get()
    assert client.get(reverse("registry:programme", args=[programme.pk])).status_code == 404
    assert client.get(reverse("registry:programme", args=[99_999_999])).status_code == 404


def test_search_finds_names_in_any_language_and_word_order(client, published, cast):
    services.organization_update(
        organization=cast.organization,
        actor=cast.pm,
        name_ru="Евразийский технический университет",
        name_ky="Евразия техникалык университети",
    )
    number = published.certificates.get().number
    for term in ("ЕВРАЗИЙСКИЙ", "университет евразийский", "техникалык", "tech eurasian", number.lower()):
        assert number in _text(client.get(reverse("registry:list"), {"q": term})), term
    assert "Nothing in the registry matches" in _text(client.get(reverse("registry:list"), {"q": "Oxford"}))


@pytest.mark.postgres
def test_search_forgives_typos_on_postgresql(client, published):
    number = published.certificates.get().number
    html = _text(client.get(reverse("registry:list"), {"q": "Eurasain Tech Univrsity"}))
    assert number in html and "these are the closest names" in html


def test_names_show_in_the_visitors_language(client, published, cast):
    services.organization_update(
        organization=cast.organization, actor=cast.pm, name_ky="Евразия университети"
    )
    html = _text(client.get(reverse("registry:list"), HTTP_ACCEPT_LANGUAGE="ky"))
    assert "Евразия университети" in html
    assert "Eurasian Tech University" in _text(
        client.get(reverse("registry:list"), HTTP_ACCEPT_LANGUAGE="en")
    )


def test_cached_pages_change_the_moment_a_certificate_is_revoked(client, published, cast):
    certificate = published.certificates.get()
    org_url = reverse("registry:organization", args=[cast.organization.iaar_id])
    assert "Valid" in _text(client.get(reverse("registry:list")))
    assert "Valid" in _text(client.get(org_url))
    council_decides(published, cast, "revoke")
    assert Certificate.objects.get(pk=certificate.pk).status == Certificate.Status.REVOKED
    for url in (reverse("registry:list"), org_url):
        html = _text(client.get(url))
        assert "Revoked" in html and 'text-bg-success">Valid<' not in html, url


def test_a_publication_appears_at_once_though_the_empty_list_was_cached(client, cast):
    assert "Nothing in the registry matches" in _text(client.get(reverse("registry:list")))
    project = drive(cast.project, cast, S.POST_MONITORING)
    assert project.certificates.get().number in _text(client.get(reverse("registry:list")))


def _queries(client, url) -> int:
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_public_pages_read_a_fixed_number_of_queries(client, published, cast, django_db_blocker):
    urls = [
        reverse("registry:list"),
        reverse("registry:list") + "?q=university&status=valid",
        reverse("registry:organization", args=[cast.organization.iaar_id]),
        reverse("registry:programme", args=[published.certificates.get().programme_id]),
    ]
    before = [_queries(client, url) for url in urls]
    # Twenty more organizations, each with a published decision and certificate.
    from demo.accreditation import seed_scale

    seed_scale(20, owner=cast.pm)
    after = [_queries(client, url) for url in urls]
    assert before == after
    assert max(after) <= 12
    # Cached: the second visit reads almost nothing.
    from django.core.cache import cache

    cache.clear()
    client.get(urls[0])
    with CaptureQueriesContext(connection) as queries:
        client.get(urls[0])
    assert len(queries) <= 1


def test_scale_data_fills_the_registry(client, cast):
    from demo.accreditation import seed_scale

    assert seed_scale(30, owner=cast.pm) == 30
    assert seed_scale(30, owner=cast.pm) == 0  # idempotent
    html = _text(client.get(reverse("registry:list"), {"q": "benchmark university 3"}))
    assert "B-0000003-0" in html
    assert _text(client.get(reverse("registry:organization", args=["B-0000003"])))
    verify = client.get(reverse("registry:verify_number", args=["B-0000003-0"]))
    assert verify.status_code == 200


def test_sitemap_and_robots_list_the_public_pages(client, published, cast):
    index = _text(client.get("/sitemap.xml"))
    assert "sitemap-organizations.xml" in index and "sitemap-programmes.xml" in index
    orgs = _text(client.get("/sitemap-organizations.xml"))
    assert reverse("registry:organization", args=[cast.organization.iaar_id]) in orgs
    programme = published.certificates.get().programme_id
    assert reverse("registry:programme", args=[programme]) in _text(client.get("/sitemap-programmes.xml"))
    robots = _text(client.get("/robots.txt"))
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert client.get("/sitemap-organizations.xml?p=abc").status_code == 404


def test_shared_links_carry_a_title_and_description(client, published, cast):
    html = _text(client.get(reverse("registry:organization", args=[cast.organization.iaar_id])))
    assert '<meta property="og:title" content="Eurasian Tech University">' in html
    assert '<meta name="description" content="Eurasian Tech University (' in html


def test_public_documents_are_grouped_for_the_reader(client, db):
    from documents.models import Document
    from tests.factories import DocumentFactory

    public = Document.Confidentiality.PUBLIC
    DocumentFactory(title="Survey of graduates 2025: summary", doc_type="report", confidentiality=public)
    DocumentFactory(title="Quality policy", doc_type="policy", confidentiality=public)
    DocumentFactory(title="Internal procedure", doc_type="procedure", confidentiality="internal")
    html = _text(client.get(reverse("documents:public")))
    assert html.index("Policies, strategy and regulations") < html.index("Quality policy")
    assert html.index("Reports and survey summaries") < html.index("Survey of graduates 2025: summary")
    assert "Internal procedure" not in html and "Standards and guidelines" not in html


def test_the_certificate_check_never_confirms_an_unpublished_certificate(client, cast):
    project = drive(cast.project, cast, S.DECIDED)
    certificate = project.certificates.get()
    services.certificate_sign(certificate=certificate, actor=cast.director, password=cast.password)
    assert Certificate.objects.get(pk=certificate.pk).status == Certificate.Status.VALID
    response = client.get(reverse("registry:verify_number", args=[certificate.number]))
    assert response.status_code == 404


def test_the_list_filters_by_decision(client, published):
    number = published.certificates.get().number
    assert number in _text(client.get(reverse("registry:list"), {"decision": "years-5"}))
    assert number in _text(client.get(reverse("registry:list"), {"decision": "accredit"}))
    assert number not in _text(client.get(reverse("registry:list"), {"decision": "years-7"}))
    assert number not in _text(client.get(reverse("registry:list"), {"decision": "conditional"}))
    bad = _text(client.get(reverse("registry:list"), {"decision": "years-x"}))
    assert "not understood" in bad and number in bad


def test_the_list_is_sorted_by_the_name_the_visitor_reads(client, cast):
    from accreditation.models import Organization
    from demo.accreditation import seed_scale

    seed_scale(2, owner=cast.pm)
    first, second = Organization.objects.filter(iaar_id__in=["B-0000001", "B-0000002"]).order_by("iaar_id")
    services.organization_update(
        organization=first, actor=cast.pm, name="Alpha", name_en="Alpha", name_ru="Яблоко"
    )
    services.organization_update(
        organization=second, actor=cast.pm, name="Zeta", name_en="Zeta", name_ru="Арбуз"
    )
    english = _text(client.get(reverse("registry:list"), HTTP_ACCEPT_LANGUAGE="en"))
    russian = _text(client.get(reverse("registry:list"), HTTP_ACCEPT_LANGUAGE="ru"))
    assert english.index("Alpha") < english.index("Zeta")
    assert russian.index("Арбуз") < russian.index("Яблоко")
