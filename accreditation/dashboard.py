"""What the accreditation asks of each person today, for the "my tasks" dashboard."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .models import AccreditationProject, Appeal, CommissionState, CouncilMeeting
from .selectors import next_action, organizations_represented_by

S = AccreditationProject.Status


def _candidates(user):
    """Projects where this person may have the next step, by role; one query."""
    q = Q(pk__in=[])
    if user.has_perm("accreditation.change_accreditationproject"):
        q |= Q(status__in=(S.APPLICATION, S.THRESHOLD_CHECK, S.CONTRACT, S.INTERNAL_EXPERTISE))
        q |= Q(status=S.SELF_ASSESSMENT, self_assessments__decision="pending")
    q |= Q(coordinator=user, status__in=(S.EEC_FORMATION, S.VISIT, S.POST_MONITORING))
    if user.has_perm("accreditation.apply_accreditation"):
        q |= Q(
            organization__in=organizations_represented_by(user),
            status__in=(S.SELF_ASSESSMENT, S.EEC_FORMATION, S.POST_MONITORING),
        )
    if user.has_perm("accreditation.serve_on_commission"):
        q |= Q(
            members__expert__user=user,
            members__is_active=True,
            status__in=(S.EEC_FORMATION, S.VISIT, S.EEC_REPORT),
        )
    if user.has_perm("accreditation.approve_commission"):
        q |= Q(status=S.EEC_FORMATION, commission_state=CommissionState.AGREED)
    if user.has_perm("accreditation.sign_certificate") or user.has_perm(
        "accreditation.record_council_decision"
    ):
        q |= Q(status__in=(S.COUNCIL, S.DECIDED))
    return AccreditationProject.objects.filter(q).distinct().select_related("organization")


def project_tasks(user):
    """One task per project: the next step, as the project page's main button shows it."""
    if not user.is_authenticated:
        return
    for project in _candidates(user).order_by("stage_due", "pk")[:30]:
        action = next_action(user, project)
        if action is None:
            continue
        yield TaskItem(
            f"{project.number} · {project.organization}" if project.number else str(project.organization),
            # A button that posts (or a list) is reached from the project page.
            project.get_absolute_url() if action["post"] or "/council/" in action["url"] else action["url"],
            _("Accreditations"),
            due=action.get("due", project.stage_due),
            detail=str(action["label"]),
        )


def council_tasks(user):
    """Open meetings where the member is present and still has items to vote on."""
    if not user.has_perm("accreditation.vote_in_council"):
        return
    meetings = CouncilMeeting.objects.filter(
        status=CouncilMeeting.Status.OPEN, attendance__member=user, attendance__present=True
    )
    for meeting in meetings:
        waiting = (
            meeting.items.filter(state="pending").exclude(votes__member=user).exclude(recusals__member=user)
        )
        count = waiting.count()
        if count:
            yield TaskItem(
                str(meeting),
                meeting.get_absolute_url(),
                _("Accreditation Council"),
                due=meeting.date,
                detail=_("%(n)s items to vote on") % {"n": count},
            )


def appeal_tasks(user):
    if not user.has_perm("accreditation.hear_appeal"):
        return
    for appeal in Appeal.objects.exclude(status=Appeal.Status.DECIDED).order_by("due_on")[:30]:
        yield TaskItem(
            str(appeal),
            appeal.get_absolute_url(),
            _("Appeals"),
            due=appeal.due_on,
            detail=str(appeal.get_status_display()),
        )
