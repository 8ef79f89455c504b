"""The Director General's orders on roles and process owners (§4.5): an order is drafted by the
IQAS owner (or the administrator), signed by the Director General with the password typed again,
numbered and dated when signed; its lines then take effect — a role given to or taken from a
person, a process owner appointed or relieved."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import AppendOnlyRecord, Process
from core.roles import Role


class DirectorOrder(models.Model):
    """A Director General's order on the agency's roles and process owners (§4.5)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed (in force)")
        CANCELLED = "cancelled", _("Cancelled")

    number = models.CharField(_("number"), max_length=30, blank=True)
    dated = models.DateField(_("dated"), null=True, blank=True)
    title = models.CharField(_("subject"), max_length=300)
    grounds = models.TextField(_("grounds"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-dated", "-pk"]
        verbose_name = _("Director General's order")
        verbose_name_plural = _("Director General's orders")
        permissions = [
            ("sign_order", "Can sign orders on roles and process owners (Director General)"),
            ("view_responsibility_matrix", "Can read the responsibility matrix"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~models.Q(number=""), name="director_order_number_unique"
            )
        ]

    def __str__(self) -> str:
        if self.number:
            return _("Order № %(number)s") % {"number": self.number}
        return _("Draft order: %(title)s") % {"title": self.title}

    def get_absolute_url(self) -> str:
        return reverse("governance:order_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class OrderLine(models.Model):
    """One clause of an order: a role given to or taken from a person, or a process owner
    appointed or relieved."""

    class Action(models.TextChoices):
        GRANT = "grant", _("give / appoint")
        REVOKE = "revoke", _("take away / relieve")

    order = models.ForeignKey(DirectorOrder, on_delete=models.PROTECT, related_name="lines")
    position = models.PositiveSmallIntegerField(_("clause"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    role = models.CharField(_("role"), max_length=40, choices=Role.choices, blank=True)
    process = models.ForeignKey(
        Process,
        verbose_name=_("process (owner)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="order_lines",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "position", "pk"]
        verbose_name = _("order clause")
        verbose_name_plural = _("order clauses")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(role="") & models.Q(process__isnull=False))
                | (~models.Q(role="") & models.Q(process__isnull=True)),
                name="order_line_role_or_process",
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}: {self.position}"

    @property
    def subject_label(self) -> str:
        return str(self.process) if self.process_id else str(Role(self.role).label)


class OrderSignature(AppendOnlyRecord):
    """The Director General's signature of an order: who signed which content (by hash), when."""

    order = models.ForeignKey(DirectorOrder, on_delete=models.PROTECT, related_name="signatures")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("name"), max_length=300)
    signer_role = models.CharField(_("role"), max_length=300)
    content_sha256 = models.CharField(_("SHA-256 of the signed content"), max_length=64)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("order signature")
        verbose_name_plural = _("order signatures")

    def __str__(self) -> str:
        return f"{self.signer_name}: {self.order}"
