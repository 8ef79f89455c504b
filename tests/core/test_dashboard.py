from datetime import date, timedelta

from django.urls import reverse

from core.dashboard import TaskItem, _providers, dashboard_for, register_task_provider
from core.roles import Role
from tests.factories import NonconformityFactory


def test_dashboard_greets_the_person_and_shows_empty_lists(client_as):
    client = client_as(Role.STAFF, first_name="Asel")
    response = client.get(reverse("core:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Good day, Asel" in html
    assert "Nothing is overdue." in html
    assert "No approvals or decisions are waiting for you." in html


def test_dashboard_shows_nonconformities_waiting_for_the_iqas_owner(client_as):
    nc = NonconformityFactory(title="Annex missing")
    client = client_as(Role.QMS_OWNER)
    html = client.get(reverse("core:dashboard")).content.decode()
    assert "Annex missing" in html
    assert nc.get_absolute_url() in html


def test_tasks_are_sorted_into_overdue_due_soon_and_waiting(make_person):
    person = make_person(Role.STAFF)
    today = date(2026, 11, 24)

    def provider(user):
        yield TaskItem("late", "/a", "Test", due=today - timedelta(days=1))
        yield TaskItem("soon", "/b", "Test", due=today + timedelta(days=3))
        yield TaskItem("later", "/c", "Test", due=today + timedelta(days=60))
        yield TaskItem("undated", "/d", "Test")

    register_task_provider(provider)
    try:
        board = dashboard_for(person, today)
    finally:
        _providers.remove(provider)
    assert [i.title for i in board.overdue] == ["late"]
    assert [i.title for i in board.due_soon] == ["soon"]
    assert [i.title for i in board.waiting] == ["later", "undated"]


def test_home_page_is_public_and_signed_in_people_go_to_their_tasks(client, client_as):
    assert client.get("/").status_code == 200
    signed_in = client_as(Role.STAFF)
    response = signed_in.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("core:dashboard")


def test_a_long_list_shows_the_first_twenty_and_counts_the_rest(client_as):
    """The IQAS owner of a busy agency may have hundreds of tasks: the page stays short, the
    counts stay true."""

    def provider(user):
        for n in range(1, 26):
            yield TaskItem(f"Task {n:02d}", f"/t/{n}", "Test")

    register_task_provider(provider)
    try:
        html = client_as(Role.STAFF).get(reverse("core:dashboard")).content.decode()
    finally:
        _providers.remove(provider)
    assert "Task 20" in html and "Task 21" not in html
    assert "and 5 more" in html
    assert '<div class="stat-value">25</div>' in html
