"""Drive a project through its stages with the real services, as its people would.

The demo uses it to show projects in every stage with a full timeline; the tests use it to
reach a stage before checking the next one. Nothing here bypasses a rule.
"""

import datetime
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accreditation import selectors, services
from accreditation.conflicts import conflicts_for
from accreditation.models import AccreditationProject, CommissionEvaluation, CommissionMember, Score

S = AccreditationProject.Status
ORDER = [
    S.APPLICATION,
    S.THRESHOLD_CHECK,
    S.CONTRACT,
    S.SELF_ASSESSMENT,
    S.EEC_FORMATION,
    S.VISIT,
    S.EEC_REPORT,
    S.INTERNAL_EXPERTISE,
    S.COUNCIL,
    S.DECIDED,
    S.POST_MONITORING,
]


@dataclass
class Cast:
    """The people an accreditation needs."""

    pm: object
    coordinator: object
    rep: object
    director: object
    secretary: object
    experts: list  # Expert rows; the first chairs
    council: list  # council members' users
    password: str
    votes: list = field(default_factory=list)  # choices, one per council member


def pdf_upload(name: str, text: str) -> SimpleUploadedFile:
    from demo.documents import simple_pdf

    return SimpleUploadedFile(name, simple_pdf([text]), content_type="application/pdf")


def _next_number(prefix: str) -> str:
    from core.services import sequence_next

    return f"{prefix}-{sequence_next(f'walkthrough-{prefix}'):04d}"


def drive(project: AccreditationProject, cast: Cast, until: str) -> AccreditationProject:
    """Take the project forward stage by stage until it reaches ``until``."""
    target = ORDER.index(until)
    while project.status in ORDER and ORDER.index(project.status) < target:
        _step(project, cast)
        project = AccreditationProject.objects.get(pk=project.pk)
    return project


def _step(project, cast: Cast):
    today = timezone.localdate()
    status = project.status
    if status == S.APPLICATION:
        return services.project_move(project=project, actor=cast.pm, target=S.THRESHOLD_CHECK)
    if status == S.THRESHOLD_CHECK:
        from accreditation.selectors.standards import checklist_for

        items = {code: True for code, _label in checklist_for(project.level)}
        return services.threshold_decide(project=project, actor=cast.pm, items=items)
    if status == S.CONTRACT:
        services.project_assign(project=project, actor=cast.pm, coordinator=cast.coordinator)
        return services.contract_register(
            project=project,
            actor=cast.pm,
            number=_next_number("C"),
            cost=2_500_000,
            signed_on=today - datetime.timedelta(days=120),
            valid_until=today + datetime.timedelta(days=365),
        )
    if status == S.SELF_ASSESSMENT:
        report = services.self_assessment_submit(
            project=project,
            actor=cast.rep,
            upload=pdf_upload("self-assessment.pdf", "Self-assessment report"),
        )
        return services.self_assessment_review(report=report, actor=cast.pm, conforming=True)
    if status == S.EEC_FORMATION:
        for number, expert in enumerate(cast.experts):
            role = CommissionMember.Role.CHAIR if number == 0 else CommissionMember.Role.MEMBER
            warnings = conflicts_for(expert, project)
            services.member_add(
                project=project,
                actor=cast.coordinator,
                expert=expert,
                role=role,
                conflict_note="Checked by the coordinator: no real conflict." if warnings else "",
            )
        services.visit_plan(
            project=project,
            actor=cast.coordinator,
            starts_on=today - datetime.timedelta(days=12),
            ends_on=today - datetime.timedelta(days=10),
        )
        services.commission_propose(project=project, actor=cast.coordinator)
        for seat in project.members.filter(is_active=True):
            services.declaration_sign(member=seat, actor=seat.expert.user)
        services.commission_respond(project=project, actor=cast.rep, agree=True)
        return services.commission_approve(project=project, actor=cast.director)
    if status == S.VISIT:
        ratings = {code: 5 for code, _label in CommissionEvaluation.ASPECTS}
        return services.visit_held(project=project, actor=cast.coordinator, ratings=ratings)
    if status == S.EEC_REPORT:
        criteria = selectors.criteria_of(project)
        scale = [Score.STRONG, Score.SATISFACTORY, Score.SATISFACTORY, Score.IMPROVE]
        for n, expert in enumerate(cast.experts):
            services.scores_save(
                project=project,
                actor=expert.user,
                scores={c.pk: scale[(i + n) % len(scale)] for i, c in enumerate(criteria)},
            )
        chair = cast.experts[0].user
        services.consolidate(
            project=project, actor=chair, scores={c.pk: scale[i % len(scale)] for i, c in enumerate(criteria)}
        )
        services.report_save(
            project=project,
            actor=chair,
            strengths="Strong links with employers; modern laboratories.",
            recommendations_eo="Involve students in the review of the programme.",
            recommendations_council="Accredit for five years.",
            recommended_outcome="accredit",
            recommended_years=5,
        )
        return services.report_submit(project=project, actor=chair)
    if status == S.INTERNAL_EXPERTISE:
        services.report_review(project=project, actor=cast.pm, conforming=True)
        return project
    if status == S.COUNCIL:
        meeting = services.meeting_create(
            actor=cast.secretary,
            number=_next_number("AC"),
            date=today - datetime.timedelta(days=2),
            place="Astana",
            members=cast.council,
        )
        item = services.agenda_add(meeting=meeting, actor=cast.secretary, project=project)
        services.attendance_record(
            meeting=meeting, actor=cast.secretary, present_ids=[m.pk for m in cast.council]
        )
        services.meeting_open(meeting=meeting, actor=cast.secretary)
        votes = cast.votes or ["accredit_5"] * len(cast.council)
        for member, choice in zip(cast.council, votes, strict=False):
            services.vote_cast(item=item, actor=member, choice=choice)
        services.item_close(item=item, actor=cast.secretary)
        services.meeting_close(meeting=meeting, actor=cast.secretary, minutes="Decided by open vote.")
        return project
    if status == S.DECIDED:
        for certificate in project.certificates.filter(status="draft"):
            services.certificate_sign(certificate=certificate, actor=cast.director, password=cast.password)
        services.publish(project=project, actor=cast.secretary)
        return project
    raise ValueError(f"No step from {status}")


def council_decides(project: AccreditationProject, cast: Cast, choice: str, number: str = "AC-R"):
    """A council meeting where three members vote ``choice`` on a project (e.g. "revoke" for one
    under monitoring) and the secretary closes the vote: what the registry then shows."""
    from accreditation import services as council

    meeting = council.meeting_create(
        actor=cast.secretary, number=number, date=timezone.localdate(), members=cast.council
    )
    item = council.agenda_add(meeting=meeting, actor=cast.secretary, project=project)
    council.attendance_record(meeting=meeting, actor=cast.secretary, present_ids=[m.pk for m in cast.council])
    council.meeting_open(meeting=meeting, actor=cast.secretary)
    for member in cast.council[:3]:
        council.vote_cast(item=item, actor=member, choice=choice)
    council.item_close(item=item, actor=cast.secretary)
    return item
