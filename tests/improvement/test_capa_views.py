"""The nonconformity register and the corrective-action pages through the browser's eyes:
forms, filters, the stepper, refusals with clear messages, and who sees what."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from improvement import services
from improvement.models import Action, CorrectiveAction, Nonconformity
from improvement.services import actions, capa
from tests.improvement.capa_world import done_action, open_capa, raise_nc, to_actions_step, to_verification

Step = CorrectiveAction.Step


def _raise_form(world, **changes) -> dict:
    data = {
        "title": "Commission formed without a student expert",
        "description": "The commission for EO-17 had no student member.",
        "severity": "major",
        "process": world.process.pk,
        "criterion": world.criterion.pk,
        "source": "complaint",
        "source_reference": "Complaint C-2026-04",
        "owner": "",
        "immediate_correction": "",
    }
    data.update(changes)
    return data


def test_staff_raise_with_process_and_requirement_and_the_process_owner_owns_it(client, world):
    client.force_login(world.staff)
    response = client.post(reverse("improvement:create"), _raise_form(world), follow=True)
    nc = Nonconformity.objects.get()
    html = response.content.decode()
    assert f"Nonconformity {nc.number} is recorded." in html
    assert nc.owner == world.owner and nc.source == "complaint" and nc.criterion == world.criterion
    assert "Complaint C-2026-04" in html and world.process.name in html


def test_a_repeated_nonconformity_says_so_on_its_page_and_in_the_list(client, world):
    first = to_verification(world)
    capa.capa_verify(capa=first, actor=world.auditor, effective=True, note="Fixed")
    client.force_login(world.staff)
    response = client.post(
        reverse("improvement:create"), _raise_form(world, title="Again no student"), follow=True
    )
    again = Nonconformity.objects.get(title="Again no student")
    html = response.content.decode()
    assert f"Repeated: repeats {first.nonconformity.number}" in html
    assert f"It repeats {first.nonconformity.number}" in html
    client.force_login(world.qms)
    listed = client.get(reverse("improvement:list"), {"repeated": "yes"}).content.decode()
    assert again.number in listed and f"Repeated: repeats {first.nonconformity.number}" in listed
    assert first.nonconformity.number + "</a>" not in listed


def test_the_register_filters_by_status_severity_source_and_process(client, world):
    major = raise_nc(world, title="Major one from an audit")
    minor = services.nonconformity_raise(
        actor=world.staff, title="Minor one, no process", description="x", severity="minor", source="survey"
    )
    client.force_login(world.qms)
    url = reverse("improvement:list")
    assert minor.number not in client.get(url, {"severity": "major"}).content.decode()
    assert major.number not in client.get(url, {"source": "survey"}).content.decode()
    html = client.get(url, {"process": world.process.pk}).content.decode()
    assert major.number in html and minor.number not in html
    html = client.get(url, {"status": "closed", "severity": "nonsense", "process": "9" * 30}).content.decode()
    assert "No nonconformities are recorded." in html
    assert client.get(url, {"q": "x" * 10_000}).status_code == 200


def test_each_person_sees_what_they_raised_own_or_act_on(client, world, make_person):
    from core.roles import Role

    corrective = to_actions_step(world, open_capa(world))
    nc = corrective.nonconformity
    actions.action_add(
        actor=world.owner,
        capa=corrective,
        description="Recruit",
        owner=world.doer,
        due_on=timezone.localdate(),
    )
    detail = reverse("improvement:detail", args=[nc.pk])
    capa_url = reverse("improvement:capa_detail", args=[corrective.pk])
    for person in (world.staff, world.owner, world.doer, world.qms, world.director):
        client.force_login(person)
        assert client.get(detail).status_code == 200, person
        assert client.get(capa_url).status_code == 200, person
    client.force_login(make_person(Role.STAFF, username="bystander"))
    assert client.get(detail).status_code == 404
    assert client.get(capa_url).status_code == 404
    assert nc.number not in client.get(reverse("improvement:list")).content.decode()


def test_the_iqas_owner_opens_a_capa_and_the_owner_works_the_steps_on_its_page(client, world):
    nc = raise_nc(world)
    client.force_login(world.qms)
    client.post(reverse("improvement:transition", args=[nc.pk]), {"target": "under_analysis"})
    assert (
        "Open a corrective action" in client.get(reverse("improvement:detail", args=[nc.pk])).content.decode()
    )
    response = client.post(
        reverse("improvement:capa_open", args=[nc.pk]), {"owner": "", "verify_after": ""}, follow=True
    )
    corrective = CorrectiveAction.objects.get()
    assert corrective.owner == world.owner
    html = response.content.decode()
    assert "The corrective action is opened." in html and 'aria-current="step"' in html
    client.force_login(world.owner)
    save = reverse("improvement:capa_save", args=[corrective.pk])
    client.post(save, {"analysis": "Two of five commissions lacked a student.", "advance": "1"})
    corrective.refresh_from_db()
    assert corrective.step == Step.ROOT_CAUSE
    html = client.get(reverse("improvement:capa_detail", args=[corrective.pk])).content.decode()
    assert "Two of five commissions lacked a student." in html and "bi-check-circle-fill" in html
    response = client.post(
        save, {"cause_method": "five_whys", "why_1": "Only one", "root_cause": "X", "advance": "1"}
    )
    assert response.status_code == 200
    assert "Answer “why?” at least twice to reach the root cause." in response.content.decode()
    corrective.refresh_from_db()
    assert corrective.step == Step.ROOT_CAUSE and corrective.whys == []
    client.post(
        save,
        {
            "cause_method": "five_whys",
            "why_1": "No student",
            "why_2": "Empty pool",
            "root_cause": "No recruiter",
            "advance": "1",
        },
    )
    corrective.refresh_from_db()
    assert corrective.step == Step.EVALUATION and corrective.whys == ["No student", "Empty pool"]


def test_a_forged_step_changes_only_the_current_steps_content(client, world):
    corrective = open_capa(world)
    client.force_login(world.owner)
    client.post(
        reverse("improvement:capa_save", args=[corrective.pk]),
        {"analysis": "Real analysis", "results": "Forged results", "step": "closed", "evaluation": "Forged"},
    )
    corrective.refresh_from_db()
    assert (corrective.analysis, corrective.results, corrective.evaluation, corrective.step) == (
        "Real analysis",
        "",
        "",
        Step.ANALYSIS,
    )
    client.force_login(world.qms)
    nc = corrective.nonconformity
    response = client.post(reverse("improvement:transition", args=[nc.pk]), {"target": "closed"}, follow=True)
    assert "it closes when that is verified effective" in response.content.decode()
    nc.refresh_from_db()
    assert nc.status == Nonconformity.Status.CORRECTIVE_ACTION


def test_a_100_kb_text_is_refused_and_nothing_saved(client, world):
    corrective = open_capa(world)
    client.force_login(world.owner)
    response = client.post(
        reverse("improvement:capa_save", args=[corrective.pk]), {"analysis": "x" * 100_000}
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 10000 characters" in response.content.decode()
    corrective.refresh_from_db()
    assert corrective.analysis == ""


def test_step_four_refuses_to_close_without_evidence_with_a_clear_message(client, world):
    corrective = to_actions_step(world, open_capa(world))
    client.force_login(world.owner)
    response = client.post(reverse("improvement:capa_save", args=[corrective.pk]), {"advance": "1"})
    assert "A corrective action cannot be closed without evidence" in response.content.decode()
    corrective.refresh_from_db()
    assert corrective.step == Step.ACTIONS


def test_adding_an_action_due_yesterday_is_refused_on_the_capa_page(client, world):
    corrective = to_actions_step(world, open_capa(world))
    client.force_login(world.owner)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(
        reverse("improvement:capa_action_add", args=[corrective.pk]),
        {"description": "Recruit", "owner": world.doer.pk, "due_on": yesterday.isoformat()},
    )
    assert response.status_code == 200
    assert "The due date cannot be in the past." in response.content.decode()
    assert not Action.objects.exists()


def test_the_action_owner_uploads_evidence_that_the_capa_readers_download(client, world):
    corrective = to_actions_step(world, open_capa(world))
    action = actions.action_add(
        actor=world.owner,
        capa=corrective,
        description="Recruit",
        owner=world.doer,
        due_on=timezone.localdate(),
    )
    client.force_login(world.doer)
    url = reverse("improvement:action_complete", args=[action.pk])
    response = client.post(url, {"evidence": "", "evidence_file": SimpleUploadedFile("list.txt", b"Ten")})
    assert "This field is required." in response.content.decode()
    response = client.post(
        url, {"evidence": "List attached", "evidence_file": SimpleUploadedFile("list.pdf", b"not a pdf")}
    )
    assert "but its content is Plain text" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "open"
    client.post(
        url, {"evidence": "List attached", "evidence_file": SimpleUploadedFile("list.txt", b"Ten students")}
    )
    action.refresh_from_db()
    assert action.status == "done" and action.evidence_file
    client.force_login(world.director)
    download = client.get(reverse("improvement:action_file", args=[action.pk]))
    assert b"".join(download.streaming_content) == b"Ten students"
    client.force_login(world.owner)
    assert client.get(url).status_code == 403


def test_verifiers_check_effectiveness_but_not_their_own_work(client, world, make_person):
    from core.roles import Role

    auditor_doer = make_person(Role.AUDITOR, username="auditor_doer")
    corrective = to_actions_step(world, open_capa(world))
    done_action(world, corrective, owner=auditor_doer)
    corrective = capa.capa_advance(capa=corrective, actor=world.owner)
    corrective = capa.capa_step_save(capa=corrective, actor=world.owner, results="Better")
    corrective = capa.capa_advance(capa=corrective, actor=world.owner)
    verify = reverse("improvement:capa_verify", args=[corrective.pk])
    client.force_login(auditor_doer)
    response = client.post(verify, {"effective": "yes", "note": "Fine"}, follow=True)
    assert "verifying your own action is not allowed" in response.content.decode()
    client.force_login(world.auditor)
    response = client.post(verify, {"effective": "no", "note": ""})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    response = client.post(
        verify, {"effective": "no", "note": "Two commissions still lack students."}, follow=True
    )
    assert "Not effective: the corrective action is back at the actions step." in response.content.decode()
    corrective.refresh_from_db()
    assert corrective.step == Step.ACTIONS and corrective.reopened == 1


def test_going_back_a_step_needs_a_comment(client, world):
    corrective = open_capa(world)
    corrective = capa.capa_step_save(capa=corrective, actor=world.owner, analysis="Seen")
    corrective = capa.capa_advance(capa=corrective, actor=world.owner)
    client.force_login(world.owner)
    back = reverse("improvement:capa_back", args=[corrective.pk])
    response = client.post(back, {"comment": ""}, follow=True)
    assert "Say why you go back a step" in response.content.decode()
    client.post(back, {"comment": "Missed a case"})
    corrective.refresh_from_db()
    assert corrective.step == Step.ANALYSIS


def test_the_capa_register_filters_and_shows_how_long_each_is_open(client, world):
    corrective = open_capa(world)
    CorrectiveAction.objects.filter(pk=corrective.pk).update(
        opened_at=timezone.now() - datetime.timedelta(days=40)
    )
    late = to_actions_step(world, open_capa(world, raise_nc(world, title="Another problem here")))
    action = actions.action_add(
        actor=world.owner, capa=late, description="Late one", owner=world.doer, due_on=timezone.localdate()
    )
    Action.objects.filter(pk=action.pk).update(due_on=timezone.localdate() - datetime.timedelta(days=2))
    client.force_login(world.qms)
    url = reverse("improvement:capa_list")
    html = client.get(url).content.decode()
    assert corrective.number in html and late.number in html and '<td class="text-nowrap">40</td>' in html
    html = client.get(url, {"overdue": "yes"}).content.decode()
    assert late.number in html and corrective.number not in html
    html = client.get(url, {"step": "analysis", "owner": world.owner.pk}).content.decode()
    assert corrective.number in html and late.number not in html
    assert client.get(url, {"step": "bogus", "owner": "x" * 50}).status_code == 200


def test_the_actions_step_offers_completion_only_when_it_can_be_completed(client, world):
    corrective = to_actions_step(world, open_capa(world))
    client.force_login(world.owner)
    button = 'name="advance" value="1">Complete the step'
    page = client.get(corrective.get_absolute_url()).content.decode()
    assert "add at least one action" in page and button not in page
    done_action(world, corrective)
    page = client.get(corrective.get_absolute_url()).content.decode()
    assert "add at least one action" not in page and button in page
