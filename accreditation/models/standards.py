"""Standards and criteria (§6.6): data, edited by administrators, versioned."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .projects import AccreditationProject


class Score(models.TextChoices):
    """IAAR's scale for each criterion."""

    STRONG = "strong", _("Strong")
    SATISFACTORY = "satisfactory", _("Satisfactory")
    IMPROVE = "improve", _("Suggests improvement")
    UNSATISFACTORY = "unsatisfactory", _("Unsatisfactory")


class StandardSet(models.Model):
    """A set of accreditation standards in one version; projects keep the version they began with."""

    code = models.CharField(
        _("code"), max_length=40, help_text=_("The same for every version, e.g. IAAR-INST.")
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind of accreditation"), max_length=30, choices=AccreditationProject.Kind.choices
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    effective_from = models.DateField(_("effective from"))
    is_current = models.BooleanField(_("current"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("standard set")
        verbose_name_plural = _("standard sets")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="standard_set_version_unique"),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(is_current=True), name="one_current_standard_set_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class Standard(models.Model):
    standard_set = models.ForeignKey(
        StandardSet, verbose_name=_("standard set"), on_delete=models.PROTECT, related_name="standards"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard_set", "number"]
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        constraints = [
            models.UniqueConstraint(fields=["standard_set", "number"], name="standard_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Criterion(models.Model):
    standard = models.ForeignKey(
        Standard, verbose_name=_("standard"), on_delete=models.PROTECT, related_name="criteria"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("criterion"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard__number", "number"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [models.UniqueConstraint(fields=["standard", "number"], name="criterion_number_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:80]}"

    @property
    def code(self) -> str:
        return f"{self.standard.number}.{self.number}"
