"""Training of staff and experts (§5.2.2): a yearly plan of trainings (courses, seminars, expert
seminars) with their dates and trainers; who attended; the certificates they got, with issue and
expiry dates; and, after a set period, the person's head checks whether the training was
effective — an ineffective one raises a new training need."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TrainingPlan(models.Model):
    """The agency's training plan for one year, for its staff and its experts (§5.2.2)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")
        permissions = [
            ("manage_training", _("Can keep the training plans, attendance and certificates")),
        ]

    def __str__(self) -> str:
        return str(_("Training plan %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("people:plan_detail", args=[self.pk])


class TrainingNeed(models.Model):
    """A person's need for training, raised by an ineffective training or by their head."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PLANNED = "planned", _("Planned")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="training_needs",
    )
    topic = models.CharField(_("topic"), max_length=300)
    raised_by_check = models.OneToOneField(
        "EffectivenessCheck",
        verbose_name=_("raised by the check"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="need",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("raised"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("training need")
        verbose_name_plural = _("training needs")

    def __str__(self) -> str:
        return self.topic


class Training(models.Model):
    """One training of the plan: a course, seminar or expert seminar, its dates and trainer."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        SEMINAR = "seminar", _("Seminar or training")
        CONFERENCE = "conference", _("Conference or forum")
        EXPERT_SEMINAR = "expert_seminar", _("Expert seminar")

    class Audience(models.TextChoices):
        STAFF = "staff", _("Staff")
        EXPERTS = "experts", _("Experts")

    plan = models.ForeignKey(TrainingPlan, on_delete=models.PROTECT, related_name="trainings")
    title = models.CharField(_("title"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    audience = models.CharField(_("for"), max_length=10, choices=Audience.choices)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    trainer = models.CharField(_("trainer"), max_length=300)
    check_after_days = models.PositiveSmallIntegerField(_("effectiveness checked after (days)"), default=90)
    need = models.ForeignKey(
        TrainingNeed,
        verbose_name=_("answers the need"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trainings",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="training_dates_order"
            )
        ]

    def __str__(self) -> str:
        return self.localized_title

    def get_absolute_url(self) -> str:
        return reverse("people:training_detail", args=[self.pk])

    @property
    def localized_title(self) -> str:
        language = (get_language() or "")[:2]
        return getattr(self, f"title_{language}", "") or self.title

    @property
    def check_due_on(self) -> datetime.date:
        return self.ends_on + datetime.timedelta(days=self.check_after_days)


class Attendance(models.Model):
    """A person's attendance of a training."""

    training = models.ForeignKey(Training, on_delete=models.PROTECT, related_name="attendances")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    attended = models.BooleanField(_("attended"), default=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["training", "person__last_name", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [models.UniqueConstraint(fields=["training", "person"], name="attendance_once")]

    def __str__(self) -> str:
        return f"{self.person} · {self.training}"

    def get_absolute_url(self) -> str:
        return self.training.get_absolute_url()


class Certificate(models.Model):
    """The certificate a person got for a training: its file, issue and expiry dates."""

    attendance = models.ForeignKey(Attendance, on_delete=models.PROTECT, related_name="certificates")
    number = models.CharField(_("number"), max_length=60, blank=True)
    file = models.FileField(_("file"), upload_to="training-certificates/%Y/", max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    issued_on = models.DateField(_("issued"))
    expires_on = models.DateField(_("expires"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("re-training reminded"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_on", "pk"]
        verbose_name = _("training certificate")
        verbose_name_plural = _("training certificates")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=models.F("issued_on")),
                name="certificate_expires_after_issue",
            )
        ]

    def __str__(self) -> str:
        return self.number or self.file_name

    def get_absolute_url(self) -> str:
        return self.attendance.training.get_absolute_url()


class EffectivenessCheck(models.Model):
    """The head's check, after the set period, that a person's training was effective."""

    attendance = models.OneToOneField(Attendance, on_delete=models.PROTECT, related_name="effectiveness")
    effective = models.BooleanField(_("effective"))
    evidence = models.TextField(_("evidence"))
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked by"), on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(_("checked"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-checked_at", "pk"]
        verbose_name = _("effectiveness check")
        verbose_name_plural = _("effectiveness checks")

    def __str__(self) -> str:
        return str(self.attendance)
