"""The survey summary on the public site (§4.6.1): written and published by those who analyse
surveys and may publish, withdrawn when it should no longer stand, and the public pages that show
it (key figures and charts, never a free-text answer)."""

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import PUBLIC, access
from core.form_pages import run_service
from core.permissions import require_perm

from .. import selectors, services
from ..charts import decorate
from ..forms import SummaryForm, WithdrawForm
from ..models import Campaign
from ..selectors import Results
from .results import ANALYZE, PUBLISH


@access(PUBLISH)
def summary_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request.user, ANALYZE)
    campaign = selectors.campaign_get(pk)
    form = SummaryForm(request.POST or None, initial={"summary": selectors.summary_draft(campaign)})
    if request.method == "POST" and form.is_valid():
        done = run_service(
            request,
            lambda: services.summary_publish(
                campaign=campaign, actor=request.user, text=form.cleaned_data["summary"]
            ),
            _("The summary is on the public site."),
            form,
        )
        if done:
            return redirect(reverse("surveys:results_campaign", args=[campaign.pk]))
    public = decorate(selectors.campaign_results(campaign, with_texts=False, public=True))
    return render(
        request,
        "surveys/results_summary.html",
        {
            "campaign": campaign,
            "survey": campaign.survey,
            "form": form,
            "public": public,
            "withdraw_form": WithdrawForm(),
            "events": selectors.summary_events(campaign),
        },
    )


@require_POST
@access(PUBLISH)
def summary_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request.user, ANALYZE)
    campaign = selectors.campaign_get(pk)
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    run_service(
        request,
        lambda: services.summary_withdraw(campaign=campaign, actor=request.user, reason=reason),
        _("The summary is off the public site; its text and history are kept."),
    )
    return redirect(reverse("surveys:summary_edit", args=[campaign.pk]))


def _published_figures(campaign: Campaign) -> Results:
    """A published campaign is closed, so its figures no longer change: they are computed once
    per language and publication and kept in the cache for the public pages."""
    key = f"survey-summary:{campaign.pk}:{campaign.summary_published_at.timestamp():.0f}:{get_language()}"
    figures = cache.get(key)
    if figures is None:
        figures = selectors.campaign_results(campaign, with_texts=False, public=True)
        cache.set(key, figures, 24 * 3600)
    return figures


@access(PUBLIC)
def public_summaries(request: HttpRequest) -> HttpResponse:
    campaigns = list(selectors.published_summaries())
    for campaign in campaigns:
        campaign.figures = _published_figures(campaign)
    return render(request, "surveys/public_summary_list.html", {"campaigns": campaigns})


@access(PUBLIC)
def public_summary(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(selectors.published_summaries(), pk=pk)
    results = decorate(_published_figures(campaign))
    results.questions = [q for q in results.questions if not q.is_text]
    return render(
        request,
        "surveys/public_summary_detail.html",
        {"campaign": campaign, "survey": campaign.survey, "results": results},
    )
