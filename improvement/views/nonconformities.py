"""The nonconformity register (§7.3): the filtered list, reporting one, its page and its moves."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.selectors import events_for

from .. import selectors, services
from ..forms import NonconformityForm, TransitionForm
from ..models import Nonconformity
from ..selectors import (
    nonconformities_visible_to,
    nonconformity_get_for,
    nonconformity_register,
    processes_of,
)
from ..workflow import NONCONFORMITY_WORKFLOW

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
NONCONFORMITY_SHOWN = shown_by(selectors.nonconformities_visible_to)


@access("improvement.view_nonconformity")
def nonconformity_list(request: HttpRequest) -> HttpResponse:
    rows, chosen = nonconformity_register(request.user, request.GET)
    page = Paginator(rows, settings.PAGINATE_BY).get_page(request.GET.get("page"))
    everything = nonconformities_visible_to(request.user)
    return render(
        request,
        "improvement/nonconformity_list.html",
        {
            "page_obj": page,
            "chosen": chosen,
            "title": _("Nonconformities"),
            "statuses": Nonconformity.Status.choices,
            "severities": Nonconformity.Severity.choices,
            "sources": Nonconformity.Source.choices,
            "processes": processes_of(everything),
        },
    )


@access("improvement.add_nonconformity")
def nonconformity_create(request: HttpRequest) -> HttpResponse:
    form = NonconformityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nc = services.nonconformity_raise(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, _("Nonconformity %(number)s is recorded.") % {"number": nc.number})
            if nc.repeated_of_id:
                messages.warning(
                    request,
                    _("It repeats %(number)s: the IQAS owner is told.") % {"number": nc.repeated_of.number},
                )
            return redirect(nc)
    return render(request, "improvement/nonconformity_form.html", {"form": form})


@access("improvement.view_nonconformity", opens=NONCONFORMITY_SHOWN)
def nonconformity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nc = nonconformity_get_for(request.user, pk)
    capa = getattr(nc, "capa", None)
    return render(
        request,
        "improvement/nonconformity_detail.html",
        {
            "nc": nc,
            "capa": capa,
            "events": events_for(nc),
            "actions": NONCONFORMITY_WORKFLOW.available(nc, request.user),
            "can_open_capa": capa is None
            and nc.status == Nonconformity.Status.UNDER_ANALYSIS
            and request.user.has_perm("improvement.add_correctiveaction"),
            "repeats": nonconformities_visible_to(request.user).filter(repeated_of=nc),
        },
    )


@require_POST
@access("improvement.change_nonconformity", opens=NONCONFORMITY_SHOWN)
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
