"""The agency's collegial bodies (§1.6, §6.3.5–6.3.6, §6.5.2, §7.3) as one mechanism: a body with
its regulation, quorum rule and roster of members with their terms and constituencies; its
meetings with an agenda, attendance, recusals, open votes, a decision per item, actions that
follow from the decisions, and minutes signed by the chair and the secretary."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import AppendOnlyRecord


class Body(models.Model):
    """A collegial body of the agency: the Supervisory Board, a council, a commission, a group."""

    class Kind(models.TextChoices):
        SUPERVISORY_BOARD = "supervisory_board", _("Supervisory Board")
        ACCREDITATION_COUNCIL = "accreditation_council", _("Accreditation Council")
        EXPERT_COUNCIL = "expert_council", _("Expert council")
        APPEALS_COMMISSION = "appeals_commission", _("Appeals and complaints commission")
        WORKING_GROUP = "working_group", _("Working group")

    class Quorum(models.TextChoices):
        HALF = "half", _("More than half of the members")
        TWO_THIRDS = "two_thirds", _("Two thirds of the members")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    regulation = models.ForeignKey(
        "documents.Document",
        verbose_name=_("regulation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The controlled document that regulates the body."),
    )
    quorum_rule = models.CharField(_("quorum"), max_length=20, choices=Quorum.choices, default=Quorum.HALF)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("collegial body")
        verbose_name_plural = _("collegial bodies")
        permissions = [("administer_bodies", "Can keep the collegial bodies' rosters and meetings")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:body_detail", args=[self.pk])

    @property
    def is_accreditation_council(self) -> bool:
        return self.kind == self.Kind.ACCREDITATION_COUNCIL


class Membership(models.Model):
    """A person's seat on a body: role, constituency, term of office, declared interests."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")

    class Constituency(models.TextChoices):
        ACADEMIC = "academic", _("Academic community")
        EMPLOYER = "employer", _("Employers")
        STUDENT = "student", _("Students")
        INTERNATIONAL = "international", _("International")
        AGENCY = "agency", _("Agency")

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="memberships"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    constituency = models.CharField(_("constituency"), max_length=20, choices=Constituency.choices)
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))
    conflicts = models.TextField(
        _("declared interests"),
        blank=True,
        help_text=_("The member's declaration of interests (employers, affiliations, relatives)."),
    )
    reminder_sent_at = models.DateTimeField(_("term-end reminder sent"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "role", "person__last_name", "person__first_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_end__gte=models.F("term_start")), name="term_in_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.body}"

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.term_start <= on <= self.term_end


class BodyMeeting(models.Model):
    """A meeting of a body: planned, in session, closed with its minutes."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("In session")
        CLOSED = "closed", _("Closed")

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    number = models.CharField(_("number"), max_length=30)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True)
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("secretary"), on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("body meeting")
        verbose_name_plural = _("body meetings")
        constraints = [models.UniqueConstraint(fields=["body", "number"], name="body_meeting_number_unique")]

    def __str__(self) -> str:
        return f"{self.body} № {self.number} · {self.date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("governance:body_meeting_detail", args=[self.pk])


class BodyAttendance(models.Model):
    """A member invited to a meeting, and whether present."""

    meeting = models.ForeignKey(BodyMeeting, on_delete=models.PROTECT, related_name="attendance")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    present = models.BooleanField(_("present"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["member__last_name", "member__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="one_body_attendance_per_member")
        ]

    def __str__(self) -> str:
        return str(self.member)


class MeetingItem(models.Model):
    """One question on a meeting's agenda and the body's decision on it."""

    class Kind(models.TextChoices):
        ACCREDITATION = "accreditation", _("Accreditation decision")
        DOCUMENT_VALIDATION = "document_validation", _("Document validation")
        STRATEGY = "strategy", _("Strategy or plan approval")
        APPEAL = "appeal", _("Appeal")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    class State(models.TextChoices):
        PENDING = "pending", _("To be decided")
        DECIDED = "decided", _("Decided")
        NO_DECISION = "no_decision", _("No decision")

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")

    meeting = models.ForeignKey(
        BodyMeeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(
        _("question"),
        max_length=500,
        blank=True,
        help_text=_("As written; blank when the question is the default for its kind and object."),
    )
    document_version = models.ForeignKey(
        "documents.DocumentVersion",
        verbose_name=_("document version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    appeal = models.ForeignKey(
        "accreditation.Appeal",
        verbose_name=_("appeal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    strategy_version = models.ForeignKey(
        "governance.StrategyVersion",
        verbose_name=_("strategy version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
        help_text=_("The draft under discussion: the body's adoption records the discussion on the version."),
    )
    implementation_plan = models.ForeignKey(
        "governance.ImplementationPlan",
        verbose_name=_("implementation plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
        help_text=_(
            "The draft plan under discussion: the body's adoption records the discussion on the plan."
        ),
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices, blank=True)
    decision_text = models.TextField(_("decision"), blank=True)
    tally = models.JSONField(_("tally"), default=dict, blank=True)
    note = models.TextField(_("why no decision"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.position}. {self.display_title}"

    @property
    def display_title(self) -> str:
        """The question in the reader's language: as written, or the default for its kind and
        object (stored blank, so every reader reads the default in their own language)."""
        if self.title:
            return self.title
        if self.kind == self.Kind.DOCUMENT_VALIDATION and self.document_version_id:
            return gettext("Validation of %(version)s") % {"version": self.document_version}
        if self.kind == self.Kind.STRATEGY and self.implementation_plan_id:
            return gettext("Discussion of the implementation plan for %(year)s") % {
                "year": self.implementation_plan.year
            }
        if self.kind == self.Kind.STRATEGY and self.strategy_version_id:
            return gettext("Discussion of %(version)s") % {"version": self.strategy_version}
        if self.kind == self.Kind.APPEAL and self.appeal_id:
            return gettext("Appeal %(number)s") % {"number": self.appeal.number}
        return ""

    @property
    def title_key(self) -> str:
        """The question as the minutes' signature covers it, the same in every language."""
        if self.title:
            return self.title
        if self.implementation_plan_id:
            return f"{self.kind}:plan:{self.implementation_plan_id}"
        target = self.document_version_id or self.strategy_version_id or self.appeal_id
        return f"{self.kind}:{target}"


class ItemRecusal(AppendOnlyRecord):
    """A member's declared conflict of interest on one item: the member does not vote on it."""

    item = models.ForeignKey(MeetingItem, on_delete=models.PROTECT, related_name="recusals")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="one_body_recusal_per_member")]

    def __str__(self) -> str:
        return str(self.member)


