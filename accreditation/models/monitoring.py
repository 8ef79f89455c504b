"""Post-accreditation monitoring: the steps generated from the certificate's validity."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .projects import AccreditationProject


class MonitoringTask(models.Model):
    """A post-accreditation monitoring step generated from the certificate's validity."""

    class Kind(models.TextChoices):
        ANNUAL_REPORT = "annual_report", _("Annual monitoring report")
        MIDTERM_VISIT = "midterm_visit", _("Mid-term monitoring visit")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        SUBMITTED = "submitted", _("Submitted, to review")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for correction")

    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="monitoring"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    file = models.FileField(_("report"), upload_to="monitoring/%Y/", max_length=300, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    comments = models.TextField(_("review comments"), blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("monitoring task")
        verbose_name_plural = _("monitoring tasks")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.due_on:%d.%m.%Y}"
