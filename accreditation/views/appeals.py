"""Appeals against council decisions, and the appeals commission's work on appeals and complaints."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access, shown_by
from core.form_pages import form_page, run_service
from core.lists import RegisterListView
from core.selectors import events_for

from .. import selectors, services
from ..forms import AppealDecisionForm, AppealForm
from ..models import Appeal
from ..selectors.appeal_hearings import appeal_hearings

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
PROJECT_SHOWN = shown_by(selectors.projects_visible_to)


class AppealListView(RegisterListView):
    access_rule = "accreditation.hear_appeal"
    template_name = "accreditation/appeal_list.html"
    search_fields = ("number", "subject", "name")
    title = gettext_lazy("Appeals and complaints")

    def get_rows(self, user):
        rows = selectors.appeals_visible_to(user)
        status = self.request.GET.get("status")
        return rows.filter(status=status) if status in Appeal.Status.values else rows


@access(SIGNED_IN, opens=shown_by(selectors.appeals_visible_to))
def appeal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(selectors.appeals_visible_to(request.user), pk=pk)
    hears = request.user.has_perm("accreditation.hear_appeal")
    form = AppealDecisionForm(request.POST or None)
    if request.method == "POST":
        if not hears:
            raise PermissionDenied
        if form.is_valid() and run_service(
            request,
            lambda: services.appeal_decide(appeal=appeal, actor=request.user, **form.cleaned_data),
            _("The outcome is recorded."),
            form,
        ):
            return redirect(appeal)
    return render(
        request,
        "accreditation/appeal_detail.html",
        {
            "appeal": appeal,
            "hears": hears,
            "form": form,
            "events": events_for(appeal),
            "hearings": appeal_hearings(request.user, appeal),
        },
    )


@require_POST
@access("accreditation.hear_appeal")
def appeal_take(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = selectors.appeal_get(pk)
    run_service(
        request,
        lambda: services.appeal_take(appeal=appeal, actor=request.user),
        _("The case is under review."),
    )
    return redirect(appeal)


@access("accreditation.apply_accreditation", opens=PROJECT_SHOWN)
def appeal_file(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    if not selectors.represents(request.user, project.organization):
        raise PermissionDenied
    return form_page(
        request,
        AppealForm(request.POST or None),
        action=lambda data: services.appeal_file(actor=request.user, project=project, **data),
        success=_("Your appeal is filed."),
        done_url=lambda appeal: appeal.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={
            "project": project,
            "title": _("Appeal against the council's decision"),
            "intro": _("The appeals and complaints commission answers within 30 days."),
            "button": _("File the appeal"),
        },
    )
