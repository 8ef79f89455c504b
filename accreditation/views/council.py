"""The Accreditation Council: meetings, the agenda, attendance, open votes and decisions."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access
from core.form_pages import form_page, run_service
from core.lists import RegisterListView
from core.selectors import events_for

from .. import selectors, services
from ..forms import AgendaForm, MeetingForm, MinutesForm, RecuseForm, VoteForm
from ..workflow import VOTE

SECRETARY = "accreditation.record_council_decision"


class MeetingListView(RegisterListView):
    access_rule = "accreditation.view_councilmeeting"
    template_name = "accreditation/meeting_list.html"
    search_fields = ("number", "place")
    title = gettext_lazy("Accreditation Council")

    def get_rows(self, user):
        return selectors.meetings_listed()


@access(SECRETARY)
def meeting_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        MeetingForm(request.POST or None),
        action=lambda data: services.meeting_create(actor=request.user, **data),
        success=_("The meeting is planned."),
        done_url=lambda meeting: meeting.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"title": _("Plan a council meeting"), "button": _("Plan")},
    )


@access("accreditation.view_councilmeeting")
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    return render(
        request,
        "accreditation/meeting_detail.html",
        {
            **selectors.meeting_page(request.user, meeting),
            "is_secretary": request.user.has_perm(SECRETARY),
            "agenda_form": AgendaForm(),
            "minutes_form": MinutesForm(initial={"minutes": meeting.minutes}),
            "events": events_for(meeting),
        },
    )


@require_POST
@access(SECRETARY)
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    form = AgendaForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a project waiting for the council."))
        return redirect(meeting)
    run_service(
        request,
        lambda: services.agenda_add(
            meeting=meeting, actor=request.user, project=form.cleaned_data["project"]
        ),
        _("The project is on the agenda."),
    )
    return redirect(meeting)


@require_POST
@access(SECRETARY)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    present = [v for v in request.POST.getlist("present") if v.isdigit()]
    run_service(
        request,
        lambda: services.attendance_record(meeting=meeting, actor=request.user, present_ids=present),
        _("Attendance is saved."),
    )
    return redirect(meeting)


@require_POST
@access(SECRETARY)
def meeting_open(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    run_service(
        request,
        lambda: services.meeting_open(meeting=meeting, actor=request.user),
        _("The meeting is in session: members can vote."),
    )
    return redirect(meeting)


@require_POST
@access("accreditation.vote_in_council", moves=VOTE)
def vote(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    item = selectors.agenda_item_get(meeting, item_pk)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the decisions offered."))
        return redirect(meeting)
    run_service(
        request,
        lambda: services.vote_cast(item=item, actor=request.user, choice=form.cleaned_data["choice"]),
        _("Your vote is recorded."),
    )
    return redirect(meeting)


@require_POST
@access("accreditation.vote_in_council")
def recuse(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    item = selectors.agenda_item_get(meeting, item_pk)
    form = RecuseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the recusal."))
        return redirect(meeting)
    run_service(
        request,
        lambda: services.recuse(item=item, actor=request.user, member=request.user, **form.cleaned_data),
        _("You stepped aside from this item."),
    )
    return redirect(meeting)


@require_POST
@access(SECRETARY)
def item_close(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    item = selectors.agenda_item_get(meeting, item_pk)
    run_service(
        request,
        lambda: services.item_close(item=item, actor=request.user),
        _("The vote is closed and the result recorded."),
    )
    return redirect(meeting)


@require_POST
@access(SECRETARY)
def meeting_close(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    form = MinutesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the minutes."))
        return redirect(meeting)
    run_service(
        request,
        lambda: services.meeting_close(
            meeting=meeting, actor=request.user, minutes=form.cleaned_data["minutes"]
        ),
        _("The meeting is closed."),
    )
    return redirect(meeting)
