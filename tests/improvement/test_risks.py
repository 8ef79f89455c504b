"""The risk register (§7.5.3): scoring on the agency's matrix, who keeps which risk, the heat map."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from core.dashboard import dashboard_for
from core.models import Process, WorkflowEvent
from core.roles import Role
from improvement import selectors
from improvement.models import Risk
from improvement.services import risks


@pytest.fixture
def process(db):
    return Process.objects.get(code="eec-formation")


def _risk(actor, process, title, likelihood=2, impact=2, owner=None, **fields) -> Risk:
    fields.setdefault("review_on", timezone.localdate())
    return risks.risk_record(
        actor=actor,
        title=title,
        process=process,
        owner=owner or actor,
        likelihood=likelihood,
        impact=impact,
        **fields,
    )


def _form(process, owner, **changes) -> dict:
    data = {
        "title": "An expert with an undeclared conflict sits on a commission",
        "description": "The declaration is signed after the visit.",
        "process": process.pk,
        "owner": owner.pk,
        "likelihood": 3,
        "impact": 5,
        "treatment": "",
        "residual_likelihood": "",
        "residual_impact": "",
        "review_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "status": "open",
    }
    data.update(changes)
    return data


def test_a_process_owner_records_and_reviews_a_risk(client, project_manager, process):
    client.force_login(project_manager)
    response = client.post(reverse("improvement:risk_create"), _form(process, project_manager), follow=True)
    risk = Risk.objects.get()
    assert risk.number == "RK-0001" and risk.score == 15 and selectors.level_of(risk.score) == "high"
    html = response.content.decode()
    assert "The risk is recorded." in html and "15 · high" in html
    review = _form(
        process,
        project_manager,
        treatment="Conflict check before each proposal.",
        residual_likelihood=2,
        residual_impact=4,
        status="treated",
    )
    client.post(reverse("improvement:risk_edit", args=[risk.pk]), review)
    risk.refresh_from_db()
    assert (risk.status, risk.residual_score) == ("treated", 8)
    assert risk.history.count() == 2  # every change kept, with who and when
    assert [e.to_state for e in WorkflowEvent.objects.order_by("pk")] == ["open", "treated"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"likelihood": 6, "impact": 6}, "likelihood", "Select a valid choice"),
        ({"residual_likelihood": 2}, "residual_impact", "Give both the residual likelihood"),
        ({"residual_likelihood": 5, "residual_impact": 5}, "residual_impact", "cannot be higher"),
        ({"status": "treated"}, "treatment", "Describe the preventive measures"),
        ({"review_on": "2001-01-01"}, "review_on", "cannot be in the past"),
        ({"review_on": "31.02.2026"}, "review_on", "Enter a valid date"),
    ],
)
def test_bad_scores_and_dates_are_refused_and_nothing_is_saved(
    client, project_manager, process, changes, field, message
):
    client.force_login(project_manager)
    response = client.post(reverse("improvement:risk_create"), _form(process, project_manager, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Risk.objects.exists()


def test_the_service_refuses_a_score_off_the_matrix(project_manager, process):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="the agency's matrix is 5 × 5"):
        risks.risk_record(
            actor=project_manager,
            title="Off the matrix",
            process=process,
            owner=project_manager,
            likelihood=6,
            impact=6,
            review_on=timezone.localdate(),
        )
    assert not Risk.objects.exists()


def test_each_person_keeps_their_own_risks_and_the_qms_owner_all(
    client, make_person, project_manager, qms_owner, process
):
    other = make_person(Role.PROJECT_MANAGER, username="risk_other")
    mine = _risk(project_manager, process, "Mine")
    theirs = _risk(other, process, "Theirs")
    client.force_login(project_manager)
    listing = client.get(reverse("improvement:risk_list")).content.decode()
    assert "Mine" in listing and "Theirs" not in listing
    assert client.get(reverse("improvement:risk_detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("improvement:risk_edit", args=[mine.pk])).status_code == 200
    client.force_login(qms_owner)
    assert client.get(reverse("improvement:risk_edit", args=[theirs.pk])).status_code == 200
    director = make_person(Role.DIRECTOR, username="risk_director")
    client.force_login(director)
    assert "Theirs" in client.get(reverse("improvement:risk_list")).content.decode()
    assert client.get(reverse("improvement:risk_edit", args=[theirs.pk])).status_code == 403
    client.force_login(make_person(Role.STAFF, username="risk_staff"))
    assert client.get(reverse("improvement:risk_list")).status_code == 403


def test_the_heat_map_counts_live_risks_and_filters_the_register(client, qms_owner, process):
    for title, likelihood, impact, status in (
        ("Alpha", 5, 5, "open"),
        ("Beta", 5, 5, "open"),
        ("Gamma", 1, 2, "open"),
        ("Delta", 5, 5, "closed"),
    ):
        _risk(qms_owner, process, title, likelihood, impact, status=status)
    cells = {
        (c["likelihood"], c["impact"]): c
        for row in selectors.heat_map(Risk.objects.all())
        for c in row["cells"]
    }
    assert cells[(5, 5)]["count"] == 2 and cells[(5, 5)]["level"] == "high"  # the closed one is not counted
    assert cells[(1, 2)]["count"] == 1 and cells[(1, 2)]["level"] == "low"
    client.force_login(qms_owner)
    html = client.get(reverse("improvement:risk_list"), {"likelihood": 5, "impact": 5}).content.decode()
    assert "Alpha" in html and "Beta" in html and "Gamma" not in html
    high = client.get(reverse("improvement:risk_list"), {"level": "high", "status": "open"}).content.decode()
    assert "Alpha" in high and "Gamma" not in high and "Delta" not in high
    for garbage in ({"likelihood": "99"}, {"level": "<x>"}, {"process": "1e9"}, {"page": "-3"}):
        assert client.get(reverse("improvement:risk_list"), garbage).status_code == 200


def test_the_owner_is_reminded_to_review(project_manager, process):
    due = timezone.localdate() + datetime.timedelta(days=3)
    risks.risk_record(
        actor=project_manager,
        title="Review me",
        process=process,
        owner=project_manager,
        likelihood=2,
        impact=3,
        review_on=due,
    )
    board = dashboard_for(project_manager)
    assert [item.title for item in board.due_soon] == ["RK-0001 Review me"]


def test_the_register_lists_the_highest_scores_first(client, qms_owner, process):
    for title, likelihood, impact in (("Nine", 3, 3), ("Sixteen", 4, 4), ("Fifteen", 5, 3)):
        _risk(qms_owner, process, title, likelihood, impact)
    client.force_login(qms_owner)
    html = client.get(reverse("improvement:risk_list")).content.decode()
    assert html.index("Sixteen") < html.index("Fifteen") < html.index("Nine")
