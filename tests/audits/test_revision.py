"""A recommendation of an accepted report becomes the Director General's order to change a
document: a task for its owner that follows the document's revisions until one is in force."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from audits import services
from core.dashboard import dashboard_for
from core.models import Notification, WorkflowEvent
from core.roles import Role
from documents import services as documents
from documents.models import Document, RevisionRequest
from tests.factories import PASSWORD


def _upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("procedure.txt", text.encode(), "text/plain")


def _make_effective(version, people) -> None:
    documents.version_submit(version=version, actor=people["doc_owner"], reviewers=[people["staff"]])
    documents.step_decide(
        step=version.steps.get(), actor=people["staff"], decision="agreed", password=PASSWORD
    )
    documents.version_approve(
        version=version, actor=people["director"], password=PASSWORD, effective_from=timezone.localdate()
    )


@pytest.fixture
def procedure(people, make_person):
    people["doc_owner"] = make_person(Role.LEGAL_HEAD, Role.STAFF, username="a_legal", first_name="Dana")
    document = documents.document_create(
        actor=people["doc_owner"],
        owner=people["doc_owner"],
        title="Records procedure",
        doc_type=Document.Type.PROCEDURE,
        upload=_upload("Keep records five years."),
        change_summary="First edition",
    )
    _make_effective(document.versions.get(), people)
    document.refresh_from_db()
    assert document.status == Document.Status.EFFECTIVE
    return document


def test_the_director_orders_a_document_change(people, approved, procedure):
    recommendation = approved.recommendations.get()
    due = timezone.localdate() + datetime.timedelta(days=30)
    request = services.recommendation_order(
        recommendation=recommendation, actor=people["director"], document=procedure, due_on=due
    )
    assert request.status == RevisionRequest.Status.OPEN
    assert (request.document, request.due_on, request.requested_by) == (procedure, due, people["director"])
    assert request.reason == "Revise the records procedure."
    assert request.source == "Internal audit IA-2026-01" and request.source_url == approved.get_absolute_url()
    recommendation.refresh_from_db()
    assert recommendation.ordered_by == people["director"] and recommendation.revision_due == due
    assert WorkflowEvent.objects.filter(
        object_id=procedure.pk, action__startswith="Revision ordered"
    ).exists()
    assert Notification.objects.filter(recipient=people["doc_owner"], subject__startswith="Revise").exists()
    # The owner has the task on the dashboard, and the document page shows the order.
    board = dashboard_for(people["doc_owner"])
    tasks = [
        t for t in board.waiting + board.due_soon if t.detail == "Revise per the Director General's order"
    ]
    assert tasks and tasks[0].due == due
    from django.test import Client

    client = Client()
    client.force_login(people["doc_owner"])
    html = client.get(procedure.get_absolute_url()).content.decode()
    assert "Revision orders" in html and "Revise the records procedure." in html

    # A new revision started marks the order started; the revision in force marks it done.
    version = documents.version_create(
        document=procedure,
        actor=people["doc_owner"],
        upload=_upload("Keep records by the schedule."),
        change_summary="Per audit",
    )
    request.refresh_from_db()
    assert request.status == RevisionRequest.Status.IN_REVISION and request.version == version
    _make_effective(version, people)
    request.refresh_from_db()
    assert request.status == RevisionRequest.Status.DONE
    board = dashboard_for(people["doc_owner"])
    assert not [
        t for t in board.waiting + board.due_soon + board.overdue if "Director General's order" in t.detail
    ]


def test_only_the_director_orders_and_only_once(people, approved, procedure):
    recommendation = approved.recommendations.get()
    due = timezone.localdate() + datetime.timedelta(days=10)
    with pytest.raises(PermissionDenied):
        services.recommendation_order(
            recommendation=recommendation, actor=people["qms"], document=procedure, due_on=due
        )
    services.recommendation_order(
        recommendation=recommendation, actor=people["director"], document=procedure, due_on=due
    )
    with pytest.raises(ValidationError, match="ordered already"):
        services.recommendation_order(
            recommendation=recommendation, actor=people["director"], document=procedure, due_on=due
        )
    assert RevisionRequest.objects.count() == 1


def test_an_order_is_not_due_in_the_past(people, approved, procedure):
    recommendation = approved.recommendations.get()
    with pytest.raises(ValidationError, match="past"):
        services.recommendation_order(
            recommendation=recommendation,
            actor=people["director"],
            document=procedure,
            due_on=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert not RevisionRequest.objects.exists()
    recommendation.refresh_from_db()
    assert recommendation.ordered_at is None


def test_no_order_before_the_report_is_accepted(people, drafted, procedure):
    recommendation = drafted.recommendations.get()
    with pytest.raises(ValidationError, match="once the report is accepted"):
        services.recommendation_order(
            recommendation=recommendation,
            actor=people["director"],
            document=procedure,
            due_on=timezone.localdate(),
        )


def test_the_order_form(client, people, approved, procedure):
    recommendation = approved.recommendations.get()
    client.force_login(people["director"])
    url = reverse("audits:recommendation_order", args=[approved.pk, recommendation.pk])
    assert client.get(url).status_code == 200
    due = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    response = client.post(
        url, {"document": procedure.pk, "due_on": due, "reason": "Align retention."}, follow=True
    )
    assert "the document&#x27;s owner has a revision task" in response.content.decode()
    assert RevisionRequest.objects.get().reason == "Align retention."
