"""Experts (§5.2): IAAR's expert pool and their training."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .organizations import Organization


class Expert(models.Model):
    """A person in IAAR's expert pool."""

    class Category(models.TextChoices):
        ACADEMIC = "academic", _("Academic")
        EMPLOYER = "employer", _("Employer")
        STUDENT = "student", _("Student")
        INTERNATIONAL = "international", _("International expert")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        on_delete=models.PROTECT,
        related_name="expert_profile",
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    field = models.CharField(_("field of expertise"), max_length=200)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    country = models.CharField(_("country"), max_length=2, default="KZ")
    city = models.CharField(_("city"), max_length=120, blank=True)
    employer = models.CharField(_("employer or place of study"), max_length=300, blank=True)
    affiliations = models.ManyToManyField(
        Organization,
        verbose_name=_("declared affiliations"),
        blank=True,
        related_name="affiliated_experts",
        help_text=_("Organizations the expert works or studies at, or has worked with."),
    )
    ethics_accepted_on = models.DateField(_("code of ethics accepted"), null=True, blank=True)
    is_active = models.BooleanField(_("in the pool"), default=True)
    history = HistoricalRecords(excluded_fields=["affiliations"])

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("accreditation:expert_detail", args=[self.pk])


class ExpertTraining(models.Model):
    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="trainings"
    )
    title = models.CharField(_("training"), max_length=300)
    completed_on = models.DateField(_("completed on"))
    certificate = models.FileField(
        _("certificate"), upload_to="expert-training/%Y/", blank=True, max_length=300
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on"]
        verbose_name = _("expert training")
        verbose_name_plural = _("expert trainings")

    def __str__(self) -> str:
        return self.title
