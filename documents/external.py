"""The register of external documents (§3.1): laws, ESG, the rules of ENQA and EQAR.

An external document is not approved by the agency: it is registered and introduced. Its owner
checks on a schedule whether the issuer has published a new edition; a new edition is a new
row that supersedes the previous one, which is kept (``previous``) as the history."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ExternalDocument(models.Model):
    """An edition of a document issued outside the agency that the IQAS relies on (§3.1)."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        INTRODUCED = "introduced", _("Introduced")
        SUPERSEDED = "superseded", _("Superseded by a new edition")

    title = models.CharField(_("title"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300, blank=True)
    issuer = models.CharField(_("issuer"), max_length=300)
    number = models.CharField(_("number"), max_length=100, blank=True)
    edition = models.CharField(_("edition"), max_length=100)
    edition_date = models.DateField(_("edition date"), null=True, blank=True)
    url = models.URLField(_("where it is published"), max_length=500, blank=True)
    processes = models.ManyToManyField(
        "core.Process", verbose_name=_("processes that rely on it"), blank=True, related_name="+"
    )
    documents = models.ManyToManyField(
        "documents.Document",
        verbose_name=_("internal documents that rely on it"),
        blank=True,
        related_name="external_sources",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Checks on schedule whether a new edition is out."),
    )
    check_interval_months = models.PositiveSmallIntegerField(_("check every (months)"), default=12)
    next_check_on = models.DateField(_("next check"), db_index=True)
    reminded_for = models.DateField(_("reminded for the check of"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED)
    previous = models.OneToOneField(
        "self",
        verbose_name=_("previous edition"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_edition",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registered by"), on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)
    introduced_at = models.DateTimeField(_("introduced"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["issuer", "title", "-pk"]
        verbose_name = _("external document")
        verbose_name_plural = _("external documents")

    def __str__(self) -> str:
        return f"{self.localized_title} ({self.edition})"

    def get_absolute_url(self) -> str:
        return reverse("documents:external_detail", args=[self.pk])

    @property
    def localized_title(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"title_{language}", "") or self.title

    @property
    def check_due(self) -> bool:
        return self.status != self.Status.SUPERSEDED and self.next_check_on <= timezone.localdate()

    def editions(self) -> list["ExternalDocument"]:
        """This edition and every earlier one, newest first."""
        found, current = [], self
        while current is not None:
            found.append(current)
            current = current.previous
        return found


class ExternalCheck(models.Model):
    """The owner's check whether the issuer published a new edition, and what was found."""

    class Outcome(models.TextChoices):
        NO_CHANGE = "no_change", _("No new edition")
        NEW_EDITION = "new_edition", _("New edition registered")

    document = models.ForeignKey(
        ExternalDocument, verbose_name=_("external document"), on_delete=models.PROTECT, related_name="checks"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    new_edition = models.ForeignKey(
        ExternalDocument,
        verbose_name=_("new edition"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked by"), on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-checked_at", "-pk"]
        verbose_name = _("check for a new edition")
        verbose_name_plural = _("checks for a new edition")

    def __str__(self) -> str:
        return f"{self.document}: {self.get_outcome_display()}"
