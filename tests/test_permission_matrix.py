"""Every role against every view: allowed → the page, denied → 403 (or the login page).

The URL list is read from the URLconf and each view's own access declaration, so a new
view joins the matrix by itself, and a view that declares no rule fails here.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from core.access import PUBLIC, SIGNED_IN, view_access_rule
from core.models import Notification
from core.roles import ROLE_PERMISSIONS, Role
from core.services import user_set_roles
from improvement.models import Nonconformity
from tests.factories import NonconformityFactory, ProgrammeFactory, ProjectFactory, UserFactory

ANONYMOUS = "anonymous"
NO_ROLE = "no_role"
PERSONAS = [ANONYMOUS, NO_ROLE, *[r.value for r in Role]]

# Views that only accept POST: the matrix posts to them.
POST_ONLY = {
    "core:notification_read",
    "core:notification_read_all",
    "improvement:transition",
    "logout",
    "documents:acknowledge",
    "documents:confirm_withdrawal",
    "documents:archive",
    "documents:replace_file",
    "documents:record_archive",
    "accreditation:representative_add",
    "accreditation:project_move",
}


def _any(*perms):
    return lambda held: any(p in held for p in perms)


def _nobody(held):
    return False


# Where an object is involved, the object's own rule applies on top of the URL's rule.
# The matrix's objects belong to a third person, so only rights over every object count.
# A person who may not see the object gets 404 (as if it did not exist); one who sees it
# but may not act on it gets 403.
OBJECT_RULES = {
    "improvement:detail": (_any("improvement.view_all_nonconformities"), 404),
    "accreditation:organization_detail": (_any("accreditation.view_all_accreditations"), 404),
    "accreditation:project_detail": (_any("accreditation.view_all_accreditations"), 404),
    "accreditation:self_assessment_submit": (_any("accreditation.view_all_accreditations"), 404),
    "accreditation:self_assessment_file": (_any("accreditation.view_all_accreditations"), 404),
    "improvement:transition": (_any("improvement.view_all_nonconformities"), 404),
    "documents:record_detail": (_any("documents.change_record", "documents.view_all_documents"), 404),
    "documents:record_download": (_any("documents.change_record", "documents.view_all_documents"), 404),
    "documents:record_archive": (_any("documents.change_record", "documents.view_all_documents"), 404),
    # The owner or the drafting staff (legal head, IQAS owner) edit a document.
    **{
        name: (
            lambda held: (
                "documents.change_document" in held
                and ("documents.manage_familiarization" in held or "documents.view_all_documents" in held)
            ),
            403,
        )
        for name in (
            "documents:edit",
            "documents:version_create",
            "documents:withdraw",
            "documents:archive",
            "documents:submit",
            "documents:validate",
            "documents:replace_file",
        )
    },
    # Only the owner records a periodic review; only the named reviewer decides a step.
    "documents:periodic_review": (_nobody, 403),
    "documents:decide": (_nobody, 403),
}


def _walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry.callback


VIEWS = dict(_walk(get_resolver().url_patterns))


def _kwargs(name: str, person) -> dict:
    if name in (
        "accreditation:organization_detail",
        "accreditation:organization_edit",
        "accreditation:programme_create",
        "accreditation:representative_add",
    ):
        return {"pk": ProgrammeFactory().organization.pk}
    if name in (
        "accreditation:project_detail",
        "accreditation:project_move",
        "accreditation:project_threshold",
        "accreditation:project_contract",
    ):
        return {"pk": ProjectFactory().pk}
    if name in ("accreditation:self_assessment_review", "accreditation:self_assessment_file"):
        from django.core.files.uploadedfile import SimpleUploadedFile

        from accreditation.models import SelfAssessment

        project = ProjectFactory(status="self_assessment")
        report = SelfAssessment(
            project=project,
            file_name="report.txt",
            file_type="txt",
            sha256="0" * 64,
            submitted_by=UserFactory(username="matrix_eo"),
        )
        report.file.save("report.txt", SimpleUploadedFile("report.txt", b"Our self-assessment"), save=False)
        report.save()
        return {"pk": project.pk, "report_pk": report.pk}
    if name == "accreditation:self_assessment_submit":
        return {"pk": ProjectFactory(status="self_assessment").pk}
    if name == "accreditation:programme_edit":
        programme = ProgrammeFactory()
        return {"pk": programme.organization.pk, "programme_pk": programme.pk}
    if name.startswith("documents:"):
        return _document_kwargs(name, person)
    if name in ("improvement:detail", "improvement:transition"):
        raiser = UserFactory(username="matrix_raiser")
        return {"pk": NonconformityFactory(raised_by=raiser).pk}
    if name == "core:notification_read":
        owner = person if person is not None else UserFactory(username="matrix_reader")
        return {"pk": Notification.objects.create(recipient=owner, subject="Hello").pk}
    if name == "password_reset_confirm":
        return {"uidb64": "MQ", "token": "set-password"}
    return {}


def _document_world() -> dict:
    """An effective public document with a superseded version, a copy still out, a pending
    review step and a record, all belonging to third persons."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.models import Process
    from documents import services
    from documents.models import Document
    from tests.factories import PASSWORD, UserFactory

    owner = UserFactory(username="matrix_owner")
    user_set_roles(user=owner, roles=[Role.QMS_OWNER, Role.LEGAL_HEAD])
    reviewer = UserFactory(username="matrix_reviewer")
    boss = UserFactory(username="matrix_director")
    user_set_roles(user=boss, roles=[Role.DIRECTOR])

    def upload(text):
        return SimpleUploadedFile("form.txt", text.encode(), "text/plain")

    document = services.document_create(
        actor=owner,
        owner=owner,
        title="Matrix form",
        doc_type=Document.Type.FORM,
        upload=upload("v1"),
        change_summary="First",
        confidentiality=Document.Confidentiality.PUBLIC,
    )
    for number, text in enumerate(("v1", "v2")):
        version = document.versions.order_by("-major", "-minor").first()
        if number:
            version = services.version_create(
                document=document, actor=owner, upload=upload(text), change_summary="Next"
            )
        services.version_submit(version=version, actor=owner, reviewers=[reviewer])
        step = version.steps.get()
        services.step_decide(step=step, actor=reviewer, decision="agreed", password=PASSWORD)
        services.version_approve(
            version=version, actor=boss, password=PASSWORD, effective_from=timezone.localdate()
        )
        if not number:
            copy = services.distribution_issue(version=version, actor=owner, external="Ministry")[0]
    draft = services.version_create(
        document=document, actor=owner, upload=upload("v3"), change_summary="Draft"
    )
    services.version_submit(version=draft, actor=owner, reviewers=[reviewer])
    document.refresh_from_db()
    record = services.record_create(
        actor=owner,
        title="Matrix record",
        template_version=document.effective_version,
        process=Process.objects.first(),
        upload=upload("filled"),
    )
    return {"document": document, "draft": draft, "copy": copy, "record": record, "step": draft.steps.get()}


