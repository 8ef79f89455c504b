"""A demo appeal decided by the appeals and complaints commission as a body (§6.5.2, ESG 2.7):
an organization appealed the term of its accreditation, the commission took it up at its
meeting АК-1 five weeks ago — quorum, an open vote, the minutes signed by the chair and the
secretary — and the chair's signature recorded the commission's decision on the appeal, through
the same services a person uses. The pending appeal on АК-2 (demo/governance_bodies.py) is next."""

import datetime

from django.utils import timezone

from accreditation import services as accreditation
from accreditation.models import AccreditationProject
from demo.clock import demo_clock
from demo.people import DEMO_PASSWORD
from governance.models.bodies import Body, BodyMeeting, MeetingItem
from governance.services import bodies as services

NUMBER = "АК-1/{year}"
FILED_DAYS_AGO = 60
MEETING_DAYS_AGO = 35


def _appealed_project() -> AccreditationProject | None:
    """The accreditation whose term is appealed: the latest decided well before the filing, in
    force, on a project with no appeal of its own."""
    filed = timezone.localdate() - datetime.timedelta(days=FILED_DAYS_AGO)
    candidates = (
        AccreditationProject.objects.filter(
            status=AccreditationProject.Status.POST_MONITORING,
            appeals__isnull=True,
            decisions__set_aside=False,
            decisions__decided_on__lt=filed,
            decisions__years__isnull=False,
        )
        .order_by("-decisions__decided_on")
        .select_related("organization")
    )
    for project in candidates:
        if project.decisions.count() == 1:
            return project
    return None


def seed(people: dict) -> None:
    body = Body.objects.filter(kind=Body.Kind.APPEALS_COMMISSION).first()
    if body is None or BodyMeeting.objects.filter(body=body, number__startswith="АК-1/").exists():
        return
    project = _appealed_project()
    if project is None:
        return
    today = timezone.localdate()
    chair, secretary, rep = people["appeals"], people["legal"], people["eo"]
    with demo_clock(today - datetime.timedelta(days=FILED_DAYS_AGO)) as clock:
        accreditation.representative_add(organization=project.organization, actor=people["pm"], user=rep)
        appeal = accreditation.appeal_file(
            actor=rep,
            project=project,
            subject="Апелляция на срок аккредитации",
            text="Просим пересмотреть срок аккредитации: комиссия не учла отчёт о выполнении "
            "рекомендаций предыдущего цикла (приложение 7) и данные о трудоустройстве выпускников.",
        )
        clock.advance(days=2)
        accreditation.appeal_take(appeal=appeal, actor=chair)
    meeting_day = today - datetime.timedelta(days=MEETING_DAYS_AGO)
    with demo_clock(meeting_day - datetime.timedelta(days=10)):
        meeting = services.meeting_create(
            actor=secretary,
            body=body,
            number=NUMBER.format(year=meeting_day.year),
            date=meeting_day,
            place="Астана, ул. Жубанова 1, зал 101",
        )
        item = services.item_add(
            meeting=meeting,
            actor=secretary,
            kind=MeetingItem.Kind.APPEAL,
            title=f"Апелляция {appeal.number}: удовлетворить и вернуть проект в Аккредитационный совет",
            appeal=appeal,
        )
    with demo_clock(meeting_day) as clock:
        present = [a.member_id for a in meeting.attendance.select_related("member")]
        services.attendance_record(meeting=meeting, actor=secretary, present_ids=present)
        services.meeting_open(meeting=meeting, actor=secretary)
        for row in meeting.attendance.filter(present=True).select_related("member"):
            if item.recusals.filter(member=row.member).exists():
                continue
            choice = "for" if row.member.username == "appeals4" else "against"
            services.vote_cast(item=item, actor=row.member, choice=choice)
        clock.advance(hours=1)
        services.item_decide(
            item=item,
            actor=secretary,
            decision_text="Апелляцию отклонить: отчёт о выполнении рекомендаций был рассмотрен "
            "внешней экспертной комиссией (отчёт ВЭК, раздел 3); решение Аккредитационного совета "
            "оставить в силе.",
        )
        services.action_add(
            item=item,
            actor=secretary,
            text="Направить организации выписку из протокола с обоснованием решения",
            owner=secretary,
            due_date=meeting_day + datetime.timedelta(days=5),
        )
        services.meeting_close(
            meeting=meeting,
            actor=secretary,
            minutes=f"Рассмотрена апелляция {appeal.number} на срок аккредитации. Заслушаны представитель "
            "организации и секретарь Аккредитационного совета. Решение принято открытым голосованием: "
            "апелляция отклонена.",
        )
        clock.advance(days=1)
        # The chair's signature makes the commission's decision the appeal's (appeal_decide).
        for signer in (chair, secretary):
            services.minutes_sign(meeting=meeting, actor=signer, password=DEMO_PASSWORD)
        clock.advance(days=2)
        action = meeting.items.get().actions.get()
        services.action_done(action=action, actor=secretary, note="Направлено письмом № 02-11/87")
