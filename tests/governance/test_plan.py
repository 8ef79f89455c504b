"""The annual implementation plan (§4.4.1): items with an owner and a due date in the plan's
year, corrections as revisions with a reason, progress reported by the owner with evidence."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.roles import Role
from governance import services
from governance.models import PlanItem, PlanRevision, ProgressReport
from governance.services import plan as plans
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
D = datetime.date
IS = PlanItem.Status


@pytest.fixture
def plan(qms_owner, director):
    strategy = services.strategy_create(
        actor=qms_owner, title="Стратегия", period_start=2025, period_end=2029
    )
    version = strategy.versions.get()
    goal = services.goal_add(version=version, actor=qms_owner, title="Признание")
    services.task_add(goal=goal, actor=qms_owner, title="Обзор ENQA")
    services.version_discuss(version=version, actor=qms_owner)
    services.version_edit(
        version=version,
        actor=qms_owner,
        mission="",
        vision="",
        values="",
        discussed_on=D(2025, 1, 1),
        discussed_by="НС",
    )
    services.version_approve(version=version, actor=director, password=PASSWORD)
    return plans.plan_create(actor=qms_owner, strategy_version=version, year=2026)


@pytest.fixture
def item(plan, qms_owner, make_person):
    owner = make_person(Role.STAFF, username="item_owner")
    task = plan.strategy_version.goals.get().tasks.get()
    return plans.item_add(
        plan=plan, actor=qms_owner, task=task, title="Самооценка", owner=owner, due_date=D(2026, 6, 30)
    )


def test_an_item_needs_an_owner_and_a_due_date_in_the_year(plan, qms_owner, item):
    task = item.task
    with pytest.raises(ValidationError, match="Choose the person responsible"):
        plans.item_add(plan=plan, actor=qms_owner, task=task, title="x", owner=None, due_date=D(2026, 3, 1))
    with pytest.raises(ValidationError, match=r"within the plan's year \(2026\)"):
        plans.item_add(
            plan=plan, actor=qms_owner, task=task, title="x", owner=qms_owner, due_date=D(2027, 1, 1)
        )
    assert plan.items.count() == 1


def test_a_plan_only_under_the_effective_version_and_in_its_period(plan, qms_owner):
    with pytest.raises(ValidationError):
        plans.plan_create(actor=qms_owner, strategy_version=plan.strategy_version, year=2031)
    with pytest.raises(ValidationError):
        plans.plan_create(actor=qms_owner, strategy_version=plan.strategy_version, year=2026)


def test_a_correction_needs_a_reason_and_makes_a_revision(item, qms_owner):
    with pytest.raises(ValidationError, match="Give the reason"):
        plans.item_correct(
            item=item,
            actor=qms_owner,
            reason=" ",
            owner=item.owner,
            due_date=D(2026, 9, 30),
            expected_result="",
        )
    item.refresh_from_db()
    assert item.due_date == D(2026, 6, 30) and not PlanRevision.objects.exists()
    revision = plans.item_correct(
        item=item,
        actor=qms_owner,
        reason="Перенос визита ENQA",
        owner=item.owner,
        due_date=D(2026, 9, 30),
        expected_result="",
    )
    item.refresh_from_db()
    item.plan.refresh_from_db()
    assert item.due_date == D(2026, 9, 30) and item.plan.revision == 2 and revision.number == 2
    assert revision.reason == "Перенос визита ENQA"


def test_the_owner_reports_progress_with_evidence(item):
    plans.progress_report(
        item=item,
        actor=item.owner,
        text="Собраны данные",
        percent=40,
        evidence=SimpleUploadedFile("e.txt", b"data"),
    )
    item.refresh_from_db()
    assert item.status == IS.IN_PROGRESS and item.percent_done == 40
    report = ProgressReport.objects.get()
    assert report.evidence_name == "e.txt"
    # The report keeps its history: who reported it, and when.
    assert [(h.history_type, h.history_user) for h in report.history.all()] == [("+", item.owner)]
    plans.progress_report(item=item, actor=item.owner, text="Готово", percent=100)
    item.refresh_from_db()
    assert item.status == IS.DONE
    assert item.history.filter(status=IS.DONE).count() == 1


def test_only_the_owner_reports_and_the_percent_is_checked(item, qms_owner):
    with pytest.raises(PermissionDenied):
        plans.progress_report(item=item, actor=qms_owner, text="x", percent=10)
    with pytest.raises(ValidationError):
        plans.progress_report(item=item, actor=item.owner, text="x", percent=140)
    assert not ProgressReport.objects.exists()
    assert not ProgressReport.history.exists()


def test_the_iqas_owner_cancels_an_item_the_owner_cannot(item, qms_owner):
    with pytest.raises(PermissionDenied):
        plans.item_close(item=item, actor=item.owner, target=IS.CANCELLED)
    plans.item_close(item=item, actor=qms_owner, target=IS.CANCELLED, comment="Не актуально")
    item.refresh_from_db()
    assert item.status == IS.CANCELLED


def test_overdue_items_are_on_the_owners_dashboard_and_escalated_once(item, qms_owner, client):
    from core.dashboard import dashboard_for
    from core.models import Notification
    from governance.tasks import escalate_overdue_plan_items

    board = dashboard_for(item.owner, today=D(2026, 7, 5))
    assert [t.title for t in board.overdue] == ["Самооценка"]
    assert plans.overdue_escalate(today=D(2026, 7, 10)) == 0  # 10 days: not yet
    assert plans.overdue_escalate(today=D(2026, 7, 20)) == 1
    assert plans.overdue_escalate(today=D(2026, 7, 21)) == 0  # once per item
    note = Notification.objects.get(recipient=qms_owner)
    assert "Самооценка" in note.params["title"]
    assert escalate_overdue_plan_items() == 0


def test_the_plan_page_shows_items_to_staff(item, client, make_person):
    from django.urls import reverse

    client.force_login(make_person(Role.EXPERT))
    page = client.get(reverse("governance:plan_detail", args=[item.plan_id]))
    assert page.status_code == 200 and "Самооценка" in page.content.decode()


def test_reports_made_before_history_get_their_creation_row(item):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("governance.migrations.0010_progress_report_history")
    # A report saved as before history was kept (no history row; PostgreSQL refuses deleting one).
    report = ProgressReport(item=item, text="Раньше", percent=20, reported_by=item.owner)
    report.skip_history_when_saving = True
    report.save()
    migration.first_history_rows(apps, None)
    row = report.history.get()
    assert (row.history_type, row.history_user, row.history_date) == ("+", item.owner, report.reported_at)
