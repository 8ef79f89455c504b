"""KPI targets and the stored KPI reports (§3.1, §7.4)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ApprovedTarget(models.Model):
    """A yearly target the IQAS owner proposes and the Director General approves with a
    signature (§4.1): until approved a proposal has no effect, the last approved target counts."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, awaiting approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned by the Director General")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    class Meta:
        abstract = True


class KpiTarget(ApprovedTarget):
    """The target of one key performance indicator (§3.1, §7.4) for a year: the highest share
    (in per cent) of records that may fall short, proposed by the IQAS owner and approved by the
    Director General's signature (§4.1). Until approved a proposal has no effect: the reports use
    the last approved target."""

    class Code(models.TextChoices):
        SELF_ASSESSMENT = "kpi1", _("Self-assessment reports not conforming to IAAR standards")
        EEC_REPORTS = "kpi2", _("EEC reports not meeting IAAR requirements at internal expertise")
        CERTIFICATES = "kpi3", _("Accreditation certificates issued with errors")
        REPEATED = "kpi4", _("Nonconformities repeated after corrective actions")
        PURCHASING = "kpi5", _("Nonconforming purchased goods and services")

    code = models.CharField(_("indicator"), max_length=10, choices=Code.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    # The approved target, the one in force (empty until the first approval).
    target_percent = models.DecimalField(
        _("at most (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    proposed_percent = models.DecimalField(
        _("proposed: at most (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "code"]
        verbose_name = _("KPI target")
        verbose_name_plural = _("KPI targets")
        permissions = [("approve_kpitarget", "Can approve KPI targets (Director General)")]
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="one_target_per_kpi_and_year"),
            models.CheckConstraint(
                condition=models.Q(target_percent__gte=0, target_percent__lte=100),
                name="kpi_target_is_a_share",
            ),
            models.CheckConstraint(
                condition=models.Q(proposed_percent__gte=0, proposed_percent__lte=100),
                name="kpi_proposal_is_a_share",
            ),
        ]

    def __str__(self) -> str:
        shown = self.target_percent if self.target_percent is not None else self.proposed_percent
        return f"{self.get_code_display()} {self.year}: ≤ {shown}%"


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
