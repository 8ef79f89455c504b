"""The survey summary on the public site (§4.6.1): published by the Director General or the IQAS
owner, withdrawn when it should no longer stand. Nothing is deleted: every publication and
withdrawal stays in the campaign's history and timeline."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import require_perm
from core.workflow import event_record

from ..models import Campaign
from ..selectors.results import campaign_results, min_group

MAX_SUMMARY = 4000


def _require_publisher(actor) -> None:
    refusal = _("Only those who analyse surveys and may publish their summaries do this.")
    require_perm(actor, "surveys.analyze_survey", refusal)
    require_perm(actor, "surveys.publish_survey_summary", refusal)


@transaction.atomic
def summary_publish(*, campaign: Campaign, actor, text: str) -> Campaign:
    """Publish (or republish with a new text) the campaign's summary on the public site."""
    _require_publisher(actor)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the summary before publishing it."))
    if len(text) > MAX_SUMMARY:
        raise ValidationError(
            _("A summary is at most %(max)s characters; this one has %(count)s.")
            % {"max": MAX_SUMMARY, "count": len(text)}
        )
    if campaign.status != Campaign.Status.CLOSED:
        raise ValidationError(
            _("Publish a summary once the campaign is closed: only then are its numbers final.")
        )
    if campaign_results(campaign, with_texts=False, public=True).hidden:
        raise ValidationError(
            _("Fewer than %(min)s answers: the results cannot be published without exposing who gave them.")
            % {"min": min_group()}
        )
    again = campaign.summary_published_at is not None
    campaign.summary = text
    campaign.summary_published_at = timezone.now()
    campaign.summary_published_by = actor
    campaign._change_reason = "summary published"
    campaign.save(update_fields=["summary", "summary_published_at", "summary_published_by"])
    event_record(
        obj=campaign,
        action=gettext_lazy("Summary republished on the public site")
        if again
        else gettext_lazy("Summary published on the public site"),
        actor=actor,
        comment=text,
    )
    return campaign


@transaction.atomic
def summary_withdraw(*, campaign: Campaign, actor, reason: str) -> Campaign:
    """Take the summary off the public site; its text and history stay."""
    _require_publisher(actor)
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.summary_published_at is None:
        raise ValidationError(_("This summary is not on the public site."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the summary is withdrawn."))
    campaign.summary_published_at = None
    campaign.summary_published_by = None
    campaign._change_reason = "summary withdrawn"
    campaign.save(update_fields=["summary_published_at", "summary_published_by"])
    event_record(
        obj=campaign,
        action=gettext_lazy("Summary withdrawn from the public site"),
        actor=actor,
        comment=reason[:2000],
    )
    return campaign
