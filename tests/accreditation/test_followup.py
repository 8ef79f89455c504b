"""Follow-up of the EEC's recommendations (§6.5.5, §7.2.4): each recommendation is an item; the
organization reports its progress with its yearly monitoring report, with evidence for an
implementation; the coordinator assesses; the council and the public registry see the summary."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from guardian.shortcuts import assign_perm

from accreditation.models import (
    AccreditationProject,
    EECReport,
    FollowupItem,
    FollowupProgress,
    MonitoringTask,
)
from accreditation.services import followup as services
from accreditation.services.followup import recommendations_split
from core.dashboard import dashboard_for
from core.models import Notification, WorkflowEvent
from demo.walkthrough import drive

S = AccreditationProject.Status
F = FollowupItem.Status

RECOMMENDATIONS = """1. Involve students in the review of the programme.
2) Publish the results of the graduate survey.

- Raise the share of teachers with industry experience."""


@pytest.fixture
def world(make_person):
    """A project under monitoring, written straight to the database (the lifecycle before it is
    tested elsewhere): its coordinator, a project manager and the organization's representative."""
    from types import SimpleNamespace

    from accreditation.services import representative_add
    from core.roles import Role
    from tests.factories import OrganizationFactory, ProjectFactory

    pm = make_person(Role.PROJECT_MANAGER, username="pm")
    coordinator = make_person(Role.COORDINATOR, username="coord")
    rep = make_person(username="rep")
    organization = OrganizationFactory(name="Eurasian Tech University")
    representative_add(organization=organization, actor=pm, user=rep)
    project = ProjectFactory(organization=organization, status=S.POST_MONITORING, coordinator=coordinator)
    for user in (rep, coordinator):
        assign_perm("accreditation.view_accreditationproject", user, project)
    EECReport.objects.create(project=project, recommendations_eo=RECOMMENDATIONS, submitted_at=timezone.now())
    MonitoringTask.objects.create(
        project=project, kind="annual_report", due_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    council = [make_person(Role.COUNCIL_MEMBER, username=f"cm{n}") for n in range(3)]
    secretary = make_person(Role.COUNCIL_SECRETARY, username="sec")
    return SimpleNamespace(
        pm=pm,
        coordinator=coordinator,
        rep=type(rep).objects.get(pk=rep.pk),
        project=project,
        council=council,
        secretary=secretary,
    )


@pytest.fixture
def monitored(world):
    return world.project


@pytest.fixture
def items(monitored, world):
    return services.followup_items_make(project=monitored, actor=world.coordinator)


def test_recommendations_written_as_free_text_become_numbered_items(monitored, world):
    made = services.followup_items_make(project=monitored, actor=world.coordinator)
    assert [(i.number, i.text) for i in made] == [
        (1, "Involve students in the review of the programme."),
        (2, "Publish the results of the graduate survey."),
        (3, "Raise the share of teachers with industry experience."),
    ]
    assert all(i.status == F.OPEN and i.history.count() == 1 for i in made)
    with pytest.raises(ValidationError, match="items already"):
        services.followup_items_make(project=monitored, actor=world.coordinator)


def test_the_organization_cannot_make_the_items_itself(monitored, world):
    with pytest.raises(PermissionDenied):
        services.followup_items_make(project=monitored, actor=world.rep)
    assert not FollowupItem.objects.exists()


def test_bullets_and_blank_lines_are_not_recommendations():
    assert recommendations_split("  \n• One\n\n12. Two\n") == ["One", "Two"]


def test_the_organization_reports_progress_on_the_page(items, world, client):
    client.force_login(world.rep)
    page = client.get(reverse("accreditation:followup", args=[items[0].project_id])).content.decode()
    assert "Publish the results of the graduate survey." in page and "Report progress" in page
    url = reverse("accreditation:followup_report", args=[items[0].project_id, items[0].pk])
    response = client.post(url, {"status": "in_progress", "note": "Students sit on the programme board."})
    assert response.status_code == 302
    items[0].refresh_from_db()
    assert items[0].status == F.IN_PROGRESS
    progress = FollowupProgress.objects.get(item=items[0])
    assert progress.task.kind == MonitoringTask.Kind.ANNUAL_REPORT and progress.reported_by == world.rep
    assert WorkflowEvent.objects.filter(object_id=items[0].pk, to_state="in_progress").exists()


def test_implemented_without_evidence_is_refused_and_nothing_saved(items, world, client):
    client.force_login(world.rep)
    url = reverse("accreditation:followup_report", args=[items[1].project_id, items[1].pk])
    response = client.post(url, {"status": "implemented", "note": "Published on the website."})
    assert response.status_code == 200
    assert "Attach the evidence (a file or a link)" in response.content.decode()
    items[1].refresh_from_db()
    assert items[1].status == F.OPEN
    assert not FollowupProgress.objects.exists()


def test_implemented_with_a_file_is_confirmed_by_the_coordinator(items, world, client):
    client.force_login(world.rep)
    url = reverse("accreditation:followup_report", args=[items[1].project_id, items[1].pk])
    evidence = SimpleUploadedFile(
        "survey.txt", b"Graduate survey 2026: 412 answers.", content_type="text/plain"
    )
    client.post(url, {"status": "implemented", "note": "Published.", "evidence": evidence})
    items[1].refresh_from_db()
    assert items[1].status == F.IMPLEMENTED
    progress = FollowupProgress.objects.get(item=items[1])
    assert progress.evidence_name == "survey.txt"

    client.force_login(world.coordinator)
    download = client.get(
        reverse("accreditation:followup_evidence", args=[items[1].project_id, items[1].pk, progress.pk])
    )
    assert b"412 answers" in b"".join(
        download.streaming_content if download.streaming else [download.content]
    )
    assess = reverse("accreditation:followup_assess", args=[items[1].project_id, items[1].pk])
    assert client.post(assess, {"decision": "confirmed", "note": ""}).status_code == 302
    items[1].refresh_from_db()
    progress.refresh_from_db()
    assert items[1].status == F.CLOSED
    assert progress.assessment == "confirmed" and progress.assessed_by == world.coordinator


def test_an_implementation_not_confirmed_goes_back_in_progress_with_the_reason(items, world):
    progress = services.followup_report(
        item=items[2],
        actor=world.rep,
        status="implemented",
        note="Two engineers hired.",
        link="https://eu.kz/staff",
    )
    with pytest.raises(ValidationError, match="Say why"):
        services.followup_assess(progress=progress, actor=world.coordinator, confirmed=False, note=" ")
    progress.refresh_from_db()
    assert progress.assessment == ""
    services.followup_assess(
        progress=progress,
        actor=world.coordinator,
        confirmed=False,
        note="Two of forty teachers is not enough.",
    )
    items[2].refresh_from_db()
    assert items[2].status == F.IN_PROGRESS
    assert Notification.objects.filter(recipient=world.rep, subject__contains="not confirmed").exists()
    with pytest.raises(ValidationError, match="assessed already"):
        services.followup_assess(progress=progress, actor=world.coordinator, confirmed=True)


def test_the_organization_cannot_assess_and_an_outsider_cannot_report(items, world, make_person):
    progress = services.followup_report(
        item=items[0], actor=world.rep, status="not_started", note="Next term."
    )
    with pytest.raises(PermissionDenied):
        services.followup_assess(progress=progress, actor=world.rep, confirmed=True)
    with pytest.raises(PermissionDenied):
        services.followup_report(item=items[0], actor=make_person(username="stranger"), status="in_progress")


def test_no_progress_without_an_open_monitoring_report(items, world):
    for task in MonitoringTask.objects.filter(project=items[0].project, kind="annual_report"):
        task.status = MonitoringTask.Status.ACCEPTED
        task.save()
    with pytest.raises(ValidationError, match="No yearly monitoring report is open"):
        services.followup_report(item=items[0], actor=world.rep, status="in_progress", note="Started.")
    assert not FollowupProgress.objects.exists()


def test_an_unknown_progress_value_is_refused(items, world, client):
    client.force_login(world.rep)
    url = reverse("accreditation:followup_report", args=[items[0].project_id, items[0].pk])
    response = client.post(url, {"status": "done", "note": "x"})
    assert response.status_code == 200 and not FollowupProgress.objects.exists()


def test_the_dashboard_lists_what_to_report_and_what_to_assess(items, world):
    mine = dashboard_for(world.rep)
    titles = [t.title for t in mine.waiting + mine.due_soon + mine.overdue]
    assert sum("Recommendation" in t for t in titles) == 3
    services.followup_report(item=items[0], actor=world.rep, status="in_progress", note="Started.")
    board = dashboard_for(world.coordinator)
    assert any(
        t.detail == "Assess the progress reported" for t in board.waiting + board.due_soon + board.overdue
    )


def test_the_council_reads_the_summary_on_a_monitoring_item(items, world, client):
    from accreditation import services as council

    services.followup_report(item=items[0], actor=world.rep, status="in_progress", note="Started.")
    meeting = council.meeting_create(
        actor=world.secretary, number="AC-M", date=timezone.localdate(), members=world.council
    )
    council.agenda_add(meeting=meeting, actor=world.secretary, project=items[0].project)
    client.force_login(world.council[0])
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Follow-up of the EEC" in html
    assert "0 of 3 recommendations implemented and confirmed" in html
    assert "Raise the share of teachers with industry experience." in html


def test_the_registry_shows_the_follow_up_when_the_report_is_public(cast):
    """The whole lifecycle: the published decision carries the EEC report, so its follow-up is public."""
    from accreditation import services as outcome

    project = drive(cast.project, cast, S.DECIDED)
    report = EECReport.objects.get(project=project)
    report.recommendations_eo = RECOMMENDATIONS
    report.save()
    made = services.followup_items_make(project=project, actor=cast.coordinator)
    outcome.certificate_sign(
        certificate=project.certificates.get(), actor=cast.director, password=cast.password
    )
    client = Client()
    org_url = f"/registry/organizations/{project.organization.iaar_id}/"
    outcome.publish(project=project, actor=cast.secretary)
    html = client.get(org_url).content.decode()
    assert "Follow-up of the EEC" in html and "0 of 3 recommendations" in html
    # A confirmed implementation shows at once (the registry's cache starts anew).
    progress = services.followup_report(
        item=made[0], actor=cast.rep, status="implemented", note="Done.", link="https://eu.kz/board"
    )
    services.followup_assess(progress=progress, actor=cast.coordinator, confirmed=True)
    assert "1 of 3 recommendations" in client.get(org_url).content.decode()


def test_the_registry_keeps_the_follow_up_of_an_unpublished_report_private(items, client):
    from accreditation.selectors.followup import followup_public

    assert followup_public(items[0].project.organization) == []


def test_an_implementation_waiting_for_assessment_cannot_be_reported_again(items, world, client):
    services.followup_report(
        item=items[0], actor=world.rep, status="implemented", note="Done.", link="https://eu.kz/a"
    )
    client.force_login(world.rep)
    url = reverse("accreditation:followup_report", args=[items[0].project_id, items[0].pk])
    response = client.post(url, {"status": "in_progress", "note": "Reconsidered."})
    assert response.status_code == 200
    assert "This recommendation is reported implemented already." in response.content.decode()
    items[0].refresh_from_db()
    assert items[0].status == F.IMPLEMENTED
    assert FollowupProgress.objects.get(item=items[0]).note == "Done."


def test_progress_revised_before_its_assessment_keeps_both_in_history(items, world):
    services.followup_report(item=items[0], actor=world.rep, status="not_started", note="Not yet.")
    services.followup_report(
        item=items[0], actor=world.rep, status="in_progress", note="The board has met once."
    )
    progress = FollowupProgress.objects.get(item=items[0])
    assert progress.status == "in_progress" and progress.note == "The board has met once."
    assert progress.history.order_by("history_id").first().status == "not_started"
    assert progress.history.filter(status="in_progress", history_user=world.rep).exists()
    assert WorkflowEvent.objects.filter(object_id=progress.pk, to_state="in_progress").exists()
