"""The management review of the IQAS and its decisions (§4.6)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ManagementReview(models.Model):
    """The management review of the IQAS (§4.6), at least yearly: the input pack assembled from
    the portal (§4.6.2), the meeting's conclusions, and the Director General's signed order with
    its decisions (§4.6.3), each decision an action tracked until done."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        INPUTS = "inputs", _("Inputs assembled")
        HELD = "held", _("Held")
        SIGNATURE = "signature", _("Order awaiting signature")
        SIGNED = "signed", _("Order signed")
        CLOSED = "closed", _("Closed")

    number = models.CharField(_("number"), max_length=20, unique=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    planned_on = models.DateField(_("planned date"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chaired_reviews",
    )
    participants = models.TextField(_("participants"), blank=True)
    other_inputs = models.TextField(
        _("other inputs"),
        blank=True,
        help_text=_(
            "What the portal does not hold: requirements of authorities, changes in laws, standards "
            "and technology, proposals of working groups and collegial bodies, rating results."
        ),
    )
    conclusions = models.TextField(_("conclusions"), blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous review"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    pack_file = models.FileField(_("input pack"), upload_to="reviews/%Y/", blank=True, max_length=300)
    pack_sha256 = models.CharField(_("SHA-256 of the input pack"), max_length=64, blank=True)
    pack_assembled_at = models.DateTimeField(_("input pack assembled"), null=True, blank=True)
    order_number = models.CharField(_("order number"), max_length=40, blank=True)
    order_text = models.TextField(_("order"), blank=True)
    order_submitted_at = models.DateTimeField(_("order submitted"), null=True, blank=True)
    order_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    order_signer_name = models.CharField(_("order signed by"), max_length=300, blank=True)
    order_signed_at = models.DateTimeField(_("order signed"), null=True, blank=True)
    order_file = models.FileField(_("signed order"), upload_to="reviews/%Y/", blank=True, max_length=300)
    order_sha256 = models.CharField(_("SHA-256 of the signed order"), max_length=64, blank=True)
    order_file_sha256 = models.CharField(_("SHA-256 of the order PDF"), max_length=64, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The IQAS owner is reminded once, a month before the planned date.
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "-pk"]
        verbose_name = _("management review")
        verbose_name_plural = _("management reviews")
        permissions = [("sign_review_order", _("Can sign the management review order"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="review_period_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.period_start:%d.%m.%Y}–{self.period_end:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("reporting:review_detail", args=[self.pk])

    @property
    def owner(self):
        """Who answers for the review's follow-up: the IQAS owner who planned it."""
        return self.created_by


class ReviewDecision(models.Model):
    """One decision of the review's order (§4.6.3). Its owner, due date, status and evidence
    are those of its action (improvement.Action), so it is tracked, reminded and escalated like
    every other action."""

    class Kind(models.TextChoices):
        STRATEGY_PLAN = "strategy_plan", _("Next year's strategy implementation plan")
        STRATEGY = "strategy", _("Corrections to the strategy")
        EFFECTIVENESS = "effectiveness", _("Improving the effectiveness of the IQAS")
        SERVICES = "services", _("Improving services for stakeholders' requirements")
        PROCESSES = "processes", _("Improving processes")
        WORKING_GROUPS = "working_groups", _("Support to working groups")
        RESOURCES = "resources", _("Resource needs")

    review = models.ForeignKey(
        ManagementReview, verbose_name=_("review"), on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("decision"))
    carried_from = models.OneToOneField(
        "self",
        verbose_name=_("carried over from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="carried_to",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "pk"]
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")

    def __str__(self) -> str:
        return f"{self.review.number}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.review.get_absolute_url()}#decision-{self.pk}"
