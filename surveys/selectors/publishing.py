"""The survey summary on the public site (§4.6.1), as read: what stands there, the first draft
written from the numbers, and the summary's own history."""

from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.selectors import events_for

from ..models import Campaign
from .results import Kind, Results, campaign_results

SUMMARY_EVENTS = {
    "Summary published on the public site",
    "Summary republished on the public site",
    "Summary withdrawn from the public site",
}


def published_summaries() -> QuerySet[Campaign]:
    """The campaigns whose summary stands on the public site, newest first."""
    return (
        Campaign.objects.filter(summary_published_at__isnull=False)
        .select_related("version__survey", "organization", "project__organization")
        .order_by("-closes_on", "-pk")
    )


def summary_draft(campaign: Campaign) -> str:
    """What the form starts with: the text last written, else a draft from the numbers."""
    return campaign.summary or summary_text(campaign)


def summary_text(campaign: Campaign, results: Results | None = None) -> str:
    """A first draft of the public summary, from the numbers (the publisher rewrites it)."""
    results = results or campaign_results(campaign, with_texts=False)
    parts = [
        _("%(title)s: %(count)s responses from %(start)s to %(end)s.")
        % {
            "title": campaign.localized_title,
            "count": results.responses,
            "start": date_format(campaign.opens_on, "SHORT_DATE_FORMAT"),
            "end": date_format(campaign.closes_on, "SHORT_DATE_FORMAT"),
        }
    ]
    if results.rate is not None:
        parts.append(_("Response rate: %(rate)s %%.") % {"rate": results.rate})
    if results.hidden:
        return " ".join(parts)
    if results.likert_mean is not None:
        parts.append(
            _("Average satisfaction: %(mean)s of 5 (%(percent)s %%).")
            % {"mean": results.likert_mean, "percent": results.likert_percent}
        )
    scored = [q for q in results.questions if q.kind == Kind.LIKERT and q.mean is not None]
    if len(scored) >= 2:
        best = max(scored, key=lambda q: q.mean)
        worst = min(scored, key=lambda q: q.mean)
        parts.append(_("Rated highest: “%(text)s” (%(mean)s).") % {"text": best.text, "mean": best.mean})
        parts.append(_("Rated lowest: “%(text)s” (%(mean)s).") % {"text": worst.text, "mean": worst.mean})
    for question in results.questions:
        if question.nps is not None:
            parts.append(_("Net promoter score: %(nps)s.") % {"nps": question.nps})
    return " ".join(parts)


def summary_events(campaign: Campaign) -> list:
    """The summary's own history: each publication and withdrawal, newest first."""
    return [e for e in events_for(campaign).order_by("-at", "-pk") if e.action in SUMMARY_EVENTS]
