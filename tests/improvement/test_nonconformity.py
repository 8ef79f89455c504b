from django.urls import reverse

from core.models import WorkflowEvent
from core.roles import Role
from improvement.models import Nonconformity
from tests.factories import NonconformityFactory

VALID = {
    "title": "Report registered without annex",
    "description": "The annex on teaching staff was missing.",
    "severity": Nonconformity.Severity.MINOR,
    "source": Nonconformity.Source.INTERNAL_REPORT,
    "immediate_correction": "",
}


def test_staff_member_reports_a_nonconformity_and_the_iqas_owner_is_told(
    client_as, qms_owner, django_capture_on_commit_callbacks
):
    from django.core import mail

    client = client_as(Role.STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("improvement:create"), VALID, follow=True)
    nc = Nonconformity.objects.get()
    assert nc.number.startswith("NC-") and nc.number.endswith("-0001")
    assert nc.raised_by == client.user
    assert f"Nonconformity {nc.number} is recorded." in response.content.decode()
    assert [n.subject_text for n in qms_owner.notifications.all()] == [
        f"New nonconformity {nc.number}: Report registered without annex"
    ]
    assert [m.to for m in mail.outbox] == [[qms_owner.email]]
    assert nc.history.count() == 1
    assert WorkflowEvent.objects.filter(object_id=nc.pk, action="Raised").exists()


def test_bad_input_gets_field_messages_and_saves_nothing(client_as):
    client = client_as(Role.STAFF)
    response = client.post(
        reverse("improvement:create"),
        {**VALID, "title": "x", "severity": "catastrophic", "description": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give a title of at least 5 characters." in html
    assert "Select a valid choice." in html
    assert "This field is required." in html
    assert not Nonconformity.objects.exists()


def test_numbers_are_never_reused(client_as):
    client = client_as(Role.STAFF)
    client.post(reverse("improvement:create"), VALID)
    client.post(reverse("improvement:create"), {**VALID, "title": "Second problem"})
    numbers = sorted(Nonconformity.objects.values_list("number", flat=True))
    assert [n[-4:] for n in numbers] == ["0001", "0002"]


def test_iqas_owner_accepts_for_analysis_and_the_timeline_shows_it(client, qms_owner):
    nc = NonconformityFactory()
    client.force_login(qms_owner)
    response = client.post(
        reverse("improvement:transition", args=[nc.pk]),
        {"target": "under_analysis", "comment": "Assigned to accreditation"},
        follow=True,
    )
    nc.refresh_from_db()
    assert nc.status == Nonconformity.Status.UNDER_ANALYSIS
    html = response.content.decode()
    assert "Accept for analysis" in html and "Assigned to accreditation" in html
    event = WorkflowEvent.objects.get(object_id=nc.pk)
    assert (event.from_state, event.to_state, event.actor) == ("open", "under_analysis", qms_owner)
    assert nc.history.first().history_user == qms_owner


def test_an_illegal_move_is_refused_with_a_message_and_changes_nothing(client, qms_owner):
    nc = NonconformityFactory(status=Nonconformity.Status.UNDER_ANALYSIS)
    client.force_login(qms_owner)
    response = client.post(reverse("improvement:transition", args=[nc.pk]), {"target": "closed"}, follow=True)
    assert "cannot be moved to “Closed”" in response.content.decode()
    nc.refresh_from_db()
    assert nc.status == Nonconformity.Status.UNDER_ANALYSIS
    assert not WorkflowEvent.objects.filter(object_id=nc.pk).exists()


def test_staff_see_their_own_reports_only(client_as):
    NonconformityFactory(title="Someone else's")
    client = client_as(Role.STAFF)
    mine = NonconformityFactory(title="Mine", raised_by=client.user)
    html = client.get(reverse("improvement:list")).content.decode()
    assert "Mine" in html and "Someone else&#x27;s" not in html
    other = Nonconformity.objects.exclude(pk=mine.pk).get()
    assert client.get(reverse("improvement:detail", args=[other.pk])).status_code == 404


def test_list_search_and_garbage_page_numbers_never_fail(client, qms_owner):
    for i in range(30):
        NonconformityFactory(title=f"Problem number {i}")
    client.force_login(qms_owner)
    assert "Problem number 7" in client.get(reverse("improvement:list"), {"q": "number 7"}).content.decode()
    for page in ("999", "-1", "abc", "1" * 50):
        assert client.get(reverse("improvement:list"), {"page": page}).status_code == 200
    assert client.get(reverse("improvement:list"), {"q": "x" * 10_000}).status_code == 200


def test_a_long_comment_is_kept_whole_in_the_history(db, make_person):
    """A reason longer than 100 characters used to break the move on PostgreSQL."""
    from core.roles import Role
    from improvement.services import nonconformity_transition
    from tests.factories import NonconformityFactory

    qms = make_person(Role.QMS_OWNER, username="long_qms")
    nc = NonconformityFactory()
    comment = "Accepted: " + "the declarations were checked one by one against the pool. " * 8
    nonconformity_transition(
        nonconformity=nc, target=Nonconformity.Status.UNDER_ANALYSIS, actor=qms, comment=comment
    )
    assert nc.history.latest().history_change_reason == comment
