"""The follow-up of the EEC's recommendations in the browser (§6.5.5, §7.2.4), each person in a
browser of their own.

The organization's representative finds the recommendations to report on the dashboard, opens
the follow-up page and reports progress on each with its yearly monitoring report: an
implementation without evidence is refused with a message and nothing is saved; with its link it
is recorded, waiting for assessment. The coordinator confirms it. At the open council meeting
that decides on the organization's monitoring (keep, suspend, revoke), a council member reads
the summary of the follow-up beside the vote.
"""

import datetime

import pytest
from django.utils import timezone
from guardian.shortcuts import assign_perm
from playwright.sync_api import expect

from accreditation import services as council
from accreditation.models import (
    AccreditationProject,
    EECReport,
    FollowupItem,
    FollowupProgress,
    MonitoringTask,
)
from accreditation.services import followup, representative_add
from core.roles import Role
from tests.factories import OrganizationFactory, ProjectFactory

pytestmark = pytest.mark.browser

RECOMMENDATIONS = [
    "Involve students in the review of the programme.",
    "Publish the results of the graduate survey.",
    "Raise the share of teachers with industry experience.",
]


@pytest.fixture
def world(make_person):
    pm = make_person(Role.PROJECT_MANAGER, Role.STAFF, username="pm")
    coordinator = make_person(Role.COORDINATOR, Role.STAFF, username="coordinator")
    eo = make_person(Role.EO_REPRESENTATIVE, username="eo", first_name="Kairat", last_name="Serikbayev")
    secretary = make_person(Role.COUNCIL_SECRETARY, Role.STAFF, username="secretary")
    members = [make_person(Role.COUNCIL_MEMBER, username=f"council{n}") for n in range(3)]
    organization = OrganizationFactory(name="Eurasian Tech University")
    representative_add(organization=organization, actor=pm, user=eo)
    project = ProjectFactory(
        organization=organization, status=AccreditationProject.Status.POST_MONITORING, coordinator=coordinator
    )
    for user in (eo, coordinator):
        assign_perm("accreditation.view_accreditationproject", user, project)
    EECReport.objects.create(
        project=project,
        recommendations_eo="\n".join(f"{n}. {text}" for n, text in enumerate(RECOMMENDATIONS, 1)),
        submitted_at=timezone.now(),
    )
    MonitoringTask.objects.create(
        project=project, kind="annual_report", due_on=timezone.localdate() + datetime.timedelta(days=10)
    )
    items = followup.followup_items_make(project=project, actor=coordinator)
    meeting = council.meeting_create(
        actor=secretary, number="AC-F", date=timezone.localdate(), place="Astana", members=members
    )
    council.agenda_add(meeting=meeting, actor=secretary, project=project)
    council.attendance_record(meeting=meeting, actor=secretary, present_ids=[m.pk for m in members])
    council.meeting_open(meeting=meeting, actor=secretary)
    return {"project": project, "items": items, "meeting": meeting, "coordinator": coordinator}


def test_the_organization_reports_progress_and_the_council_reads_the_summary(live_server, browser_of, world):
    url = live_server.url
    project, items = world["project"], world["items"]

    # The representative finds each recommendation to report on the dashboard.
    eo = browser_of("eo")
    expect(eo.get_by_text("Report the progress in the yearly monitoring report").first).to_be_visible()
    eo.get_by_role("link", name="Recommendation 2: Eurasian Tech University").click()
    expect(eo.get_by_role("heading", name="Follow-up of the EEC's recommendations")).to_be_visible()
    expect(eo.get_by_text("Report your progress on each recommendation")).to_be_visible()

    # Implemented without evidence: refused with a message, nothing saved.
    eo.locator(f"#rec-{items[1].pk}").get_by_role("link", name="Report progress").click()
    expect(eo.get_by_text("Publish the results of the graduate survey.")).to_be_visible()
    eo.get_by_label("Implemented").check()
    eo.get_by_label("What was done").fill("The survey report is on the university's website.")
    eo.get_by_role("button", name="Report the progress").click()
    expect(
        eo.get_by_text("Attach the evidence (a file or a link) to report the recommendation implemented.")
    ).to_be_visible()
    assert not FollowupProgress.objects.exists()

    # With its link it is recorded, waiting for the assessment.
    eo.get_by_label("Implemented").check()
    eo.get_by_label("Evidence link").fill("https://eu.kz/graduate-survey-2026")
    eo.get_by_role("button", name="Report the progress").click()
    expect(eo.get_by_text("Your progress on the recommendation is recorded.")).to_be_visible()
    card = eo.locator(f"#rec-{items[1].pk}")
    expect(card.get_by_text("Implemented, to assess")).to_be_visible()
    expect(card.get_by_role("link", name="https://eu.kz/graduate-survey-2026")).to_be_visible()

    # … and the first one in progress.
    eo.locator(f"#rec-{items[0].pk}").get_by_role("link", name="Report progress").click()
    eo.get_by_label("In progress").check()
    eo.get_by_label("What was done").fill("Two students sit on the programme board from this term.")
    eo.get_by_role("button", name="Report the progress").click()
    expect(eo.get_by_text("Your progress on the recommendation is recorded.")).to_be_visible()
    assert [i.status for i in FollowupItem.objects.order_by("number")] == [
        "in_progress",
        "implemented",
        "open",
    ]

    # The coordinator confirms the implementation.
    coordinator = browser_of("coordinator")
    coordinator.goto(f"{url}/accreditation/projects/{project.pk}/followup/")
    coordinator.locator(f"#rec-{items[1].pk}").get_by_role("link", name="Assess").click()
    coordinator.get_by_label("Confirm", exact=True).check()
    coordinator.get_by_role("button", name="Record the assessment").click()
    expect(coordinator.get_by_text("The assessment is recorded.")).to_be_visible()
    expect(
        coordinator.locator(f"#rec-{items[1].pk}").get_by_text("Implemented and confirmed")
    ).to_be_visible()

    # A council member reads the summary beside the vote on keeping the accreditation.
    member = browser_of("council0")
    member.goto(f"{url}{world['meeting'].get_absolute_url()}")
    summary = member.locator(".followup-summary")
    expect(summary.get_by_text("1 of 3 recommendations implemented and confirmed (33 %).")).to_be_visible()
    expect(summary.get_by_text("Raise the share of teachers with industry experience.")).to_be_visible()
    expect(summary.get_by_text("In progress").first).to_be_visible()
    expect(member.get_by_label("Keep the accreditation")).to_be_visible()
