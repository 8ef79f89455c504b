"""Feedback and satisfaction surveys (§4.2, §4.6.1, §7.2.1).

A **survey** is a form the agency keeps (the manual's five: the organization's satisfaction
after accreditation, the experts' feedback, the coordinator's evaluation of each expert, and the
student and teaching-staff questionnaires of the EEC visit). Its questions live in numbered
**versions**: a draft is edited, a published version is frozen, a new version starts as a copy,
so answers always refer to the exact wording that was asked. Every text is kept in English with
translations (``*_translations``: ``{"ru": …, "kk": …, "ky": …}``) and shown in the reader's
language. A question's ``key`` stays the same across versions, which is what comparisons
across years read.

A **campaign** asks one version of a survey of one group of people for a while: either by
personal **invitations** (a secret token each, one answer per token) or by one public link for
the campaign (students and teaching staff during a visit, shown as a QR code). A **response**
to an anonymous survey keeps no trace of who answered: no invitation, no person, a random id
and only the day it came in.
"""

import re
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from improvement.models import ApprovedTarget


def new_token() -> str:
    return secrets.token_urlsafe(24)


def translated(default: str, translations: dict | None, language: str | None = None) -> str:
    """The text in the reader's language, else the stored English."""
    language = (language or get_language() or "en")[:2]
    if language != "en" and translations:
        text = translations.get(language)
        if text:
            return text
    return default


