"""Demo development of a standard (§6.3): a new edition of the programme standards drafted by a
working group, its plan with the inputs register, and its public consultation, open today, with
twelve comments of the stakeholders in the agency's languages: some answered and accepted or
rejected, some still to be answered, two awaiting moderation and one hidden. The working group's
secretary (staff) finds them on the dashboard."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from demo.clock import demo_clock
from demo.documents import simple_pdf
from documents import services as documents
from documents.models import Document
from documents.workflow import IN_PROGRESS
from governance.models.bodies import Body
from governance.models.standards_dev import DevelopmentPlan
from governance.services import bodies
from governance.services import standards_dev as services

SPECIALIZED = "Standards of specialized accreditation of educational programmes"
POSTGRADUATE = "Standards of specialized accreditation of postgraduate educational programmes"
GROUP = "Рабочая группа по стандартам специализированной аккредитации"

SECTIONS = [
    (
        "1",
        "Управление образовательной программой",
        "1.1. Организация образования имеет опубликованную политику обеспечения качества программы.\n"
        "1.2. Руководство программы демонстрирует участие работодателей и обучающихся в её управлении.",
    ),
    (
        "2",
        "Разработка и утверждение программы",
        "2.1. Результаты обучения сформулированы с учётом профессиональных стандартов и НРК.\n"
        "2.2. Программа проходит внешнюю экспертизу до утверждения.",
    ),
    (
        "3",
        "Студентоцентрированное обучение и оценивание",
        "3.1. Методы обучения и оценивания соответствуют результатам обучения.\n"
        "3.2. Процедуры апелляции по результатам оценивания опубликованы.",
    ),
    (
        "4",
        "Преподавательский состав",
        "4.1. Организация обеспечивает профессиональное развитие преподавателей.\n"
        "4.2. Доля преподавателей-практиков не ниже установленной в положении.",
    ),
    (
        "5",
        "Информирование общественности",
        "5.1. Отчёт о самооценке и решение об аккредитации публикуются на сайте организации.",
    ),
]

INPUTS = [
    (
        "legislation",
        "Закон Республики Казахстан «Об образовании»",
        "https://adilet.zan.kz/rus/docs/Z070000319_",
        "",
    ),
    (
        "legislation",
        "Кыргыз Республикасынын «Билим берүү жөнүндө» Мыйзамы",
        "https://cbd.minjust.gov.kg/",
        "",
    ),
    (
        "esg",
        "Стандарты и руководства для обеспечения качества в ЕПВО (ESG 2015)",
        "https://www.enqa.eu/esg-standards-and-guidelines/",
        "Части 1 и 2: стандарты 1.1–1.10 отражены в разделах 1–5.",
    ),
    ("network", "Рекомендации ENQA по итогам внешнего обзора НААР", "", "Усилить участие студентов."),
    (
        "stakeholder",
        "Предложения Совета работодателей (письмо № 12-04/118)",
        "",
        "Доля практиков среди преподавателей.",
    ),
    (
        "monitoring",
        "Анализ отчётов ВЭК за 2025 год: типичные рекомендации",
        "",
        "Слабое место — результаты обучения.",
    ),
    ("archive", "Стандарты, редакция 1.0", "", "Сохраняются разделы 1–5, меняется их содержание."),
]

# section, name, organization, e-mail, constituency, text, what happens to it
COMMENTS = [
    (
        "2",
        "Айгуль Сейткали",
        "КазНУ им. аль-Фараби",
        "a.seitkali@kaznu.example",
        "academic",
        "Предлагаем в п. 2.1 прямо сослаться на Дублинские дескрипторы.",
        "accepted",
    ),
    (
        "4",
        "Ерлан Жумабаев",
        "Палата предпринимателей «Атамекен»",
        "",
        "employer",
        "Оқытушы-практиктердің ең төменгі үлесін стандартта нақты көрсету керек (кемінде 20%).",
        "accepted",
    ),
    (
        "3",
        "Нурбек Асанов",
        "Кыргыз улуттук университети",
        "",
        "academic",
        "3.2-пунктта апелляция мөөнөтүн көрсөтүү сунушталат: 10 жумуш күнүнөн ашпоого тийиш.",
        "accepted",
    ),
    (
        "1",
        "Данияр Токаев",
        "Студенческий альянс",
        "",
        "student",
        "Обучающиеся должны входить в совет программы с правом голоса, а не совещательным.",
        "accepted",
    ),
    (
        "5",
        "Мадина Ермекова",
        "",
        "",
        "other",
        "Предлагаю публиковать и полный отчёт ВЭК, а не только решение.",
        "rejected",
    ),
    (
        "4",
        "Жанар Омарова",
        "Алматинский технологический университет",
        "",
        "institution",
        "Требование о практиках невыполнимо для фундаментальных специальностей.",
        "rejected",
    ),
    (
        "2",
        "Айпери Жолдошева",
        "Ош мамлекеттик университети",
        "",
        "academic",
        "2.2-пункттагы тышкы экспертизага ким кирерин тактоо керек.",
        "answered",
    ),
    (
        "3",
        "Асель Нурланова",
        "",
        "",
        "student",
        "Студенттер үшін бағалау критерийлері курс басталғанға дейін жариялануы тиіс.",
        "published",
    ),
    (
        "1",
        "Thomas Becker",
        "Akkreditierungsrat",
        "",
        "expert",
        "Рекомендуем указать связь политики качества с миссией организации.",
        "published",
    ),
    (
        "5",
        "Гульмира Серикова",
        "Министерство науки и высшего образования РК",
        "",
        "authority",
        "Просим согласовать сроки публикации с правилами ведения реестра.",
        "pending",
    ),
    (
        "2",
        "Бакыт Мамбетов",
        "Колледж «Билим»",
        "",
        "institution",
        "Колледждер үчүн өзүнчө талаптар керекпи? Бул стандарт жогорку окуу жайларга гана тиешелүүбү?",
        "pending",
    ),
    ("3", "Курсы дешево", "", "", "other", "Дипломдук иштер арзан баада! Сайтка кириңиз.", "hidden"),
]

ANSWERS = {
    "accepted": (
        "Спасибо, предложение учтено в новой редакции.",
        "Соответствует ESG 1.2 и поддержано рабочей группой.",
    ),
    "rejected": (
        "Благодарим за предложение; рабочая группа его рассмотрела.",
        "Выходит за рамки стандарта: регулируется Положением о публикации.",
    ),
    "answered": ("Состав экспертизы определяется Положением о ВЭК; ссылка будет добавлена.", ""),
}


def _document(people) -> Document | None:
    """The programme standards' new edition, or (while their first edition is still on its way
    to approval) the postgraduate programme standards' first one."""
    document = Document.objects.filter(title=SPECIALIZED).first()
    upload = SimpleUploadedFile(
        "programme-standards-v2.pdf",
        simple_pdf(
            ["Standards of specialized accreditation", "Draft 2.0", *(f"{n}. {t}" for n, t, _x in SECTIONS)]
        ),
        "application/pdf",
    )
    if (
        document is not None
        and document.effective_version_id
        and not document.versions.filter(status__in=IN_PROGRESS).exists()
    ):
        documents.version_create(
            document=document,
            actor=document.owner,
            upload=upload,
            change_summary="Новая редакция: ESG 2015, результаты обучения, участие работодателей.",
            major=True,
        )
        return document
    return documents.document_create(
        actor=people["qms"],
        title=POSTGRADUATE,
        title_ru="Стандарты специализированной аккредитации образовательных программ послевузовского образования",
        title_kk="Жоғары оқу орнынан кейінгі білім беру бағдарламаларын мамандандырылған аккредиттеу стандарттары",
        title_ky="Жогорку окуу жайдан кийинки билим берүү программаларын адистештирилген аккредиттөө стандарттары",
        doc_type=Document.Type.STANDARD,
        owner=people["pm"],
        upload=upload,
        change_summary="Проект стандартов для общественного обсуждения.",
        confidentiality=Document.Confidentiality.PUBLIC,
    )


