"""The External Expert Commission: forming it without conflicts of interest (§5.2, §6.3), the
visit, the scores and the report, and IAAR's internal expertise."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm, remove_perm

from core import events
from core.files import check_upload
from core.models import stored_date, stored_label
from core.permissions import people_with_perm, require_perm
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..conflicts import conflicts_for
from ..models import (
    AccreditationProject,
    CommissionEvaluation,
    CommissionMember,
    CommissionState,
    CriterionScore,
    EECReport,
    Evidence,
    Expert,
    Outcome,
    ReportReview,
    Score,
    Visit,
    VisitSession,
)
from ..seating import approval_refusals
from ..selectors import criteria_of, representatives_of, seat_of, seats_of
from ..workflow import COMMISSION_WORKFLOW, EVIDENCE_ADD
from .projects import locked, project_advance, require_runner, require_stage

S = AccreditationProject.Status


def _commission_editable(project) -> None:
    require_stage(project, S.EEC_FORMATION, message=_("The commission is formed at the EEC formation stage."))
    if project.commission_state in (
        CommissionState.PROPOSED,
        CommissionState.AGREED,
        CommissionState.APPROVED,
    ):
        raise ValidationError(
            _("The composition is with the organization or approved; it cannot be changed now.")
        )


@transaction.atomic
def member_add(*, project, actor, expert: Expert, role: str, conflict_note: str = "") -> CommissionMember:
    """Seat an expert; conflict warnings must be answered with a note, and are kept."""
    project = locked(project)
    require_runner(actor, project)
    _commission_editable(project)
    if not expert.is_active:
        raise ValidationError(_("%(name)s is not active in the expert pool.") % {"name": expert})
    warnings = conflicts_for(expert, project)
    if warnings and not conflict_note.strip():
        raise ValidationError(
            _(
                "Possible conflict of interest: %(warnings)s Say why the expert may still serve, or choose another."
            )
            % {"warnings": " ".join(warnings)}
        )
    try:
        with transaction.atomic():
            member = CommissionMember.objects.create(
                project=project,
                expert=expert,
                role=role,
                conflicts=warnings,
                conflict_note=conflict_note,
                added_by=actor,
            )
    except IntegrityError as exc:
        if (
            role == CommissionMember.Role.CHAIR
            and project.members.filter(role="chair", is_active=True).exists()
        ):
            raise ValidationError(_("The commission has a chair already.")) from exc
        raise ValidationError(_("%(name)s is on this commission already.") % {"name": expert}) from exc
    assign_perm("accreditation.view_accreditationproject", expert.user, project)
    event_record(
        obj=project,
        action=gettext_lazy("%(name)s seated on the commission as %(role)s"),
        actor=actor,
        params={"name": str(expert), "role": stored_label(member.Role, member.role)},
        comment=conflict_note,
    )
    notification_send(
        recipients=[expert.user],
        subject=gettext_lazy("You are proposed for the expert commission on %(organization)s"),
        params={"organization": project.organization.name},
        body=gettext_lazy("Sign the no-conflict declaration on the project page."),
        url=project.get_absolute_url(),
    )
    return member


@transaction.atomic
def member_remove(*, member: CommissionMember, actor) -> None:
    project = locked(member.project)
    require_runner(actor, project)
    _commission_editable(project)
    member = CommissionMember.objects.select_for_update().get(pk=member.pk)
    member.is_active = False
    member.save()
    remove_perm("accreditation.view_accreditationproject", member.expert.user, project)
    event_record(
        obj=project,
        action=gettext_lazy("%(name)s removed from the commission"),
        actor=actor,
        params={"name": str(member.expert)},
    )


@transaction.atomic
def declaration_sign(*, member: CommissionMember, actor) -> CommissionMember:
    """The expert declares they have no conflict of interest with the organization."""
    member = CommissionMember.objects.select_for_update().select_related("expert").get(pk=member.pk)
    if member.expert.user_id != actor.pk:
        raise PermissionDenied(_("Only the expert signs their own declaration."))
    if not member.is_active:
        raise ValidationError(_("You are no longer on this commission."))
    if member.declaration_signed_at:
        raise ValidationError(_("You have signed the declaration already."))
    member.declaration_signed_at = timezone.now()
    member.save()
    event_record(
        obj=member.project,
        action=gettext_lazy("%(name)s signed the no-conflict declaration"),
        actor=actor,
        params={"name": str(member.expert)},
    )
    return member


@transaction.atomic
def commission_propose(*, project, actor) -> AccreditationProject:
    """Send the composition to the organization for agreement."""
    project = locked(project)
    require_runner(actor, project)
    _commission_editable(project)
    seats = list(seats_of(project))
    if not any(s.role == CommissionMember.Role.CHAIR for s in seats):
        raise ValidationError(_("Seat a chair first."))
    if len(seats) < 2:
        raise ValidationError(_("A commission has a chair and at least one member."))
    project = transition_perform(
        obj=project,
        workflow=COMMISSION_WORKFLOW,
        target=CommissionState.PROPOSED,
        actor=actor,
        also={"commission_objection": ""},
    )
    notification_send(
        recipients=representatives_of(project.organization),
        subject=gettext_lazy("Please agree the expert commission for %(organization)s"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return project


@transaction.atomic
def commission_respond(*, project, actor, agree: bool, reasons: str = "") -> AccreditationProject:
    """The organization agrees the composition, or objects with reasons."""
    project = locked(project)
    if not ObjectPermissionChecker(actor).has_perm("represent_organization", project.organization):
        raise PermissionDenied(_("You do not represent this organization."))
    if project.commission_state != CommissionState.PROPOSED:
        raise ValidationError(_("No composition is waiting for your agreement."))
    if not agree and not reasons.strip():
        raise ValidationError(_("Say why the organization objects."))
    project = transition_perform(
        obj=project,
        workflow=COMMISSION_WORKFLOW,
        target=CommissionState.AGREED if agree else CommissionState.OBJECTED,
        actor=actor,
        comment=reasons,
        also={"commission_objection": "" if agree else reasons},
    )
    recipients = [u for u in (project.coordinator, project.project_manager) if u] or list(
        people_with_perm("accreditation.change_accreditationproject")
    )
    if agree:
        recipients += list(people_with_perm("accreditation.approve_commission"))
    notification_send(
        recipients=recipients,
        subject=gettext_lazy("%(organization)s agreed the expert commission")
        if agree
        else gettext_lazy("%(organization)s objects to the expert commission"),
        params={"organization": project.organization.name},
        body=reasons,
        url=project.get_absolute_url(),
    )
    return project


@transaction.atomic
def commission_approve(*, project, actor) -> AccreditationProject:
    """The Director General approves the agreed commission; the visit stage opens."""
    require_perm(actor, "accreditation.approve_commission")
    project = locked(project)
    if project.commission_state != CommissionState.AGREED:
        raise ValidationError(_("The organization has not agreed the composition yet."))
    unsigned = [str(s.expert) for s in seats_of(project) if not s.declaration_signed_at]
    if unsigned:
        raise ValidationError(
            _("Waiting for the no-conflict declarations of: %(names)s.") % {"names": ", ".join(unsigned)}
        )
    # The code of ethics and the experts' training (the people app's checks): nothing is saved.
    if refusals := approval_refusals(s.expert for s in seats_of(project)):
        raise ValidationError(refusals)
    project = transition_perform(
        obj=project,
        workflow=COMMISSION_WORKFLOW,
        target=CommissionState.APPROVED,
        actor=actor,
        also={"commission_approved_by": actor, "commission_approved_at": timezone.now()},
    )
    project = project_advance(project=project, actor=actor, target=S.VISIT)
    notification_send(
        recipients=[s.expert.user for s in seats_of(project)] + [u for u in (project.coordinator,) if u],
        subject=gettext_lazy("The expert commission for %(organization)s is approved"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return project


# --- The visit -------------------------------------------------------------------------------


@transaction.atomic
def visit_plan(*, project, actor, starts_on, ends_on) -> Visit:
    project = locked(project)
    require_runner(actor, project)
    require_stage(
        project,
        S.EEC_FORMATION,
        S.VISIT,
        message=_("The visit is planned while the commission forms or before it goes."),
    )
    if ends_on < starts_on:
        raise ValidationError(_("The visit must end on or after its first day."))
    visit, _created = Visit.objects.update_or_create(
        project=project, defaults={"starts_on": starts_on, "ends_on": ends_on}
    )
    event_record(
        obj=project,
        action=gettext_lazy("Visit planned for %(start)s–%(end)s"),
        actor=actor,
        params={"start": stored_date(starts_on), "end": stored_date(ends_on)},
    )
    recipients = list(representatives_of(project.organization)) + [s.expert.user for s in seats_of(project)]
    notification_send(
        recipients=recipients,
        subject=gettext_lazy("Visit to %(organization)s: %(start)s–%(end)s"),
        params={
            "organization": project.organization.name,
            "start": stored_date(starts_on),
            "end": stored_date(ends_on),
        },
        url=project.get_absolute_url(),
    )
    return visit


@transaction.atomic
def session_add(*, project, actor, starts_at, kind: str, title: str, attendees: str = "") -> VisitSession:
    project = locked(project)
    require_runner(actor, project)
    visit = Visit.objects.filter(project=project).first()
    if visit is None:
        raise ValidationError(_("Plan the visit dates first."))
    if not (visit.starts_on <= timezone.localtime(starts_at).date() <= visit.ends_on):
        raise ValidationError(_("The session must fall within the visit dates."))
    return VisitSession.objects.create(
        project=project, starts_at=starts_at, kind=kind, title=title, attendees=attendees
    )


@transaction.atomic
def evidence_add(*, project, actor, title: str, upload) -> Evidence:
    project = locked(project)
    if not EVIDENCE_ADD.allows_on(actor, project):
        raise PermissionDenied(_("Only the commission and the coordinator add evidence."))
    require_stage(
        project, S.VISIT, S.EEC_REPORT, message=_("Evidence is added during the visit and the report.")
    )
    checked = check_upload(upload)
    evidence = Evidence(
        project=project, title=title, file_name=upload.name[:255], sha256=checked.sha256, uploaded_by=actor
    )
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    event_record(
        obj=project, action=gettext_lazy("Evidence “%(title)s” added"), actor=actor, params={"title": title}
    )
    return evidence


@transaction.atomic
def visit_held(*, project, actor, ratings: dict[str, int], comments: str = "") -> AccreditationProject:
    """After the visit the coordinator evaluates the commission; the report stage opens."""
    project = locked(project)
    require_runner(actor, project)
    require_stage(project, S.VISIT, message=_("The visit is recorded at the visit stage."))
    visit = Visit.objects.filter(project=project).first()
    if visit is None:
        raise ValidationError(_("Plan the visit dates first."))
    if visit.starts_on > timezone.localdate():
        raise ValidationError(_("The visit has not started yet."))
    codes = {code for code, _label in CommissionEvaluation.ASPECTS}
    if set(ratings) != codes or not all(1 <= int(v) <= 5 for v in ratings.values()):
        raise ValidationError(_("Rate every aspect from 1 to 5."))
    CommissionEvaluation.objects.create(project=project, ratings=ratings, comments=comments, evaluator=actor)
    visit.held = True
    visit.save()
    EECReport.objects.get_or_create(project=project)
    project = project_advance(project=project, actor=actor, target=S.EEC_REPORT, comment=comments)
    # Surveys sends the organization, the experts and the coordinator their surveys (§4.2,
    # §7.2.1) once the visit is recorded; a failure there never undoes the record.
    events.publish(events.VISIT_HELD, project_id=project.pk)
    return project


# --- Scores and the report -------------------------------------------------------------------


@transaction.atomic
def scores_save(*, project, actor, scores: dict[int, str], comments: dict[int, str] | None = None) -> int:
    """An expert scores the criteria (all or some; they can come back)."""
    project = locked(project)
    seat = seat_of(actor, project)
    if seat is None:
        raise PermissionDenied(_("Only members of the commission score the criteria."))
    require_stage(
        project, S.VISIT, S.EEC_REPORT, message=_("The criteria are scored during the visit and the report.")
    )
    return _write_scores(project, seat, scores, comments or {})


def _write_scores(project, seat, scores, comments) -> int:
    valid = {c.pk for c in criteria_of(project)}
    if not set(scores) <= valid:
        raise ValidationError(_("A criterion is not part of the standards applied."))
    if any(value not in Score.values for value in scores.values()):
        raise ValidationError(_("Use the scale: strong, satisfactory, suggests improvement, unsatisfactory."))
    for criterion_id, value in scores.items():
        CriterionScore.objects.update_or_create(
            project=project,
            criterion_id=criterion_id,
            member=seat,
            defaults={"score": value, "comment": comments.get(criterion_id, "")},
        )
    return len(scores)


def _require_chair(actor, project) -> CommissionMember:
    seat = seat_of(actor, project)
    if seat is None or seat.role != CommissionMember.Role.CHAIR:
        raise PermissionDenied(_("Only the chair of the commission does this."))
    return seat


@transaction.atomic
def consolidate(*, project, actor, scores: dict[int, str]) -> int:
    """The chair records the commission's score of each criterion."""
    project = locked(project)
    _require_chair(actor, project)
    require_stage(project, S.EEC_REPORT, message=_("The scores are consolidated at the report stage."))
    return _write_scores(project, None, scores, {})


