"""Rows for the records-retention and external-documents tests and matrix, written straight to
the database (the services that make forms and records are tested on their own)."""

import datetime
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from core.models import Process
from documents.models import (
    DestroyedFile,
    DestructionAct,
    Document,
    DocumentVersion,
    ExternalDocument,
    Record,
    RecordClass,
)


def form_version(owner) -> DocumentVersion:
    """An effective form to make records on."""
    code = f"FRM-T{Document.objects.count() + 1:03d}"
    document = Document.objects.create(
        code=code, title="Form", doc_type=Document.Type.FORM, status="effective", owner=owner
    )
    version = DocumentVersion(
        document=document,
        status="effective",
        file_name="form.txt",
        file_type="txt",
        file_size=4,
        sha256=hashlib.sha256(b"form").hexdigest(),
        change_summary="First",
        created_by=owner,
    )
    version.file.save("form.txt", ContentFile(b"form"), save=False)
    version.save()
    return version


def record_class(
    code: str = "01-01", years: int | None = 3, process_code: str = "eec-formation"
) -> RecordClass:
    return RecordClass.objects.get_or_create(
        code=code,
        defaults={
            "title": f"Class {code}",
            "retention_years": years,
            "process": Process.objects.get(code=process_code),
        },
    )[0]


def record(
    owner, *, title: str = "Old record", ended_days_ago: int = 10, klass=None, content: bytes = b""
) -> Record:
    """A record whose retention ended ``ended_days_ago`` days ago (negative: still kept)."""
    klass = klass or record_class()
    content = content or f"{title} {Record.objects.count()}".encode()
    row = Record(
        title=title,
        template_version=form_version(owner),
        process=klass.process,
        file_name=f"{title}.txt",
        file_type="txt",
        sha256=hashlib.sha256(content).hexdigest(),
        retention_until=timezone.localdate() - datetime.timedelta(days=ended_days_ago),
        record_class=klass,
        created_by=owner,
    )
    row.file.save(f"{title}.txt", ContentFile(content), save=False)
    row.save()
    return row


def act(proposer, records, status: str = "proposed") -> DestructionAct:
    made = DestructionAct.objects.create(
        number=f"DA-T-{DestructionAct.objects.count() + 1:03d}",
        basis="Retention ended",
        proposed_by=proposer,
        status=status,
    )
    for r in records:
        DestroyedFile(
            act=made,
            record=r,
            title=r.title,
            class_code=r.record_class.code,
            retention_until=r.retention_until,
            file_name=r.file_name,
            sha256=r.sha256,
        ).save()
    return made


def external(owner, *, title: str = "ESG", due: bool = False, status: str = "registered") -> ExternalDocument:
    today = timezone.localdate()
    return ExternalDocument.objects.create(
        title=title,
        issuer="ENQA, ESU, EUA, EURASHE",
        edition="2015",
        edition_date=datetime.date(2015, 5, 15),
        url="https://www.enqa.eu/esg-standards-and-guidelines-for-quality-assurance-in-the-ehea/",
        owner=owner,
        check_interval_months=12,
        next_check_on=today - datetime.timedelta(days=1) if due else today + datetime.timedelta(days=200),
        status=status,
        registered_by=owner,
    )
