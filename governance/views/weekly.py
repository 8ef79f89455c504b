"""The agency's weekly meetings (§4.4.2, §7.2.3): the list, preparing a meeting (its agenda is
pulled from the plans and projects), the meeting's page with attendance, notes, minutes and
actions, closing it, and marking an action done."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.form_pages import form_page, run_service
from core.selectors import events_for
from core.workflow import on_record, perm

from ..models import WeeklyAction, WeeklyMeeting
from ..selectors import weekly as selectors
from ..services import weekly as services
from ..workflow import ACTION_WORKFLOW, KEEP_WEEKLY, WEEKLY_WORKFLOW

WM = WeeklyMeeting.Status
READ = "governance.view_weeklymeeting"
KEEPS = on_record(WeeklyMeeting, perm(KEEP_WEEKLY))


def _staff_field(label, required: bool = False) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=get_user_model().objects.none(), required=required)


class PrepareForm(forms.Form):
    date = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    chair = _staff_field(gettext_lazy("Chair"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()
        self.fields["chair"].queryset = services.people_with_perm(READ).order_by("last_name", "first_name")


class ActionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("What is to be done"), max_length=500, required=False)
    # Not required here: the service refuses an action without owner with its own message.
    owner = _staff_field(gettext_lazy("Owner"))
    due_date = forms.DateField(
        label=gettext_lazy("Due date"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = services.people_with_perm(READ).order_by("last_name", "first_name")


@access(READ)
def weekly_list(request: HttpRequest) -> HttpResponse:
    meetings = selectors.meetings_for(request.user).prefetch_related("actions")
    return render(
        request,
        "governance/weekly_list.html",
        {
            "meetings": meetings,
            "may_prepare": request.user.has_perm("governance.add_weeklymeeting"),
            "mine": selectors.open_actions_of(request.user),
        },
    )


@access("governance.add_weeklymeeting")
def weekly_prepare(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        PrepareForm(request.POST or None),
        action=lambda data: services.weekly_meeting_prepare(actor=request.user, **data),
        success=_("The meeting is prepared; its agenda was pulled from the plans and projects."),
        done_url=lambda meeting: meeting.get_absolute_url(),
        template="governance/weekly_form.html",
        context={"heading": _("Prepare a weekly meeting")},
    )


@access(READ, opens=shown_by(selectors.meetings_for))
def weekly_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_for(request.user, pk)
    actions = list(meeting.actions.select_related("owner"))
    today = timezone.localdate()
    for action in actions:
        action.buttons = ACTION_WORKFLOW.buttons(action, request.user)
        action.overdue = action.status == WeeklyAction.Status.OPEN and action.due_date < today
    keeps = KEEPS.allows_on(request.user, meeting) and meeting.status == WM.PREPARED
    return render(
        request,
        "governance/weekly_detail.html",
        {
            "meeting": meeting,
            "agenda": selectors.meeting_agenda(meeting),
            "attendance": meeting.attendance.select_related("person"),
            "present": meeting.attendance.filter(present=True).count(),
            "actions": actions,
            "buttons": WEEKLY_WORKFLOW.buttons(meeting, request.user),
            "keeps": keeps,
            "action_form": ActionForm() if keeps else None,
            "events": events_for(meeting),
        },
    )


def _kept(request: HttpRequest, pk: int) -> WeeklyMeeting:
    meeting = selectors.meeting_get_for(request.user, pk)
    if not KEEPS.allows_on(request.user, meeting):
        raise PermissionDenied
    return meeting


def _ids(values) -> set[int]:
    return {int(v) for v in values if str(v).isdigit()}


@require_POST
@access(READ, opens=shown_by(selectors.meetings_for), moves=KEEPS)
def weekly_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _kept(request, pk)
    run_service(
        request,
        lambda: services.weekly_attendance_set(
            meeting=meeting, actor=request.user, present=_ids(request.POST.getlist("present"))
        ),
        _("Attendance saved."),
    )
    return redirect(meeting.get_absolute_url() + "#attendance")


@require_POST
@access(READ, opens=shown_by(selectors.meetings_for), moves=KEEPS)
def weekly_record(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _kept(request, pk)
    notes = {
        int(key.removeprefix("note-")): value
        for key, value in request.POST.items()
        if key.startswith("note-") and key.removeprefix("note-").isdigit()
    }
    run_service(
        request,
        lambda: services.weekly_record(
            meeting=meeting, actor=request.user, minutes=request.POST.get("minutes", ""), notes=notes
        ),
        _("The notes and minutes are saved."),
    )
    return redirect(meeting.get_absolute_url())


@require_POST
@access(READ, opens=shown_by(selectors.meetings_for), moves=KEEPS)
def weekly_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _kept(request, pk)
    run_service(
        request,
        lambda: services.weekly_agenda_refresh(meeting=meeting, actor=request.user),
        _("The agenda is up to date."),
    )
    return redirect(meeting.get_absolute_url())


@require_POST
@access(READ, opens=shown_by(selectors.meetings_for), moves=KEEPS)
def weekly_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _kept(request, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the action's fields; nothing was saved."))
        return redirect(meeting.get_absolute_url() + "#actions")
    run_service(
        request,
        lambda: services.weekly_action_add(meeting=meeting, actor=request.user, **form.cleaned_data),
        _("The action was added; it is on its owner's dashboard until done."),
    )
    return redirect(meeting.get_absolute_url() + "#actions")


@require_POST
@access(READ, opens=shown_by(selectors.meetings_for), moves=WEEKLY_WORKFLOW.acts(WM.CLOSED))
def weekly_close(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.weekly_meeting_close(meeting=meeting, actor=request.user),
        _("The meeting is closed; its minutes are fixed."),
    )
    return redirect(meeting.get_absolute_url())


@require_POST
@access(READ, opens=shown_by(selectors.actions_for), moves=ACTION_WORKFLOW.acts(WeeklyAction.Status.DONE))
def weekly_action_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = selectors.action_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.weekly_action_done(action=action, actor=request.user),
        _("The action is marked done."),
    )
    if request.POST.get("next") == "dashboard":
        return redirect("core:dashboard")
    return redirect(action.get_absolute_url())
