"""An agency running an internal audit: the people, a programme, and the audit at each stage."""

import datetime

import pytest

from audits import services
from audits.models import Audit
from core.models import Criterion, Process
from core.roles import Role
from tests.factories import PASSWORD

YEAR = 2026


@pytest.fixture
def people(make_person):
    return {
        "director": make_person(Role.DIRECTOR, username="a_dg", first_name="Alma", last_name="Director"),
        "qms": make_person(
            Role.QMS_OWNER, Role.STAFF, username="a_qms", first_name="Qamar", last_name="Owner"
        ),
        "leader": make_person(
            Role.AUDITOR, Role.STAFF, username="a_lead", first_name="Lena", last_name="Leader"
        ),
        "member": make_person(
            Role.AUDITOR, Role.STAFF, username="a_member", first_name="Marat", last_name="Member"
        ),
        "other_auditor": make_person(Role.AUDITOR, username="a_other", first_name="Olga", last_name="Other"),
        "owner": make_person(Role.STAFF, username="a_owner", first_name="Pavel", last_name="Processowner"),
        "staff": make_person(Role.STAFF, username="a_staff"),
        "board": make_person(Role.SUPERVISORY_BOARD, username="a_board"),
    }


@pytest.fixture
def processes(people):
    records = Process.objects.get(code="records")
    archiving = Process.objects.get(code="archiving")
    records.owner = people["owner"]
    records.save()
    return [records, archiving]


@pytest.fixture
def criteria(db):
    return list(Criterion.objects.filter(code__in=["m-3-2", "m-3-2-2", "esg-2-1"]).order_by("code"))


@pytest.fixture
def programme(people):
    return services.programme_create(actor=people["qms"], year=YEAR, objectives="Cover document management.")


@pytest.fixture
def planned(people, programme, processes, criteria) -> Audit:
    return services.audit_plan(
        actor=people["qms"],
        programme=programme,
        title="Document management",
        scope="Registry and archive, last 12 months",
        processes=processes,
        criteria=criteria,
        starts_on=datetime.date(YEAR, 3, 2),
        ends_on=datetime.date(YEAR, 3, 20),
    )


@pytest.fixture
def staffed(people, planned) -> Audit:
    services.team_appoint(audit=planned, actor=people["qms"], auditor=people["leader"], role="leader")
    services.team_appoint(audit=planned, actor=people["qms"], auditor=people["member"], role="member")
    return planned


@pytest.fixture
def ordered(people, staffed) -> Audit:
    return services.order_sign(audit=staffed, actor=people["director"], password=PASSWORD)


@pytest.fixture
def running(people, ordered) -> Audit:
    return services.audit_start(audit=ordered, actor=people["leader"])


def answer_all(audit: Audit, actor, result: str = "conforms") -> None:
    for item in audit.checklist.all():
        services.checklist_answer(item=item, actor=actor, result=result, note="Seen the register.")


@pytest.fixture
def drafted(people, running, processes) -> Audit:
    answer_all(running, people["member"])
    services.finding_record(
        audit=running,
        actor=people["member"],
        kind="minor_nc",
        process=processes[0],
        statement="Two records kept past their retention period",
        evidence="Register entries R-12 and R-19",
    )
    services.report_save(
        audit=running,
        actor=people["leader"],
        analysis="Records are kept well overall.",
        conclusion="Adequate.",
    )
    services.recommendation_add(audit=running, actor=people["leader"], text="Revise the records procedure.")
    return services.report_sign(audit=running, actor=people["leader"], password=PASSWORD)


@pytest.fixture
def approved(people, drafted) -> Audit:
    return services.report_approve(audit=drafted, actor=people["director"], password=PASSWORD)
