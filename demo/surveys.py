"""Demo surveys: the manual's five forms, then two years of campaigns with responses.

Each visit of 2025 and 2026 is told at its own dates (``demo/clock.py``) through the same
services a person uses: the student and teaching-staff questionnaires answered through the
campaign's public link during the visit, then the organization's satisfaction survey, the
experts' feedback and the coordinator's evaluation of each expert after it. Answers are drawn
from a seeded random generator around each organization's own level, so the figures differ
believably and are the same on every install. One small student group stays below the minimum
size (its figures hidden); the 2025 summary is published; the latest visit's campaigns are open,
some invitations still unanswered.
"""

import datetime
import random

from surveys.models import campaign_title
from surveys.services import survey_seed

D = datetime.date

# (visit day, organization name, its level on 1–5, students, teaching staff who answer)
VISITS = [
    (D(2025, 2, 18), "Abai Kazakh National Pedagogical University", 4.2, 18, 9),
    (D(2025, 4, 8), "Pavlodar Pedagogical University", 3.8, 12, 6),
    (D(2025, 5, 20), "Karaganda Higher Polytechnic College", 3.5, 3, 5),  # a group too small to show
    (D(2025, 10, 7), "Kazakh Academy of Sport and Tourism", 4.0, 14, 7),
    (D(2025, 11, 18), "Osh State University", 3.7, 10, 6),
    (D(2026, 2, 17), "Academy of Public Administration", 4.4, 16, 8),
    (D(2026, 4, 14), "Shymkent Medical College", 3.9, 11, 5),
    (D(2026, 6, 2), "Kyrgyz State Medical Academy", 4.1, 13, 4),  # staff group too small to show
    (D(2026, 10, 6), "Astana Polytechnic College", 4.3, 15, 8),
]
# What the published 2025 summaries add to the numbers.
FOLLOW_UP = {
    "student": "The university is acting on the two points students raised most often: practice "
    "placements and the library's opening hours.",
    "teaching-staff": "The university has agreed to review the teaching load of staff who lead research "
    "projects.",
}
# The visit whose surveys are still open: the live demo project that has had its visit.
OPEN_VISIT = ("Narxoz University", 4.0, 9, 5)

TEXTS = {
    "student": {
        "ru": [
            "Хотелось бы больше практики на предприятиях.",
            "Преподаватели всегда готовы помочь и объяснить.",
            "Нужно обновить компьютерные классы.",
            "Библиотека закрывается в 18:00 — это неудобно.",
            "Расписание часто меняется в последний момент.",
            "Очень нравится программа академической мобильности.",
            "Мало курсов по выбору на английском языке.",
        ],
        "kk": [
            "Оқытушылар сабақты қызықты өткізеді.",
            "Жатақханада орын жетіспейді.",
            "Кітапханада қазақ тіліндегі әдебиет аз.",
            "Практика базалары жақсы ұйымдастырылған.",
        ],
    },
    "teaching-staff": {
        "ru": [
            "Высокая учебная нагрузка не оставляет времени на науку.",
            "Нужны курсы повышения квалификации по цифровым технологиям.",
            "Администрация открыта к предложениям преподавателей.",
            "Оплата труда не соответствует нагрузке.",
        ],
        "kk": [
            "Ғылыми жобаларға қолдау көрсетіледі.",
            "Академиялық еркіндік жеткілікті.",
        ],
    },
    "eo-satisfaction": {
        "ru": [
            "Эксперты работали профессионально и доброжелательно.",
            "Хотелось бы получить проект отчёта ВЭК раньше.",
            "Организация визита была чёткой, спасибо координатору.",
        ],
        "kk": ["Сыртқы сараптама комиссиясы кәсіби деңгейде жұмыс істеді."],
    },
    "expert-feedback": {
        "ru": [
            "Материалы самооценки пришли поздно, времени на изучение было мало.",
            "Координатор хорошо организовал работу комиссии.",
            "Нужно больше времени на встречи со студентами.",
        ],
        "kk": ["Кездесулер кестесі тығыз болды."],
    },
    "eec-evaluation": {
        "ru": [
            "Раздел отчёта сдан вовремя и хорошо обоснован.",
            "Активно участвовал в интервью с работодателями.",
            "Задержал свой раздел отчёта на два дня.",
        ],
        "kk": ["Сұхбаттарға белсенді қатысты."],
    },
}


