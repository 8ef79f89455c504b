"""Standards and criteria (§6.6): part of an approved standard document's version.

A standard set belongs to a version of a controlled document (documents.DocumentVersion). It is
edited only while that version is a draft, and becomes the current set of its code when the version
comes into force (accreditation/services/standards.py, through documents.extensions); from then on
nothing changes it, in the admin or anywhere else. Projects keep the set they started with. The
sets from before (no document version) are frozen the same way.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .projects import AccreditationProject

LANGUAGES = ("ru", "kk", "ky")
FROZEN = _(
    "%(set)s is part of a document version that is no longer a draft: its standards and criteria "
    "cannot be changed. Prepare a new version of the document instead."
)


def localized(obj, field: str) -> str:
    """The field in the reader's language, the stored English text otherwise."""
    language = (get_language() or "")[:2]
    return (getattr(obj, f"{field}_{language}", "") if language in LANGUAGES else "") or getattr(obj, field)


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
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind of accreditation"), max_length=30, choices=AccreditationProject.Kind.choices
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    is_current = models.BooleanField(_("current"), default=True)
    document_version = models.ForeignKey(
        "documents.DocumentVersion",
        verbose_name=_("document version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="standard_sets",
    )
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
        return f"{self.localized_title} (v{self.version})"

    def save(self, *args, **kwargs):
        # Coming into force or being superseded changes only these; anything else needs a draft.
        if self.pk is not None:
            stored = StandardSet.objects.select_related("document_version").get(pk=self.pk)
            names = kwargs.get("update_fields") or [f.attname for f in self._meta.concrete_fields]
            changed = {n for n in names if getattr(stored, n) != getattr(self, n)}
            if changed - {"is_current", "effective_from"}:
                stored.refuse_if_frozen()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("accreditation:standard_set_detail", args=[self.pk])

    @property
    def localized_title(self) -> str:
        return localized(self, "title")

    @property
    def editable(self) -> bool:
        """Only a set whose document version is still a draft may change."""
        return self.document_version_id is not None and self.document_version.status == "draft"

    def refuse_if_frozen(self) -> None:
        if not self.editable:
            raise ValidationError(FROZEN % {"set": self})


class Standard(models.Model):
    standard_set = models.ForeignKey(
        StandardSet, verbose_name=_("standard set"), on_delete=models.PROTECT, related_name="standards"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard_set", "number"]
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        constraints = [
            models.UniqueConstraint(fields=["standard_set", "number"], name="standard_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.localized_title}"

    def save(self, *args, **kwargs):
        StandardSet.objects.select_related("document_version").get(pk=self.standard_set_id).refuse_if_frozen()
        if self.pk is not None:
            stored = Standard.objects.get(pk=self.pk)
            if stored.standard_set_id != self.standard_set_id:
                stored.standard_set.refuse_if_frozen()
        super().save(*args, **kwargs)

    @property
    def localized_title(self) -> str:
        return localized(self, "title")


class Criterion(models.Model):
    standard = models.ForeignKey(
        Standard, verbose_name=_("standard"), on_delete=models.PROTECT, related_name="criteria"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("criterion"))
    text_ru = models.TextField(_("criterion (Russian)"), blank=True)
    text_kk = models.TextField(_("criterion (Kazakh)"), blank=True)
    text_ky = models.TextField(_("criterion (Kyrgyz)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard__number", "number"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [models.UniqueConstraint(fields=["standard", "number"], name="criterion_number_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.localized_text[:80]}"

    def save(self, *args, **kwargs):
        sets = StandardSet.objects.select_related("document_version")
        sets.get(standards=self.standard_id).refuse_if_frozen()
        if self.pk is not None:
            stored = Criterion.objects.get(pk=self.pk)
            if stored.standard_id != self.standard_id:
                sets.get(standards=stored.standard_id).refuse_if_frozen()
        super().save(*args, **kwargs)

    @property
    def code(self) -> str:
        return f"{self.standard.number}.{self.number}"

    @property
    def localized_text(self) -> str:
        return localized(self, "text")
