from improvement.models import Nonconformity
from improvement.services import nonconformity_raise, nonconformity_transition

# raised by, title, what happened, severity, process, source, correction, accepted for analysis
NONCONFORMITIES = [
    (
        "staff",
        "Self-assessment report accepted without an annex",
        "The self-assessment report of a college was registered without the annex on teaching staff.",
        Nonconformity.Severity.MINOR,
        "self-assessment-review",
        Nonconformity.Source.INTERNAL_REPORT,
        "The college was asked for the annex; the review waits for it.",
        False,
    ),
    (
        "auditor",
        "Expert declarations missing for one commission",
        "Two experts of an external commission visited without a signed no-conflict declaration on file.",
        Nonconformity.Severity.MAJOR,
        "eec-formation",
        Nonconformity.Source.INTERNAL_REPORT,
        "Both experts signed their declarations the next day; the visit report was held back.",
        True,
    ),
    (
        "legal",
        "A complaint was answered after 45 days",
        "A college's complaint about the visit schedule was answered 45 days after it was filed; the "
        "regulation on the appeals commission sets 30.",
        Nonconformity.Severity.MINOR,
        "appeals",
        Nonconformity.Source.COMPLAINT,
        "",
        False,
    ),
]


def seed(people: dict) -> None:
    from core.models import Process
    from improvement.services import capa_advance, capa_open, capa_step_save

    _seed_risks(people)
    _seed_preventive_actions(people)
    seed_kpi_targets(people)
    from demo.purchasing import seed_purchasing

    seed_purchasing(people)
    for who, title, description, severity, process, source, correction, accept in NONCONFORMITIES:
        if Nonconformity.objects.filter(title=title).exists():
            continue
        nc = nonconformity_raise(
            actor=people[who],
            title=title,
            description=description,
            severity=severity,
            source=source,
            process=Process.objects.get(code=process),
            immediate_correction=correction,
        )
        if accept:
            nonconformity_transition(
                nonconformity=nc,
                target=Nonconformity.Status.UNDER_ANALYSIS,
                actor=people["qms"],
                comment="Root-cause analysis assigned to the accreditation department.",
            )
            capa = capa_open(nonconformity=nc, actor=people["qms"], owner=people["pm"])
            capa = capa_step_save(
                capa=capa,
                actor=people["pm"],
                analysis="The declarations are collected on paper at the visit; nobody checks them before.",
            )
            capa_advance(capa=capa, actor=people["pm"])
    from demo.review import seed as seed_reviews

    seed_reviews(people)


# process code, owner, risk, likelihood, impact, measures, residual (likelihood, impact), status
RISKS = [
    (
        "eec-formation",
        "pm",
        "An expert with an undeclared conflict of interest sits on a commission",
        3,
        5,
        "Conflict check against the pool before each proposal; signed declarations.",
        (2, 4),
        "treated",
    ),
    (
        "expert-recruitment",
        "pm",
        "Too few international experts for programme accreditations",
        4,
        3,
        "Agreements with partner agencies in the region.",
        None,
        "open",
    ),
    (
        "eec-work",
        "coordinator",
        "A visit is postponed because the organization is not ready",
        3,
        3,
        "",
        None,
        "open",
    ),
    (
        "council-meetings",
        "secretary",
        "No quorum at a council meeting",
        2,
        4,
        "Online participation allowed by the council's regulation.",
        (1, 4),
        "treated",
    ),
    (
        "appeals",
        "legal",
        "An appeal is answered after the statutory term",
        2,
        4,
        "Due dates on the dashboard and reminders.",
        (1, 3),
        "treated",
    ),
    ("contracting", "legal", "A contract signed with an outdated template", 2, 3, "", None, "open"),
    (
        "self-assessment-review",
        "coordinator",
        "A self-assessment report is accepted incomplete",
        3,
        4,
        "Threshold checklist in the portal.",
        (2, 3),
        "treated",
    ),
    (
        "post-monitoring",
        "coordinator",
        "Yearly monitoring reports are not chased",
        3,
        3,
        "Celery reminders to the organization and the coordinator.",
        (2, 2),
        "treated",
    ),
    (
        "accreditation-planning",
        "pm",
        "Peak of applications in the spring exceeds the staff's capacity",
        4,
        4,
        "",
        None,
        "open",
    ),
    (
        "internal-documents",
        "legal",
        "Staff work from a superseded edition of a procedure",
        2,
        4,
        "Read-and-acknowledge with reminders; old editions withdrawn.",
        (1, 3),
        "treated",
    ),
    (
        "records",
        "qms",
        "Records of a visit are lost when a laptop fails",
        2,
        5,
        "Evidence uploaded to the portal the same day.",
        (1, 4),
        "treated",
    ),
    (
        "archiving",
        "legal",
        "Archived files cannot be found after the retention period",
        2,
        2,
        "",
        None,
        "open",
    ),
    ("standards-development", "pm", "Standards fall behind a revision of the ESG", 2, 5, "", None, "open"),
    ("finance", "qms", "Late payment by organizations delays visits", 3, 2, "", None, "open"),
    (
        "staff-qualification",
        "qms",
        "A coordinator leaves in the middle of a project",
        3,
        4,
        "Two coordinators informed about each project; handover checklist.",
        (2, 3),
        "treated",
    ),
    (
        "infrastructure",
        "qms",
        "The portal is unavailable during a council meeting",
        1,
        5,
        "Health checks and a printed agenda.",
        (1, 3),
        "treated",
    ),
    ("rating", "pm", "A rating is published with an error in the data", 2, 4, "", None, "open"),
    ("training-seminars", "pm", "Seminars are not evaluated by their participants", 3, 2, "", None, "open"),
    (
        "internal-audit",
        "qms",
        "Auditors audit their own process",
        2,
        3,
        "The portal warns and records the reason.",
        (1, 2),
        "treated",
    ),
    (
        "corrective-actions-risks",
        "qms",
        "Corrective actions are closed without checking effectiveness",
        3,
        4,
        "",
        None,
        "open",
    ),
]


