"""A revoked or suspended accreditation shows on every surface of the registry: the report in
the API says it is no longer valid and names the council's later decision; the organization's
and the programme's history show the decision and the standing (issue 16)."""

import datetime

from django.urls import reverse

from accreditation import services
from accreditation.models import AccreditationProject
from demo.walkthrough import drive

S = AccreditationProject.Status


def _council_decides(cast, project, choice: str, number: str) -> None:
    meeting = services.meeting_create(
        actor=cast.secretary, number=number, date=datetime.date.today(), members=cast.council
    )
    item = services.agenda_add(meeting=meeting, actor=cast.secretary, project=project)
    services.attendance_record(
        meeting=meeting, actor=cast.secretary, present_ids=[m.pk for m in cast.council]
    )
    services.meeting_open(meeting=meeting, actor=cast.secretary)
    for member in cast.council[:3]:
        services.vote_cast(item=item, actor=member, choice=choice)
    services.item_close(item=item, actor=cast.secretary)


def test_a_revoked_report_says_so_on_the_api_and_the_organization_and_programme_pages(cast, client):
    project = drive(cast.project, cast, S.POST_MONITORING)
    report = client.get("/api/v1/reports/").json()["results"][0]
    assert (
        report["report_valid"] is True and report["standing"] == "valid" and report["later_decisions"] == []
    )

    _council_decides(cast, project, "revoke", "AC-R")

    report = client.get(f"/api/v1/reports/{report['id']}/").json()
    assert report["decision"] == "accredit"  # what the report decided stays what it decided
    assert report["report_valid"] is False and report["standing"] == "revoked"
    assert report["later_decisions"] == [
        {"decision": "revoke", "date": datetime.date.today().isoformat(), "meeting": "AC-R"}
    ]
    organization = project.organization
    html = client.get(reverse("registry:organization", args=[organization.iaar_id])).content.decode()
    assert "the Accreditation Council decided “Revoke the accreditation” (meeting AC-R)" in html
    assert "Revoked" in html
    programme = project.programmes.first()
    html = client.get(reverse("registry:programme", args=[programme.pk])).content.decode()
    assert "“Revoke the accreditation” (meeting AC-R)" in html
    # The closed item's tally names the vote by its label, though the project has moved on.
    from accreditation.models import CouncilMeeting

    meeting = CouncilMeeting.objects.get(number="AC-R")
    client.force_login(cast.secretary)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "revoke: 3" not in html and ": 3</span>" in html


def test_a_suspension_then_keeping_shows_both_decisions_and_the_report_valid_again(cast, client):
    project = drive(cast.project, cast, S.POST_MONITORING)
    _council_decides(cast, project, "suspend", "AC-1")
    report = client.get("/api/v1/reports/").json()["results"][0]
    assert report["standing"] == "suspended" and not report["report_valid"]
    _council_decides(cast, project, "maintain", "AC-2")
    report = client.get("/api/v1/reports/").json()["results"][0]
    assert report["standing"] == "valid" and report["report_valid"]
    assert [d["decision"] for d in report["later_decisions"]] == ["suspend", "maintain"]
