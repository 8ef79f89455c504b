"""The development of standards (§6.3): the plan and its inputs, a consultation on the draft,
and the working group's moderation, answers and dispositions, each refusal with its message and
nothing changed."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core.models import WorkflowEvent
from documents.models import Document
from governance.models.bodies import Body
from governance.models.standards_dev import ConsultationComment, DevelopmentInput
from governance.selectors import standards_dev as selectors
from governance.services import bodies
from governance.services import standards_dev as services
from tests.governance.stddev_world import build, comment

pytestmark = pytest.mark.django_db
CS = ConsultationComment.Status


@pytest.fixture
def world(make_person):
    return build(make_person)


def test_plan_is_drawn_up_for_a_standard_with_its_working_group(world):
    plan = world["plan"]
    assert plan.working_group == world["group"]
    assert WorkflowEvent.objects.filter(object_id=plan.pk, action="Development plan drawn up").exists()
    assert plan.history.count() == 1


def test_plan_refuses_a_form_and_a_body_that_is_not_a_working_group(world, make_person):
    qms = world["qms"]
    council = bodies.body_create(actor=qms, name="Экспертный совет", kind=Body.Kind.EXPERT_COUNCIL)
    with pytest.raises(ValidationError, match="active working group"):
        services.plan_create(
            actor=qms, document=world["standard"], working_group=council, reason="R", scope="S"
        )
    form = Document.objects.create(code="F-1", title="Form", doc_type=Document.Type.FORM, owner=qms)
    with pytest.raises(ValidationError, match="standard or a guideline"):
        services.plan_create(actor=qms, document=form, working_group=world["group"], reason="R", scope="S")
    with pytest.raises(PermissionDenied):
        services.plan_create(
            actor=world["sec"],
            document=world["standard"],
            working_group=world["group"],
            reason="R",
            scope="S",
        )
    assert world["plan"].__class__.objects.count() == 1


def test_secretary_registers_inputs_and_a_javascript_link_is_refused(world):
    entry = services.input_add(
        plan=world["plan"],
        actor=world["sec"],
        kind=DevelopmentInput.Kind.ESG,
        title="ESG 2015",
        reference="https://www.enqa.eu/esg-standards-and-guidelines/",
    )
    assert entry.is_link
    with pytest.raises(ValidationError, match="https://"):
        services.input_add(
            plan=world["plan"], actor=world["sec"], kind="esg", title="Bad", reference="javascript://alert(1)"
        )
    with pytest.raises(PermissionDenied):
        services.input_add(plan=world["plan"], actor=world["outsider"], kind="esg", title="Mine")
    assert list(world["plan"].inputs.values_list("title", flat=True)) == ["ESG 2015"]


def test_only_a_draft_goes_to_consultation_and_not_twice(world):
    with pytest.raises(ValidationError, match="in consultation already"):
        services.consultation_open(
            plan=world["plan"],
            actor=world["sec"],
            opens_on=world["today"],
            closes_on=world["today"] + datetime.timedelta(days=5),
            language="ru",
        )
    with pytest.raises(ValidationError, match="close before it opens"):
        services.consultation_open(
            plan=world["plan"],
            actor=world["sec"],
            opens_on=world["today"],
            closes_on=world["today"] - datetime.timedelta(days=5),
            language="ru",
        )
    assert world["plan"].consultations.count() == 1


def test_stakeholder_comment_waits_for_moderation(world):
    made = comment(world)
    assert made.status == CS.PENDING
    assert selectors.comment_counts(world["consultation"])["pending"] == 1


def test_comment_after_the_close_is_refused_and_nothing_saved(world):
    later = world["consultation"].closes_on + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="closed on"):
        comment(world, today=later)
    assert ConsultationComment.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": " "}, "Give your name"),
        ({"text": ""}, "Write your comment"),
        ({"constituency": "martian"}, "whom you comment as"),
        ({"section_id": "x"}, "Choose the section"),
        ({"email": "not-an-address"}, "valid e-mail address"),
    ],
)
def test_bad_comment_is_refused_with_a_message(world, overrides, message):
    with pytest.raises(ValidationError, match=message):
        comment(world, **overrides)
    assert ConsultationComment.objects.count() == 0


def test_secretary_publishes_and_hides_with_a_reason(world):
    first, second = comment(world), comment(world, text="Реклама")
    services.comment_moderate(comment=first, actor=world["sec"], publish=True)
    with pytest.raises(ValidationError, match="why the comment is hidden"):
        services.comment_moderate(comment=second, actor=world["sec"], publish=False, reason=" ")
    services.comment_moderate(comment=second, actor=world["sec"], publish=False, reason="Не по существу")
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status, second.hidden_reason) == (CS.PUBLISHED, CS.HIDDEN, "Не по существу")
    assert second.moderated_by == world["sec"]
    assert second.history.first().history_user == world["sec"]


def test_a_member_cannot_moderate(world):
    made = comment(world)
    with pytest.raises(PermissionDenied):
        services.comment_moderate(comment=made, actor=world["member"], publish=True)
    made.refresh_from_db()
    assert made.status == CS.PENDING


def test_group_member_answers_and_disposes_with_a_reason(world):
    made = comment(world)
    services.comment_moderate(comment=made, actor=world["sec"], publish=True)
    services.comment_answer(comment=made, actor=world["member"], answer="Учтено в п. 1.3")
    services.comment_dispose(
        comment=made, actor=world["sec"], disposition="accepted", reason="Соответствует ESG 1.2"
    )
    made.refresh_from_db()
    assert (made.answer, made.answered_by, made.disposition) == (
        "Учтено в п. 1.3",
        world["member"],
        "accepted",
    )
    assert made.disposed_by == world["sec"]
    assert WorkflowEvent.objects.filter(object_id=made.pk, action="Comment accepted").exists()


def test_answer_by_someone_not_in_the_group_is_refused(world):
    made = comment(world)
    services.comment_moderate(comment=made, actor=world["sec"], publish=True)
    with pytest.raises(PermissionDenied, match="member of the working group"):
        services.comment_answer(comment=made, actor=world["outsider"], answer="Моё мнение")
    made.refresh_from_db()
    assert made.answer == ""


def test_disposition_without_reason_is_refused_and_nothing_changes(world):
    made = comment(world)
    services.comment_moderate(comment=made, actor=world["sec"], publish=True)
    with pytest.raises(ValidationError, match="reason"):
        services.comment_dispose(comment=made, actor=world["sec"], disposition="rejected", reason="  ")
    made.refresh_from_db()
    assert (made.disposition, made.history.count()) == ("", 2)


def test_an_unmoderated_comment_is_not_answered(world):
    made = comment(world)
    with pytest.raises(ValidationError, match="moderate it first"):
        services.comment_answer(comment=made, actor=world["sec"], answer="Да")


def test_disposition_without_reason_on_the_page_shows_the_message(world, client):
    made = comment(world)
    services.comment_moderate(comment=made, actor=world["sec"], publish=True)
    client.force_login(world["sec"])
    response = client.post(
        reverse("governance:comment_dispose", args=[made.pk]),
        {"disposition": "accepted", "reason": ""},
        follow=True,
    )
    assert "Give the reason for accepting or rejecting the comment." in response.content.decode()
    made.refresh_from_db()
    assert made.disposition == ""


def test_outsider_answering_on_the_page_is_forbidden(world, client):
    made = comment(world)
    services.comment_moderate(comment=made, actor=world["sec"], publish=True)
    client.force_login(world["outsider"])
    response = client.post(reverse("governance:comment_answer", args=[made.pk]), {"answer": "Моё"})
    assert response.status_code == 403
    made.refresh_from_db()
    assert made.answer == ""


def test_route_shows_the_draft_in_consultation(world, client):
    route = selectors.route(world["plan"])
    current = next(step for step in route if step.current)
    assert str(current.title) == "Public consultation"
    client.force_login(world["outsider"])
    html = client.get(world["plan"].get_absolute_url()).content.decode()
    assert "the draft is here" in html
    assert world["consultation"].get_absolute_url() in html
    assert "Open a public consultation" not in html


def test_secretary_sees_comments_to_moderate_on_the_dashboard(world, client):
    comment(world)
    client.force_login(world["sec"])
    html = client.get(reverse("core:dashboard")).content.decode()
    assert "1 comment awaits moderation" in html
    client.force_login(world["member"])
    assert "awaits moderation" not in client.get(reverse("core:dashboard")).content.decode()


def test_the_stakeholder_s_e_mail_is_shown_to_the_group_only(world, client):
    comment(world)
    url = world["consultation"].get_absolute_url()
    client.force_login(world["member"])
    assert "aigul@example.org" in client.get(url).content.decode()
    client.force_login(world["outsider"])
    html = client.get(url).content.decode()
    assert "Добавить результаты обучения." in html and "aigul@example.org" not in html
