"""The collegial bodies' pages: the list, a body with its roster and meetings, the roster's
editing, a meeting with its agenda, attendance, votes, decisions and actions, the minutes'
signatures and their PDF. Each move asks the rule the service enforces (governance.workflow_bodies)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.form_pages import form_page, run_service
from core.pdf import pdf_response, render_pdf
from core.selectors import events_for
from core.workflow import on_record

from ..forms_bodies import (
    ActionDoneForm,
    ActionForm,
    BodyForm,
    BodyMeetingForm,
    BodyMinutesForm,
    BodyRecuseForm,
    BodyVoteForm,
    DecideForm,
    ItemForm,
    MembershipEditForm,
    MembershipForm,
    MinutesSignForm,
)
from ..models.bodies import Body, BodyMeeting, DecisionAction, Membership
from ..selectors import bodies as selectors
from ..services import bodies as services
from ..workflow_bodies import (
    ACTION_WORKFLOW,
    ADMINISTER,
    MEETING_WORKFLOW,
    RUN,
    RUNS,
    SIGN,
    VIEW,
    chairs,
    keeps_meetings,
)

PLANS_MEETING = on_record(Body, RUNS)
MEETING_SHOWN = shown_by(selectors.meetings_for)


def _refuse_unless(rule, user, obj) -> None:
    if not rule.allows_on(user, obj):
        raise PermissionDenied


@access(VIEW)
def body_list(request: HttpRequest) -> HttpResponse:
    bodies = selectors.bodies_for(request.user).prefetch_related("memberships")
    return render(
        request,
        "governance/body_list.html",
        {"bodies": bodies, "may_add": request.user.has_perm(ADMINISTER)},
    )


@access(ADMINISTER)
def body_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        BodyForm(request.POST or None),
        action=lambda data: services.body_create(actor=request.user, **data),
        success=_("The body is added; now add its members."),
        done_url=lambda body: body.get_absolute_url(),
        template="governance/body_form.html",
        context={"heading": _("New collegial body")},
    )


@access(VIEW, opens=shown_by(selectors.bodies_for))
def body_detail(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_get_for(request.user, pk)
    return render(
        request,
        "governance/body_detail.html",
        {
            "body": body,
            **selectors.roster(body),
            "meetings": body.meetings.all(),
            "council_meetings": selectors.council_meetings() if body.is_accreditation_council else None,
            "may_keep_roster": request.user.has_perm(ADMINISTER),
            "may_plan": PLANS_MEETING.allows_on(request.user, body) and not body.is_accreditation_council,
            "events": events_for(body),
        },
    )


@access(ADMINISTER, opens=shown_by(selectors.bodies_for))
def body_edit(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_get_for(request.user, pk)
    return form_page(
        request,
        BodyForm(request.POST or None, instance=None if request.POST else body),
        action=lambda data: services.body_edit(
            body=body,
            actor=request.user,
            name=data["name"],
            quorum_rule=data["quorum_rule"],
            regulation=data["regulation"],
        ),
        success=_("Saved."),
        done_url=body.get_absolute_url(),
        template="governance/body_form.html",
        context={"heading": _("Edit %(body)s") % {"body": body}, "body": body},
    )


@access(ADMINISTER, opens=shown_by(selectors.bodies_for))
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_get_for(request.user, pk)
    return form_page(
        request,
        MembershipForm(request.POST or None),
        action=lambda data: services.membership_add(actor=request.user, body=body, **data),
        success=_("The member is added to the roster."),
        done_url=body.get_absolute_url(),
        template="governance/body_form.html",
        context={"heading": _("New member of %(body)s") % {"body": body}, "body": body},
    )


def _seats_for(user):
    return Membership.objects.filter(body__in=selectors.bodies_for(user))


@access(ADMINISTER, opens=shown_by(_seats_for))
def membership_edit(request: HttpRequest, pk: int) -> HttpResponse:
    seat = get_object_or_404(_seats_for(request.user).select_related("body", "person"), pk=pk)
    return form_page(
        request,
        MembershipEditForm(request.POST or None, instance=None if request.POST else seat),
        action=lambda data: services.membership_edit(actor=request.user, membership=seat, **data),
        success=_("The seat is saved; its history keeps the earlier terms."),
        done_url=seat.body.get_absolute_url(),
        template="governance/body_form.html",
        context={
            "heading": _("%(name)s on %(body)s") % {"name": seat.person, "body": seat.body},
            "body": seat.body,
            "history": seat.history.select_related("history_user")[:20],
        },
    )


@access(VIEW, opens=shown_by(selectors.bodies_for), moves=PLANS_MEETING)
def body_meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    body = selectors.body_get_for(request.user, pk)
    _refuse_unless(PLANS_MEETING, request.user, body)
    if body.is_accreditation_council:
        return redirect("accreditation:meeting_create")
    return form_page(
        request,
        BodyMeetingForm(request.POST or None),
        action=lambda data: services.meeting_create(actor=request.user, body=body, **data),
        success=_("The meeting is planned and its members are told."),
        done_url=lambda meeting: meeting.get_absolute_url(),
        template="governance/body_form.html",
        context={"heading": _("Plan a meeting of %(body)s") % {"body": body}, "body": body},
    )


@access(VIEW, opens=MEETING_SHOWN)
def body_meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_for(request.user, pk)
    user = request.user
    runs = RUN.allows_on(user, meeting)
    signed = {s.role for s in meeting.signatures.all()}
    may_sign = (
        meeting.status == BodyMeeting.Status.CLOSED
        and SIGN.allows_on(user, meeting)
        and (
            (chairs(user, meeting) and "chair" not in signed)
            or (keeps_meetings(user, meeting) and "secretary" not in signed)
        )
    )
    return render(
        request,
        "governance/body_meeting_detail.html",
        {
            **selectors.meeting_page(user, meeting),
            "runs": runs,
            "buttons": MEETING_WORKFLOW.buttons(meeting, user),
            "item_form": ItemForm() if runs else None,
            "action_form": ActionForm() if runs else None,
            "minutes_form": BodyMinutesForm(initial={"minutes": meeting.minutes}),
            "may_sign": may_sign,
            "fully_signed": signed == {"chair", "secretary"},
            "events": events_for(meeting),
        },
    )


def _meeting_move(request, pk: int, rule) -> BodyMeeting:
    meeting = selectors.meeting_get_for(request.user, pk)
    _refuse_unless(rule, request.user, meeting)
    return meeting


@require_POST
@access(VIEW, opens=MEETING_SHOWN, moves=RUN)
def body_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_move(request, pk, RUN)
    form = ItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
        return redirect(meeting)
    run_service(
        request,
        lambda: services.item_add(meeting=meeting, actor=request.user, **form.cleaned_data),
        _("The question is on the agenda."),
    )
    return redirect(meeting)


@require_POST
@access(VIEW, opens=MEETING_SHOWN, moves=RUN)
def body_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_move(request, pk, RUN)
    present = [v for v in request.POST.getlist("present") if v.isdigit()]
    run_service(
        request,
        lambda: services.attendance_record(meeting=meeting, actor=request.user, present_ids=present),
        _("Attendance is saved."),
    )
    return redirect(meeting)


@require_POST
@access(VIEW, opens=MEETING_SHOWN, moves=MEETING_WORKFLOW.acts(BodyMeeting.Status.OPEN))
def body_meeting_open(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_move(request, pk, RUN)
    run_service(
        request,
        lambda: services.meeting_open(meeting=meeting, actor=request.user),
        _("The meeting is in session: members can vote."),
    )
    return redirect(meeting)


# A vote or a recusal by someone who may not make it is refused by the service with a message
# (a non-member, an expired term, a declared conflict), not by the page: nothing is saved.
@require_POST
@access(VIEW, opens=MEETING_SHOWN)
def body_vote(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_for(request.user, pk)
    item = selectors.item_get(meeting, item_pk)
    form = BodyVoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose for, against or abstain."))
        return redirect(meeting)
    run_service(
        request,
        lambda: services.vote_cast(item=item, actor=request.user, choice=form.cleaned_data["choice"]),
        _("Your vote is recorded."),
    )
    return redirect(meeting)


@require_POST
@access(VIEW, opens=MEETING_SHOWN)
def body_recuse(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_for(request.user, pk)
    item = selectors.item_get(meeting, item_pk)
    form = BodyRecuseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the recusal."))
        return redirect(meeting)
    run_service(
        request,
        lambda: services.recuse(item=item, actor=request.user, member=request.user, **form.cleaned_data),
        _("Your conflict of interest is recorded: you do not vote on this item."),
    )
    return redirect(meeting)


@require_POST
@access(VIEW, opens=MEETING_SHOWN, moves=RUN)
def body_item_decide(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = _meeting_move(request, pk, RUN)
    item = selectors.item_get(meeting, item_pk)
    form = DecideForm(request.POST)
    form.is_valid()
    run_service(
        request,
        lambda: services.item_decide(
            item=item, actor=request.user, decision_text=form.cleaned_data.get("decision_text", "")
        ),
        _("The vote is closed and the result recorded."),
    )
    return redirect(meeting)


@require_POST
@access(VIEW, opens=MEETING_SHOWN, moves=RUN)
def body_action_add(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = _meeting_move(request, pk, RUN)
    item = selectors.item_get(meeting, item_pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the action, its owner and its due date."))
        return redirect(meeting)
    run_service(
        request,
        lambda: services.action_add(item=item, actor=request.user, **form.cleaned_data),
        _("The action is given to its owner."),
    )
    return redirect(meeting)


DONE = ACTION_WORKFLOW.acts(DecisionAction.Status.DONE)


@require_POST
@access(VIEW, opens=shown_by(selectors.actions_for), moves=DONE)
def body_action_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(selectors.actions_for(request.user), pk=pk)
    if not DONE.allows(request.user, pk=pk):
        raise PermissionDenied
    form = ActionDoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what was done."))
        return redirect(action.get_absolute_url())
    run_service(
        request,
        lambda: services.action_done(action=action, actor=request.user, note=form.cleaned_data["note"]),
        _("The action is done."),
    )
    return redirect(action.get_absolute_url())


@require_POST
@access(VIEW, opens=MEETING_SHOWN, moves=MEETING_WORKFLOW.acts(BodyMeeting.Status.CLOSED))
def body_meeting_close(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_move(request, pk, RUN)
    form = BodyMinutesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the minutes."))
        return redirect(meeting)
    run_service(
        request,
        lambda: services.meeting_close(
            meeting=meeting, actor=request.user, minutes=form.cleaned_data["minutes"]
        ),
        _("The meeting is closed: the chair and the secretary sign the minutes."),
    )
    return redirect(meeting)


@access(VIEW, opens=MEETING_SHOWN, moves=SIGN)
def body_minutes_sign(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_move(request, pk, SIGN)
    return form_page(
        request,
        MinutesSignForm(request.POST or None),
        action=lambda data: services.minutes_sign(
            meeting=meeting, actor=request.user, password=data["password"]
        ),
        success=_("You signed the minutes."),
        done_url=meeting.get_absolute_url(),
        template="governance/body_minutes_sign.html",
        context={"meeting": meeting, "body": meeting.body},
    )


@access(VIEW, opens=MEETING_SHOWN)
def body_minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_for(request.user, pk)
    page = selectors.meeting_page(request.user, meeting)
    content = render_pdf("pdf/body_minutes.html", {**page, "sha256": services.minutes_sha256(meeting)})
    return pdf_response(content, f"minutes-{meeting.body_id}-{meeting.number}.pdf")
