"""The agency's yearly reports outward (§4.2, §4.5.2): the Director General's report to the
Supervisory Board and the report to each country's education authority."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OutwardReport(models.Model):
    """A yearly report assembled from the portal's records, signed by the Director General as a
    PDF, sent by him (never automatically) and kept with the SHA-256 of what was sent."""

    class Kind(models.TextChoices):
        BOARD = "board", _("Report to the Supervisory Board")
        AUTHORITY = "authority", _("Report to the education authority")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed, not sent")
        SENT = "sent", _("Sent")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    # The authority's country and its official name when the report was prepared (shown in the
    # reader's language from the register); empty for the board's report.
    country = models.CharField(_("country"), max_length=2, blank=True)
    addressee = models.CharField(_("addressed to"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    prepared_at = models.DateTimeField(_("prepared"), auto_now_add=True)
    file = models.FileField(_("signed report"), upload_to="outward/%Y/", blank=True, max_length=300)
    sha256 = models.CharField(_("SHA-256 of the signed PDF"), max_length=64, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signer_name = models.CharField(_("signed by"), max_length=300, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    sent_to = models.TextField(_("sent to"), blank=True)
    # Set (under a row lock) when the mail is handed to the mail server: it leaves once.
    mailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "kind", "country"]
        verbose_name = _("outward report")
        verbose_name_plural = _("outward reports")
        permissions = [
            ("sign_outwardreport", _("Can sign and send the agency's yearly reports")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["year"], condition=Q(kind="board"), name="one_board_report_per_year"
            ),
            models.UniqueConstraint(
                fields=["year", "country"],
                condition=Q(kind="authority"),
                name="one_authority_report_per_country_and_year",
            ),
            models.CheckConstraint(
                condition=(Q(kind="board") & Q(country="")) | (Q(kind="authority") & ~Q(country="")),
                name="outward_report_country_iff_authority",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}" + (f" ({self.country})" if self.country else "")

    def get_absolute_url(self) -> str:
        return reverse("reporting:outward_detail", args=[self.pk])