class Survey(models.Model):
    """A questionnaire the agency keeps; its questions live in versions."""

    class Audience(models.TextChoices):
        ORGANIZATION = "organization", _("Education organization")
        EXPERT = "expert", _("Experts")
        COORDINATOR = "coordinator", _("Coordinator (EEC evaluation)")
        STUDENT = "student", _("Students")
        TEACHING_STAFF = "teaching_staff", _("Teaching staff")
        OTHER = "other", _("Other stakeholders")

    code = models.SlugField(_("code"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=300)
    title_translations = models.JSONField(_("title in other languages"), default=dict, blank=True)
    description = models.TextField(_("introduction"), blank=True)
    description_translations = models.JSONField(default=dict, blank=True)
    audience = models.CharField(_("audience"), max_length=30, choices=Audience.choices)
    anonymous = models.BooleanField(
        _("anonymous"), default=False, help_text=_("No answer can be traced to the person who gave it.")
    )
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        permissions = [
            ("run_campaign", _("Can open, remind and close survey campaigns")),
            ("analyze_survey", _("Can read survey results and export them")),
            ("publish_survey_summary", _("Can publish a survey summary on the public site")),
        ]

    def __str__(self) -> str:
        return self.localized_title

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", args=[self.pk])

    @property
    def localized_title(self) -> str:
        return translated(self.title, self.title_translations)

    @property
    def localized_description(self) -> str:
        return translated(self.description, self.description_translations)


class SurveyVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("In use")
        RETIRED = "retired", _("Retired")

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    change_note = models.TextField(_("what changed"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "-number"]
        verbose_name = _("survey version")
        verbose_name_plural = _("survey versions")
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="one_survey_version_number"),
            models.UniqueConstraint(
                fields=["survey"], condition=models.Q(status="published"), name="one_survey_version_in_use"
            ),
            models.UniqueConstraint(
                fields=["survey"], condition=models.Q(status="draft"), name="one_survey_draft"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} v{self.number}"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Section(models.Model):
    version = models.ForeignKey(SurveyVersion, on_delete=models.PROTECT, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=300)
    title_translations = models.JSONField(_("title in other languages"), default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("survey section")
        verbose_name_plural = _("survey sections")

    def __str__(self) -> str:
        return self.localized_title

    @property
    def localized_title(self) -> str:
        return translated(self.title, self.title_translations)


class Question(models.Model):
    class Kind(models.TextChoices):
        LIKERT = "likert", _("Scale 1–5")
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        TEXT = "text", _("Free text")
        NPS = "nps", _("Would recommend, 0–10")

    SCALED = (Kind.LIKERT, Kind.NPS)
    CHOICE = (Kind.SINGLE, Kind.MULTIPLE)

    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("Stays the same in every version, so answers can be compared across years."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("question"))
    text_translations = models.JSONField(_("question in other languages"), default=dict, blank=True)
    # [{"value": "online", "label": "Online", "translations": {"ru": "Онлайн"}}, ...]
    options = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("answer required"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section__position", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.localized_text

    @property
    def localized_text(self) -> str:
        return translated(self.text, self.text_translations)

    def localized_options(self) -> list[tuple[str, str]]:
        return [
            (option["value"], translated(option["label"], option.get("translations")))
            for option in self.options
        ]

    @property
    def scale(self) -> range:
        if self.kind == self.Kind.NPS:
            return range(0, 11)
        if self.kind == self.Kind.LIKERT:
            return range(1, 6)
        return range(0)


# The titles the portal gives the campaigns it opens (and the demo's): kept in English with the
# organization's name, shown in the reader's language (``Campaign.localized_title``).
CAMPAIGN_TITLES = (
    _("Satisfaction after accreditation: %(name)s"),
    _("Expert feedback on the visit: %(name)s"),
    _("Evaluation of the EEC: %(name)s"),
    _("Students during the EEC visit: %(name)s"),
    _("Teaching staff during the EEC visit: %(name)s"),
)


def campaign_title(template, name: str) -> str:
    """A campaign title as stored: the English words with the organization's name."""
    with translation.override(None):
        return str(template) % {"name": name}


def _title_patterns() -> list[tuple[str, re.Pattern]]:
    with translation.override(None):
        english = [str(template) for template in CAMPAIGN_TITLES]
    return [
        (text, re.compile(re.escape(text).replace(re.escape("%(name)s"), "(?P<name>.+)"))) for text in english
    ]


class Campaign(models.Model):
    """One version of a survey asked of one group for a while."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    version = models.ForeignKey(
        SurveyVersion, verbose_name=_("survey version"), on_delete=models.PROTECT, related_name="campaigns"
    )
    title = models.CharField(_("title"), max_length=300)
    project = models.ForeignKey(
        "accreditation.AccreditationProject",
        verbose_name=_("accreditation project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_campaigns",
    )
    organization = models.ForeignKey(
        "accreditation.Organization",
        verbose_name=_("education organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_campaigns",
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    # The public link (students, teaching staff); empty when only invitations may answer.
    public_token = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The summary published on the public site (§4.6.1).
    summary = models.TextField(_("published summary"), blank=True)
    summary_published_at = models.DateTimeField(_("summary published"), null=True, blank=True)
    summary_published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("survey campaign")
        verbose_name_plural = _("survey campaigns")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="campaign_dates_ordered"
            )
        ]
        indexes = [models.Index(fields=["status", "closes_on"])]

    def __str__(self) -> str:
        return f"{self.number} {self.localized_title}"

    def get_absolute_url(self) -> str:
        return reverse("surveys:campaign", args=[self.pk])

    @property
    def localized_title(self) -> str:
        """A title the portal gave, in the reader's language; one a person typed, as typed."""
        for english, pattern in _title_patterns():
            if match := pattern.fullmatch(self.title):
                name = match["name"]
                # The organization's own name in the reader's language, when it is at hand.
                organization = self._state.fields_cache.get("organization")
                if organization is not None and name == organization.name:
                    name = organization.localized_name
                return gettext(english) % {"name": name}
        return self.title

    @property
    def survey(self) -> Survey:
        return self.version.survey

    @property
    def anonymous(self) -> bool:
        return self.version.survey.anonymous


class Invitation(models.Model):
    """A personal request to answer, with its own secret link; one answer per invitation."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="invitations")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_invitations",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    # What the answer is about, when it is about someone (the coordinator rates each expert).
    about_expert = models.ForeignKey(
        "accreditation.Expert",
        verbose_name=_("about the expert"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    # Only the day, and never linked to the response when the survey is anonymous.
    answered_on = models.DateField(_("answered"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["campaign", "pk"]
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "person", "about_expert"],
                condition=models.Q(person__isnull=False),
                name="one_invitation_per_person_and_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign.number}: {self.person or self.email}"


class Response(models.Model):
    """One filled-in form. For anonymous surveys: no person, no invitation, a random id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="responses")
    submitted_on = models.DateField(_("submitted"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.PROTECT, related_name="response"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    about_expert = models.ForeignKey(
        "accreditation.Expert", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["campaign", "submitted_on"])]

    def __str__(self) -> str:
        return f"{self.campaign.number} {self.submitted_on:%d.%m.%Y}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.PROTECT, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    number = models.SmallIntegerField(null=True, blank=True)  # Likert 1–5, NPS 0–10
    choices = models.JSONField(default=list, blank=True)  # option values, single or multiple
    text = models.TextField(blank=True)

    MAX_TEXT = 5000

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]
        indexes = [models.Index(fields=["question", "number"])]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.number if self.number is not None else self.text[:40]}"


class SatisfactionTarget(ApprovedTarget):
    """The lowest satisfaction index (0–100 %) a survey should reach in a year (§7.4), proposed
    by the IQAS owner next to the targets of the five KPIs and approved by the Director
    General's signature (§4.1); until approved a proposal has no effect."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    # The approved target, the one in force (empty until the first approval).
    target_percent = models.DecimalField(
        _("at least (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    proposed_percent = models.DecimalField(
        _("proposed: at least (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "survey"]
        verbose_name = _("satisfaction target")
        verbose_name_plural = _("satisfaction targets")
        constraints = [
            models.UniqueConstraint(fields=["survey", "year"], name="one_satisfaction_target_per_year"),
            models.CheckConstraint(
                condition=models.Q(target_percent__gte=0, target_percent__lte=100),
                name="satisfaction_target_is_a_share",
            ),
            models.CheckConstraint(
                condition=models.Q(proposed_percent__gte=0, proposed_percent__lte=100),
                name="satisfaction_proposal_is_a_share",
            ),
        ]

    def __str__(self) -> str:
        shown = self.target_percent if self.target_percent is not None else self.proposed_percent
        return f"{self.survey} {self.year}: ≥ {shown}%"


# The summary rows of the results pages live in their own module (issue 22).
from .summary_models import AnswerTally, ResponseTally  # noqa: E402, F401
