"""The demo's register of external documents and its records archive (§3.1, §3.2.2).

The register: the education laws of Kazakhstan and Kyrgyzstan, ESG (the 2005 edition kept,
superseded by 2015), ENQA's review guidelines and EQAR's procedures; Kyrgyzstan's law is due
for a check. The archive: a file nomenclature of 21 classes, records of 2018–2020 whose
retention ended, one destruction act signed in November 2025, and records still due, one of
them on legal hold. Told through the services, at their own dates (demo/clock.py)."""

import datetime
from contextlib import nullcontext

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.models import Process
from demo.clock import demo_clock
from demo.people import DEMO_PASSWORD
from documents import services
from documents.models import DestructionAct, Document, ExternalDocument, Record, RecordClass

# code, English, Russian, Kazakh, Kyrgyz, years (None: permanently), process
NOMENCLATURE = [
    (
        "01-01",
        "Manual on the IQAS and its editions",
        "Руководство по внутренней системе обеспечения качества и его редакции",
        "Сапаны қамтамасыз етудің ішкі жүйесі бойынша басшылық және оның редакциялары",
        "Сапатты камсыздоонун ички системасы боюнча колдонмо жана анын редакциялары",
        None,
        "internal-documents",
    ),
    (
        "01-02",
        "Orders of the Director General on core activities",
        "Приказы Генерального директора по основной деятельности",
        "Бас директордың негізгі қызмет бойынша бұйрықтары",
        "Башкы директордун негизги ишмердүүлүк боюнча буйруктары",
        None,
        "organizational-documents",
    ),
    (
        "01-03",
        "Minutes of the Supervisory Board",
        "Протоколы заседаний Наблюдательного совета",
        "Қадағалау кеңесі отырыстарының хаттамалары",
        "Байкоочу кеңештин жыйындарынын протоколдору",
        None,
        "collegial-bodies",
    ),
    (
        "01-04",
        "Job descriptions",
        "Должностные инструкции",
        "Лауазымдық нұсқаулықтар",
        "Кызматтык нускамалар",
        5,
        "service-documents",
    ),
    (
        "02-01",
        "External documents and their superseded editions",
        "Внешние документы и их замененные редакции",
        "Сыртқы құжаттар және олардың ауыстырылған редакциялары",
        "Тышкы документтер жана алардын алмаштырылган редакциялары",
        10,
        "external-documents",
    ),
    (
        "02-02",
        "Correspondence with recognition bodies (ENQA, EQAR, WFME)",
        "Переписка с органами признания (ENQA, EQAR, WFME)",
        "Тану органдарымен хат алмасу (ENQA, EQAR, WFME)",
        "Таануу органдары менен кат алышуу (ENQA, EQAR, WFME)",
        10,
        "external-documents",
    ),
    (
        "03-01",
        "Standards and guidelines with their development files",
        "Стандарты и руководства с делами по их разработке",
        "Стандарттар мен нұсқаулықтар және оларды әзірлеу істері",
        "Стандарттар жана колдонмолор, аларды иштеп чыгуу иштери менен",
        None,
        "standards-development",
    ),
    (
        "04-01",
        "Applications for accreditation and threshold checks",
        "Заявки на аккредитацию и проверки пороговых требований",
        "Аккредиттеуге өтінімдер және шекті талаптарды тексеру",
        "Аккредиттөөгө арыздар жана босого талаптарын текшерүү",
        5,
        "accreditation-planning",
    ),
    (
        "04-02",
        "Contracts with education organizations",
        "Договоры с организациями образования",
        "Білім беру ұйымдарымен шарттар",
        "Билим берүү уюмдары менен келишимдер",
        5,
        "contracting",
    ),
    (
        "04-03",
        "Self-assessment reports",
        "Отчеты по самооценке",
        "Өзін-өзі бағалау есептері",
        "Өзүн-өзү баалоо боюнча отчеттор",
        10,
        "self-assessment-review",
    ),
    (
        "04-04",
        "Experts' declarations of no conflict of interest",
        "Декларации экспертов об отсутствии конфликта интересов",
        "Сарапшылардың мүдделер қақтығысы жоқ екені туралы декларациялары",
        "Эксперттердин кызыкчылыктардын кагылышы жоктугу тууралуу декларациялары",
        5,
        "eec-formation",
    ),
    (
        "04-05",
        "Programmes and schedules of EEC visits",
        "Программы и графики визитов ВЭК",
        "СЕК сапарларының бағдарламалары мен кестелері",
        "ТЭКтин сапарларынын программалары жана графиктери",
        5,
        "eec-work",
    ),
    (
        "04-06",
        "Reports of external expert commissions",
        "Отчеты внешних экспертных комиссий",
        "Сыртқы сараптама комиссияларының есептері",
        "Тышкы эксперттик комиссиялардын отчеттору",
        None,
        "eec-work",
    ),
    (
        "05-01",
        "Minutes and decisions of the Accreditation Council",
        "Протоколы и решения Аккредитационного совета",
        "Аккредиттеу кеңесінің хаттамалары мен шешімдері",
        "Аккредиттөө кеңешинин протоколдору жана чечимдери",
        None,
        "council-meetings",
    ),
    (
        "05-02",
        "Appeals and complaints with their decisions",
        "Апелляции и жалобы с решениями по ним",
        "Апелляциялар мен шағымдар және олар бойынша шешімдер",
        "Апелляциялар жана даттануулар, алар боюнча чечимдер",
        10,
        "appeals",
    ),
    (
        "06-01",
        "Accreditation files (one per project)",
        "Аккредитационные дела (одно на проект)",
        "Аккредиттеу істері (әр жобаға бір іс)",
        "Аккредиттөө иштери (ар бир долбоорго бирден)",
        10,
        "accreditation-planning",
    ),
    (
        "06-02",
        "Post-accreditation monitoring reports",
        "Отчеты постаккредитационного мониторинга",
        "Аккредиттеуден кейінгі мониторинг есептері",
        "Аккредиттөөдөн кийинки мониторинг отчеттору",
        10,
        "post-monitoring",
    ),
    (
        "07-01",
        "Internal audit programmes, reports and checklists",
        "Программы, отчеты и чек-листы внутренних аудитов",
        "Ішкі аудит бағдарламалары, есептері және тексеру парақтары",
        "Ички аудиттин программалары, отчеттору жана текшерүү барактары",
        5,
        "internal-audit",
    ),
    (
        "07-02",
        "Corrective actions and the risk register",
        "Корректирующие действия и реестр рисков",
        "Түзету әрекеттері және тәуекелдер тізілімі",
        "Оңдоо аракеттери жана тобокелдиктердин реестри",
        5,
        "corrective-actions-risks",
    ),
    (
        "07-03",
        "Coordinators' evaluations of expert commissions",
        "Оценки работы экспертных комиссий координаторами",
        "Үйлестірушілердің сараптама комиссиялары жұмысын бағалауы",
        "Координаторлордун эксперттик комиссиялардын ишин баалоосу",
        3,
        "eec-work",
    ),
    (
        "08-01",
        "Records of expert training",
        "Записи об обучении экспертов",
        "Сарапшыларды оқыту туралы жазбалар",
        "Эксперттерди окутуу боюнча жазуулар",
        5,
        "expert-qualification",
    ),
]

