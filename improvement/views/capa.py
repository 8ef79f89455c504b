"""Corrective actions (§7.5.2) and the actions they share with risks: the CAPA register, the
CAPA page with its six-step stepper, one URL per move, and the "My actions" page."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page
from core.selectors import events_for

from .. import selectors
from ..forms import (
    STEP_FORMS,
    ActionCancelForm,
    ActionDoneForm,
    ActionForm,
    CapaOpenForm,
    RootCauseForm,
    StepBackForm,
    VerificationForm,
)
from ..models import Action, CorrectiveAction, Nonconformity
from ..selectors import (
    action_get_for,
    capa_get_for,
    capa_owners,
    capa_register,
    my_actions,
    nonconformity_get_for,
    overdue_actions,
)
from ..services import actions as action_services
from ..services import capa as capa_services
from ..workflow import ACTION_WORKFLOW, STEPS, WORKS_CAPA, step_before

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
ACTION_SHOWN = shown_by(selectors.actions_visible_to)
CAPA_SHOWN = shown_by(selectors.capas_visible_to)
NONCONFORMITY_SHOWN = shown_by(selectors.nonconformities_visible_to)

Step = CorrectiveAction.Step
VIEW_NC = "improvement.view_nonconformity"


def _step_form(capa: CorrectiveAction, data=None):
    form_class = STEP_FORMS.get(capa.step)
    if form_class is None:
        return None
    if form_class is RootCauseForm:
        initial = RootCauseForm.initial_from(capa)
    else:
        initial = {name: getattr(capa, name) for name in form_class.base_fields}
    return form_class(data, initial=initial)


def _stepper(capa: CorrectiveAction) -> list[dict]:
    current = STEPS.index(capa.step) if capa.step in STEPS else len(STEPS)
    labels = dict(Step.choices)
    return [
        {"number": n + 1, "step": step, "label": labels[step], "done": n < current, "current": n == current}
        for n, step in enumerate(STEPS)
    ]


def _capa_page(request: HttpRequest, capa: CorrectiveAction, status: int = 200, **forms) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    works = capa_services.can_work(user, capa)
    rows = list(capa.actions.select_related("owner", "done_by"))
    for row in rows:
        row.overdue = row.status == Action.Status.OPEN and row.due_on < today
        row.mine = row.owner_id == user.pk
    refusal = (
        capa_services.verifier_refusal(user, capa)
        if user.has_perm("improvement.verify_effectiveness")
        else None
    )
    can_verify = capa.step == Step.VERIFICATION and refusal == ""
    whys = list(enumerate(capa.whys or [], start=1))
    fishbone = [
        (label, capa.fishbone.get(key))
        for key, label in capa_services.FISHBONE_CATEGORIES.items()
        if (capa.fishbone or {}).get(key)
    ]
    return render(
        request,
        "improvement/capa_detail.html",
        {
            "capa": capa,
            "nc": capa.nonconformity,
            "stepper": _stepper(capa),
            "actions_rows": rows,
            "whys": whys,
            "fishbone": fishbone,
            "events": events_for(capa),
            "can_work": works and capa.step not in (Step.VERIFICATION, Step.CLOSED),
            "actions_refusal": capa_services.actions_step_refusal(capa) if works else "",
            "can_back": works and step_before(capa.step) is not None and capa.step != Step.CLOSED,
            "can_add_action": action_services.can_add_to(user, capa=capa),
            "step_form": forms.get("step_form") or (_step_form(capa) if works else None),
            "back_form": forms.get("back_form") or StepBackForm(),
            "action_form": forms.get("action_form") or ActionForm(initial={"owner": capa.owner_id}),
            "verify_form": forms.get("verify_form") or VerificationForm(),
            "can_verify": can_verify,
            "verify_refusal": refusal if capa.step == Step.VERIFICATION else "",
            "verify_too_early": bool(capa.verify_after and today < capa.verify_after),
            "days_open": days_open(capa, today),
        },
        status=status,
    )


def days_open(capa: CorrectiveAction, today) -> int:
    """Ageing: days from opening to closing, or to today while it is open."""
    end = timezone.localtime(capa.closed_at).date() if capa.closed_at else today
    return (end - timezone.localtime(capa.opened_at).date()).days


def _fail(request: HttpRequest, exc: ValidationError, form=None) -> None:
    """A refusal: on the form's fields where it names them, else as a message (never both)."""
    if form is not None and hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
        return
    messages.error(request, " ".join(exc.messages))


