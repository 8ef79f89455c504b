"""Every role against every view: allowed → the page, denied → 403 (or the login page).

The URL list is read from the URLconf and each view's own access declaration, so a new
view joins the matrix by itself, and a view that declares no rule fails here.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from core.access import PUBLIC, SIGNED_IN, refusal_of, view_access_rule, view_moves, view_object_rule
from core.models import Notification
from core.roles import ROLE_PERMISSIONS, Role
from core.services import user_set_roles
from improvement.models import Nonconformity
from tests.accreditation import matrix_followup, matrix_standards
from tests.audits import matrix as matrix_audits
from tests.documents import matrix_records
from tests.factories import NonconformityFactory, ProgrammeFactory, ProjectFactory, UserFactory
from tests.governance import matrix as matrix_governance
from tests.governance import matrix_bodies, matrix_external_review, matrix_orders, matrix_plan_approval
from tests.governance import matrix_standards_dev as matrix_governance_stddev
from tests.governance import matrix_weekly as matrix_governance_weekly
from tests.improvement import matrix as matrix_improvement
from tests.improvement import matrix_outward, matrix_review
from tests.people import matrix_people
from tests.registry import matrix as matrix_registry
from tests.surveys import matrix as matrix_surveys
from tests.surveys import matrix_results as matrix_survey_results
from tests.surveys import matrix_targets as matrix_satisfaction_targets

# Apps with many object-level views describe their rows in a module of their own:
# POST_ONLY, kwargs(name, person) and post_data(name) (None: not mine). Who may use a view on
# its object is never kept here: it is what the view declares (``opens``, ``moves``).
EXTENSIONS = (
    matrix_orders,
    matrix_audits,
    matrix_improvement,
    matrix_surveys,
    matrix_survey_results,
    matrix_satisfaction_targets,
    matrix_review,
    matrix_outward,
    matrix_plan_approval,
    matrix_bodies,
    matrix_governance_weekly,
    matrix_governance_stddev,
    matrix_governance,
    matrix_registry,
    matrix_records,
    matrix_followup,
    matrix_external_review,
    matrix_standards,
    matrix_people,
)

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
    "accreditation:member_remove",
    "accreditation:commission_propose",
    "accreditation:declaration_sign",
    "accreditation:commission_approve",
    "accreditation:report_submit",
    "accreditation:publish",
    "accreditation:reaccreditation",
    "accreditation:certificate_reissue",
    "accreditation:agenda_add",
    "accreditation:attendance",
    "accreditation:meeting_open",
    "accreditation:meeting_close",
    "accreditation:vote",
    "accreditation:recuse",
    "accreditation:item_close",
    "accreditation:training_add",
    "accreditation:appeal_take",
}
for _extension in EXTENSIONS:
    POST_ONLY |= _extension.POST_ONLY


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
    for extension in EXTENSIONS:
        found = extension.kwargs(name, person)
        if found is not None:
            return found
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
    if name in (
        "registry:organization",
        "registry:programme",
        "registry:file",
        "registry:verify_number",
        "registry:export",
    ) or name.endswith("-detail"):
        return _registry_kwargs(name)
    if name == "sitemap_section":
        _registry_kwargs(name)
        return {"section": "organizations"}
    if name.startswith("accreditation:") and name.split(":")[1] in LIFECYCLE_VIEWS:
        return _lifecycle_kwargs(name.split(":")[1])
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
    if name in ("improvement:risk_detail", "improvement:risk_edit"):
        from core.models import Process
        from improvement.models import Risk

        owner = UserFactory(username="matrix_risk_owner")
        risk = Risk.objects.create(
            number="RK-M",
            title="A third person's risk",
            process=Process.objects.first(),
            owner=owner,
            likelihood=3,
            impact=4,
            review_on=timezone.localdate(),
            created_by=owner,
        )
        return {"pk": risk.pk}
    if name == "registry:deqar_export":
        return {"fmt": "json"}
    if name == "core:notification_read":
        owner = person if person is not None else UserFactory(username="matrix_reader")
        return {"pk": Notification.objects.create(recipient=owner, subject="Hello").pk}
    if name == "password_reset_confirm":
        return {"uidb64": "MQ", "token": "set-password"}
    return {}


LIFECYCLE_VIEWS = {
    "project_assign": "contract",
    "contract_amend": "self_assessment",
    "commission": "eec_formation",
    "member_remove": "eec_formation",
    "commission_propose": "eec_formation",
    "commission_respond": "eec_formation",
    "declaration_sign": "eec_formation",
    "commission_approve": "eec_formation",
    "visit_plan": "eec_formation",
    "session_add": "visit",
    "visit_held": "visit",
    "evidence_add": "visit",
    "evidence_file": "visit",
    "scores": "visit",
    "report_edit": "eec_report",
    "report_submit": "eec_report",
    "report_pdf": "internal_expertise",
    "report_review": "internal_expertise",
    "publish": "decided",
    "publication_file": "post_monitoring",
    "reaccreditation": "post_monitoring",
    "appeal_file": "decided",
    "monitoring_submit": "post_monitoring",
    "monitoring_review": "post_monitoring",
    "monitoring_file": "post_monitoring",
    "certificate_detail": "decided",
    "certificate_pdf": "decided",
    "certificate_reissue": "post_monitoring",
    "certificate_verify": "post_monitoring",
    "meeting_detail": "council",
    "agenda_add": "council",
    "attendance": "council",
    "meeting_open": "council",
    "meeting_close": "council",
    "vote": "council",
    "recuse": "council",
    "item_close": "council",
    "expert_detail": None,
    "expert_edit": None,
    "training_add": None,
    "training_certificate": None,
    "appeal_detail": "decided",
    "appeal_take": "decided",
}


def _lifecycle_kwargs(view: str) -> dict:
    """Objects of a project in the stage the view works in, all belonging to third persons,
    written straight to the database (the services are tested on their own)."""
    import datetime
    import uuid

    from django.core.files.base import ContentFile

    from accreditation.models import (
        AgendaItem,
        Appeal,
        Certificate,
        CommissionMember,
        CouncilAttendance,
        CouncilMeeting,
        Decision,
        EECReport,
        Evidence,
        Expert,
        MonitoringTask,
        Publication,
    )

    owner = UserFactory(username="matrix_lc_owner")
    expert, _created = Expert.objects.get_or_create(
        user=UserFactory(username="matrix_lc_expert"), defaults={"category": "academic", "field": "IT"}
    )
    if view in ("expert_detail", "expert_edit", "training_add"):
        return {"pk": expert.pk}
    if view == "training_certificate":
        from django.core.files.base import ContentFile

        training = expert.trainings.create(title="Matrix seminar", completed_on=datetime.date(2026, 1, 1))
        training.certificate.save("seminar.pdf", ContentFile(b"%PDF-1.4 matrix"), save=True)
        return {"pk": expert.pk, "training_pk": training.pk}
    stage = LIFECYCLE_VIEWS[view]
    project = ProjectFactory(status=stage, kind="specialized")
    project.programmes.add(ProgrammeFactory(organization=project.organization))
    today = datetime.date.today()
    seat = CommissionMember.objects.create(project=project, expert=expert, role="chair", added_by=owner)
    EECReport.objects.create(
        project=project, strengths="Good", recommended_outcome="accredit", recommended_years=5
    )
    meeting = CouncilMeeting.objects.create(
        number=f"M-{project.pk}",
        date=today,
        secretary=owner,
        status="open" if stage == "council" else "closed",
    )
    CouncilAttendance.objects.create(meeting=meeting, member=owner, present=True)
    item = AgendaItem.objects.create(
        meeting=meeting, project=project, state="pending" if stage == "council" else "decided"
    )
    if view in ("meeting_detail", "agenda_add", "attendance", "meeting_open", "meeting_close"):
        return {"pk": meeting.pk}
    if view in ("vote", "recuse", "item_close"):
        return {"pk": meeting.pk, "item_pk": item.pk}
    if view == "member_remove":
        return {"pk": project.pk, "member_pk": seat.pk}
    if view == "contract_amend":
        from accreditation.models import Contract

        Contract.objects.create(
            project=project,
            number=f"C-{project.pk}",
            cost=1000,
            signed_on=today - datetime.timedelta(days=30),
            valid_until=today + datetime.timedelta(days=300),
        )
    if view == "evidence_file":
        evidence = Evidence(
            project=project, title="Photo", file_name="a.txt", sha256="0" * 64, uploaded_by=owner
        )
        evidence.file.save("a.txt", ContentFile(b"evidence"), save=False)
        evidence.save()
        return {"pk": project.pk, "evidence_pk": evidence.pk}
    decision = Decision.objects.create(
        project=project,
        item=item,
        outcome="accredit",
        years=5,
        decided_on=today,
        votes_for=1,
        votes_cast=1,
        recorded_by=owner,
    )
    certificate = Certificate.objects.create(
        number=f"SA-TEST-{project.pk}",
        token=uuid.uuid4(),
        project=project,
        decision=decision,
        organization=project.organization,
        kind=project.kind,
        valid_from=today,
        valid_until=today + datetime.timedelta(days=365 * 5),
        status="draft" if stage == "decided" else "valid",
    )
    if view in ("certificate_detail", "certificate_pdf", "certificate_reissue"):
        return {"pk": certificate.pk}
    if view in ("publication_file", "certificate_verify"):
        publication = Publication(
            project=project, decision=decision, published_by=owner, authority_notice="Notice"
        )
        publication.decision_pdf.save("d.pdf", ContentFile(b"%PDF-1.4 decision"), save=False)
        publication.save()
        if view == "certificate_verify":  # the public check answers for published decisions only
            return {"token": certificate.token}
        return {"pk": project.pk, "publication_pk": publication.pk, "what": "decision"}
    if view.startswith("monitoring_"):
        task = MonitoringTask(
            project=project, kind="annual_report", due_on=today, status="submitted", file_name="m.txt"
        )
        task.file.save("m.txt", ContentFile(b"monitoring"), save=False)
        task.save()
        return {"pk": project.pk, "task_pk": task.pk}
    if view in ("appeal_detail", "appeal_take"):
        appeal = Appeal.objects.create(
            number=f"AP-T-{project.pk}",
            kind="appeal",
            project=project,
            decision=decision,
            filed_by=owner,
            name="Owner",
            email="owner@example.org",
            subject="Term",
            text="Five years is too short.",
            due_on=today,
        )
        return {"pk": appeal.pk}
    return {"pk": project.pk}


def _registry_kwargs(name: str) -> dict:
    """A published decision with a valid certificate: what the public registry shows."""
    from accreditation.models import Certificate, Publication

    kwargs = _lifecycle_kwargs("publication_file")
    publication = Publication.objects.get(pk=kwargs["publication_pk"])
    certificate = Certificate.objects.get(project=publication.project)
    certificate.programme = publication.project.programmes.first()
    Certificate.objects.filter(pk=certificate.pk).update(programme=certificate.programme)
    if name == "registry:file":
        return {"pk": publication.pk, "what": "decision"}
    if name == "registry:export":
        return {"fmt": "csv"}
    if name in ("registry:organization", "api:institution-detail"):
        return {"iaar_id": publication.project.organization.iaar_id}
    if name == "api:report-detail":
        return {"pk": publication.pk}
    if name in ("api:programme-detail", "registry:programme"):
        return {"pk": certificate.programme.pk}
    return {"number": certificate.number}


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
    if name in ("documents:export", "documents:familiarization_export"):
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
        "documents:preview",
        "documents:replace_file",
        "documents:submit",
        "documents:approve",
        "documents:return",
        "documents:distribute",
        "documents:approval_sheet",
    ):
        return {"pk": document.pk, "version_pk": draft.pk}
    return {"pk": document.pk}


def _post_data(name: str) -> dict:
    for extension in EXTENSIONS:
        found = extension.post_data(name)
        if found is not None:
            return found
    if name == "accreditation:representative_add":
        return {"user": UserFactory(username="matrix_rep").pk}
    if name == "accreditation:project_move":
        return {"target": "threshold_check"}
    if name == "accreditation:vote":
        return {"choice": "accredit_5"}
    if name == "accreditation:meeting_close":
        return {"minutes": "Closed."}
    if name == "improvement:transition":
        return {"target": Nonconformity.Status.UNDER_ANALYSIS}
    return {}


def _passes_url_rule(name: str, persona: str) -> bool:
    rule = view_access_rule(VIEWS[name])
    if rule == PUBLIC:
        return True
    if persona == ANONYMOUS:
        return False
    held = set() if persona == NO_ROLE else ROLE_PERMISSIONS[Role(persona)]
    return rule == SIGNED_IN or rule in held


def _derived(name: str, person, kwargs: dict) -> int | None:
    """What the view's declarations say for this person on the matrix's (third person's)
    object: 404 when its object rule (the app's selector) hides the object, 403 when it shows
    it but no move the view makes (``moves``) is this person's by the workflow table; None
    when the person may use the view."""
    from django.contrib.auth.models import AnonymousUser

    reader = person or AnonymousUser()
    opens = view_object_rule(VIEWS[name])
    if opens is not None and not opens(reader, **kwargs):
        return refusal_of(opens, reader)
    moves = view_moves(VIEWS[name])
    if moves is not None and not moves.allows(reader, **kwargs):
        return 403
    return None


def _expected_status(name: str, persona: str, person, kwargs: dict) -> int | None:
    """None: allowed (the page or a redirect); otherwise the status the person gets, from the
    URL's rule and then the view's own declarations (``_derived``)."""
    if not _passes_url_rule(name, persona):
        return 302 if persona == ANONYMOUS else 403
    return _derived(name, person, kwargs)


def test_every_view_declares_its_access_rule():
    undeclared = sorted(name for name, callback in VIEWS.items() if not view_access_rule(callback))
    assert undeclared == []


def test_post_only_views_refuse_get(admin_client, roles):
    for name in POST_ONLY:
        url = reverse(name, kwargs=_kwargs(name, None))
        assert admin_client.get(url).status_code == 405, name


# Views whose object is the reader's own (a notification, a reading task): made per person.
PERSON_DEPENDENT = {"core:notification_read", "documents:acknowledge"}


@pytest.fixture(scope="class")
def view_world(name, django_db_setup, django_db_blocker):
    """The view's objects and one person per persona, built once for all the personas of a
    view, in a transaction of their own that the view's last test rolls back. Each test runs
    inside it in its own savepoint (the ``db`` fixture), so what a test writes is gone before
    the next persona tries, as if the world had been built for it alone."""
    from django.db import connections, transaction

    with django_db_blocker.unblock():
        atomics = [transaction.atomic(using=alias) for alias in connections]
        for atomic in atomics:
            atomic.__enter__()
    try:
        with django_db_blocker.unblock():
            people = {ANONYMOUS: None}
            for persona in PERSONAS[1:]:
                person = UserFactory(username=f"m_{persona}")
                user_set_roles(user=person, roles=[] if persona == NO_ROLE else [persona])
                people[persona] = person
            shared = None if name in PERSON_DEPENDENT else _kwargs(name, None)
            kwargs = {p: shared if shared is not None else _kwargs(name, people[p]) for p in PERSONAS}
        yield people, kwargs
    finally:
        with django_db_blocker.unblock():
            for alias, atomic in zip(reversed(list(connections)), reversed(atomics), strict=True):
                transaction.set_rollback(True, using=alias)
                atomic.__exit__(None, None, None)


class TestEveryRoleAgainstEveryView:
    """One row per view and persona; the rows of a view share its world (see ``view_world``)
    and run together on one worker of a parallel run."""

    @pytest.mark.parametrize("persona", PERSONAS)
    @pytest.mark.parametrize(
        "name",
        [pytest.param(n, marks=pytest.mark.xdist_group(f"matrix:{n}")) for n in sorted(VIEWS)],
        scope="class",
    )
    def test_permission_matrix(self, name, persona, view_world, client, db):
        from django.contrib.auth import get_user_model

        people, world = view_world
        person = None
        if persona != ANONYMOUS:
            # Fresh from the database: no permission cache carried over from another persona.
            person = get_user_model().objects.get(pk=people[persona].pk)
            client.force_login(person)
        kwargs = world[persona]
        expected = _expected_status(name, persona, person, kwargs)
        url = reverse(name, kwargs=kwargs)
        response = client.post(url, _post_data(name)) if name in POST_ONLY else client.get(url)
        login_url = reverse("login")

        if expected is None:
            assert response.status_code in (200, 302), (name, persona, response.status_code)
            if response.status_code == 302:
                assert not response["Location"].startswith(login_url), (name, persona)
        elif expected == 302:
            assert response.status_code == 302, (name, persona, response.status_code)
            assert response["Location"].startswith(login_url), (name, persona)
        else:
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
