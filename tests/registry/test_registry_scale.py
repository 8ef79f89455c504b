"""The registry at scale (issue 22, item 3): sorted by an index, pages to a depth, the count
bounded and said so, broad searches walking the index, the API without DISTINCT."""

import re

import pytest
from django.db import connection
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from accreditation import services
from accreditation.models import Organization, Programme
from registry import paging, selectors


@pytest.fixture
def scale(cast):
    from demo.accreditation import seed_scale

    seed_scale(12, owner=cast.pm)
    # Names that sort differently in each language, one with no Russian name.
    first, second, third = Organization.objects.filter(
        iaar_id__in=["B-0000001", "B-0000002", "B-0000003"]
    ).order_by("iaar_id")
    services.organization_update(organization=first, actor=cast.pm, name="Alpha", name_ru="Яблоко")
    services.organization_update(organization=second, actor=cast.pm, name="Zeta", name_ru="Арбуз")
    services.organization_update(organization=third, actor=cast.pm, name="Middle", name_ru="")


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _old_search(data, language):
    """The registry's order and search as they were before the index (main at 52d9b4e)."""
    rows = selectors.certificates()
    order = [*selectors.SORTS.get(data.get("sort", "name")), "pk"]
    rows = rows.annotate(
        shown_name=Coalesce(NullIf(f"organization__name_{language}", Value("")), "organization__name")
    )
    order = ["shown_name" if field == "organization__name" else field for field in order]
    term = selectors.clean_term(data.get("q", ""))
    if term:

        def matching(model):
            found = model.objects.all()
            for word in term.split():
                found = found.filter(search_text__contains=word)
            return found.values("pk")

        rows = rows.filter(
            Q(organization__in=matching(Organization))
            | Q(programme__in=matching(Programme))
            | Q(number=term.upper())
        )
    return list(rows.order_by(*order).values_list("pk", flat=True))


@pytest.mark.parametrize("language", ["ru", "en", "kk"])
@pytest.mark.parametrize(
    "data", [{}, {"sort": "-valid_until"}, {"q": "university"}, {"q": "бенчмарка"}, {"q": "alpha"}]
)
@pytest.mark.parametrize("broad", [True, False])
def test_the_same_rows_in_the_same_order_as_before(scale, monkeypatch, language, data, broad):
    # A broad search (more matches than are named in the query) checks the words on each row.
    monkeypatch.setattr(selectors, "MATERIALIZE_MATCHES", 2 if broad else 2000)
    with translation.override(language):
        rows, _form = selectors.search(data)
        assert list(rows.values_list("pk", flat=True)) == _old_search(data, language)
    assert rows.exists()


def test_changed_names_move_the_organization_at_once(client, scale, cast):
    russian = _text(client.get(reverse("registry:list"), HTTP_ACCEPT_LANGUAGE="ru"))
    assert russian.index("Арбуз") < russian.index("Яблоко")
    zeta = Organization.objects.get(iaar_id="B-0000002")
    services.organization_update(organization=zeta, actor=cast.pm, name="Zeta", name_ru="Ясень")
    russian = _text(client.get(reverse("registry:list"), HTTP_ACCEPT_LANGUAGE="ru"))
    assert russian.index("Яблоко") < russian.index("Ясень")
    # A Russian name removed: the official name sorts in its place.
    services.organization_update(organization=zeta, actor=cast.pm, name="Aardvark", name_ru="")
    russian = _text(client.get(reverse("registry:list"), HTTP_ACCEPT_LANGUAGE="ru"))
    assert russian.index("Aardvark") < russian.index("Middle") < russian.index("Яблоко")


def test_the_order_by_name_reads_the_index_not_a_sort(scale):
    """The registry's expression is the indexed one, character for character: the database
    reads the organizations in that order from the index (PostgreSQL: the registry's own query;
    SQLite, whose planner starts from the certificates on a small table: the organizations)."""
    from accreditation.models.organizations import shown_name

    with translation.override("ru"):
        rows, _form = selectors.search({})
    if connection.vendor != "postgresql":
        rows = Organization.objects.annotate(shown=shown_name("ru")).order_by("shown", "id")
    sql, params = rows[:25].query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test database's few rows would be sorted in memory; with the alternatives off,
            # the plan shows whether the index can give the order at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "organization_sort_ru" in plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan


def test_pages_stop_at_a_depth_with_a_sentence(client, scale, settings, monkeypatch):
    settings.PAGINATE_BY = 5
    monkeypatch.setattr(paging, "DEEPEST_PAGE", 2)
    first = _text(client.get(reverse("registry:list"), HTTP_ACCEPT_LANGUAGE="en"))
    assert "More than 10 accreditations found; the first 10 are listed." in first
    assert "1–5 of more than 10" in first
    deep = client.get(reverse("registry:list"), {"page": "3"}, HTTP_ACCEPT_LANGUAGE="en")
    assert deep.status_code == 200
    text = _text(deep)
    assert "The registry lists 2 pages of results." in text
    assert "page=2" in text and "B-00000" not in text
    assert "B-00000" in _text(client.get(reverse("registry:list"), {"page": "2"}, HTTP_ACCEPT_LANGUAGE="en"))


def test_a_short_list_gives_its_exact_count(client, scale):
    text = _text(client.get(reverse("registry:list"), {"q": "alpha"}, HTTP_ACCEPT_LANGUAGE="en"))
    assert re.search(r"\b[1-9] accreditations? found\.", text)
    assert "More than" not in text


def test_the_api_lists_the_same_institutions_without_distinct(client, scale):
    old = (
        Organization.objects.filter(
            projects__publications__isnull=False, projects__publications__withdrawn=False
        )
        .distinct()
        .order_by("name", "pk")
    )
    assert list(selectors.published_organizations().order_by("name", "pk")) == list(old)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("api:institution-list"), {"page_size": 100})
    assert response.status_code == 200
    assert not any("DISTINCT" in q["sql"] for q in queries.captured_queries)
    ids = [row["identifiers"][0]["identifier"] for row in response.json()["results"]]
    assert len(ids) == old.count()


def test_a_list_is_counted_once_until_the_registry_changes(client, scale, cast, monkeypatch):
    from rest_framework.pagination import PageNumberPagination

    from registry import cache

    monkeypatch.setattr(PageNumberPagination, "page_size", 2)

    def counts(path, **params) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, params).status_code == 200
        return sum("COUNT(" in q["sql"] for q in queries.captured_queries)

    api = reverse("api:institution-list")
    assert counts(api) == 1
    assert counts(api, page=2) == 0  # the next page reads the kept count
    assert client.get(api, {}).json()["count"] == 12
    assert counts(reverse("registry:list"), b="1") == 1
    assert counts(reverse("registry:list"), b="2") == 0  # a new address, the same list
    zeta = Organization.objects.get(iaar_id="B-0000002")
    services.organization_update(organization=zeta, actor=cast.pm, name="Zeta", name_ru="Ясень")
    cache.changed()
    assert counts(api, page=3) == 1