@transaction.atomic
def report_save(*, project, actor, **fields) -> EECReport:
    project = locked(project)
    _require_chair(actor, project)
    require_stage(project, S.EEC_REPORT, message=_("The report is written at the report stage."))
    report, _created = EECReport.objects.get_or_create(project=project)
    for name in (
        "strengths",
        "recommendations_eo",
        "recommendations_council",
        "recommended_outcome",
        "recommended_years",
    ):
        if name in fields:
            setattr(report, name, fields[name])
    if report.recommended_outcome in (Outcome.ACCREDIT,) and not report.recommended_years:
        raise ValidationError(_("Recommend a term in years for accreditation."))
    report.save()
    return report


@transaction.atomic
def report_submit(*, project, actor) -> AccreditationProject:
    """The chair submits the report: every criterion consolidated, the summary written."""
    project = locked(project)
    _require_chair(actor, project)
    require_stage(project, S.EEC_REPORT, message=_("The report is written at the report stage."))
    report = EECReport.objects.select_for_update().get(project=project)
    missing = len(criteria_of(project)) - project.scores.filter(member__isnull=True).count()
    if not criteria_of(project) or missing:
        raise ValidationError(_("Consolidate every criterion first: %(n)s left.") % {"n": max(missing, 0)})
    if not (report.strengths.strip() and report.recommendations_eo.strip() and report.recommended_outcome):
        raise ValidationError(_("Write the strengths, the recommendations and the recommended decision."))
    report.submitted_by, report.submitted_at = actor, timezone.now()
    report.save()
    project = project_advance(project=project, actor=actor, target=S.INTERNAL_EXPERTISE)
    notification_send(
        recipients=people_with_perm("accreditation.change_accreditationproject"),
        subject=gettext_lazy("EEC report on %(organization)s for internal expertise"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return project


@transaction.atomic
def report_review(*, project, actor, conforming: bool, comments: str = "") -> ReportReview:
    """IAAR's internal expertise: a conforming report goes to the council; a returned one
    goes back to the commission and counts toward KPI 2."""
    require_perm(actor, "accreditation.change_accreditationproject")
    project = locked(project)
    require_stage(project, S.INTERNAL_EXPERTISE, message=_("No report is waiting for internal expertise."))
    if not conforming and not comments.strip():
        raise ValidationError(_("Say what the commission must correct."))
    report = EECReport.objects.select_for_update().get(project=project)
    review = ReportReview.objects.create(
        project=project,
        round=report.round,
        decision=ReportReview.Decision.CONFORMING if conforming else ReportReview.Decision.RETURNED,
        comments=comments,
        reviewer=actor,
    )
    if conforming:
        project_advance(project=project, actor=actor, target=S.COUNCIL, comment=comments)
    else:
        report.round += 1
        report.submitted_at = None
        report.save()
        project_advance(project=project, actor=actor, target=S.EEC_REPORT, comment=comments)
        chair = project.members.filter(is_active=True, role=CommissionMember.Role.CHAIR).first()
        if chair:
            notification_send(
                recipients=[chair.expert.user],
                subject=gettext_lazy("The EEC report on %(organization)s is returned for correction"),
                params={"organization": project.organization.name},
                body=comments,
                url=project.get_absolute_url(),
            )
    return review
