"""The printed survey results (§7.2.1): a campaign's, or a survey's across campaigns under the
page's filters. Only core.pdf calls WeasyPrint; this module builds what they show."""

from core.pdf import render_pdf

from . import selectors
from .charts import decorate
from .models import Campaign, Survey


def campaign_results_pdf(campaign: Campaign) -> bytes:
    return render_pdf(
        "pdf/survey_results.html",
        {
            "title": f"{campaign.number} {campaign.localized_title}",
            "campaign": campaign,
            "survey": campaign.survey,
            "results": decorate(selectors.campaign_results(campaign)),
        },
    )


def survey_results_pdf(survey: Survey, context: dict) -> bytes:
    """``context``: the survey's results page as filtered (figures, comparisons, charts)."""
    return render_pdf("pdf/survey_results.html", {**context, "title": survey.localized_title})
