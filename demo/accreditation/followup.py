"""Follow-up of the EEC's recommendations in the demo (§6.5.5, §7.2.4): three organizations
under monitoring, each recommendation of their commission's report an item, their progress in
this year's monitoring report (and, for the third, last year's report accepted with its
assessments); the third is on the open council meeting's agenda for its monitoring decision,
so the council reads the summary beside its vote. Texts in the organizations' languages."""

import datetime

from django.utils import timezone

from accreditation import services
from accreditation.models import AccreditationProject, EECReport, FollowupItem, MonitoringTask
from accreditation.services import followup
from accreditation.services.monitoring import monitoring_schedule
from demo.people import grant
from demo.walkthrough import pdf_upload

S = AccreditationProject.Status
P = "post_monitoring"

# Per organization: the recommendations (as the commission wrote them) and this year's progress
# on each: (progress, what was done, evidence link) or None for not reported yet.
KAZNU = [
    (
        "Білім беру бағдарламаларын қайта қарауға студенттер мен жұмыс берушілерді тұрақты тарту.",
        (
            "implemented",
            "Бағдарлама кеңестеріне 12 студент және 8 жұмыс беруші енгізілді.",
            "https://www.kaznu.kz/ru/programme-councils",
        ),
    ),
    (
        "Увеличить долю преподавателей, прошедших стажировку в зарубежных вузах.",
        ("in_progress", "В этом году стажировку прошли 23 преподавателя; план на три года утверждён.", ""),
    ),
    (
        "Опубликовать результаты анкетирования выпускников на сайте университета.",
        ("in_progress", "Анкетирование проведено, отчёт готовится к публикации.", ""),
    ),
    (
        "Внедрить систему антиплагиата для магистерских диссертаций.",
        ("not_started", "Закупка запланирована на следующий финансовый год.", ""),
    ),
    ("Развивать академическую мобильность студентов в рамках программ двойного диплома.", None),
]
KSTU = [
    (
        "Окутуучулардын илимий жарыяланмаларынын санын көбөйтүү.",
        ("in_progress", "Scopus базасындагы макалалар 18ден 27ге көбөйдү.", ""),
    ),
    (
        "Бүтүрүүчүлөрдүн жумушка орношуусун көзөмөлдөө системасын түзүү.",
        ("in_progress", "Бүтүрүүчүлөр менен байланыш базасы түзүлүүдө.", ""),
    ),
    ("Лабораториялык жабдууларды жаңылоо.", None),
    ("Студенттердин өз алдынча иштөөсүнүн көлөмүн ECTS менен шайкеш келтирүү.", None),
]
THIRD = [
    ("Разработать политику академической честности и ознакомить с ней студентов.", "closed"),
    (
        "Обеспечить доступность библиотечных ресурсов для студентов с ограниченными возможностями.",
        "not_confirmed",
    ),
    ("Публиковать отчёт о самооценке на сайте организации.", "implemented"),
    ("Укрепить связь с работодателями через базовые кафедры.", "in_progress"),
]


def _items(project, text_lines, coordinator, today) -> list[FollowupItem]:
    report = EECReport.objects.filter(project=project).first()
    if report is None:
        report = EECReport.objects.create(
            project=project,
            strengths="Сильные связи с работодателями.",
            recommended_outcome="accredit",
            recommended_years=5,
            submitted_at=timezone.now(),
        )
    report.recommendations_eo = "\n".join(f"{n}. {text}" for n, text in enumerate(text_lines, 1))
    report._change_reason = "Demo: the commission's recommendations, one a line"
    report.save()
    return followup.followup_items_make(project=project, actor=coordinator)


def _report(items, plan, rep) -> None:
    for item, (_text, progress) in zip(items, plan, strict=True):
        if progress is None:
            continue
        status, note, link = progress
        followup.followup_report(item=item, actor=rep, status=status, note=note, link=link)


