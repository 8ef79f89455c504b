"""KPI targets and the stored KPI reports (§3.1, §7.4)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class KpiTarget(models.Model):
    """The target of one key performance indicator (§3.1, §7.4) for a year: the highest share
    (in per cent) of records that may fall short, set by the IQAS owner."""

    class Code(models.TextChoices):
        SELF_ASSESSMENT = "kpi1", _("Self-assessment reports not conforming to IAAR standards")
        EEC_REPORTS = "kpi2", _("EEC reports not meeting IAAR requirements at internal expertise")
        CERTIFICATES = "kpi3", _("Accreditation certificates issued with errors")
        REPEATED = "kpi4", _("Nonconformities repeated after corrective actions")
        PURCHASING = "kpi5", _("Nonconforming purchased goods and services")

    code = models.CharField(_("indicator"), max_length=10, choices=Code.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    target_percent = models.DecimalField(_("at most (%)"), max_digits=5, decimal_places=1)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "code"]
        verbose_name = _("KPI target")
        verbose_name_plural = _("KPI targets")
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="one_target_per_kpi_and_year"),
            models.CheckConstraint(
                condition=models.Q(target_percent__gte=0, target_percent__lte=100),
                name="kpi_target_is_a_share",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} {self.year}: ≤ {self.target_percent}%"


class KpiReport(models.Model):
    """A KPI report PDF made by the schedule (monthly, yearly) or on demand, kept with its hash,
    and e-mailed once to the Director General and the IQAS owner. One per kind and period: a
    retried run finds the stored one and never makes or sends a second."""

    class Kind(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        YEARLY = "yearly", _("Yearly")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    file = models.FileField(_("report"), upload_to="kpi-reports/%Y/", blank=True, max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    recipients = models.TextField(_("sent to"), blank=True)

    class Meta:
        ordering = ["-period_start", "kind"]
        verbose_name = _("KPI report")
        verbose_name_plural = _("KPI reports")
        constraints = [
            models.UniqueConstraint(fields=["kind", "period_start"], name="one_kpi_report_per_period"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="kpi_report_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start:%Y-%m}"
