"""Controlled documents of the IQAS and their records (§3.2).

A ``Document`` is the identity (code, title, owner, type); each revision is a
``DocumentVersion`` with its own file, checksum, review steps, signatures, familiarization
and distribution. Only one version of a document is effective at a time.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DocumentType(models.TextChoices):
    MANUAL = "manual", _("Manual")
    POLICY = "policy", _("Policy")
    STRATEGY = "strategy", _("Strategy")
    STANDARD = "standard", _("Standard")
    GUIDELINE = "guideline", _("Guideline")
    REGULATION = "regulation", _("Regulation")
    PROCEDURE = "procedure", _("Procedure or instruction")
    JOB_DESCRIPTION = "job_description", _("Job description")
    FORM = "form", _("Form or template")
    RECORD = "record", _("Record")
    EXTERNAL = "external", _("External document (ESG, WFME…)")
    LEGAL_ACT = "legal_act", _("Legal act")
    REPORT = "report", _("Report")


# Standards and guidelines follow the design-and-development route of §6.3.
DESIGN_ROUTE_TYPES = {DocumentType.STANDARD, DocumentType.GUIDELINE}


class CodePrefix(models.Model):
    """The prefix of document codes of one type (STD-012); editable by an administrator."""

    doc_type = models.CharField(_("type"), max_length=30, choices=DocumentType.choices, unique=True)
    prefix = models.CharField(_("prefix"), max_length=10, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["doc_type"]
        verbose_name = _("code prefix")
        verbose_name_plural = _("code prefixes")

    def __str__(self) -> str:
        return f"{self.prefix} ({self.get_doc_type_display()})"


class Document(models.Model):
    """An IQAS document under control: manual, policy, standard, regulation, form or record."""

    Type = DocumentType

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        EFFECTIVE = "effective", _("Effective")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ARCHIVED = "archived", _("Archived")

    class Confidentiality(models.TextChoices):
        PUBLIC = "public", _("Public")
        INTERNAL = "internal", _("Internal")
        RESTRICTED = "restricted", _("Restricted (named readers)")

    code = models.CharField(_("code"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300, blank=True)
    doc_type = models.CharField(_("type"), max_length=30, choices=DocumentType.choices)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.DRAFT)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="owned_documents",
    )
    department = models.ForeignKey(
        "core.Department", verbose_name=_("department"), null=True, blank=True, on_delete=models.PROTECT
    )
    process = models.ForeignKey(
        "core.Process", verbose_name=_("process"), null=True, blank=True, on_delete=models.PROTECT
    )
    confidentiality = models.CharField(
        _("confidentiality"), max_length=20, choices=Confidentiality.choices, default=Confidentiality.INTERNAL
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"), default=12, help_text=_("How often the document is reviewed.")
    )
    retention_years = models.PositiveSmallIntegerField(
        _("retention (years)"), default=5, help_text=_("How long superseded versions are kept.")
    )
    next_review_date = models.DateField(_("next review"), null=True, blank=True, db_index=True)
    effective_version = models.OneToOneField(
        "DocumentVersion",
        verbose_name=_("effective version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [
            models.Index(fields=["doc_type", "status"]),
            models.Index(fields=["owner", "status"]),
            # The register sorts by these.
            models.Index(fields=["title"]),
            models.Index(fields=["updated_at"]),
        ]
        permissions = [
            ("review_document", _("Can agree or return a document in review")),
            ("approve_document", _("Can approve a document (Director General)")),
            ("view_all_documents", _("Can see every document, restricted ones included")),
            ("manage_familiarization", _("Can follow familiarization and distribution of documents")),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.localized_title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def localized_title(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"title_{language}", "") or self.title

    @property
    def review_overdue(self) -> bool:
        return (
            self.status == self.Status.EFFECTIVE
            and self.next_review_date is not None
            and self.next_review_date < timezone.localdate()
        )

    @property
    def follows_design_route(self) -> bool:
        return self.doc_type in DESIGN_ROUTE_TYPES


class DocumentVersion(models.Model):
    """One revision of a document: its file, checksum, change summary and approval route."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
        APPROVED = "approved", _("Approved, effective later")
        EFFECTIVE = "effective", _("Effective")
        SUPERSEDED = "superseded", _("Superseded")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ARCHIVED = "archived", _("Archived")

    class ReviewMode(models.TextChoices):
        PARALLEL = "parallel", _("In parallel: all reviewers at once")
        SEQUENTIAL = "sequential", _("In sequence: one after another")

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="versions"
    )
    major = models.PositiveSmallIntegerField(_("major"), default=1)
    minor = models.PositiveSmallIntegerField(_("minor"), default=0)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.DRAFT)
    file = models.FileField(_("file"), upload_to="documents/%Y/", max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=10)
    file_size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    text = models.TextField(_("extracted text"), blank=True)
    change_summary = models.TextField(_("change summary"))
    review_mode = models.CharField(
        _("review"), max_length=20, choices=ReviewMode.choices, default=ReviewMode.PARALLEL
    )
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    ack_groups = models.ManyToManyField(
        Group, verbose_name=_("roles to acknowledge"), blank=True, related_name="+"
    )
    ack_departments = models.ManyToManyField(
        "core.Department", verbose_name=_("departments to acknowledge"), blank=True, related_name="+"
    )
    ack_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("people to acknowledge"), blank=True, related_name="+"
    )
    ack_days = models.PositiveSmallIntegerField(_("days to acknowledge"), default=14)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["document", "-major", "-minor"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["document", "major", "minor"], name="version_number_unique"),
            models.UniqueConstraint(
                fields=["document"], condition=Q(status="effective"), name="one_effective_version"
            ),
            models.UniqueConstraint(
                fields=["document"],
                condition=Q(status__in=["draft", "in_review", "awaiting_approval", "approved"]),
                name="one_revision_in_progress",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.code} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("documents:version", args=[self.document_id, self.pk])

    @property
    def number(self) -> str:
        return f"{self.major}.{self.minor}"

    @property
    def is_signed(self) -> bool:
        return self.signatures.exists()

    @property
    def download_name(self) -> str:
        stem = f"{self.document.code}_v{self.number}"
        if self.status in (self.Status.SUPERSEDED, self.Status.WITHDRAWN, self.Status.ARCHIVED):
            stem += f"_{self.status.upper()}"
        return f"{stem}.{self.file_type}"