def _third(project, people, rep, coordinator, today) -> None:
    """Two years of monitoring: last year's report accepted with its progress assessed, this
    year's report open with one implementation waiting for assessment."""
    decision = project.decisions.order_by("-decided_on").first()
    if not project.monitoring.exists():
        monitoring_schedule(project=project, decision=decision)
    tasks = list(project.monitoring.filter(kind=MonitoringTask.Kind.ANNUAL_REPORT).order_by("due_on"))
    first, current = tasks[0], tasks[1]
    # Last year's report was due a year ago; this year's in five weeks.
    first.due_on = today - datetime.timedelta(days=330)
    first.save()
    current.due_on = today + datetime.timedelta(days=35)
    current.save()
    items = _items(project, [text for text, _fate in THIRD], coordinator, today)
    last_year = {
        "closed": (
            "implemented",
            "Политика утверждена учёным советом; ознакомлены 2 140 студентов.",
            "https://example.edu.kz/integrity",
        ),
        "not_confirmed": (
            "implemented",
            "Закуплены программы экранного доступа.",
            "https://example.edu.kz/library",
        ),
        "implemented": ("in_progress", "Отчёт переводится на государственный язык.", ""),
        "in_progress": ("in_progress", "Открыты две базовые кафедры.", ""),
    }
    for item, (_text, fate) in zip(items, THIRD, strict=True):
        status, note, link = last_year[fate]
        progress = followup.followup_report(item=item, actor=rep, status=status, note=note, link=link)
        followup.followup_assess(
            progress=progress,
            actor=coordinator,
            confirmed=fate != "not_confirmed",
            note="Пандус и читальный зал не оборудованы; программы экранного доступа — лишь часть требования."
            if fate == "not_confirmed"
            else "",
        )
    services.monitoring_submit(
        task=first, actor=rep, upload=pdf_upload("monitoring-report.pdf", "Monitoring report")
    )
    services.monitoring_review(task=first, actor=coordinator, accepted=True)
    # This year: the self-assessment report now published; the rest still under way.
    followup.followup_report(
        item=items[2],
        actor=rep,
        status="implemented",
        note="Отчёт о самооценке опубликован на трёх языках.",
        link="https://example.edu.kz/self-assessment",
    )
    followup.followup_report(
        item=items[1], actor=rep, status="in_progress", note="Проект пандуса согласован, работы летом."
    )


def seed(people: dict) -> None:
    if FollowupItem.objects.exists():
        return
    today = timezone.localdate()
    rep, coordinator, pm = people["eo"], people["coordinator"], people["pm"]
    driven = list(
        AccreditationProject.objects.filter(status=P, report__submitted_at__isnull=False)
        .select_related("organization")
        .order_by("pk")
    )
    for project, plan in zip(driven, (KAZNU, KSTU), strict=False):
        items = _items(project, [text for text, _progress in plan], coordinator, today)
        _report(items, plan, rep)
    third = (
        AccreditationProject.objects.filter(status=P, report__isnull=True, decisions__outcome="accredit")
        .exclude(organization__in=[p.organization_id for p in driven])
        .order_by("pk")
        .first()
    )
    if third is None:
        return
    services.representative_add(organization=third.organization, actor=pm, user=rep)
    rep = type(rep).objects.get(pk=rep.pk)
    if coordinator.pk != third.coordinator_id:
        third.coordinator = coordinator
        third.save(update_fields=["coordinator"])
    for user in (rep, coordinator):
        grant(user, "accreditation.view_accreditationproject", third)
    _third(third, people, rep, coordinator, today)
    # The council decides on its monitoring at the open meeting: keep, suspend or revoke.
    from accreditation.models import CouncilMeeting

    meeting = CouncilMeeting.objects.filter(status=CouncilMeeting.Status.OPEN).order_by("-date").first()
    if meeting is not None:
        services.agenda_add(meeting=meeting, actor=people["secretary"], project=third)
