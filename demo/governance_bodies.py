"""Demo collegial bodies (§1.6): the Supervisory Board, the Accreditation Council, the expert
council and the appeals and complaints commission, with rosters in the agency's languages,
terms (one ending within 60 days), and the expert council's meetings told through the services:
last quarter's (a report, an action done) and today's, which validates the specialized standards
by an open vote and whose minutes the chair and the secretary have signed. The Director General
then finds the standards waiting for approval."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accreditation.models import Appeal
from core.roles import Role
from core.services import user_set_roles
from demo.clock import demo_clock
from demo.people import DEMO_PASSWORD
from documents.models import Document, DocumentVersion
from documents.services import awaits_validation
from governance.models.bodies import Body, MeetingItem
from governance.services import bodies as services

# username, roles, first name, last name: members who are not among the demo's staff logins.
MEMBERS = [
    ("board2", [Role.SUPERVISORY_BOARD], "Нурбек", "Асанов"),
    ("board3", [Role.SUPERVISORY_BOARD], "Айпери", "Жолдошева"),
    ("board4", [Role.SUPERVISORY_BOARD], "Thomas", "Becker"),
    ("board5", [Role.SUPERVISORY_BOARD], "Әлия", "Серікбаева"),
    ("expert4", [Role.EXPERT], "Чолпон", "Бейшеналиева"),
    ("expert5", [Role.EXPERT], "Peter", "Schmidt"),
    ("appeals2", [Role.APPEALS_COMMISSION], "Айнура", "Токтогулова"),
    ("appeals3", [Role.APPEALS_COMMISSION], "Ерлан", "Сейткали"),
    ("appeals4", [Role.APPEALS_COMMISSION], "Мадина", "Ермекова"),
]

# body name, kind, quorum, regulation title, [(username, role, constituency, started, years, days)]
# A term starts on 15 January ``started`` years ago and is ``years`` long, or ends ``days`` from
# today when given (the one ending soon): relative to today, so the demo never ages.
BODIES = [
    (
        "Наблюдательный совет НААР",
        Body.Kind.SUPERVISORY_BOARD,
        Body.Quorum.TWO_THIRDS,
        "Regulation on the Supervisory Board",
        [
            ("board", "chair", "academic", 1, 4, None),
            ("qms", "secretary", "agency", 1, 4, None),
            ("board2", "member", "employer", 1, 4, None),
            ("board3", "member", "academic", 1, 4, None),
            ("board4", "member", "international", 1, 4, None),
            ("board5", "member", "student", 1, 2, None),
        ],
    ),
    (
        "Аккредитационный совет НААР",
        Body.Kind.ACCREDITATION_COUNCIL,
        Body.Quorum.TWO_THIRDS,
        "Regulation on the Accreditation Council",
        [
            ("council", "chair", "academic", 1, 3, None),
            ("secretary", "secretary", "agency", 1, 3, None),
            ("council2", "member", "academic", 1, 3, None),
            ("council3", "member", "employer", 1, 3, None),
            ("council4", "member", "student", 1, 0, 40),
            ("council5", "member", "international", 1, 3, None),
        ],
    ),
    (
        "Экспертный совет НААР по высшему образованию",
        Body.Kind.EXPERT_COUNCIL,
        Body.Quorum.HALF,
        "Regulation on the expert council",
        [
            ("expert", "chair", "academic", 1, 3, None),
            ("secretary", "secretary", "agency", 1, 3, None),
            ("council", "member", "academic", 1, 3, None),
            ("expert2", "member", "employer", 1, 3, None),
            ("expert3", "member", "student", 2, 1, None),
            ("expert4", "member", "academic", 1, 3, None),
            ("expert5", "member", "international", 1, 3, None),
        ],
    ),
    (
        "Апелляционная комиссия НААР",
        Body.Kind.APPEALS_COMMISSION,
        Body.Quorum.TWO_THIRDS,
        "Regulation on the appeals and complaints commission",
        [
            ("appeals", "chair", "academic", 1, 3, None),
            ("legal", "secretary", "agency", 1, 3, None),
            ("appeals2", "member", "academic", 1, 3, None),
            ("appeals3", "member", "employer", 1, 3, None),
            ("appeals4", "member", "student", 1, 2, None),
        ],
    ),
]

CONFLICTS = {
    "expert2": "Член попечительского совета Алматинского университета энергетики и связи",
    "council3": "Работодатель-партнёр КазНУ им. аль-Фараби (договор о практике)",
}

EXPERT_COUNCIL = BODIES[2][0]
SPECIALIZED = "Standards of specialized accreditation of educational programmes"


def _members(people: dict) -> dict:
    User = get_user_model()
    for username, roles, first, last in MEMBERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@iaar.local",
                "language": "ru",
            },
        )
        if created:
            user.password = make_password(DEMO_PASSWORD, hasher="pbkdf2_sha256_demo")
            user.save()
            user_set_roles(user=user, roles=roles)
        people.setdefault(username, user)
    return people


def _add_years(day: datetime.date, years: int) -> datetime.date:
    return day.replace(year=day.year + years) - datetime.timedelta(days=1)


def seed(people: dict) -> None:
    if Body.objects.filter(name=EXPERT_COUNCIL).exists():
        return
    people = _members(dict(people))
    admin = people["qms"]
    today = timezone.localdate()
    bodies = {}
    with demo_clock(datetime.date(today.year - 1, 1, 5)):
        for name, kind, quorum, regulation, seats in BODIES:
            body = services.body_create(
                actor=admin,
                name=name,
                kind=kind,
                quorum_rule=quorum,
                regulation=Document.objects.filter(title=regulation).first(),
            )
            for username, role, constituency, started, years, days in seats:
                start = datetime.date(today.year - started, 1, 15)
                services.membership_add(
                    actor=admin,
                    body=body,
                    person=people[username],
                    role=role,
                    constituency=constituency,
                    term_start=start,
                    term_end=today + datetime.timedelta(days=days) if days else _add_years(start, years),
                    conflicts=CONFLICTS.get(username, ""),
                )
            bodies[kind] = body
    _expert_council_meetings(bodies[Body.Kind.EXPERT_COUNCIL], people)
    _appeals_meeting(bodies[Body.Kind.APPEALS_COMMISSION], people)


def _appeals_meeting(body: Body, people: dict) -> None:
    """The commission's next meeting, with the pending appeal on its agenda (its secretary, the
    legal head, runs it; anyone who sat on the council for the project has stepped aside)."""
    appeal = Appeal.objects.filter(kind=Appeal.Kind.APPEAL).exclude(status=Appeal.Status.DECIDED).first()
    if appeal is None:
        return
    meeting = services.meeting_create(
        actor=people["legal"],
        body=body,
        number="АК-2/2026",
        date=timezone.localdate() + datetime.timedelta(days=3),
        place="Астана, ул. Жубанова 1, зал 101",
    )
    services.item_add(
        meeting=meeting,
        actor=people["legal"],
        kind=MeetingItem.Kind.APPEAL,
        title=f"Апелляция {appeal.number} на решение Аккредитационного совета",
        appeal=appeal,
    )


def _hold(meeting, people: dict, absent=(), votes=None) -> None:
    """Mark who came, open the meeting, vote on each item (``votes``: username → choice)."""
    secretary = people["secretary"]
    present = [
        a.member_id for a in meeting.attendance.select_related("member") if a.member.username not in absent
    ]
    services.attendance_record(meeting=meeting, actor=secretary, present_ids=present)
    services.meeting_open(meeting=meeting, actor=secretary)
    for item in meeting.items.all():
        for row in meeting.attendance.filter(present=True).select_related("member"):
            if item.recusals.filter(member=row.member).exists():
                continue
            choice = (votes or {}).get(row.member.username, "for")
            services.vote_cast(item=item, actor=row.member, choice=choice)


def _sign(meeting, people: dict) -> None:
    for username in ("expert", "secretary"):
        services.minutes_sign(meeting=meeting, actor=people[username], password=DEMO_PASSWORD)


def _expert_council_meetings(body: Body, people: dict) -> None:
    secretary = people["secretary"]
    today = timezone.localdate()
    earlier = today - datetime.timedelta(days=84)
    with demo_clock(earlier - datetime.timedelta(days=14)):
        meeting = services.meeting_create(
            actor=secretary,
            body=body,
            number="ЭС-3/2026",
            date=earlier,
            place="Астана, ул. Жубанова 1, зал 204",
        )
        report = services.item_add(
            meeting=meeting,
            actor=secretary,
            kind=MeetingItem.Kind.REPORT,
            title="Итоги мониторинга удовлетворённости экспертов за первое полугодие",
        )
        services.item_add(
            meeting=meeting,
            actor=secretary,
            kind=MeetingItem.Kind.OTHER,
            title="План обучения экспертов на второе полугодие",
        )
    with demo_clock(earlier) as clock:
        _hold(meeting, people, absent=("expert5",))
        clock.advance(hours=2)
        for item in meeting.items.all():
            services.item_decide(item=item, actor=secretary, decision_text="Принять к сведению и утвердить")
        action = services.action_add(
            item=report,
            actor=secretary,
            text="Направить обобщённые результаты опроса экспертов в Наблюдательный совет",
            owner=people["pm"],
            due_date=earlier + datetime.timedelta(days=30),
        )
        services.meeting_close(
            meeting=meeting,
            actor=secretary,
            minutes="Заслушан отчёт о мониторинге удовлетворённости экспертов (докладчик С. Ахметова). "
            "Утверждён план обучения экспертов на второе полугодие.",
        )
        clock.advance(days=1)
        _sign(meeting, people)
        clock.advance(days=20)
        services.action_done(action=action, actor=people["pm"], note="Направлено письмом № 14-02/311")

    # Today's meeting: the specialized standards, agreed by every reviewer, validated by vote.
    version = DocumentVersion.objects.filter(document__title=SPECIALIZED).order_by("-pk").first()
    meeting = services.meeting_create(
        actor=secretary, body=body, number="ЭС-4/2026", date=today, place="Астана, ул. Жубанова 1, зал 204"
    )
    if version is not None and awaits_validation(version):
        item = services.item_add(
            meeting=meeting,
            actor=secretary,
            kind=MeetingItem.Kind.DOCUMENT_VALIDATION,
            title="Валидация стандартов специализированной аккредитации образовательных программ",
            document_version=version,
        )
    else:
        item = services.item_add(
            meeting=meeting, actor=secretary, kind=MeetingItem.Kind.REPORT, title="Отчёт о работе за квартал"
        )
    services.recuse(
        item=item,
        actor=people["expert2"],
        member=people["expert2"],
        reason="Участвовала в рабочей группе по разработке стандартов",
    )
    _hold(meeting, people, votes={"expert4": "abstain"})
    services.item_decide(
        item=item,
        actor=secretary,
        decision_text="Валидировать стандарты и представить Генеральному директору на утверждение",
    )
    services.action_add(
        item=item,
        actor=secretary,
        text="Опубликовать утверждённые стандарты на сайте и разослать экспертам",
        owner=people["pm"],
        due_date=today + datetime.timedelta(days=21),
    )
    services.meeting_close(
        meeting=meeting,
        actor=secretary,
        minutes="Рассмотрен проект стандартов специализированной аккредитации образовательных программ "
        "после рецензирования. Г. Исмаилова заявила о конфликте интересов и не голосовала. "
        "Решение принято открытым голосованием.",
    )
    _sign(meeting, people)
