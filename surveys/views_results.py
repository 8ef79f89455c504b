"""Survey results (§7.2.1): per campaign and per survey across campaigns, with charts and tables,
comparisons across years, organizations and experts, PDF and CSV/XLSX; the summary published on
the public site (§4.6.1) and the public pages that show it.

Figures come from ``surveys.analysis``, which keeps anonymity: groups below the minimum size
are hidden there, so no page, PDF or file here can show them."""

from django import forms
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import exports
from core.access import PUBLIC, access
from core.charts import PALETTE, Bar, Series, bar_chart, line_chart, stacked_bar_chart
from core.form_pages import run_service
from core.pdf import pdf_response, render_pdf
from core.selectors import events_for

from . import analysis, publishing, selectors
from .models import Campaign, Invitation, Question, Response, Survey
from .selectors import count_of

ANALYZE = "surveys.analyze_survey"
PUBLISH = "surveys.publish_survey_summary"
FORMATS = ("csv", "xlsx")
# Red to green over the five points of a scale; grey in the middle.
LIKERT_COLOURS = ("#C0392B", "#E69F00", "#8C959F", "#56B4E9", "#009E73")
EXPERT_AUDIENCES = (Survey.Audience.COORDINATOR, Survey.Audience.EXPERT)


# --- Charts ------------------------------------------------------------------------------------


def decorate(results: analysis.Results) -> analysis.Results:
    """Attach the SVG charts: a bar chart per scale or choice question, and an overview of every
    1–5 question as stacked bars (the same markup on screen, in the PDF and on the public site)."""
    if results.hidden:
        return results
    for question in results.questions:
        if question.is_text or not question.answered:
            continue
        colours = LIKERT_COLOURS if question.kind == Question.Kind.LIKERT else ()
        bars = [
            Bar(
                label=point.label,
                value=point.count,
                colour=colours[index] if colours else PALETTE[0],
            )
            for index, point in enumerate(question.points)
        ]
        question.chart = bar_chart(bars, title=question.text, width=560)
    likert = [q for q in results.questions if q.kind == Question.Kind.LIKERT and q.answered]
    if likert:
        results.overview = stacked_bar_chart(
            [q.text for q in likert],
            [
                Series(str(value), [q.points[value - 1].count for q in likert], LIKERT_COLOURS[value - 1])
                for value in range(1, 6)
            ],
            title=_("Every 1–5 question: answers by scale point"),
        )
    return results


def _years_chart(groups: list[analysis.Group], key: str, label: str):
    if not any(g.mean is not None for g in groups):
        return None
    if key:
        values = [float(g.means[key]) if g.means.get(key) is not None else None for g in groups]
    else:
        values = [float(g.mean) if g.mean is not None else None for g in groups]
    return line_chart([g.label for g in groups], [Series(label, values, PALETTE[0])], title=label)


def _groups_chart(groups: list[analysis.Group], title: str):
    shown = [g for g in groups if g.mean is not None]
    if not shown:
        return None
    return bar_chart([Bar(g.label, float(g.mean)) for g in shown], title=title)


SUMMARY_EVENTS = {
    "Summary published on the public site",
    "Summary republished on the public site",
    "Summary withdrawn from the public site",
}


def _summary_events(campaign: Campaign) -> list:
    """The summary's own history: each publication and withdrawal, newest first."""
    return [e for e in events_for(campaign).order_by("-at", "-pk") if e.action in SUMMARY_EVENTS]


# --- Index -------------------------------------------------------------------------------------


LATEST = 20


@access(ANALYZE)
def results_index(request: HttpRequest) -> HttpResponse:
    surveys, campaigns = selectors.results_overview(latest=LATEST)
    return render(
        request,
        "surveys/results_index.html",
        {"surveys": surveys, "campaigns": campaigns, "min_group": analysis.min_group()},
    )


# --- One campaign ------------------------------------------------------------------------------


def _campaign(pk: int) -> Campaign:
    return get_object_or_404(
        Campaign.objects.select_related("version__survey", "organization", "project__organization"), pk=pk
    )


