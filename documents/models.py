"""Controlled documents of the IQAS (§3.2). The full life cycle grows here with the documents issue."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Document(models.Model):
    """An IQAS document under control: manual, policy, standard, regulation, form or record."""

    class Type(models.TextChoices):
        MANUAL = "manual", _("Manual")
        POLICY = "policy", _("Policy")
        STRATEGY = "strategy", _("Strategy")
        STANDARD = "standard", _("Standard")
        GUIDELINE = "guideline", _("Guideline")
        REGULATION = "regulation", _("Regulation")
        PROCEDURE = "procedure", _("Procedure or instruction")
        JOB_DESCRIPTION = "job_description", _("Job description")
        FORM = "form", _("Form or template")
        RECORD = "record", _("Record")
        EXTERNAL = "external", _("External document")
        LEGAL_ACT = "legal_act", _("Legal act")
        REPORT = "report", _("Report")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
        EFFECTIVE = "effective", _("Effective")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ARCHIVED = "archived", _("Archived")

    code = models.CharField(_("code"), max_length=30, unique=True)
    title = models.CharField(_("title"), max_length=300)
    doc_type = models.CharField(_("type"), max_length=30, choices=Type.choices)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.DRAFT)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="owned_documents",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [
            ("review_document", _("Can agree or return a document in review")),
            ("approve_document", _("Can approve a document (Director General)")),
            ("view_all_documents", _("Can see every document, restricted ones included")),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
