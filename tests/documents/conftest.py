import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.roles import Role
from documents import services
from documents.models import Document
from tests.factories import PASSWORD


def pdf_bytes(text: str) -> bytes:
    from demo.documents import simple_pdf

    return simple_pdf([text])


def docx_bytes(text: str) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


@pytest.fixture
def upload():
    def make(name: str = "policy.txt", content: bytes | str = b"Quality policy\n"):
        if isinstance(content, str):
            content = content.encode()
        return SimpleUploadedFile(name, content)

    return make


@pytest.fixture
def people(make_person):
    return {
        "owner": make_person(Role.LEGAL_HEAD, Role.STAFF, username="owner", language="en"),
        "qms": make_person(Role.QMS_OWNER, Role.STAFF, username="qms", language="en"),
        "reviewer": make_person(Role.STAFF, username="rev1", language="en"),
        "reviewer2": make_person(Role.STAFF, username="rev2", language="en"),
        "director": make_person(Role.DIRECTOR, username="dg", language="en"),
        "staff": make_person(Role.STAFF, username="clerk", language="en"),
    }


@pytest.fixture
def draft(people, upload):
    """A policy registered by the legal head: draft 1.0."""
    return services.document_create(
        actor=people["owner"],
        owner=people["owner"],
        title="Quality policy",
        doc_type=Document.Type.POLICY,
        upload=upload(),
        change_summary="First edition",
    )


def walk_to_effective(people, version, *, groups=(), readers=()):
    """Send a draft through one reviewer and the Director General's approval, in force today,
    asking these roles (``groups``) and people (``readers``) to read it."""
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer"]])
    services.step_decide(
        step=version.steps.get(), actor=people["reviewer"], decision="agreed", password=PASSWORD
    )
    services.version_approve(
        version=version,
        actor=people["director"],
        password=PASSWORD,
        effective_from=timezone.localdate(),
        ack_groups=groups,
        ack_users=readers,
    )
    version.refresh_from_db()
    return version


@pytest.fixture
def effective(people, draft):
    """Walk the draft to an effective version 1.0 that staff must acknowledge."""
    from django.contrib.auth.models import Group

    walk_to_effective(people, draft.versions.get(), groups=Group.objects.filter(name=Role.STAFF))
    draft.refresh_from_db()
    return draft
