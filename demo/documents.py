"""Demo documents: about forty across every type and state, walked through the real services
(review, signatures, approval, familiarization), so the director has approvals waiting."""

from contextlib import nullcontext
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core.models import Department, Process
from core.roles import Role
from demo.clock import demo_clock
from demo.people import DEMO_PASSWORD
from documents import services
from documents.models import Document, DocumentVersion, ReviewStep

T = Document.Type
C = Document.Confidentiality

# title, type, owner, state, confidentiality
DOCUMENTS = [
    ("Manual on the internal quality assurance system", T.MANUAL, "qms", "effective2", C.PUBLIC),
    ("Development strategy 2025–2029", T.STRATEGY, "qms", "effective", C.PUBLIC),
    ("Quality assurance policy", T.POLICY, "qms", "effective_ack", C.PUBLIC),
    ("Policy on conflicts of interest", T.POLICY, "legal", "effective", C.PUBLIC),
    ("Anti-corruption policy", T.POLICY, "legal", "awaiting", C.PUBLIC),
    ("Standards of institutional accreditation of higher education", T.STANDARD, "pm", "effective", C.PUBLIC),
    (
        "Standards of specialized accreditation of educational programmes",
        T.STANDARD,
        "pm",
        "validation",
        C.PUBLIC,
    ),
    ("Standards of accreditation of TVET organizations", T.STANDARD, "pm", "effective", C.PUBLIC),
    ("Standards of primary specialized accreditation", T.STANDARD, "pm", "awaiting", C.PUBLIC),
    ("Guidelines for the self-assessment of an organization", T.GUIDELINE, "pm", "effective", C.PUBLIC),
    ("Guidelines for external experts", T.GUIDELINE, "pm", "effective", C.PUBLIC),
    ("Regulation on the Accreditation Council", T.REGULATION, "legal", "effective", C.PUBLIC),
    ("Regulation on the appeals and complaints commission", T.REGULATION, "legal", "review", C.PUBLIC),
    ("Regulation on the expert council", T.REGULATION, "legal", "effective", C.INTERNAL),
    ("Regulation on post-accreditation monitoring", T.REGULATION, "legal", "effective_ack", C.PUBLIC),
    ("Regulation on the Supervisory Board", T.REGULATION, "legal", "effective", C.INTERNAL),
    ("Procedure for internal audit", T.PROCEDURE, "qms", "review_sequential", C.INTERNAL),
    ("Procedure for corrective and preventive actions", T.PROCEDURE, "qms", "effective", C.INTERNAL),
    ("Procedure for document control", T.PROCEDURE, "legal", "effective_overdue", C.INTERNAL),
    ("Procedure for forming an external expert commission", T.PROCEDURE, "pm", "effective", C.INTERNAL),
    ("Procedure for the accreditation visit", T.PROCEDURE, "pm", "draft", C.INTERNAL),
    ("Procedure for handling personal data", T.PROCEDURE, "legal", "restricted", C.RESTRICTED),
    ("Job description: accreditation coordinator", T.JOB_DESCRIPTION, "legal", "effective", C.INTERNAL),
    ("Job description: project manager", T.JOB_DESCRIPTION, "legal", "effective", C.INTERNAL),
    ("Job description: council secretary", T.JOB_DESCRIPTION, "legal", "awaiting", C.INTERNAL),
    ("Form: expert's declaration of no conflict of interest", T.FORM, "legal", "effective", C.INTERNAL),
    ("Form: EEC visit programme", T.FORM, "pm", "effective", C.INTERNAL),
    ("Form: coordinator's evaluation of the commission", T.FORM, "pm", "effective", C.INTERNAL),
    ("Form: internal audit checklist", T.FORM, "qms", "draft", C.INTERNAL),
    ("Record template: minutes of a council meeting", T.RECORD, "legal", "effective", C.INTERNAL),
    (
        "Standards and Guidelines for Quality Assurance in the EHEA (ESG 2015)",
        T.EXTERNAL,
        "qms",
        "effective",
        C.PUBLIC,
    ),
    ("WFME Basic Medical Education standards", T.EXTERNAL, "pm", "effective", C.PUBLIC),
    ("Survey of education organizations 2025: summary of results", T.REPORT, "qms", "effective", C.PUBLIC),
    ("Law on education", T.LEGAL_ACT, "legal", "effective", C.PUBLIC),
    ("Rules of state recognition of accreditation bodies", T.LEGAL_ACT, "legal", "withdrawn", C.PUBLIC),
    ("Order on the register of accreditation bodies (2019)", T.LEGAL_ACT, "legal", "archived", C.PUBLIC),
    ("Annual report on the IQAS 2025", T.REPORT, "qms", "effective", C.INTERNAL),
    ("Report on stakeholder satisfaction 2025", T.REPORT, "qms", "review", C.INTERNAL),
    ("Internal audit report 2025", T.REPORT, "auditor", "effective", C.INTERNAL),
    ("Training plan for staff 2026", T.PROCEDURE, "qms", "draft", C.INTERNAL),
    ("Code of ethics of external experts", T.POLICY, "pm", "effective", C.PUBLIC),
]


