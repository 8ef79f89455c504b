"""Demo organizations (30) with their programmes (~80), and accreditation projects."""

from simple_history.utils import bulk_create_with_history

from accreditation import services
from accreditation.models import AccreditationProject, Organization, Programme

U, C, A, M = (
    Organization.Type.UNIVERSITY,
    Organization.Type.COLLEGE,
    Organization.Type.ACADEMY,
    Organization.Type.MEDICAL,
)
HIGHER = ["higher", "postgraduate"]

# Names in Kyrgyz of the Kyrgyz organizations (shown to visitors who read Kyrgyz).
KYRGYZ_NAMES = {
    "Kyrgyz State Technical University": "Кыргыз мамлекеттик техникалык университети",
    "Bishkek State University": "Бишкек мамлекеттик университети",
    "Osh State University": "Ош мамлекеттик университети",
    "Kyrgyz State Medical Academy": "Кыргыз мамлекеттик медициналык академиясы",
    "Kyrgyz National Agrarian University": "Кыргыз улуттук агрардык университети",
    "Bishkek College of Computer Systems": "Бишкек компьютердик системалар колледжи",
}

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

S = AccreditationProject.Status
K = AccreditationProject.Kind

# Organization (by its place in the list above), kind, the stage the demo takes it to.
PROJECTS = [
    (0, K.INSTITUTIONAL, S.POST_MONITORING),
    (1, K.SPECIALIZED, S.VISIT),
    (2, K.SPECIALIZED, S.COUNCIL),
    (3, K.INSTITUTIONAL, S.APPLICATION),
    (4, K.PRIMARY_SPECIALIZED, S.POST_MONITORING),
    (5, K.SPECIALIZED, S.EEC_FORMATION),
    (6, K.SPECIALIZED, S.EEC_REPORT),
    (7, K.INSTITUTIONAL, S.INTERNAL_EXPERTISE),
    (8, K.SPECIALIZED, S.DECIDED),
    (9, K.SPECIALIZED, S.PUBLISHED),  # refused, and appealed
    (10, K.INSTITUTIONAL, S.THRESHOLD_CHECK),
    (11, K.SPECIALIZED, S.CONTRACT),
    (12, K.INSTITUTIONAL, S.SELF_ASSESSMENT),
]
EXPERTS = [
    ("expert", "academic", "Information technology", "Astana", "L.N. Gumilyov Eurasian National University"),
    ("expert2", "employer", "Engineering and industry", "Pavlodar", "Kazakhmys Corporation"),
    ("expert3", "student", "Student representative", "Shymkent", "M. Auezov South Kazakhstan University"),
]


def _cast(people: dict):
    import datetime

    from accreditation.models import Expert
    from demo.walkthrough import Cast

    experts = []
    for username, category, field, city, employer in EXPERTS:
        expert = Expert.objects.filter(user=people[username]).first() or services.expert_save(
            actor=people["pm"],
            user=people[username],
            category=category,
            field=field,
            languages=["ru", "kk", "en"],
            country="KZ",
            city=city,
            employer=employer,
            ethics_accepted_on=datetime.date(2025, 9, 1),
        )
        if not expert.trainings.exists():
            services.training_add(
                expert=expert,
                actor=people["pm"],
                title="IAAR seminar for external experts",
                completed_on=datetime.date(2025, 10, 15),
            )
        experts.append(expert)
    from demo.people import DEMO_PASSWORD

    return Cast(
        pm=people["pm"],
        coordinator=people["coordinator"],
        rep=people["eo"],
        director=people["director"],
        secretary=people["secretary"],
        experts=experts,
        council=[people[f"council{n}" if n > 1 else "council"] for n in range(1, 6)],
        password=DEMO_PASSWORD,
    )


