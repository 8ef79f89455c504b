"""Nonconformities (§7.3) and their corrective actions (§7.5.2)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Nonconformity(models.Model):
    """A nonconformity of a service or process that may affect quality, recorded for analysis."""

    class Severity(models.TextChoices):
        MINOR = "minor", _("Minor")
        MAJOR = "major", _("Major")

    class Source(models.TextChoices):
        INTERNAL_REPORT = "internal_report", _("Internal report")
        AUDIT = "audit", _("Internal audit")
        COMPLAINT = "complaint", _("Complaint")
        APPEAL = "appeal", _("Appeal")
        SURVEY = "survey", _("Survey")
        PURCHASING = "purchasing", _("Purchasing")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UNDER_ANALYSIS = "under_analysis", _("Under analysis")
        CORRECTIVE_ACTION = "corrective_action", _("Corrective action under way")
        CLOSED = "closed", _("Closed")

    number = models.CharField(_("number"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what happened"))
    immediate_correction = models.TextField(_("immediate correction"), blank=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    source = models.CharField(
        _("source"), max_length=30, choices=Source.choices, default=Source.INTERNAL_REPORT
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("raised by"),
        on_delete=models.PROTECT,
        related_name="raised_nonconformities",
    )
    raised_at = models.DateTimeField(_("raised"), auto_now_add=True)
    process = models.ForeignKey(
        "core.Process",
        verbose_name=_("process"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nonconformities",
    )
    criterion = models.ForeignKey(
        "core.Criterion",
        verbose_name=_("requirement not met"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nonconformities",
    )
    source_reference = models.CharField(
        _("source reference"),
        max_length=200,
        blank=True,
        help_text=_("The audit finding, complaint, appeal, survey or purchase it comes from."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_nonconformities",
        help_text=_("Who sees the corrective action through."),
    )
    # The same process and requirement failed again after a corrective action was closed (KPI 4).
    repeated_of = models.ForeignKey(
        "self",
        verbose_name=_("repeats"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="repeats",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at", "-pk"]
        verbose_name = _("nonconformity")
        verbose_name_plural = _("nonconformities")
        permissions = [
            ("view_all_nonconformities", _("Can see every nonconformity")),
            ("view_kpi_report", _("Can read KPI reports and management reviews")),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("improvement:detail", args=[self.pk])


class CorrectiveAction(models.Model):
    """The corrective action on one nonconformity, in the manual's six steps (§7.5.2): analysis →
    root cause → evaluation of actions to prevent recurrence → actions carried out → results →
    effectiveness verified by someone other than its owner. Not effective sends it back to the
    actions step."""

    class Step(models.TextChoices):
        ANALYSIS = "analysis", _("1. Analysis of the nonconformity")
        ROOT_CAUSE = "root_cause", _("2. Root cause")
        EVALUATION = "evaluation", _("3. Evaluation of actions")
        ACTIONS = "actions", _("4. Actions carried out")
        RESULTS = "results", _("5. Results recorded")
        VERIFICATION = "verification", _("6. Effectiveness check")
        CLOSED = "closed", _("Closed: effective")

    class CauseMethod(models.TextChoices):
        FIVE_WHYS = "five_whys", _("Five whys")
        FISHBONE = "fishbone", _("Fishbone (cause and effect)")

    number = models.CharField(_("number"), max_length=20, unique=True)
    nonconformity = models.OneToOneField(
        Nonconformity, verbose_name=_("nonconformity"), on_delete=models.PROTECT, related_name="capa"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="owned_capas",
    )
    step = models.CharField(_("step"), max_length=20, choices=Step.choices, default=Step.ANALYSIS)
    analysis = models.TextField(_("analysis of the nonconformity"), blank=True)
    cause_method = models.CharField(
        _("method"), max_length=20, choices=CauseMethod.choices, default=CauseMethod.FIVE_WHYS
    )
    # Five whys: a list of up to five answers. Fishbone: causes by category (people, methods,
    # documents, resources, environment, measurement).
    whys = models.JSONField(_("five whys"), default=list, blank=True)
    fishbone = models.JSONField(_("fishbone"), default=dict, blank=True)
    root_cause = models.TextField(_("root cause"), blank=True)
    evaluation = models.TextField(_("evaluation of actions to prevent recurrence"), blank=True)
    results = models.TextField(_("results"), blank=True)
    verify_after = models.DateField(
        _("check effectiveness on or after"),
        null=True,
        blank=True,
        help_text=_("Usually the follow-up audit."),
    )
    verification_audit = models.ForeignKey(
        "audits.Audit",
        verbose_name=_("follow-up audit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="verified_capas",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    effective = models.BooleanField(_("effective"), null=True, blank=True)
    verification_note = models.TextField(_("effectiveness check"), blank=True)
    reopened = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("corrective action")
        verbose_name_plural = _("corrective actions")
        permissions = [
            ("verify_effectiveness", _("Can verify the effectiveness of corrective actions")),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.nonconformity.title}"

    def get_absolute_url(self) -> str:
        return reverse("improvement:capa_detail", args=[self.pk])
