"""Everything the issue lists as bad input: a clear message, and nothing changes."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from documents import services
from documents.models import Document, DocumentVersion, Signature
from tests.documents.conftest import pdf_bytes
from tests.factories import PASSWORD


def _register(client, upload, **extra):
    data = {
        "doc_type": "policy",
        "title": "Privacy policy",
        "owner": client.user.pk,
        "confidentiality": "internal",
        "review_interval_months": 12,
        "retention_years": 5,
        "change_summary": "First edition",
        "file": upload,
        **extra,
    }
    return client.post(reverse("documents:create"), data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff", "This type of file is not accepted"),
        ("policy.docx", pdf_bytes("a PDF in disguise"), "its content is PDF"),
        ("policy.pdf", b"Just some text, not a PDF", "its content is Plain text"),
        ("empty.txt", b"", "The submitted file is empty."),
    ],
)
def test_wrong_files_are_refused_with_a_message(client_as, upload, name, content, message):
    client = client_as("legal_head")
    response = _register(client, upload(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


@override_settings(DOCUMENT_MAX_UPLOAD_BYTES=100)
def test_an_oversized_file_is_refused(client_as, upload):
    client = client_as("legal_head")
    response = _register(client, upload("big.txt", "x" * 500))
    assert "the largest allowed is 100" in response.content.decode()
    assert not Document.objects.exists()


def test_a_restricted_document_needs_named_readers(client_as, upload):
    client = client_as("legal_head")
    response = _register(client, upload(), confidentiality="restricted")
    assert "A restricted document needs at least one named reader." in response.content.decode()
    assert not Document.objects.exists()


def test_a_wrong_password_signs_nothing(client, people, draft):
    version = draft.versions.get()
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer"]])
    step = version.steps.get()
    client.force_login(people["reviewer"])
    url = reverse("documents:decide", args=[draft.pk, version.pk, step.pk])
    response = client.post(url, {"decision": "agreed", "password": "not-my-password"})
    assert "The password is not right; nothing was signed." in response.content.decode()
    version.refresh_from_db()
    step.refresh_from_db()
    assert version.status == DocumentVersion.Status.IN_REVIEW
    assert step.decision == "pending"
    assert not Signature.objects.exists()


def test_approving_twice_is_refused(client, people, effective):
    version = effective.effective_version
    client.force_login(people["director"])
    url = reverse("documents:approve", args=[effective.pk, version.pk])
    response = client.post(
        url, {"password": PASSWORD, "effective_from": timezone.localdate(), "ack_days": 14}
    )
    assert "only a version awaiting approval can be approved" in response.content.decode()
    assert Signature.objects.filter(meaning="approved").count() == 1


def test_only_the_director_approves(people, draft):
    version = draft.versions.get()
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer"]])
    services.step_decide(
        step=version.steps.get(), actor=people["reviewer"], decision="agreed", password=PASSWORD
    )
    with pytest.raises(PermissionDenied):
        services.version_approve(
            version=version, actor=people["qms"], password=PASSWORD, effective_from=timezone.localdate()
        )
    version.refresh_from_db()
    assert version.status == DocumentVersion.Status.AWAITING_APPROVAL


def test_acknowledging_a_superseded_version_is_refused(client, people, effective, upload):
    ack = effective.effective_version.acknowledgements.get(person=people["staff"])
    revision = services.version_create(
        document=effective,
        actor=people["owner"],
        upload=upload(content="v2"),
        change_summary="Second edition",
    )
    services.version_submit(version=revision, actor=people["owner"], reviewers=[people["reviewer"]])
    services.step_decide(
        step=revision.steps.get(), actor=people["reviewer"], decision="agreed", password=PASSWORD
    )
    services.version_approve(
        version=revision, actor=people["director"], password=PASSWORD, effective_from=timezone.localdate()
    )
    client.force_login(people["staff"])
    response = client.post(reverse("documents:acknowledge", args=[ack.pk]), follow=True)
    assert (
        "is no longer in force; read and acknowledge the effective version instead"
        in response.content.decode()
    )
    ack.refresh_from_db()
    assert ack.acknowledged_at is None


def test_the_file_of_a_signed_version_can_never_be_replaced(people, effective, upload):
    version = effective.effective_version
    with pytest.raises(ValidationError, match="Only an unsigned draft's file can be replaced"):
        services.version_replace_file(
            version=version, actor=people["owner"], upload=upload(content="changed")
        )
    version.refresh_from_db()
    assert version.file.read() == b"Quality policy\n"


def test_a_tampered_file_is_not_handed_out(client, people, effective):
    version = effective.effective_version
    Path(version.file.path).write_bytes(b"tampered")
    client.force_login(people["staff"])
    response = client.get(reverse("documents:download", args=[effective.pk, version.pk]), follow=True)
    assert "does not match its recorded checksum" in response.content.decode()


def test_the_effective_date_cannot_be_in_the_past(people, draft):
    version = draft.versions.get()
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer"]])
    services.step_decide(
        step=version.steps.get(), actor=people["reviewer"], decision="agreed", password=PASSWORD
    )
    with pytest.raises(ValidationError, match="cannot be in the past"):
        services.version_approve(
            version=version,
            actor=people["director"],
            password=PASSWORD,
            effective_from=timezone.localdate() - timedelta(days=1),
        )
    assert not Signature.objects.filter(meaning="approved").exists()
