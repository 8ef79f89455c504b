"""The threshold requirements by level of education (§6.2.2), as a controlled list.

A list belongs to a version of a controlled document, is edited only while that version is a
draft and becomes the current list of its level when the version comes into force; from then on
it never changes. A project keeps the list it was checked against.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .organizations import EducationLevel
from .standards import localized

FROZEN = _(
    "The threshold requirements for %(level)s are part of a document version that is no longer a "
    "draft: they cannot be changed without a new approved version."
)


class ThresholdList(models.Model):
    level = models.CharField(_("level of education"), max_length=20, choices=EducationLevel.choices)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    is_current = models.BooleanField(_("current"), default=False)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    document_version = models.ForeignKey(
        "documents.DocumentVersion",
        verbose_name=_("document version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="threshold_lists",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["level", "-version"]
        verbose_name = _("threshold requirements")
        verbose_name_plural = _("threshold requirements")
        constraints = [
            models.UniqueConstraint(fields=["level", "version"], name="threshold_list_version_unique"),
            models.UniqueConstraint(
                fields=["level"], condition=models.Q(is_current=True), name="one_current_threshold_list"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} (v{self.version})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = ThresholdList.objects.select_related("document_version").get(pk=self.pk)
            names = kwargs.get("update_fields") or [f.attname for f in self._meta.concrete_fields]
            changed = {n for n in names if getattr(stored, n) != getattr(self, n)}
            if changed - {"is_current", "effective_from"}:
                stored.refuse_if_frozen()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("accreditation:threshold_list_detail", args=[self.pk])

    @property
    def editable(self) -> bool:
        return self.document_version_id is not None and self.document_version.status == "draft"

    def refuse_if_frozen(self) -> None:
        if not self.editable:
            raise ValidationError(FROZEN % {"level": self.get_level_display()})


class ThresholdItem(models.Model):
    threshold_list = models.ForeignKey(
        ThresholdList,
        verbose_name=_("threshold requirements"),
        on_delete=models.PROTECT,
        related_name="items",
    )
    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("requirement"), max_length=300)
    text_ru = models.CharField(_("requirement (Russian)"), max_length=300, blank=True)
    text_kk = models.CharField(_("requirement (Kazakh)"), max_length=300, blank=True)
    text_ky = models.CharField(_("requirement (Kyrgyz)"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["threshold_list", "position", "pk"]
        verbose_name = _("threshold requirement")
        verbose_name_plural = _("threshold requirements")
        constraints = [
            models.UniqueConstraint(fields=["threshold_list", "code"], name="threshold_item_code_unique")
        ]

    def __str__(self) -> str:
        return self.localized_text

    def save(self, *args, **kwargs):
        lists = ThresholdList.objects.select_related("document_version")
        lists.get(pk=self.threshold_list_id).refuse_if_frozen()
        if self.pk is not None:
            stored = ThresholdItem.objects.get(pk=self.pk)
            if stored.threshold_list_id != self.threshold_list_id:
                lists.get(pk=stored.threshold_list_id).refuse_if_frozen()
        super().save(*args, **kwargs)

    @property
    def localized_text(self) -> str:
        return localized(self, "text")
