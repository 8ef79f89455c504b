from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from core.models import WorkflowEvent
from core.roles import Role
from demo.people import DEMO_PASSWORD
from documents.models import Document
from improvement.models import Nonconformity


def _story_counts() -> tuple:
    """What the demo's stories make, counted: a second seeding must add none of it."""
    from improvement.models import Action, KpiReport, ManagementReview
    from surveys.models import Campaign, Invitation, Response

    return (
        (Campaign.objects.count(), Response.objects.count(), Invitation.objects.count()),
        (ManagementReview.objects.count(), Action.objects.count(), KpiReport.objects.count()),
    )


def test_seed_demo_gives_every_role_a_login_and_can_run_twice(db, capsys, rf):
    """The one test that seeds the demo itself, twice; the others read the session's
    ``seeded_demo``."""
    call_command("seed_demo")
    events = WorkflowEvent.objects.count()
    surveys, reviews = _story_counts()
    call_command("seed_demo")
    out = capsys.readouterr().out
    User = get_user_model()
    for role in Role:
        holders = User.objects.filter(groups__name=role.value)
        assert holders.exists(), role
        username = holders.first().username
        assert authenticate(rf.get("/"), username=username, password=DEMO_PASSWORD), username
        assert username in out
    assert DEMO_PASSWORD in out
    assert User.objects.filter(username="admin", is_superuser=True).count() == 1
    # Idempotent: a second run adds nothing.
    assert Nonconformity.objects.count() == 9
    assert Document.objects.filter(code="MAN-001").count() == 1
    assert WorkflowEvent.objects.count() == events
    # Two years of surveys (tests/surveys/test_satisfaction.py) and the management reviews with
    # their decisions and KPI reports (tests/improvement/test_review_demo.py), each once.
    assert _story_counts() == (surveys, reviews)


def test_seed_demo_scale_adds_benchmark_rows_once(seeded_demo):
    call_command("seed_demo", scale=50)
    call_command("seed_demo", scale=50)
    assert Document.objects.filter(code__startswith="BENCH-").count() == 50


def test_seed_demo_gives_the_director_approvals_and_staff_reading(seeded_demo):
    from core.dashboard import dashboard_for

    User = get_user_model()
    director = User.objects.get(username="director")
    staff = User.objects.get(username="staff")
    approvals = [i for i in dashboard_for(director).waiting if "approval" in i.detail]
    assert len(approvals) >= 3
    reading = [
        i
        for i in [*dashboard_for(staff).waiting, *dashboard_for(staff).due_soon]
        if "acknowledge" in i.detail
    ]
    assert reading
    # Every demo confirmation was preceded by opening the file, after being asked.
    from documents.models import Acknowledgement

    confirmed = Acknowledgement.objects.filter(acknowledged_at__isnull=False)
    assert confirmed.count() >= 3
    for ack in confirmed:
        assert ack.assigned_at < ack.opened_at < ack.acknowledged_at, ack
    assert Acknowledgement.objects.filter(person__username="expert", opened_at__isnull=True).exists()
    assert Document.objects.count() >= 40
    overdue = [d for d in Document.objects.all() if d.review_overdue]
    assert len(overdue) == 1


def test_the_demo_registry_has_a_history_to_read(seeded_demo, client):
    from accreditation.models import Organization
    from registry import selectors as registry

    rows, _form = registry.search({})
    statuses = {registry.public_status(c) for c in rows}
    assert statuses == {"valid", "expired", "suspended", "revoked"}
    farabi = Organization.objects.get(acronym="KazNU")
    page = client.get(f"/registry/organizations/{farabi.iaar_id}/").content.decode()
    assert page.count("Accredit for 5 years") == 2  # this cycle and the one before
    refusals = client.get("/api/v1/reports/", {"decision__outcome": "refuse"}).json()
    assert refusals["count"] == 2  # the appealed one and one of an earlier year


def test_the_demo_council_meetings_of_the_past_show_who_voted(seeded_demo, client):
    """Each decided item of an earlier meeting has its open votes, as many as its decision says,
    so the secretary's meeting page reads "5 of 5 members voted", not "0 of 0"."""
    from django.contrib.auth import get_user_model

    from accreditation.models import Decision

    for decision in Decision.objects.filter(item__isnull=False).select_related("item"):
        assert decision.item.votes.count() == decision.votes_cast, decision.item.meeting.number
    decision = Decision.objects.filter(item__isnull=False, decided_on__year__lt=2025).first()
    client.force_login(get_user_model().objects.get(username="secretary"))
    page = client.get(f"/accreditation/council/{decision.item.meeting.pk}/").content.decode()
    assert "0 of 0 members voted" not in page
    assert "5 of 5 members voted" in page


def test_every_iqas_process_has_an_owner_in_the_demo(seeded_demo):
    from core.models import Process

    assert not Process.objects.filter(owner__isnull=True).exists()
    assert Process.objects.get(code="council-meetings").owner.username == "secretary"


def test_the_demo_tells_a_year_of_audits_and_corrective_actions(seeded_demo, client):
    """Issue 7's demo: last year's audit closed with its corrective actions (one found not
    effective and reopened), this year's in progress with a repeated nonconformity, 20 risks."""
    from audits.models import Audit
    from improvement.models import Action, CorrectiveAction, Risk

    last, this = Audit.objects.get(number="IA-2025-01"), Audit.objects.get(number="IA-2026-01")
    assert last.status == Audit.Status.CLOSED and last.report_file and last.approved_at.year == 2025
    assert {f.get_kind_display() for f in last.findings.all()} == {
        "Major nonconformity",
        "Minor nonconformity",
        "Observation",
        "Opportunity for improvement",
        "Good practice",
    }
    capas = CorrectiveAction.objects.filter(nonconformity__finding__audit=last)
    assert sorted(c.step for c in capas) == ["actions", "closed", "closed"]
    reopened = capas.get(step="actions")
    assert reopened.reopened == 1 and reopened.effective is False
    assert reopened.actions.filter(status=Action.Status.OPEN).exists()
    assert this.status == Audit.Status.IN_PROGRESS and this.team.count() == 2
    repeated = Nonconformity.objects.get(repeated_of__isnull=False)
    assert repeated.finding.audit == this
    assert repeated.repeated_of.finding.audit == last
    assert Risk.objects.count() == 20
    assert Action.objects.filter(risk__isnull=False, due_on__lt=this.starts_on.replace(month=12)).exists()
    client.force_login(get_user_model().objects.get(username="director"))
    board = client.get("/improvement/board/").content.decode()
    assert board.count("<svg") == 4


def test_the_demo_reports_carry_their_deqar_fields(seeded_demo):
    from accreditation.models import Publication
    from registry import deqar

    filled = [p for p in Publication.objects.filter(withdrawn=False) if p.summary and p.report_links]
    assert len(filled) >= 3
    assert {p.obligation for p in filled if p.project.organization.country == "KG"} <= {
        "part of obligatory EQA system"
    }
    report = deqar.payload(filled[0])
    assert report["summary"] and report["report_links"][0]["link_display_name"] == "Запись в реестре НААР"
