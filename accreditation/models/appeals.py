"""Appeals against council decisions and complaints about IAAR's work (§6.5)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .council import Decision
from .projects import AccreditationProject


class Appeal(models.Model):
    """An appeal against a council decision, or a complaint about IAAR's work (§6.5)."""

    class Kind(models.TextChoices):
        APPEAL = "appeal", _("Appeal against a decision")
        COMPLAINT = "complaint", _("Complaint")

    class Status(models.TextChoices):
        FILED = "filed", _("Filed")
        UNDER_REVIEW = "under_review", _("Under review")
        DECIDED = "decided", _("Decided")

    class Result(models.TextChoices):
        UPHELD = "upheld", _("Upheld")
        PARTIAL = "partial", _("Partially upheld")
        REJECTED = "rejected", _("Rejected")

    number = models.CharField(_("number"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    project = models.ForeignKey(
        AccreditationProject,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision appealed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("grounds"))
    filed_at = models.DateTimeField(_("filed"), auto_now_add=True)
    due_on = models.DateField(_("answer due"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.FILED)
    result = models.CharField(_("outcome"), max_length=20, choices=Result.choices, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("appeal or complaint")
        verbose_name_plural = _("appeals and complaints")

    def __str__(self) -> str:
        return f"{self.number} · {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("accreditation:appeal_detail", args=[self.pk])
