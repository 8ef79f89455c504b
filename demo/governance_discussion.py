"""The demo strategy's second version, developed collegially (§4.3, issue 18 item 1): the IQAS
owner starts a revision of the 2025–2029 strategy, puts the draft to discussion and on the agenda
of the Supervisory Board's next meeting as a "strategy or plan approval" item. The board's vote is
left to whoever tries the portal: the secretary (qms) opens the meeting, the members vote, and
the adopted item records the discussion on the version for the Director General to approve."""

import datetime

from django.utils import timezone

from governance import services as strategy
from governance.models import Strategy, StrategyVersion
from governance.models.bodies import Body, MeetingItem
from governance.services import bodies as services

from .governance import TITLE

S = StrategyVersion.Status


def seed(people: dict) -> None:
    qms = people.get("qms")
    plan = Strategy.objects.filter(title=TITLE, period_start=2025).first()
    board = Body.objects.filter(kind=Body.Kind.SUPERVISORY_BOARD, is_active=True).first()
    if qms is None or plan is None or board is None:
        return
    if MeetingItem.objects.filter(strategy_version__strategy=plan).exists():
        return  # seeded already
    if plan.versions.filter(status__in=[S.DRAFT, S.DISCUSSION]).exists():
        return  # someone revises it already: leave their draft alone
    version = strategy.version_new(strategy=plan, actor=qms)
    strategy.version_edit(
        version=version,
        actor=qms,
        mission=version.mission,
        vision=version.vision,
        values=version.values,
        change_note="Редакция 2: показатели на 2027–2029 годы уточнены по итогам внешнего обзора.",
    )
    strategy.version_discuss(version=version, actor=qms)
    day = timezone.localdate() + datetime.timedelta(days=14)
    number = f"НС-{day.year}/2"
    if board.meetings.filter(number=number).exists():
        return
    meeting = services.meeting_create(
        actor=qms, body=board, number=number, date=day, place="Астана, ул. Жубанова 1, зал заседаний"
    )
    services.item_add(
        meeting=meeting,
        actor=qms,
        kind=MeetingItem.Kind.STRATEGY,
        title="Обсуждение проекта стратегии развития НААР на 2025–2029 годы (редакция 2)",
        strategy_version=version,
    )
