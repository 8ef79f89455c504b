"""The risk register (§7.5.3)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Risk(models.Model):
    """A risk to a process of the IQAS (§7.5.3), scored likelihood × impact on the agency's matrix
    (IAAR_RISK_MATRIX_SIZE, 5 × 5 by default), before and after its treatment."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        TREATED = "treated", _("Treated")
        CLOSED = "closed", _("Closed")

    number = models.CharField(_("number"), max_length=20, unique=True)
    title = models.CharField(_("risk"), max_length=200)
    description = models.TextField(_("cause and consequence"), blank=True)
    process = models.ForeignKey(
        "core.Process", verbose_name=_("process"), on_delete=models.PROTECT, related_name="risks"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("risk owner"), on_delete=models.PROTECT, related_name="risks"
    )
    likelihood = models.PositiveSmallIntegerField(_("likelihood"))
    impact = models.PositiveSmallIntegerField(_("impact"))
    treatment = models.TextField(_("preventive measures"), blank=True)
    residual_likelihood = models.PositiveSmallIntegerField(_("residual likelihood"), null=True, blank=True)
    residual_impact = models.PositiveSmallIntegerField(_("residual impact"), null=True, blank=True)
    review_on = models.DateField(_("next review"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        permissions = [
            ("view_all_risks", _("Can see every risk")),
            ("manage_risks", _("Can manage every risk")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, impact__gte=1), name="risk_score_positive"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(residual_likelihood__isnull=True, residual_impact__isnull=True)
                    | models.Q(residual_likelihood__gte=1, residual_impact__gte=1)
                ),
                name="risk_residual_both_or_none",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("improvement:risk_detail", args=[self.pk])

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def residual_score(self) -> int | None:
        if self.residual_likelihood is None or self.residual_impact is None:
            return None
        return self.residual_likelihood * self.residual_impact
