"""Certificates (KPI 3), their publication and the reminders before they expire."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .council import Decision
from .organizations import Organization, Programme
from .projects import AccreditationProject


class Certificate(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Waiting for signature")
        VALID = "valid", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced by a reissue")
        CANCELLED = "cancelled", _("Cancelled before signature")

    class ReissueReason(models.TextChoices):
        ERROR = "error", _("An error in the certificate")
        CHANGE = "change", _("A change of the organization's name or details")

    number = models.CharField(_("certificate number"), max_length=40, unique=True)
    token = models.UUIDField(_("verification code"), unique=True, editable=False)
    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="certificates"
    )
    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="certificates"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="certificates"
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=AccreditationProject.Kind.choices)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signer_name = models.CharField(_("signed by"), max_length=300, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    content_sha256 = models.CharField(_("SHA-256 of the signed content"), max_length=64, blank=True)
    reissue_of = models.OneToOneField(
        "self",
        verbose_name=_("reissue of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reissued_as",
    )
    reissue_reason = models.CharField(
        _("reason for reissue"), max_length=20, choices=ReissueReason.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-valid_from", "number"]
        verbose_name = _("accreditation certificate")
        verbose_name_plural = _("accreditation certificates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gt=models.F("valid_from")), name="certificate_term_positive"
            )
        ]
        # The registry filters by status and term and sorts by term.
        indexes = [
            models.Index(fields=["status", "valid_until"], name="certificate_status_term"),
            models.Index(fields=["valid_until"], name="certificate_term"),
        ]

    def __str__(self) -> str:
        return self.number

    # What the Director General signed: fixed once the certificate is signed.
    SIGNED_FIELDS = (
        "number",
        "organization_id",
        "programme_id",
        "kind",
        "valid_from",
        "valid_until",
        "signed_by_id",
        "signed_at",
        "content_sha256",
    )

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            before = Certificate.objects.filter(pk=self.pk).values(*self.SIGNED_FIELDS).first()
            if (
                before
                and before["signed_at"]
                and any(before[name] != getattr(self, name) for name in self.SIGNED_FIELDS)
            ):
                raise ValueError("A signed certificate is never changed; issue a corrected one.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("accreditation:certificate_detail", args=[self.pk])

    @property
    def current_status(self) -> str:
        """The certificate's standing today, as every page states it: a valid certificate past
        its term is expired, never valid."""
        if self.status == self.Status.VALID and self.valid_until < timezone.localdate():
            return "expired"
        return self.status

    def get_current_status_display(self) -> str:
        if self.current_status == "expired":
            return str(_("Expired"))
        return self.get_status_display()

    def verify_path(self) -> str:
        """The public check the QR code on the PDF opens."""
        return reverse("registry:verify_number", args=[self.number])


class DeqarStatus(models.TextChoices):
    OBLIGATORY = "part of obligatory EQA system", _("Obligatory")
    VOLUNTARY = "voluntary", _("Voluntary")


class Publication(models.Model):
    """What is published on a decision: the registry entry, the EEC report and the decision."""

    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="publications"
    )
    decision = models.OneToOneField(
        Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="publication"
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    report_pdf = models.FileField(_("EEC report"), upload_to="published/%Y/", max_length=300, blank=True)
    decision_pdf = models.FileField(_("decision"), upload_to="published/%Y/", max_length=300)
    # The SHA-256 of each published file as it was stored: the registry and manage.py
    # verify_storage re-check the files against them.
    report_sha256 = models.CharField(_("SHA-256 of the EEC report"), max_length=64, blank=True)
    decision_sha256 = models.CharField(_("SHA-256 of the decision"), max_length=64, blank=True)
    authority_notice = models.TextField(_("notice to the education authority"))
    authority_email = models.EmailField(_("education authority e-mail"), blank=True)
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    # DEQAR's vocabulary for a report, and what DEQAR answered when it was submitted.
    obligation = models.CharField(
        _("obligatory or voluntary"),
        max_length=40,
        choices=DeqarStatus.choices,
        default=DeqarStatus.VOLUNTARY,
    )
    summary = models.TextField(_("summary"), blank=True)
    report_links = models.JSONField(_("links to the report"), default=list, blank=True)
    deqar_report_id = models.PositiveIntegerField(_("DEQAR report ID"), null=True, blank=True)
    deqar_submitted_at = models.DateTimeField(_("reported to DEQAR"), null=True, blank=True)
    deqar_error = models.TextField(_("DEQAR's refusal"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return str(self.project)

    @property
    def local_identifier(self) -> str:
        """The report's stable identifier in DEQAR: one per published decision, never reused."""
        return f"IAAR-R-{self.pk:06d}"


class ExpiryReminder(models.Model):
    """A reminder sent 12, 6 or 3 months before a certificate expires: each goes out once."""

    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="expiry_reminders")
    months = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["certificate", "months"], name="one_expiry_reminder_per_mark")
        ]

    def __str__(self) -> str:
        return f"{self.certificate} — {self.months}"
