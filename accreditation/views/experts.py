"""The expert pool (§5.2)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access
from core.file_responses import stored_file_response
from core.form_pages import form_page, run_service
from core.lists import RegisterListView
from core.selectors import events_for

from .. import selectors, services
from ..forms import ExpertForm, TrainingForm


class ExpertListView(RegisterListView):
    access_rule = "accreditation.view_expert"
    template_name = "accreditation/expert_list.html"
    search_fields = ("user__last_name", "user__first_name", "field", "city", "employer")
    title = gettext_lazy("Expert pool")

    def get_rows(self, user):
        return selectors.experts_listed(self.request.GET.get("category", ""))


@access("accreditation.view_expert")
def expert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    expert = selectors.expert_get(pk)
    seats = expert.seats.filter(is_active=True).select_related("project__organization")
    return render(
        request,
        "accreditation/expert_detail.html",
        {
            "expert": expert,
            "seats": seats,
            "trainings": expert.trainings.all(),
            "events": events_for(expert),
            "training_form": TrainingForm(),
            "can_edit": request.user.has_perm("accreditation.change_expert"),
        },
    )


@access("accreditation.add_expert")
def expert_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        ExpertForm(request.POST or None),
        action=lambda data: services.expert_save(actor=request.user, **data),
        success=_("The expert is in the pool."),
        done_url=lambda expert: expert.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"title": _("Add an expert"), "button": _("Add to the pool")},
    )


@access("accreditation.change_expert")
def expert_edit(request: HttpRequest, pk: int) -> HttpResponse:
    expert = selectors.expert_get(pk)
    initial = {name: getattr(expert, name) for name in services.EXPERT_FIELDS}
    initial["affiliations"] = list(expert.affiliations.all())
    return form_page(
        request,
        ExpertForm(request.POST or None, initial=initial, editing=True),
        action=lambda data: services.expert_save(actor=request.user, expert=expert, **data),
        success=_("The expert's entry is saved."),
        done_url=expert.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"title": str(expert), "button": _("Save")},
    )


@require_POST
@access("accreditation.change_expert")
def training_add(request: HttpRequest, pk: int) -> HttpResponse:
    expert = selectors.expert_get(pk)
    form = TrainingForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Give the training's title and the day it was completed."))
        return redirect(expert)
    run_service(
        request,
        lambda: services.training_add(expert=expert, actor=request.user, **form.cleaned_data),
        _("The training is recorded."),
    )
    return redirect(expert)


@access("accreditation.view_expert")
def training_certificate(request: HttpRequest, pk: int, training_pk: int) -> HttpResponse:
    """A training certificate, for those who read the expert pool (it has no public address)."""
    training = selectors.expert_get(pk).trainings.filter(pk=training_pk).first()
    if training is None or not training.certificate:
        raise Http404
    return stored_file_response(training.certificate)
