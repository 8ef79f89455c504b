"""The summary rows of KPI 3 (issue 22): certificates signed per month and how many of them
were reissued for an error, kept by the certificate services (``accreditation.kpi_summaries``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateMonth(models.Model):
    """How many certificates were signed in a month, and how many of those were reissued for an error."""

    month = models.DateField(_("month"), unique=True)  # its first day, in the agency's time zone
    signed = models.PositiveIntegerField(_("signed"), default=0, db_default=0)
    with_errors = models.PositiveIntegerField(_("reissued for an error"), default=0, db_default=0)

    class Meta:
        ordering = ["month"]
        verbose_name = _("certificates of a month")
        verbose_name_plural = _("certificates by month")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.with_errors}/{self.signed}"
