"""The agency's staff (§4.5.1, §5.2): 25 people in 18 positions, each position with its job
description; hiring and probation; last year's appraisals signed and this year's goals set; the
training plan with its attendance and certificates, two trainings due for the heads'
effectiveness check and one found ineffective; the experts' seminars with their certificates
(one expert's expired); and the code of ethics, accepted by everyone for its first edition and
by all but two for the edition in force.

Idempotent: nothing is made again once the positions exist. Free text is in the agency's
languages (ru/kk/ky); titles are stored in each of them.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.models import Department
from core.roles import Role
from core.services import user_set_roles
from demo.documents import _agree_all, _approve, _pdf, _review, _walk, simple_pdf
from demo.people import DEMO_PASSWORD
from documents import services as documents
from documents.models import Document
from people.models import Position, TrainingPlan
from people.services import ethics, positions, training

# username, first name, last name, department: the people the demo adds to its agency.
NEW_STAFF = [
    ("deputy", "Yerlan", "Abdrakhmanov", "management"),
    ("lawyer", "Aizhan", "Kenzhebaeva", "legal"),
    ("acchead", "Bakhyt", "Sarsenbaev", "accreditation"),
    ("pm2", "Madina", "Zhaksylykova", "accreditation"),
    ("pm3", "Ruslan", "Kadyrov", "accreditation"),
    ("coord2", "Aida", "Mamytova", "accreditation"),
    ("coord3", "Nursultan", "Beishenaliev", "accreditation"),
    ("spec2", "Kamila", "Utepova", "accreditation"),
    ("spec3", "Dastan", "Asanov", "accreditation"),
    ("intlhead", "Gaukhar", "Nurlanova", "management"),
    ("intlspec", "Timur", "Dzhumabekov", "management"),
    ("chiefacc", "Raushan", "Tokhtarova", "management"),
    ("accountant", "Elmira", "Sultanbekova", "management"),
    ("it", "Arman", "Zhumagulov", "management"),
    ("pr", "Ainura", "Toktogulova", "strategy"),
    ("office", "Zhanna", "Ibraeva", "management"),
]

# code, English, Russian, Kazakh, Kyrgyz, reports to, holders
POSITIONS = [
    ("dg", "Director General", "Генеральный директор", "Бас директор", "Башкы директор", None, ["director"]),
    (
        "deputy",
        "Deputy Director General",
        "Заместитель генерального директора",
        "Бас директордың орынбасары",
        "Башкы директордун орун басары",
        "dg",
        ["deputy"],
    ),
    (
        "adviser",
        "Advisor for strategic development",
        "Советник по стратегическому развитию",
        "Стратегиялық даму жөніндегі кеңесші",
        "Стратегиялык өнүктүрүү боюнча кеңешчи",
        "dg",
        ["qms"],
    ),
    (
        "legal-head",
        "Head of the legal department",
        "Руководитель юридического департамента",
        "Заң департаментінің басшысы",
        "Юридикалык департаменттин жетекчиси",
        "dg",
        ["legal"],
    ),
    ("lawyer", "Lawyer", "Юрист", "Заңгер", "Юрист", "legal-head", ["auditor2", "lawyer"]),
    (
        "acc-head",
        "Head of the department of accreditation",
        "Руководитель департамента аккредитации",
        "Аккредиттеу департаментінің басшысы",
        "Аккредитациялоо департаментинин жетекчиси",
        "deputy",
        ["acchead"],
    ),
    (
        "pm",
        "Project manager",
        "Менеджер проектов",
        "Жобалар менеджері",
        "Долбоорлордун менеджери",
        "acc-head",
        ["pm", "pm2", "pm3"],
    ),
    (
        "coordinator",
        "Coordinator",
        "Координатор",
        "Үйлестіруші",
        "Координатор",
        "acc-head",
        ["coordinator", "coord2", "coord3"],
    ),
    (
        "secretary",
        "Secretary of the Accreditation Council",
        "Секретарь Аккредитационного совета",
        "Аккредиттеу кеңесінің хатшысы",
        "Аккредитациялык кеңештин катчысы",
        "deputy",
        ["secretary"],
    ),
    (
        "quality",
        "Quality specialist (internal auditor)",
        "Специалист по качеству (внутренний аудитор)",
        "Сапа жөніндегі маман (ішкі аудитор)",
        "Сапат боюнча адис (ички аудитор)",
        "adviser",
        ["auditor"],
    ),
    (
        "specialist",
        "Specialist of the department of accreditation",
        "Специалист департамента аккредитации",
        "Аккредиттеу департаментінің маманы",
        "Аккредитациялоо департаментинин адиси",
        "acc-head",
        ["staff", "spec2", "spec3"],
    ),
    (
        "intl-head",
        "Head of international cooperation",
        "Руководитель отдела международного сотрудничества",
        "Халықаралық ынтымақтастық бөлімінің басшысы",
        "Эл аралык кызматташтык бөлүмүнүн жетекчиси",
        "deputy",
        ["intlhead"],
    ),
    (
        "intl-spec",
        "International cooperation specialist",
        "Специалист по международному сотрудничеству",
        "Халықаралық ынтымақтастық жөніндегі маман",
        "Эл аралык кызматташтык боюнча адис",
        "intl-head",
        ["intlspec"],
    ),
    (
        "chief-acc",
        "Chief accountant",
        "Главный бухгалтер",
        "Бас бухгалтер",
        "Башкы эсепчи",
        "dg",
        ["chiefacc"],
    ),
    ("accountant", "Accountant", "Бухгалтер", "Бухгалтер", "Эсепчи", "chief-acc", ["accountant"]),
    ("it", "IT specialist", "ИТ-специалист", "АТ маманы", "IT адиси", "deputy", ["it"]),
    (
        "pr",
        "Public information manager",
        "Менеджер по связям с общественностью",
        "Қоғаммен байланыс жөніндегі менеджер",
        "Коомчулук менен байланыш боюнча менеджер",
        "adviser",
        ["pr"],
    ),
    ("office", "Office manager", "Офис-менеджер", "Кеңсе менеджері", "Кеңсе менеджери", "deputy", ["office"]),
]


def _staff(people: dict) -> None:
    User = get_user_model()
    departments = {d.code: d for d in Department.objects.all()}
    for username, first, last, dept in NEW_STAFF:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@iaar.local",
                "department": departments.get(dept),
                "language": "ru",
            },
        )
        if created:
            user.password = make_password(DEMO_PASSWORD, hasher="pbkdf2_sha256_demo")
            user.save()
            user_set_roles(user=user, roles=[Role.STAFF])
        people[username] = user


def _positions(people: dict, today: datetime.date) -> dict[str, Position]:
    qms = people["qms"]
    made: dict[str, Position] = {}
    for number, (code, en, ru, kk, ky, parent, holders) in enumerate(POSITIONS):
        document = documents.document_create(
            actor=qms,
            title=f"Job description: {en}",
            title_ru=f"Должностная инструкция: {ru}",
            title_kk=f"Лауазымдық нұсқаулық: {kk}",
            title_ky=f"Кызматтык нускама: {ky}",
            doc_type=Document.Type.JOB_DESCRIPTION,
            owner=qms,
            upload=_pdf(f"Job description {code}", "1.0", "3. Requirements of the position."),
            change_summary="Первая редакция.",
            confidentiality=Document.Confidentiality.INTERNAL,
            department=people["qms"].department,
        )
        _walk(document, "effective", people)
        made[code] = positions.position_create(
            actor=qms,
            code=code,
            title=en,
            title_ru=ru,
            title_kk=kk,
            title_ky=ky,
            reports_to=made.get(parent),
            job_description=Document.objects.get(pk=document.pk),
            department=people[holders[0]].department,
        )
        for place, username in enumerate(holders):
            since = today - datetime.timedelta(days=2200 - 90 * number - 40 * place)
            positions.holder_appoint(
                actor=qms,
                position=made[code],
                person=people[username],
                since=since,
                grounds=f"Приказ № {100 + number}-к",
            )
    return made


def _hirings(people: dict, made: dict, today: datetime.date) -> None:
    qms, deputy = people["qms"], people["deputy"]
    # The office manager joined two months ago and is on probation; the IT specialist passed.
    positions.hiring_record(
        actor=qms,
        person=people["office"],
        position=made["office"],
        hired_on=today - datetime.timedelta(days=60),
        probation_until=today + datetime.timedelta(days=30),
        selection_note="Конкурс: 4 кандидата, собеседование с заместителем генерального директора.",
    )
    it = positions.hiring_record(
        actor=qms,
        person=people["it"],
        position=made["it"],
        hired_on=today - datetime.timedelta(days=400),
        probation_until=today - datetime.timedelta(days=310),
        selection_note="Конкурс: 3 кандидата, тестовое задание по порталу СВОК.",
    )
    positions.probation_decide(
        actor=deputy,
        hiring=it,
        decision="confirmed",
        note="Сынақ мерзімі сәтті өтті: портал мен резервтік көшіру жұмыс істейді.",
    )


def _appraisals(people: dict, today: datetime.date) -> None:
    last = today.year - 1
    for person, head, result in (("pm", "acchead", "exceeds"), ("coordinator", "acchead", "meets")):
        appraisal = positions.appraisal_open(
            actor=people[head],
            person=people[person],
            year=last,
            goals="Провести 6 аккредитаций в срок; без замечаний внутренней экспертизы к отчётам ВЭК.",
        )
        positions.appraisal_sign(
            actor=people[head],
            appraisal=appraisal,
            result=result,
            assessment="Цели года выполнены: 6 аккредитаций, отчёты ВЭК приняты без замечаний.",
            password=DEMO_PASSWORD,
        )
    # This year's goals, the result to be signed by the head at the end of the year.
    for person, head, goals in (
        ("pm", "acchead", "Жыл ішінде 7 аккредиттеу жобасын уақытында аяқтау."),
        ("staff", "acchead", "Тизилимди өз убагында жаңыртуу жана 2 семинарга катышуу."),
        ("auditor", "qms", "Провести ежегодный внутренний аудит по всем ключевым процессам."),
    ):
        positions.appraisal_open(actor=people[head], person=people[person], year=today.year, goals=goals)


def _plan(people: dict, year: int) -> TrainingPlan:
    plan = TrainingPlan.objects.filter(year=year).first()
    return plan or training.plan_create(actor=people["qms"], year=year)


def _certificate(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"{name}.pdf", simple_pdf(["IAAR", "Certificate", name]), "application/pdf")


# English, Russian, Kazakh, Kyrgyz, kind, audience, ended days ago, length, check after, trainer,
# attendees
TRAININGS = [
    (
        "Internal auditor of a quality management system (ISO 19011)",
        "Внутренний аудитор системы менеджмента качества (ISO 19011)",
        "Сапа менеджменті жүйесінің ішкі аудиторы (ISO 19011)",
        "Сапат менеджмент системасынын ички аудитору (ISO 19011)",
        "course",
        "staff",
        120,
        3,
        90,
        "ТОО «Сапа Консалтинг», Ж. Каримова",
        ["auditor", "auditor2", "lawyer"],
    ),
    (
        "ESG 2015 and the IAAR standards",
        "ESG 2015 и стандарты НААР",
        "ESG 2015 және НААР стандарттары",
        "ESG 2015 жана НААР стандарттары",
        "seminar",
        "staff",
        100,
        2,
        60,
        "Д. Тулегенова",
        ["coordinator", "coord2", "coord3", "spec2"],
    ),
    (
        "Risk management in the IQAS",
        "Управление рисками в СВОК",
        "ІСҚЖ-дағы тәуекелдерді басқару",
        "СИККСтагы тобокелдиктерди башкаруу",
        "course",
        "staff",
        200,
        2,
        90,
        "Б. Сарсенбаев",
        ["pm", "pm2"],
    ),
    (
        "Personal data protection",
        "Защита персональных данных",
        "Дербес деректерді қорғау",
        "Жеке маалыматтарды коргоо",
        "seminar",
        "staff",
        -20,
        1,
        90,
        "М. Оспанов",
        [],
    ),
]


def _trainings(people: dict, today: datetime.date) -> None:
    qms = people["qms"]
    for en, ru, kk, ky, kind, audience, ago, days, after, trainer, attendees in TRAININGS:
        ends = today - datetime.timedelta(days=ago)
        starts = ends - datetime.timedelta(days=days - 1)
        item = training.training_add(
            actor=qms,
            plan=_plan(people, starts.year),
            title=en,
            title_ru=ru,
            title_kk=kk,
            title_ky=ky,
            kind=kind,
            audience=audience,
            starts_on=starts,
            ends_on=ends,
            trainer=trainer,
            check_after_days=after,
        )
        for username in attendees:
            attendance = training.attendance_record(actor=qms, training=item, person=people[username])
            if kind == "course":
                training.certificate_add(
                    actor=qms,
                    attendance=attendance,
                    upload=_certificate(f"{username}-{starts.isoformat()}"),
                    issued_on=ends,
                    expires_on=ends + datetime.timedelta(days=3 * 365),
                    number=f"SK-{starts.year}-{attendance.pk:03d}",
                )
        if en.startswith("Risk management"):
            # Checked by the head: effective for one, not for the other (a new need is raised).
            first, second = item.attendances.order_by("pk")
            training.effectiveness_check(
                actor=people["acchead"],
                attendance=first,
                effective=True,
                evidence="Реестр рисков проектов ведётся ежемесячно, два риска закрыты мерами.",
            )
            training.effectiveness_check(
                actor=people["acchead"],
                attendance=second,
                effective=False,
                evidence="Долбоордун тобокелдиктери реестрге киргизилген жок; кайра окутуу керек.",
            )
        # The ISO 19011 course and the ESG seminar are left for the heads' check: due now.


# The experts' seminars: who attended, and how long ago their certificate was issued (days);
# certificates are valid two years, so the third expert's has expired.
SEMINARS = [
    (
        "Seminar for external experts: institutional accreditation",
        "Семинар для внешних экспертов: институциональная аккредитация",
        "Сыртқы сарапшыларға арналған семинар: институционалдық аккредиттеу",
        "Тышкы эксперттер үчүн семинар: институционалдык аккредитациялоо",
        150,
        ["expert", "expert2"],
    ),
    (
        "Seminar for external experts: the EEC's report",
        "Семинар для внешних экспертов: отчёт ВЭК",
        "Сыртқы сарапшыларға арналған семинар: СЭК есебі",
        "Тышкы эксперттер үчүн семинар: ТЭКтин отчету",
        745,
        ["expert3"],
    ),
]


def _seminars(people: dict, today: datetime.date) -> None:
    pm = people["pm"]
    for en, ru, kk, ky, ago, attendees in SEMINARS:
        day = today - datetime.timedelta(days=ago)
        seminar = training.training_add(
            actor=pm,
            plan=_plan(people, day.year),
            title=en,
            title_ru=ru,
            title_kk=kk,
            title_ky=ky,
            kind="expert_seminar",
            audience="experts",
            starts_on=day,
            ends_on=day,
            trainer="С. Ахметова",
            check_after_days=180,
        )
        for username in attendees:
            if not hasattr(people[username], "expert_profile"):
                continue
            attendance = training.attendance_record(actor=pm, training=seminar, person=people[username])
            training.certificate_add(
                actor=pm,
                attendance=attendance,
                upload=_certificate(f"{username}-seminar-{day.isoformat()}"),
                issued_on=day,
                expires_on=day + datetime.timedelta(days=2 * 365),
                number=f"EXP-{day.year}-{attendance.pk:03d}",
            )


# Who has not yet accepted the edition of the code of ethics in force.
NOT_YET_ACCEPTED = ("staff", "expert2")


def _code_of_ethics(people: dict) -> None:
    from people.selectors.ethics import bound_by_code

    document = Document.objects.filter(title="Code of ethics of external experts").first()
    if document is None or document.effective_version_id is None:
        return
    ethics.code_set(actor=people["qms"], document=document)
    bound = list(bound_by_code())
    for person in bound:
        ethics.ethics_accept(actor=person, password=DEMO_PASSWORD)
    # A new edition comes into force: everyone is asked again.
    revision = documents.version_create(
        document=document,
        actor=document.owner,
        upload=_pdf(document.title, "2.0", "4. New: conflicts of interest online."),
        change_summary="Новая редакция: конфликт интересов при дистанционных визитах.",
        major=True,
    )
    _review(revision, [people["legal"]])
    _agree_all(revision)
    _approve(revision, people)
    for person in bound:
        if person.username not in NOT_YET_ACCEPTED:
            ethics.ethics_accept(actor=person, password=DEMO_PASSWORD)


def seed(people: dict) -> None:
    if Position.objects.exists():
        return
    today = timezone.localdate()
    _staff(people)
    made = _positions(people, today)
    _hirings(people, made, today)
    _appraisals(people, today)
    _trainings(people, today)
    _seminars(people, today)
    _code_of_ethics(people)
