"""Internal audits of the IQAS processes (§7.2.2). Findings and reports grow here later."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Audit(models.Model):
    """An internal audit of key processes, run by a working group the Director General appoints."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        REPORT_DRAFTED = "report_drafted", _("Report drafted")
        REPORT_APPROVED = "report_approved", _("Report approved")
        CLOSED = "closed", _("Closed")

    title = models.CharField(_("title"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.PLANNED)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("internal audit")
        verbose_name_plural = _("internal audits")
        permissions = [
            ("view_all_audits", _("Can see every internal audit")),
            ("order_audit", _("Can order an internal audit and appoint its working group")),
            ("conduct_audit", _("Can conduct an audit as a member of its working group")),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"
