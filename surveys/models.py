"""Feedback and satisfaction surveys (§4.2, §7.2.1). The survey builder grows here later."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Survey(models.Model):
    """A questionnaire sent to education organizations, experts, students or staff."""

    class Audience(models.TextChoices):
        ORGANIZATION = "organization", _("Education organization")
        EXPERT = "expert", _("Experts")
        COORDINATOR = "coordinator", _("Coordinator (EEC evaluation)")
        STUDENT = "student", _("Students")
        TEACHING_STAFF = "teaching_staff", _("Teaching staff")

    title = models.CharField(_("title"), max_length=300)
    audience = models.CharField(_("audience"), max_length=30, choices=Audience.choices)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title
