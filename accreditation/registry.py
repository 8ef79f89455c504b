"""The public registry (§6.5.1): what IAAR has published, read without signing in.

Only published decisions and signed certificates appear; drafts, cancelled certificates and
withdrawn publications never do. Every read here is for an anonymous visitor.
"""

from django import forms
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import AccreditationProject, Certificate, EducationLevel, Organization, Publication

PUBLIC_STATUSES = (Certificate.Status.VALID, Certificate.Status.SUSPENDED, Certificate.Status.REVOKED)
STATUS_CHOICES = [
    ("valid", _("Valid")),
    ("expired", _("Expired")),
    ("suspended", _("Suspended")),
    ("revoked", _("Revoked")),
]
SORTS = {
    "name": ("organization__name", "programme__code"),
    "-valid_until": ("-valid_until", "organization__name"),
    "valid_until": ("valid_until", "organization__name"),
    "-decided": ("-decision__decided_on", "organization__name"),
}


def public_status(certificate: Certificate, today=None) -> str:
    """What the registry says: a valid certificate past its term is expired, never valid."""
    today = today or timezone.localdate()
    if certificate.status == Certificate.Status.VALID and certificate.valid_until < today:
        return "expired"
    return certificate.status


def certificates() -> QuerySet[Certificate]:
    return Certificate.objects.filter(
        status__in=PUBLIC_STATUSES,
        decision__publication__isnull=False,
        decision__publication__withdrawn=False,
    ).select_related("organization", "programme", "decision", "decision__publication")


class RegistryFilter(forms.Form):
    q = forms.CharField(label=_("Name, acronym, IAAR ID or programme code"), required=False, max_length=200)
    country = forms.RegexField(label=_("Country"), regex=r"^[A-Za-z]{2}$", required=False, max_length=2)
    city = forms.CharField(label=_("City"), required=False, max_length=120)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any")), *AccreditationProject.Kind.choices]
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Any")), *EducationLevel.choices]
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any")), *STATUS_CHOICES])
    year = forms.IntegerField(label=_("Year of decision"), required=False, min_value=2000, max_value=2100)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("name", _("Name")),
            ("-valid_until", _("Valid longest first")),
            ("valid_until", _("Expiring first")),
            ("-decided", _("Newest decisions first")),
        ],
    )


def search(data) -> tuple[QuerySet[Certificate], RegistryFilter]:
    """Filter the registry from a query string; invalid values are reported and ignored."""
    form = RegistryFilter(data)
    form.is_valid()
    values = {k: v for k, v in getattr(form, "cleaned_data", {}).items() if v not in ("", None)}
    rows = certificates()
    today = timezone.localdate()
    if "q" in values:
        term = values["q"].strip()
        rows = rows.filter(
            Q(organization__name__icontains=term)
            | Q(organization__name_ru__icontains=term)
            | Q(organization__name_kk__icontains=term)
            | Q(organization__name_en__icontains=term)
            | Q(organization__acronym__iexact=term)
            | Q(organization__iaar_id__iexact=term)
            | Q(programme__code__iexact=term)
            | Q(programme__name__icontains=term)
            | Q(number__iexact=term)
        )
    if "country" in values:
        rows = rows.filter(organization__country=values["country"].upper())
    if "city" in values:
        rows = rows.filter(organization__city__iexact=values["city"].strip())
    if "kind" in values:
        rows = rows.filter(kind=values["kind"])
    if "level" in values:
        rows = rows.filter(project__level=values["level"])
    if "year" in values:
        rows = rows.filter(decision__decided_on__year=values["year"])
    status = values.get("status")
    if status == "valid":
        rows = rows.filter(status=Certificate.Status.VALID, valid_until__gte=today)
    elif status == "expired":
        rows = rows.filter(status=Certificate.Status.VALID, valid_until__lt=today)
    elif status in ("suspended", "revoked"):
        rows = rows.filter(status=status)
    return rows.order_by(*SORTS.get(values.get("sort", "name"), SORTS["name"]), "pk"), form


def organization_get(iaar_id: str) -> Organization:
    """An organization the registry shows: one with at least one publication."""
    return get_object_or_404(
        Organization.objects.filter(
            iaar_id=iaar_id, projects__publications__isnull=False, projects__publications__withdrawn=False
        ).distinct()
    )


def organization_page(organization: Organization) -> dict:
    publications = (
        Publication.objects.filter(project__organization=organization, withdrawn=False)
        .select_related("decision__item__meeting", "project")
        .prefetch_related("project__programmes")
        .order_by("-decision__decided_on", "-pk")
    )
    rows = list(certificates().filter(organization=organization).order_by("-valid_from", "number"))
    today = timezone.localdate()
    for certificate in rows:
        certificate.public_status = public_status(certificate, today)
    return {"organization": organization, "publications": publications, "certificates": rows}


def _issued() -> QuerySet[Certificate]:
    """Certificates that exist for the public: signed, whatever became of them since."""
    return Certificate.objects.exclude(
        status__in=(Certificate.Status.DRAFT, Certificate.Status.CANCELLED)
    ).select_related("organization", "programme", "decision")


def certificate_by_number(number: str) -> Certificate | None:
    return _issued().filter(number__iexact=number.strip()[:40]).first()


def certificate_by_token(token) -> Certificate | None:
    """The first certificates' QR codes carry a code instead of the number."""
    return _issued().filter(token=token).first()


def publication_get(pk: int) -> Publication:
    return get_object_or_404(
        Publication.objects.select_related("project__organization"), pk=pk, withdrawn=False
    )