# Russian titles, so the register reads naturally in the agency's working language.
TITLES_RU = {
    "Manual on the internal quality assurance system": "Руководство по внутренней системе обеспечения качества",
    "Development strategy 2025–2029": "Стратегия развития на 2025–2029 годы",
    "Quality assurance policy": "Политика в области обеспечения качества",
    "Policy on conflicts of interest": "Политика урегулирования конфликта интересов",
    "Anti-corruption policy": "Антикоррупционная политика",
    "Standards of institutional accreditation of higher education": "Стандарты институциональной аккредитации организаций высшего образования",
    "Standards of specialized accreditation of educational programmes": "Стандарты специализированной аккредитации образовательных программ",
    "Standards of accreditation of TVET organizations": "Стандарты аккредитации организаций ТиПО",
    "Standards of primary specialized accreditation": "Стандарты первичной специализированной аккредитации",
    "Guidelines for the self-assessment of an organization": "Руководство по самооценке организации образования",
    "Guidelines for external experts": "Руководство для внешних экспертов",
    "Regulation on the Accreditation Council": "Положение об Аккредитационном совете",
    "Regulation on the appeals and complaints commission": "Положение о комиссии по апелляциям и жалобам",
    "Regulation on the expert council": "Положение об экспертном совете",
    "Regulation on post-accreditation monitoring": "Положение о постаккредитационном мониторинге",
    "Regulation on the Supervisory Board": "Положение о Наблюдательном совете",
    "Procedure for internal audit": "Процедура внутреннего аудита",
    "Procedure for corrective and preventive actions": "Процедура корректирующих и предупреждающих действий",
    "Procedure for document control": "Процедура управления документацией",
    "Procedure for forming an external expert commission": "Процедура формирования внешней экспертной комиссии",
    "Procedure for the accreditation visit": "Процедура проведения визита ВЭК",
    "Procedure for handling personal data": "Порядок обработки персональных данных",
    "Job description: accreditation coordinator": "Должностная инструкция координатора аккредитации",
    "Job description: project manager": "Должностная инструкция менеджера проекта",
    "Job description: council secretary": "Должностная инструкция секретаря совета",
    "Form: expert's declaration of no conflict of interest": "Форма: декларация эксперта об отсутствии конфликта интересов",
    "Form: EEC visit programme": "Форма: программа визита ВЭК",
    "Form: coordinator's evaluation of the commission": "Форма: оценка работы комиссии координатором",
    "Form: internal audit checklist": "Форма: чек-лист внутреннего аудита",
    "Record template: minutes of a council meeting": "Шаблон записи: протокол заседания совета",
    "Standards and Guidelines for Quality Assurance in the EHEA (ESG 2015)": "Стандарты и рекомендации по обеспечению качества в ЕПВО (ESG 2015)",
    "WFME Basic Medical Education standards": "Стандарты WFME базового медицинского образования",
    "Law on education": "Закон «Об образовании»",
    "Rules of state recognition of accreditation bodies": "Правила признания аккредитационных органов",
    "Order on the register of accreditation bodies (2019)": "Приказ о реестре аккредитационных органов (2019)",
    "Annual report on the IQAS 2025": "Годовой отчёт о СВОК за 2025 год",
    "Report on stakeholder satisfaction 2025": "Отчёт об удовлетворённости стейкхолдеров за 2025 год",
    "Internal audit report 2025": "Отчёт о внутреннем аудите за 2025 год",
    "Training plan for staff 2026": "План обучения сотрудников на 2026 год",
    "Code of ethics of external experts": "Кодекс этики внешних экспертов",
}


