"""DEQAR's vocabulary: how our organizations, programmes and published decisions read in the
terms of EQAR's database (its web API v2 and its submission API / CSV upload).

One place says how each of our values maps to DEQAR's, and the API serializers, the
submission payload and the CSV export all read it from here (docs/DEQAR.md lists the fields).
"""

import datetime

from django.conf import settings
from django.urls import reverse

from accreditation.models import AccreditationProject, Outcome, Programme, Publication, QfEheaLevel

# Our council's outcome → DEQAR's decision value.
DECISIONS = {
    Outcome.ACCREDIT: "positive",
    Outcome.MAINTAIN: "positive",
    Outcome.CONDITIONAL: "positive with conditions or restrictions",
    Outcome.REFUSE: "negative",
    Outcome.SUSPEND: "negative",
    Outcome.REVOKE: "negative",
}
DECISION_VALUES = ("positive", "positive with conditions or restrictions", "negative", "not applicable")

# Our kind of accreditation → the agency's ESG activity, as registered with DEQAR.
ACTIVITIES = {
    AccreditationProject.Kind.INSTITUTIONAL: "institutional accreditation",
    AccreditationProject.Kind.SPECIALIZED: "programme accreditation",
    AccreditationProject.Kind.PRIMARY_SPECIALIZED: "programme accreditation",
}

# Our programme level → its QF-EHEA cycle when staff did not give one.
QF_OF_LEVEL = {
    Programme.Level.BACHELOR: QfEheaLevel.FIRST,
    Programme.Level.MASTER: QfEheaLevel.SECOND,
    Programme.Level.RESIDENCY: QfEheaLevel.SECOND,
    Programme.Level.DOCTORAL: QfEheaLevel.THIRD,
    Programme.Level.TVET: QfEheaLevel.SHORT,
}

# Our two-letter language codes → DEQAR's ISO 639-2 codes.
LANGUAGES = {"ru": "rus", "kk": "kaz", "ky": "kir", "en": "eng"}
# The decision and the EEC report are written in Russian (the council's working language).
FILE_LANGUAGES = ["rus"]

STATUS_VALUES = ("part of obligatory EQA system", "voluntary")


def decision_value(outcome: str) -> str:
    return DECISIONS.get(outcome, "not applicable")


def programme_qf_level(programme) -> str:
    return programme.qf_ehea_level or QF_OF_LEVEL.get(programme.level, "")


def crossborder(organization) -> bool:
    """DEQAR's crossborder: the institution is outside the agency's base country."""
    return organization.country.upper() != settings.DEQAR_BASE_COUNTRY


def agency() -> dict:
    return {"deqar_id": settings.DEQAR_AGENCY_ID, "acronym": settings.DEQAR_AGENCY}


def institution_names(org) -> list[dict]:
    """DEQAR's names[]: the official name with its English name, acronym and transliteration,
    then each other-language name as an alternative name."""
    names = [
        {
            "name_official": org.name,
            "name_english": org.name_en,
            "acronym": org.acronym,
            "name_official_transliterated": org.name_transliterated,
            "name_valid_to": None,
        }
    ]
    for code in ("ru", "kk", "ky"):
        value = getattr(org, f"name_{code}")
        if value and value != org.name:
            names.append({"name": value, "language": LANGUAGES[code]})
    return names


def institution_identifiers(org) -> list[dict]:
    rows = [{"identifier": org.iaar_id, "resource": "local identifier"}]
    if org.national_id:
        rows.append({"identifier": org.national_id, "resource": "national identifier"})
    if org.eter_id:
        rows.append({"identifier": org.eter_id, "resource": "ETER"})
    return rows


def institution_qf_levels(org) -> list[str]:
    levels = {programme_qf_level(p) for p in org.programmes.all()}
    return [level for level, _label in QfEheaLevel.choices if level in levels]


