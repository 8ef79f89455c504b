"""The demo's people: 25 staff in 18 positions with job descriptions, a training plan with its
attendance, two trainings due for the heads' check, the experts' seminars with certificates (one
expired), and the code of ethics accepted by all but two for the edition in force."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from core.dashboard import dashboard_for
from people.models import Certificate, EthicsAcceptance, Position, PositionHolding, Training, TrainingNeed
from people.selectors.ethics import acceptance_status, current_version


def test_the_demo_has_25_staff_in_18_positions_each_with_an_effective_job_description(seeded_demo):
    assert Position.objects.count() == 18
    assert all(
        p.job_description.effective_version_id for p in Position.objects.select_related("job_description")
    )
    current = PositionHolding.objects.filter(until__isnull=True)
    assert current.values("person").distinct().count() == 25
    # Free text is in the agency's languages, titles in each of them.
    assert all(p.title_ru and p.title_kk and p.title_ky for p in Position.objects.all())


def test_the_demo_has_two_trainings_due_for_the_heads_check_and_one_ineffective(seeded_demo):
    today = timezone.localdate()
    due = {
        a.training_id
        for t in Training.objects.filter(audience="staff")
        for a in t.attendances.filter(effectiveness__isnull=True)
        if t.check_due_on <= today
    }
    assert len(due) == 2
    assert TrainingNeed.objects.filter(raised_by_check__effective=False).count() == 1
    head = get_user_model().objects.get(username="acchead")
    assert any("Check the effectiveness" in t.title for t in dashboard_for(head).overdue)


def test_the_demo_expert_seminars_give_certificates_one_expired(seeded_demo):
    today = timezone.localdate()
    certificates = Certificate.objects.filter(attendance__training__kind="expert_seminar")
    assert certificates.count() == 3
    assert certificates.filter(expires_on__lt=today).get().attendance.person.username == "expert3"


def test_the_demo_code_of_ethics_misses_two_acceptances_of_the_edition_in_force(seeded_demo, client):
    version = current_version()
    assert version.number == "2.0"
    missing = sorted(p.username for p, acceptance in acceptance_status() if acceptance is None)
    assert missing == ["expert2", "staff"]
    assert EthicsAcceptance.objects.filter(version__major=1).count() >= 28
    staff = get_user_model().objects.get(username="staff")
    assert any("code of ethics" in t.title for t in dashboard_for(staff).waiting)
    client.force_login(get_user_model().objects.get(username="qms"))
    for name in ("people:staff_list", "people:plan_list", "people:ethics_register"):
        assert client.get(reverse(name)).status_code == 200
    assert client.get(reverse("people:person_detail", args=[staff.pk])).status_code == 200
