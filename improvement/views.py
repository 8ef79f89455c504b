from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access
from core.lists import RegisterListView
from core.selectors import events_for

from . import services
from .forms import NonconformityForm, TransitionForm
from .selectors import nonconformities_visible_to, nonconformity_get_for
from .workflow import NONCONFORMITY_WORKFLOW


class NonconformityListView(RegisterListView):
    access_rule = "improvement.view_nonconformity"
    template_name = "improvement/nonconformity_list.html"
    search_fields = ("number", "title", "description")
    title = gettext_lazy("Nonconformities")

    def get_rows(self, user):
        return nonconformities_visible_to(user)


@access("improvement.add_nonconformity")
def nonconformity_create(request: HttpRequest) -> HttpResponse:
    form = NonconformityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        nc = services.nonconformity_raise(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Nonconformity %(number)s is recorded.") % {"number": nc.number})
        return redirect(nc)
    return render(request, "improvement/nonconformity_form.html", {"form": form})


@access("improvement.view_nonconformity")
def nonconformity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nc = nonconformity_get_for(request.user, pk)
    return render(
        request,
        "improvement/nonconformity_detail.html",
        {
            "nc": nc,
            "events": events_for(nc),
            "actions": NONCONFORMITY_WORKFLOW.available(nc, request.user),
        },
    )


@require_POST
@access("improvement.change_nonconformity")
def nonconformity_transition(request: HttpRequest, pk: int) -> HttpResponse:
    nc = nonconformity_get_for(request.user, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The request was incomplete; nothing was changed."))
        return redirect(nc)
    try:
        services.nonconformity_transition(
            nonconformity=nc,
            target=form.cleaned_data["target"],
            actor=request.user,
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Done."))
    return redirect(nc)
