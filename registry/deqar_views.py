"""Staff screens for DEQAR: the council's secretary enters a published report's DEQAR fields,
and sends a report DEQAR refused once more."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.form_pages import run_service

from . import selectors, services
from .forms import DeqarLinkFormSet, DeqarReportForm

SECRETARY = services.deqar.SECRETARY
# A published report is opened by those the accreditation shows its project to (404 otherwise).
REPORT_SHOWN = shown_by(selectors.deqar_reports_visible_to)
# The history's reasons (stored in English, as written by the services), as a reader reads them.
REASONS = {
    "DEQAR fields edited": gettext_lazy("DEQAR fields edited"),
    "Sent to DEQAR again": gettext_lazy("Sent to DEQAR again"),
}


def _history(publication) -> list[dict]:
    rows = []
    for h in publication.history.select_related("history_user")[:20]:
        if h.history_change_reason in REASONS:
            what = REASONS[h.history_change_reason]
        elif h.history_type == "+":
            what = _("Published")
        elif h.deqar_error:
            what = _("DEQAR refused the report")
        elif h.deqar_submitted_at:
            what = _("DEQAR answered")
        else:
            what = _("Changed")
        rows.append(
            {
                "when": h.history_date,
                "who": h.history_user,
                "what": what,
                "obligation": h.get_obligation_display(),
                "links": len(h.report_links or []),
            }
        )
    return rows


@access(SECRETARY, opens=REPORT_SHOWN)
def deqar_edit(request: HttpRequest, pk: int) -> HttpResponse:
    publication = selectors.deqar_report_get_for(request.user, pk)
    posted = request.method == "POST"
    form = DeqarReportForm(
        request.POST if posted else None,
        initial={"obligation": publication.obligation, "summary": publication.summary},
    )
    links = DeqarLinkFormSet(
        request.POST if posted else None,
        initial=[
            {"link": row.get("link", ""), "link_display_name": row.get("link_display_name", "")}
            for row in publication.report_links or []
            if isinstance(row, dict)
        ],
        prefix="links",
    )
    if posted and form.is_valid() and links.is_valid():
        rows = [
            row for row in (f.cleaned_data for f in links.forms) if row.get("link") and not row.get("DELETE")
        ]
        done = {}

        def save():
            done["update"] = services.deqar_fields_save(
                publication=publication, actor=request.user, report_links=rows, **form.cleaned_data
            )

        if run_service(request, save, _("The report's DEQAR fields are saved."), form):
            if done["update"]:
                messages.info(request, _("DEQAR holds this report already: the update is queued for it."))
            return redirect(publication.project)
    return render(
        request,
        "registry/deqar_report_form.html",
        {
            "publication": publication,
            "project": publication.project,
            "form": form,
            "links": links,
            "links_invalid": posted and not links.is_valid(),
            "submitted": services.deqar.submitted(publication),
            "configured": bool(settings.DEQAR_SUBMISSION_URL),
            "history": _history(publication),
        },
    )


@require_POST
@access(SECRETARY, opens=REPORT_SHOWN)
def deqar_resend(request: HttpRequest, pk: int) -> HttpResponse:
    publication = selectors.deqar_report_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.deqar_resend(publication=publication, actor=request.user),
        _("The report is sent to DEQAR again; its answer will show on this page."),
    )
    return redirect(publication.project)