@access(ANALYZE)
def campaign_results(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(pk)
    results = decorate(analysis.campaign_results(campaign))
    return render(
        request,
        "surveys/results_campaign.html",
        {
            "campaign": campaign,
            "survey": campaign.survey,
            "results": results,
            "can_publish": request.user.has_perm(PUBLISH),
            "events": _summary_events(campaign),
        },
    )


@access(ANALYZE)
def campaign_results_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(pk)
    results = decorate(analysis.campaign_results(campaign))
    content = render_pdf(
        "pdf/survey_results.html",
        {
            "title": f"{campaign.number} {campaign.title}",
            "campaign": campaign,
            "survey": campaign.survey,
            "results": results,
        },
    )
    return pdf_response(content, f"survey-results-{campaign.number}.pdf")


def _file(fmt: str, name: str, header: list, rows: list) -> HttpResponse:
    header = [str(h) for h in header]
    filename = f"{name}-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(
            b"".join(exports.csv_chunks(header, rows)), content_type=exports.CSV_CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    file = exports.xlsx_file(name, header, rows)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=exports.XLSX_CONTENT_TYPE)


@access(ANALYZE)
def campaign_results_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    campaign = _campaign(pk)
    header, rows = analysis.export_table(
        campaign.responses.all(), analysis.questions_of([campaign.version_id]), anonymous=campaign.anonymous
    )
    return _file(fmt, f"survey-{campaign.number}", header, rows)


# --- One survey across its campaigns ------------------------------------------------------------


