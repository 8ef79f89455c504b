"""People, departments, workflow events and notifications shared by every domain app."""

import datetime
import re

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Values of a stored message that are rendered for the reader: a date (kept as ISO, or as the
# day.month.year older rows hold) in the reader's format, any other text through the catalogue,
# so a choice label or a role stored as its English message id reads in the reader's language.
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")
# A translated row a message names (a document's title, a survey, a process): kept as a
# reference, ``@app.model#pk`` or ``@app.model#pk.localized_title``, and read when shown.
_REF = re.compile(r"@([a-z_]+\.[a-z_]+)#(\d+)(?:\.(localized_\w+))?")
# The key of a message's English plural, and the count that chooses the form.
PLURAL, COUNT = "plural", "n"


def stored(text) -> str:
    """A lazy message (a choice label, a role, a move) as it is stored: its English message id."""
    with translation.override(None):
        return str(text)


def stored_date(day: datetime.date) -> str:
    """A date as a stored message holds it, shown in each reader's own format."""
    return day.isoformat()


def stored_ref(obj: models.Model, attribute: str = "") -> str:
    """A row a stored message names, shown in the reader's language when the message is:
    as ``str(obj)``, or its ``localized_…`` attribute (``stored_ref(document, "localized_title")``)."""
    if attribute and not attribute.startswith("localized_"):
        raise ValueError(f"{attribute}: only a localized_… attribute is read")
    return f"@{obj._meta.label_lower}#{obj.pk}" + (f".{attribute}" if attribute else "")


def _render_ref(match: re.Match) -> str:
    from django.apps import apps

    label, pk, attribute = match.groups()
    try:
        obj = apps.get_model(label).objects.filter(pk=int(pk)).first()
    except LookupError:
        obj = None
    if obj is None:
        return match[0]
    return str(getattr(obj, attribute) if attribute else obj)


def choice_label(choices, value) -> str:
    """A stored choice value as its label in the reader's language: ``choices`` is a
    TextChoices class or a model field with choices; an unknown value is shown as stored."""
    pairs = choices.choices if isinstance(choices, type) else choices.flatchoices
    for key, label in pairs:
        if key == value:
            return str(label)
    return str(value)


def stored_label(choices, value) -> str:
    """A choice value as a stored message keeps it: its label's English message id."""
    with translation.override(None):
        return choice_label(choices, value)


def _render_value(value):
    if not isinstance(value, str) or not value:
        return value
    if match := _REF.fullmatch(value):
        return _render_ref(match)
    if match := _ISO_DATE.fullmatch(value):
        year, month, day = match.groups()
    elif match := _DOTTED_DATE.fullmatch(value):
        day, month, year = match.groups()
    else:
        return gettext(value)
    try:
        return date_format(datetime.date(int(year), int(month), int(day)), "DATE_FORMAT")
    except ValueError:
        return value


def _render_message(message_id: str, params: dict) -> str:
    """A stored message id in the active language, with its values filled in."""
    if params and PLURAL in params:
        try:
            text = ngettext(message_id, params[PLURAL], int(params.get(COUNT, 1)))
        except (TypeError, ValueError):
            text = gettext(message_id)
    else:
        text = gettext(message_id)
    try:
        return text % {k: _render_value(v) for k, v in params.items()} if params else text
    except (KeyError, TypeError, ValueError):
        return message_id


class Department(models.Model):
    """A structural unit of the agency (department, service, office)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    code = models.SlugField(_("code"), max_length=30, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in: agency staff, council member, expert or EO representative."""

    patronymic = models.CharField(_("patronymic"), max_length=150, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language for e-mail"), max_length=5, choices=settings.LANGUAGES, default="ru"
    )
    history = HistoricalRecords(excluded_fields=["last_login", "password"])

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            ("view_role_register", _("Can see who holds which role")),
            ("view_metrics", _("Can read the portal's operational metrics")),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def localized_position(self) -> str:
        """The position as typed, in the reader's language when the catalogue has it (the
        agency's positions are mostly its roles' names)."""
        return gettext(self.position) if self.position else ""


class AppendOnlyRecord(models.Model):
    """A record that is evidence (a signature, a vote, a recusal, a destruction list): written once,
    never changed. ``save()`` refuses an update; on PostgreSQL core's triggers refuse UPDATE and
    DELETE in SQL as well (``APPEND_ONLY``, see core/append_only.py)."""

    APPEND_ONLY = True

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValueError(f"{self._meta.verbose_name} is append-only: it is never changed.")
        super().save(*args, **kwargs)


class WorkflowEvent(models.Model):
    """One step in the life of a controlled record: who moved it, when, from where to where, why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=255)
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    comment = models.TextField(_("comment"), blank=True)
    # The action is kept as its English message id with its values, and shown in the
    # reader's language.
    params = models.JSONField(_("values"), default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow events")

    def __str__(self) -> str:
        return f"{self.label}: {self.from_state} → {self.to_state}"

    @property
    def label(self) -> str:
        return _render_message(self.action, self.params)


class Notification(models.Model):
    """A message to one person, shown in the portal and sent by e-mail."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    # Subject (and body, when it is a message of the portal rather than a person's words) are
    # kept as English message ids with their values and shown in the reader's language.
    subject = models.CharField(_("subject"), max_length=200)
    params = models.JSONField(_("values"), default=dict, blank=True)
    body = models.TextField(_("text"), blank=True)
    body_is_message = models.BooleanField(default=False)
    body_params = models.JSONField(default=dict, blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.subject_text

    @property
    def subject_text(self) -> str:
        return _render_message(self.subject, self.params)

    @property
    def body_text(self) -> str:
        return _render_message(self.body, self.body_params) if self.body_is_message else self.body

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class Sequence(models.Model):
    """A counter for human-readable numbers (NC-2026-0007, STD-012, IAAR IDs); never reused."""

    name = models.CharField(max_length=60, primary_key=True)
    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


class Process(models.Model):
    """A process of the IQAS (§3.1); documents, records, audits, risks and KPIs refer to it."""

    class Group(models.TextChoices):
        DOCUMENTS = "documents", _("Document management")
        MANAGEMENT = "management", _("Management responsibility")
        RESOURCES = "resources", _("Resources")
        MAIN_CYCLE = "main_cycle", _("Main cycle")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("process owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_processes",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "name"]
        verbose_name = _("process")
        verbose_name_plural = _("processes")

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        """The §3.1 names are kept in English and translated in the catalogues; a process an
        admin adds shows as written."""
        return gettext(self.name)


class Criterion(models.Model):
    """An audit criterion (§7.2.2): a section of the manual, an IAAR standard or an ESG standard.
    Audits choose their criteria from this list and build their checklist from its questions;
    nonconformities name the criterion they break, which is how a repeated one is recognized."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Quality manual")
        ESG = "esg", _("ESG")
        STANDARD = "standard", _("IAAR standard")
        LAW = "law", _("Legal requirement")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    reference = models.CharField(_("reference"), max_length=40, help_text=_("For example §7.2.2 or ESG 3.6."))
    title = models.CharField(_("title"), max_length=300)
    question = models.TextField(_("checklist question"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "position", "code"]
        verbose_name = _("audit criterion")
        verbose_name_plural = _("audit criteria")

    def __str__(self) -> str:
        return f"{self.reference} {self.localized_title}"

    @property
    def localized_title(self) -> str:
        return gettext(self.title)

    @property
    def localized_question(self) -> str:
        return gettext(self.question)


class OutboxTask(models.Model):
    """A task that could not be queued because the broker was down. Kept, never deleted:
    ``flush_outbox`` queues it again once the broker is back and records when."""

    name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    dispatched_at = models.DateTimeField(_("queued"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["dispatched_at", "created_at"])]
        verbose_name = _("task waiting for the broker")
        verbose_name_plural = _("tasks waiting for the broker")

    def __str__(self) -> str:
        return self.name