def seed(people: dict) -> None:
    """Organizations and programmes, then projects taken through the real services to every
    stage: their timelines, commissions, votes, certificates and publications are genuine."""
    import datetime

    from django.utils import timezone

    from accreditation.models import MonitoringTask
    from demo.walkthrough import drive

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
                name_ky=KYRGYZ_NAMES.get(name, ""),
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
    if AccreditationProject.objects.exists():
        return
    cast = _cast(people)
    rep = people["eo"]
    for index, kind, stage in PROJECTS:
        org = orgs[index]
        # Each organization has its representative; the demo "eo" login speaks for several.
        services.representative_add(organization=org, actor=pm, user=rep)
        cast.rep = type(rep).objects.get(pk=rep.pk)
        programmes = list(org.programmes.all()[:2]) if kind != K.INSTITUTIONAL else []
        project = services.project_apply(
            actor=cast.rep,
            organization=org,
            kind=kind,
            level=org.levels[0] if org.levels else "higher",
            programmes=programmes,
            note="Demo application.",
        )
        cast.votes = ["refuse", "refuse", "refuse", "accredit_1", "refuse"] if index == 9 else []
        if stage == S.PUBLISHED:
            drive(project, cast, S.DECIDED)
            services.publish(project=project, actor=cast.secretary)
        elif stage == S.EEC_FORMATION:
            drive(project, cast, S.EEC_FORMATION)
            _propose_commission(project, cast)
        elif stage == S.EEC_REPORT:
            drive(project, cast, S.EEC_REPORT)
            _experts_score(project, cast)
        else:
            drive(project, cast, stage)
    _registry_history(orgs, cast)
    # The organization under monitoring has its first annual report due in twelve days.
    first = MonitoringTask.objects.filter(project__organization=orgs[0]).order_by("due_on").first()
    if first is not None:
        first.due_on = timezone.localdate() + datetime.timedelta(days=12)
        first.save()
    # The refused university appeals.
    refused = AccreditationProject.objects.get(organization=orgs[9])
    services.appeal_file(
        actor=cast.rep,
        project=refused,
        subject="Appeal against the refusal of accreditation",
        text="The commission did not consider the annexes on the teaching staff (annex 4).",
    )
    services.complaint_file(
        name="Dana Seitkali",
        email="dana.seitkali@example.kz",
        subject="No answer to our letter",
        text="We wrote to the agency on 3 November about the visit schedule and had no answer.",
    )
    # An open council meeting: the project waiting for the council is on its agenda.
    waiting = AccreditationProject.objects.get(organization=orgs[2])
    meeting = services.meeting_create(
        actor=cast.secretary,
        number=f"AC-{timezone.localdate():%Y}-12",
        date=timezone.localdate(),
        place="Astana, IAAR",
        members=cast.council,
    )
    services.agenda_add(meeting=meeting, actor=cast.secretary, project=waiting)
    services.attendance_record(
        meeting=meeting, actor=cast.secretary, present_ids=[m.pk for m in cast.council]
    )
    services.meeting_open(meeting=meeting, actor=cast.secretary)
    services.vote_cast(item=meeting.items.get(), actor=cast.council[1], choice="accredit_5")


# Earlier cycles, so the public registry has a history: (organization, kind, years ago, term in
# years, what became of it). An accreditation whose term has run out reads "expired".
HISTORY = [
    (0, K.INSTITUTIONAL, 7, 5, "valid"),  # Al-Farabi: the previous cycle, expired
    (13, K.INSTITUTIONAL, 2, 7, "valid"),
    (14, K.SPECIALIZED, 3, 5, "valid"),
    (15, K.INSTITUTIONAL, 6, 5, "valid"),  # expired
    (16, K.SPECIALIZED, 1, 3, "valid"),
    (17, K.INSTITUTIONAL, 4, 7, "suspended"),
    (18, K.SPECIALIZED, 2, 5, "valid"),
    (19, K.INSTITUTIONAL, 5, 5, "revoked"),
    (20, K.SPECIALIZED, 8, 5, "valid"),  # expired
    (21, K.INSTITUTIONAL, 1, 5, "refused"),
    (22, K.SPECIALIZED, 2, 3, "valid"),
    (23, K.INSTITUTIONAL, 3, 7, "valid"),
]


