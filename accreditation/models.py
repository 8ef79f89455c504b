"""Education organizations and their accreditations (§6). The lifecycle grows here later."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Organization(models.Model):
    """An education organization (EO) that IAAR accredits; known by its IAAR ID number."""

    iaar_id = models.CharField(_("IAAR ID"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=300)
    country = models.CharField(_("country"), max_length=2, default="KZ")
    city = models.CharField(_("city"), max_length=120, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("education organization")
        verbose_name_plural = _("education organizations")

    def __str__(self) -> str:
        return self.name


class AccreditationProject(models.Model):
    """One application for accreditation, run as a project by a coordinator."""

    class Kind(models.TextChoices):
        INSTITUTIONAL = "institutional", _("Institutional")
        SPECIALIZED = "specialized", _("Specialized (programme)")
        PRIMARY_SPECIALIZED = "primary_specialized", _("Primary specialized")

    class Status(models.TextChoices):
        APPLICATION = "application", _("Application")
        THRESHOLD_CHECK = "threshold_check", _("Threshold check")
        CONTRACT = "contract", _("Contract")
        SELF_ASSESSMENT = "self_assessment", _("Self-assessment")
        EEC_FORMATION = "eec_formation", _("EEC formation")
        VISIT = "visit", _("EEC visit")
        EEC_REPORT = "eec_report", _("EEC report")
        COUNCIL = "council", _("Accreditation Council")
        DECIDED = "decided", _("Decided")
        POST_MONITORING = "post_monitoring", _("Post-accreditation monitoring")
        CLOSED = "closed", _("Closed")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="projects"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    status = models.CharField(_("stage"), max_length=30, choices=Status.choices, default=Status.APPLICATION)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coordinated_projects",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("accreditation project")
        verbose_name_plural = _("accreditation projects")
        permissions = [
            ("view_all_accreditations", _("Can see every organization and accreditation project")),
            ("apply_accreditation", _("Can apply for accreditation on behalf of an organization")),
            ("coordinate_project", _("Can run an accreditation project as its coordinator")),
            ("approve_commission", _("Can approve the composition of an expert commission")),
            ("serve_on_commission", _("Can score and report as a member of an expert commission")),
            ("vote_in_council", _("Can vote at the Accreditation Council")),
            ("record_council_decision", _("Can record council decisions and keep the registry")),
            ("sign_certificate", _("Can sign accreditation certificates")),
            ("hear_appeal", _("Can hear appeals and complaints")),
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.get_kind_display()}"
