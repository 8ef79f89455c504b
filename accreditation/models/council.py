"""The Accreditation Council (§6.5): meetings, open votes by simple majority, decisions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import COUNT, PLURAL, stored_label

from .common import immutable
from .projects import AccreditationProject


class Outcome(models.TextChoices):
    """What the Accreditation Council may decide (§6.5.2)."""

    ACCREDIT = "accredit", _("Accredit")
    CONDITIONAL = "conditional", _("Accredit conditionally")
    REFUSE = "refuse", _("Refuse accreditation")
    MAINTAIN = "maintain", _("Keep the accreditation")
    SUSPEND = "suspend", _("Suspend the accreditation")
    REVOKE = "revoke", _("Revoke the accreditation")


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
        immutable(self)
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
        immutable(self)
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
    def message(self) -> tuple[str, dict]:
        """The decision as a timeline or a notification stores it: its English message id and
        values (the same words as ``__str__``), shown in each reader's language."""
        if self.outcome == Outcome.ACCREDIT and self.years:
            return "Accredit for %(n)s year", {COUNT: self.years, PLURAL: "Accredit for %(n)s years"}
        return stored_label(Outcome, self.outcome), {}

    @property
    def is_positive(self) -> bool:
        return self.outcome in (Outcome.ACCREDIT, Outcome.CONDITIONAL)