def _answers(version_questions, rng: random.Random, level: float, code: str, *, talkative: float = 0.45):
    """One filled-in form: a mark around the level (each question a little above or below it),
    a choice, sometimes a written answer in Russian or Kazakh."""
    data = {}
    for question in version_questions:
        key = f"q{question.pk}"
        # Each question has its own lean, the same everywhere: some things are rated lower.
        lean = (random.Random(question.key).random() - 0.5) * 0.8
        if question.kind == "likert":
            data[key] = str(min(5, max(1, round(rng.gauss(level + lean, 0.75)))))
        elif question.kind == "nps":
            data[key] = str(min(10, max(0, round(rng.gauss(level * 2 + lean, 1.4)))))
        elif question.kind == "single":
            values = [o["value"] for o in question.options]
            weights = [len(values) - n for n in range(len(values))]
            data[key] = rng.choices(values, weights=weights)[0]
        elif question.kind == "multiple":
            values = [o["value"] for o in question.options]
            data[key] = rng.sample(values, k=min(len(values), rng.randint(1, 3)))
        elif question.required or rng.random() < talkative:
            language = "kk" if rng.random() < 0.35 else "ru"
            data[key] = rng.choice(TEXTS[code][language])
    return data


# The lowest satisfaction index (%) the IQAS owner wants of each survey, both demo years.
SATISFACTION_TARGETS = {
    "eo-satisfaction": 75,
    "expert-feedback": 70,
    "eec-evaluation": 70,
    "student": 75,
    "teaching-staff": 75,
}


def seed(people: dict) -> None:
    survey_seed()
    _campaigns(people)
    _targets(people)


def _targets(people: dict) -> None:
    from django.utils import timezone

    from demo.people import DEMO_PASSWORD
    from surveys.models import SatisfactionTarget, Survey
    from surveys.services import satisfaction_target_approve, satisfaction_target_propose

    if SatisfactionTarget.objects.exists():
        return
    year = timezone.localdate().year
    # The IQAS owner proposes, the Director General approves with a signature (§4.1); one
    # proposal for next year waits on the Director General's task list.
    for survey in Survey.objects.filter(code__in=SATISFACTION_TARGETS):
        for target_year in (year - 1, year):
            target = satisfaction_target_propose(
                actor=people["qms"],
                survey=survey,
                year=target_year,
                target_percent=SATISFACTION_TARGETS[survey.code],
            )
            satisfaction_target_approve(target=target, actor=people["director"], password=DEMO_PASSWORD)
    first = Survey.objects.filter(code__in=SATISFACTION_TARGETS).order_by("code").first()
    if first is not None:
        satisfaction_target_propose(
            actor=people["qms"],
            survey=first,
            year=year + 1,
            target_percent=SATISFACTION_TARGETS[first.code] + 5,
        )