class ItemVote(AppendOnlyRecord):
    """One member's open vote on one item: one per member, never changed."""

    class Choice(models.TextChoices):
        FOR = "for", pgettext_lazy("vote", "For")
        AGAINST = "against", pgettext_lazy("vote", "Against")
        ABSTAIN = "abstain", pgettext_lazy("vote", "Abstain")

    item = models.ForeignKey(
        MeetingItem, verbose_name=_("agenda item"), on_delete=models.PROTECT, related_name="votes"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)
    cast_at = models.DateTimeField(_("cast"), auto_now_add=True)

    class Meta:
        ordering = ["cast_at", "pk"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="one_body_vote_per_member")]

    def __str__(self) -> str:
        return f"{self.member}: {self.choice}"


class DecisionAction(models.Model):
    """What a decision asks someone to do, with an owner and a due date, until done."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    item = models.ForeignKey(
        MeetingItem, verbose_name=_("decision"), on_delete=models.PROTECT, related_name="actions"
    )
    text = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    done_note = models.TextField(_("what was done"), blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("decision action")
        verbose_name_plural = _("decision actions")

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("governance:body_meeting_detail", args=[self.item.meeting_id])


class MinutesSignature(AppendOnlyRecord):
    """The chair's or the secretary's signature of a meeting's minutes (by hash of the content)."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")

    meeting = models.ForeignKey(BodyMeeting, on_delete=models.PROTECT, related_name="signatures")
    role = models.CharField(_("signed as"), max_length=20, choices=Role.choices)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("name"), max_length=300)
    content_sha256 = models.CharField(_("SHA-256 of the signed content"), max_length=64)
    signed_at = models.DateTimeField(_("signed"), auto_now_add=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        verbose_name = _("minutes signature")
        verbose_name_plural = _("minutes signatures")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "role"], name="minutes_signed_once_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.signer_name}: {self.meeting}"
