"""The development of a standard or guideline (§6.3): its plan (why, scope, the inputs register of
§6.3.2, the working group that drafts it), and the public consultation on a draft version: the
draft's sections, the stakeholders' comments by section, their moderation, answers and
dispositions. The drafts themselves are the document's versions (documents app); peer review,
validation by a collegial body and the Director General's approval follow on the version."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DevelopmentPlan(models.Model):
    """The plan of developing a standard or guideline: why, its scope, its working group."""

    document = models.ForeignKey(
        "documents.Document", verbose_name=_("standard"), on_delete=models.PROTECT, related_name="+"
    )
    working_group = models.ForeignKey(
        "governance.Body",
        verbose_name=_("working group"),
        on_delete=models.PROTECT,
        related_name="development_plans",
    )
    reason = models.TextField(_("why it is developed"))
    scope = models.TextField(_("scope"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("drawn up by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("drawn up"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("standard development plan")
        verbose_name_plural = _("standard development plans")

    def __str__(self) -> str:
        return str(self.document)

    def get_absolute_url(self) -> str:
        return reverse("governance:stddev_plan_detail", args=[self.pk])


class DevelopmentInput(models.Model):
    """One input of the development (§6.3.2): a law, the ESG, a proposal, monitoring results."""

    class Kind(models.TextChoices):
        LEGISLATION = "legislation", _("Legislation and the authority's requirements")
        ESG = "esg", _("ESG and recognition bodies' requirements")
        NETWORK = "network", _("International networks' recommendations")
        STAKEHOLDER = "stakeholder", _("Stakeholders' proposals")
        MONITORING = "monitoring", _("Monitoring and analysis results")
        ARCHIVE = "archive", _("Earlier editions")

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.PROTECT, related_name="inputs")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    reference = models.CharField(_("reference or link"), max_length=500, blank=True)
    note = models.TextField(_("how it is taken into account"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "kind", "pk"]
        verbose_name = _("development input")
        verbose_name_plural = _("development inputs")

    def __str__(self) -> str:
        return self.title

    @property
    def is_link(self) -> bool:
        return self.reference.startswith(("https://", "http://"))


class Consultation(models.Model):
    """A public consultation round on a draft version: open to comments between two dates."""

    plan = models.ForeignKey(DevelopmentPlan, on_delete=models.PROTECT, related_name="consultations")
    version = models.ForeignKey(
        "documents.DocumentVersion", verbose_name=_("draft"), on_delete=models.PROTECT, related_name="+"
    )
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"), help_text=_("The last day on which comments are taken."))
    language = models.CharField(
        _("language of the draft"), max_length=10, choices=settings.LANGUAGES, default="ru"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="consultation_dates_in_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} · {self.opens_on:%d.%m.%Y}–{self.closes_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return reverse("governance:consultation_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("consultation:public", args=[self.pk])

    def is_open(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.opens_on <= on <= self.closes_on

    def is_closed(self, on=None) -> bool:
        return (on or timezone.localdate()) > self.closes_on


class ConsultationSection(models.Model):
    """One section of the draft put to consultation: its number, title and text."""

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    number = models.CharField(_("number"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation", "position", "pk"]
        verbose_name = _("consultation section")
        verbose_name_plural = _("consultation sections")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "number"], name="consultation_section_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class ConsultationComment(models.Model):
    """A stakeholder's comment on a section, its moderation, the group's answer and disposition."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        PUBLISHED = "published", _("Published")
        HIDDEN = "hidden", _("Hidden")

    class Disposition(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    class Constituency(models.TextChoices):
        INSTITUTION = "institution", _("Education organization")
        ACADEMIC = "academic", _("Academic staff")
        STUDENT = "student", _("Student")
        EMPLOYER = "employer", _("Employer")
        EXPERT = "expert", _("Expert")
        AUTHORITY = "authority", _("Public authority")
        OTHER = "other", _("Other")

    section = models.ForeignKey(ConsultationSection, on_delete=models.PROTECT, related_name="comments")
    name = models.CharField(_("name"), max_length=200)
    organization = models.CharField(_("organization"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    constituency = models.CharField(_("you comment as"), max_length=20, choices=Constituency.choices)
    text = models.TextField(_("comment"))
    submitted_at = models.DateTimeField(_("sent"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    hidden_reason = models.CharField(_("why hidden"), max_length=500, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    disposition = models.CharField(_("disposition"), max_length=20, choices=Disposition.choices, blank=True)
    disposition_reason = models.TextField(_("reason of the disposition"), blank=True)
    disposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disposed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    disposed_at = models.DateTimeField(_("disposed"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["email"])

    class Meta:
        ordering = ["section", "submitted_at", "pk"]
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(disposition="") | ~models.Q(disposition_reason=""),
                name="comment_disposition_has_reason",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="hidden") | ~models.Q(hidden_reason=""),
                name="comment_hidden_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.section.number} · {self.name}"

    def get_absolute_url(self) -> str:
        return f"{self.section.consultation.get_absolute_url()}#comment-{self.pk}"