def _registry_history(orgs, cast) -> None:
    """Published council decisions of earlier years with their certificates and decision PDFs."""
    import datetime
    import hashlib
    import uuid

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from accreditation.models import AgendaItem, Certificate, CouncilMeeting, Decision, Outcome, Publication
    from accreditation.pdf import decision_pdf

    today = timezone.localdate()
    for number, (index, kind, years_ago, term, fate) in enumerate(HISTORY):
        if index >= len(orgs):
            continue
        org = orgs[index]
        day = today.replace(year=today.year - years_ago, day=min(today.day, 28)) - datetime.timedelta(
            days=40 * number
        )
        refused = fate == "refused"
        project = AccreditationProject.objects.create(
            organization=org,
            kind=kind,
            level=org.levels[0] if org.levels else "higher",
            status=AccreditationProject.Status.CLOSED
            if refused or day.replace(year=day.year + term) < today
            else AccreditationProject.Status.POST_MONITORING,
            project_manager=cast.pm,
            coordinator=cast.coordinator,
        )
        programmes = list(org.programmes.all()[:2]) if kind == K.SPECIALIZED else []
        project.programmes.set(programmes)
        meeting, _created = CouncilMeeting.objects.get_or_create(
            number=f"AC-{day:%Y-%m}",
            defaults={"date": day, "place": "Astana, IAAR", "secretary": cast.secretary, "status": "closed"},
        )
        item = AgendaItem.objects.create(meeting=meeting, project=project, state=AgendaItem.State.DECIDED)
        decision = Decision.objects.create(
            project=project,
            item=item,
            outcome=Outcome.REFUSE if refused else Outcome.ACCREDIT,
            years=None if refused else term,
            decided_on=day,
            votes_for=4,
            votes_cast=5,
            recorded_by=cast.secretary,
        )
        for programme in programmes or ([None] if not refused else []):
            certificate = Certificate(
                number=services.certificate_number(kind, day.year),
                token=uuid.uuid4(),
                project=project,
                decision=decision,
                organization=org,
                programme=programme,
                kind=kind,
                valid_from=day,
                valid_until=day.replace(year=day.year + term),
                status=fate,
                signed_by=cast.director,
                signer_name=cast.director.get_full_name(),
                signed_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(15))),
            )
            certificate.content_sha256 = hashlib.sha256(certificate.number.encode()).hexdigest()
            certificate.save()
        publication = Publication(
            project=project,
            decision=decision,
            published_by=cast.secretary,
            authority_notice=f"Notice of the council's decision of {day:%d.%m.%Y}.",
        )
        pdf = decision_pdf(decision)
        publication.decision_pdf.save(f"decision-{org.iaar_id}-{day:%Y}.pdf", ContentFile(pdf), save=False)
        publication.save()


def _experts_score(project, cast) -> None:
    """The members have scored; the chair has yet to consolidate and write the report."""
    from accreditation import selectors
    from accreditation.models import Score

    scale = [Score.STRONG, Score.SATISFACTORY, Score.SATISFACTORY, Score.IMPROVE, Score.SATISFACTORY]
    criteria = selectors.criteria_of(project)
    for n, expert in enumerate(cast.experts):
        services.scores_save(
            project=project,
            actor=expert.user,
            scores={c.pk: scale[(i * 3 + n) % len(scale)] for i, c in enumerate(criteria)},
        )


def _propose_commission(project, cast) -> None:
    from accreditation.conflicts import conflicts_for
    from accreditation.models import CommissionMember

    for number, expert in enumerate(cast.experts):
        warnings = conflicts_for(expert, project)
        services.member_add(
            project=project,
            actor=cast.coordinator,
            expert=expert,
            role=CommissionMember.Role.CHAIR if number == 0 else CommissionMember.Role.MEMBER,
            conflict_note="Checked: no real conflict." if warnings else "",
        )
    services.commission_propose(project=project, actor=cast.coordinator)