@access("improvement.add_correctiveaction", opens=NONCONFORMITY_SHOWN)
def capa_open(request: HttpRequest, pk: int) -> HttpResponse:
    nc = nonconformity_get_for(request.user, pk)
    if hasattr(nc, "capa"):
        return redirect(nc.capa)
    if nc.status != Nonconformity.Status.UNDER_ANALYSIS:
        messages.error(
            request, _("Accept the nonconformity for analysis before opening a corrective action.")
        )
        return redirect(nc)
    form = CapaOpenForm(request.POST or None, initial={"owner": nc.owner_id or nc.raised_by_id})
    return form_page(
        request,
        form,
        action=lambda data: capa_services.capa_open(nonconformity=nc, actor=request.user, **data),
        success=_("The corrective action is opened."),
        done_url=lambda capa: capa.get_absolute_url(),
        template="improvement/capa_form.html",
        context={"nc": nc},
    )


@access(VIEW_NC)
def capa_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows, chosen = capa_register(request.user, request.GET, today=today)
    page = Paginator(rows, settings.PAGINATE_BY).get_page(request.GET.get("page"))
    for capa in page.object_list:
        capa.days_open = days_open(capa, today)
    everything, _chosen = capa_register(request.user, {}, today=today)
    return render(
        request,
        "improvement/capa_list.html",
        {
            "page_obj": page,
            "chosen": chosen,
            "steps": Step.choices,
            "owners": capa_owners(everything),
        },
    )


@access(VIEW_NC, opens=CAPA_SHOWN)
def capa_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _capa_page(request, capa_get_for(request.user, pk))


def _worked_capa(request: HttpRequest, pk: int) -> CorrectiveAction:
    capa = capa_get_for(request.user, pk)
    if not WORKS_CAPA.allows_on(request.user, capa):
        raise PermissionDenied
    return capa


@require_POST
@access(VIEW_NC, opens=CAPA_SHOWN, moves=WORKS_CAPA)
def capa_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the current step's content; with "advance", complete the step as well."""
    capa = _worked_capa(request, pk)
    advance = "advance" in request.POST
    form = _step_form(capa, request.POST)
    if form is not None and not form.is_valid():
        messages.error(request, _("Please correct the fields marked below; nothing was saved."))
        return _capa_page(request, capa, status=200, step_form=form)
    try:
        with transaction.atomic():
            if form is not None:
                fields = form.service_fields() if isinstance(form, RootCauseForm) else form.cleaned_data
                capa = capa_services.capa_step_save(capa=capa, actor=request.user, **fields)
            if advance:
                capa = capa_services.capa_advance(capa=capa, actor=request.user)
            elif form is None:
                raise ValidationError(_("There is nothing to write at this step."))
    except ValidationError as exc:
        _fail(request, exc, form)
        capa.refresh_from_db()
        return _capa_page(request, capa, status=200, step_form=form)
    messages.success(request, _("The step is completed.") if advance else _("Saved."))
    return redirect(capa)


