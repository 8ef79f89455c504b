"""Nonconformities, corrective actions, risks and management review (§7.3, §7.5, §4.6)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Nonconformity(models.Model):
    """A nonconformity of a service or process that may affect quality, recorded for analysis."""

    class Severity(models.TextChoices):
        MINOR = "minor", _("Minor")
        MAJOR = "major", _("Major")

    class Source(models.TextChoices):
        INTERNAL_REPORT = "internal_report", _("Internal report")
        AUDIT = "audit", _("Internal audit")
        COMPLAINT = "complaint", _("Complaint")
        APPEAL = "appeal", _("Appeal")
        SURVEY = "survey", _("Survey")
        PURCHASING = "purchasing", _("Purchasing")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UNDER_ANALYSIS = "under_analysis", _("Under analysis")
        CLOSED = "closed", _("Closed")

    number = models.CharField(_("number"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what happened"))
    immediate_correction = models.TextField(_("immediate correction"), blank=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    source = models.CharField(
        _("source"), max_length=30, choices=Source.choices, default=Source.INTERNAL_REPORT
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("raised by"),
        on_delete=models.PROTECT,
        related_name="raised_nonconformities",
    )
    raised_at = models.DateTimeField(_("raised"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at", "-pk"]
        verbose_name = _("nonconformity")
        verbose_name_plural = _("nonconformities")
        permissions = [
            ("view_all_nonconformities", _("Can see every nonconformity")),
            ("view_kpi_report", _("Can read KPI reports and management reviews")),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("improvement:detail", args=[self.pk])


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
