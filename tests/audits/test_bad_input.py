"""Bad input gets a clear message and changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audits import services
from audits.models import Audit, AuditorAssignment, Finding
from core.models import Process
from improvement.models import Nonconformity
from tests.factories import PASSWORD


def _plan(people, programme, processes, criteria, **changes):
    fields = {
        "actor": people["qms"],
        "programme": programme,
        "title": "Records",
        "processes": processes,
        "criteria": criteria,
        "starts_on": datetime.date(2026, 5, 10),
        "ends_on": datetime.date(2026, 5, 20),
    }
    fields.update(changes)
    return services.audit_plan(**fields)


def test_an_audit_cannot_end_before_it_starts(people, programme, processes, criteria):
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        _plan(people, programme, processes, criteria, ends_on=datetime.date(2026, 5, 1))
    assert not Audit.objects.exists()


def test_an_audit_falls_within_the_programme_year(people, programme, processes, criteria):
    with pytest.raises(ValidationError, match="within the programme's year 2026"):
        _plan(
            people,
            programme,
            processes,
            criteria,
            starts_on=datetime.date(2026, 12, 20),
            ends_on=datetime.date(2027, 1, 10),
        )
    assert not Audit.objects.exists()


def test_an_audit_needs_processes_and_criteria(people, programme):
    with pytest.raises(ValidationError) as refused:
        _plan(people, programme, [], [])
    assert "Choose at least one process to audit." in refused.value.messages
    assert "Choose at least one audit criterion." in refused.value.messages


def test_a_second_programme_for_the_same_year_is_refused(people, programme):
    with pytest.raises(ValidationError, match="already"):
        services.programme_create(actor=people["qms"], year=2026)


def test_only_the_qms_owner_plans(people, programme, processes, criteria):
    with pytest.raises(PermissionDenied):
        _plan(people, programme, processes, criteria, actor=people["leader"])


def test_a_process_owner_needs_a_reason_to_audit_their_process(people, planned):
    with pytest.raises(ValidationError, match="owns a process in this audit's scope"):
        services.team_appoint(audit=planned, actor=people["qms"], auditor=people["owner"])
    assert not planned.team.exists()
    seat = services.team_appoint(
        audit=planned,
        actor=people["qms"],
        auditor=people["owner"],
        conflict_reason="The only person who knows the records register; the leader reviews his part.",
    )
    assert seat.own_processes == "Management of records"
    assert seat.conflict_reason.startswith("The only person")


def test_one_leader_only(people, staffed):
    with pytest.raises(ValidationError, match="leader already"):
        services.team_appoint(
            audit=staffed, actor=people["qms"], auditor=people["other_auditor"], role="leader"
        )


def test_removing_a_member_keeps_the_seat(people, staffed):
    seat = staffed.team.get(auditor=people["member"])
    services.team_member_remove(assignment=seat, actor=people["qms"], reason="On leave")
    seat.refresh_from_db()
    assert seat.active is False and AuditorAssignment.objects.filter(pk=seat.pk).exists()


def test_the_order_needs_a_leader(people, planned):
    services.team_appoint(audit=planned, actor=people["qms"], auditor=people["member"])
    with pytest.raises(ValidationError, match="no leader"):
        services.order_sign(audit=planned, actor=people["director"], password=PASSWORD)
    planned.refresh_from_db()
    assert not planned.order_signed


def test_a_wrong_password_signs_nothing(people, staffed):
    with pytest.raises(ValidationError, match="password is not right"):
        services.order_sign(audit=staffed, actor=people["director"], password="guess")
    staffed.refresh_from_db()
    assert not staffed.order_signed and staffed.order_sha256 == ""


def test_only_the_director_signs_the_order(people, staffed):
    with pytest.raises(PermissionDenied, match="Director General"):
        services.order_sign(audit=staffed, actor=people["qms"], password=PASSWORD)


def test_the_team_is_frozen_by_the_order(people, ordered):
    with pytest.raises(ValidationError, match="cannot change"):
        services.team_appoint(audit=ordered, actor=people["qms"], auditor=people["other_auditor"])
    with pytest.raises(ValidationError, match="no longer be changed"):
        services.audit_update(
            audit=ordered,
            actor=people["qms"],
            title="Other",
            processes=ordered.processes.all(),
            criteria=ordered.criteria.all(),
            starts_on=ordered.starts_on,
            ends_on=ordered.ends_on,
        )


def test_the_audit_starts_only_after_the_order(people, staffed):
    with pytest.raises(ValidationError, match="not signed the order"):
        services.audit_start(audit=staffed, actor=people["leader"])
    staffed.refresh_from_db()
    assert staffed.status == Audit.Status.PLANNED


def test_a_finding_needs_evidence(people, running, processes):
    with pytest.raises(ValidationError, match="evidence"):
        services.finding_record(
            audit=running,
            actor=people["member"],
            kind="minor_nc",
            process=processes[0],
            statement="Missing records",
            evidence="  ",
        )
    assert not Finding.objects.exists() and not Nonconformity.objects.exists()


def test_a_finding_names_a_process_in_scope(people, running):
    outside = Process.objects.get(code="finance")
    with pytest.raises(ValidationError, match="processes in this audit's scope"):
        services.finding_record(
            audit=running,
            actor=people["member"],
            kind="observation",
            process=outside,
            statement="Budget",
            evidence="Ledger",
        )
    assert not Finding.objects.exists()


def test_only_members_record_findings(people, running, processes):
    for who in ("qms", "director", "other_auditor"):
        with pytest.raises(PermissionDenied):
            services.finding_record(
                audit=running,
                actor=people[who],
                kind="observation",
                process=processes[0],
                statement="x",
                evidence="y",
            )


def test_the_report_needs_every_question_answered_and_an_analysis(people, running):
    services.report_save(audit=running, actor=people["leader"], analysis="Fine.")
    with pytest.raises(ValidationError, match="not answered yet"):
        services.report_sign(audit=running, actor=people["leader"], password=PASSWORD)
    for item in running.checklist.all():
        services.checklist_answer(item=item, actor=people["member"], result="conforms")
    services.report_save(audit=running, actor=people["leader"], analysis="")
    with pytest.raises(ValidationError, match="analysis"):
        services.report_sign(audit=running, actor=people["leader"], password=PASSWORD)
    running.refresh_from_db()
    assert running.status == Audit.Status.IN_PROGRESS


def test_only_the_leader_signs_the_report(people, running):
    with pytest.raises(PermissionDenied, match="leader"):
        services.report_sign(audit=running, actor=people["member"], password=PASSWORD)


def test_only_the_director_accepts_the_report(people, drafted):
    for who in ("qms", "leader", "board"):
        with pytest.raises(PermissionDenied, match="Only the Director General accepts"):
            services.report_approve(audit=drafted, actor=people[who], password=PASSWORD)
    drafted.refresh_from_db()
    assert drafted.status == Audit.Status.REPORT_DRAFTED and not drafted.report_file


def test_accepting_with_a_wrong_password_stores_nothing(people, drafted):
    with pytest.raises(ValidationError, match="password"):
        services.report_approve(audit=drafted, actor=people["director"], password="nope")
    drafted.refresh_from_db()
    assert drafted.status == Audit.Status.REPORT_DRAFTED and drafted.report_sha256 == ""


def test_a_nonconforming_answer_needs_a_note(people, running):
    item = running.checklist.first()
    with pytest.raises(ValidationError, match="does not conform"):
        services.checklist_answer(item=item, actor=people["member"], result="nonconforms", note="")
    item.refresh_from_db()
    assert item.result == "open"
