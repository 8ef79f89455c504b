"""The implementation plan's pages (§4.4.1): the IQAS owner makes and corrects the plan, an
item's owner reports progress with evidence and closes it, the buttons come from the item's
table, bad input is a message with nothing saved."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from core.models import WorkflowEvent
from core.roles import Role
from governance import services
from governance.models import ImplementationPlan, PlanItem, PlanRevision, ProgressReport
from governance.services import plan as plans
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
D = datetime.date
IS = PlanItem.Status


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


@pytest.fixture
def version(qms_owner, director):
    strategy = services.strategy_create(
        actor=qms_owner, title="Стратегия", period_start=2025, period_end=2029
    )
    version = strategy.versions.get()
    goal = services.goal_add(version=version, actor=qms_owner, title="Признание")
    services.task_add(goal=goal, actor=qms_owner, title="Обзор ENQA")
    services.indicator_add(
        goal=goal,
        actor=qms_owner,
        name="Доля международных экспертов",
        unit="%",
        baseline=70,
        targets=dict.fromkeys(strategy.years, 80),
    )
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
    return version


@pytest.fixture
def plan(version, qms_owner):
    return plans.plan_create(actor=qms_owner, strategy_version=version, year=2026)


@pytest.fixture
def owner(make_person):
    return make_person(Role.STAFF, username="item_owner", first_name="Айгуль", last_name="Садыкова")


@pytest.fixture
def item(plan, qms_owner, owner):
    return plans.item_add(
        plan=plan,
        actor=qms_owner,
        task=plan.strategy_version.goals.get().tasks.get(),
        title="Самооценка",
        owner=owner,
        due_date=D(2026, 6, 30),
    )


@pytest.fixture
def qms_client(client, qms_owner):
    client.force_login(qms_owner)
    return client


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


# The IQAS owner makes the plan


def test_the_iqas_owner_makes_the_years_plan_from_the_strategy_page(qms_client, version):
    page = qms_client.get(version.get_absolute_url()).content.decode()
    assert reverse("governance:plan_create", args=[version.pk]) in page
    response = qms_client.post(reverse("governance:plan_create", args=[version.pk]), {"year": 2027})
    plan = ImplementationPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.year == 2027 and plan.strategy_version == version
    # The year taken is no longer offered; a year outside the strategy is refused.
    form = qms_client.get(reverse("governance:plan_create", args=[version.pk])).content.decode()
    assert 'value="2027"' not in form and 'value="2028"' in form
    response = qms_client.post(reverse("governance:plan_create", args=[version.pk]), {"year": 2031})
    assert response.status_code == 200 and ImplementationPlan.objects.count() == 1


def test_no_plan_under_a_draft(qms_client, qms_owner):
    draft = services.strategy_create(actor=qms_owner, title="Черновик", period_start=2025, period_end=2029)
    version = draft.versions.get()
    response = qms_client.get(reverse("governance:plan_create", args=[version.pk]), follow=True)
    assert "effective version of the strategy" in response.content.decode()
    assert not ImplementationPlan.objects.exists()


def test_staff_cannot_make_a_plan_or_add_items(client_as, version, plan):
    client = client_as(Role.STAFF)
    assert client.get(reverse("governance:plan_create", args=[version.pk])).status_code == 403
    assert client.get(reverse("governance:item_add", args=[plan.pk])).status_code == 403
    page = client.get(plan.get_absolute_url()).content.decode()
    assert reverse("governance:item_add", args=[plan.pk]) not in page


def _item_data(plan, person, **changes) -> dict:
    data = {
        "task": plan.strategy_version.goals.get().tasks.get().pk,
        "title": "Семинар для экспертов",
        "owner": person.pk,
        "due_date": "2026-05-20",
        "indicator": plan.strategy_version.goals.get().indicators.get().pk,
        "expected_result": "30 обученных экспертов",
    }
    return {**data, **changes}


def test_the_iqas_owner_adds_an_item(qms_client, plan, owner):
    response = qms_client.post(reverse("governance:item_add", args=[plan.pk]), _item_data(plan, owner))
    assert response.status_code == 302
    item = plan.items.get()
    assert (item.title, item.owner, item.due_date) == ("Семинар для экспертов", owner, D(2026, 5, 20))
    assert item.indicator.name == "Доля международных экспертов"


def test_an_item_due_outside_the_year_or_without_an_owner_is_refused(qms_client, plan, owner):
    url = reverse("governance:item_add", args=[plan.pk])
    response = qms_client.post(url, _item_data(plan, owner, due_date="2027-01-15"))
    assert response.status_code == 200
    assert "The due date must lie within the plan&#x27;s year (2026)." in response.content.decode()
    response = qms_client.post(url, _item_data(plan, owner, owner=""))
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    response = qms_client.post(url, _item_data(plan, owner, due_date="not a date"))
    assert response.status_code == 200
    assert not plan.items.exists()


def test_a_correction_without_a_reason_changes_nothing(qms_client, item, owner):
    url = reverse("governance:item_edit", args=[item.pk])
    response = qms_client.post(url, _item_data(item.plan, owner, due_date="2026-09-30", reason=" "))
    assert response.status_code == 200
    assert "Give the reason for the correction; nothing was changed." in response.content.decode()
    item.refresh_from_db()
    assert item.due_date == D(2026, 6, 30) and not PlanRevision.objects.exists()


def test_a_correction_with_a_reason_is_a_new_revision(qms_client, item, owner, make_person):
    other = make_person(Role.STAFF, username="new_owner")
    url = reverse("governance:item_edit", args=[item.pk])
    response = qms_client.post(
        url,
        _item_data(item.plan, other, title="Самооценка ENQA", due_date="2026-09-30", reason="Перенос визита"),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.owner, item.due_date) == ("Самооценка ENQA", other, D(2026, 9, 30))
    revision = PlanRevision.objects.get()
    assert revision.number == 2 and revision.reason == "Перенос визита"
    assert set(revision.changes[str(item.pk)]) >= {"title", "owner_id", "due_date", "indicator_id"}
    assert item.history.first().history_change_reason == "Перенос визита"
    page = qms_client.get(item.plan.get_absolute_url()).content.decode()
    assert "Revision 2" in page and "Перенос визита" in page


# The item's owner reports and closes


def test_the_owner_reports_progress_with_a_file_and_a_link(owner_client, item):
    page = owner_client.get(item.get_absolute_url()).content.decode()
    assert reverse("governance:item_report", args=[item.pk]) in page
    response = owner_client.post(
        reverse("governance:item_report", args=[item.pk]),
        {
            "text": "Собраны данные",
            "percent": "40",
            "evidence": SimpleUploadedFile("otchet.txt", "Отчёт".encode()),
            "evidence_url": "https://drive.example.kz/otchet",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == IS.IN_PROGRESS and item.percent_done == 40
    report = ProgressReport.objects.get()
    assert report.evidence_name == "otchet.txt" and report.evidence_url == "https://drive.example.kz/otchet"
    page = owner_client.get(item.get_absolute_url()).content.decode()
    assert "Собраны данные" in page and reverse("governance:evidence_download", args=[report.pk]) in page
    assert "Progress reported: 40%" in page  # on the item's timeline
    download = owner_client.get(reverse("governance:evidence_download", args=[report.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == "Отчёт".encode()


def test_a_bad_file_or_percentage_saves_nothing(owner_client, item):
    url = reverse("governance:item_report", args=[item.pk])
    response = owner_client.post(
        url, {"text": "x", "percent": "10", "evidence": SimpleUploadedFile("virus.pdf", b"MZ\x90\x00binary")}
    )
    assert response.status_code == 200
    assert "This type of file is not accepted" in response.content.decode()
    response = owner_client.post(url, {"text": "x", "percent": "140"})
    assert response.status_code == 200
    assert "The percentage done must be between 0 and 100." in response.content.decode()
    response = owner_client.post(url, {"text": "x", "percent": "10", "evidence_url": "javascript:alert(1)"})
    assert response.status_code == 200
    assert not ProgressReport.objects.exists()
    item.refresh_from_db()
    assert item.status == IS.PLANNED


def test_only_the_owner_reports(qms_client, item):
    assert qms_client.get(reverse("governance:item_report", args=[item.pk])).status_code == 403
    page = qms_client.get(item.get_absolute_url()).content.decode()
    assert reverse("governance:item_report", args=[item.pk]) not in page


def test_the_buttons_come_from_the_items_table(owner_client, client_as, qms_owner, item):
    done, cancel, not_done = (
        reverse(f"governance:item_{name}", args=[item.pk]) for name in ("done", "cancel", "not_done")
    )
    page = owner_client.get(item.get_absolute_url()).content.decode()
    assert done not in page and cancel not in page  # planned: the owner reports first
    plans.progress_report(item=item, actor=item.owner, text="Начато", percent=30)
    page = owner_client.get(item.get_absolute_url()).content.decode()
    assert done in page and cancel not in page and not_done not in page
    owner_client.force_login(qms_owner)
    page = owner_client.get(item.get_absolute_url()).content.decode()
    assert done in page and cancel in page and not_done in page
    assert owner_client.get(cancel).status_code == 200
    staff = client_as(Role.STAFF)
    assert staff.get(done).status_code == 403


def test_the_owner_closes_the_item_as_done(owner_client, item):
    plans.progress_report(item=item, actor=item.owner, text="Начато", percent=80)
    response = owner_client.post(reverse("governance:item_done", args=[item.pk]), {"comment": "Отчёт сдан"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == IS.DONE and item.percent_done == 100 and item.closing_note == "Отчёт сдан"
    assert WorkflowEvent.objects.filter(object_id=item.pk, to_state=IS.DONE).exists()
    # Closed: no more reports, no more buttons.
    response = owner_client.get(reverse("governance:item_report", args=[item.pk]), follow=True)
    assert "This item is closed" in response.content.decode()


def test_a_cancellation_needs_a_reason(qms_client, item):
    url = reverse("governance:item_cancel", args=[item.pk])
    response = qms_client.post(url, {"comment": "  "})
    assert response.status_code == 200
    assert "Say why the item is closed this way; nothing was changed." in response.content.decode()
    item.refresh_from_db()
    assert item.status == IS.PLANNED
    response = qms_client.post(url, {"comment": "Не актуально"})
    item.refresh_from_db()
    assert response.status_code == 302 and item.status == IS.CANCELLED and item.closing_note == "Не актуально"
    assert item.history.first().history_change_reason == "Не актуально"
    # Cancelled: the page says so instead of a 500 or a second move.
    response = qms_client.get(url, follow=True)
    assert "cannot be closed this way now" in response.content.decode()


# The board, the report, the review's pack


@pytest.fixture
def executed(plan, item, qms_owner, owner, make_person):
    """Three more items: one done, one overdue, one cancelled."""
    task = item.task
    other = make_person(Role.STAFF, username="second_owner", first_name="Бакыт", last_name="Осмонов")
    done = plans.item_add(
        plan=plan, actor=qms_owner, task=task, title="Опрос вузов", owner=owner, due_date=D(2026, 3, 1)
    )
    plans.progress_report(item=done, actor=owner, text="Опрос проведён", percent=100)
    plans.item_add(
        plan=plan,
        actor=qms_owner,
        task=task,
        title="Аналитический отчёт",
        owner=other,
        due_date=D(2026, 2, 1),
    )
    gone = plans.item_add(
        plan=plan, actor=qms_owner, task=task, title="Форум", owner=other, due_date=D(2026, 4, 1)
    )
    plans.item_close(item=gone, actor=qms_owner, target=IS.CANCELLED, comment="Форум перенесён")
    plans.item_correct(
        item=item,
        actor=qms_owner,
        reason="Перенос визита",
        owner=owner,
        due_date=D(2026, 8, 1),
        expected_result="",
    )
    return plan


def test_the_execution_numbers(executed):
    from governance.selectors.plans import plan_execution

    execution = plan_execution(executed, today=D(2026, 7, 1))
    assert (
        execution.overall.total == 3 and execution.overall.done == 1 and execution.overall.done_percent == 33
    )
    assert [i.title for i in execution.overdue] == ["Аналитический отчёт"]
    by_owner = {g.label: (g.total, g.done_percent, g.overdue) for g in execution.by_owner}
    assert by_owner == {"Осмонов Бакыт": (1, 0, 1), "Садыкова Айгуль": (2, 50, 0)}
    assert dict((s, n) for s, _label, n in execution.by_status) == {
        "planned": 2,
        "in_progress": 0,
        "done": 1,
        "not_done": 0,
        "cancelled": 1,
    }


def test_the_board_shows_charts_with_tables(client_as, executed):
    client = client_as(Role.STAFF)
    plan_page = client.get(executed.get_absolute_url()).content.decode()
    board_url = reverse("governance:plan_board", args=[executed.pk])
    assert board_url in plan_page
    page = client.get(board_url).content.decode()
    assert page.count("<svg") == 3 and "<script" not in page.split("<main", 1)[-1].split("</main>")[0]
    assert "Items done by strategic goal, %" in page and "1. Признание" in page
    assert "Осмонов Бакыт" in page and "Аналитический отчёт" in page


def test_the_implementation_report_pdf(client_as, executed, settings):
    settings.LANGUAGE_CODE = "en"
    client = client_as(Role.STAFF)
    assert (
        reverse("governance:plan_report", args=[executed.pk])
        in client.get(executed.get_absolute_url()).content.decode()
    )
    response = client.get(reverse("governance:plan_report", args=[executed.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Implementation report of the plan 2026" in text
    assert "Перенос визита" in text  # the correction with its reason
    assert "Форум перенесён" in text  # the cancellation with its reason
    assert "Опрос вузов" in text and "Опрос проведён" in text  # an item with its progress
    assert "Overdue items" in text and "Аналитический отчёт" in text


def test_the_review_pack_carries_the_plans_execution(executed, qms_owner):
    from improvement.models import ManagementReview
    from reporting.selectors.review_inputs import pack_context

    review = ManagementReview(
        number="MR-2026-01", period_start=D(2026, 1, 1), period_end=D(2026, 12, 31), planned_on=D(2027, 1, 20)
    )
    section = pack_context(review, today=D(2026, 7, 1))["strategy_plan"]
    assert section["plan"] == executed and section["execution"].overall.done == 1
    assert "<svg" in section["chart"]
    review.period_end = D(2025, 12, 31)
    review.period_start = D(2025, 1, 1)
    assert pack_context(review, today=D(2026, 7, 1))["strategy_plan"]["plan"] is None


# The public switch


def test_the_iqas_owner_publishes_and_unpublishes_the_strategy(qms_client, version, client):
    strategy = version.strategy
    url = reverse("governance:strategy_public", args=[strategy.pk])
    public_url = reverse("governance_public:public_strategy", args=[strategy.pk])
    assert qms_client.post(url, {"public": "1"}).status_code == 302
    strategy.refresh_from_db()
    assert strategy.is_public
    assert qms_client.post(url, {"public": "0"}).status_code == 302
    strategy.refresh_from_db()
    assert not strategy.is_public
    assert [h.is_public for h in strategy.history.order_by("history_id")][-2:] == [True, False]
    page = qms_client.get(version.get_absolute_url()).content.decode()
    assert "Published on the public site" in page and "Taken off the public site" in page
    client.logout()
    assert client.get(public_url).status_code == 404


def test_staff_cannot_switch_the_public_page(client_as, version):
    client = client_as(Role.STAFF)
    assert (
        client.post(
            reverse("governance:strategy_public", args=[version.strategy.pk]), {"public": "1"}
        ).status_code
        == 403
    )
    version.strategy.refresh_from_db()
    assert not version.strategy.is_public


def test_an_owner_sees_only_their_items_when_asked(owner_client, executed):
    page = owner_client.get(executed.get_absolute_url() + "?mine=1").content.decode()
    assert "Самооценка" in page and "Опрос вузов" in page
    assert "Аналитический отчёт" not in page  # another owner's
    page = owner_client.get(executed.get_absolute_url()).content.decode()
    assert "Аналитический отчёт" in page
