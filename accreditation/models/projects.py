"""The accreditation project (§6.1–6.2): application, threshold check, contract and the
self-assessment report."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .common import immutable
from .organizations import EducationLevel, Organization, Programme


class CommissionState(models.TextChoices):
    DRAFT = "draft", _("Being formed")
    PROPOSED = "proposed", _("Sent to the organization for agreement")
    OBJECTED = "objected", _("The organization objects")
    AGREED = "agreed", _("Agreed by the organization")
    APPROVED = "approved", _("Approved by the Director General")


class AccreditationProject(models.Model):
    """One application for accreditation, run as a project by a coordinator."""

    class Kind(models.TextChoices):
        INSTITUTIONAL = "institutional", _("Institutional")
        SPECIALIZED = "specialized", _("Specialized (programme)")
        PRIMARY_SPECIALIZED = "primary_specialized", _("Primary specialized")

    class Status(models.TextChoices):
        APPLICATION = "application", _("Application")
        THRESHOLD_CHECK = "threshold_check", _("Threshold check")
        REJECTED = "rejected", _("Rejected at the threshold check")
        CONTRACT = "contract", _("Contract")
        SELF_ASSESSMENT = "self_assessment", _("Self-assessment")
        EEC_FORMATION = "eec_formation", _("EEC formation")
        VISIT = "visit", _("EEC visit")
        EEC_REPORT = "eec_report", _("EEC report")
        INTERNAL_EXPERTISE = "internal_expertise", _("Internal expertise of the report")
        COUNCIL = "council", _("Accreditation Council")
        DECIDED = "decided", _("Decided")
        PUBLISHED = "published", _("Decision published")
        POST_MONITORING = "post_monitoring", _("Post-accreditation monitoring")
        CLOSED = "closed", _("Closed")

    # PR-2026-0012: the year of the application and a counter that never goes back.
    number = models.CharField(_("project number"), max_length=20, blank=True, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="projects"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    level = models.CharField(
        _("level of education"), max_length=20, choices=EducationLevel.choices, default=EducationLevel.HIGHER
    )
    programmes = models.ManyToManyField(
        Programme, verbose_name=_("programmes"), blank=True, related_name="projects"
    )
    status = models.CharField(_("stage"), max_length=30, choices=Status.choices, default=Status.APPLICATION)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    application_note = models.TextField(_("application"), blank=True)
    threshold_items = models.JSONField(_("threshold checklist"), default=dict, blank=True)
    threshold_reasons = models.TextField(_("threshold check conclusion"), blank=True)
    # The list the project was checked against (§6.2.2): it stays the project's after a new edition.
    threshold_list = models.ForeignKey(
        "ThresholdList",
        verbose_name=_("threshold requirements checked"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coordinated_projects",
    )
    project_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("project manager"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="managed_projects",
    )
    standard_set = models.ForeignKey(
        "StandardSet",
        verbose_name=_("standards applied"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    stage_due = models.DateField(_("stage due"), null=True, blank=True)
    stage_reminded_on = models.DateField(null=True, blank=True, editable=False)
    previous_project = models.ForeignKey(
        "self",
        verbose_name=_("re-accreditation of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reaccreditations",
    )
    commission_state = models.CharField(
        _("commission"), max_length=20, choices=CommissionState.choices, default=CommissionState.DRAFT
    )
    commission_objection = models.TextField(_("organization's objection"), blank=True)
    commission_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    commission_approved_at = models.DateTimeField(_("commission approved"), null=True, blank=True)
    # The project's file is a record of the file nomenclature (§3.2.2): kept for its class's period.
    record_class = models.ForeignKey(
        "documents.RecordClass",
        verbose_name=_("record class"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accreditation_projects",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["number"], condition=~models.Q(number=""), name="project_number_unique"
            )
        ]
        verbose_name = _("accreditation project")
        verbose_name_plural = _("accreditation projects")
        permissions = [
            ("view_all_accreditations", _("Can see every organization and accreditation project")),
            ("apply_accreditation", _("Can apply for accreditation on behalf of an organization")),
            ("coordinate_project", _("Can run an accreditation project as its coordinator")),
            ("approve_commission", _("Can approve the composition of an expert commission")),
            ("serve_on_commission", _("Can score and report as a member of an expert commission")),
            ("vote_in_council", _("Can vote at the Accreditation Council")),
            ("record_council_decision", _("Can record council decisions and keep the registry")),
            ("sign_certificate", _("Can sign accreditation certificates")),
            ("hear_appeal", _("Can hear appeals and complaints")),
        ]

    def __str__(self) -> str:
        named = f"{self.organization} — {self.get_kind_display()}"
        return f"{self.number} · {named}" if self.number else named

    def get_absolute_url(self) -> str:
        return reverse("accreditation:project_detail", args=[self.pk])


class Contract(models.Model):
    """The accreditation contract with the organization: number, cost and term (§6.2)."""

    project = models.OneToOneField(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="contract"
    )
    number = models.CharField(_("contract number"), max_length=40, unique=True)
    cost = models.DecimalField(_("cost"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="KZT")
    signed_on = models.DateField(_("signed on"))
    valid_until = models.DateField(_("valid until"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gt=models.F("signed_on")), name="contract_term_positive"
            ),
            models.CheckConstraint(condition=models.Q(cost__gt=0), name="contract_cost_positive"),
        ]

    def __str__(self) -> str:
        return self.number


class ContractAmendment(models.Model):
    """A signed amendment to the contract: a new cost or term, and what changed."""

    contract = models.ForeignKey(
        Contract, verbose_name=_("contract"), on_delete=models.PROTECT, related_name="amendments"
    )
    number = models.PositiveSmallIntegerField(_("amendment number"))
    signed_on = models.DateField(_("signed on"))
    summary = models.TextField(_("what changed"))
    new_cost = models.DecimalField(_("new cost"), max_digits=14, decimal_places=2, null=True, blank=True)
    new_valid_until = models.DateField(_("new end of term"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["contract", "number"]
        verbose_name = _("contract amendment")
        verbose_name_plural = _("contract amendments")
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "number"], name="amendment_number_unique_per_contract"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contract} / {self.number}"

    def save(self, *args, **kwargs) -> None:
        immutable(self)
        super().save(*args, **kwargs)


class SelfAssessment(models.Model):
    """The organization's self-assessment report for one round, and IAAR's review of it (KPI 1)."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        CONFORMING = "conforming", _("Conforms to the standards")
        RETURNED = "returned", _("Returned: does not conform")

    project = models.ForeignKey(
        AccreditationProject,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="self_assessments",
    )
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    file = models.FileField(_("report"), upload_to="self-assessments/%Y/", max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=10)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    comments = models.TextField(_("review comments"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "round"]
        verbose_name = _("self-assessment report")
        verbose_name_plural = _("self-assessment reports")
        constraints = [
            models.UniqueConstraint(fields=["project", "round"], name="one_report_per_round"),
            models.UniqueConstraint(
                fields=["project"], condition=models.Q(decision="pending"), name="one_report_under_review"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} — {self.round}"
