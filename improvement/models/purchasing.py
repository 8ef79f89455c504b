"""Purchasing (§6.4): suppliers, contracts and incoming inspections."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .nonconformities import Nonconformity


class Supplier(models.Model):
    """A supplier of goods or services to the agency (§6.4), evaluated and kept on the list of
    approved suppliers by the quality of what it delivers."""

    class Status(models.TextChoices):
        APPROVED = "approved", _("Approved")
        CONDITIONAL = "conditional", _("Approved with conditions")
        EXCLUDED = "excluded", _("Excluded")

    name = models.CharField(_("name"), max_length=300, unique=True)
    supplies = models.CharField(_("what it supplies"), max_length=300)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    requirements = models.TextField(_("requirements the supplier must meet"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.APPROVED)
    evaluated_on = models.DateField(_("last evaluated"), null=True, blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")
        permissions = [("manage_purchasing", _("Can keep the suppliers, contracts and incoming inspections"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("improvement:supplier_detail", args=[self.pk])


class PurchaseContract(models.Model):
    """An entry of the register of contracts (§6.4): what was bought from whom, for when."""

    number = models.CharField(_("contract number"), max_length=60, unique=True)
    supplier = models.ForeignKey(
        Supplier, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="contracts"
    )
    subject = models.CharField(_("subject"), max_length=300)
    signed_on = models.DateField(_("signed"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_on", "number"]
        verbose_name = _("purchase contract")
        verbose_name_plural = _("purchase contracts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("signed_on")),
                name="contract_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"


class IncomingInspection(models.Model):
    """The incoming inspection of goods or a service received under a contract (§6.4); a
    nonconforming delivery is recorded as a nonconformity (source: purchasing) and counts for
    KPI 5."""

    class Result(models.TextChoices):
        CONFORMING = "conforming", _("Conforms")
        NONCONFORMING = "nonconforming", _("Does not conform")

    contract = models.ForeignKey(
        PurchaseContract, verbose_name=_("contract"), on_delete=models.PROTECT, related_name="inspections"
    )
    received_on = models.DateField(_("received"))
    item = models.CharField(_("what was received"), max_length=300)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    notes = models.TextField(_("notes"), blank=True)
    nonconformity = models.OneToOneField(
        Nonconformity,
        verbose_name=_("nonconformity record"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspection",
    )
    inspected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    inspected_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("incoming inspection")
        verbose_name_plural = _("incoming inspections")
        indexes = [models.Index(fields=["received_on", "result"])]

    def __str__(self) -> str:
        return f"{self.contract.number}: {self.item}"
