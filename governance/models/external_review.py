"""The agency's own external review (§7.1, ESG 3.7): its memberships and registrations with
their terms and conditions, and each cyclical review of the agency by an external body: the
self-assessment report, the panel, the visit, the panel's report, the recommendations with an
owner and a due date each, and the follow-up report."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# ESG 3.7: an agency is reviewed externally at least once every five years.
REVIEW_CYCLE_YEARS = 5


class ExternalBody(models.TextChoices):
    """Who recognizes or reviews the agency."""

    ENQA = "enqa", "ENQA"
    EQAR = "eqar", "EQAR"
    APQN = "apqn", "APQN"
    WFME = "wfme", "WFME"
    INQAAHE = "inqaahe", "INQAAHE"
    NATIONAL = "national", _("National recognition")


class Registration(models.Model):
    """A membership, registration or recognition of the agency, with its term and conditions."""

    class Kind(models.TextChoices):
        MEMBERSHIP = "membership", _("Membership")
        REGISTRATION = "registration", _("Registration")
        RECOGNITION = "recognition", _("Recognition")

    body = models.CharField(_("body"), max_length=20, choices=ExternalBody.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # For a national recognition: the country and the authority that grants it.
    country = models.CharField(_("country"), max_length=2, blank=True)
    granted_by = models.CharField(_("granted by"), max_length=300, blank=True)
    reference = models.CharField(_("decision or certificate number"), max_length=100, blank=True)
    valid_from = models.DateField(_("from"))
    valid_until = models.DateField(_("until"), null=True, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "-valid_from"]
        verbose_name = _("membership or registration")
        verbose_name_plural = _("memberships and registrations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="registration_ends_after_it_starts",
                violation_error_message=_("The term cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_body_display()} · {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("governance:xr_list") + f"#reg-{self.pk}"

    def in_force_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class AgencyReview(models.Model):
    """One external review of the agency by ENQA, WFME or another body (ESG 3.7)."""

    class Status(models.TextChoices):
        PREPARATION = "preparation", _("Self-assessment in preparation")
        VISIT = "visit", _("Panel visit")
        REPORT = "report", _("Panel's report received")
        FOLLOW_UP = "follow_up", _("Follow-up")
        CLOSED = "closed", _("Closed")

    body = models.CharField(_("body"), max_length=20, choices=ExternalBody.choices)
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREPARATION)
    self_assessment = models.ForeignKey(
        "documents.Document",
        verbose_name=_("self-assessment report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    visit_from = models.DateField(_("visit from"), null=True, blank=True)
    visit_until = models.DateField(_("visit until"), null=True, blank=True)
    report_file = models.FileField(
        _("panel's report"), upload_to="agency-review/%Y/", max_length=300, blank=True
    )
    report_name = models.CharField(_("file name"), max_length=255, blank=True)
    decided_on = models.DateField(_("body's decision"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    follow_up_due = models.DateField(_("follow-up report due"), null=True, blank=True)
    follow_up_file = models.FileField(
        _("follow-up report"), upload_to="agency-review/%Y/", max_length=300, blank=True
    )
    follow_up_name = models.CharField(_("file name"), max_length=255, blank=True)
    follow_up_sent_on = models.DateField(_("follow-up report sent"), null=True, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    # Each reminder is sent once; a new due date clears it.
    follow_up_reminded_on = models.DateField(null=True, blank=True, editable=False)
    next_review_reminded_on = models.DateField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-visit_from", "-pk"]
        verbose_name = _("external review of the agency")
        verbose_name_plural = _("external reviews of the agency")
        permissions = [("keep_agency_reviews", _("Can keep the agency's external reviews"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visit_until__isnull=True)
                | models.Q(visit_from__isnull=True)
                | models.Q(visit_until__gte=models.F("visit_from")),
                name="agency_review_visit_ends_after_it_starts",
                violation_error_message=_("The visit cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:xr_detail", args=[self.pk])


class Panelist(models.Model):
    """A member of the review panel and their role."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")
        STUDENT = "student", _("Student member")

    review = models.ForeignKey(AgencyReview, on_delete=models.PROTECT, related_name="panel")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "pk"]
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")

    def __str__(self) -> str:
        return self.name


class ReviewRecommendation(models.Model):
    """A recommendation of the panel, carried out as an action with an owner and a due date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_ACCEPTED = "not_accepted", _("Not taken up")

    review = models.ForeignKey(AgencyReview, on_delete=models.PROTECT, related_name="recommendations")
    number = models.PositiveSmallIntegerField(_("number"))
    standard = models.CharField(_("ESG standard"), max_length=20, blank=True)
    # The recommendation as the panel wrote it.
    text = models.TextField(_("recommendation"))
    action = models.TextField(_("action"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="agency-review/%Y/", max_length=300, blank=True
    )
    evidence_name = models.CharField(_("file name"), max_length=255, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "number"]
        verbose_name = _("recommendation of the review")
        verbose_name_plural = _("recommendations of the review")
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="agency_recommendation_number_once"),
            models.CheckConstraint(
                condition=~models.Q(status="done") | ~models.Q(evidence="") | ~models.Q(evidence_file=""),
                name="agency_recommendation_done_with_evidence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("governance:xr_detail", args=[self.review_id]) + f"#rec-{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_PROGRESS)
