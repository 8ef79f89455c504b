"""Which education authority an organization's country reports to (§4.2, §4.5.2)."""

from dataclasses import dataclass

from django.conf import settings

from ..models import EducationAuthority


@dataclass(frozen=True)
class Addressee:
    """Whom a notice goes to: the registered authority, or the configured one where none is."""

    name: str
    email: str
    authority: EducationAuthority | None = None


def authority_for(country: str) -> Addressee:
    """The active authority that receives the decisions for ``country``; the one configured in
    the settings (IAAR_EDUCATION_AUTHORITY_NAME/_EMAIL) for a country with none registered."""
    found = (
        EducationAuthority.objects.filter(
            country=(country or "").upper(), active=True, receives_decisions=True
        )
        .order_by("pk")
        .first()
    )
    if found is not None:
        return Addressee(name=found.shown_name(settings.LANGUAGE_CODE), email=found.email, authority=found)
    return Addressee(
        name=settings.IAAR_EDUCATION_AUTHORITY_NAME, email=settings.IAAR_EDUCATION_AUTHORITY_EMAIL
    )


def authorities_for_reports():
    """The authorities a yearly report may be addressed to."""
    return EducationAuthority.objects.filter(active=True).order_by("country", "name")
