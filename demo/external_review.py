"""The agency's own external review in the demo (§7.1, ESG 3.7): its memberships and
registrations (ENQA, EQAR, APQN, WFME, INQAAHE, national recognition in Kazakhstan and
Kyrgyzstan), and its last ENQA review: the self-assessment report as a controlled document, the
panel, the visit, the panel's report, ten recommendations in every state (open, under way,
overdue, done with evidence, not taken up) and the follow-up report due in six weeks. Texts in
the agency's languages, as its staff write them."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from demo.documents import _pdf, _walk, simple_pdf
from documents import services as documents
from governance.models import AgencyReview
from governance.services import external_review as services

R = AgencyReview.Status

# body, kind, country, granted by, reference, from (years ago), until (years ahead or None), conditions
REGISTRATIONS = [
    (
        "enqa",
        "membership",
        "",
        "ENQA Board",
        "",
        9,
        1,
        "Полноправный член ENQA. Членство подтверждается по итогам внешнего обзора раз в пять лет.",
    ),
    (
        "eqar",
        "registration",
        "",
        "EQAR Register Committee",
        "",
        8,
        1,
        "Агенттік ESG-ге сәйкестігін сақтайды; елеулі өзгерістер туралы EQAR-ға хабарлайды.",
    ),
    (
        "apqn",
        "membership",
        "",
        "APQN",
        "",
        10,
        None,
        "Ежегодный членский взнос; участие в генеральной ассамблее.",
    ),
    (
        "wfme",
        "recognition",
        "",
        "WFME",
        "",
        4,
        6,
        "Признание для аккредитации медицинских программ; отчёт о соответствии стандартам WFME раз в два года.",
    ),
    ("inqaahe", "membership", "", "INQAAHE", "", 12, None, "Полноправный член сети."),
    (
        "national",
        "recognition",
        "KZ",
        "Министерство науки и высшего образования РК",
        "№ 312",
        6,
        1,
        "Агенттік аккредиттеу органдарының тізілімінде; жыл сайынғы есеп министрлікке.",
    ),
    (
        "national",
        "recognition",
        "KG",
        "Министерство образования и науки КР",
        "№ 1-27/2019",
        6,
        0,
        "Таануу ар бир беш жылда жаңыланат; жылдык отчет министрликке берилет.",
    ),
]

PANEL = [
    ("Dr. Anna Kowalska", "chair", "Polish Accreditation Committee (PKA)"),
    ("Prof. Jens Møller", "secretary", "Danish Accreditation Institution"),
    ("Dr. Ilze Ozola", "member", "Academic Information Centre, Latvia"),
    ("Mart Tamm", "student", "European Students' Union"),
]

# ESG standard, text, action, owner, due (days from today), state, evidence
RECOMMENDATIONS = [
    (
        "ESG 3.4",
        "Публиковать тематический анализ результатов аккредитации ежегодно, а не раз в три года.",
        "Подготовить и опубликовать тематический анализ за год.",
        "qms",
        -200,
        "done",
        "Тематический анализ 2025 опубликован на сайте агентства.",
    ),
    (
        "ESG 3.6",
        "Формализовать сбор обратной связи от экспертов и организаций образования после каждого визита.",
        "Внедрить анкеты после каждого визита ВЭК.",
        "qms",
        -120,
        "done",
        "Анкеты запущены в портале; отчёт по результатам за полугодие.",
    ),
    (
        "ESG 2.4",
        "Включать студента в состав каждой внешней экспертной комиссии.",
        "Изменить положение о ВЭК.",
        "pm",
        -60,
        "done",
        "Положение о ВЭК, редакция 3: студент — обязательный член.",
    ),
    (
        "ESG 3.3",
        "Обеспечить независимость решений Аккредитационного совета от учредителей агентства.",
        "Разработать декларацию независимости членов совета.",
        "legal",
        -30,
        "in_progress",
        "",
    ),
    (
        "ESG 2.6",
        "Сарапшылар комиссиясы есептерінің құрылымын біріздендіру және барлық есептерді жариялау.",
        "Есеп үлгісін жаңарту.",
        "coordinator",
        -15,
        "open",
        "",
    ),
    (
        "ESG 3.5",
        "Увеличить штат отдела аккредитации с учётом роста числа процедур.",
        "Обосновать штатное расписание на следующий год.",
        "director",
        20,
        "in_progress",
        "",
    ),
    (
        "ESG 2.7",
        "Сократить срок рассмотрения апелляций и публиковать их итоги.",
        "Пересмотреть регламент апелляционной комиссии.",
        "legal",
        45,
        "open",
        "",
    ),
    (
        "ESG 1.9",
        "Аккредитациядан кийинки мониторингде ВЭКтин сунуштарынын аткарылышын ар бир сунуш боюнча көзөмөлдөө.",
        "Мониторингде сунуштарды өзүнчө пункттар катары жүргүзүү.",
        "coordinator",
        90,
        "in_progress",
        "",
    ),
    (
        "ESG 3.1",
        "Отразить в стратегии цели по интернационализации экспертного пула.",
        "Внести цель в план реализации стратегии.",
        "qms",
        150,
        "open",
        "",
    ),
    (
        "ESG 2.3",
        "Проводить онлайн-визиты только в исключительных случаях.",
        "",
        "pm",
        60,
        "not_accepted",
        "Онлайн-визиты сохраняются для удалённых колледжей по решению совета; риск рассмотрен в реестре рисков.",
    ),
]


def _txt_pdf(name: str, lines: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, simple_pdf(lines), content_type="application/pdf")


def _registrations(people, today) -> None:
    for body, kind, country, granted_by, reference, since, until, conditions in REGISTRATIONS:
        services.registration_save(
            actor=people["qms"],
            body=body,
            kind=kind,
            country=country,
            granted_by=granted_by,
            reference=reference,
            valid_from=today.replace(year=today.year - since, day=1),
            valid_until=None
            if until is None
            else today.replace(year=today.year + until, day=1) - datetime.timedelta(days=1),
            conditions=conditions,
        )


def _self_assessment(people):
    document = documents.document_create(
        actor=people["qms"],
        title="Self-assessment report of IAAR for the ENQA review",
        title_ru="Отчёт по самооценке НААР для внешнего обзора ENQA",
        title_kk="ENQA сыртқы шолуы үшін НААР өзін-өзі бағалау есебі",
        title_ky="ENQA тышкы сереби үчүн НААРдын өзүн-өзү баалоо отчету",
        doc_type="report",
        owner=people["qms"],
        upload=_pdf("Self-assessment report of IAAR for the ENQA review", "1.0"),
        change_summary="Первая редакция.",
        retention_years=10,
    )
    _walk(document, "effective", people)
    return document


def seed(people: dict) -> None:
    if AgencyReview.objects.exists():
        return
    today = timezone.localdate()
    qms = people["qms"]
    _registrations(people, today)
    review = services.review_create(actor=qms, body="enqa", title="Внешний обзор ENQA 2024")
    visit = today - datetime.timedelta(days=700)
    for name, role, affiliation in PANEL:
        services.panelist_add(review=review, actor=qms, name=name, role=role, affiliation=affiliation)
    services.review_update(
        review=review,
        actor=qms,
        self_assessment=_self_assessment(people),
        visit_from=visit,
        visit_until=visit + datetime.timedelta(days=3),
    )
    services.review_advance(review=review, actor=qms, target=R.VISIT)
    services.review_update(
        review=review,
        actor=qms,
        report_upload=_txt_pdf(
            "enqa-panel-report.pdf", ["ENQA panel report: IAAR", "Substantially compliant"]
        ),
        decided_on=visit + datetime.timedelta(days=120),
        outcome="Членство в ENQA подтверждено на пять лет; отчёт о выполнении рекомендаций — через два года.",
        follow_up_due=today + datetime.timedelta(days=40),
    )
    services.review_advance(review=review, actor=qms, target=R.REPORT)
    for standard, text, action, owner, due, state, evidence in RECOMMENDATIONS:
        rec = services.recommendation_add(
            review=review,
            actor=qms,
            standard=standard,
            text=text,
            action=action,
            owner=people[owner],
            due_on=today + datetime.timedelta(days=due),
        )
        if state == "in_progress":
            services.recommendation_update(
                recommendation=rec, actor=people[owner], target=state, evidence="Работа начата."
            )
        elif state in ("done", "not_accepted"):
            services.recommendation_update(
                recommendation=rec,
                actor=people[owner] if state == "done" else qms,
                target=state,
                evidence=evidence,
            )
    services.review_advance(review=review, actor=qms, target=R.FOLLOW_UP)
