"""Corrective actions (§7.5.2) through the services: the six steps, the refusals, reopening when
not effective, and the repeated flag on a nonconformity (KPI 4)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.models import Notification, WorkflowEvent
from improvement.models import Action, CorrectiveAction, Nonconformity
from improvement.selectors import repeated_nonconformities
from improvement.services import actions, capa
from tests.improvement.capa_world import (
    done_action,
    open_capa,
    raise_nc,
    to_actions_step,
    to_verification,
)

Step = CorrectiveAction.Step


def _events(obj) -> list[str]:
    return list(
        WorkflowEvent.objects.filter(object_id=obj.pk, content_type__model=obj._meta.model_name)
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_raising_defaults_the_owner_to_the_process_owner_and_tells_them(world):
    nc = raise_nc(world)
    assert nc.owner == world.owner and nc.process == world.process and nc.repeated_of is None
    assert nc.source_reference == "IA-2026-01 finding 3"
    assert Notification.objects.filter(
        recipient=world.owner, subject__startswith="You own nonconformity"
    ).exists()


def test_the_six_steps_close_the_capa_and_the_nonconformity(world):
    corrective = open_capa(world)
    nc = corrective.nonconformity
    nc.refresh_from_db()
    assert corrective.number.startswith(f"CA-{timezone.localdate().year}-")
    assert corrective.owner == world.owner and corrective.step == Step.ANALYSIS
    assert nc.status == Nonconformity.Status.CORRECTIVE_ACTION
    corrective = to_verification(world, corrective)
    assert corrective.step == Step.VERIFICATION
    corrective = capa.capa_verify(
        capa=corrective, actor=world.auditor, effective=True, note="No repeat since."
    )
    nc.refresh_from_db()
    assert corrective.step == Step.CLOSED and corrective.closed_at and corrective.effective is True
    assert corrective.verified_by == world.auditor
    assert nc.status == Nonconformity.Status.CLOSED and nc.closed_at is not None
    assert _events(corrective) == [
        "Opened",
        "Analysis done",
        "Root cause found",
        "Actions to prevent recurrence chosen",
        "Action %(number)s added for %(owner)s, due %(due)s",
        "Action %(number)s done",
        "Actions carried out",
        "Results recorded; effectiveness to be checked",
        "Verified effective",
    ]
    assert corrective.history.count() >= 8
    assert Notification.objects.filter(recipient=world.owner, subject__contains="verified effective").exists()


def test_not_effective_goes_back_to_the_actions_and_tells_the_owner(world):
    corrective = to_verification(world)
    corrective = capa.capa_verify(
        capa=corrective, actor=world.director, effective=False, note="Two commissions still lacked students."
    )
    assert corrective.step == Step.ACTIONS and corrective.reopened == 1 and corrective.effective is False
    assert corrective.nonconformity.status == Nonconformity.Status.CORRECTIVE_ACTION
    assert Notification.objects.filter(recipient=world.owner, subject__contains="was not effective").exists()
    # The loop runs again: a new action, results, and this time effective.
    done_action(world, corrective)
    corrective = capa.capa_advance(capa=corrective, actor=world.owner)
    corrective = capa.capa_advance(capa=corrective, actor=world.owner)
    corrective = capa.capa_verify(capa=corrective, actor=world.director, effective=True, note="Fixed.")
    assert corrective.step == Step.CLOSED and corrective.reopened == 1


def test_step_four_cannot_be_left_without_evidence_or_with_open_actions(world):
    corrective = to_actions_step(world, open_capa(world))
    with pytest.raises(ValidationError, match="cannot be closed without evidence"):
        capa.capa_advance(capa=corrective, actor=world.owner)
    action = actions.action_add(
        actor=world.owner,
        capa=corrective,
        description="Recruit students",
        owner=world.doer,
        due_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError, match="1 action is still open"):
        capa.capa_advance(capa=corrective, actor=world.owner)
    with pytest.raises(ValidationError, match="Describe the evidence"):
        actions.action_complete(action=action, actor=world.doer, evidence="   ")
    corrective.refresh_from_db()
    action.refresh_from_db()
    assert corrective.step == Step.ACTIONS and action.status == Action.Status.OPEN


def test_only_the_action_owner_marks_it_done(world):
    corrective = to_actions_step(world, open_capa(world))
    action = actions.action_add(
        actor=world.owner,
        capa=corrective,
        description="Recruit",
        owner=world.doer,
        due_on=timezone.localdate(),
    )
    with pytest.raises(PermissionDenied):
        actions.action_complete(action=action, actor=world.owner, evidence="Done by me")


def test_the_evidence_file_is_checked_by_its_content(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    corrective = to_actions_step(world, open_capa(world))
    action = actions.action_add(
        actor=world.owner,
        capa=corrective,
        description="Recruit",
        owner=world.doer,
        due_on=timezone.localdate(),
    )
    fake = SimpleUploadedFile("list.pdf", b"just text, not a PDF")
    with pytest.raises(ValidationError, match="its content is Plain text"):
        actions.action_complete(action=action, actor=world.doer, evidence="See the list", evidence_file=fake)
    action.refresh_from_db()
    assert action.status == Action.Status.OPEN and not action.evidence_file


@pytest.mark.parametrize("who", ["owner", "doer"])
def test_nobody_verifies_their_own_capa_or_action(world, make_person, who):
    from core.roles import Role

    corrective = open_capa(world)
    if who == "doer":  # the action's owner is a verifier too (an auditor)
        world.doer = make_person(Role.AUDITOR, username="auditing_doer")
        corrective = to_actions_step(world, corrective)
        done_action(world, corrective, owner=world.doer)
        corrective = capa.capa_advance(capa=corrective, actor=world.owner)
        corrective = capa.capa_step_save(capa=corrective, actor=world.owner, results="Better.")
        corrective = capa.capa_advance(capa=corrective, actor=world.owner)
        message = "verifying your own action is not allowed"
    else:
        corrective.owner = world.auditor  # the CAPA owner is an auditor
        corrective.save()
        world.owner = world.auditor
        corrective = to_verification(world, corrective)
        message = "someone else must verify"
    actor = world.doer if who == "doer" else world.auditor
    with pytest.raises(PermissionDenied, match=message):
        capa.capa_verify(capa=corrective, actor=actor, effective=True, note="Looks fine")
    corrective.refresh_from_db()
    assert corrective.step == Step.VERIFICATION and corrective.verified_by is None


def test_verification_needs_a_note_and_waits_for_its_date(world):
    corrective = to_verification(world)
    with pytest.raises(ValidationError, match="Write what the effectiveness check found"):
        capa.capa_verify(capa=corrective, actor=world.auditor, effective=True, note=" ")
    later = timezone.localdate() + datetime.timedelta(days=30)
    CorrectiveAction.objects.filter(pk=corrective.pk).update(verify_after=later)
    corrective.refresh_from_db()
    with pytest.raises(ValidationError, match="on or after"):
        capa.capa_verify(capa=corrective, actor=world.auditor, effective=True, note="Fine")
    corrective = capa.capa_verify(
        capa=corrective, actor=world.auditor, effective=True, note="Fine", today=later
    )
    assert corrective.step == Step.CLOSED


def test_five_whys_needs_two_answers_and_fishbone_one_cause(world):
    corrective = open_capa(world)
    corrective = capa.capa_step_save(capa=corrective, actor=world.owner, analysis="Seen twice.")
    corrective = capa.capa_advance(capa=corrective, actor=world.owner)
    with pytest.raises(ValidationError, match="at least twice"):
        capa.capa_step_save(
            capa=corrective,
            actor=world.owner,
            cause_method="five_whys",
            whys=["Only one", " "],
            root_cause="X",
        )
    with pytest.raises(ValidationError, match="at least one cause"):
        capa.capa_step_save(
            capa=corrective, actor=world.owner, cause_method="fishbone", fishbone={}, root_cause="X"
        )
    with pytest.raises(ValidationError, match="five answers at most"):
        capa.capa_step_save(capa=corrective, actor=world.owner, whys=list("abcdef"), root_cause="X")
    with pytest.raises(ValidationError, match="at least twice to reach"):
        capa.capa_advance(capa=corrective, actor=world.owner)
    corrective = capa.capa_step_save(
        capa=corrective,
        actor=world.owner,
        cause_method="fishbone",
        fishbone={"people": "No recruiter", "weather": "ignored"},
        root_cause="No recruiter.",
    )
    assert corrective.fishbone == {"people": "No recruiter"}
    assert capa.capa_advance(capa=corrective, actor=world.owner).step == Step.EVALUATION


def test_going_back_needs_a_comment_and_is_on_the_timeline(world):
    corrective = open_capa(world)
    corrective = capa.capa_step_save(capa=corrective, actor=world.owner, analysis="Seen.")
    corrective = capa.capa_advance(capa=corrective, actor=world.owner)
    with pytest.raises(ValidationError, match="Say why"):
        capa.capa_back(capa=corrective, actor=world.owner, comment="")
    corrective = capa.capa_back(
        capa=corrective, actor=world.qms, comment="The analysis missed a second case."
    )
    assert corrective.step == Step.ANALYSIS
    event = WorkflowEvent.objects.filter(
        object_id=corrective.pk, content_type__model="correctiveaction"
    ).last()
    assert (event.from_state, event.to_state, event.comment) == (
        "root_cause",
        "analysis",
        "The analysis missed a second case.",
    )
    with pytest.raises(ValidationError, match="no earlier step"):
        capa.capa_back(capa=corrective, actor=world.owner, comment="Again")


def test_only_the_owner_or_the_iqas_owner_works_the_steps(world):
    corrective = open_capa(world)
    for outsider in (world.staff, world.director, world.auditor):
        with pytest.raises(PermissionDenied):
            capa.capa_step_save(capa=corrective, actor=outsider, analysis="Mine")
    assert (
        capa.capa_step_save(capa=corrective, actor=world.qms, analysis="IQAS owner's").analysis
        == "IQAS owner's"
    )


def test_opening_needs_the_iqas_owner_and_a_nonconformity_under_analysis(world):
    nc = raise_nc(world)
    with pytest.raises(ValidationError, match="Accept the nonconformity for analysis"):
        capa.capa_open(nonconformity=nc, actor=world.qms)
    with pytest.raises(PermissionDenied):
        capa.capa_open(nonconformity=nc, actor=world.director)
    corrective = open_capa(world, nc)
    with pytest.raises(ValidationError, match="has a corrective action already"):
        capa.capa_open(nonconformity=nc, actor=world.qms)
    assert corrective.owner == world.owner


def test_long_texts_are_refused_and_nothing_saved(world):
    corrective = open_capa(world)
    with pytest.raises(ValidationError, match="under 10000 characters"):
        capa.capa_step_save(capa=corrective, actor=world.owner, analysis="x" * 100_000)
    corrective.refresh_from_db()
    assert corrective.analysis == ""


def test_a_repeat_after_an_effective_capa_is_flagged_and_counted(world):
    first = to_verification(world)
    capa.capa_verify(capa=first, actor=world.auditor, effective=True, note="Fixed")
    other_process = raise_nc(world, title="Same requirement, another process", process=None)
    again = raise_nc(world, title="Again no student expert")
    assert other_process.repeated_of is None
    assert again.repeated_of == first.nonconformity
    assert (
        Notification.objects.filter(recipient=world.qms, subject__startswith="Repeated nonconformity").count()
        == 1
    )
    today = timezone.localdate()
    assert list(repeated_nonconformities(today, today)) == [again]
    assert not repeated_nonconformities(
        today + datetime.timedelta(days=1), today + datetime.timedelta(days=9)
    ).exists()


def test_a_repeat_of_an_open_nonconformity_is_not_flagged(world):
    open_capa(world)
    assert raise_nc(world, title="Again while the first is open").repeated_of is None
