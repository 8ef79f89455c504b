"""The risk register: the list with its heat map, recording, review and the risk's page."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.access import access
from core.form_pages import form_page
from core.selectors import events_for

from . import risks
from .forms import RiskForm
from .models import Risk


@access("improvement.view_risk")
def risk_list(request: HttpRequest) -> HttpResponse:
    rows, chosen = risks.register(request.user, request.GET)
    everything = risks.risks_visible_to(request.user)
    page = Paginator(rows, settings.PAGINATE_BY).get_page(request.GET.get("page"))
    for risk in page.object_list:
        risk.level = risks.level_of(risk.score)
        risk.residual_level = risks.level_of(risk.residual_score)
    return render(
        request,
        "improvement/risk_list.html",
        {
            "page_obj": page,
            "chosen": chosen,
            "heat_map": risks.heat_map(everything),
            "residual_map": risks.heat_map(everything, residual=True),
            "processes": risks.processes_of(everything),
            "statuses": Risk.Status.choices,
            "can_add": request.user.has_perm("improvement.add_risk"),
        },
    )


@access("improvement.add_risk")
def risk_create(request: HttpRequest) -> HttpResponse:
    form = RiskForm(request.POST or None, initial={"owner": request.user.pk})
    return form_page(
        request,
        form,
        action=lambda data: risks.risk_record(actor=request.user, **data),
        success=_("The risk is recorded."),
        done_url=lambda risk: risk.get_absolute_url(),
        template="improvement/risk_form.html",
        context={"title": _("Record a risk")},
    )


@access("improvement.view_risk")
def risk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    risk = risks.risk_get_for(request.user, pk)
    return render(
        request,
        "improvement/risk_detail.html",
        {
            "risk": risk,
            "level": risks.level_of(risk.score),
            "residual_level": risks.level_of(risk.residual_score),
            "events": events_for(risk),
            "can_change": risks.can_change(request.user, risk),
        },
    )


@access("improvement.change_risk")
def risk_edit(request: HttpRequest, pk: int) -> HttpResponse:
    risk = risks.risk_get_for(request.user, pk)
    if not risks.can_change(request.user, risk):
        raise PermissionDenied
    initial = {name: getattr(risk, name) for name in risks.FIELDS}
    form = RiskForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        action=lambda data: risks.risk_update(risk=risk, actor=request.user, **data),
        success=_("The risk is reviewed."),
        done_url=risk.get_absolute_url(),
        template="improvement/risk_form.html",
        context={"title": _("Review %(number)s") % {"number": risk.number}, "risk": risk},
    )
