"""The risk register: the list with its heat map, recording, review and the risk's page."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access, shown_by
from core.form_pages import form_page
from core.selectors import events_for

from .. import selectors, services
from ..forms import ActionForm, RiskForm
from ..models import Action, Risk
from ..services.actions import can_add_to
from ..services.risks import FIELDS, can_change
from ..workflow import CHANGES_RISK

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
RISK_SHOWN = shown_by(selectors.risks_visible_to)


@access("improvement.view_risk")
def risk_list(request: HttpRequest) -> HttpResponse:
    rows, chosen = selectors.risk_register(request.user, request.GET)
    everything = selectors.risks_visible_to(request.user)
    page = Paginator(rows, settings.PAGINATE_BY).get_page(request.GET.get("page"))
    for risk in page.object_list:
        risk.level = selectors.level_of(risk.score)
        risk.residual_level = selectors.level_of(risk.residual_score)
    return render(
        request,
        "improvement/risk_list.html",
        {
            "page_obj": page,
            "chosen": chosen,
            "heat_map": selectors.heat_map(everything),
            "residual_map": selectors.heat_map(everything, residual=True),
            "processes": selectors.processes_of(everything),
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
        action=lambda data: services.risk_record(actor=request.user, **data),
        success=_("The risk is recorded."),
        done_url=lambda risk: risk.get_absolute_url(),
        template="improvement/risk_form.html",
        context={"title": _("Record a risk")},
    )


def _risk_page(request: HttpRequest, risk: Risk, action_form: ActionForm | None = None) -> HttpResponse:
    today = timezone.localdate()
    rows = list(risk.actions.select_related("owner", "done_by"))
    for row in rows:
        row.overdue = row.status == Action.Status.OPEN and row.due_on < today
        row.mine = row.owner_id == request.user.pk
    changes = can_change(request.user, risk)
    return render(
        request,
        "improvement/risk_detail.html",
        {
            "risk": risk,
            "level": selectors.level_of(risk.score),
            "residual_level": selectors.level_of(risk.residual_score),
            "events": events_for(risk),
            "can_change": changes,
            "actions_rows": rows,
            "can_add_action": can_add_to(request.user, risk=risk),
            "action_form": action_form or ActionForm(initial={"owner": risk.owner_id}),
        },
    )


# Signed in: the owner of one of its preventive actions reads the risk without the risk role;
# the selector decides who sees which risk.
@access(SIGNED_IN, opens=RISK_SHOWN)
def risk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _risk_page(request, selectors.risk_get_for(request.user, pk))


@require_POST
@access("improvement.change_risk", opens=RISK_SHOWN, moves=CHANGES_RISK)
def risk_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a preventive action to the risk (whoever may change the risk)."""
    risk = selectors.risk_get_for(request.user, pk)
    if not CHANGES_RISK.allows_on(request.user, risk):
        raise PermissionDenied
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the fields marked below; nothing was saved."))
        return _risk_page(request, risk, action_form=form)
    try:
        services.action_add(actor=request.user, risk=risk, **form.cleaned_data)
    except ValidationError as exc:
        for field, errors in exc.message_dict.items() if hasattr(exc, "error_dict") else ():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
        messages.error(request, " ".join(exc.messages))
        return _risk_page(request, risk, action_form=form)
    messages.success(request, _("The preventive action is added; its owner is told."))
    return redirect(risk)


@access("improvement.change_risk", opens=RISK_SHOWN, moves=CHANGES_RISK)
def risk_edit(request: HttpRequest, pk: int) -> HttpResponse:
    risk = selectors.risk_get_for(request.user, pk)
    if not CHANGES_RISK.allows_on(request.user, risk):
        raise PermissionDenied
    initial = {name: getattr(risk, name) for name in FIELDS}
    form = RiskForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        action=lambda data: services.risk_update(risk=risk, actor=request.user, **data),
        success=_("The risk is reviewed."),
        done_url=risk.get_absolute_url(),
        template="improvement/risk_form.html",
        context={"title": _("Review %(number)s") % {"number": risk.number}, "risk": risk},
    )