# title, form (title prefix), class, filed on, in the signed act
OLD_RECORDS = [
    (
        "График визита ВЭК в КазНУ им. аль-Фараби, 2018",
        "Form: EEC visit programme",
        "04-05",
        datetime.date(2018, 4, 9),
        True,
    ),
    (
        "Программа визита ВЭК в ЕНУ им. Л.Н. Гумилева, 2018",
        "Form: EEC visit programme",
        "04-05",
        datetime.date(2018, 10, 1),
        True,
    ),
    (
        "Оценка работы ВЭК координатором, визит в КарТУ, 2019",
        "Form: coordinator's evaluation",
        "07-03",
        datetime.date(2019, 3, 18),
        True,
    ),
    (
        "Программа визита ВЭК в Ошский государственный университет, 2019",
        "Form: EEC visit programme",
        "04-05",
        datetime.date(2019, 11, 4),
        False,
    ),
    (
        "Оценка работы ВЭК координатором, визит в КГТУ им. И. Раззакова, 2020",
        "Form: coordinator's evaluation",
        "07-03",
        datetime.date(2020, 2, 10),
        False,
    ),
    (
        "Декларация эксперта Б. Исаева, визит в КРСУ, 2019",
        "Form: expert's declaration",
        "04-04",
        datetime.date(2019, 5, 20),
        False,
    ),
]
HELD = (
    "Оценка работы ВЭК координатором, визит в КГТУ им. И. Раззакова, 2020",
    "Запрос прокуратуры г. Бишкек от 12.10.2026: хранить до ответа на запрос.",
)


