"""Fixtures of the corrective-action and action tests."""

import pytest

from core.models import Criterion, Process
from core.roles import Role
from tests.improvement.capa_world import World


@pytest.fixture
def world(make_person) -> World:
    process = Process.objects.get(code="eec-formation")
    owner = make_person(Role.PROJECT_MANAGER, Role.STAFF, username="capa_owner", last_name="Abenova")
    process.owner = owner
    process.save()
    return World(
        qms=make_person(Role.QMS_OWNER, Role.STAFF, username="capa_qms"),
        director=make_person(Role.DIRECTOR, username="capa_dg"),
        auditor=make_person(Role.AUDITOR, Role.STAFF, username="capa_auditor"),
        owner=owner,
        doer=make_person(Role.STAFF, username="capa_doer", last_name="Doer"),
        staff=make_person(Role.STAFF, username="capa_staff"),
        process=process,
        criterion=Criterion.objects.order_by("pk").first(),
    )
