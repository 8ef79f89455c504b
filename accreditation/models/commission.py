"""The External Expert Commission (EEC) of a project: its seats, the visit (§6.3), the scores,
the EEC report (§6.6) and its internal expertise (KPI 2)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .common import immutable
from .council import Outcome
from .experts import Expert
from .projects import AccreditationProject
from .standards import Criterion, Score


class CommissionMember(models.Model):
    """A place on a project's External Expert Commission (EEC)."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")

    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="members"
    )
    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="seats"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    conflicts = models.JSONField(_("conflict warnings"), default=list, blank=True)
    conflict_note = models.TextField(_("why the warnings do not bar the expert"), blank=True)
    declaration_signed_at = models.DateTimeField(_("no-conflict declaration signed"), null=True, blank=True)
    is_active = models.BooleanField(_("on the commission"), default=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "role", "pk"]
        verbose_name = _("commission member")
        verbose_name_plural = _("commission members")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "expert"], condition=models.Q(is_active=True), name="one_seat_per_expert"
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(role="chair", is_active=True),
                name="one_chair_per_commission",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert} ({self.get_role_display()})"


class Visit(models.Model):
    project = models.OneToOneField(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="visit"
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    held = models.BooleanField(_("held"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="visit_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y}"


class VisitSession(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        INTERVIEW = "interview", _("Interview")
        FOCUS_GROUP = "focus_group", _("Focus group")
        TOUR = "tour", _("Visit of facilities")
        DOCUMENTS = "documents", _("Document review")

    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("starts"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("with whom, about what"), max_length=300)
    attendees = models.TextField(_("attendees"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("visit session")
        verbose_name_plural = _("visit sessions")

    def __str__(self) -> str:
        return f"{self.starts_at:%d.%m.%Y %H:%M} {self.title}"


class Evidence(models.Model):
    """A file the commission collected during the visit."""

    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="evidence"
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="visit-evidence/%Y/", max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("visit evidence")
        verbose_name_plural = _("visit evidence")

    def __str__(self) -> str:
        return self.title


class CommissionEvaluation(models.Model):
    """The coordinator's evaluation of the commission's work after the visit (a fixed form)."""

    ASPECTS = [
        ("preparation", _("Preparation: members had read the self-assessment report")),
        ("conduct", _("Conduct during the visit: ethics, punctuality, courtesy")),
        ("competence", _("Professional competence in the field")),
        ("teamwork", _("Teamwork and the chair's leadership")),
        ("reporting", _("Quality and timeliness of the draft report")),
    ]

    project = models.OneToOneField(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="evaluation"
    )
    ratings = models.JSONField(_("ratings"), default=dict)
    comments = models.TextField(_("comments"), blank=True)
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("commission evaluation")
        verbose_name_plural = _("commission evaluations")

    def __str__(self) -> str:
        return str(self.project)

    def rows(self):
        return [(label, self.ratings.get(code)) for code, label in self.ASPECTS]


class CriterionScore(models.Model):
    """One expert's score of one criterion, or (member empty) the chair's consolidated score."""

    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="+"
    )
    member = models.ForeignKey(
        CommissionMember,
        verbose_name=_("expert"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="scores",
    )
    score = models.CharField(_("score"), max_length=20, choices=Score.choices)
    comment = models.TextField(_("comment"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "criterion", "member"],
                condition=models.Q(member__isnull=False),
                name="one_score_per_expert_and_criterion",
            ),
            models.UniqueConstraint(
                fields=["project", "criterion"],
                condition=models.Q(member__isnull=True),
                name="one_consolidated_score_per_criterion",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.score}"


class EECReport(models.Model):
    project = models.OneToOneField(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="report"
    )
    strengths = models.TextField(_("strengths"), blank=True)
    recommendations_eo = models.TextField(_("recommendations to the organization"), blank=True)
    recommendations_council = models.TextField(_("recommendations to the council"), blank=True)
    recommended_outcome = models.CharField(
        _("recommended decision"), max_length=20, choices=Outcome.choices, blank=True
    )
    recommended_years = models.PositiveSmallIntegerField(_("recommended term (years)"), null=True, blank=True)
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("EEC report")
        verbose_name_plural = _("EEC reports")

    def __str__(self) -> str:
        return str(self.project)

    @property
    def recommendation(self) -> str:
        from django.utils.translation import ngettext

        if self.recommended_outcome == Outcome.ACCREDIT and self.recommended_years:
            years = self.recommended_years
            return ngettext("Accredit for %(n)s year", "Accredit for %(n)s years", years) % {"n": years}
        return str(self.get_recommended_outcome_display())


class ReportReview(models.Model):
    """IAAR's internal expertise of one round of the EEC report (KPI 2 counts the returned)."""

    class Decision(models.TextChoices):
        CONFORMING = "conforming", _("Meets IAAR's requirements")
        RETURNED = "returned", _("Returned to the commission")

    project = models.ForeignKey(
        AccreditationProject,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="report_reviews",
    )
    round = models.PositiveSmallIntegerField(_("round"))
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    comments = models.TextField(_("comments"), blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "round"]
        verbose_name = _("internal expertise")
        verbose_name_plural = _("internal expertise")
        constraints = [models.UniqueConstraint(fields=["project", "round"], name="one_expertise_per_round")]

    def __str__(self) -> str:
        return f"{self.project} — {self.round}"

    def save(self, *args, **kwargs) -> None:
        immutable(self)
        super().save(*args, **kwargs)
