"""Project managers' work plans (§4.4.2): a plan per person per month or quarter, drawn up
under the strategy-implementation plan, agreed and approved by the head before it is carried
out; its items are linked to plan items or accreditation projects and reported done."""

import calendar
import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accreditation.models import AccreditationProject

from .plans import PlanItem


class WorkPlan(models.Model):
    """A project manager's work plan for one period (§4.4.2), approved by the head."""

    class Period(models.TextChoices):
        MONTH = "month", _("Month")
        QUARTER = "quarter", _("Quarter")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned for revision")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        on_delete=models.PROTECT,
        related_name="work_plans",
    )
    period = models.CharField(_("period"), max_length=10, choices=Period.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("month or quarter"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-number", "author__last_name", "pk"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        permissions = [
            ("approve_workplan", _("Can approve project managers' work plans")),
            ("view_all_workplans", _("Can read every work plan")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "period", "year", "number"], name="workplan_one_per_period"
            ),
            models.CheckConstraint(
                condition=(models.Q(period="month", number__gte=1, number__lte=12))
                | models.Q(period="quarter", number__gte=1, number__lte=4),
                name="workplan_period_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author} · {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("governance:workplan_detail", args=[self.pk])

    @property
    def starts(self) -> datetime.date:
        month = self.number if self.period == self.Period.MONTH else 3 * self.number - 2
        return datetime.date(self.year, month, 1)

    @property
    def ends(self) -> datetime.date:
        month = self.number if self.period == self.Period.MONTH else 3 * self.number
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def period_label(self) -> str:
        from django.utils.formats import date_format
        from django.utils.translation import gettext

        if self.period == self.Period.QUARTER:
            return gettext("Q%(n)s %(year)s") % {"n": self.number, "year": self.year}
        return date_format(self.starts, "YEAR_MONTH_FORMAT")


class WorkPlanItem(models.Model):
    """One activity of a work plan, with its due date inside the plan's period, linked to an
    item of the implementation plan and/or an accreditation project."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    work_plan = models.ForeignKey(WorkPlan, on_delete=models.PROTECT, related_name="items")
    title = models.CharField(_("activity"), max_length=500)
    due_date = models.DateField(_("due date"))
    plan_item = models.ForeignKey(
        PlanItem,
        verbose_name=_("plan item"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="work_items",
    )
    project = models.ForeignKey(
        AccreditationProject,
        verbose_name=_("accreditation project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    done_note = models.TextField(_("result"), blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("work plan item")
        verbose_name_plural = _("work plan items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(plan_item__isnull=False) | models.Q(project__isnull=False),
                name="workplan_item_linked",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:workplan_detail", args=[self.work_plan_id])