def _campaigns(people: dict) -> None:
    from django.utils import timezone

    from accreditation.models import AccreditationProject, Expert, Organization
    from demo.clock import demo_clock
    from surveys import selectors, services
    from surveys.models import Campaign, Question, Survey
    from surveys.services import campaign_close, campaign_open, invitation_add, response_submit

    if Campaign.objects.filter(opens_on__lt=D(2026, 11, 1)).exists():
        return  # told already
    surveys = {s.code: s for s in Survey.objects.all()}
    codes = ("eo-satisfaction", "expert-feedback", "eec-evaluation", "student", "teaching-staff")
    if any(code not in surveys for code in codes):
        return
    questions = {
        code: list(
            Question.objects.filter(
                section__version__survey=surveys[code], section__version__status="published"
            )
        )
        for code in codes
    }
    experts = list(
        Expert.objects.filter(user__username__in=["expert", "expert2", "expert3"]).select_related("user")
    )
    organizations = {
        o.name: o for o in Organization.objects.filter(name__in=[v[1] for v in VISITS] + [OPEN_VISIT[0]])
    }
    rng = random.Random(2025)
    qms, coordinator, eo = people["qms"], people["coordinator"], people["eo"]

    def answer(token, code, level, language="ru"):
        response_submit(token=token, data=_answers(questions[code], rng, level, code), language=language)

    def visit(day, organization, level, students, staff, *, project=None, open_now=False):
        name = organization.name
        with demo_clock(day) as clock:
            during = {
                code: campaign_open(
                    actor=qms,
                    survey=surveys[code],
                    title=campaign_title(title, name),
                    opens_on=day,
                    closes_on=day + datetime.timedelta(days=2),
                    project=project,
                    organization=organization,
                    public_link=True,
                )
                for code, title in (
                    ("student", "Students during the EEC visit: %(name)s"),
                    ("teaching-staff", "Teaching staff during the EEC visit: %(name)s"),
                )
            }
            for code, count in (("student", students), ("teaching-staff", staff)):
                for n in range(count):
                    clock.at(day + datetime.timedelta(days=n % 3), hour=9 + n % 8)
                    answer(during[code].public_token, code, level, "kk" if n % 3 == 0 else "ru")
            after = day + datetime.timedelta(days=3)
            clock.at(after)
            for campaign in during.values():
                campaign_close(campaign=campaign)  # the visit is over
            closes_on = after + datetime.timedelta(days=21)
            eo_campaign = campaign_open(
                actor=None,
                survey=surveys["eo-satisfaction"],
                title=campaign_title("Satisfaction after accreditation: %(name)s", name),
                opens_on=after,
                closes_on=closes_on,
                project=project,
                organization=organization,
            )
            feedback = campaign_open(
                actor=None,
                survey=surveys["expert-feedback"],
                title=campaign_title("Expert feedback on the visit: %(name)s", name),
                opens_on=after,
                closes_on=closes_on,
                project=project,
                organization=organization,
            )
            evaluation = campaign_open(
                actor=None,
                survey=surveys["eec-evaluation"],
                title=campaign_title("Evaluation of the EEC: %(name)s", name),
                opens_on=after,
                closes_on=closes_on,
                project=project,
                organization=organization,
            )
            invited = [
                ("eo-satisfaction", invitation_add(campaign=eo_campaign, person=eo, send=open_now)),
                *[
                    ("expert-feedback", invitation_add(campaign=feedback, person=e.user, send=open_now))
                    for e in experts
                ],
                *[
                    (
                        "eec-evaluation",
                        invitation_add(
                            campaign=evaluation, person=coordinator, about_expert=e, send=open_now
                        ),
                    )
                    for e in experts
                ],
            ]
            for n, (code, invitation) in enumerate(invited):
                # Most answer within two weeks; now and then one does not (and, while open, more).
                if rng.random() < (0.45 if open_now else 0.12):
                    continue
                clock.at(after + datetime.timedelta(days=1 + n % 10 if not open_now else 0), hour=11 + n % 6)
                answer(invitation.token, code, level + rng.uniform(-0.3, 0.3))
            if not open_now:
                clock.at(closes_on + datetime.timedelta(days=1), hour=0)
                for campaign in (eo_campaign, feedback, evaluation):
                    campaign_close(campaign=campaign)
        return during

    published = None
    for day, name, level, students, staff in VISITS:
        organization = organizations.get(name)
        if organization is None:
            continue
        project = (
            AccreditationProject.objects.filter(organization=organization, visit__isnull=True)
            .order_by("pk")
            .first()
        )
        during = visit(day, organization, level, students, staff, project=project)
        if published is None:
            published = during
    # The 2025 summary of the first visit's questionnaires, published on the public site.
    if published:
        with demo_clock(D(2025, 12, 10)):
            for campaign in published.values():
                campaign.refresh_from_db()
                services.summary_publish(
                    campaign=campaign,
                    actor=qms,
                    text=f"{selectors.summary_draft(campaign)} {FOLLOW_UP[campaign.version.survey.code]}",
                )
    # The latest visit: its campaigns are open today.
    name, level, students, staff = OPEN_VISIT
    organization = organizations.get(name)
    if organization is not None:
        project = AccreditationProject.objects.filter(organization=organization).order_by("-pk").first()
        today = timezone.localdate()
        visit(
            today - datetime.timedelta(days=4),
            organization,
            level,
            students,
            staff,
            project=project,
            open_now=True,
        )


def seed_scale(n: int, *, owner) -> int:
    """Benchmark rows: one closed, anonymous student campaign with n responses (every question
    answered, a written answer in one of five), in bulk, for the results pages and exports."""
    from django.utils import timezone

    from surveys.models import Answer, Campaign, Response, Survey, SurveyVersion
    from surveys.selectors import version_sheet
    from surveys.services import campaign_close, campaign_open

    if n <= 0 or Campaign.objects.filter(title="Benchmark campaign").exists():
        return 0
    survey_seed()
    survey = Survey.objects.get(code="student")
    today = timezone.localdate()
    campaign = campaign_open(
        actor=owner,
        survey=survey,
        title="Benchmark campaign",
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today,
        public_link=True,
    )
    version = SurveyVersion.objects.get(pk=campaign.version_id)
    questions = [q for _section, rows in version_sheet(version) for q in rows]
    by_key = {f"q{q.pk}": q for q in questions}
    rng = random.Random(n)
    made = 0
    for start in range(0, n, 2000):
        responses = [
            Response(campaign=campaign, submitted_on=today - datetime.timedelta(days=rng.randint(0, 29)))
            for _ in range(min(2000, n - start))
        ]
        Response.objects.bulk_create(responses)
        answers = []
        for response in responses:
            for key, raw in _answers(questions, rng, 3.9, "student", talkative=0.2).items():
                question = by_key[key]
                if question.kind in ("likert", "nps"):
                    answers.append(Answer(response=response, question=question, number=int(raw)))
                elif question.kind in ("single", "multiple"):
                    answers.append(
                        Answer(
                            response=response,
                            question=question,
                            choices=raw if isinstance(raw, list) else [raw],
                        )
                    )
                else:
                    answers.append(Answer(response=response, question=question, text=raw))
        Answer.objects.bulk_create(answers, batch_size=5000)
        made += len(responses)
    campaign_close(campaign=campaign, actor=owner)
    return made