def _document_kwargs(name: str, person) -> dict:
    if name in (
        "documents:list",
        "documents:create",
        "documents:public",
        "documents:my_reading",
        "documents:familiarization",
        "documents:overdue_reviews",
        "documents:records",
        "documents:record_create",
    ):
        return {}
    if name == "documents:export":
        return {"fmt": "csv"}
    world = _document_world()
    document, draft = world["document"], world["draft"]
    if name == "documents:acknowledge":
        from documents.models import Acknowledgement

        owner = person if person is not None else UserFactory(username="matrix_ack")
        ack = Acknowledgement.objects.create(
            version=document.effective_version, person=owner, due_date="2030-01-01"
        )
        return {"pk": ack.pk}
    if name == "documents:confirm_withdrawal":
        return {"pk": world["copy"].pk}
    if name.startswith("documents:record_"):
        return {"pk": world["record"].pk}
    if name == "documents:decide":
        return {"pk": document.pk, "version_pk": draft.pk, "step_pk": world["step"].pk}
    if name in (
        "documents:version",
        "documents:download",
        "documents:replace_file",
        "documents:submit",
        "documents:validate",
        "documents:approve",
        "documents:return",
        "documents:distribute",
        "documents:approval_sheet",
    ):
        return {"pk": document.pk, "version_pk": draft.pk}
    return {"pk": document.pk}


def _post_data(name: str) -> dict:
    if name == "accreditation:representative_add":
        return {"user": UserFactory(username="matrix_rep").pk}
    if name == "accreditation:project_move":
        return {"target": "threshold_check"}
    if name == "improvement:transition":
        return {"target": Nonconformity.Status.UNDER_ANALYSIS}
    return {}


def _expected(name: str, persona: str) -> bool:
    rule = view_access_rule(VIEWS[name])
    if rule == PUBLIC:
        return True
    if persona == ANONYMOUS:
        return False
    held = set() if persona == NO_ROLE else ROLE_PERMISSIONS[Role(persona)]
    if rule != SIGNED_IN and rule not in held:
        return False
    object_rule = OBJECT_RULES.get(name)
    return object_rule is None or object_rule[0](held)


def test_every_view_declares_its_access_rule():
    undeclared = sorted(name for name, callback in VIEWS.items() if not view_access_rule(callback))
    assert undeclared == []


def test_post_only_views_refuse_get(admin_client, roles):
    for name in POST_ONLY:
        url = reverse(name, kwargs=_kwargs(name, None))
        assert admin_client.get(url).status_code == 405, name


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(VIEWS))
def test_permission_matrix(name, persona, client, make_person):
    person = None
    if persona != ANONYMOUS:
        person = make_person(*([] if persona == NO_ROLE else [persona]), username=f"m_{persona}")
        client.force_login(person)
    url = reverse(name, kwargs=_kwargs(name, person))
    response = client.post(url, _post_data(name)) if name in POST_ONLY else client.get(url)
    login_url = reverse("login")

    if _expected(name, persona):
        assert response.status_code in (200, 302), (name, persona, response.status_code)
        if response.status_code == 302:
            assert not response["Location"].startswith(login_url), (name, persona)
    elif persona == ANONYMOUS:
        assert response.status_code == 302, (name, persona, response.status_code)
        assert response["Location"].startswith(login_url), (name, persona)
    else:
        held = set() if persona == NO_ROLE else ROLE_PERMISSIONS[Role(persona)]
        rule = view_access_rule(VIEWS[name])
        passes_url_rule = rule == SIGNED_IN or rule in held
        expected = OBJECT_RULES[name][1] if passes_url_rule and name in OBJECT_RULES else 403
        assert response.status_code == expected, (name, persona, response.status_code)


def test_every_role_sees_only_menu_entries_it_may_open(client, make_person):
    from core.navigation import MENU

    for role in Role:
        person = make_person(role, username=f"menu_{role.value}")
        client.force_login(person)
        html = client.get(reverse("core:dashboard")).content.decode()
        for item in MENU:
            allowed = item.rule == SIGNED_IN or item.rule in ROLE_PERMISSIONS[role]
            assert (f'href="{reverse(item.url_name)}"' in html) == allowed, (role, item.url_name)
