"""The year's strategy-implementation plan (§4.4.1): its revisions, items and the owners'
progress reports."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import AppendOnlyRecord

from .strategy import Indicator, StrategyVersion, Task


class ImplementationPlan(models.Model):
    """The year's strategy-implementation plan (§4.4.1), under the effective strategy version.
    Its corrections are kept as numbered revisions, each with its reason."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    strategy_version = models.ForeignKey(StrategyVersion, on_delete=models.PROTECT, related_name="plans")
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    # The collegial discussion: a body's adopted "strategy or plan approval" item records it.
    discussed_at = models.ForeignKey(
        "governance.BodyMeeting",
        verbose_name=_("discussed at the meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("implementation plan")
        verbose_name_plural = _("implementation plans")

    def __str__(self) -> str:
        return f"{self.year} · r{self.revision}"

    def get_absolute_url(self) -> str:
        return reverse("governance:plan_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class PlanSignature(AppendOnlyRecord):
    """The Director General's approval of a plan: who signed which content (by hash), when."""

    plan = models.ForeignKey(ImplementationPlan, on_delete=models.PROTECT, related_name="signatures")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("name"), max_length=300)
    signer_role = models.CharField(_("role"), max_length=300)
    content_sha256 = models.CharField(_("SHA-256 of the signed content"), max_length=64)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("plan signature")
        verbose_name_plural = _("plan signatures")

    def __str__(self) -> str:
        return f"{self.signer_name}: {self.plan}"


class PlanRevision(models.Model):
    """A correction of the plan: its number, the reason, who made it and what it changed."""

    plan = models.ForeignKey(ImplementationPlan, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveSmallIntegerField(_("revision"))
    reason = models.TextField(_("reason"))
    changes = models.JSONField(default=dict)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_revision_unique")]

    def __str__(self) -> str:
        return f"{self.plan} r{self.number}"


class PlanItem(models.Model):
    """An activity of the plan under a strategic task: its owner, due date within the plan's
    year, indicator, expected result and status."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_DONE = "not_done", _("Not done")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(ImplementationPlan, on_delete=models.PROTECT, related_name="items")
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="plan_items")
    title = models.CharField(_("activity"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("due date"))
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    expected_result = models.TextField(_("expected result"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    percent_done = models.PositiveSmallIntegerField(_("% done"), default=0)
    # Why the item was closed as not done or cancelled (the owner's note when done), as said.
    closing_note = models.TextField(_("closing note"), blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:item_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)


class ProgressReport(models.Model):
    """The owner's report of an item's progress: what was done, the percentage, the evidence
    (a file, a link, or both)."""

    item = models.ForeignKey(PlanItem, on_delete=models.PROTECT, related_name="reports")
    text = models.TextField(_("progress"))
    percent = models.PositiveSmallIntegerField(_("% done"))
    evidence = models.FileField(_("evidence"), upload_to="governance/evidence/%Y/", blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.item}: {self.percent}%"
