"""The register page: filters, search, sorting, exports, and a query count that does not
grow with the number of documents."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from core.roles import Role
from documents.models import Document
from tests.factories import DocumentFactory


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_register_list_makes_the_same_number_of_queries_for_10_and_60_documents(client_as):
    client = client_as(Role.QMS_OWNER)
    DocumentFactory.create_batch(10)
    few = _queries(client, reverse("documents:list"))
    DocumentFactory.create_batch(50)
    many = _queries(client, reverse("documents:list"))
    assert few == many
    assert 3 < few < 25, few


def test_register_filters_search_and_sorts(client_as):
    client = client_as(Role.QMS_OWNER)
    DocumentFactory(code="POL-001", title="Quality policy", doc_type=Document.Type.POLICY)
    DocumentFactory(code="STD-001", title="Standards of accreditation", doc_type=Document.Type.STANDARD)
    DocumentFactory(code="STD-002", title="Draft standard", doc_type=Document.Type.STANDARD, status="draft")
    html = client.get(reverse("documents:list"), {"doc_type": "standard"}).content.decode()
    assert "STD-001" in html and "STD-002" in html and "POL-001" not in html
    html = client.get(reverse("documents:list"), {"q": "quality"}).content.decode()
    assert "POL-001" in html and "STD-001" not in html
    html = client.get(reverse("documents:list"), {"status": "draft"}).content.decode()
    assert "STD-002" in html and "STD-001" not in html
    html = client.get(reverse("documents:list"), {"sort": "-updated_at"}).content.decode()
    assert html.index("STD-002") < html.index("POL-001")


def test_garbage_in_the_register_query_never_fails(client_as):
    client = client_as(Role.QMS_OWNER)
    DocumentFactory()
    for params in (
        {"doc_type": "nonsense"},
        {"status": "'; DROP TABLE documents_document; --"},
        {"owner": "99999999999999999999"},
        {"sort": "password"},
        {"page": "-5"},
        {"q": "x" * 10_000},
        {"due": "maybe"},
    ):
        assert client.get(reverse("documents:list"), params).status_code == 200, params


def test_exports_list_effective_documents_only(client_as):
    client = client_as(Role.QMS_OWNER)
    DocumentFactory(code="POL-001", title="=HYPERLINK(evil)")
    DocumentFactory(code="STD-009", status="draft")
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("documents:export", args=["csv"])).content.decode("utf-8-sig"))
        )
    )
    assert rows[0][0] == "Code" and rows[1][0] == "POL-001" and len(rows) == 2
    assert rows[1][1] == "'=HYPERLINK(evil)"  # no formula runs when opened in a spreadsheet
    book = load_workbook(io.BytesIO(client.get(reverse("documents:export", args=["xlsx"])).content))
    assert book.active["A2"].value == "POL-001"
    pdf = PdfReader(io.BytesIO(client.get(reverse("documents:export", args=["pdf"])).content))
    assert "POL-001" in pdf.pages[0].extract_text()
    assert client.get(reverse("documents:export", args=["exe"])).status_code == 404


def test_dashboard_lists_only_reviews_due_within_30_days(client_as):
    from datetime import timedelta

    from django.utils import timezone

    client = client_as(Role.QMS_OWNER)
    today = timezone.localdate()
    DocumentFactory(code="SOON-1", owner=client.user, next_review_date=today + timedelta(days=10))
    DocumentFactory(code="LATE-1", owner=client.user, next_review_date=today - timedelta(days=3))
    DocumentFactory(code="FAR-1", owner=client.user, next_review_date=today + timedelta(days=200))
    html = client.get(reverse("core:dashboard")).content.decode()
    assert "SOON-1" in html and "LATE-1" in html and "FAR-1" not in html


def _effective_document(make_person, title: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from documents import services
    from tests.factories import PASSWORD

    owner = make_person(Role.QMS_OWNER, username="searcher")
    reviewer = make_person(Role.STAFF, username="search_reviewer")
    boss = make_person(Role.DIRECTOR, username="search_director")
    document = services.document_create(
        actor=owner,
        owner=owner,
        title=title,
        doc_type=Document.Type.REGULATION,
        upload=SimpleUploadedFile("text.txt", text.encode()),
        change_summary="First",
    )
    version = document.versions.get()
    services.version_submit(version=version, actor=owner, reviewers=[reviewer])
    services.step_decide(step=version.steps.get(), actor=reviewer, decision="agreed", password=PASSWORD)
    services.version_approve(
        version=version, actor=boss, password=PASSWORD, effective_from=timezone.localdate()
    )
    return owner, document


def test_search_finds_words_inside_the_effective_file(client, make_person):
    owner, document = _effective_document(
        make_person, "Council rules", "The council meets when a quorum is present."
    )
    DocumentFactory(code="OTHER-1", title="Unrelated")
    client.force_login(owner)
    html = client.get(reverse("documents:list"), {"q": "quorum"}).content.decode()
    assert document.code in html and "OTHER-1" not in html


@pytest.mark.postgres
def test_register_search_uses_the_full_text_indexes(make_person):
    from documents.selectors import register_rows

    owner, _document = _effective_document(make_person, "Council rules", "Quorum text")
    with connection.cursor() as cursor:
        # On a table this small a sequential scan is cheaper; ask whether the index *can* be used.
        cursor.execute("SET enable_seqscan = off")
    plan = register_rows(owner, q="quorum").explain()
    assert "document_search_idx" in plan
    assert "documentversion_text_search_idx" in plan


def test_many_reviews_due_make_one_summary_line_on_the_dashboard(client_as):
    from datetime import timedelta

    from django.utils import timezone

    client = client_as(Role.QMS_OWNER)
    for i in range(12):
        DocumentFactory(owner=client.user, next_review_date=timezone.localdate() + timedelta(days=i))
    html = client.get(reverse("core:dashboard")).content.decode()
    assert "12 of your documents are due for periodic review" in html
    assert f"?owner={client.user.pk}&amp;sort=next_review_date" in html
