"""Education organizations and their accreditations (§6): from application to certificate,
appeal and post-accreditation monitoring."""

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


def search_text_of(row) -> str:
    """The text the registry searches for a row: its names and codes, case-folded, one line."""
    return " ".join(str(getattr(row, name) or "").casefold() for name in row.SEARCHED_FIELDS).strip()


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
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300, blank=True)
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
    # Every name, the acronym and the ID in lower case: what the registry's search reads.
    search_text = models.TextField(editable=False, blank=True, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    SEARCHED_FIELDS = ("iaar_id", "acronym", "name", "name_ru", "name_kk", "name_ky", "name_en")

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["country", "city"], name="organization_place")]
        verbose_name = _("education organization")
        verbose_name_plural = _("education organizations")
        # Granted per organization to the people who represent it.
        permissions = [("represent_organization", _("Can act on behalf of the organization"))]

    def __str__(self) -> str:
        return self.localized_name

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_text_of(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

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
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    languages = models.JSONField(_("languages of instruction"), default=list, blank=True)
    search_text = models.TextField(editable=False, blank=True, default="")
    history = HistoricalRecords(excluded_fields=["search_text"])

    SEARCHED_FIELDS = ("code", "name", "name_ru", "name_kk", "name_ky", "name_en")

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

    def save(self, *args, **kwargs) -> None:
        self.search_text = search_text_of(self)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def get_registry_url(self) -> str:
        return reverse("registry:programme", args=[self.pk])

    @property
    def localized_name(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"name_{language}", "") or self.name


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
        _immutable(self)
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


def _immutable(instance) -> None:
    if instance.pk is not None:
        raise ValueError(f"{type(instance).__name__} records are never changed once written.")


# ---------------------------------------------------------------------------------------------
# Standards and criteria (§6.6): data, edited by administrators, versioned.


class Score(models.TextChoices):
    """IAAR's scale for each criterion."""

    STRONG = "strong", _("Strong")
    SATISFACTORY = "satisfactory", _("Satisfactory")
    IMPROVE = "improve", _("Suggests improvement")
    UNSATISFACTORY = "unsatisfactory", _("Unsatisfactory")


class StandardSet(models.Model):
    """A set of accreditation standards in one version; projects keep the version they began with."""

    code = models.CharField(
        _("code"), max_length=40, help_text=_("The same for every version, e.g. IAAR-INST.")
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind of accreditation"), max_length=30, choices=AccreditationProject.Kind.choices
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    effective_from = models.DateField(_("effective from"))
    is_current = models.BooleanField(_("current"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("standard set")
        verbose_name_plural = _("standard sets")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="standard_set_version_unique"),
            models.UniqueConstraint(
                fields=["code"], condition=models.Q(is_current=True), name="one_current_standard_set_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class Standard(models.Model):
    standard_set = models.ForeignKey(
        StandardSet, verbose_name=_("standard set"), on_delete=models.PROTECT, related_name="standards"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard_set", "number"]
        verbose_name = _("standard")
        verbose_name_plural = _("standards")
        constraints = [
            models.UniqueConstraint(fields=["standard_set", "number"], name="standard_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Criterion(models.Model):
    standard = models.ForeignKey(
        Standard, verbose_name=_("standard"), on_delete=models.PROTECT, related_name="criteria"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("criterion"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["standard__number", "number"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [models.UniqueConstraint(fields=["standard", "number"], name="criterion_number_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:80]}"

    @property
    def code(self) -> str:
        return f"{self.standard.number}.{self.number}"


# ---------------------------------------------------------------------------------------------
# Experts (§5.2) and the External Expert Commission.


class Expert(models.Model):
    """A person in IAAR's expert pool."""

    class Category(models.TextChoices):
        ACADEMIC = "academic", _("Academic")
        EMPLOYER = "employer", _("Employer")
        STUDENT = "student", _("Student")
        INTERNATIONAL = "international", _("International expert")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        on_delete=models.PROTECT,
        related_name="expert_profile",
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    field = models.CharField(_("field of expertise"), max_length=200)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    country = models.CharField(_("country"), max_length=2, default="KZ")
    city = models.CharField(_("city"), max_length=120, blank=True)
    employer = models.CharField(_("employer or place of study"), max_length=300, blank=True)
    affiliations = models.ManyToManyField(
        Organization,
        verbose_name=_("declared affiliations"),
        blank=True,
        related_name="affiliated_experts",
        help_text=_("Organizations the expert works or studies at, or has worked with."),
    )
    ethics_accepted_on = models.DateField(_("code of ethics accepted"), null=True, blank=True)
    is_active = models.BooleanField(_("in the pool"), default=True)
    history = HistoricalRecords(excluded_fields=["affiliations"])

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("accreditation:expert_detail", args=[self.pk])


class ExpertTraining(models.Model):
    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="trainings"
    )
    title = models.CharField(_("training"), max_length=300)
    completed_on = models.DateField(_("completed on"))
    certificate = models.FileField(
        _("certificate"), upload_to="expert-training/%Y/", blank=True, max_length=300
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on"]
        verbose_name = _("expert training")
        verbose_name_plural = _("expert trainings")

    def __str__(self) -> str:
        return self.title


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


# ---------------------------------------------------------------------------------------------
# The visit (§6.3).


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


# ---------------------------------------------------------------------------------------------
# The EEC report (§6.6) and its internal expertise (KPI 2).


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


class Outcome(models.TextChoices):
    """What the Accreditation Council may decide (§6.5.2)."""

    ACCREDIT = "accredit", _("Accredit")
    CONDITIONAL = "conditional", _("Accredit conditionally")
    REFUSE = "refuse", _("Refuse accreditation")
    MAINTAIN = "maintain", _("Keep the accreditation")
    SUSPEND = "suspend", _("Suspend the accreditation")
    REVOKE = "revoke", _("Revoke the accreditation")


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
        _immutable(self)
        super().save(*args, **kwargs)


# ---------------------------------------------------------------------------------------------
# The Accreditation Council (§6.5): meetings, open votes by simple majority, decisions.


class CouncilMeeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("In session")
        CLOSED = "closed", _("Closed")

    number = models.CharField(_("number"), max_length=30, unique=True)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("council members"),
        through="CouncilAttendance",
        related_name="+",
    )
    minutes = models.TextField(_("minutes"), blank=True)
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("secretary"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")

    def __str__(self) -> str:
        return f"{self.number} · {self.date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("accreditation:meeting_detail", args=[self.pk])


class CouncilAttendance(models.Model):
    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.PROTECT, related_name="attendance")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    present = models.BooleanField(_("present"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["member__last_name", "member__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_attendance_per_member")
        ]

    def __str__(self) -> str:
        return str(self.member)


class AgendaItem(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("To be decided")
        DECIDED = "decided", _("Decided")
        NO_DECISION = "no_decision", _("No decision")

    meeting = models.ForeignKey(
        CouncilMeeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="items"
    )
    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    tally = models.JSONField(_("tally"), default=dict, blank=True)
    note = models.TextField(_("why no decision"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [models.UniqueConstraint(fields=["meeting", "project"], name="project_once_per_agenda")]

    def __str__(self) -> str:
        return f"{self.position}. {self.project}"

    @property
    def is_monitoring(self) -> bool:
        """An item on an accredited organization (after monitoring): keep, suspend or revoke."""
        return self.project.status == AccreditationProject.Status.POST_MONITORING


class Recusal(models.Model):
    """A council member steps aside from one item for a conflict of interest."""

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="recusals")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="one_recusal_per_member")]

    def __str__(self) -> str:
        return str(self.member)

    def save(self, *args, **kwargs) -> None:
        _immutable(self)
        super().save(*args, **kwargs)


class Vote(models.Model):
    """One council member's open vote on one agenda item: one per member, never changed."""

    CHOICES = [
        ("accredit_7", _("Accredit for 7 years")),
        ("accredit_5", _("Accredit for 5 years")),
        ("accredit_3", _("Accredit for 3 years")),
        ("accredit_1", _("Accredit for 1 year")),
        ("conditional", _("Accredit conditionally for 1 year")),
        ("refuse", _("Refuse accreditation")),
        ("maintain", _("Keep the accreditation")),
        ("suspend", _("Suspend the accreditation")),
        ("revoke", _("Revoke the accreditation")),
    ]
    ACCREDITATION_CHOICES = ("accredit_7", "accredit_5", "accredit_3", "accredit_1", "conditional", "refuse")
    MONITORING_CHOICES = ("maintain", "suspend", "revoke")

    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="votes"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    choice = models.CharField(_("vote"), max_length=20, choices=CHOICES)
    cast_at = models.DateTimeField(_("cast"), auto_now_add=True)

    class Meta:
        ordering = ["cast_at", "pk"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["item", "member"], name="one_vote_per_member_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.choice}"

    def save(self, *args, **kwargs) -> None:
        _immutable(self)
        super().save(*args, **kwargs)


class Decision(models.Model):
    """A decision of the Accreditation Council on one project."""

    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="decisions"
    )
    item = models.OneToOneField(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="decision"
    )
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    years = models.PositiveSmallIntegerField(_("term (years)"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"))
    votes_for = models.PositiveSmallIntegerField(_("votes for"))
    votes_cast = models.PositiveSmallIntegerField(_("votes cast"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_aside = models.BooleanField(_("set aside on appeal"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["decided_on"], name="decision_date")]
        verbose_name = _("council decision")
        verbose_name_plural = _("council decisions")

    def __str__(self) -> str:
        from django.utils.translation import ngettext

        if self.outcome == Outcome.ACCREDIT and self.years:
            return ngettext("Accredit for %(n)s year", "Accredit for %(n)s years", self.years) % {
                "n": self.years
            }
        return str(self.get_outcome_display())

    @property
    def is_positive(self) -> bool:
        return self.outcome in (Outcome.ACCREDIT, Outcome.CONDITIONAL)


# ---------------------------------------------------------------------------------------------
# Certificates (KPI 3), publication, appeals and post-accreditation monitoring.


class Certificate(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Waiting for signature")
        VALID = "valid", _("Valid")
        SUSPENDED = "suspended", _("Suspended")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced by a reissue")
        CANCELLED = "cancelled", _("Cancelled before signature")

    class ReissueReason(models.TextChoices):
        ERROR = "error", _("An error in the certificate")
        CHANGE = "change", _("A change of the organization's name or details")

    number = models.CharField(_("certificate number"), max_length=40, unique=True)
    token = models.UUIDField(_("verification code"), unique=True, editable=False)
    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="certificates"
    )
    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="certificates"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="certificates"
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=AccreditationProject.Kind.choices)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signer_name = models.CharField(_("signed by"), max_length=300, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    content_sha256 = models.CharField(_("SHA-256 of the signed content"), max_length=64, blank=True)
    reissue_of = models.OneToOneField(
        "self",
        verbose_name=_("reissue of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reissued_as",
    )
    reissue_reason = models.CharField(
        _("reason for reissue"), max_length=20, choices=ReissueReason.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-valid_from", "number"]
        verbose_name = _("accreditation certificate")
        verbose_name_plural = _("accreditation certificates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gt=models.F("valid_from")), name="certificate_term_positive"
            )
        ]
        # The registry filters by status and term and sorts by term.
        indexes = [
            models.Index(fields=["status", "valid_until"], name="certificate_status_term"),
            models.Index(fields=["valid_until"], name="certificate_term"),
        ]

    def __str__(self) -> str:
        return self.number

    # What the Director General signed: fixed once the certificate is signed.
    SIGNED_FIELDS = (
        "number",
        "organization_id",
        "programme_id",
        "kind",
        "valid_from",
        "valid_until",
        "signed_by_id",
        "signed_at",
        "content_sha256",
    )

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            before = Certificate.objects.filter(pk=self.pk).values(*self.SIGNED_FIELDS).first()
            if (
                before
                and before["signed_at"]
                and any(before[name] != getattr(self, name) for name in self.SIGNED_FIELDS)
            ):
                raise ValueError("A signed certificate is never changed; issue a corrected one.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("accreditation:certificate_detail", args=[self.pk])

    def verify_path(self) -> str:
        """The public check the QR code on the PDF opens."""
        return reverse("registry:verify_number", args=[self.number])


class Publication(models.Model):
    """What is published on a decision: the registry entry, the EEC report and the decision."""

    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="publications"
    )
    decision = models.OneToOneField(
        Decision, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="publication"
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    report_pdf = models.FileField(_("EEC report"), upload_to="published/%Y/", max_length=300, blank=True)
    decision_pdf = models.FileField(_("decision"), upload_to="published/%Y/", max_length=300)
    authority_notice = models.TextField(_("notice to the education authority"))
    authority_email = models.EmailField(_("education authority e-mail"), blank=True)
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return str(self.project)


class Appeal(models.Model):
    """An appeal against a council decision, or a complaint about IAAR's work (§6.5)."""

    class Kind(models.TextChoices):
        APPEAL = "appeal", _("Appeal against a decision")
        COMPLAINT = "complaint", _("Complaint")

    class Status(models.TextChoices):
        FILED = "filed", _("Filed")
        UNDER_REVIEW = "under_review", _("Under review")
        DECIDED = "decided", _("Decided")

    class Result(models.TextChoices):
        UPHELD = "upheld", _("Upheld")
        PARTIAL = "partial", _("Partially upheld")
        REJECTED = "rejected", _("Rejected")

    number = models.CharField(_("number"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    project = models.ForeignKey(
        AccreditationProject,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision appealed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("grounds"))
    filed_at = models.DateTimeField(_("filed"), auto_now_add=True)
    due_on = models.DateField(_("answer due"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.FILED)
    result = models.CharField(_("outcome"), max_length=20, choices=Result.choices, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("appeal or complaint")
        verbose_name_plural = _("appeals and complaints")

    def __str__(self) -> str:
        return f"{self.number} · {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("accreditation:appeal_detail", args=[self.pk])


class MonitoringTask(models.Model):
    """A post-accreditation monitoring step generated from the certificate's validity."""

    class Kind(models.TextChoices):
        ANNUAL_REPORT = "annual_report", _("Annual monitoring report")
        MIDTERM_VISIT = "midterm_visit", _("Mid-term monitoring visit")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        SUBMITTED = "submitted", _("Submitted, to review")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for correction")

    project = models.ForeignKey(
        AccreditationProject, verbose_name=_("project"), on_delete=models.PROTECT, related_name="monitoring"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    file = models.FileField(_("report"), upload_to="monitoring/%Y/", max_length=300, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    comments = models.TextField(_("review comments"), blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("monitoring task")
        verbose_name_plural = _("monitoring tasks")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.due_on:%d.%m.%Y}"


class ExpiryReminder(models.Model):
    """A reminder sent 12, 6 or 3 months before a certificate expires: each goes out once."""

    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="expiry_reminders")
    months = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["certificate", "months"], name="one_expiry_reminder_per_mark")
        ]

    def __str__(self) -> str:
        return f"{self.certificate} — {self.months}"