def _seed_risks(people: dict) -> None:
    import datetime

    from django.utils import timezone

    from core.models import Process
    from demo.clock import demo_clock
    from improvement.models import Risk
    from improvement.services import risk_record

    if Risk.objects.exists():
        return
    today = timezone.localdate()
    # The register was drawn up in August, before the preventive actions of September; the
    # next reviews are counted from today.
    with demo_clock(datetime.date(2026, 8, 17)):
        for n, (code, owner, title, likelihood, impact, measures, residual, status) in enumerate(RISKS):
            risk_record(
                actor=people["qms"],
                title=title,
                process=Process.objects.get(code=code),
                owner=people[owner],
                likelihood=likelihood,
                impact=impact,
                treatment=measures,
                residual_likelihood=residual[0] if residual else None,
                residual_impact=residual[1] if residual else None,
                review_on=today + datetime.timedelta(days=5 + 11 * n),
                status=status,
            )


# risk title, action owner, action, days from 1 September to its due date, evidence ("" = open)
PREVENTIVE_ACTIONS = [
    (
        "An expert with an undeclared conflict of interest sits on a commission",
        "pm",
        "Check every proposed expert against the pool's declared affiliations.",
        30,
        "Conflict check in the portal used for all commissions since September.",
    ),
    (
        "Too few international experts for programme accreditations",
        "pm",
        "Sign cooperation agreements with two partner agencies.",
        45,
        "",
    ),
    (
        "No quorum at a council meeting",
        "secretary",
        "Add online participation to the regulation on the council.",
        60,
        "",
    ),
    (
        "A visit is postponed because the organization is not ready",
        "coordinator",
        "Hold a readiness call with the organization a month before each visit.",
        40,
        "Readiness calls held for the 6 autumn visits; notes in the project files.",
    ),
    (
        "Too few international experts for programme accreditations",
        "staff",
        "Translate the expert application form into English.",
        100,
        "",
    ),
]


def _seed_preventive_actions(people: dict) -> None:
    """Preventive actions on risks, begun in September: some done, some open, two overdue."""
    import datetime

    from demo.clock import demo_clock
    from improvement.models import Action, Risk
    from improvement.services import action_add, action_complete

    if Action.objects.filter(risk__isnull=False).exists():
        return
    start = datetime.date(2026, 9, 1)
    with demo_clock(start) as clock:
        for title, who, text, days, evidence in PREVENTIVE_ACTIONS:
            risk = Risk.objects.filter(title=title).first()
            if risk is None:
                continue
            action = action_add(
                actor=people["qms"],
                description=text,
                owner=people[who],
                due_on=start + datetime.timedelta(days=days),
                risk=risk,
            )
            if evidence:
                clock.at(start + datetime.timedelta(days=days - 3))
                action_complete(action=action, actor=people[who], evidence=evidence)
                clock.at(start)


