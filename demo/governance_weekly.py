"""Demo work plans and weekly meetings (§4.4.2, §7.2.3): the project manager's plan for this
month, approved by the Director General, and her plan for next month, awaiting approval; the
last four weekly meetings, each with attendance, an agenda pulled from the plans and projects,
notes, short minutes and actions (the older ones done). Texts in Russian, as the agency writes
them."""

import datetime

from django.utils import timezone

from accreditation.models import AccreditationProject
from demo.clock import demo_clock
from governance.models import PlanItem, WeeklyMeeting, WorkPlan
from governance.services import weekly as meetings
from governance.services import workplans

OPEN_ITEM = (PlanItem.Status.PLANNED, PlanItem.Status.IN_PROGRESS)
FINISHED = (AccreditationProject.Status.CLOSED, AccreditationProject.Status.REJECTED)

THIS_MONTH = [
    "Согласовать с вузом программу визита ВЭК",
    "Проверить отчёт по самооценке и направить замечания",
    "Подготовить материалы к заседанию Аккредитационного совета",
    "Провести установочную встречу с экспертами",
]
NEXT_MONTH = [
    "Сформировать состав внешней экспертной комиссии",
    "Организовать онлайн-визит в колледж",
    "Собрать отзывы вуза о процедуре аккредитации",
]
NOTES = [
    "Работа идёт по графику.",
    "Выполнено примерно на 70%, завершение к концу недели.",
    "Отставание на неделю: ждём документы от вуза.",
    "Нужна консультация юриста по договору.",
    "Срок перенесён по согласованию с руководителем.",
]
MINUTES = [
    "Рассмотрены просроченные пункты плана реализации стратегии. Ответственные доложили о ходе "
    "работ; по пунктам с отставанием назначены новые действия.",
    "Обсуждены визиты ВЭК текущей недели и готовность материалов к Аккредитационному совету. "
    "Отчёт по опросу вузов рассмотрен, замечаний нет.",
    "Заслушан отчёт руководителя проектов о выполнении рабочего плана. Решено усилить контроль "
    "сроков по самооценке.",
    "Подведены итоги месяца. Просроченные пункты плана рассмотрены, ответственным даны поручения.",
]
ACTIONS = [
    ("Направить вузу напоминание о сроке отчёта по самооценке", "pm", 3),
    ("Обновить график визитов ВЭК на сайте", "coordinator", 4),
    ("Подготовить справку о просроченных пунктах плана", "qms", 6),
    ("Согласовать проект договора с юридическим отделом", "legal", 5),
    ("Разослать сотрудникам новую редакцию положения", "staff", 7),
    ("Подготовить письма экспертам о семинаре", "secretary", 4),
    ("Проверить протоколы Совета перед публикацией", "secretary", 5),
    ("Собрать предложения в план на следующий квартал", "qms", 7),
]
ATTENDEES = ["director", "qms", "legal", "pm", "coordinator", "secretary", "staff", "auditor"]


def seed(people: dict) -> None:
    if "pm" not in people or "director" not in people:
        return
    if not WorkPlan.objects.exists():
        seed_workplans(people)
    if not WeeklyMeeting.objects.exists():
        seed_meetings(people)


def _month_after(day: datetime.date) -> tuple[int, int]:
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


def seed_workplans(people: dict) -> None:
    pm, director = people["pm"], people["director"]
    today = timezone.localdate()
    projects = list(
        AccreditationProject.objects.exclude(status__in=FINISHED).order_by("stage_due", "pk")[:4]
    ) or list(AccreditationProject.objects.order_by("-pk")[:1])
    if not projects:
        return
    plan_items = list(
        PlanItem.objects.filter(plan__year=today.year, owner=pm, status__in=OPEN_ITEM).order_by(
            "-due_date", "pk"
        )[:2]
    )
    first = today.replace(day=1)
    with demo_clock(first - datetime.timedelta(days=3)) as clock:
        plan = workplans.workplan_create(actor=pm, period="month", year=today.year, number=today.month)
        for n, title in enumerate(THIS_MONTH):
            due = min(first + datetime.timedelta(days=1 + 7 * n), plan.ends)
            workplans.workitem_add(
                plan=plan,
                actor=pm,
                title=title,
                due_date=due,
                project=projects[n % len(projects)],
                plan_item=plan_items[n] if n < len(plan_items) else None,
            )
        workplans.workplan_submit(plan=plan, actor=pm)
        clock.advance(days=1)
        workplans.workplan_return(
            plan=plan,
            actor=director,
            reason="Укажите связь с пунктами плана реализации стратегии и уточните сроки.",
        )
        clock.advance(hours=3)
        workplans.workplan_submit(plan=plan, actor=pm)
        clock.advance(days=1)
        workplans.workplan_approve(plan=plan, actor=director)
    for item in plan.items.filter(due_date__lt=today)[:2]:
        with demo_clock(item.due_date):
            workplans.workitem_done(item=item, actor=pm, note="Выполнено, документы в деле проекта.")
    year, month = _month_after(today)
    with demo_clock(today - datetime.timedelta(days=1)):
        nxt = workplans.workplan_create(actor=pm, period="month", year=year, number=month)
        for n, title in enumerate(NEXT_MONTH):
            workplans.workitem_add(
                plan=nxt,
                actor=pm,
                title=title,
                due_date=nxt.starts + datetime.timedelta(days=6 + 8 * n),
                project=projects[(n + 1) % len(projects)],
            )
        workplans.workplan_submit(plan=nxt, actor=pm)


def seed_meetings(people: dict) -> None:
    qms, director = people["qms"], people["director"]
    today = timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    mondays = [this_monday - datetime.timedelta(weeks=w) for w in (3, 2, 1, 0)]
    for week, monday in enumerate(mondays):
        with demo_clock(monday - datetime.timedelta(days=1)) as clock:
            meeting = meetings.weekly_meeting_prepare(actor=qms, date=monday, chair=director)
            clock.at(monday, hour=10)
            present = {people[name].pk for name in ATTENDEES if name in people}
            if week == 1:
                present.discard(people.get("legal", qms).pk)  # on leave that week
            meetings.weekly_attendance_set(meeting=meeting, actor=qms, present=present)
            notes = {line.pk: NOTES[(n + week) % len(NOTES)] for n, line in enumerate(meeting.agenda.all())}
            for n, (title, owner, days) in enumerate(ACTIONS[2 * week : 2 * week + 2]):
                meetings.weekly_action_add(
                    meeting=meeting,
                    actor=qms,
                    title=title,
                    owner=people.get(owner, qms),
                    due_date=monday + datetime.timedelta(days=days + n),
                )
            clock.advance(hours=1)
            meetings.weekly_record(meeting=meeting, actor=qms, minutes=MINUTES[week], notes=notes)
            meetings.weekly_meeting_close(meeting=WeeklyMeeting.objects.get(pk=meeting.pk), actor=qms)
        # The older weeks' actions were done by their owners; this week's one is still open.
        for action in meeting.actions.all()[: 2 if week < 2 else 1 if week == 2 else 0]:
            day = min(action.due_date, today)
            with demo_clock(day):
                meetings.weekly_action_done(action=action, actor=action.owner)
