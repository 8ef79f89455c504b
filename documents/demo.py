from simple_history.utils import bulk_create_with_history

from .models import Document

DOCUMENTS = [
    (
        "MAN-001",
        "Manual on the internal quality assurance system",
        Document.Type.MANUAL,
        Document.Status.EFFECTIVE,
        "qms",
    ),
    ("STR-001", "Development strategy 2025–2029", Document.Type.STRATEGY, Document.Status.EFFECTIVE, "qms"),
    ("POL-001", "Quality assurance policy", Document.Type.POLICY, Document.Status.EFFECTIVE, "qms"),
    (
        "STD-001",
        "Standards of institutional accreditation of higher education",
        Document.Type.STANDARD,
        Document.Status.EFFECTIVE,
        "pm",
    ),
    (
        "STD-002",
        "Standards of specialized accreditation of educational programmes",
        Document.Type.STANDARD,
        Document.Status.AWAITING_APPROVAL,
        "pm",
    ),
    (
        "REG-001",
        "Regulation on the Accreditation Council",
        Document.Type.REGULATION,
        Document.Status.EFFECTIVE,
        "legal",
    ),
    (
        "REG-002",
        "Regulation on the appeals and complaints commission",
        Document.Type.REGULATION,
        Document.Status.IN_REVIEW,
        "legal",
    ),
    ("PRO-001", "Procedure for internal audit", Document.Type.PROCEDURE, Document.Status.DRAFT, "qms"),
    (
        "JD-001",
        "Job description: accreditation coordinator",
        Document.Type.JOB_DESCRIPTION,
        Document.Status.EFFECTIVE,
        "legal",
    ),
    (
        "FRM-001",
        "Form: expert's declaration of no conflict of interest",
        Document.Type.FORM,
        Document.Status.EFFECTIVE,
        "legal",
    ),
    (
        "EXT-001",
        "Standards and Guidelines for Quality Assurance in the EHEA (ESG 2015)",
        Document.Type.EXTERNAL,
        Document.Status.EFFECTIVE,
        "qms",
    ),
    ("LAW-001", "Law on education", Document.Type.LEGAL_ACT, Document.Status.EFFECTIVE, "legal"),
]


def seed(people: dict) -> None:
    for code, title, doc_type, status, owner in DOCUMENTS:
        Document.objects.get_or_create(
            code=code,
            defaults={"title": title, "doc_type": doc_type, "status": status, "owner": people[owner]},
        )


def seed_scale(n: int, *, owner) -> int:
    existing = set(Document.objects.filter(code__startswith="BENCH-").values_list("code", flat=True))
    rows = [
        Document(
            code=f"BENCH-{i:06d}",
            title=f"Benchmark document {i}",
            doc_type=Document.Type.RECORD,
            status=Document.Status.EFFECTIVE,
            owner=owner,
        )
        for i in range(1, n + 1)
        if f"BENCH-{i:06d}" not in existing
    ]
    bulk_create_with_history(rows, Document, batch_size=2000)
    return len(rows)
