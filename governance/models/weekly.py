"""The agency's weekly meetings (§4.4.2, §7.2.3): management and staff review the progress of
the plans and projects, keep short minutes and give actions to owners."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accreditation.models import AccreditationProject

from .plans import PlanItem
from .workplans import WorkPlanItem


class WeeklyMeeting(models.Model):
    """The agency's weekly meeting of management and staff (§4.4.2, §7.2.3)."""

    class Status(models.TextChoices):
        PREPARED = "prepared", _("Prepared")
        CLOSED = "closed", _("Closed")

    date = models.DateField(_("date"), unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PREPARED)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    minutes = models.TextField(_("minutes"), blank=True)
    prepared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("weekly meeting")
        verbose_name_plural = _("weekly meetings")

    def __str__(self) -> str:
        from django.utils.formats import date_format

        return date_format(self.date, "DATE_FORMAT")

    def get_absolute_url(self) -> str:
        return reverse("governance:weekly_detail", args=[self.pk])


class WeeklyAttendance(models.Model):
    """Whether a member of staff attended the meeting."""

    meeting = models.ForeignKey(WeeklyMeeting, on_delete=models.PROTECT, related_name="attendance")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(_("present"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__last_name", "person__first_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="weekly_attendance_once")]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.person}"


class WeeklyAgendaLine(models.Model):
    """A line of the meeting's agenda: a plan item, work-plan item, project step or earlier
    action pulled in when the meeting was prepared, with a short note on its progress."""

    class Kind(models.TextChoices):
        OVERDUE = "overdue", _("Plan item overdue")
        DUE = "due", _("Plan item due this week")
        WORK = "work", _("Work-plan item due")
        PROJECT = "project", _("Project step due this week")
        ACTION = "action", _("Open action of an earlier meeting")

    meeting = models.ForeignKey(WeeklyMeeting, on_delete=models.PROTECT, related_name="agenda")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    plan_item = models.ForeignKey(PlanItem, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    work_item = models.ForeignKey(
        WorkPlanItem, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    project = models.ForeignKey(
        AccreditationProject, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.ForeignKey(
        "WeeklyAction", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The due date when the meeting was prepared: what the meeting looked at.
    due_date = models.DateField(_("due date"), null=True, blank=True)
    note = models.TextField(_("progress"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="weekly_agenda_position"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} #{self.position}"

    @property
    def subject(self):
        return self.plan_item or self.work_item or self.project or self.action

    @property
    def owner(self):
        if self.plan_item:
            return self.plan_item.owner
        if self.work_item:
            return self.work_item.work_plan.author
        if self.project:
            return self.project.project_manager or self.project.coordinator
        return self.action.owner if self.action else None


class WeeklyAction(models.Model):
    """An action decided at a weekly meeting: what, who, by when; on the owner's dashboard
    until it is marked done."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    meeting = models.ForeignKey(WeeklyMeeting, on_delete=models.PROTECT, related_name="actions")
    title = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("weekly meeting action")
        verbose_name_plural = _("weekly meeting actions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:weekly_detail", args=[self.meeting_id]) + f"#action-{self.pk}"
