"""Positions and their holders, hiring and probation, the yearly appraisal signed by the head,
and a person's page with all of it (§4.5.1, §5.2.1)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core.models import Process
from core.roles import Role
from people.models import Appraisal, AppraisalSignature, Hiring, PositionHolding
from people.selectors.positions import heads_of
from people.services import positions as services
from tests.factories import PASSWORD


def test_the_head_of_a_person_is_who_holds_the_position_theirs_reports_to(agency):
    assert list(heads_of(agency.trainee)) == [agency.head]
    # A position reporting to no other reports to the Director General.
    assert list(heads_of(agency.head)) == [agency.director]


def test_a_position_keeps_the_history_of_its_holders(agency):
    holding = agency.spec.holdings.get()
    services.holder_release(actor=agency.qms, holding=holding, until=datetime.date(2026, 6, 30))
    newcomer = type(agency.trainee).objects.create(username="newcomer", last_name="Isakova")
    services.holder_appoint(
        actor=agency.qms, position=agency.spec, person=newcomer, since=datetime.date(2026, 7, 1)
    )
    rows = list(agency.spec.holdings.order_by("since").values_list("person__username", "until"))
    assert rows == [("trainee", datetime.date(2026, 6, 30)), ("newcomer", None)]
    assert holding.history.count() == 2  # the release is in the history


def test_a_release_before_taking_up_the_position_is_refused(agency):
    holding = agency.spec.holdings.get()
    with pytest.raises(ValidationError, match="after taking it up"):
        services.holder_release(actor=agency.qms, holding=holding, until=datetime.date(2020, 1, 1))
    assert PositionHolding.objects.get(pk=holding.pk).until is None


def test_only_the_keepers_of_the_staff_appoint(agency):
    with pytest.raises(PermissionDenied):
        services.holder_appoint(
            actor=agency.head, position=agency.spec, person=agency.head, since=datetime.date(2026, 1, 1)
        )


def test_a_hiring_puts_the_person_on_probation_until_the_head_decides(agency):
    newcomer = type(agency.trainee).objects.create(username="newcomer", last_name="Isakova")
    hiring = services.hiring_record(
        actor=agency.qms,
        person=newcomer,
        position=agency.spec,
        hired_on=datetime.date(2026, 3, 1),
        probation_until=datetime.date(2026, 6, 1),
        selection_note="Interview of three candidates.",
    )
    assert agency.spec.holdings.filter(person=newcomer, until__isnull=True).exists()
    with pytest.raises(ValidationError, match="grounds"):
        services.probation_decide(actor=agency.head, hiring=hiring, decision="confirmed", note=" ")
    with pytest.raises(PermissionDenied):
        services.probation_decide(actor=agency.trainee, hiring=hiring, decision="confirmed", note="Good")
    decided = services.probation_decide(
        actor=agency.head, hiring=hiring, decision="confirmed", note="Met every goal."
    )
    assert decided.decision == Hiring.Decision.CONFIRMED and decided.decided_by == agency.head


def test_probation_ending_before_hiring_is_refused(agency):
    with pytest.raises(ValidationError, match="after the hiring date"):
        services.hiring_record(
            actor=agency.qms,
            person=agency.head,
            position=agency.spec,
            hired_on=datetime.date(2026, 3, 1),
            probation_until=datetime.date(2026, 2, 1),
        )
    assert not Hiring.objects.exists()


def test_the_head_sets_goals_and_signs_the_result_with_the_password(agency):
    appraisal = services.appraisal_open(
        actor=agency.head, person=agency.trainee, year=2026, goals="Run 4 visits."
    )
    with pytest.raises(PermissionDenied):
        services.appraisal_sign(
            actor=agency.trainee, appraisal=appraisal, result="meets", assessment="x", password=PASSWORD
        )
    with pytest.raises(ValidationError, match="password is not right"):
        services.appraisal_sign(
            actor=agency.head, appraisal=appraisal, result="meets", assessment="Ran 4.", password="wrong"
        )
    assert Appraisal.objects.get(pk=appraisal.pk).status == Appraisal.Status.GOALS_SET
    assert not AppraisalSignature.objects.exists()
    signed = services.appraisal_sign(
        actor=agency.head, appraisal=appraisal, result="meets", assessment="Ran 4 visits.", password=PASSWORD
    )
    assert signed.status == Appraisal.Status.SIGNED and signed.signatures.get().signer == agency.head
    with pytest.raises(ValidationError, match="signed already"):
        services.appraisal_sign(
            actor=agency.head, appraisal=signed, result="exceeds", assessment="x", password=PASSWORD
        )


def test_one_appraisal_a_year_and_never_by_oneself(agency):
    services.appraisal_open(actor=agency.head, person=agency.trainee, year=2026, goals="Goals")
    with pytest.raises(ValidationError, match="already"):
        services.appraisal_open(actor=agency.head, person=agency.trainee, year=2026, goals="Again")
    with pytest.raises(PermissionDenied):
        services.appraisal_open(actor=agency.trainee, person=agency.head, year=2026, goals="Goals")


def test_the_person_page_shows_positions_roles_processes_and_appraisals(agency, client):
    process = Process.objects.filter(owner__isnull=True).first()
    process.owner = agency.trainee
    process.save()
    services.appraisal_open(actor=agency.head, person=agency.trainee, year=2026, goals="Run four visits")
    client.force_login(agency.trainee)
    page = client.get(reverse("people:person_detail", args=[agency.trainee.pk])).content.decode()
    assert "Specialist" in page and "Run four visits" in page
    assert str(process) in page and "Staff member" in page
    assert "Job description" in page


def test_a_person_reads_their_own_page_and_their_head_theirs_others_not(agency, client, make_person):
    url = reverse("people:person_detail", args=[agency.trainee.pk])
    client.force_login(agency.head)
    assert client.get(url).status_code == 200
    client.force_login(make_person(Role.STAFF))
    assert client.get(url).status_code == 404
    client.force_login(agency.qms)
    assert client.get(url).status_code == 200


def test_the_head_signs_on_the_page_and_a_wrong_password_keeps_it_unsigned(agency, client):
    appraisal = services.appraisal_open(actor=agency.head, person=agency.trainee, year=2026, goals="Goals")
    client.force_login(agency.head)
    url = reverse("people:appraisal_sign", args=[appraisal.pk])
    response = client.post(url, {"result": "meets", "assessment": "Done", "password": "nope"})
    assert response.status_code == 200 and "password is not right" in response.content.decode()
    assert Appraisal.objects.get(pk=appraisal.pk).status == Appraisal.Status.GOALS_SET
    response = client.post(url, {"result": "meets", "assessment": "Done", "password": PASSWORD})
    assert response.status_code == 302
    assert Appraisal.objects.get(pk=appraisal.pk).status == Appraisal.Status.SIGNED


def test_the_staff_register_lists_positions_with_holders(agency, client):
    client.force_login(agency.qms)
    page = client.get(reverse("people:staff_list")).content.decode()
    assert "Head of the department" in page and "Ospanov" in page and agency.job.code in page