def seed_scale(n: int, *, owner) -> int:
    """Benchmark rows for the registers and the quality board: n/10 nonconformities, each with
    a corrective action at some step and three actions (some overdue), and n/50 risks; in bulk."""
    import datetime

    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from simple_history.utils import bulk_create_with_history

    from core.models import Process
    from improvement.models import Action, CorrectiveAction, Risk

    count = n // 10
    if count == 0 or Nonconformity.objects.filter(number__startswith="NC-BENCH-").exists():
        return 0
    today = timezone.localdate()
    processes = list(Process.objects.all())
    people = list(get_user_model().objects.filter(is_active=True, groups__isnull=False).distinct()[:12])
    steps = CorrectiveAction.Step.values
    ncs = bulk_create_with_history(
        [
            Nonconformity(
                number=f"NC-BENCH-{i:06d}",
                title=f"Benchmark nonconformity {i}",
                description="Generated for the benchmark.",
                severity=Nonconformity.Severity.MAJOR if i % 5 == 0 else Nonconformity.Severity.MINOR,
                source=Nonconformity.Source.values[i % len(Nonconformity.Source.values)],
                status=Nonconformity.Status.CLOSED if i % 3 == 0 else Nonconformity.Status.CORRECTIVE_ACTION,
                raised_by=owner,
                owner=people[i % len(people)],
                process=processes[i % len(processes)],
            )
            for i in range(1, count + 1)
        ],
        Nonconformity,
        batch_size=2000,
    )
    ncs = list(Nonconformity.objects.filter(number__startswith="NC-BENCH-").order_by("pk"))
    bulk_create_with_history(
        [
            CorrectiveAction(
                number=f"CA-BENCH-{i:06d}",
                nonconformity=nc,
                owner=nc.owner,
                step=CorrectiveAction.Step.CLOSED
                if nc.status == Nonconformity.Status.CLOSED
                else steps[i % 6],
                analysis="Generated.",
            )
            for i, nc in enumerate(ncs, start=1)
        ],
        CorrectiveAction,
        batch_size=2000,
    )
    capas = list(CorrectiveAction.objects.filter(number__startswith="CA-BENCH-").order_by("pk"))
    for number, capa in enumerate(capas):
        capa.opened_at = timezone.now() - datetime.timedelta(days=number % 400)
    CorrectiveAction.objects.bulk_update(capas, ["opened_at"], batch_size=2000)
    actions = []
    for number, capa in enumerate(capas):
        for k in range(3):
            done = capa.step in ("results", "verification", "closed") or k == 0
            actions.append(
                Action(
                    number=f"ACT-BENCH-{number:06d}-{k}",
                    capa=capa,
                    description="Generated action.",
                    owner=people[(number + k) % len(people)],
                    due_on=today + datetime.timedelta(days=(number % 90) - 45),
                    status=Action.Status.DONE if done else Action.Status.OPEN,
                    evidence="Generated evidence." if done else "",
                    created_by=owner,
                )
            )
    bulk_create_with_history(actions, Action, batch_size=2000)
    risks = bulk_create_with_history(
        [
            Risk(
                number=f"RK-BENCH-{i:06d}",
                title=f"Benchmark risk {i}",
                process=processes[i % len(processes)],
                owner=people[i % len(people)],
                likelihood=1 + i % 5,
                impact=1 + (i // 5) % 5,
                review_on=today + datetime.timedelta(days=i % 365),
                created_by=owner,
            )
            for i in range(1, n // 50 + 1)
        ],
        Risk,
        batch_size=2000,
    )
    return len(ncs) + len(capas) + len(actions) + len(risks)


# The IQAS owner's targets for the indicators of §3.1: the highest share that may fall short.
KPI_TARGETS = {"kpi1": 20, "kpi2": 15, "kpi3": 2, "kpi4": 10, "kpi5": 10}


def seed_kpi_targets(people: dict) -> None:
    """The IQAS owner proposed each year's targets in January and the Director General approved
    them with a signature; this year's KPI 3 target, tightened since, awaits approval."""
    import datetime

    from django.utils import timezone

    from demo.clock import demo_clock
    from demo.people import DEMO_PASSWORD
    from improvement.models import KpiTarget
    from reporting.services import kpi_target_approve, kpi_target_propose

    if KpiTarget.objects.exists():
        return
    this_year = timezone.localdate().year
    for year in (this_year - 1, this_year):
        with demo_clock(datetime.date(year, 1, 12)) as clock:
            proposed = [
                kpi_target_propose(actor=people["qms"], code=code, year=year, target_percent=target)
                for code, target in KPI_TARGETS.items()
            ]
            clock.advance(days=2)
            for target in proposed:
                kpi_target_approve(target=target, actor=people["director"], password=DEMO_PASSWORD)
    with demo_clock(datetime.date(this_year, 3, 2)):
        kpi_target_propose(actor=people["qms"], code="kpi3", year=this_year, target_percent="1.5")
