"""Survey results (§7.2.1): per campaign and per survey across campaigns, with charts and tables,
comparisons across years, organizations and experts, PDF and CSV/XLSX. The summary published on
the public site (§4.6.1) is in publishing.py.

Figures come from ``surveys.selectors``, which keeps anonymity: groups below the minimum size
are hidden there, so no page, PDF or file here can show them."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core import exports
from core.access import access
from core.pdf import pdf_response

from .. import pdf, selectors, summaries
from ..charts import decorate, groups_chart, years_chart
from ..forms import ResultsFilter
from ..models import Invitation, Question, Survey
from ..selectors import count_of

ANALYZE = "surveys.analyze_survey"
PUBLISH = "surveys.publish_survey_summary"
FORMATS = ("csv", "xlsx")
EXPERT_AUDIENCES = (Survey.Audience.COORDINATOR, Survey.Audience.EXPERT)


# --- Index -------------------------------------------------------------------------------------


LATEST = 20


@access(ANALYZE)
def results_index(request: HttpRequest) -> HttpResponse:
    surveys, campaigns = selectors.results_overview(latest=LATEST)
    return render(
        request,
        "surveys/results_index.html",
        {"surveys": surveys, "campaigns": campaigns, "min_group": selectors.min_group()},
    )


# --- One campaign ------------------------------------------------------------------------------


@access(ANALYZE)
def campaign_results(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(pk)
    results = decorate(selectors.campaign_results(campaign))
    return render(
        request,
        "surveys/results_campaign.html",
        {
            "campaign": campaign,
            "survey": campaign.survey,
            "results": results,
            "can_publish": request.user.has_perm(PUBLISH),
            "events": selectors.summary_events(campaign),
        },
    )


@access(ANALYZE)
def campaign_results_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get(pk)
    return pdf_response(pdf.campaign_results_pdf(campaign), f"survey-results-{campaign.number}.pdf")


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
    campaign = selectors.campaign_get(pk)
    header, rows = selectors.export_table(
        campaign.responses.all(), selectors.questions_of([campaign.version_id]), anonymous=campaign.anonymous
    )
    return _file(fmt, f"survey-{campaign.number}", header, rows)


# --- One survey across its campaigns ------------------------------------------------------------


def _survey_context(request: HttpRequest, survey: Survey) -> dict:
    questions = selectors.questions_of(survey.versions.values("pk"))
    form = ResultsFilter(request.GET or None, survey=survey, questions=questions)
    chosen = form.chosen()
    year, organization, key = chosen.get("year"), chosen.get("organization"), chosen.get("key", "")
    results = decorate(selectors.survey_results(survey, year=year, organization_id=organization))
    this_year = timezone.localdate().year
    known = selectors.survey_years(survey)
    first = min([*known, this_year - 4])
    years = selectors.compare_years(
        survey, organization_id=organization, years=list(range(first, this_year + 1))
    )
    key_label = (
        next((q.localized_text for q in questions if q.key == key), "")
        if key
        else _("Mean of every 1–5 answer")
    )
    likert_keys = [q for q in questions if q.kind == Question.Kind.LIKERT]
    organizations = selectors.compare_organizations(survey, year=year) if not organization else []
    experts = selectors.compare_experts(survey, year=year) if survey.audience in EXPERT_AUDIENCES else []
    # The campaigns behind the figures: the same filter as the figures, counted by subqueries.
    campaigns = (
        selectors.survey_campaigns(survey, year=year, organization_id=organization)
        .select_related("organization", "project__organization")
        .annotate(answered=summaries.responses_of_campaign(), invited=count_of(Invitation))
        .order_by("-opens_on", "-pk")
    )
    return {
        "survey": survey,
        "form": form,
        "year": year,
        "organization": organization,
        "results": results,
        "years": years,
        "years_chart": years_chart(years, key, str(key_label)),
        "key_label": key_label,
        "likert_keys": likert_keys,
        "year_rows": [
            (q.localized_text, [None if g.hidden else g.means.get(q.key) for g in years]) for q in likert_keys
        ],
        "organizations": organizations,
        "organizations_chart": groups_chart(organizations, _("Mean of every 1–5 answer, by organization")),
        "experts": experts,
        "experts_chart": groups_chart(experts, _("Mean of every 1–5 answer, by expert")),
        "campaigns": campaigns,
        "query": request.GET.urlencode(),
    }


@access(ANALYZE)
def survey_results(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get(pk)
    return render(request, "surveys/results_survey.html", _survey_context(request, survey))


@access(ANALYZE)
def survey_results_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get(pk)
    content = pdf.survey_results_pdf(survey, _survey_context(request, survey))
    return pdf_response(content, f"survey-results-{survey.code}.pdf")


@access(ANALYZE)
def survey_results_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    survey = selectors.survey_get(pk)
    questions = selectors.questions_of(survey.versions.values("pk"))
    form = ResultsFilter(request.GET or None, survey=survey, questions=questions)
    chosen = form.chosen()
    year, organization = chosen.get("year"), chosen.get("organization")
    responses = selectors.survey_responses(survey, year=year, organization_id=organization)
    header, rows = selectors.export_table(responses, questions, anonymous=survey.anonymous)
    return _file(fmt, f"survey-{survey.code}", header, rows)