def programme_names(programme) -> list[dict]:
    """Every name of the programme: the primary one, then each language's."""
    names = [{"name": programme.name, "language": ""}]
    for code in ("ru", "kk", "ky", "en"):
        value = getattr(programme, f"name_{code}")
        if value:
            names.append({"name": value, "language": LANGUAGES[code]})
    return names


def report_valid(publication, certificates) -> dict:
    """DEQAR's valid_from/valid_to: the certificates' term, else the decision's date."""
    starts = [c.valid_from for c in certificates]
    ends = [c.valid_until for c in certificates]
    return {
        "valid_from": min(starts) if starts else publication.decision.decided_on,
        "valid_to": max(ends) if ends else None,
    }


def report_files(publication, absolute) -> list[dict]:
    files = [
        {
            "original_location": absolute(reverse("registry:file", args=[publication.pk, "decision"])),
            "display_name": "Decision of the Accreditation Council",
            "report_language": FILE_LANGUAGES,
        }
    ]
    if publication.report_pdf:
        files.append(
            {
                "original_location": absolute(reverse("registry:file", args=[publication.pk, "report"])),
                "display_name": "Report of the external expert commission",
                "report_language": FILE_LANGUAGES,
            }
        )
    return files


def _date(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


def report_links(publication) -> list[dict]:
    """DEQAR's report_links[]: ``link`` (a URL, at most 255 characters) and, when given,
    ``link_display_name`` (at most 200)."""
    rows = []
    for item in publication.report_links or []:
        link = item.get("link", "") if isinstance(item, dict) else str(item)
        if not link:
            continue
        row = {"link": link}
        name = item.get("link_display_name", "") if isinstance(item, dict) else ""
        if name:
            row["link_display_name"] = name
        rows.append(row)
    return rows


def _given(data: dict) -> dict:
    """DEQAR's submission serializers refuse a blank string or a null for an optional field
    (``This field may not be blank.``): an optional value we do not have is left out."""
    return {key: value for key, value in data.items() if value not in ("", None, [])}


def submission(publication: Publication, absolute, certificates) -> dict:
    """The report as DEQAR's submission API takes it (one report, JSON). An update carries the
    DEQAR id stored from the first submission, so DEQAR replaces its report, never adds one.
    Identifiers go as strings: DEQAR's fields refuse a number ("Expected a string")."""
    project = publication.project
    org = project.organization
    valid = report_valid(publication, certificates)
    institution = {
        "identifiers": institution_identifiers(org),
        "name_official": org.name,
        "locations": [_given({"country": org.country, "city": org.city})],
    }
    if org.eter_id:
        institution = {"eter_id": org.eter_id, **institution}
    data = _given(
        {
            "agency": str(settings.DEQAR_AGENCY_ID or settings.DEQAR_AGENCY),
            "local_identifier": publication.local_identifier,
            "activity_local_identifier": project.kind,
            "status": publication.obligation,
            "decision": decision_value(publication.decision.outcome),
            "valid_from": _date(valid["valid_from"]),
            "valid_to": _date(valid["valid_to"]),
            "date_format": "%Y-%m-%d",
            "summary": publication.summary.strip(),
            "report_links": report_links(publication),
            "report_files": report_files(publication, absolute),
            "institutions": [institution],
        }
    )
    programmes = list(project.programmes.all())
    if programmes:
        data["programmes"] = [
            _given(
                {
                    "identifiers": [{"identifier": p.code, "resource": "local identifier"}] if p.code else [],
                    "name_primary": p.name_en or p.name,
                    "alternative_names": [
                        {"name_alternative": n["name"]}
                        for n in programme_names(p)[1:]
                        if n["name"] != (p.name_en or p.name)
                    ],
                    "qf_ehea_level": programme_qf_level(p),
                    "nqf_level": p.nqf_level,
                    "degree_outcome": 1 if p.degree_outcome else 2,
                    "workload_ects": p.workload_ects,
                    "field_study": p.isced_field,
                }
            )
            for p in programmes
        ]
    if publication.deqar_report_id:
        data = {"report_id": str(publication.deqar_report_id), **data}
    return data


# DEQAR's CSV upload (its CSVHandler's column patterns): one row per report; repeated items
# get numbered columns, e.g. file[1].report_language[1], institution[1].country[1].
CSV_COLUMNS = [
    "agency",
    "report_id",
    "local_identifier",
    "activity_local_identifier",
    "status",
    "decision",
    "valid_from",
    "valid_to",
    "date_format",
    "summary",
    "link[1]",
    "link_display_name[1]",
    "link[2]",
    "link_display_name[2]",
    "file[1].original_location",
    "file[1].display_name",
    "file[1].report_language[1]",
    "file[2].original_location",
    "file[2].display_name",
    "file[2].report_language[1]",
    "institution[1].eter_id",
    "institution[1].identifier[1]",
    "institution[1].resource[1]",
    "institution[1].name_official",
    "institution[1].country[1]",
    "institution[1].city[1]",
    "programme[1].identifier[1]",
    "programme[1].resource[1]",
    "programme[1].name_primary",
    "programme[1].qf_ehea_level",
    "programme[1].nqf_level",
    "programme[1].degree_outcome",
    "programme[1].workload_ects",
    "programme[1].field_study",
]


def csv_row(data: dict) -> list:
    """One CSV upload row from a submission payload (an empty cell is a value not given)."""
    values = {k: data.get(k, "") for k in CSV_COLUMNS if "[" not in k}
    for n, link in enumerate((data.get("report_links") or [])[:2], start=1):
        values[f"link[{n}]"] = link.get("link", "")
        values[f"link_display_name[{n}]"] = link.get("link_display_name", "")
    for n, file in enumerate(data["report_files"][:2], start=1):
        values[f"file[{n}].original_location"] = file.get("original_location", "")
        values[f"file[{n}].display_name"] = file.get("display_name", "")
        values[f"file[{n}].report_language[1]"] = (file.get("report_language") or [""])[0]
    institution = data["institutions"][0]
    location = (institution.get("locations") or [{}])[0]
    identifier = (institution.get("identifiers") or [{}])[0]
    values.update(
        {
            "institution[1].eter_id": institution.get("eter_id", ""),
            "institution[1].identifier[1]": identifier.get("identifier", ""),
            "institution[1].resource[1]": identifier.get("resource", ""),
            "institution[1].name_official": institution.get("name_official", ""),
            "institution[1].country[1]": location.get("country", ""),
            "institution[1].city[1]": location.get("city", ""),
        }
    )
    programme = (data.get("programmes") or [{}])[0]
    identifier = (programme.get("identifiers") or [{}])[0]
    values["programme[1].identifier[1]"] = identifier.get("identifier", "")
    values["programme[1].resource[1]"] = identifier.get("resource", "")
    for key in (
        "name_primary",
        "qf_ehea_level",
        "nqf_level",
        "degree_outcome",
        "workload_ects",
        "field_study",
    ):
        values[f"programme[1].{key}"] = programme.get(key, "")
    return ["" if values.get(c) is None else values.get(c, "") for c in CSV_COLUMNS]


def reports(*, organization: str = "", since: datetime.date | None = None):
    """The published decisions DEQAR may receive, with what their payload reads: every one, or
    one organization's (its IAAR ID), or those published on or after ``since``."""
    rows = (
        Publication.objects.filter(withdrawn=False)
        .select_related("project__organization", "decision")
        .prefetch_related("project__programmes", "decision__certificates")
        .order_by("pk")
    )
    if organization:
        rows = rows.filter(project__organization__iaar_id=organization)
    if since:
        rows = rows.filter(published_at__date__gte=since)
    return rows


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def granted(publication) -> list:
    from .selectors import PUBLIC_STATUSES

    return [c for c in publication.decision.certificates.all() if c.status in PUBLIC_STATUSES]


def payload(publication) -> dict:
    return submission(publication, _absolute, granted(publication))


def write_csv(rows, out) -> None:
    import csv

    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for publication in rows:
        writer.writerow(csv_row(payload(publication)))
