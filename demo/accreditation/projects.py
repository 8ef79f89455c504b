"""The demo's accreditation projects, each taken to its stage, and the registry's history."""

from accreditation import services
from accreditation.models import AccreditationProject, Organization
from accreditation.services.projects import project_number_next

from .organizations import (
    ECTS_OF_LEVEL,
    ETER_IDS,
    ISCED_OF_PROGRAMME,
    KYRGYZ_NAMES,
    NQF_OF_LEVEL,
    ORGANIZATIONS,
    PROGRAMME_NAMES,
    PROGRAMMES,
)

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
                eter_id=ETER_IDS.get(acronym, ""),
            )
            language = ["ky", "ru"] if country == "KG" else ["kk", "ru"]
            for code, title, level in PROGRAMMES.get(org_type, []):
                services.programme_save(
                    organization=org,
                    actor=pm,
                    code=code,
                    name=title,
                    name_en=title,
                    **dict(
                        zip(("name_ru", "name_kk", "name_ky"), PROGRAMME_NAMES.get(title, ()), strict=False)
                    ),
                    level=level,
                    languages=[*language, "en"] if level != "tvet" else language,
                    isced_field=ISCED_OF_PROGRAMME.get(code, ""),
                    workload_ects=ECTS_OF_LEVEL.get(level),
                    nqf_level=NQF_OF_LEVEL.get(level, ""),
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
    from accreditation.services.projects import accreditation_record_class

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
            number=project_number_next(day.year),
            organization=org,
            kind=kind,
            level=org.levels[0] if org.levels else "higher",
            status=AccreditationProject.Status.CLOSED
            if refused or day.replace(year=day.year + term) < today
            else AccreditationProject.Status.POST_MONITORING,
            project_manager=cast.pm,
            coordinator=cast.coordinator,
            record_class=accreditation_record_class(),
        )
        # The application came in about half a year before the decision, not at seeding time.
        project.created_at = timezone.make_aware(
            datetime.datetime.combine(day - datetime.timedelta(days=180), datetime.time(10))
        )
        project.save(update_fields=["created_at"])
        programmes = list(org.programmes.all()[:2]) if kind == K.SPECIALIZED else []
        project.programmes.set(programmes)
        meeting, _created = CouncilMeeting.objects.get_or_create(
            number=f"AC-{day:%Y-%m}",
            defaults={"date": day, "place": "Astana, IAAR", "secretary": cast.secretary, "status": "closed"},
        )
        item = AgendaItem.objects.create(meeting=meeting, project=project, state=AgendaItem.State.DECIDED)
        _votes_of_the_past(meeting, item, cast, "refuse" if refused else f"accredit_{term}", "conditional")
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
        publication.decision_sha256 = hashlib.sha256(pdf).hexdigest()
        publication.decision_pdf.save(f"decision-{org.iaar_id}-{day:%Y}.pdf", ContentFile(pdf), save=False)
        publication.save()
        # Published ten days after the meeting (§6.5.1), as the registry's history has it.
        publication.published_at = timezone.make_aware(
            datetime.datetime.combine(day + datetime.timedelta(days=10), datetime.time(11))
        )
        publication.save(update_fields=["published_at"])
        if fate in ("suspended", "revoked"):
            # A certificate is suspended or revoked only by a later council decision (§6.5.2):
            # the monitoring meeting that took it, half-way through the term.
            later = min(day + datetime.timedelta(days=365 * term // 2), today - datetime.timedelta(days=30))
            review, _created = CouncilMeeting.objects.get_or_create(
                number=f"AC-{later:%Y-%m}",
                defaults={
                    "date": later,
                    "place": "Astana, IAAR",
                    "secretary": cast.secretary,
                    "status": "closed",
                },
            )
            later_item = AgendaItem.objects.create(
                meeting=review, project=project, state=AgendaItem.State.DECIDED
            )
            _votes_of_the_past(
                review, later_item, cast, "suspend" if fate == "suspended" else "revoke", "maintain"
            )
            Decision.objects.create(
                project=project,
                item=later_item,
                outcome=Outcome.SUSPEND if fate == "suspended" else Outcome.REVOKE,
                decided_on=review.date,
                votes_for=4,
                votes_cast=5,
                recorded_by=cast.secretary,
            )


def _votes_of_the_past(meeting, item, cast, winner: str, dissent: str) -> None:
    """An earlier meeting as its minutes have it: the five members present, four votes for the
    decision and one against (the decision records 4 of 5), so its page does not say "0 of 0"."""
    from accreditation.models import CouncilAttendance, Vote

    if winner not in dict(Vote.CHOICES):
        winner = "accredit_5"
    for number, member in enumerate(cast.council):
        CouncilAttendance.objects.get_or_create(meeting=meeting, member=member, defaults={"present": True})
        Vote.objects.create(
            item=item, member=member, choice=dissent if number == len(cast.council) - 1 else winner
        )


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
