"""The demo's assessment instruments (§6.6, §6.2.2) as parts of approved documents: the guides
with the assessment tables of institutional, specialized and primary specialized accreditation,
and the regulation on the threshold requirements by level of education. Each is drafted on its
document's draft version, goes through review, peer review, the expert council's validation and
the Director General's approval, and comes into force with it; the sets and lists from before
document control stop being current. The institutional table's new edition adds a criterion on
academic integrity (its changes page shows it)."""

from datetime import timedelta

from django.utils import timezone

from accreditation.models import AccreditationProject, ThresholdList
from accreditation.services import standards as instruments
from demo.documents import simple_pdf
from demo.people import DEMO_PASSWORD
from demo.standards_texts import ACADEMIC_INTEGRITY, PRIMARY
from documents import services as documents
from documents.models import Document, ReviewStep

K = AccreditationProject.Kind
LANGS = ("ru", "kk", "ky")
BODY = "Экспертный совет НААР"

# code, kind, document title (en, ru, kk, ky); the draft starts from the set in force, in every language
TABLES = [
    (
        "IAAR-INST-HE",
        K.INSTITUTIONAL,
        (
            "Guide to the standards of institutional accreditation: assessment table",
            "Руководство по стандартам институциональной аккредитации: таблица оценки",
            "Институционалдық аккредиттеу стандарттары бойынша нұсқаулық: бағалау кестесі",
            "Институционалдык аккредитациялоо стандарттары боюнча колдонмо: баалоо таблицасы",
        ),
    ),
    (
        "IAAR-PROG-HE",
        K.SPECIALIZED,
        (
            "Guide to the standards of specialized accreditation: assessment table",
            "Руководство по стандартам специализированной аккредитации: таблица оценки",
            "Мамандандырылған аккредиттеу стандарттары бойынша нұсқаулық: бағалау кестесі",
            "Адистештирилген аккредитациялоо стандарттары боюнча колдонмо: баалоо таблицасы",
        ),
    ),
]
PRIMARY_TITLE = (
    "Guide to the standards of primary specialized accreditation: assessment table",
    "Руководство по стандартам первичной специализированной аккредитации: таблица оценки",
    "Бастапқы мамандандырылған аккредиттеу стандарттары бойынша нұсқаулық: бағалау кестесі",
    "Баштапкы адистештирилген аккредитациялоо стандарттары боюнча колдонмо: баалоо таблицасы",
)
THRESHOLD_TITLE = (
    "Regulation on the threshold requirements for education organizations by level of education",
    "Положение о пороговых требованиях к организациям образования по уровням образования",
    "Білім беру деңгейлері бойынша білім беру ұйымдарына қойылатын шекті талаптар туралы ереже",
    "Билим берүү деңгээлдери боюнча билим берүү уюмдарына коюлуучу босого талаптар жөнүндө жобо",
)


def _document(people, titles, doc_type):
    en, ru, kk, ky = titles
    found = Document.objects.filter(title=en).first()
    if found is not None:
        return None
    document = documents.document_create(
        actor=people["qms"],
        owner=people["qms"],
        title=en,
        title_ru=ru,
        title_kk=kk,
        title_ky=ky,
        doc_type=doc_type,
        upload=_upload(en),
        change_summary="Первая редакция.",
        confidentiality=Document.Confidentiality.PUBLIC,
        department=people["qms"].department,
    )
    return document.versions.get()


def _upload(title: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:40].strip("-")
    return SimpleUploadedFile(f"{slug}.pdf", simple_pdf([title, "Version 1.0"]), "application/pdf")


def _approve(version, people) -> None:
    design = version.document.follows_design_route
    documents.version_submit(
        version=version,
        actor=people["qms"],
        reviewers=[people["legal"]],
        peer_reviewers=[people["expert"]] if design else [],
    )
    for step in version.steps.filter(decision=ReviewStep.Decision.PENDING).order_by("position"):
        documents.step_decide(
            step=step, actor=step.reviewer, decision="agreed", password=DEMO_PASSWORD, comment="Согласовано."
        )
    if design:
        documents.version_validation_from_body(
            version=version,
            actor=people["qms"],
            body=BODY,
            meeting_date=timezone.localdate() - timedelta(days=2),
            comment="Протокол № 8",
        )
    documents.version_approve(
        version=version, actor=people["director"], password=DEMO_PASSWORD, effective_from=timezone.localdate()
    )


def _fields(prefix: str, texts) -> dict:
    return {
        prefix: texts[0],
        **{f"{prefix}_{lang}": text for lang, text in zip(LANGS, texts[1:], strict=True)},
    }


def seed(people: dict) -> None:
    actor = people["qms"]
    for code, kind, titles in TABLES:
        version = _document(people, titles, Document.Type.GUIDELINE)
        if version is None:
            continue
        standard_set = instruments.standard_set_draft(
            actor=actor, document_version=version, code=code, kind=kind, titles=_fields("title", titles)
        )
        if code == "IAAR-INST-HE":
            instruments.criterion_save(
                actor=actor,
                standard=standard_set.standards.get(number=2),
                number=4,
                data=_fields("text", ACADEMIC_INTEGRITY),
            )
        _approve(version, people)

    version = _document(people, PRIMARY_TITLE, Document.Type.GUIDELINE)
    if version is not None:
        primary = instruments.standard_set_draft(
            actor=actor,
            document_version=version,
            code="IAAR-PRIM-HE",
            kind=K.PRIMARY_SPECIALIZED,
            titles=_fields("title", PRIMARY_TITLE),
        )
        for number, (standard_texts, criteria) in enumerate(PRIMARY, start=1):
            standard = instruments.standard_save(
                actor=actor, standard_set=primary, number=number, data=_fields("title", standard_texts)
            )
            for n, texts in enumerate(criteria, start=1):
                instruments.criterion_save(
                    actor=actor, standard=standard, number=n, data=_fields("text", texts)
                )
        _approve(version, people)

    version = _document(people, THRESHOLD_TITLE, Document.Type.REGULATION)
    if version is not None:
        for level in ThresholdList.objects.filter(is_current=True).values_list("level", flat=True):
            instruments.threshold_list_draft(actor=actor, document_version=version, level=level)
        _approve(version, people)
