"""Nonconformities, corrective actions, risks and management review (§7.3, §7.5, §4.6)."""

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


class Risk(models.Model):
    """A risk to a process of the IQAS (§7.5.3), scored likelihood × impact on the agency's matrix
    (IAAR_RISK_MATRIX_SIZE, 5 × 5 by default), before and after its treatment."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        TREATED = "treated", _("Treated")
        CLOSED = "closed", _("Closed")

    number = models.CharField(_("number"), max_length=20, unique=True)
    title = models.CharField(_("risk"), max_length=200)
    description = models.TextField(_("cause and consequence"), blank=True)
    process = models.ForeignKey(
        "core.Process", verbose_name=_("process"), on_delete=models.PROTECT, related_name="risks"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("risk owner"), on_delete=models.PROTECT, related_name="risks"
    )
    likelihood = models.PositiveSmallIntegerField(_("likelihood"))
    impact = models.PositiveSmallIntegerField(_("impact"))
    treatment = models.TextField(_("preventive measures"), blank=True)
    residual_likelihood = models.PositiveSmallIntegerField(_("residual likelihood"), null=True, blank=True)
    residual_impact = models.PositiveSmallIntegerField(_("residual impact"), null=True, blank=True)
    review_on = models.DateField(_("next review"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        permissions = [
            ("view_all_risks", _("Can see every risk")),
            ("manage_risks", _("Can manage every risk")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, impact__gte=1), name="risk_score_positive"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(residual_likelihood__isnull=True, residual_impact__isnull=True)
                    | models.Q(residual_likelihood__gte=1, residual_impact__gte=1)
                ),
                name="risk_residual_both_or_none",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("improvement:risk_detail", args=[self.pk])

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def residual_score(self) -> int | None:
        if self.residual_likelihood is None or self.residual_impact is None:
            return None
        return self.residual_likelihood * self.residual_impact


def actions_in_force() -> models.Q:
    """Actions that bind their owner now: every one but the decisions of a management review
    whose order is not signed yet (a decision carried over from a signed order stays in force)."""
    return (
        models.Q(decision__isnull=True)
        | models.Q(decision__review__order_signed_at__isnull=False)
        | models.Q(decision__carried_from__isnull=False)
    )


class Action(models.Model):
    """One action with an owner, a due date and evidence: a step of a corrective action or a
    preventive measure of a risk (the same model for both, §7.5.2–7.5.3). Overdue actions are
    reminded to the owner, then escalated to the IQAS owner."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    number = models.CharField(_("number"), max_length=20, unique=True)
    capa = models.ForeignKey(
        CorrectiveAction,
        verbose_name=_("corrective action"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
    )
    risk = models.ForeignKey(
        Risk, verbose_name=_("risk"), null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    # A decision of a management review's order (§4.6.3), tracked like any other action.
    decision = models.OneToOneField(
        "ReviewDecision",
        verbose_name=_("review decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action",
    )
    description = models.TextField(_("action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="actions"
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="actions/%Y/", blank=True, max_length=300)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    # The escalation ladder of an overdue action: the owner is reminded, then the IQAS owner told.
    reminded_on = models.DateField(_("owner reminded"), null=True, blank=True)
    escalated_on = models.DateField(_("escalated"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(capa__isnull=False, risk__isnull=True, decision__isnull=True)
                    | models.Q(capa__isnull=True, risk__isnull=False, decision__isnull=True)
                    | models.Q(capa__isnull=True, risk__isnull=True, decision__isnull=False)
                ),
                name="action_for_capa_risk_or_decision",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="done") | ~models.Q(evidence=""),
                name="action_done_with_evidence",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.number} {self.description[:60]}"

    def get_absolute_url(self) -> str:
        if self.decision_id:
            return self.decision.get_absolute_url()
        parent = self.capa if self.capa_id else self.risk
        return f"{parent.get_absolute_url()}#action-{self.pk}"

    @property
    def parent(self):
        """The corrective action, risk or management review the action belongs to."""
        if self.decision_id:
            return self.decision.review
        return self.capa if self.capa_id else self.risk


class Supplier(models.Model):
    """A supplier of goods or services to the agency (§6.4), evaluated and kept on the list of
    approved suppliers by the quality of what it delivers."""

    class Status(models.TextChoices):
        APPROVED = "approved", _("Approved")
        CONDITIONAL = "conditional", _("Approved with conditions")
        EXCLUDED = "excluded", _("Excluded")

    name = models.CharField(_("name"), max_length=300, unique=True)
    supplies = models.CharField(_("what it supplies"), max_length=300)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    requirements = models.TextField(_("requirements the supplier must meet"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.APPROVED)
    evaluated_on = models.DateField(_("last evaluated"), null=True, blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")
        permissions = [("manage_purchasing", _("Can keep the suppliers, contracts and incoming inspections"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("improvement:supplier_detail", args=[self.pk])


class PurchaseContract(models.Model):
    """An entry of the register of contracts (§6.4): what was bought from whom, for when."""

    number = models.CharField(_("contract number"), max_length=60, unique=True)
    supplier = models.ForeignKey(
        Supplier, verbose_name=_("supplier"), on_delete=models.PROTECT, related_name="contracts"
    )
    subject = models.CharField(_("subject"), max_length=300)
    signed_on = models.DateField(_("signed"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_on", "number"]
        verbose_name = _("purchase contract")
        verbose_name_plural = _("purchase contracts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("signed_on")),
                name="contract_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"


class IncomingInspection(models.Model):
    """The incoming inspection of goods or a service received under a contract (§6.4); a
    nonconforming delivery is recorded as a nonconformity (source: purchasing) and counts for
    KPI 5."""

    class Result(models.TextChoices):
        CONFORMING = "conforming", _("Conforms")
        NONCONFORMING = "nonconforming", _("Does not conform")

    contract = models.ForeignKey(
        PurchaseContract, verbose_name=_("contract"), on_delete=models.PROTECT, related_name="inspections"
    )
    received_on = models.DateField(_("received"))
    item = models.CharField(_("what was received"), max_length=300)
    result = models.CharField(_("result"), max_length=20, choices=Result.choices)
    notes = models.TextField(_("notes"), blank=True)
    nonconformity = models.OneToOneField(
        Nonconformity,
        verbose_name=_("nonconformity record"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspection",
    )
    inspected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    inspected_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("incoming inspection")
        verbose_name_plural = _("incoming inspections")
        indexes = [models.Index(fields=["received_on", "result"])]

    def __str__(self) -> str:
        return f"{self.contract.number}: {self.item}"


class KpiTarget(models.Model):
    """The target of one key performance indicator (§3.1, §7.4) for a year: the highest share
    (in per cent) of records that may fall short, set by the IQAS owner."""

    class Code(models.TextChoices):
        SELF_ASSESSMENT = "kpi1", _("Self-assessment reports not conforming to IAAR standards")
        EEC_REPORTS = "kpi2", _("EEC reports not meeting IAAR requirements at internal expertise")
        CERTIFICATES = "kpi3", _("Accreditation certificates issued with errors")
        REPEATED = "kpi4", _("Nonconformities repeated after corrective actions")
        PURCHASING = "kpi5", _("Nonconforming purchased goods and services")

    code = models.CharField(_("indicator"), max_length=10, choices=Code.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    target_percent = models.DecimalField(_("at most (%)"), max_digits=5, decimal_places=1)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "code"]
        verbose_name = _("KPI target")
        verbose_name_plural = _("KPI targets")
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="one_target_per_kpi_and_year"),
            models.CheckConstraint(
                condition=models.Q(target_percent__gte=0, target_percent__lte=100),
                name="kpi_target_is_a_share",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} {self.year}: ≤ {self.target_percent}%"


class KpiReport(models.Model):
    """A KPI report PDF made by the schedule (monthly, yearly) or on demand, kept with its hash,
    and e-mailed once to the Director General and the IQAS owner. One per kind and period: a
    retried run finds the stored one and never makes or sends a second."""

    class Kind(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        YEARLY = "yearly", _("Yearly")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    file = models.FileField(_("report"), upload_to="kpi-reports/%Y/", blank=True, max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    recipients = models.TextField(_("sent to"), blank=True)

    class Meta:
        ordering = ["-period_start", "kind"]
        verbose_name = _("KPI report")
        verbose_name_plural = _("KPI reports")
        constraints = [
            models.UniqueConstraint(fields=["kind", "period_start"], name="one_kpi_report_per_period"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="kpi_report_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start:%Y-%m}"


class ManagementReview(models.Model):
    """The management review of the IQAS (§4.6), at least yearly: the input pack assembled from
    the portal (§4.6.2), the meeting's conclusions, and the Director General's signed order with
    its decisions (§4.6.3), each decision an action tracked until done."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        INPUTS = "inputs", _("Inputs assembled")
        HELD = "held", _("Held")
        SIGNATURE = "signature", _("Order awaiting signature")
        SIGNED = "signed", _("Order signed")
        CLOSED = "closed", _("Closed")

    number = models.CharField(_("number"), max_length=20, unique=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    planned_on = models.DateField(_("planned date"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chaired_reviews",
    )
    participants = models.TextField(_("participants"), blank=True)
    other_inputs = models.TextField(
        _("other inputs"),
        blank=True,
        help_text=_(
            "What the portal does not hold: requirements of authorities, changes in laws, standards "
            "and technology, proposals of working groups and collegial bodies, rating results."
        ),
    )
    conclusions = models.TextField(_("conclusions"), blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous review"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    pack_file = models.FileField(_("input pack"), upload_to="reviews/%Y/", blank=True, max_length=300)
    pack_sha256 = models.CharField(_("SHA-256 of the input pack"), max_length=64, blank=True)
    pack_assembled_at = models.DateTimeField(_("input pack assembled"), null=True, blank=True)
    order_number = models.CharField(_("order number"), max_length=40, blank=True)
    order_text = models.TextField(_("order"), blank=True)
    order_submitted_at = models.DateTimeField(_("order submitted"), null=True, blank=True)
    order_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    order_signer_name = models.CharField(_("order signed by"), max_length=300, blank=True)
    order_signed_at = models.DateTimeField(_("order signed"), null=True, blank=True)
    order_file = models.FileField(_("signed order"), upload_to="reviews/%Y/", blank=True, max_length=300)
    order_sha256 = models.CharField(_("SHA-256 of the signed order"), max_length=64, blank=True)
    order_file_sha256 = models.CharField(_("SHA-256 of the order PDF"), max_length=64, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The IQAS owner is reminded once, a month before the planned date.
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "-pk"]
        verbose_name = _("management review")
        verbose_name_plural = _("management reviews")
        permissions = [("sign_review_order", _("Can sign the management review order"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="review_period_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.period_start:%d.%m.%Y}–{self.period_end:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("improvement:review_detail", args=[self.pk])

    @property
    def owner(self):
        """Who answers for the review's follow-up: the IQAS owner who planned it."""
        return self.created_by


class ReviewDecision(models.Model):
    """One decision of the review's order (§4.6.3). Its owner, due date, status and evidence
    are those of its action (improvement.Action), so it is tracked, reminded and escalated like
    every other action."""

    class Kind(models.TextChoices):
        STRATEGY_PLAN = "strategy_plan", _("Next year's strategy implementation plan")
        STRATEGY = "strategy", _("Corrections to the strategy")
        EFFECTIVENESS = "effectiveness", _("Improving the effectiveness of the IQAS")
        SERVICES = "services", _("Improving services for stakeholders' requirements")
        PROCESSES = "processes", _("Improving processes")
        WORKING_GROUPS = "working_groups", _("Support to working groups")
        RESOURCES = "resources", _("Resource needs")

    review = models.ForeignKey(
        ManagementReview, verbose_name=_("review"), on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("decision"))
    carried_from = models.OneToOneField(
        "self",
        verbose_name=_("carried over from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="carried_to",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "pk"]
        verbose_name = _("review decision")
        verbose_name_plural = _("review decisions")

    def __str__(self) -> str:
        return f"{self.review.number}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.review.get_absolute_url()}#decision-{self.pk}"