class ReviewStep(models.Model):
    """One person's (or body's) step on a version's route: agreement, peer review or validation."""

    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("Agreement")
        PEER_REVIEW = "peer_review", _("Peer review (verification)")
        VALIDATION = "validation", _("Validation by a collegial body")

    class Decision(models.TextChoices):
        PENDING = "pending", _("Pending")
        AGREED = "agreed", _("Agreed")
        RETURNED = "returned", _("Returned with comments")

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="steps")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.AGREEMENT)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    comment = models.TextField(_("comment"), blank=True)
    body = models.CharField(_("collegial body"), max_length=200, blank=True)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "round", "position", "pk"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "round", "kind", "reviewer"], name="one_step_per_reviewer_per_round"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version}: {self.get_kind_display()} — {self.reviewer}"


class Signature(models.Model):
    """An electronic signature: who signed which file (by hash), in what role, meaning what."""

    class Meaning(models.TextChoices):
        AGREED = "agreed", _("Agreed")
        VERIFIED = "verified", _("Verified by peer review")
        VALIDATED = "validated", _("Validated by a collegial body")
        APPROVED = "approved", _("Approved")
        REVIEWED = "reviewed", _("Reviewed, no change needed")

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="signatures")
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("signer"), on_delete=models.PROTECT, related_name="+"
    )
    signer_name = models.CharField(_("name"), max_length=300)
    signer_role = models.CharField(_("role"), max_length=300)
    meaning = models.CharField(_("meaning"), max_length=20, choices=Meaning.choices)
    file_sha256 = models.CharField(_("SHA-256 of the signed file"), max_length=64)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return f"{self.signer_name}: {self.get_meaning_display()} {self.version}"

    def save(self, *args, **kwargs) -> None:
        # A signature is evidence: once written it is never changed.
        if self.pk is not None:
            raise ValueError("Signatures are immutable.")
        super().save(*args, **kwargs)