class ResultsFilter(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    organization = forms.TypedChoiceField(
        label=_("Organization"), required=False, coerce=int, empty_value=None
    )
    key = forms.ChoiceField(label=_("Question compared across years"), required=False)

    def __init__(self, data, *, survey: Survey, questions) -> None:
        super().__init__(data)
        self.fields["year"].choices = [("", _("Every year"))] + [
            (y, y) for y in analysis.survey_years(survey)
        ]
        self.fields["organization"].choices = [("", _("Every organization"))] + [
            (o.pk, o.localized_name) for o in analysis.survey_organizations(survey)
        ]
        self.fields["key"].choices = [("", _("Every 1–5 question (mean)"))] + [
            (q.key, q.localized_text[:90]) for q in questions if q.kind == Question.Kind.LIKERT
        ]

    def chosen(self) -> dict:
        """The filters understood; one not understood is ignored, the others still apply."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}


def _survey_context(request: HttpRequest, survey: Survey) -> dict:
    questions = analysis.questions_of(survey.versions.values("pk"))
    form = ResultsFilter(request.GET or None, survey=survey, questions=questions)
    chosen = form.chosen()
    year, organization, key = chosen.get("year"), chosen.get("organization"), chosen.get("key", "")
    results = decorate(analysis.survey_results(survey, year=year, organization_id=organization))
    this_year = timezone.localdate().year
    known = analysis.survey_years(survey)
    first = min([*known, this_year - 4])
    years = analysis.compare_years(
        survey, organization_id=organization, years=list(range(first, this_year + 1))
    )
    key_label = (
        next((q.localized_text for q in questions if q.key == key), "")
        if key
        else _("Mean of every 1–5 answer")
    )
    likert_keys = [q for q in questions if q.kind == Question.Kind.LIKERT]
    organizations = analysis.compare_organizations(survey, year=year) if not organization else []
    experts = analysis.compare_experts(survey, year=year) if survey.audience in EXPERT_AUDIENCES else []
    # The campaigns behind the figures: the same filter as the figures, counted by subqueries.
    campaigns = (
        analysis.survey_campaigns(survey, year=year, organization_id=organization)
        .select_related("organization", "project__organization")
        .annotate(answered=count_of(Response), invited=count_of(Invitation))
        .order_by("-opens_on", "-pk")
    )
    return {
        "survey": survey,
        "form": form,
        "year": year,
        "organization": organization,
        "results": results,
        "years": years,
        "years_chart": _years_chart(years, key, str(key_label)),
        "key_label": key_label,
        "likert_keys": likert_keys,
        "year_rows": [
            (q.localized_text, [None if g.hidden else g.means.get(q.key) for g in years]) for q in likert_keys
        ],
        "organizations": organizations,
        "organizations_chart": _groups_chart(organizations, _("Mean of every 1–5 answer, by organization")),
        "experts": experts,
        "experts_chart": _groups_chart(experts, _("Mean of every 1–5 answer, by expert")),
        "campaigns": campaigns,
        "query": request.GET.urlencode(),
    }


@access(ANALYZE)
def survey_results(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_object_or_404(Survey, pk=pk)
    return render(request, "surveys/results_survey.html", _survey_context(request, survey))


@access(ANALYZE)
def survey_results_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_object_or_404(Survey, pk=pk)
    context = _survey_context(request, survey)
    context["title"] = survey.localized_title
    return pdf_response(render_pdf("pdf/survey_results.html", context), f"survey-results-{survey.code}.pdf")


@access(ANALYZE)
def survey_results_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    survey = get_object_or_404(Survey, pk=pk)
    questions = analysis.questions_of(survey.versions.values("pk"))
    form = ResultsFilter(request.GET or None, survey=survey, questions=questions)
    chosen = form.chosen()
    year, organization = chosen.get("year"), chosen.get("organization")
    responses = analysis.survey_responses(survey, year=year, organization_id=organization)
    header, rows = analysis.export_table(responses, questions, anonymous=survey.anonymous)
    return _file(fmt, f"survey-{survey.code}", header, rows)


# --- The public summary -------------------------------------------------------------------------


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary for the public site"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=publishing.MAX_SUMMARY,
        help_text=_(
            "A few sentences in plain words. The key figures and charts are shown with it; free-text answers never are."
        ),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


def _require_analyst(user) -> None:
    if not user.has_perm(ANALYZE):
        raise PermissionDenied


@access(PUBLISH)
def summary_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_analyst(request.user)
    campaign = _campaign(pk)
    form = SummaryForm(request.POST or None, initial={"summary": publishing.summary_draft(campaign)})
    if request.method == "POST" and form.is_valid():
        done = run_service(
            request,
            lambda: publishing.summary_publish(
                campaign=campaign, actor=request.user, text=form.cleaned_data["summary"]
            ),
            _("The summary is on the public site."),
            form,
        )
        if done:
            return redirect(reverse("surveys:results_campaign", args=[campaign.pk]))
    public = decorate(analysis.campaign_results(campaign, with_texts=False, public=True))
    return render(
        request,
        "surveys/results_summary.html",
        {
            "campaign": campaign,
            "survey": campaign.survey,
            "form": form,
            "public": public,
            "withdraw_form": WithdrawForm(),
            "events": _summary_events(campaign),
        },
    )


@require_POST
@access(PUBLISH)
def summary_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    _require_analyst(request.user)
    campaign = _campaign(pk)
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    run_service(
        request,
        lambda: publishing.summary_withdraw(campaign=campaign, actor=request.user, reason=reason),
        _("The summary is off the public site; its text and history are kept."),
    )
    return redirect(reverse("surveys:summary_edit", args=[campaign.pk]))


def _published_figures(campaign: Campaign) -> analysis.Results:
    """A published campaign is closed, so its figures no longer change: they are computed once
    per language and publication and kept in the cache for the public pages."""
    key = f"survey-summary:{campaign.pk}:{campaign.summary_published_at.timestamp():.0f}:{get_language()}"
    figures = cache.get(key)
    if figures is None:
        figures = analysis.campaign_results(campaign, with_texts=False, public=True)
        cache.set(key, figures, 24 * 3600)
    return figures


@access(PUBLIC)
def public_summaries(request: HttpRequest) -> HttpResponse:
    campaigns = list(publishing.published_summaries())
    for campaign in campaigns:
        campaign.figures = _published_figures(campaign)
    return render(request, "surveys/public_summary_list.html", {"campaigns": campaigns})


@access(PUBLIC)
def public_summary(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(publishing.published_summaries(), pk=pk)
    results = decorate(_published_figures(campaign))
    results.questions = [q for q in results.questions if not q.is_text]
    return render(
        request,
        "surveys/public_summary_detail.html",
        {"campaign": campaign, "survey": campaign.survey, "results": results},
    )
