"""Demo organizations (30) with their programmes (~80), and accreditation projects."""

from guardian.shortcuts import assign_perm
from simple_history.utils import bulk_create_with_history

from . import services
from .models import AccreditationProject, Organization, Programme

U, C, A, M = (
    Organization.Type.UNIVERSITY,
    Organization.Type.COLLEGE,
    Organization.Type.ACADEMY,
    Organization.Type.MEDICAL,
)
HIGHER = ["higher", "postgraduate"]

# English name, Russian name, acronym, type, city, country, levels
ORGANIZATIONS = [
    (
        "Al-Farabi Kazakh National University",
        "Казахский национальный университет имени аль-Фараби",
        "KazNU",
        U,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    (
        "L.N. Gumilyov Eurasian National University",
        "Евразийский национальный университет имени Л.Н. Гумилёва",
        "ENU",
        U,
        "Astana",
        "KZ",
        HIGHER,
    ),
    (
        "Karaganda Medical University",
        "Медицинский университет Караганды",
        "KMU",
        M,
        "Karaganda",
        "KZ",
        HIGHER,
    ),
    ("Almaty College of Communications", "Алматинский колледж связи", "", C, "Almaty", "KZ", ["tvet"]),
    (
        "Kyrgyz State Technical University",
        "Кыргызский государственный технический университет",
        "KSTU",
        U,
        "Bishkek",
        "KG",
        HIGHER,
    ),
    ("Satbayev University", "Satbayev University", "SU", U, "Almaty", "KZ", HIGHER),
    (
        "Kazakh-British Technical University",
        "Казахстанско-Британский технический университет",
        "KBTU",
        U,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    ("Narxoz University", "Университет Нархоз", "", U, "Almaty", "KZ", HIGHER),
    ("Astana Medical University", "Медицинский университет Астана", "AMU", M, "Astana", "KZ", HIGHER),
    (
        "Karaganda Buketov University",
        "Карагандинский университет имени Е.А. Букетова",
        "",
        U,
        "Karaganda",
        "KZ",
        HIGHER,
    ),
    ("Shakarim University of Semey", "Университет имени Шакарима города Семей", "", U, "Semey", "KZ", HIGHER),
    (
        "M. Auezov South Kazakhstan University",
        "Южно-Казахстанский университет имени М. Ауэзова",
        "SKU",
        U,
        "Shymkent",
        "KZ",
        HIGHER,
    ),
    (
        "Kazakh National Agrarian Research University",
        "Казахский национальный аграрный исследовательский университет",
        "KazNARU",
        U,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    (
        "Abai Kazakh National Pedagogical University",
        "Казахский национальный педагогический университет имени Абая",
        "KazNPU",
        U,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    (
        "Pavlodar Pedagogical University",
        "Павлодарский педагогический университет",
        "",
        U,
        "Pavlodar",
        "KZ",
        HIGHER,
    ),
    (
        "Academy of Public Administration",
        "Академия государственного управления",
        "APA",
        A,
        "Astana",
        "KZ",
        ["postgraduate", "additional"],
    ),
    (
        "Kazakh Academy of Sport and Tourism",
        "Казахская академия спорта и туризма",
        "KazAST",
        A,
        "Almaty",
        "KZ",
        HIGHER,
    ),
    ("Astana Polytechnic College", "Астанинский политехнический колледж", "", C, "Astana", "KZ", ["tvet"]),
    (
        "Karaganda Higher Polytechnic College",
        "Карагандинский высший политехнический колледж",
        "",
        C,
        "Karaganda",
        "KZ",
        ["tvet"],
    ),
    ("Shymkent Medical College", "Шымкентский медицинский колледж", "", C, "Shymkent", "KZ", ["tvet"]),
    (
        "Nazarbayev Intellectual School of Almaty",
        "Назарбаев Интеллектуальная школа г. Алматы",
        "NIS",
        Organization.Type.SCHOOL,
        "Almaty",
        "KZ",
        ["secondary"],
    ),
    ("Bishkek State University", "Бишкекский государственный университет", "BSU", U, "Bishkek", "KG", HIGHER),
    ("Osh State University", "Ошский государственный университет", "OshSU", U, "Osh", "KG", HIGHER),
    (
        "Kyrgyz State Medical Academy",
        "Кыргызская государственная медицинская академия",
        "KSMA",
        M,
        "Bishkek",
        "KG",
        HIGHER,
    ),
    (
        "Kyrgyz National Agrarian University",
        "Кыргызский национальный аграрный университет",
        "KNAU",
        U,
        "Bishkek",
        "KG",
        HIGHER,
    ),
    (
        "Bishkek College of Computer Systems",
        "Бишкекский колледж компьютерных систем",
        "",
        C,
        "Bishkek",
        "KG",
        ["tvet"],
    ),
    ("Tashkent Institute of Finance", "Ташкентский финансовый институт", "TFI", A, "Tashkent", "UZ", HIGHER),
    (
        "Samarkand State Medical University",
        "Самаркандский государственный медицинский университет",
        "SamSMU",
        M,
        "Samarkand",
        "UZ",
        HIGHER,
    ),
    (
        "Center for Continuing Professional Education",
        "Центр непрерывного профессионального образования",
        "",
        Organization.Type.OTHER,
        "Astana",
        "KZ",
        ["additional"],
    ),
    ("Turan University", "Университет Туран", "", U, "Almaty", "KZ", HIGHER),
]

PROGRAMMES = {
    U: [
        ("6B01101", "Pedagogy and psychology", "bachelor"),
        ("6B06101", "Information systems", "bachelor"),
        ("7M04101", "Economics", "master"),
        ("8D05301", "Physics", "doctoral"),
    ],
    A: [("6B04101", "Management", "bachelor"), ("7M04102", "Public administration", "master")],
    M: [
        ("6B10101", "General medicine", "bachelor"),
        ("7R01101", "Cardiology", "residency"),
        ("7M10102", "Public health", "master"),
    ],
    C: [
        ("0510000", "Computer engineering", "tvet"),
        ("1304000", "Radio electronics and communications", "tvet"),
    ],
    Organization.Type.SCHOOL: [("SEC-STEM", "General secondary education with a STEM profile", "secondary")],
    Organization.Type.OTHER: [("ADD-QA", "Quality assurance in education (short course)", "additional")],
}

PROJECTS = [
    (0, AccreditationProject.Kind.INSTITUTIONAL, AccreditationProject.Status.SELF_ASSESSMENT),
    (1, AccreditationProject.Kind.SPECIALIZED, AccreditationProject.Status.VISIT),
    (2, AccreditationProject.Kind.SPECIALIZED, AccreditationProject.Status.COUNCIL),
    (3, AccreditationProject.Kind.INSTITUTIONAL, AccreditationProject.Status.APPLICATION),
    (4, AccreditationProject.Kind.PRIMARY_SPECIALIZED, AccreditationProject.Status.POST_MONITORING),
]


def seed(people: dict) -> None:
    pm = people["pm"]
    orgs = []
    for name, name_ru, acronym, org_type, city, country, levels in ORGANIZATIONS:
        org = Organization.objects.filter(name=name).first()
        if org is None:
            org = services.organization_register(
                actor=pm,
                name=name,
                name_en=name,
                name_ru=name_ru,
                acronym=acronym,
                org_type=org_type,
                city=city,
                country=country,
                levels=levels,
            )
            language = ["ky", "ru"] if country == "KG" else ["kk", "ru"]
            for code, title, level in PROGRAMMES.get(org_type, []):
                services.programme_save(
                    organization=org,
                    actor=pm,
                    code=code,
                    name=title,
                    name_en=title,
                    level=level,
                    languages=[*language, "en"] if level != "tvet" else language,
                )
        orgs.append(org)
    for index, kind, status in PROJECTS:
        project, _ = AccreditationProject.objects.get_or_create(
            organization=orgs[index],
            kind=kind,
            defaults={"status": status, "coordinator": people["coordinator"]},
        )
        # The coordinator runs every demo project; the expert sits on the visiting commission.
        assign_perm("accreditation.view_accreditationproject", people["coordinator"], project)
        assign_perm("accreditation.view_organization", people["coordinator"], orgs[index])
        if status in (AccreditationProject.Status.VISIT, AccreditationProject.Status.COUNCIL):
            assign_perm("accreditation.view_accreditationproject", people["expert"], project)
        if status == AccreditationProject.Status.COUNCIL:
            assign_perm("accreditation.view_accreditationproject", people["council"], project)
    # The EO representative speaks for the first university only.
    services.representative_add(organization=orgs[0], actor=pm, user=people["eo"])
    for project in orgs[0].projects.all():
        assign_perm("accreditation.view_accreditationproject", people["eo"], project)


def seed_scale(n: int, *, owner) -> int:
    existing = set(Organization.objects.filter(iaar_id__startswith="B-").values_list("iaar_id", flat=True))
    rows = [
        Organization(iaar_id=f"B-{i:07d}", name=f"Benchmark University {i}", city="Almaty", levels=["higher"])
        for i in range(1, n + 1)
        if f"B-{i:07d}" not in existing
    ]
    bulk_create_with_history(rows, Organization, batch_size=2000)
    return len(rows)


__all__ = ["Programme", "seed", "seed_scale"]
