"""The strategy's pages: the list, a version with its goals, tasks and indicators, the editing
pages of a draft, the moves (discussion, approval by signature) and the public page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import PUBLIC, access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page, run_service
from core.selectors import events_for

from .. import selectors, services
from ..forms import ApproveForm, GoalForm, IndicatorForm, StrategyForm, TaskForm, VersionForm
from ..models import Goal, StrategyVersion
from ..workflow import EDIT, VERSION_WORKFLOW

S = StrategyVersion.Status
VIEW = "governance.view_strategy"


def _version_opens(user, **kwargs) -> bool:
    return selectors.versions_for(user).filter(pk=kwargs["pk"]).exists()


def _goal_opens(user, **kwargs) -> bool:
    return selectors.versions_for(user).filter(goals__pk=kwargs["pk"]).exists()


@access(VIEW)
def strategy_list(request: HttpRequest) -> HttpResponse:
    strategies = selectors.strategies_for(request.user).prefetch_related("versions")
    return render(
        request,
        "governance/strategy_list.html",
        {"strategies": strategies, "may_edit": request.user.has_perm(EDIT)},
    )


@access(EDIT)
def strategy_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        StrategyForm(request.POST or None),
        action=lambda data: services.strategy_create(actor=request.user, **data),
        success=_("The strategy was created with a first draft."),
        done_url=lambda strategy: strategy.versions.first().get_absolute_url(),
        template="governance/form.html",
        context={"heading": _("New strategy"), "cancel": "governance:strategy_list"},
    )


@access(VIEW, opens=shown_by(selectors.strategies_for))
def strategy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = selectors.strategy_get_for(request.user, pk)
    version = (
        strategy.effective_version or selectors.versions_for(request.user).filter(strategy=strategy).first()
    )
    return redirect(version.get_absolute_url()) if version else redirect("governance:strategy_list")


@access(VIEW, opens=shown_by(selectors.versions_for))
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_content(selectors.version_get_for(request.user, pk))
    return render(
        request,
        "governance/version_detail.html",
        {
            "version": version,
            "strategy": version.strategy,
            "years": version.strategy.years,
            "others": selectors.versions_for(request.user).filter(strategy=version.strategy).exclude(pk=pk),
            "buttons": VERSION_WORKFLOW.buttons(version, request.user),
            "plans": selectors.plans_for(request.user).filter(strategy_version=version),
            "may_edit": request.user.has_perm(EDIT) and version.status in (S.DRAFT, S.DISCUSSION),
            "may_add": request.user.has_perm(EDIT) and version.status == S.DRAFT,
            "may_renew": request.user.has_perm(EDIT)
            and not version.strategy.versions.filter(status__in=[S.DRAFT, S.DISCUSSION]).exists(),
            "may_plan": request.user.has_perm(EDIT) and version.status == S.APPROVED,
            "may_publish": request.user.has_perm(EDIT),
            "publishing": events_for(version.strategy).order_by("-at")[:5],
        },
    )


@access(EDIT, opens=shown_by(selectors.versions_for))
def version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk)
    form = VersionForm(
        request.POST or None, request.FILES or None, instance=None if request.POST else version
    )
    return form_page(
        request,
        form,
        action=lambda data: services.version_edit(
            version=version,
            actor=request.user,
            mission=data["mission"],
            vision=data["vision"],
            values=data["values"],
            change_note=data["change_note"],
            discussed_on=data["discussed_on"],
            discussed_by=data["discussed_by"],
            minutes=data["minutes"],
        ),
        success=_("Saved."),
        done_url=version.get_absolute_url(),
        template="governance/form.html",
        context={"heading": _("Edit %(version)s") % {"version": version}, "version": version},
    )


@access(EDIT, opens=shown_by(selectors.versions_for))
def goal_add(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk)
    return form_page(
        request,
        GoalForm(request.POST or None),
        action=lambda data: services.goal_add(version=version, actor=request.user, **data),
        success=_("The goal was added."),
        done_url=version.get_absolute_url(),
        template="governance/form.html",
        context={"heading": _("New strategic goal"), "version": version},
    )


def _goal(request: HttpRequest, pk: int) -> Goal:
    return get_object_or_404(Goal.objects.filter(version__in=selectors.versions_for(request.user)), pk=pk)


@access(EDIT, opens=_goal_opens)
def task_add(request: HttpRequest, pk: int) -> HttpResponse:
    goal = _goal(request, pk)
    return form_page(
        request,
        TaskForm(request.POST or None),
        action=lambda data: services.task_add(goal=goal, actor=request.user, title=data["title"]),
        success=_("The task was added."),
        done_url=goal.version.get_absolute_url(),
        template="governance/form.html",
        context={"heading": _("New task under “%(goal)s”") % {"goal": goal.title}, "version": goal.version},
    )


@access(EDIT, opens=_goal_opens)
def indicator_add(request: HttpRequest, pk: int) -> HttpResponse:
    goal = _goal(request, pk)
    form = IndicatorForm(request.POST or None, years=goal.version.strategy.years)
    return form_page(
        request,
        form,
        action=lambda data: services.indicator_add(
            goal=goal,
            actor=request.user,
            name=data["name"],
            unit=data["unit"],
            baseline=data["baseline"],
            targets=form.targets(),
        ),
        success=_("The indicator was added."),
        done_url=goal.version.get_absolute_url(),
        template="governance/form.html",
        context={
            "heading": _("New indicator for “%(goal)s”") % {"goal": goal.title},
            "version": goal.version,
        },
    )


@require_POST
@access(EDIT, opens=shown_by(selectors.strategies_for))
def version_new(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = selectors.strategy_get_for(request.user, pk)
    made = []
    if run_service(
        request,
        lambda: made.append(services.version_new(strategy=strategy, actor=request.user)),
        _("A new draft was started."),
    ):
        return redirect(made[0].get_absolute_url())
    return redirect(strategy.get_absolute_url())


@require_POST
@access(VIEW, opens=shown_by(selectors.versions_for), moves=VERSION_WORKFLOW.acts(S.DISCUSSION))
def version_discuss(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.version_discuss(version=version, actor=request.user),
        _("The draft is put to discussion."),
    )
    return redirect(version.get_absolute_url())


@require_POST
@access(VIEW, opens=shown_by(selectors.versions_for), moves=VERSION_WORKFLOW.acts(S.DRAFT))
def version_redraft(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.version_redraft(version=version, actor=request.user),
        _("The version is a draft again."),
    )
    return redirect(version.get_absolute_url())


APPROVES = VERSION_WORKFLOW.acts(S.APPROVED)


@access(VIEW, opens=shown_by(selectors.versions_for), moves=APPROVES)
def version_approve(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_content(selectors.version_get_for(request.user, pk))
    if not APPROVES.allows(request.user, pk=pk):
        raise PermissionDenied
    if not VERSION_WORKFLOW.may(request.user, version, S.APPROVED):
        messages.error(request, _("This version cannot be approved now."))
        return redirect(version.get_absolute_url())
    return form_page(
        request,
        ApproveForm(request.POST or None),
        action=lambda data: services.version_approve(
            version=version, actor=request.user, password=data["password"]
        ),
        success=_("Approved and signed: this version is now the effective strategy."),
        done_url=version.get_absolute_url(),
        template="governance/version_approve.html",
        context={"version": version, "strategy": version.strategy},
    )


@access(VIEW, opens=shown_by(selectors.versions_for))
def minutes_download(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk)
    if not version.discussion_minutes:
        raise Http404
    return stored_file_response(version.discussion_minutes, version.discussion_minutes_name)


@access(PUBLIC)
def public_strategy(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_content(selectors.public_version_get(pk))
    return render(
        request,
        "governance/public_strategy.html",
        {"version": version, "strategy": version.strategy, "years": version.strategy.years, "public": True},
    )
