"""The management review (§4.6): the input pack assembled from the records with every §4.6.2
section, the meeting's record, the decisions as tracked actions, the Director General's order
signed with the password again, and closing only when the decisions are done."""

import datetime
import hashlib
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from accreditation.models import Appeal
from audits.models import Finding
from core.dashboard import dashboard_for
from core.models import Process
from core.roles import Role
from improvement.models import Action, ManagementReview, Nonconformity, ReviewDecision, Risk
from improvement.services import action_complete, actions_escalate
from reporting import services
from reporting.selectors import reviews as selectors
from tests.factories import PASSWORD, AuditFactory, NonconformityFactory

TODAY = timezone.localdate()
LAST_YEAR = TODAY.year - 1
START, END = datetime.date(LAST_YEAR, 1, 1), datetime.date(LAST_YEAR, 12, 31)
SOON = TODAY + datetime.timedelta(days=7)
LATER = TODAY + datetime.timedelta(days=60)


def pdf_text(content: bytes) -> str:
    """The PDF's text with line breaks and runs of spaces made single spaces."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


class People:
    def __init__(self, make_person):
        self.qms = make_person(Role.QMS_OWNER, Role.STAFF, username="mr_qms", last_name="Owner")
        self.director = make_person(Role.DIRECTOR, username="mr_dg", last_name="Director")
        self.board = make_person(Role.SUPERVISORY_BOARD, username="mr_board")
        self.pm = make_person(Role.PROJECT_MANAGER, Role.STAFF, username="mr_pm", last_name="Sadykova")
        self.clerk = make_person(Role.STAFF, username="mr_clerk", last_name="Clerk")


@pytest.fixture
def people(make_person) -> People:
    return People(make_person)


@pytest.fixture
def records(people):
    """Last year's records, hand-counted: 3 nonconformities (2 from the audit, 1 from a
    complaint), 1 internal audit with 1 major and 1 minor finding, 2 appeals and complaints,
    1 open risk scored 4 × 5."""
    process = Process.objects.get(code="eec-formation")
    audit = AuditFactory(year=LAST_YEAR, title="Audit of EEC formation", created_by=people.qms)
    ncs = [
        NonconformityFactory(source=Nonconformity.Source.AUDIT, process=process),
        NonconformityFactory(source=Nonconformity.Source.AUDIT, process=process),
        NonconformityFactory(source=Nonconformity.Source.COMPLAINT),
    ]
    moment = timezone.make_aware(datetime.datetime(LAST_YEAR, 4, 2, 12))
    Nonconformity.objects.filter(pk__in=[n.pk for n in ncs]).update(raised_at=moment)
    for n, kind in enumerate([Finding.Kind.MAJOR, Finding.Kind.MINOR]):
        Finding.objects.create(
            audit=audit,
            number=f"F-{n}",
            kind=kind,
            process=process,
            statement="Seen",
            evidence="Files",
            recorded_by=people.qms,
            nonconformity=ncs[n],
        )
    for n, kind in enumerate([Appeal.Kind.APPEAL, Appeal.Kind.COMPLAINT]):
        appeal = Appeal.objects.create(
            number=f"AP-T-{n}",
            kind=kind,
            name="Applicant",
            email="a@example.org",
            subject="Decision",
            text="Grounds",
            due_on=END,
        )
        Appeal.objects.filter(pk=appeal.pk).update(filed_at=moment)
    Risk.objects.create(
        number="RK-T-1",
        title="Too few student experts",
        process=process,
        owner=people.pm,
        likelihood=4,
        impact=5,
        review_on=TODAY,
        created_by=people.qms,
    )
    return people


def plan(people, **kwargs) -> ManagementReview:
    fields = {"period_start": START, "period_end": END, "planned_on": SOON, "chair": people.director}
    return services.review_plan(actor=people.qms, **{**fields, **kwargs})


def held(people) -> ManagementReview:
    review = plan(people)
    review = services.review_inputs_assemble(review=review, actor=people.qms)
    return services.review_hold(
        review=review,
        actor=people.qms,
        held_on=TODAY,
        participants="Director General, IQAS owner, heads of departments",
        conclusions="The IQAS is effective; the expert pool needs more student experts.",
    )


def signed(people, decisions=2) -> ManagementReview:
    review = held(people)
    owners = [people.pm, people.clerk, people.pm]
    for n in range(decisions):
        services.decision_add(
            review=review,
            actor=people.qms,
            kind=ReviewDecision.Kind.RESOURCES if n else ReviewDecision.Kind.EFFECTIVENESS,
            text=f"Decision number {n + 1}",
            owner=owners[n],
            due_on=LATER,
        )
    review = services.order_submit(review=review, actor=people.qms)
    return services.order_sign(review=review, actor=people.director, password=PASSWORD)


# --- The input pack --------------------------------------------------------------------------


def test_the_input_pack_has_every_section_with_the_hand_counted_numbers(records):
    review = plan(records)
    review = services.review_inputs_assemble(review=review, actor=records.qms)

    assert review.status == ManagementReview.Status.INPUTS
    content = review.pack_file.read()
    assert hashlib.sha256(content).hexdigest() == review.pack_sha256
    text = pdf_text(content)
    for heading in (
        "1. Feedback from stakeholders",
        "2. Results of internal audits",
        "3. Corrective actions and risks",
        "4. Self-assessment and monitoring outcomes",
        "5. EEC reports at internal expertise",
        "6. Nonconformities",
        "7. Survey results",
        "8. Key performance indicators against targets",
        "9. Status of the previous review's decisions",
        "10. Implementation of the strategy",
        "11. Other inputs",
    ):
        assert heading in text, heading
    assert "Audit of EEC formation" in text
    assert "Raised in the period 3" in text  # 3 nonconformities, 1 from a complaint
    assert "Filed: Complaint 1" in text and "Filed: Appeal against a decision 1" in text
    assert "Too few student experts" in text
    assert "Nonconformities repeated after corrective actions" in text
    assert "This is the first management review recorded in the portal." in text


def test_the_pack_is_assembled_again_until_the_meeting_then_it_is_final(records):
    review = plan(records)
    first = services.review_inputs_assemble(review=review, actor=records.qms)
    NonconformityFactory()  # a record of today does not change last year's pack, but it is re-read
    second = services.review_inputs_assemble(review=review, actor=records.qms)
    assert second.pack_file.name != first.pack_file.name
    assert second.history.filter(history_change_reason="Input pack assembled").count() == 2
    services.review_hold(
        review=second, actor=records.qms, held_on=TODAY, participants="All", conclusions="Effective."
    )
    with pytest.raises(ValidationError, match="held"):
        services.review_inputs_assemble(review=review, actor=records.qms)


def test_the_previous_reviews_decisions_are_in_the_next_pack(records):
    old = signed(records)
    decision = old.decisions.first()
    action_complete(action=decision.action, actor=records.pm, evidence="Five student experts trained")
    following = services.review_plan(
        actor=records.qms,
        period_start=datetime.date(TODAY.year, 1, 1),
        period_end=datetime.date(TODAY.year, 12, 31),
        planned_on=datetime.date(TODAY.year + 1, 1, 20),
    )
    assert following.previous == old
    following = services.review_inputs_assemble(review=following, actor=records.qms)
    text = pdf_text(following.pack_file.read())
    assert old.number in text
    assert "Five student experts trained" in text
    assert "Decision number 2" in text


# --- Planning, meeting and decisions: refusals -----------------------------------------------


def test_only_the_qms_owner_plans_and_prepares(people):
    with pytest.raises(PermissionDenied):
        services.review_plan(actor=people.director, period_start=START, period_end=END, planned_on=SOON)
    review = plan(people)
    for actor in (people.director, people.board, people.clerk):
        with pytest.raises(PermissionDenied):
            services.review_inputs_assemble(review=review, actor=actor)


def test_the_meeting_needs_the_pack_participants_and_conclusions(people):
    review = plan(people)
    with pytest.raises(ValidationError, match="input pack"):
        services.review_hold(
            review=review, actor=people.qms, held_on=TODAY, participants="All", conclusions="x"
        )
    review = services.review_inputs_assemble(review=review, actor=people.qms)
    with pytest.raises(ValidationError) as refused:
        services.review_hold(
            review=review, actor=people.qms, held_on=TODAY, participants=" ", conclusions="  "
        )
    assert set(refused.value.message_dict) == {"participants", "conclusions"}
    with pytest.raises(ValidationError, match="once it has been held"):
        services.review_hold(
            review=review,
            actor=people.qms,
            held_on=TODAY + datetime.timedelta(days=1),
            participants="All",
            conclusions="Ok",
        )
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.INPUTS and review.conclusions == ""


def test_a_decision_due_in_the_past_or_of_an_unknown_kind_is_refused(people):
    review = held(people)
    with pytest.raises(ValidationError) as refused:
        services.decision_add(
            review=review,
            actor=people.qms,
            kind="world_peace",
            text="x" * 100_000,
            owner=people.pm,
            due_on=TODAY - datetime.timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"kind", "text", "due_on"}
    assert not ReviewDecision.objects.exists() and not Action.objects.exists()


def test_the_order_is_signed_only_by_the_director_with_the_right_password(people):
    review = held(people)
    services.decision_add(
        review=review,
        actor=people.qms,
        kind="resources",
        text="Hire a second coordinator",
        owner=people.pm,
        due_on=LATER,
    )
    review = services.order_submit(review=review, actor=people.qms)
    assert review.status == ManagementReview.Status.SIGNATURE
    for actor in (people.qms, people.board, people.pm):
        with pytest.raises(PermissionDenied):
            services.order_sign(review=review, actor=actor, password=PASSWORD)
    with pytest.raises(ValidationError, match="password is not right"):
        services.order_sign(review=review, actor=people.director, password="wrong")
    review.refresh_from_db()
    assert review.status == ManagementReview.Status.SIGNATURE and review.order_signed_at is None

    review = services.order_sign(review=review, actor=people.director, password=PASSWORD)
    assert review.status == ManagementReview.Status.SIGNED
    assert review.order_sha256 == hashlib.sha256(selectors.order_content(review).encode()).hexdigest()
    text = pdf_text(review.order_file.read())
    assert review.order_number in text and "Hire a second coordinator" in text and "Director" in text
    assert review.order_sha256 in text.replace("\n", "")


def test_the_order_needs_conclusions_and_decisions(people):
    review = held(people)
    with pytest.raises(ValidationError, match="at least one decision"):
        services.order_submit(review=review, actor=people.qms)


# --- Decisions as tracked actions ------------------------------------------------------------


def _task_titles(user) -> list[str]:
    board = dashboard_for(user)
    return [item.title for item in [*board.waiting, *board.due_soon, *board.overdue]]


def test_decisions_bind_their_owners_once_the_order_is_signed(people):
    review = held(people)
    services.decision_add(
        review=review,
        actor=people.qms,
        kind="processes",
        text="Shorten the visit report",
        owner=people.pm,
        due_on=LATER,
    )
    action = Action.objects.get(decision__review=review)
    assert not any("Shorten the visit report" in t for t in _task_titles(people.pm))
    with pytest.raises(ValidationError, match="not signed"):
        action_complete(action=action, actor=people.pm, evidence="Done")

    review = services.order_submit(review=review, actor=people.qms)
    assert any("Sign the management review order" in i.detail for i in dashboard_for(people.director).waiting)
    services.order_sign(review=review, actor=people.director, password=PASSWORD)

    assert any("Shorten the visit report" in t for t in _task_titles(people.pm))
    with pytest.raises(ValidationError, match="evidence"):
        action_complete(action=action, actor=people.pm, evidence="  ")
    with pytest.raises(PermissionDenied):
        action_complete(action=action, actor=people.clerk, evidence="Not mine")
    action_complete(action=action, actor=people.pm, evidence="Template shortened to 12 pages")
    assert not any("Shorten the visit report" in t for t in _task_titles(people.pm))


def test_an_overdue_decision_is_reminded_then_escalated_like_every_action(people, settings):
    review = signed(people, decisions=1)
    action = Action.objects.get(decision__review=review)
    late = action.due_on + datetime.timedelta(days=1)
    assert actions_escalate(today=late) == 1
    action.refresh_from_db()
    assert action.reminded_on == late
    assert (
        actions_escalate(today=late + datetime.timedelta(days=settings.IAAR_ACTION_ESCALATE_AFTER_DAYS)) == 1
    )
    action.refresh_from_db()
    assert action.escalated_on is not None


def test_the_review_closes_only_when_its_decisions_are_done(people):
    review = signed(people)
    with pytest.raises(ValidationError, match="still open"):
        services.review_close(review=review, actor=people.qms)
    for decision in review.decisions.select_related("action"):
        action_complete(action=decision.action, actor=decision.action.owner, evidence="Done, see the minutes")
    review = services.review_close(review=review, actor=people.qms)
    assert review.status == ManagementReview.Status.CLOSED


def test_open_decisions_are_carried_over_to_the_next_review(people):
    review = signed(people)
    first = review.decisions.order_by("pk").first()
    action_complete(action=first.action, actor=first.action.owner, evidence="Done")
    with pytest.raises(ValidationError, match="Plan the next"):
        services.review_close(review=review, actor=people.qms, carry_over=True)
    following = services.review_plan(
        actor=people.qms,
        period_start=datetime.date(TODAY.year, 1, 1),
        period_end=datetime.date(TODAY.year, 12, 31),
        planned_on=datetime.date(TODAY.year + 1, 1, 20),
    )
    services.review_close(review=review, actor=people.qms, carry_over=True)
    carried = following.decisions.get()
    assert carried.carried_from.review == review and carried.text == "Decision number 2"
    assert carried.action.status == Action.Status.OPEN and carried.action.owner == people.clerk
    # Still in force (on the owner's dashboard) though the next order is not signed yet.
    assert any("Decision number 2" in t for t in _task_titles(people.clerk))
    old = review.decisions.get(pk=carried.carried_from_id).action
    assert old.status == Action.Status.CANCELLED
    # The signed order still matches what was signed.
    assert review.order_sha256 == hashlib.sha256(selectors.order_content(review).encode()).hexdigest()


def test_the_qms_owner_is_reminded_once_a_month_before_the_review(people):
    from core.models import Notification

    plan(people, planned_on=TODAY + datetime.timedelta(days=20))
    assert services.reviews_remind() == 1
    assert services.reviews_remind() == 0
    assert (
        Notification.objects.filter(recipient=people.qms, subject__contains="Management review").count() == 1
    )
    board = dashboard_for(people.qms)
    assert any("Assemble the input pack" in i.detail for i in [*board.waiting, *board.due_soon])
