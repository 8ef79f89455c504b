"""Demo DEQAR fields (issue 16): the council's secretary has filled in what DEQAR asks of the
first published reports: whether the accreditation was part of the obligatory external QA
system (in Kyrgyzstan independent accreditation is required by law; in Kazakhstan it is the
institution's choice), a summary in English (DEQAR's language) and a link to the registry entry
with its name in Russian. Idempotent: a report whose fields are filled already is left as is."""

from django.conf import settings
from django.urls import reverse

from accreditation.models import DeqarStatus, Publication
from registry import services

SUMMARIES = {
    "institutional": (
        "The institution was accredited by IAAR against its standards for institutional "
        "accreditation, which follow Part 1 of the ESG. The external expert panel visited the "
        "institution and found its internal quality assurance system effective."
    ),
    "specialized": (
        "The programme was accredited by IAAR against its standards for programme "
        "accreditation, which follow Part 1 of the ESG. The external expert panel found the "
        "programme's learning outcomes, teaching staff and resources adequate to its level."
    ),
}


def seed(people: dict) -> None:
    secretary = people["secretary"]
    rows = Publication.objects.filter(withdrawn=False).select_related("project__organization").order_by("pk")
    for publication in rows[:6]:
        if publication.summary or publication.report_links:
            continue
        organization = publication.project.organization
        kind = "institutional" if publication.project.kind == "institutional" else "specialized"
        services.deqar_fields_save(
            publication=publication,
            actor=secretary,
            obligation=DeqarStatus.OBLIGATORY if organization.country == "KG" else DeqarStatus.VOLUNTARY,
            summary=SUMMARIES[kind],
            report_links=[
                {
                    "link": settings.SITE_URL + reverse("registry:organization", args=[organization.iaar_id]),
                    "link_display_name": "Запись в реестре НААР",
                }
            ],
        )
