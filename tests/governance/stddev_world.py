"""A standard in development for the tests of §6.3: a draft standard, its working group (a chair,
a secretary and a member), a development plan and a consultation open today with two sections."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.roles import Role
from documents import services as documents
from documents.models import Document
from governance.models.bodies import Body
from governance.services import bodies
from governance.services import standards_dev as services


def person_maker(*role_codes: str, username: str):
    """``make_person`` outside a fixture (the permission matrix builds its worlds itself)."""
    from core.services import user_set_roles
    from tests.factories import UserFactory

    user = UserFactory(username=username)
    user_set_roles(user=user, roles=role_codes)
    return user


def build(make_person=person_maker, *, consultation: bool = True, prefix: str = "sd") -> dict:
    today = timezone.localdate()
    qms = make_person(Role.QMS_OWNER, Role.STAFF, username=f"{prefix}_qms")
    people = {
        name: make_person(Role.STAFF, username=f"{prefix}_{name}")
        for name in ("chair", "sec", "member", "outsider")
    }
    standard = documents.document_create(
        actor=qms,
        owner=qms,
        title="Стандарты специализированной аккредитации",
        doc_type=Document.Type.STANDARD,
        upload=SimpleUploadedFile("std.txt", b"Standard 1. Programme design"),
        change_summary="Новая редакция",
    )
    group = bodies.body_create(actor=qms, name="Рабочая группа по стандартам", kind=Body.Kind.WORKING_GROUP)
    for name, role in (("chair", "chair"), ("sec", "secretary"), ("member", "member")):
        bodies.membership_add(
            actor=qms,
            body=group,
            person=people[name],
            role=role,
            constituency="academic",
            term_start=today - datetime.timedelta(days=30),
            term_end=today + datetime.timedelta(days=300),
        )
    plan = services.plan_create(
        actor=qms,
        document=standard,
        working_group=group,
        reason="ESG 2015 и новые требования закона",
        scope="Образовательные программы высшего образования",
    )
    world = {"qms": qms, **people, "standard": standard, "group": group, "plan": plan, "today": today}
    if consultation:
        c = services.consultation_open(
            plan=plan,
            actor=people["sec"],
            opens_on=today - datetime.timedelta(days=1),
            closes_on=today + datetime.timedelta(days=10),
            language="ru",
        )
        s1 = services.section_add(
            consultation=c,
            actor=people["sec"],
            number="1",
            title="Цели программы",
            text="Программа имеет цели.",
        )
        s2 = services.section_add(
            consultation=c, actor=people["sec"], number="2", title="Студенты", text="Студент в центре."
        )
        world.update(consultation=c, s1=s1, s2=s2)
    return world


def comment(world, section="s1", **overrides):
    data = {
        "consultation": world["consultation"],
        "section_id": world[section].pk,
        "name": "Айгуль Сейткали",
        "organization": "КазНУ",
        "email": "aigul@example.org",
        "constituency": "academic",
        "text": "Добавить результаты обучения.",
    }
    data.update(overrides)
    return services.comment_submit(**data)