@require_POST
@access(VIEW_NC, opens=CAPA_SHOWN, moves=WORKS_CAPA)
def capa_back(request: HttpRequest, pk: int) -> HttpResponse:
    capa = _worked_capa(request, pk)
    form = StepBackForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Say why you go back a step (at most 10,000 characters); nothing was changed.")
        )
        return redirect(capa)
    try:
        capa_services.capa_back(capa=capa, actor=request.user, comment=form.cleaned_data["comment"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Back one step."))
    return redirect(capa)


@require_POST
@access("improvement.verify_effectiveness", opens=CAPA_SHOWN)
def capa_verify(request: HttpRequest, pk: int) -> HttpResponse:
    capa = capa_get_for(request.user, pk)
    refusal = capa_services.verifier_refusal(request.user, capa)
    if refusal:
        messages.error(request, refusal + " " + _("Nothing was recorded."))
        return redirect(capa)
    form = VerificationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the fields marked below; nothing was saved."))
        return _capa_page(request, capa, verify_form=form)
    try:
        capa_services.capa_verify(
            capa=capa,
            actor=request.user,
            effective=form.cleaned_data["effective"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as exc:
        _fail(request, exc, form)
        return _capa_page(request, capa, verify_form=form)
    if form.cleaned_data["effective"]:
        messages.success(
            request, _("Verified effective: the corrective action and the nonconformity are closed.")
        )
    else:
        messages.success(request, _("Not effective: the corrective action is back at the actions step."))
    return redirect(capa)


@require_POST
@access(VIEW_NC, opens=CAPA_SHOWN, moves=WORKS_CAPA)
def capa_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    capa = _worked_capa(request, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the fields marked below; nothing was saved."))
        return _capa_page(request, capa, action_form=form)
    try:
        action_services.action_add(actor=request.user, capa=capa, **form.cleaned_data)
    except ValidationError as exc:
        _fail(request, exc, form)
        return _capa_page(request, capa, action_form=form)
    messages.success(request, _("The action is added; its owner is told."))
    return redirect(capa)


@access(SIGNED_IN)
def action_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    page = Paginator(my_actions(request.user), settings.PAGINATE_BY).get_page(request.GET.get("page"))
    mine = list(page.object_list)
    everyone_late = list(overdue_actions(request.user, today=today))
    for row in [*mine, *everyone_late]:
        row.overdue = row.status == Action.Status.OPEN and row.due_on < today
    return render(
        request,
        "improvement/action_list.html",
        {
            "mine": mine,
            "page_obj": page,
            "overdue": everyone_late,
            "is_qms": request.user.has_perm("improvement.change_correctiveaction")
            or request.user.has_perm("improvement.manage_risks"),
        },
    )


@access(SIGNED_IN, opens=ACTION_SHOWN, moves=ACTION_WORKFLOW.acts(Action.Status.DONE))
def action_complete(request: HttpRequest, pk: int) -> HttpResponse:
    action = action_get_for(request.user, pk)
    if not ACTION_WORKFLOW.acts(Action.Status.DONE).allows(request.user, pk=action.pk):
        raise PermissionDenied
    if action.status != Action.Status.OPEN:
        messages.info(request, _("This action is not open any more."))
        return redirect(action.get_absolute_url())
    form = ActionDoneForm(request.POST or None, request.FILES or None)
    return form_page(
        request,
        form,
        action=lambda data: action_services.action_complete(action=action, actor=request.user, **data),
        success=_("The action is marked done."),
        done_url=action.get_absolute_url(),
        template="improvement/action_form.html",
        context={"action": action, "today": timezone.localdate()},
    )


@require_POST
@access(SIGNED_IN, opens=ACTION_SHOWN, moves=ACTION_WORKFLOW.acts(Action.Status.CANCELLED))
def action_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    action = action_get_for(request.user, pk)
    form = ActionCancelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the action is cancelled; nothing was changed."))
        return redirect(action.get_absolute_url())
    try:
        action_services.action_cancel(action=action, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The action is cancelled."))
    return redirect(action.get_absolute_url())


@access(SIGNED_IN, opens=ACTION_SHOWN)
def action_file(request: HttpRequest, pk: int) -> HttpResponse:
    action = action_get_for(request.user, pk)
    if not action.evidence_file:
        raise Http404
    name = action.evidence_file.name.rsplit("/", 1)[-1]
    return stored_file_response(action.evidence_file, name, attachment=True)
