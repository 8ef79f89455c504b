"""The agency's strategy (§4.3): a strategy for a period, kept as versions; each version holds
the mission, vision, values, the strategic goals with their tasks and indicators (a baseline and
a target for each year of the period). A version is drafted, discussed, approved by the Director
General's signature (then it is the effective one) and superseded by the next approved version."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import AppendOnlyRecord


class Strategy(models.Model):
    title = models.CharField(_("title"), max_length=300)
    period_start = models.PositiveSmallIntegerField(_("first year"))
    period_end = models.PositiveSmallIntegerField(_("last year"))
    is_public = models.BooleanField(
        _("published on the public site"),
        default=False,
        help_text=_("The effective version is shown on the public site, without signing in."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "pk"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        permissions = [("approve_strategy", "Can approve the strategy (Director General)")]

    def __str__(self) -> str:
        return f"{self.title} {self.period_start}–{self.period_end}"

    def get_absolute_url(self) -> str:
        return reverse("governance:strategy_detail", args=[self.pk])

    @property
    def years(self) -> list[int]:
        return list(range(self.period_start, self.period_end + 1))

    @property
    def effective_version(self) -> "StrategyVersion | None":
        return self.versions.filter(status=StrategyVersion.Status.APPROVED).first()


class StrategyVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        DISCUSSION = "discussion", _("Under discussion")
        APPROVED = "approved", _("Approved (effective)")
        SUPERSEDED = "superseded", _("Superseded")

    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    mission = models.TextField(_("mission"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    values = models.TextField(_("values"), blank=True)
    change_note = models.TextField(_("what changed"), blank=True)
    # The collegial discussion (§4.3): a body's adopted agenda item records the meeting here
    # (with its date and the body's name). A version discussed before the portal kept the
    # bodies' meetings keeps the free-text record: the date, the body's name, the minutes file.
    discussed_on = models.DateField(_("discussed on"), null=True, blank=True)
    discussed_by = models.CharField(_("discussed by (body)"), max_length=300, blank=True)
    discussion_minutes = models.FileField(
        _("minutes of the discussion"), upload_to="governance/minutes/%Y/", blank=True
    )
    discussion_minutes_name = models.CharField(max_length=255, blank=True)
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
        ordering = ["-number"]
        verbose_name = _("strategy version")
        verbose_name_plural = _("strategy versions")
        constraints = [models.UniqueConstraint(fields=["strategy", "number"], name="strategy_version_unique")]

    def __str__(self) -> str:
        return f"{self.strategy} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("governance:version_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Goal(models.Model):
    version = models.ForeignKey(StrategyVersion, on_delete=models.CASCADE, related_name="goals")
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("strategic goal"), max_length=500)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


class Task(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("task"), max_length=500)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("strategic task")
        verbose_name_plural = _("strategic tasks")

    def __str__(self) -> str:
        return f"{self.goal.position}.{self.position}. {self.title}"


class Indicator(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=500)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    def target_for(self, year: int):
        return next((t.value for t in self.targets.all() if t.year == year), None)


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="indicator_target_unique")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.year}"


class StrategySignature(AppendOnlyRecord):
    """The Director General's approval: who signed which content (by hash), when."""

    version = models.ForeignKey(StrategyVersion, on_delete=models.PROTECT, related_name="signatures")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("name"), max_length=300)
    signer_role = models.CharField(_("role"), max_length=300)
    content_sha256 = models.CharField(_("SHA-256 of the signed content"), max_length=64)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    # On PostgreSQL the table refuses UPDATE and DELETE, as documents' signatures do (core.append_only).

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("strategy signature")
        verbose_name_plural = _("strategy signatures")

    def __str__(self) -> str:
        return f"{self.signer_name}: {self.version}"