def seed(people: dict) -> None:
    if DevelopmentPlan.objects.exists():
        return
    today = timezone.localdate()
    opens = today - datetime.timedelta(days=12)
    admin, secretary = people["qms"], people["staff"]
    with demo_clock(opens - datetime.timedelta(days=30)) as clock:
        group = bodies.body_create(actor=admin, name=GROUP, kind=Body.Kind.WORKING_GROUP)
        for username, role, constituency in (
            ("pm", "chair", "agency"),
            ("staff", "secretary", "agency"),
            ("expert", "member", "academic"),
            ("expert2", "member", "employer"),
            ("expert3", "member", "student"),
        ):
            bodies.membership_add(
                actor=admin,
                body=group,
                person=people[username],
                role=role,
                constituency=constituency,
                term_start=opens - datetime.timedelta(days=60),
                term_end=today + datetime.timedelta(days=365),
            )
        document = _document(people)
        plan = services.plan_create(
            actor=admin,
            document=document,
            working_group=group,
            reason="Новая редакция ESG, рекомендации ENQA по итогам внешнего обзора и анализ отчётов ВЭК "
            "показали, что стандарты следует обновить: результаты обучения, участие работодателей и студентов.",
            scope="Специализированная аккредитация образовательных программ высшего и послевузовского "
            "образования в Казахстане и Кыргызстане.",
        )
        for kind, title, reference, note in INPUTS:
            services.input_add(
                plan=plan, actor=secretary, kind=kind, title=title, reference=reference, note=note
            )
        clock.at(opens)
        consultation = services.consultation_open(
            plan=plan,
            actor=secretary,
            opens_on=opens,
            closes_on=today + datetime.timedelta(days=18),
            language="ru",
        )
        sections = {}
        for number, title, text in SECTIONS:
            sections[number] = services.section_add(
                consultation=consultation, actor=secretary, number=number, title=title, text=text
            )
        for number, name, organization, email, constituency, text, fate in COMMENTS:
            clock.advance(hours=20)
            comment = services.comment_submit(
                consultation=consultation,
                section_id=sections[number].pk,
                name=name,
                organization=organization,
                email=email,
                constituency=constituency,
                text=text,
            )
            if fate == "pending":
                continue
            clock.advance(hours=2)
            if fate == "hidden":
                services.comment_moderate(
                    comment=comment, actor=secretary, publish=False, reason="Реклама, не относится к проекту"
                )
                continue
            services.comment_moderate(comment=comment, actor=secretary, publish=True)
            if fate in ANSWERS:
                answer, reason = ANSWERS[fate]
                services.comment_answer(comment=comment, actor=people["pm"], answer=answer)
                if reason:
                    services.comment_dispose(
                        comment=comment, actor=secretary, disposition=fate, reason=reason
                    )
