"""The file nomenclature and the destruction of records whose retention ended (§3.2.2).

Every record belongs to a record class of the nomenclature, which says how long it is kept
(years, or permanently) and which process it belongs to. What is due for disposal is destroyed
only by a signed destruction act: proposed by the records owner (the IQAS owner), agreed by the
legal head, signed by the Director General. The act keeps, forever, the list of what was
destroyed with each file's SHA-256 (``DestroyedFile`` is append-only)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import AppendOnlyRecord


class RecordClass(models.Model):
    """A class of the file nomenclature: its code, title, retention period and process."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300, blank=True)
    retention_years = models.PositiveSmallIntegerField(
        _("retention (years)"), null=True, blank=True, help_text=_("Leave empty to keep permanently.")
    )
    process = models.ForeignKey("core.Process", verbose_name=_("process"), on_delete=models.PROTECT)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("record class")
        verbose_name_plural = _("file nomenclature")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(retention_years__isnull=True) | models.Q(retention_years__gte=1),
                name="record_class_retention_positive",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.localized_title}"

    @property
    def localized_title(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"title_{language}", "") or self.title

    @property
    def is_permanent(self) -> bool:
        return self.retention_years is None


class DestructionAct(models.Model):
    """An act to destroy records whose retention ended: proposed, agreed, signed (§3.2.2)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        AGREED = "agreed", _("Agreed by the legal head")
        SIGNED = "signed", _("Signed: files destroyed")
        REJECTED = "rejected", _("Rejected")

    number = models.CharField(_("number"), max_length=30, unique=True)
    basis = models.TextField(_("basis"), help_text=_("Why these records may be destroyed."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agreed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    signer = models.CharField(_("signer"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("destruction act")
        verbose_name_plural = _("destruction acts")
        permissions = [
            ("propose_destruction", _("Can propose a destruction act (records owner)")),
            ("agree_destruction", _("Can agree a destruction act (legal head)")),
            ("sign_destruction", _("Can sign a destruction act (Director General)")),
            ("hold_record", _("Can put a record on legal hold")),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("documents:destruction_detail", args=[self.pk])


class DestroyedFile(AppendOnlyRecord):
    """One record listed in a destruction act, with the SHA-256 of its file; kept forever."""

    act = models.ForeignKey(DestructionAct, on_delete=models.PROTECT, related_name="files")
    record = models.ForeignKey("documents.Record", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("record"), max_length=300)
    class_code = models.CharField(_("record class"), max_length=20)
    retention_until = models.DateField(_("kept until"))
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        ordering = ["act", "pk"]
        verbose_name = _("destroyed file")
        verbose_name_plural = _("destroyed files")
        constraints = [models.UniqueConstraint(fields=["act", "record"], name="one_listing_per_act")]

    def __str__(self) -> str:
        return f"{self.act}: {self.title}"

    def delete(self, *args, **kwargs):
        raise ValueError("A destruction act's list is append-only.")
