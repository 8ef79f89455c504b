"""Positions and the people who hold them (§4.5.1, §5.2.1): each position's requirements are in
its job description (a controlled document); who holds it and since when is kept as a history;
a new employee's hiring and probation end with a decision; each person's work is appraised once
a year against goals, the result signed by their head."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import AppendOnlyRecord, Department
from documents.models import Document


class Position(models.Model):
    """A position of the agency's structure, with its job description (§4.5.1)."""

    title = models.CharField(_("title"), max_length=200)
    title_ru = models.CharField(_("title (Russian)"), max_length=200, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=200, blank=True)
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=200, blank=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    department = models.ForeignKey(
        Department, verbose_name=_("department"), null=True, blank=True, on_delete=models.PROTECT
    )
    reports_to = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subordinates",
    )
    job_description = models.ForeignKey(
        Document,
        verbose_name=_("job description"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
        limit_choices_to={"doc_type": "job_description"},
    )
    is_active = models.BooleanField(_("in the structure"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["department__name", "title"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        permissions = [
            ("view_staff", _("Can read the staff register and every person's page")),
            ("manage_staff", _("Can keep positions, holders, hiring and appraisals")),
        ]

    def __str__(self) -> str:
        return self.localized_title

    def get_absolute_url(self) -> str:
        return reverse("people:position_detail", args=[self.pk])

    @property
    def localized_title(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"title_{language}", "") or self.title


class PositionHolding(models.Model):
    """Who holds a position, from when until when: the position's history of holders."""

    position = models.ForeignKey(Position, on_delete=models.PROTECT, related_name="holdings")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="holdings"
    )
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    grounds = models.CharField(_("grounds (order)"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "-since", "pk"]
        verbose_name = _("holding of a position")
        verbose_name_plural = _("holdings of positions")
        constraints = [
            models.UniqueConstraint(
                fields=["position", "person"], condition=Q(until__isnull=True), name="holding_one_current"
            ),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(until__gte=models.F("since")), name="holding_dates_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.position}"

    @property
    def is_current(self) -> bool:
        return self.until is None


class Hiring(models.Model):
    """A person's hiring to a position and the probation that ends with a decision (§5.2.1)."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("On probation")
        CONFIRMED = "confirmed", _("Probation passed: confirmed in the position")
        EXTENDED = "extended", _("Probation extended")
        NOT_CONFIRMED = "not_confirmed", _("Probation not passed")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="hirings"
    )
    position = models.ForeignKey(
        Position, verbose_name=_("position"), on_delete=models.PROTECT, related_name="hirings"
    )
    hired_on = models.DateField(_("hired on"))
    probation_until = models.DateField(_("probation until"))
    selection_note = models.TextField(_("selection (how the candidate was chosen)"), blank=True)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    decision_note = models.TextField(_("grounds of the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-hired_on", "pk"]
        verbose_name = _("hiring and probation")
        verbose_name_plural = _("hirings and probations")
        constraints = [
            models.CheckConstraint(
                condition=Q(probation_until__gte=models.F("hired_on")), name="hiring_probation_after_hiring"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.position}"


class Appraisal(models.Model):
    """A person's yearly appraisal: the goals set, then the result signed by their head."""

    class Status(models.TextChoices):
        GOALS_SET = "goals_set", _("Goals set")
        SIGNED = "signed", _("Result signed")

    class Result(models.TextChoices):
        EXCEEDS = "exceeds", _("Exceeds the requirements")
        MEETS = "meets", _("Meets the requirements")
        PARTLY = "partly", _("Partly meets the requirements")
        DOES_NOT = "does_not", _("Does not meet the requirements")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="appraisals",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("head"), on_delete=models.PROTECT, related_name="+"
    )
    goals = models.TextField(_("goals"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.GOALS_SET)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices, blank=True)
    assessment = models.TextField(_("assessment"), blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "person__last_name", "pk"]
        verbose_name = _("appraisal")
        verbose_name_plural = _("appraisals")
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="appraisal_one_per_year"),
            models.CheckConstraint(condition=~Q(head=models.F("person")), name="appraisal_not_by_oneself"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("people:person_detail", args=[self.person_id])


class AppraisalSignature(AppendOnlyRecord):
    """The head's signature of an appraisal's result: who signed which content (by hash), when."""

    appraisal = models.ForeignKey(Appraisal, on_delete=models.PROTECT, related_name="signatures")
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("name"), max_length=300)
    content_sha256 = models.CharField(_("SHA-256 of the signed content"), max_length=64)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("appraisal signature")
        verbose_name_plural = _("appraisal signatures")

    def __str__(self) -> str:
        return f"{self.signer_name}: {self.appraisal}"
