from guardian.shortcuts import assign_perm
from simple_history.utils import bulk_create_with_history

from .models import AccreditationProject, Organization

ORGANIZATIONS = [
    ("IAAR-000101", "Al-Farabi Kazakh National University", "Almaty"),
    ("IAAR-000102", "L.N. Gumilyov Eurasian National University", "Astana"),
    ("IAAR-000103", "Karaganda Medical University", "Karaganda"),
    ("IAAR-000104", "Almaty College of Communications", "Almaty"),
    ("IAAR-000105", "Kyrgyz State Technical University", "Bishkek"),
]

PROJECTS = [
    ("IAAR-000101", AccreditationProject.Kind.INSTITUTIONAL, AccreditationProject.Status.SELF_ASSESSMENT),
    ("IAAR-000102", AccreditationProject.Kind.SPECIALIZED, AccreditationProject.Status.VISIT),
    ("IAAR-000103", AccreditationProject.Kind.SPECIALIZED, AccreditationProject.Status.COUNCIL),
    ("IAAR-000104", AccreditationProject.Kind.INSTITUTIONAL, AccreditationProject.Status.APPLICATION),
    (
        "IAAR-000105",
        AccreditationProject.Kind.PRIMARY_SPECIALIZED,
        AccreditationProject.Status.POST_MONITORING,
    ),
]


def seed(people: dict) -> None:
    orgs = {}
    for iaar_id, name, city in ORGANIZATIONS:
        country = "KG" if city == "Bishkek" else "KZ"
        orgs[iaar_id], _ = Organization.objects.get_or_create(
            iaar_id=iaar_id, defaults={"name": name, "city": city, "country": country}
        )
    for iaar_id, kind, status in PROJECTS:
        project, _ = AccreditationProject.objects.get_or_create(
            organization=orgs[iaar_id],
            kind=kind,
            defaults={"status": status, "coordinator": people["coordinator"]},
        )
        # The coordinator runs every demo project; the expert sits on the visiting commission.
        assign_perm("accreditation.view_accreditationproject", people["coordinator"], project)
        assign_perm("accreditation.view_organization", people["coordinator"], orgs[iaar_id])
        if status in (AccreditationProject.Status.VISIT, AccreditationProject.Status.COUNCIL):
            assign_perm("accreditation.view_accreditationproject", people["expert"], project)
        if status == AccreditationProject.Status.COUNCIL:
            assign_perm("accreditation.view_accreditationproject", people["council"], project)
    # The EO representative speaks for the first university only.
    first = orgs["IAAR-000101"]
    assign_perm("accreditation.view_organization", people["eo"], first)
    for project in first.projects.all():
        assign_perm("accreditation.view_accreditationproject", people["eo"], project)


def seed_scale(n: int, *, owner) -> int:
    existing = set(Organization.objects.filter(iaar_id__startswith="B-").values_list("iaar_id", flat=True))
    rows = [
        Organization(iaar_id=f"B-{i:07d}", name=f"Benchmark University {i}", city="Almaty")
        for i in range(1, n + 1)
        if f"B-{i:07d}" not in existing
    ]
    bulk_create_with_history(rows, Organization, batch_size=2000)
    return len(rows)
