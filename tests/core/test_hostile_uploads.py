"""Hostile files through the real upload pages: the document register and the organization's
self-assessment. The page answers with the checker's message, nothing is stored (no row, no
file), and nothing the uploader sends yields a server error."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accreditation.models import SelfAssessment
from documents.models import Document, DocumentVersion
from tests.accreditation.test_application import _to_self_assessment, world  # noqa: F401
from tests.core.test_hostile_files import HOSTILE

# One of each family: an archive bomb, entity expansion, active PDF content, a polyglot, markup
# saved as text, and content that is not what its name says.
CASES = [
    "zip bomb",
    "billion laughs",
    "pdf javascript",
    "pdf and zip polyglot",
    "script in txt",
    "exe named pdf",
]


def _message(case: str) -> str:
    """What the one checker says about this file, as the page must show it."""
    from django.core.exceptions import ValidationError
    from django.utils.html import escape

    from core.files import check_upload

    try:
        check_upload(SimpleUploadedFile(*HOSTILE[case]))
    except ValidationError as refused:
        return escape(refused.messages[0])
    raise AssertionError(f"{case} was accepted")


def _stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.parametrize("case", CASES)
def test_the_document_register_refuses_a_hostile_file(case, client_as):
    client = client_as("legal_head")
    before = _stored_files()
    name, content = HOSTILE[case]
    response = client.post(
        reverse("documents:create"),
        {
            "doc_type": "policy",
            "title": "Privacy policy",
            "owner": client.user.pk,
            "confidentiality": "internal",
            "review_interval_months": 12,
            "retention_years": 5,
            "change_summary": "First edition",
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 200
    assert _message(case) in response.content.decode(), case
    assert not Document.objects.exists() and not DocumentVersion.objects.exists()
    assert _stored_files() == before


@pytest.mark.parametrize("case", CASES)
def test_the_self_assessment_upload_refuses_a_hostile_file(case, client, world):  # noqa: F811
    project = _to_self_assessment(world)
    client.force_login(world["rep"])
    before = _stored_files()
    name, content = HOSTILE[case]
    response = client.post(
        reverse("accreditation:self_assessment_submit", args=[project.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert _message(case) in response.content.decode(), case
    assert not SelfAssessment.objects.filter(project=project).exists()
    assert _stored_files() == before


def test_the_refusal_on_the_page_is_in_russian(client_as):
    client = client_as("legal_head")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    name, content = HOSTILE["pdf javascript"]
    response = client.post(
        reverse("documents:create"),
        {
            "doc_type": "policy",
            "title": "Политика",
            "owner": client.user.pk,
            "confidentiality": "internal",
            "review_interval_months": 12,
            "retention_years": 5,
            "change_summary": "Первая редакция",
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert "активное содержимое" in response.content.decode()
    assert not Document.objects.exists()