def _pdf(title: str, version: str, extra: str = "") -> SimpleUploadedFile:
    lines = [
        title,
        f"Version {version}",
        "1. General provisions. This document is part of the IQAS of IAAR.",
        "2. Responsibilities. The owner keeps it up to date and reviews it periodically.",
        extra,
    ]
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:40].strip("-")
    return SimpleUploadedFile(f"{slug}-v{version}.pdf", simple_pdf(lines), "application/pdf")


def simple_pdf(lines: list[str]) -> bytes:
    """A small valid one-page PDF with the given lines of Latin text (fast, for demo data)."""

    def escape(text: str) -> str:
        text = text.encode("latin-1", "replace").decode("latin-1")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = (
        "BT /F1 11 Tf 60 780 Td 15 TL " + " ".join(f"({escape(line)}) '" for line in lines if line) + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _review(version, reviewers, *, sequential=False, peer=()):
    owner = version.document.owner
    actor = owner if owner.has_perm("documents.change_document") else version.created_by
    services.version_submit(
        version=version,
        actor=actor,
        reviewers=reviewers,
        peer_reviewers=peer,
        mode=DocumentVersion.ReviewMode.SEQUENTIAL if sequential else DocumentVersion.ReviewMode.PARALLEL,
    )


def _agree_all(version):
    for step in ReviewStep.objects.filter(version=version, decision=ReviewStep.Decision.PENDING).order_by(
        "position"
    ):
        services.step_decide(
            step=step, actor=step.reviewer, decision="agreed", password=DEMO_PASSWORD, comment="Согласовано."
        )


def _approve(version, people, audience=(), readers=()):
    services.version_approve(
        version=version,
        actor=people["director"],
        password=DEMO_PASSWORD,
        effective_from=timezone.localdate(),
        ack_groups=audience,
        ack_users=readers,
    )


# Besides the staff, the external experts are asked to read their guidelines (§3.2.2).
READERS = {"Guidelines for external experts": ("expert", "expert2", "expert3")}
# Who of a version's readers had read it by the day of the demo. A confirmation is accepted only
# after the reader opened the file, so whoever confirmed opened it first; the others only opened
# it, or have not yet. These versions came into force some days ago, so the times read naturally.
READINGS = {
    "Quality assurance policy": {"legal": "confirmed", "secretary": "confirmed", "coordinator": "opened"},
    "Regulation on post-accreditation monitoring": {"coordinator": "confirmed", "pm": "opened"},
    "Guidelines for external experts": {"expert2": "confirmed", "expert3": "opened"},
}
READINGS_DAYS_AGO = 10


def _read(document, people, clock) -> None:
    version = Document.objects.get(pk=document.pk).effective_version
    for number, (username, done) in enumerate(READINGS[document.title].items()):
        clock.advance(hours=18 + 5 * number)
        person = people[username]
        via = "preview" if number % 2 == 0 else "download"
        services.acknowledgement_record_open(version=version, person=person, via=via)
        if done == "confirmed":
            clock.advance(hours=1)
            ack = version.acknowledgements.get(person=person)
            services.acknowledgement_confirm(acknowledgement=ack, actor=person)


def _walk(document, state, people):
    version = document.versions.get()
    reviewers = [people["legal"]] if document.owner != people["legal"] else [people["qms"]]
    if state == "draft":
        return
    peer = [people["expert"]] if document.follows_design_route else []
    if state in ("review", "review_sequential"):
        _review(
            version,
            [*reviewers, people["pm"] if document.owner != people["pm"] else people["staff"]],
            sequential=state == "review_sequential",
            peer=peer,
        )
        if state == "review_sequential":
            first = version.steps.order_by("position").first()
            services.step_decide(step=first, actor=first.reviewer, decision="agreed", password=DEMO_PASSWORD)
        return
    _review(version, reviewers, peer=peer)
    _agree_all(version)
    if document.follows_design_route:
        if state == "validation":
            return
        # Validated before the portal kept the bodies' meetings: the decision as the minutes of
        # the time record it (the expert council's meeting in the portal: demo/governance_bodies.py).
        services.version_validation_from_body(
            version=version,
            actor=document.owner,
            body="Экспертный совет НААР",
            meeting_date=timezone.localdate() - timedelta(days=3),
            comment="Протокол № 7",
        )
    if state == "awaiting":
        return
    staff_group = Group.objects.filter(name=Role.STAFF)
    readers = [people[username] for username in READERS.get(document.title, ())]
    _approve(version, people, audience=staff_group if state == "effective_ack" else (), readers=readers)
    if state == "effective2":
        services.distribution_issue(
            version=version,
            actor=people["legal"],
            recipients=[people["coordinator"]],
            external="Ministry of Science and Higher Education",
        )
        revision = services.version_create(
            document=document,
            actor=document.owner,
            upload=_pdf(document.title, "2.0", "3. New: risk-based thinking."),
            change_summary="New edition: adds risk management and the public registry.",
            major=True,
        )
        _review(revision, reviewers)
        _agree_all(revision)
        _approve(revision, people, audience=staff_group)
    elif state == "effective_overdue":
        document.refresh_from_db()
        document.next_review_date = timezone.localdate() - timedelta(days=20)
        document._change_reason = "Demo: a review that is overdue"
        document.save()
    elif state in ("withdrawn", "archived"):
        services.document_withdraw(document=document, actor=document.owner, comment="Replaced by a new law.")
        if state == "archived":
            services.document_archive(document=document, actor=document.owner)


def seed(people: dict) -> None:
    departments = {d.code: d for d in Department.objects.all()}
    process = Process.objects.filter(code="internal-documents").first()
    for title, doc_type, owner, state, confidentiality in DOCUMENTS:
        if Document.objects.filter(title=title).exists():
            continue
        # A document some have already read is told from its registration, some days ago.
        told = title in READINGS
        back_then = demo_clock(timezone.localdate() - timedelta(days=READINGS_DAYS_AGO))
        with back_then if told else nullcontext() as clock:
            owner_user = people[owner]
            creator = owner_user if owner_user.has_perm("documents.add_document") else people["qms"]
            document = services.document_create(
                actor=creator,
                title=title,
                title_ru=TITLES_RU.get(title, ""),
                doc_type=doc_type,
                owner=owner_user,
                upload=_pdf(title, "1.0"),
                change_summary="First edition.",
                confidentiality=confidentiality,
                department=owner_user.department or departments.get("strategy"),
                process=process,
                readers=[people["director"], people["legal"]] if confidentiality == C.RESTRICTED else (),
            )
            _walk(document, "effective" if state == "restricted" else state, people)
            if told:
                _read(document, people, clock)
    _seed_records(people)


def _seed_records(people) -> None:
    from documents.models import Record

    if Record.objects.exists():
        return
    form = Document.objects.filter(title__startswith="Form: expert's declaration").first()
    if not form or not form.effective_version:
        return
    for name in ("Declaration of N. Abenov for the Al-Farabi University visit", "Declaration of A. Omarova"):
        services.record_create(
            actor=people["coordinator"],
            title=name,
            template_version=form.effective_version,
            process=Process.objects.get(code="eec-formation"),
            upload=SimpleUploadedFile(
                "declaration.txt", b"I declare no conflict of interest.\n", "text/plain"
            ),
        )


def seed_scale(n: int, *, owner) -> int:
    """Benchmark rows: effective documents without files' route, made in bulk."""
    existing = set(Document.objects.filter(code__startswith="BENCH-").values_list("code", flat=True))
    rows = [
        Document(
            code=f"BENCH-{i:06d}",
            title=f"Benchmark document {i}",
            doc_type=T.RECORD,
            status=Document.Status.EFFECTIVE,
            owner=owner,
            next_review_date=timezone.localdate() + timedelta(days=i % 400),
        )
        for i in range(1, n + 1)
        if f"BENCH-{i:06d}" not in existing
    ]
    bulk_create_with_history(rows, Document, batch_size=2000)
    return len(rows)
