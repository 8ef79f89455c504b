"""A standard document with a draft version that carries a standard set and the threshold
requirements, driven through the real approval route (peer review, a body's validation, the
Director General's approval): what the tests of the assessment instruments build on."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accreditation.services import standards as instruments
from core.roles import Role
from core.services import user_set_roles
from documents import services as documents
from documents.models import Document
from tests.factories import PASSWORD, UserFactory

TEXTS = {"ru": "Критерий", "kk": "Критерий (kk)", "ky": "Критерий (ky)"}


def texts(field: str, english: str, **languages) -> dict:
    return {
        field: english,
        **{f"{field}_{lang}": languages.get(lang, f"{TEXTS[lang]}: {english}") for lang in TEXTS},
    }


def staff(prefix: str = "std") -> dict:
    def person(name, *roles):
        user = UserFactory(username=f"{prefix}_{name}")
        user_set_roles(user=user, roles=list(roles))
        return type(user).objects.get(pk=user.pk)

    return {
        "pm": person("pm", Role.PROJECT_MANAGER, Role.STAFF),
        "qms": person("qms", Role.QMS_OWNER, Role.STAFF),
        "legal": person("legal", Role.LEGAL_HEAD, Role.STAFF),
        "expert": person("expert", Role.EXPERT),
        "director": person("director", Role.DIRECTOR),
    }


def standard_document(
    people, title="Standards of institutional accreditation", doc_type=Document.Type.STANDARD
):
    return documents.document_create(
        actor=people["qms"],
        owner=people["qms"],
        title=title,
        doc_type=doc_type,
        upload=SimpleUploadedFile("standards.txt", b"Standards\n", "text/plain"),
        change_summary="First edition.",
        confidentiality=Document.Confidentiality.PUBLIC,
    )


def new_version(document, people):
    return documents.version_create(
        document=document,
        actor=people["qms"],
        upload=SimpleUploadedFile("standards-2.txt", b"Standards, edition 2\n", "text/plain"),
        change_summary="New edition.",
        major=True,
    )


def approve(version, people):
    """Review, (for standards) peer review and validation, then the Director General's approval,
    effective today."""
    design = version.document.follows_design_route
    documents.version_submit(
        version=version,
        actor=people["qms"],
        reviewers=[people["legal"]],
        peer_reviewers=[people["expert"]] if design else [],
    )
    for step in version.steps.filter(decision="pending"):
        documents.step_decide(step=step, actor=step.reviewer, decision="agreed", password=PASSWORD)
    if design:
        documents.version_validation_from_body(
            version=version,
            actor=people["qms"],
            body="Expert council",
            meeting_date=timezone.localdate(),
        )
    documents.version_approve(
        version=version, actor=people["director"], password=PASSWORD, effective_from=timezone.localdate()
    )
    version.refresh_from_db()
    return version


def draft_set(version, people, *, code="IAAR-INST-HE", kind="institutional"):
    return instruments.standard_set_draft(
        actor=people["pm"],
        document_version=version,
        code=code,
        kind=kind,
        titles=texts("title", "Institutional"),
    )
