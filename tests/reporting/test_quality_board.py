"""The quality board shows the IQAS's open loops as charts with the same numbers in tables."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audits.models import Finding
from core.models import Criterion, Process
from core.roles import Role
from improvement.models import Action, CorrectiveAction, Nonconformity, Risk
from reporting.selectors import board as quality_board
from tests.factories import AuditFactory, NonconformityFactory


@pytest.fixture
def world(db, make_person):
    director = make_person(Role.DIRECTOR, username="board_director")
    owner = make_person(Role.PROJECT_MANAGER, username="board_owner", last_name="Sadykova")
    today = timezone.localdate()
    audit = AuditFactory(year=today.year)
    formation = Process.objects.get(code="eec-formation")
    council = Process.objects.get(code="council-meetings")
    criterion = Criterion.objects.get(code="m-6-5")
    ncs = []
    for index, (kind, process) in enumerate(
        [(Finding.Kind.MAJOR, formation), (Finding.Kind.MINOR, formation), (Finding.Kind.MINOR, council)]
    ):
        nc = NonconformityFactory(process=process, criterion=criterion, source=Nonconformity.Source.AUDIT)
        Finding.objects.create(
            audit=audit,
            number=f"{audit.number}-F{index}",
            kind=kind,
            process=process,
            statement="Found",
            evidence="Seen",
            nonconformity=nc,
            recorded_by=director,
        )
        ncs.append(nc)
    closed = NonconformityFactory(process=council, status=Nonconformity.Status.CLOSED)
    Finding.objects.create(
        audit=audit,
        number="F-closed",
        kind=Finding.Kind.MAJOR,
        process=council,
        statement="Old",
        evidence="Seen",
        nonconformity=closed,
        recorded_by=director,
    )
    capa = CorrectiveAction.objects.create(number="CA-T-1", nonconformity=ncs[0], owner=owner, step="actions")
    CorrectiveAction.objects.filter(pk=capa.pk).update(opened_at=timezone.now() - datetime.timedelta(days=75))
    Action.objects.create(
        number="ACT-T-1",
        capa=capa,
        description="Fix it",
        owner=owner,
        due_on=today - datetime.timedelta(days=3),
        created_by=director,
    )
    Action.objects.create(
        number="ACT-T-2",
        capa=capa,
        description="Not due",
        owner=owner,
        due_on=today + datetime.timedelta(days=3),
        created_by=director,
    )
    Risk.objects.create(
        number="RK-T-1",
        title="Experts unavailable",
        process=formation,
        owner=owner,
        likelihood=4,
        impact=4,
        review_on=today,
        created_by=director,
    )
    Risk.objects.create(
        number="RK-T-2",
        title="Closed one",
        process=formation,
        owner=owner,
        likelihood=5,
        impact=5,
        review_on=today,
        created_by=director,
        status=Risk.Status.CLOSED,
    )
    return {"director": director, "formation": formation, "council": council, "today": today}


def test_the_numbers_count_only_what_is_open(world):
    board = quality_board.board(world["today"])
    findings, ageing, overdue, risks = board["panels"]
    assert findings.rows == [
        ("Formation of external expert commissions", 1, 1),
        ("Meetings of the Accreditation Council", 0, 1),
    ]
    assert dict(ageing.rows)["61–90 days"] == 1 and sum(n for _label, n in ageing.rows) == 1
    assert [(name.split()[0], *counts) for name, *counts in overdue.rows] == [("Sadykova", 1, 0, 0)]
    assert risks.rows == [("Formation of external expert commissions", 1, 0, 0)]
    assert board["headline"]["overdue_actions"] == 1 and board["headline"]["high_risks"] == 1


def test_the_director_reads_the_board_as_charts_with_links_to_the_lists(client, world):
    client.force_login(world["director"])
    html = client.get(reverse("reporting:board")).content.decode()
    assert html.count("<svg") == 4
    assert f"{reverse('improvement:list')}?process={world['formation'].pk}" in html
    assert f"{reverse('improvement:risk_list')}?process={world['formation'].pk}" in html
    assert "The numbers as a table" in html


def test_an_empty_board_says_so(client, db, make_person):
    client.force_login(make_person(Role.QMS_OWNER, username="board_qms"))
    html = client.get(reverse("reporting:board")).content.decode()
    assert "Nothing to show: none open." in html


def test_an_overdue_decision_of_the_management_review_is_on_the_chart_as_on_the_tile(world):
    from improvement.models import ManagementReview, ReviewDecision

    director, today = world["director"], world["today"]
    review = ManagementReview.objects.create(
        number="MR-T-1",
        period_start=datetime.date(today.year - 1, 1, 1),
        period_end=datetime.date(today.year - 1, 12, 31),
        planned_on=today,
        created_by=director,
    )
    decision = ReviewDecision.objects.create(
        review=review, kind=ReviewDecision.Kind.values[0], text="Do it", created_by=director
    )
    Action.objects.create(
        number="ACT-T-3",
        decision=decision,
        description="Do it",
        owner=director,
        due_on=today - datetime.timedelta(days=1),
        created_by=director,
    )
    board = quality_board.board(today)
    overdue = board["panels"][2]
    assert board["headline"]["overdue_actions"] == 2
    assert sum(sum(counts) for _name, *counts in overdue.rows) == 2
    assert [counts[2] for _name, *counts in overdue.rows] == [0, 1]  # the director's, from the review
