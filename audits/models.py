"""Internal audits of the IQAS processes (§7.2.2).

A yearly programme says which processes are audited when. Each audit has its scope, criteria
and a working group appointed by the Director General's signed order; the group works through a
checklist built from the criteria, records findings (nonconformities raise a record in the
nonconformity register, which carries the corrective action), and the leader signs the report,
which the Director General accepts. Nothing here is ever deleted.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class AuditProgramme(models.Model):
    """The year's programme of internal audits: which processes, when, and why."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    objectives = models.TextField(_("objectives"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("audit programme")
        verbose_name_plural = _("audit programmes")

    def __str__(self) -> str:
        return str(_("Audit programme %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("audits:programme", args=[self.year])


class Audit(models.Model):
    """An internal audit of key processes, run by a working group the Director General appoints."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        REPORT_DRAFTED = "report_drafted", _("Report drafted")
        REPORT_APPROVED = "report_approved", _("Report approved")
        CLOSED = "closed", _("Closed")

    number = models.CharField(_("number"), max_length=20, unique=True)
    programme = models.ForeignKey(
        AuditProgramme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="audits"
    )
    title = models.CharField(_("title"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"))
    scope = models.TextField(_("scope"), blank=True)
    processes = models.ManyToManyField(
        "core.Process", verbose_name=_("processes audited"), related_name="audits", blank=True
    )
    criteria = models.ManyToManyField(
        "core.Criterion", verbose_name=_("criteria"), related_name="audits", blank=True
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.PLANNED)
    # The Director General's order appointing the working group: signed with the password again,
    # the hash of what was signed kept.
    order_number = models.CharField(_("order number"), max_length=40, blank=True)
    order_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    order_signer_name = models.CharField(_("order signed by"), max_length=300, blank=True)
    order_signed_at = models.DateTimeField(_("order signed"), null=True, blank=True)
    order_sha256 = models.CharField(_("SHA-256 of the signed order"), max_length=64, blank=True)
    # The report: the leader's analysis of the key processes and conclusions; recommendations
    # are rows of their own.
    analysis = models.TextField(_("analysis of the key processes"), blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)
    report_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    report_signer_name = models.CharField(_("report signed by"), max_length=300, blank=True)
    report_signed_at = models.DateTimeField(_("report signed"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approver_name = models.CharField(_("accepted by"), max_length=300, blank=True)
    approved_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    # The approved report as it was accepted, kept with its hash.
    report_file = models.FileField(_("approved report"), upload_to="audits/%Y/", blank=True, max_length=300)
    report_sha256 = models.CharField(_("SHA-256 of the approved report"), max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "starts_on", "number"]
        verbose_name = _("internal audit")
        verbose_name_plural = _("internal audits")
        permissions = [
            ("view_all_audits", _("Can see every internal audit")),
            ("order_audit", _("Can order an internal audit and appoint its working group")),
            ("conduct_audit", _("Can conduct an audit as a member of its working group")),
            ("approve_audit_report", _("Can accept an internal audit report (Director General)")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="audit_dates_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("audits:detail", args=[self.pk])

    @property
    def order_signed(self) -> bool:
        return self.order_signed_at is not None


class AuditorAssignment(models.Model):
    """A member of an audit's working group. One leader per audit. An auditor who owns a process
    in the audit's scope is warned; going ahead needs a written reason, kept here (§7.2.2:
    auditors do not audit their own work)."""

    class Role(models.TextChoices):
        LEADER = "leader", _("Leader")
        MEMBER = "member", _("Member")

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="team")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auditor"),
        on_delete=models.PROTECT,
        related_name="audit_seats",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    own_processes = models.CharField(_("own processes in scope"), max_length=500, blank=True)
    conflict_reason = models.TextField(_("reason to go ahead"), blank=True)
    active = models.BooleanField(_("on the group"), default=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "role", "pk"]
        verbose_name = _("working group member")
        verbose_name_plural = _("working group members")
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "auditor"], condition=Q(active=True), name="one_seat_per_auditor"
            ),
            models.UniqueConstraint(
                fields=["audit"], condition=Q(role="leader", active=True), name="one_audit_leader"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.audit.number}: {self.auditor} ({self.get_role_display()})"

    @property
    def own_processes_shown(self) -> str:
        """The processes the auditor owns, kept as their English names (they are part of the
        signed order), shown in the reader's language."""
        return ", ".join(gettext(name) for name in self.own_processes.split(", ") if name)


class ChecklistItem(models.Model):
    """One question of the audit checklist, built from a criterion, and what the group found."""

    class Result(models.TextChoices):
        OPEN = "open", _("Not checked yet")
        CONFORMS = "conforms", _("Conforms")
        DOES_NOT_CONFORM = "nonconforms", _("Does not conform")
        NOT_APPLICABLE = "na", _("Not applicable")

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="checklist")
    criterion = models.ForeignKey(
        "core.Criterion", verbose_name=_("criterion"), null=True, blank=True, on_delete=models.PROTECT
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    question = models.TextField(_("question"))
    result = models.CharField(_("result"), max_length=20, choices=Result.choices, default=Result.OPEN)
    note = models.TextField(_("notes and evidence seen"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "position", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return f"{self.audit.number} #{self.position}"

    @property
    def display_question(self) -> str:
        """A question built from a criterion reads in the reader's language; one the group
        wrote reads as written."""
        if self.criterion_id and self.question == self.criterion.question:
            return self.criterion.localized_question
        return self.question


class Finding(models.Model):
    """What the working group found. A nonconformity (major or minor) raises a record in the
    nonconformity register, which carries its corrective action."""

    class Kind(models.TextChoices):
        MAJOR = "major_nc", _("Major nonconformity")
        MINOR = "minor_nc", _("Minor nonconformity")
        OBSERVATION = "observation", _("Observation")
        IMPROVEMENT = "ofi", _("Opportunity for improvement")
        GOOD_PRACTICE = "good_practice", _("Good practice")

    NONCONFORMITIES = (Kind.MAJOR, Kind.MINOR)

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="findings")
    number = models.CharField(_("number"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    process = models.ForeignKey(
        "core.Process", verbose_name=_("process"), on_delete=models.PROTECT, related_name="findings"
    )
    criterion = models.ForeignKey(
        "core.Criterion", verbose_name=_("criterion"), null=True, blank=True, on_delete=models.PROTECT
    )
    statement = models.TextField(_("finding"))
    evidence = models.TextField(_("evidence"))
    checklist_item = models.ForeignKey(
        ChecklistItem, null=True, blank=True, on_delete=models.PROTECT, related_name="findings"
    )
    nonconformity = models.OneToOneField(
        "improvement.Nonconformity",
        verbose_name=_("nonconformity record"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="finding",
    )
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "pk"]
        verbose_name = _("audit finding")
        verbose_name_plural = _("audit findings")

    def __str__(self) -> str:
        return f"{self.number} {self.get_kind_display()}"

    @property
    def is_nonconformity(self) -> bool:
        return self.kind in self.NONCONFORMITIES


class Recommendation(models.Model):
    """A recommendation of the report. The Director General may turn it into an order to change a
    document: a revision task for the document's owner."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="recommendations")
    text = models.TextField(_("recommendation"))
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document to change"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_recommendations",
    )
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ordered_at = models.DateTimeField(_("ordered"), null=True, blank=True)
    revision_due = models.DateField(_("revision due"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["audit", "pk"]
        verbose_name = _("audit recommendation")
        verbose_name_plural = _("audit recommendations")

    def __str__(self) -> str:
        return self.text[:80]
