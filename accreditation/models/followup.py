"""Follow-up of the EEC's recommendations (§6.5.5, §7.2.4): each recommendation of the report is
an item; the organization reports its progress on each in the yearly monitoring report, the
coordinator (for the monitoring expert group) assesses it, the council reads the summary."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .commission import EECReport
from .monitoring import MonitoringTask
from .projects import AccreditationProject


class Progress(models.TextChoices):
    """What the organization says of one recommendation in a monitoring report."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")


class FollowupItem(models.Model):
    """One recommendation of the EEC's report to the organization, followed until implemented."""

    class Status(models.TextChoices):
        OPEN = "open", _("Not reported yet")
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        IMPLEMENTED = "implemented", _("Implemented, to assess")
        CLOSED = "closed", _("Implemented and confirmed")

    project = models.ForeignKey(
        AccreditationProject,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="followup_items",
    )
    report = models.ForeignKey(
        EECReport, verbose_name=_("EEC report"), on_delete=models.PROTECT, related_name="followup_items"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    # The recommendation as the commission wrote it in its report.
    text = models.TextField(_("recommendation"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "number"]
        verbose_name = _("recommendation to follow up")
        verbose_name_plural = _("recommendations to follow up")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="followup_number_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("accreditation:followup", args=[self.project_id]) + f"#rec-{self.pk}"


class FollowupProgress(models.Model):
    """The organization's progress on one recommendation in one yearly monitoring report, with
    its evidence, and the assessment of the monitoring expert group (or the coordinator)."""

    class Assessment(models.TextChoices):
        PENDING = "", _("To assess")
        CONFIRMED = "confirmed", _("Confirmed")
        NOT_CONFIRMED = "not_confirmed", _("Not confirmed")

    item = models.ForeignKey(
        FollowupItem, verbose_name=_("recommendation"), on_delete=models.PROTECT, related_name="progress"
    )
    task = models.ForeignKey(
        MonitoringTask, verbose_name=_("monitoring report"), on_delete=models.PROTECT, related_name="progress"
    )
    status = models.CharField(_("progress"), max_length=20, choices=Progress.choices)
    note = models.TextField(_("what was done"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="followup/%Y/", max_length=300, blank=True)
    evidence_name = models.CharField(_("file name"), max_length=255, blank=True)
    evidence_link = models.URLField(_("evidence link"), max_length=500, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(_("reported"))
    assessment = models.CharField(
        _("assessment"), max_length=20, choices=Assessment.choices, default=Assessment.PENDING, blank=True
    )
    assessment_note = models.TextField(_("assessment comment"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(_("assessed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["item", "-reported_at", "-pk"]
        verbose_name = _("progress on a recommendation")
        verbose_name_plural = _("progress on recommendations")
        constraints = [
            models.UniqueConstraint(fields=["item", "task"], name="followup_progress_once_per_report"),
            # Implemented is claimed with evidence: a file or a link.
            models.CheckConstraint(
                condition=~models.Q(status="implemented")
                | ~models.Q(evidence_file="")
                | ~models.Q(evidence_link=""),
                name="followup_implemented_with_evidence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_status_display()}"

    @property
    def project(self) -> AccreditationProject:
        return self.item.project
