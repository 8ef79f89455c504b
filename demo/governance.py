"""Demo strategy (§4.3): the agency's strategy for 2025–2029 with four goals, their tasks and
indicators, drafted by the IQAS owner, discussed by the Supervisory Board and approved by the
Director General's signature; public. Texts in Russian, as the agency writes them."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from demo.clock import demo_clock
from demo.people import DEMO_PASSWORD
from governance import services
from governance.models import ImplementationPlan, PlanItem, Strategy
from governance.services import plan as plans

TITLE = "Стратегия развития НААР"

MISSION = (
    "Содействовать повышению качества образования через независимую, прозрачную и признанную "
    "на международном уровне аккредитацию."
)
VISION = "Ведущее аккредитационное агентство Центральной Азии, признанное в Европейском пространстве высшего образования."
VALUES = "Независимость. Прозрачность. Объективность. Партнёрство. Ответственность."

# goal, tasks, indicators (name, unit, baseline, targets 2025–2029)
GOALS = [
    (
        "Укрепление международного признания агентства",
        [
            "Пройти внешний обзор ENQA и сохранить регистрацию в EQAR",
            "Расширить участие международных экспертов",
        ],
        [("Доля внешних экспертных комиссий с международным экспертом", "%", 70, [75, 80, 85, 90, 95])],
    ),
    (
        "Повышение качества аккредитационных процедур",
        [
            "Обновить стандарты институциональной и программной аккредитации",
            "Внедрить электронный документооборот",
        ],
        [
            ("Удовлетворённость организаций образования процедурой", "%", 82, [84, 86, 88, 90, 92]),
            ("Средний срок от визита до решения Совета", "дн.", 75, [70, 65, 60, 55, 50]),
        ],
    ),
    (
        "Развитие экспертного сообщества",
        ["Обучать экспертов ежегодно", "Вовлекать студентов и работодателей в экспертную работу"],
        [("Число обученных экспертов за год", "чел.", 120, [140, 160, 180, 200, 220])],
    ),
    (
        "Обеспечение устойчивости и открытости агентства",
        ["Публиковать аналитические отчёты", "Развивать внутреннюю систему обеспечения качества"],
        [("Число опубликованных аналитических отчётов", "шт.", 2, [3, 3, 4, 4, 5])],
    ),
]


def seed(people: dict) -> None:
    existing = Strategy.objects.filter(title=TITLE, period_start=2025).first()
    if existing is None:
        _seed_strategy(people)
        existing = Strategy.objects.get(title=TITLE, period_start=2025)
    if existing.effective_version:
        seed_plan(people, existing.effective_version)


def _seed_strategy(people: dict) -> None:
    qms, director = people["qms"], people["director"]
    with demo_clock(datetime.date(2024, 11, 15)) as clock:
        strategy = services.strategy_create(actor=qms, title=TITLE, period_start=2025, period_end=2029)
        version = strategy.versions.get()
        services.version_edit(version=version, actor=qms, mission=MISSION, vision=VISION, values=VALUES)
        for title, tasks, indicators in GOALS:
            goal = services.goal_add(version=version, actor=qms, title=title)
            for task in tasks:
                services.task_add(goal=goal, actor=qms, title=task)
            for name, unit, baseline, targets in indicators:
                services.indicator_add(
                    goal=goal,
                    actor=qms,
                    name=name,
                    unit=unit,
                    baseline=baseline,
                    targets=dict(zip(strategy.years, targets, strict=True)),
                )
        clock.advance(days=5)
        services.version_discuss(version=version, actor=qms)
        clock.advance(days=30)
        services.version_edit(
            version=version,
            actor=qms,
            mission=MISSION,
            vision=VISION,
            values=VALUES,
            change_note="Первая редакция стратегии на 2025–2029 годы.",
            discussed_on=clock.today,
            discussed_by="Наблюдательный совет НААР",
            minutes=SimpleUploadedFile(
                "protokol-ns.txt",
                "Протокол заседания Наблюдательного совета: проект стратегии одобрен.".encode(),
            ),
        )
        clock.advance(days=7)
        services.version_approve(version=version, actor=director, password=DEMO_PASSWORD)
        services.strategy_publish(strategy=strategy, actor=qms, is_public=True)


# This year's plan: activities under the strategy's tasks, owners among the staff.
ACTIVITIES = [
    "Подготовить отчёт о самооценке для ENQA",
    "Провести семинар для экспертов",
    "Обновить руководство по аккредитации",
    "Провести опрос удовлетворённости вузов",
    "Опубликовать аналитический отчёт",
    "Пригласить международных экспертов",
    "Внедрить модуль электронного документооборота",
    "Провести обучение студентов-экспертов",
    "Проанализировать сроки процедур",
    "Провести внутренний аудит процессов",
]
OWNERS = ["qms", "legal", "pm", "coordinator", "staff"]
# status of each item by its place: done, in progress, planned, not done, cancelled
STATUSES = [
    "done",
    "in_progress",
    "planned",
    "done",
    "in_progress",
    "not_done",
    "done",
    "planned",
    "cancelled",
    "done",
]


def seed_plan(people: dict, version) -> None:
    year = timezone.localdate().year
    if ImplementationPlan.objects.filter(year=year).exists() or year not in version.strategy.years:
        return
    qms = people["qms"]
    owners = [people[name] for name in OWNERS if name in people] or [qms]
    tasks = [task for goal in version.goals.all() for task in goal.tasks.all()]
    with demo_clock(datetime.date(year, 1, 15)) as clock:
        plan = plans.plan_create(actor=qms, strategy_version=version, year=year)
        items = []
        for n in range(30):
            month = 1 + n % 12
            items.append(
                plans.item_add(
                    plan=plan,
                    actor=qms,
                    task=tasks[n % len(tasks)],
                    title=f"{ACTIVITIES[n % len(ACTIVITIES)]} ({n // len(ACTIVITIES) + 1})",
                    owner=owners[n % len(owners)],
                    due_date=datetime.date(year, month, 28),
                    expected_result="Результат достигнут и подтверждён документом",
                )
            )
        clock.advance(days=60)
        plans.item_correct(
            item=items[1],
            actor=qms,
            reason="Перенос срока в связи с переносом визита ENQA",
            owner=items[1].owner,
            due_date=datetime.date(year, 10, 30),
            expected_result=items[1].expected_result,
        )
        for item, status in zip(items, STATUSES * 3, strict=True):
            if status == "cancelled":
                plans.item_close(
                    item=item, actor=qms, target=PlanItem.Status.CANCELLED, comment="Не актуально"
                )
            elif status == "not_done":
                plans.item_close(
                    item=item, actor=qms, target=PlanItem.Status.NOT_DONE, comment="Не выполнено в срок"
                )
            elif status in ("done", "in_progress"):
                percent = 100 if status == "done" else 50
                plans.progress_report(
                    item=item,
                    actor=item.owner,
                    text="Работа ведётся по графику"
                    if percent < 100
                    else "Работа выполнена, результат подтверждён",
                    percent=percent,
                    evidence_url="https://docs.iaar.agency/plan/otchet" if percent == 100 else "",
                    evidence=SimpleUploadedFile(
                        "spravka.txt", "Справка о ходе выполнения мероприятия плана.".encode()
                    )
                    if percent < 100
                    else None,
                )
