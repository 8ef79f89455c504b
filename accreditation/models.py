"""Education organizations and their accreditations (§6). The lifecycle grows here later."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class EducationLevel(models.TextChoices):
    SECONDARY = "secondary", _("Secondary education")
    TVET = "tvet", _("Technical and vocational education (TVET)")
    HIGHER = "higher", _("Higher education")
    POSTGRADUATE = "postgraduate", _("Postgraduate education")
    ADDITIONAL = "additional", _("Additional education")


class Organization(models.Model):
    """An education organization (EO) that IAAR accredits; known by its IAAR ID number (§6.5.3)."""

    class Type(models.TextChoices):
        UNIVERSITY = "university", _("University")
        ACADEMY = "academy", _("Academy or institute")
        COLLEGE = "college", _("College")
        SCHOOL = "school", _("School")
        MEDICAL = "medical", _("Medical organization")
        OTHER = "other", _("Other provider")

    iaar_id = models.CharField(_("IAAR ID"), max_length=20, unique=True, editable=False)
    name = models.CharField(_("official name"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    org_type = models.CharField(_("type"), max_length=20, choices=Type.choices, default=Type.UNIVERSITY)
    levels = models.JSONField(_("levels of education"), default=list, blank=True)
    country = models.CharField(
        _("country"), max_length=2, default="KZ", help_text=_("ISO 3166 code, e.g. KZ, KG")
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("education organization")
        verbose_name_plural = _("education organizations")
        # Granted per organization to the people who represent it.
        permissions = [("represent_organization", _("Can act on behalf of the organization"))]

    def __str__(self) -> str:
        return self.localized_name

    def get_absolute_url(self) -> str:
        return reverse("accreditation:organization_detail", args=[self.pk])

    @property
    def localized_name(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"name_{language}", "") or self.name

    @property
    def level_labels(self) -> list[str]:
        return [str(EducationLevel(code).label) for code in self.levels if code in EducationLevel.values]


class Programme(models.Model):
    """An educational programme (EP) of an organization, accredited in specialized accreditation."""

    class Level(models.TextChoices):
        BACHELOR = "bachelor", _("Bachelor")
        MASTER = "master", _("Master")
        DOCTORAL = "doctoral", _("Doctoral (PhD)")
        RESIDENCY = "residency", _("Residency")
        INTERNSHIP = "internship", _("Internship")
        TVET = "tvet", _("TVET qualification")
        SECONDARY = "secondary", _("Secondary")
        ADDITIONAL = "additional", _("Additional education")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="programmes"
    )
    code = models.CharField(
        _("code"), max_length=30, help_text=_("The national classifier code, e.g. 6B01101.")
    )
    name = models.CharField(_("name"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    languages = models.JSONField(_("languages of instruction"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization", "code"]
        verbose_name = _("educational programme")
        verbose_name_plural = _("educational programmes")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"], name="programme_code_unique_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.localized_name}"

    @property
    def localized_name(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"name_{language}", "") or self.name


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
        COUNCIL = "council", _("Accreditation Council")
        DECIDED = "decided", _("Decided")
        POST_MONITORING = "post_monitoring", _("Post-accreditation monitoring")
        CLOSED = "closed", _("Closed")

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
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coordinated_projects",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
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
        return f"{self.organization} — {self.get_kind_display()}"

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
