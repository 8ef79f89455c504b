"""An accreditation project from the application to the self-assessment (§6.1–6.2), and the
moves every later stage shares: the project's table, its lock and the checks of who runs it."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm, remove_perm

from core.files import check_upload
from core.permissions import people_with_perm, require_perm
from core.services import notification_send, sequence_next
from core.workflow import event_record, transition_perform
from documents.models import RecordClass

from ..models import (
    AccreditationProject,
    Contract,
    ContractAmendment,
    Organization,
    SelfAssessment,
)
from ..selectors import runs
from ..selectors.standards import current_standards, threshold_list_current
from ..workflow import PROJECT_WORKFLOW, stage_due


def accreditation_record_class():
    """The class of the file nomenclature an accreditation file belongs to (§3.2.2), named by
    ``IAAR_ACCREDITATION_RECORD_CLASS``; None until the nomenclature has it."""
    return RecordClass.objects.filter(code=settings.IAAR_ACCREDITATION_RECORD_CLASS).first()


def project_number_next(year: int) -> str:
    """PR-2026-0012: the project's own number, from the year of its application."""
    return f"PR-{year}-{sequence_next(f'project-{year}'):04d}"


@transaction.atomic
def project_apply(
    *, actor, organization: Organization, kind: str, level: str, programmes=(), note: str = ""
) -> AccreditationProject:
    """An organization's representative applies for accreditation (§6.1)."""
    if not ObjectPermissionChecker(actor).has_perm("represent_organization", organization):
        raise PermissionDenied(_("You do not represent this organization."))
    programmes = list(programmes)
    if any(p.organization_id != organization.pk for p in programmes):
        raise ValidationError(_("Choose programmes of the applying organization only."))
    if kind != AccreditationProject.Kind.INSTITUTIONAL and not programmes:
        raise ValidationError(_("A programme accreditation needs at least one programme."))
    project = AccreditationProject.objects.create(
        number=project_number_next(timezone.localdate().year),
        organization=organization,
        kind=kind,
        level=level,
        applicant=actor,
        application_note=note,
        stage_due=stage_due(AccreditationProject.Status.APPLICATION, timezone.localdate()),
        standard_set=current_standards(kind),
        record_class=accreditation_record_class(),
    )
    project.programmes.set(programmes)
    assign_perm("accreditation.view_accreditationproject", actor, project)
    event_record(
        obj=project,
        action=gettext_lazy("Application submitted"),
        actor=actor,
        to_state=project.status,
        comment=note,
    )

    notification_send(
        recipients=people_with_perm("accreditation.change_accreditationproject"),
        subject=gettext_lazy("New application for accreditation: %(organization)s"),
        params={"organization": organization.name},
        url=project.get_absolute_url(),
    )
    return project


def project_advance(
    *, project, actor, target: str, comment: str = "", action: str = "", params: dict | None = None
) -> AccreditationProject:
    """Move the project to its next stage on the table and set the new stage's due date;
    ``action`` with ``params`` names the move on the timeline instead of the table's label."""
    return transition_perform(
        obj=project,
        workflow=PROJECT_WORKFLOW,
        target=target,
        actor=actor,
        comment=comment,
        action=action,
        params=params,
        also={"stage_due": stage_due(target, timezone.localdate()), "stage_reminded_on": None},
    )


def project_move(*, project, actor, target: str, comment: str = ""):
    """A move from the project's table that needs no more than the actor's right."""
    return project_advance(project=project, actor=actor, target=target, comment=comment)


def require_runner(actor, project) -> None:
    if not runs(actor, project):
        raise PermissionDenied(_("Only the project's coordinator or a project manager can do this."))


def _grant_view(user, project) -> None:
    assign_perm("accreditation.view_accreditationproject", user, project)
    assign_perm("accreditation.view_organization", user, project.organization)


def locked(project) -> AccreditationProject:
    return AccreditationProject.objects.select_for_update().get(pk=project.pk)


def require_stage(project, *stages, message: str) -> None:
    if project.status not in stages:
        raise ValidationError(message)