class Acknowledgement(models.Model):
    """A person's task to read an effective version, and the confirmation that they did.

    Being asked grants view of that version alone (documents.selectors.version_readable_for).
    The confirmation is accepted only after the person opened the file (downloaded it or read
    it in the browser): ``opened_at`` is that first opening. Confirmations recorded before
    the portal kept openings have none ("not recorded")."""

    class OpenedVia(models.TextChoices):
        DOWNLOAD = "download", _("downloaded the file")
        PREVIEW = "preview", _("read it in the browser")

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="acknowledgements")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    due_date = models.DateField(_("due"))
    opened_at = models.DateTimeField(_("first opened"), null=True, blank=True)
    opened_via = models.CharField(
        _("how it was opened"), max_length=10, choices=OpenedVia.choices, blank=True
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    last_reminded_on = models.DateField(_("last reminded"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        constraints = [models.UniqueConstraint(fields=["version", "person"], name="one_ack_per_person")]

    def __str__(self) -> str:
        return f"{self.person} — {self.version}"

    @property
    def is_late(self) -> bool:
        return self.acknowledged_at is None and self.due_date < timezone.localdate()


class Distribution(models.Model):
    """A copy of a version issued to a person or outside body; withdrawn when superseded."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.PROTECT, related_name="distributions")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    external_recipient = models.CharField(_("external recipient"), max_length=300, blank=True)
    copies = models.PositiveSmallIntegerField(_("copies"), default=1)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawal confirmed"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawal confirmed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["issued_at", "pk"]
        verbose_name = _("distribution")
        verbose_name_plural = _("distribution")
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(external_recipient=""),
                name="distribution_has_recipient",
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} → {self.recipient_label}"

    @property
    def recipient_label(self) -> str:
        return str(self.recipient) if self.recipient_id else self.external_recipient


class ReviewReminder(models.Model):
    """A periodic-review reminder already sent, so a retried job never sends it twice."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField()
    days_before = models.SmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "due_date", "days_before"], name="one_reminder_per_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.days_before} days before {self.due_date}"


class Record(models.Model):
    """A filled form or template: evidence that a process was carried out (§3.2.1)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ARCHIVED = "archived", _("Archived")
        DESTROYED = "destroyed", _("Destroyed by a signed act")

    title = models.CharField(_("title"), max_length=300)
    template_version = models.ForeignKey(
        DocumentVersion,
        verbose_name=_("form used"),
        on_delete=models.PROTECT,
        related_name="records",
        limit_choices_to={"document__doc_type": DocumentType.FORM},
    )
    process = models.ForeignKey("core.Process", verbose_name=_("process"), on_delete=models.PROTECT)
    file = models.FileField(_("file"), upload_to="records/%Y/", max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=10)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    retention_until = models.DateField(_("keep until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    # ---- Records retention (§3.2.2): the class of the file nomenclature and a legal hold ----
    record_class = models.ForeignKey(
        "documents.RecordClass",
        verbose_name=_("record class"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="records",
    )
    legal_hold = models.BooleanField(_("legal hold"), default=False)
    legal_hold_reason = models.TextField(_("reason for the legal hold"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("record")
        verbose_name_plural = _("records")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:record_detail", args=[self.pk])


class RevisionRequest(models.Model):
    """An order to change a document: the Director General's decision on an audit recommendation
    (§7.2.2) or a management review (§4.6.3). It is a task for the document's owner until a new
    revision of the document is started and approved."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a revision")
        IN_REVISION = "in_revision", _("Revision started")
        DONE = "done", _("Revised")

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="revision_requests"
    )
    reason = models.TextField(_("what to change and why"))
    source = models.CharField(
        _("ordered by"), max_length=200, help_text=_("The audit or review it comes from.")
    )
    source_url = models.CharField(max_length=300, blank=True)
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    version = models.ForeignKey(
        DocumentVersion,
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revision_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ordered by"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("ordered"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("revision order")
        verbose_name_plural = _("revision orders")

    def __str__(self) -> str:
        return f"{self.document.code}: {self.reason[:60]}"


# ---- External documents (§3.1) and records retention (§3.2.2): their own modules ----
from .external import ExternalCheck, ExternalDocument  # noqa: E402, F401
from .retention import DestroyedFile, DestructionAct, RecordClass  # noqa: E402, F401
