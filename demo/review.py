"""Demo management reviews, told through the services at their own dates (demo/clock.py):
last year's review held in January with its input pack, conclusions, the Director General's
signed order and six decisions — three done with evidence, one overdue, two open — and this
year's review planned for next January. Idempotent: a second seeding changes nothing."""

import datetime

from django.utils import timezone

from demo.clock import demo_clock
from demo.people import DEMO_PASSWORD
from improvement.models import ManagementReview, ReviewDecision
from improvement.services import action_complete
from reporting import services

K = ReviewDecision.Kind

OTHER_INPUTS = (
    "The Ministry of Science and Higher Education amended the rules of recognition of "
    "accreditation agencies (order of 14 October): reports are to be published within 30 days "
    "of the council's decision.\n"
    "ESG 2015 remain in force; the EQAR renewal review is due next year.\n"
    "The working group on expert training proposes a yearly refresher for student experts."
)

CONCLUSIONS = (
    "1. Effectiveness of the IQAS: the system is effective. Four of the five KPIs met their "
    "targets; nonconforming purchased services (KPI 5) exceeded the target because of the "
    "printing supplier.\n"
    "2. Services and stakeholders' requirements: organizations are satisfied with the "
    "accreditation procedure; experts ask for earlier visit programmes and a shorter EEC report.\n"
    "3. Internal audits found the effectiveness of corrective actions unchecked in two cases; the "
    "corrective actions are under way.\n"
    "4. Resources: the pool of student experts is too small for the number of visits planned.\n"
    "5. The strategy remains valid; its implementation plan for the new year is to include the KPI "
    "targets and the survey calendar."
)

# Written by the secretary in the agency's working language, as the minutes are.
PARTICIPANTS = (
    "А. Николаев, генеральный директор (председатель); Д. Тулегенова, владелец СВОК (секретарь); "
    "М. Оспанов, руководитель юридического отдела; С. Ахметова, менеджер проектов; "
    "Т. Беков, координатор; З. Касымова, внутренний аудитор."
)

# owner, kind, decision, due (month, day of the review's year + 1), evidence and when it was done
DECISIONS = [
    (
        "qms",
        K.STRATEGY_PLAN,
        "Approve the strategy implementation plan for the year with the KPI targets and the survey calendar.",
        (2, 27),
        ("Plan approved by order 12-OD of 25 February; published on the intranet.", (2, 25)),
    ),
    (
        "auditor",
        K.EFFECTIVENESS,
        "Check the effectiveness of every closed corrective action at the follow-up audit.",
        (6, 30),
        ("Follow-up audit IA-2026-02 checked 4 corrective actions: 3 effective, 1 reopened.", (6, 24)),
    ),
    (
        "coordinator",
        K.SERVICES,
        "Send the visit programme to the experts 30 days before the visit and shorten the EEC report template.",
        (5, 29),
        ("Template 4.2 shortened to 25 pages; programmes sent 30 days ahead since April.", (5, 20)),
    ),
    (
        "pm",
        K.RESOURCES,
        "Recruit and train ten more student experts.",
        (9, 30),
        None,  # overdue: six recruited so far
    ),
    (
        "director",
        K.WORKING_GROUPS,
        "Give the internal audit working group two working days a month for audits.",
        (12, 18),
        None,
    ),
    (
        "legal",
        K.PROCESSES,
        "Move the post-accreditation monitoring reports to the portal's upload and retire the e-mail route.",
        (3, 31, 1),  # the year after
        None,
    ),
]


def _day(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, day)


def seed_kpi_reports() -> None:
    """Last month's and last year's KPI reports, as the schedule would have made and sent them."""
    from improvement.models import KpiReport
    from reporting.selectors.kpi_reports import previous_period
    from reporting.services import kpi_report_make

    for kind in (KpiReport.Kind.MONTHLY, KpiReport.Kind.YEARLY):
        start = previous_period(kind)
        if start.year >= 2000 and not KpiReport.objects.filter(kind=kind, period_start=start).exists():
            kpi_report_make(kind, start)


def seed(people: dict) -> None:
    seed_kpi_reports()
    today = timezone.localdate()
    reviewed = today.year - 1
    if ManagementReview.objects.filter(period_start=_day(reviewed, 1, 1)).exists():
        return
    qms, director = people["qms"], people["director"]
    held_on = min(_day(today.year, 1, 22), today)

    with demo_clock(_day(reviewed, 12, 1)) as clock:
        review = services.review_plan(
            actor=qms,
            period_start=_day(reviewed, 1, 1),
            period_end=_day(reviewed, 12, 31),
            planned_on=held_on,
            chair=director,
        )
        clock.at(held_on - datetime.timedelta(days=10))
        review = services.review_edit(
            review=review, actor=qms, planned_on=held_on, chair=director, other_inputs=OTHER_INPUTS
        )
        review = services.review_inputs_assemble(review=review, actor=qms)
        clock.at(held_on, hour=15)
        review = services.review_hold(
            review=review,
            actor=qms,
            held_on=held_on,
            participants=PARTICIPANTS,
            conclusions=CONCLUSIONS,
        )
        made = []
        for owner, kind, text, due, done in DECISIONS:
            due_on = _day(today.year + (due[2] if len(due) > 2 else 0), due[0], due[1])
            decision = services.decision_add(
                review=review, actor=qms, kind=kind, text=text, owner=people[owner], due_on=due_on
            )
            made.append((decision, done))
        clock.advance(hours=2)
        review = services.order_submit(review=review, actor=qms, order_number="9-OD")
        clock.at(held_on + datetime.timedelta(days=4), hour=11)
        if clock.today <= today:
            review = services.order_sign(review=review, actor=director, password=DEMO_PASSWORD)
        for decision, done in made:
            if done is None or not review.order_signed_at:
                continue
            evidence, (month, day) = done
            moment = _day(today.year, month, day)
            if moment > today:
                continue
            clock.at(moment, hour=16)
            action_complete(action=decision.action, actor=decision.action.owner, evidence=evidence)

    # This year's review, planned in the autumn for next January.
    with demo_clock(min(_day(today.year, 10, 1), today)):
        services.review_plan(
            actor=qms,
            period_start=_day(today.year, 1, 1),
            period_end=_day(today.year, 12, 31),
            planned_on=_day(today.year + 1, 1, 21),
            chair=director,
        )
