"""The summary rows the survey results are read from (issue 22): how many responses came in and
how the answers fell, per campaign and month, kept up to date in the transaction that saves a
response (``surveys.summaries``) and rebuilt exactly by ``manage.py rebuild_summaries``. They
hold counts only: no text, no person, nothing a count of the answers themselves would not say."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResponseTally(models.Model):
    """How many responses a campaign received in a month."""

    campaign = models.ForeignKey("surveys.Campaign", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))  # its first day
    responses = models.PositiveIntegerField(_("responses"), default=0)

    class Meta:
        verbose_name = _("responses of a month")
        verbose_name_plural = _("responses by month")
        constraints = [models.UniqueConstraint(fields=["campaign", "month"], name="one_response_tally")]

    def __str__(self) -> str:
        return f"{self.campaign_id} {self.month:%Y-%m}: {self.responses}"


class AnswerTally(models.Model):
    """How many answers of a campaign's month gave a question one scale point, chose one option,
    chose anything at all, or were written."""

    class Kind(models.TextChoices):
        NUMBER = "n", _("scale point")
        OPTION = "o", _("option")
        CHOSEN = "c", _("any option")
        TEXT = "t", _("written answer")

    campaign = models.ForeignKey("surveys.Campaign", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    question = models.ForeignKey("surveys.Question", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=1, choices=Kind.choices)
    number = models.SmallIntegerField(default=0)  # the scale point (NUMBER rows)
    value = models.CharField(max_length=200, default="", blank=True)  # the option (OPTION rows)
    n = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("answers of a month")
        verbose_name_plural = _("answers by month")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "month", "question", "kind", "number", "value"], name="one_answer_tally"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.campaign_id} {self.month:%Y-%m} q{self.question_id} {self.kind}{self.number}{self.value}"
        )
