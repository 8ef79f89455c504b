"""The demo agency's orders on roles and process owners (§4.5): the Director General appointed
the owners of the IQAS processes by two orders in January and took a new specialist into the
internal audit working group by a third; a fourth, giving her a coordinator's role, is a draft
the IQAS owner is still preparing. Seeded before the remaining processes get the demo's owners
(demo.people.process_owners_seed), so the owners end up as before, the first ones by order."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from core.models import Department, Process
from core.roles import Role
from demo.clock import demo_clock
from demo.people import DEMO_PASSWORD, PROCESS_OWNER_EXCEPTIONS, PROCESS_OWNERS
from governance.models import DirectorOrder, OrderLine
from governance.services import orders as services

GRANT = OrderLine.Action.GRANT

NEWCOMER = ("staff2", "Жанар", "Абдыкадырова", "Specialist")


def _newcomer():
    username, first, last, position = NEWCOMER
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@iaar.local",
            "position": position,
            "department": Department.objects.filter(code="strategy").first(),
            "language": "ru",
        },
    )
    if created:
        user.password = make_password(DEMO_PASSWORD, hasher="pbkdf2_sha256_demo")
        user.save()
    return user


def _owner_of(process: Process) -> str | None:
    return PROCESS_OWNER_EXCEPTIONS.get(process.code) or PROCESS_OWNERS.get(process.group)


def _order(
    people: dict, day: datetime.date, title: str, grounds: str, lines: list[dict], *, sign: bool = True
):
    qms, director = people["qms"], people["director"]
    with demo_clock(day) as clock:
        order = services.order_create(actor=qms, title=title, grounds=grounds)
        for line in lines:
            services.order_line_add(order=order, actor=qms, **line)
        if sign:
            clock.advance(days=1, hours=5)
            services.order_sign(order=order, actor=director, password=DEMO_PASSWORD)
    return order


def seed(people: dict) -> None:
    if DirectorOrder.objects.exists():
        return
    year = timezone.localdate().year
    unowned = list(Process.objects.filter(owner__isnull=True))

    def owners(groups: set[str]) -> list[dict]:
        return [
            {"person": people[name], "action": GRANT, "process": process}
            for process in unowned
            if process.group in groups and (name := _owner_of(process)) in people
        ]

    management = owners({Process.Group.MANAGEMENT, Process.Group.RESOURCES, Process.Group.DOCUMENTS})
    if management:
        _order(
            people,
            datetime.date(year, 1, 9),
            "О назначении владельцев процессов управления, ресурсов и управления документацией СВОК",
            "Руководство по системе внутреннего обеспечения качества, раздел 4.5; "
            "решение Наблюдательного совета от 20.12.",
            management,
        )
    main_cycle = owners({Process.Group.MAIN_CYCLE})
    if main_cycle:
        _order(
            people,
            datetime.date(year, 1, 16),
            "О назначении владельцев процессов основного цикла аккредитации",
            "Руководство по СВОК, раздел 4.5.1; карта процессов агентства.",
            main_cycle,
        )
    newcomer = _newcomer()
    _order(
        people,
        datetime.date(year, 2, 3),
        "О включении Абдыкадыровой Ж. в рабочую группу по внутреннему аудиту",
        "Программа внутренних аудитов на текущий год; служебная записка советника по стратегическому развитию.",
        [
            {"person": newcomer, "action": GRANT, "role": Role.STAFF.value},
            {"person": newcomer, "action": GRANT, "role": Role.AUDITOR.value},
        ],
    )
    _order(
        people,
        datetime.date(year, 3, 2),
        "О возложении обязанностей координатора аккредитационных проектов на Абдыкадырову Ж.",
        "Увеличение числа заявок на специализированную аккредитацию.",
        [{"person": newcomer, "action": GRANT, "role": Role.COORDINATOR.value}],
        sign=False,
    )