def seed(people: dict) -> None:
    _seed_nomenclature(people)
    _seed_records(people)
    _seed_external(people)


def _seed_nomenclature(people) -> None:
    for code, en, ru, kk, ky, years, process in NOMENCLATURE:
        if RecordClass.objects.filter(code=code).exists():
            continue
        services.record_class_save(
            actor=people["qms"],
            data={
                "code": code,
                "title": en,
                "title_ru": ru,
                "title_kk": kk,
                "title_ky": ky,
                "retention_years": years,
                "process": Process.objects.get(code=process),
            },
        )
    # The records filed before the nomenclature: under their class now.
    declarations = RecordClass.objects.get(code="04-04")
    for record in Record.objects.filter(record_class__isnull=True, process__code="eec-formation"):
        services.record_set_class(record=record, actor=people["qms"], record_class=declarations)


def _upload(title: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("record.txt", f"{title}\nIAAR\n".encode(), "text/plain")


def _seed_records(people) -> None:
    if DestructionAct.objects.exists():
        return
    made = {}
    for title, form_title, code, filed, _in_act in OLD_RECORDS:
        form = Document.objects.filter(title__startswith=form_title).first()
        if form is None or form.effective_version is None:
            return
        klass = RecordClass.objects.get(code=code)
        with demo_clock(filed):
            made[title] = services.record_create(
                actor=people["coordinator"],
                title=title,
                template_version=form.effective_version,
                process=klass.process,
                upload=_upload(title),
                record_class=klass,
            )
    in_act = [made[title] for title, *_rest, listed in OLD_RECORDS if listed]
    with demo_clock(datetime.date(2025, 11, 10)) as clock:
        act = services.destruction_propose(
            actor=people["qms"],
            records=in_act,
            basis="Сроки хранения по номенклатуре дел истекли (классы 04-05 — 5 лет, 07-03 — 3 года); "
            "экспертная проверка ценности документов проведена 07.11.2025.",
        )
        clock.advance(days=4)
        services.destruction_agree(act=act, actor=people["legal"], comment="Удержаний нет, возражений нет.")
        clock.advance(days=6)
        services.destruction_sign(act=act, actor=people["director"], password=DEMO_PASSWORD)
    title, reason = HELD
    services.record_hold(record=made[title], actor=people["legal"], hold=True, reason=reason)


EXTERNAL = [
    {
        "title": "Law of the Republic of Kazakhstan “On Education”",
        "title_ru": "Закон Республики Казахстан «Об образовании»",
        "title_kk": "«Білім туралы» Қазақстан Республикасының Заңы",
        "title_ky": "Казакстан Республикасынын «Билим берүү жөнүндө» Мыйзамы",
        "issuer": "Парламент Республики Казахстан",
        "number": "319-III",
        "edition": "от 27.07.2007, с изменениями и дополнениями",
        "edition_date": datetime.date(2007, 7, 27),
        "url": "https://adilet.zan.kz/rus/docs/Z070000319_",
        "owner": "legal",
        "check_interval_months": 3,
        "processes": ["accreditation-planning", "standards-development", "external-documents"],
    },
    {
        "title": "Law of the Kyrgyz Republic “On Education”",
        "title_ru": "Закон Кыргызской Республики «Об образовании»",
        "title_kk": "«Білім беру туралы» Қырғыз Республикасының Заңы",
        "title_ky": "Кыргыз Республикасынын «Билим берүү жөнүндө» Мыйзамы",
        "issuer": "Жогорку Кенеш Кыргызской Республики",
        "number": "179",
        "edition": "от 11.08.2023",
        "edition_date": datetime.date(2023, 8, 11),
        "url": "https://cbd.minjust.gov.kg/",
        "owner": "legal",
        "check_interval_months": 3,
        "processes": ["accreditation-planning", "standards-development", "external-documents"],
        "due": True,
    },
    {
        "title": "Guidelines for ENQA Agency Reviews",
        "title_ru": "Руководство ENQA по внешним обзорам агентств",
        "title_kk": "ENQA агенттіктерін сыртқы шолу жөніндегі нұсқаулығы",
        "title_ky": "ENQA агенттиктерин тышкы кароо боюнча колдонмосу",
        "issuer": "ENQA — European Association for Quality Assurance in Higher Education",
        "number": "",
        "edition": "2023",
        "edition_date": datetime.date(2023, 1, 1),
        "url": "https://www.enqa.eu/",
        "owner": "qms",
        "check_interval_months": 12,
        "processes": ["iqas-analysis", "external-documents"],
    },
    {
        "title": "EQAR Procedures for Applications",
        "title_ru": "Процедуры EQAR для заявлений о включении в реестр",
        "title_kk": "EQAR тізіліміне енгізу туралы өтініштер рәсімдері",
        "title_ky": "EQAR реестрине киргизүү боюнча арыздардын жол-жоболору",
        "issuer": "EQAR — European Quality Assurance Register for Higher Education",
        "number": "",
        "edition": "2023",
        "edition_date": datetime.date(2023, 6, 1),
        "url": "https://www.eqar.eu/",
        "owner": "qms",
        "check_interval_months": 12,
        "processes": ["iqas-analysis", "external-documents"],
    },
]

ESG = {
    "title": "Standards and Guidelines for Quality Assurance in the European Higher Education Area (ESG)",
    "title_ru": "Стандарты и рекомендации для обеспечения качества в Европейском пространстве высшего образования (ESG)",
    "title_kk": "Еуропалық жоғары білім беру кеңістігінде сапаны қамтамасыз ету стандарттары мен нұсқаулары (ESG)",
    "title_ky": "Европалык жогорку билим берүү мейкиндигинде сапатты камсыздоо стандарттары жана көрсөтмөлөрү (ESG)",
    "issuer": "ENQA, ESU, EUA, EURASHE; утверждены конференцией министров ЕПВО",
    "number": "",
    "edition": "Берген, 2005",
    "edition_date": datetime.date(2005, 5, 20),
    "url": "https://www.enqa.eu/esg-standards-and-guidelines-for-quality-assurance-in-the-ehea/",
    "check_interval_months": 12,
}


def _seed_external(people) -> None:
    if ExternalDocument.objects.exists():
        return
    relying = Document.objects.filter(doc_type=Document.Type.STANDARD)
    # ESG: the 2005 edition registered in 2012, superseded by the 2015 edition at its check.
    with demo_clock(datetime.date(2012, 9, 3)):
        esg = services.external_register(
            actor=people["qms"],
            data={**ESG, "owner": people["qms"]},
            processes=Process.objects.filter(code__in=["standards-development", "external-documents"]),
            documents=relying,
        )
        services.external_introduce(external=esg, actor=people["qms"])
    with demo_clock(datetime.date(2015, 6, 1)):
        check = services.external_check(
            external=esg,
            actor=people["qms"],
            outcome="new_edition",
            note="Утверждены конференцией министров в Ереване 14–15 мая 2015 г.",
            edition={"edition": "Ереван, 2015", "edition_date": datetime.date(2015, 5, 15)},
        )
        services.external_introduce(external=check.new_edition, actor=people["qms"])
    services.external_check(
        external=check.new_edition,
        actor=people["qms"],
        outcome="no_change",
        note="На сайте ENQA новой редакции нет; идет обсуждение пересмотра ESG.",
    )
    for row in EXTERNAL:
        data = {k: v for k, v in row.items() if k not in ("processes", "due")}
        data["owner"] = people[row["owner"]]
        with demo_clock(datetime.date(2025, 9, 1)):
            external = services.external_register(
                actor=people["legal"], data=data, processes=Process.objects.filter(code__in=row["processes"])
            )
            services.external_introduce(external=external, actor=people["legal"])
        # The last check: Kyrgyzstan's law was checked a quarter ago, so its next check is due.
        checked = timezone.localdate() - datetime.timedelta(days=95) if row.get("due") else None
        with demo_clock(checked) if checked else nullcontext():
            services.external_check(
                external=external,
                actor=data["owner"],
                outcome="no_change",
                note="Проверено на официальном сайте: новой редакции нет.",
            )
