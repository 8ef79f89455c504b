"""The staff register, a position with its holders, a person's page with all their records,
and the head's appraisal: goals set, result signed."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.access import SIGNED_IN, access, shown_by
from core.form_pages import form_page
from core.selectors import events_for

from ..forms import AppraisalGoalsForm, AppraisalSignForm
from ..selectors import ethics as ethics_selectors
from ..selectors import positions as selectors
from ..selectors import training as training_selectors
from ..services import positions as services

VIEW_STAFF = selectors.VIEW_STAFF


@access(VIEW_STAFF)
def staff_list(request: HttpRequest) -> HttpResponse:
    return render(request, "people/staff_list.html", {"register": selectors.staff_register()})


@access(VIEW_STAFF, opens=shown_by(selectors.positions_visible_to))
def position_detail(request: HttpRequest, pk: int) -> HttpResponse:
    position = selectors.position_get_for(request.user, pk)
    return render(
        request,
        "people/position_detail.html",
        {
            "position": position,
            "holdings": position.holdings.select_related("person").order_by("-since", "pk"),
            "subordinates": position.subordinates.filter(is_active=True),
        },
    )


@access(SIGNED_IN, opens=shown_by(selectors.people_visible_to))
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get_for(request.user, pk)
    attendances = person.attendances.select_related("training", "effectiveness").prefetch_related(
        "certificates"
    )
    version = ethics_selectors.current_version()
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            **selectors.person_file(person),
            "attendances": attendances,
            "needs": person.training_needs.all(),
            "acceptances": ethics_selectors.acceptances_of(person),
            "current_version": version,
            "accepted_current": ethics_selectors.has_accepted(person, version) if version else None,
            "may_set_goals": selectors.is_head_of(request.user, person),
            "events": events_for(person),
            "checkable": {a.pk for a in training_selectors.checkable_by(request.user).filter(person=person)},
        },
    )


@access(SIGNED_IN, opens=shown_by(selectors.subordinates_of))
def appraisal_open(request: HttpRequest, pk: int) -> HttpResponse:
    # The head sets the goals: the page opens on the people this reader heads.
    person = get_object_or_404(selectors.subordinates_of(request.user), pk=pk)
    return form_page(
        request,
        AppraisalGoalsForm(request.POST or None),
        action=lambda data: services.appraisal_open(actor=request.user, person=person, **data),
        success=_("The goals of the year are set."),
        done_url=person_url(person),
        template="people/form.html",
        context={
            "heading": _("Goals of the year for %(person)s") % {"person": person},
            "back": person_url(person),
        },
    )


@access(SIGNED_IN, opens=shown_by(selectors.appraisals_signable_by))
def appraisal_sign(request: HttpRequest, pk: int) -> HttpResponse:
    appraisal = selectors.appraisal_get_for_signing(request.user, pk)
    return form_page(
        request,
        AppraisalSignForm(request.POST or None),
        action=lambda data: services.appraisal_sign(actor=request.user, appraisal=appraisal, **data),
        success=_("The result of the appraisal is signed."),
        done_url=person_url(appraisal.person),
        template="people/appraisal_sign.html",
        context={"appraisal": appraisal, "back": person_url(appraisal.person)},
    )


def person_url(person) -> str:
    from django.urls import reverse

    return reverse("people:person_detail", args=[person.pk])