SCALE_FIELDS = (
    ("Computer science", "Информатика"),
    ("Pedagogy and psychology", "Педагогика и психология"),
    ("General medicine", "Общая медицина"),
    ("Jurisprudence", "Юриспруденция"),
    ("Economics", "Экономика"),
    ("Civil engineering", "Строительство"),
    ("Chemical technology", "Химическая технология"),
    ("Journalism", "Журналистика"),
)
SCALE_CITIES = (
    ("KZ", "Almaty"),
    ("KZ", "Astana"),
    ("KZ", "Shymkent"),
    ("KG", "Bishkek"),
    ("KZ", "Karaganda"),
)


def _scale_pdf() -> str:
    """One small real PDF that every generated publication points to."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from weasyprint import HTML

    name = "published/bench/decision.pdf"
    if not default_storage.exists(name):
        pdf = HTML(string="<h1>Benchmark decision</h1><p>Generated by seed_demo --scale.</p>").write_pdf()
        name = default_storage.save(name, ContentFile(pdf))
    return name


def seed_scale(n: int, *, owner) -> int:
    """Benchmark rows for the public registry: n organizations, each with two programmes and
    one published decision of the Accreditation Council (every third one a specialized
    accreditation of both programmes), its certificates (some expired, suspended or revoked),
    spread over ten years of monthly council meetings. Made in bulk; idempotent."""
    import datetime

    from django.utils import timezone

    from accreditation.models import (
        CouncilMeeting,
    )

    existing = set(Organization.objects.filter(iaar_id__startswith="B-").values_list("iaar_id", flat=True))
    wanted = [i for i in range(1, n + 1) if f"B-{i:07d}" not in existing]
    if not wanted:
        return 0
    today = timezone.localdate()
    meetings = {}
    for m in range(120):
        day = today - datetime.timedelta(days=30 * m + 1)
        meeting, _created = CouncilMeeting.objects.get_or_create(
            number=f"B-AC-{m:03d}",
            defaults={
                "date": day,
                "place": "Astana",
                "secretary": owner,
                "status": CouncilMeeting.Status.CLOSED,
            },
        )
        meetings[m] = meeting
    decision_pdf = _scale_pdf()
    made = 0
    for start in range(0, len(wanted), 5000):
        made += _scale_batch(wanted[start : start + 5000], owner, meetings, decision_pdf)
    from django.db import connection

    if connection.vendor == "postgresql":  # fresh statistics, or the planner guesses from empty tables
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return made


def _scale_batch(numbers: list[int], owner, meetings, decision_pdf: str) -> int:
    import datetime
    import uuid

    from django.db import transaction
    from django.utils import timezone

    from accreditation.models import AgendaItem, Certificate, Decision, Outcome, Publication, search_text_of

    Kind = AccreditationProject.Kind
    with transaction.atomic():
        organizations = []
        for i in numbers:
            country, city = SCALE_CITIES[i % len(SCALE_CITIES)]
            org = Organization(
                iaar_id=f"B-{i:07d}",
                name=f"Benchmark University {i}",
                name_ru=f"Университет бенчмарка {i}",
                name_en=f"Benchmark University {i}",
                acronym=f"BU{i}",
                country=country,
                city=city,
                levels=["higher"],
            )
            org.search_text = search_text_of(org)
            organizations.append(org)
        organizations = bulk_create_with_history(organizations, Organization, batch_size=2000)
        organizations = list(Organization.objects.filter(iaar_id__in=[o.iaar_id for o in organizations]))
        programmes = []
        for org in organizations:
            i = int(org.iaar_id[2:])
            for k in range(2):
                name, name_ru = SCALE_FIELDS[(i + k) % len(SCALE_FIELDS)]
                programme = Programme(
                    organization=org,
                    code=f"6B{(i + k) % 100:02d}{k}{i % 1000:03d}",
                    name=name,
                    name_ru=name_ru,
                    name_en=name,
                    level=Programme.Level.BACHELOR if k == 0 else Programme.Level.MASTER,
                    languages=["ru", "kk"],
                )
                programme.search_text = search_text_of(programme)
                programmes.append(programme)
        bulk_create_with_history(programmes, Programme, batch_size=2000)
        by_org: dict[int, list[Programme]] = {}
        for programme in Programme.objects.filter(organization__in=organizations).order_by("code"):
            by_org.setdefault(programme.organization_id, []).append(programme)

        projects = []
        for org in organizations:
            i = int(org.iaar_id[2:])
            kind = Kind.SPECIALIZED if i % 3 == 0 else Kind.INSTITUTIONAL
            projects.append(
                AccreditationProject(
                    organization=org,
                    kind=kind,
                    level="higher",
                    status=AccreditationProject.Status.PUBLISHED,
                    project_manager=owner,
                )
            )
        projects = bulk_create_with_history(projects, AccreditationProject, batch_size=2000)
        projects = list(
            AccreditationProject.objects.filter(organization__in=organizations).select_related("organization")
        )
        links = [
            AccreditationProject.programmes.through(accreditationproject_id=p.pk, programme_id=prog.pk)
            for p in projects
            if p.kind == Kind.SPECIALIZED
            for prog in by_org[p.organization_id]
        ]
        AccreditationProject.programmes.through.objects.bulk_create(links, batch_size=5000)

        items = []
        for project in projects:
            i = int(project.organization.iaar_id[2:])
            items.append(
                AgendaItem(meeting=meetings[i % 120], project=project, state=AgendaItem.State.DECIDED)
            )
        bulk_create_with_history(items, AgendaItem, batch_size=2000)
        item_of = dict(AgendaItem.objects.filter(project__in=projects).values_list("project_id", "pk"))

        decisions = []
        for project in projects:
            i = int(project.organization.iaar_id[2:])
            years = (1, 3, 5, 7)[i % 4]
            decisions.append(
                Decision(
                    project=project,
                    item_id=item_of[project.pk],
                    outcome=Outcome.ACCREDIT,
                    years=years,
                    decided_on=meetings[i % 120].date,
                    votes_for=9,
                    votes_cast=11,
                    recorded_by=owner,
                )
            )
        bulk_create_with_history(decisions, Decision, batch_size=2000)
        decisions = list(
            Decision.objects.filter(project__in=projects).select_related("project__organization")
        )

        publications = [
            Publication(
                project=d.project,
                decision=d,
                published_by=owner,
                decision_pdf=decision_pdf,
                authority_notice="Generated for the benchmark.",
            )
            for d in decisions
        ]
        bulk_create_with_history(publications, Publication, batch_size=2000)

        certificates = []
        for d in decisions:
            org = d.project.organization
            i = int(org.iaar_id[2:])
            status = Certificate.Status.VALID
            if i % 97 == 0:
                status = Certificate.Status.REVOKED
            elif i % 89 == 0:
                status = Certificate.Status.SUSPENDED
            until = d.decided_on + datetime.timedelta(days=365 * d.years)
            targets = by_org[org.pk] if d.project.kind == Kind.SPECIALIZED else [None]
            for k, programme in enumerate(targets):
                certificates.append(
                    Certificate(
                        number=f"B-{i:07d}-{k}",
                        token=uuid.uuid4(),
                        project=d.project,
                        decision=d,
                        organization=org,
                        programme=programme,
                        kind=d.project.kind,
                        valid_from=d.decided_on,
                        valid_until=until,
                        status=status,
                        signed_by=owner,
                        signer_name="Benchmark signer",
                        signed_at=timezone.now(),
                        content_sha256="0" * 64,
                    )
                )
        bulk_create_with_history(certificates, Certificate, batch_size=2000)
    from registry import cache as registry

    registry.changed()
    return len(organizations)


__all__ = ["Programme", "seed", "seed_scale"]