@transaction.atomic
def project_assign(*, project, actor, coordinator, project_manager=None, standard_set=None):
    """A project manager names the coordinator who runs the project (and the standards applied)."""
    require_perm(actor, "accreditation.change_accreditationproject")
    project = AccreditationProject.objects.select_for_update().get(pk=project.pk)
    if not coordinator.has_perm("accreditation.coordinate_project"):
        raise ValidationError(_("%(name)s does not hold the coordinator role.") % {"name": coordinator})
    if project.coordinator_id and project.coordinator_id != coordinator.pk:
        remove_perm("accreditation.view_accreditationproject", project.coordinator, project)
    project.coordinator = coordinator
    project.project_manager = project_manager or project.project_manager or actor
    if standard_set is not None:
        if project.status in (
            AccreditationProject.Status.INTERNAL_EXPERTISE,
            AccreditationProject.Status.COUNCIL,
        ):
            raise ValidationError(_("The standards cannot change once the report is submitted."))
        project.standard_set = standard_set
    project._change_reason = "Coordinator assigned"
    project.save()
    _grant_view(coordinator, project)
    event_record(
        obj=project,
        action=gettext_lazy("Coordinator %(name)s assigned"),
        actor=actor,
        params={"name": str(coordinator)},
    )
    notification_send(
        recipients=[coordinator],
        subject=gettext_lazy("You coordinate the accreditation of %(organization)s"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return project


@transaction.atomic
def threshold_decide(*, project, actor, items: dict[str, bool], reasons: str = ""):
    """Record the threshold checklist; all items met → contract stage, otherwise rejection
    with the reasons, which the organization reads."""
    require_perm(actor, "accreditation.change_accreditationproject")
    project = AccreditationProject.objects.select_for_update().get(pk=project.pk)
    if project.status != AccreditationProject.Status.THRESHOLD_CHECK:
        raise ValidationError(_("The threshold check is not open for this project."))
    # The requirements in force today (§6.2.2); the project keeps this list once checked.
    checklist = threshold_list_current(project.level)
    if checklist is None:
        raise ValidationError(_("No threshold requirements are in force for this level of education."))
    expected = list(checklist.items.values_list("code", flat=True))
    if set(items) != set(expected):
        raise ValidationError(_("Answer every item of the checklist."))
    passed = all(items.values())
    if not passed and not reasons.strip():
        raise ValidationError(_("Say why the organization does not meet the threshold requirements."))
    project.threshold_items = items
    project.threshold_list = checklist
    project.threshold_reasons = reasons
    project.save()
    target = AccreditationProject.Status.CONTRACT if passed else AccreditationProject.Status.REJECTED
    project = project_advance(project=project, actor=actor, target=target, comment=reasons)
    if project.applicant_id:
        notification_send(
            recipients=[project.applicant],
            subject=gettext_lazy("Threshold check of %(organization)s: requirements met")
            if passed
            else gettext_lazy("Threshold check of %(organization)s: requirements not met"),
            params={"organization": project.organization.name},
            body=reasons,
            url=project.get_absolute_url(),
        )
    return project


@transaction.atomic
def contract_register(*, project, actor, number: str, cost, signed_on, valid_until, currency: str = "KZT"):
    """Register the signed contract; the organization moves on to its self-assessment."""
    require_perm(actor, "accreditation.change_accreditationproject")
    project = AccreditationProject.objects.select_for_update().get(pk=project.pk)
    if project.status != AccreditationProject.Status.CONTRACT:
        raise ValidationError(_("A contract is registered after the threshold check is passed."))
    if valid_until <= signed_on:
        raise ValidationError(_("The contract must end after the day it is signed."))
    if Contract.objects.filter(number=number).exists():
        raise ValidationError(_("Contract number %(number)s is already used.") % {"number": number})
    try:
        with transaction.atomic():
            Contract.objects.create(
                project=project,
                number=number,
                cost=cost,
                currency=currency,
                signed_on=signed_on,
                valid_until=valid_until,
            )
    except IntegrityError as exc:  # the same number registered at the same moment
        raise ValidationError(_("Contract number %(number)s is already used.") % {"number": number}) from exc
    return project_advance(
        project=project,
        actor=actor,
        target=AccreditationProject.Status.SELF_ASSESSMENT,
        comment=f"{number}: {cost} {currency}",
    )


@transaction.atomic
def self_assessment_submit(*, project, actor, upload) -> SelfAssessment:
    """The organization uploads its self-assessment report; IAAR reviews it."""
    project = AccreditationProject.objects.select_for_update().get(pk=project.pk)
    if not ObjectPermissionChecker(actor).has_perm("represent_organization", project.organization):
        raise PermissionDenied(_("You do not represent this organization."))
    if project.status != AccreditationProject.Status.SELF_ASSESSMENT:
        raise ValidationError(_("The self-assessment report is uploaded once the contract is signed."))
    if project.self_assessments.filter(decision=SelfAssessment.Decision.PENDING).exists():
        raise ValidationError(_("The previous report is still being reviewed."))
    checked = check_upload(upload)
    report = SelfAssessment(
        project=project,
        round=project.self_assessments.count() + 1,
        file_name=upload.name[:255],
        file_type=checked.kind,
        sha256=checked.sha256,
        submitted_by=actor,
    )
    report.file.save(upload.name, upload, save=False)
    report.save()
    event_record(
        obj=project,
        action=gettext_lazy("Self-assessment report %(round)s uploaded"),
        actor=actor,
        params={"round": report.round},
    )
    notification_send(
        recipients=people_with_perm("accreditation.change_accreditationproject"),
        subject=gettext_lazy("Self-assessment report of %(organization)s to review"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return report


@transaction.atomic
def self_assessment_review(
    *, report: SelfAssessment, actor, conforming: bool, comments: str = ""
) -> SelfAssessment:
    """IAAR's review: a conforming report opens the EEC formation; a returned one counts toward
    KPI 1 and the organization uploads a corrected report."""
    require_perm(actor, "accreditation.change_accreditationproject")
    report = SelfAssessment.objects.select_for_update().select_related("project").get(pk=report.pk)
    if report.decision != SelfAssessment.Decision.PENDING:
        raise ValidationError(_("This report is reviewed already."))
    if not conforming and not comments.strip():
        raise ValidationError(_("Say what does not conform to the standards."))
    report.decision = SelfAssessment.Decision.CONFORMING if conforming else SelfAssessment.Decision.RETURNED
    report.reviewed_by, report.reviewed_at, report.comments = actor, timezone.now(), comments
    report.save()
    project = report.project
    if conforming:
        project_advance(
            project=project, actor=actor, target=AccreditationProject.Status.EEC_FORMATION, comment=comments
        )
    else:
        event_record(
            obj=project,
            action=gettext_lazy("Self-assessment report %(round)s returned"),
            actor=actor,
            params={"round": report.round},
            comment=comments,
        )
    notification_send(
        recipients=[report.submitted_by],
        subject=gettext_lazy("Your self-assessment report conforms to the standards")
        if conforming
        else gettext_lazy("Your self-assessment report is returned for correction"),
        body=comments,
        url=project.get_absolute_url(),
    )
    return report


@transaction.atomic
def contract_amend(
    *, project, actor, signed_on, summary: str, new_cost=None, new_valid_until=None
) -> ContractAmendment:
    """Record a signed amendment; a new cost or term replaces the contract's (history keeps
    the old values)."""
    require_perm(actor, "accreditation.change_accreditationproject")
    contract = Contract.objects.select_for_update().filter(project=project).first()
    if contract is None:
        raise ValidationError(_("The project has no contract to amend."))
    if not summary.strip():
        raise ValidationError(_("Say what the amendment changes."))
    if signed_on < contract.signed_on:
        raise ValidationError(_("An amendment cannot be signed before the contract."))
    if new_valid_until is not None and new_valid_until <= contract.signed_on:
        raise ValidationError(_("The contract must end after the day it is signed."))
    amendment = ContractAmendment.objects.create(
        contract=contract,
        number=contract.amendments.count() + 1,
        signed_on=signed_on,
        summary=summary,
        new_cost=new_cost,
        new_valid_until=new_valid_until,
        recorded_by=actor,
    )
    if new_cost is not None:
        contract.cost = new_cost
    if new_valid_until is not None:
        contract.valid_until = new_valid_until
    contract._change_reason = f"Amendment {amendment.number}"
    contract.save()
    event_record(
        obj=project,
        action=gettext_lazy("Contract amendment %(number)s recorded"),
        actor=actor,
        params={"number": amendment.number},
        comment=summary,
    )
    return amendment
