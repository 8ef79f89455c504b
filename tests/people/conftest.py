"""A small agency for the people tests: a Director General at the top, a head of department
reporting to them, a specialist reporting to the head; and a helper that makes a controlled
document effective in one step (the documents app's route is tested there)."""

import datetime
import hashlib

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from core.roles import Role
from documents.models import Document, DocumentVersion
from people.models import Position, PositionHolding
from tests.factories import DocumentFactory


def make_effective(document: Document, *, major: int, owner) -> DocumentVersion:
    """A new effective version of ``document`` (the one before superseded)."""
    for old in document.versions.filter(status=DocumentVersion.Status.EFFECTIVE):
        old.status = DocumentVersion.Status.SUPERSEDED
        old.save()
    data = f"{document.title} v{major}".encode()
    version = DocumentVersion(
        document=document,
        major=major,
        status=DocumentVersion.Status.EFFECTIVE,
        file_name="code.pdf",
        file_type="pdf",
        file_size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        change_summary=f"Edition {major}",
        created_by=owner,
        effective_from=timezone.localdate(),
    )
    version.file.save("code.pdf", ContentFile(data), save=False)
    version.save()
    document.effective_version = version
    document.status = Document.Status.EFFECTIVE
    document.save()
    return version


@pytest.fixture
def agency(make_person):
    """The director, a head reporting to them, and a specialist reporting to the head."""
    director = make_person(Role.DIRECTOR, username="dg", first_name="Alma", last_name="Director")
    qms = make_person(Role.QMS_OWNER, Role.STAFF, username="qms", first_name="Dana", last_name="Tulegenova")
    head = make_person(Role.STAFF, username="head", first_name="Marat", last_name="Ospanov")
    trainee = make_person(Role.STAFF, username="trainee", first_name="Asel", last_name="Omarova")
    job = DocumentFactory(doc_type=Document.Type.JOB_DESCRIPTION, title="Job description: specialist")
    top = Position.objects.create(code="dg", title="Director General")
    dept = Position.objects.create(code="head", title="Head of the department", reports_to=top)
    spec = Position.objects.create(code="spec", title="Specialist", reports_to=dept, job_description=job)
    adviser = Position.objects.create(code="adviser", title="Adviser", reports_to=top)
    since = datetime.date(2024, 1, 15)
    for person, position in ((director, top), (head, dept), (trainee, spec), (qms, adviser)):
        PositionHolding.objects.create(position=position, person=person, since=since)

    class Agency:
        pass

    a = Agency()
    a.director, a.qms, a.head, a.trainee = director, qms, head, trainee
    a.top, a.dept, a.spec, a.job = top, dept, spec, job
    return a
