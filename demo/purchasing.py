"""Demo data of the purchasing register (§6.4): four suppliers, their contracts and a year and a
half of incoming inspections, two of them nonconforming (each raising a nonconformity), all
recorded by the IQAS owner through the services at their own dates."""

import datetime

from django.utils import timezone

from demo.clock import demo_clock
from improvement.models import IncomingInspection, Supplier
from improvement.services import contract_record, inspection_record, supplier_record, supplier_update

D = datetime.date
OK = IncomingInspection.Result.CONFORMING
NOT_OK = IncomingInspection.Result.NONCONFORMING

# name, supplies, contact, requirements, added on
SUPPLIERS = [
    (
        "Polygraph Service LLP",
        "Printing of certificates, reports and handouts",
        "Astana, Kenesary St 40 · +7 7172 55 01 20 · order@polygraph.kz",
        "Certificate blanks on security paper with a serial number; proofs approved before the run; "
        "delivery within 10 working days.",
        D(2025, 1, 20),
    ),
    (
        "Steppe Cloud JSC",
        "Hosting of the portal and the document archive",
        "support@steppecloud.kz · 24/7 line +7 727 300 40 40",
        "Data kept in Kazakhstan; availability 99.5% a month; daily backups kept 30 days; incidents "
        "reported within 4 hours.",
        D(2025, 1, 27),
    ),
    (
        "Lingua Pro Translation Agency",
        "Translation of reports and standards (Kazakh, Russian, English)",
        "Almaty, Abay Ave 52 · projects@linguapro.kz",
        "Certified translators; the agency's glossary used; confidentiality undertaking signed; "
        "a second translator proofreads.",
        D(2025, 2, 3),
    ),
    (
        "Silk Road Events LLP",
        "Venues and catering for training seminars of experts",
        "events@silkroad-events.kz · +7 701 555 12 12",
        "Hall for 60 with projector and sound; coffee breaks and lunch as ordered; accessible entrance.",
        D(2025, 2, 10),
    ),
]

# number, supplier, subject, signed on, valid until
CONTRACTS = [
    (
        "PC-2025-01",
        "Polygraph Service LLP",
        "Printing of accreditation certificates, 2025",
        D(2025, 2, 3),
        D(2025, 12, 31),
    ),
    ("PC-2025-02", "Steppe Cloud JSC", "Hosting of the QMS portal", D(2025, 2, 14), D(2026, 12, 31)),
    (
        "PC-2025-03",
        "Lingua Pro Translation Agency",
        "Translation of EEC reports",
        D(2025, 3, 3),
        D(2026, 3, 2),
    ),
    (
        "PC-2025-04",
        "Silk Road Events LLP",
        "Venue and catering for the spring expert seminar",
        D(2025, 3, 17),
        D(2025, 4, 30),
    ),
    (
        "PC-2026-01",
        "Polygraph Service LLP",
        "Printing of accreditation certificates, 2026",
        D(2026, 1, 19),
        D(2026, 12, 31),
    ),
]

# contract, received on, what was received, result, notes
INSPECTIONS = [
    ("PC-2025-01", D(2025, 2, 21), "500 certificate blanks, series A", OK, ""),
    ("PC-2025-02", D(2025, 3, 3), "Portal hosting, February report", OK, "Availability 99.9%."),
    ("PC-2025-03", D(2025, 3, 28), "Translation of 3 EEC reports into English", OK, ""),
    ("PC-2025-04", D(2025, 4, 16), "Seminar venue and catering, 15–16 April", OK, "58 participants."),
    (
        "PC-2025-01",
        D(2025, 6, 11),
        "300 certificate blanks, series B",
        NOT_OK,
        "42 blanks carry duplicated serial numbers (B-0120 to B-0161); the batch was set aside and "
        "returned to the printer.",
    ),
    ("PC-2025-03", D(2025, 9, 19), "Translation of the accreditation standards into Kazakh", OK, ""),
    (
        "PC-2025-02",
        D(2025, 11, 4),
        "Portal hosting, October report",
        NOT_OK,
        "The portal was unavailable for 9 hours on 22 October; the provider reported the incident "
        "after 2 days instead of 4 hours.",
    ),
    ("PC-2025-02", D(2026, 2, 3), "Portal hosting, January report", OK, "Availability 99.8%."),
    ("PC-2026-01", D(2026, 2, 20), "400 certificate blanks, series C", OK, "Serial numbers checked."),
    ("PC-2026-01", D(2026, 6, 15), "200 certificate blanks, series D", OK, ""),
]

# supplier, evaluated on, status, evaluation
EVALUATIONS = [
    (
        "Polygraph Service LLP",
        D(2025, 6, 20),
        Supplier.Status.CONDITIONAL,
        "Duplicated serial numbers in batch B. Kept on condition that every batch comes with a list "
        "of serial numbers checked before delivery.",
    ),
    (
        "Steppe Cloud JSC",
        D(2025, 11, 14),
        Supplier.Status.CONDITIONAL,
        "A 9-hour outage reported late. Kept on condition of incident reports within 4 hours and a "
        "monthly availability report.",
    ),
    (
        "Lingua Pro Translation Agency",
        D(2025, 12, 15),
        Supplier.Status.APPROVED,
        "Translations on time and of good quality; glossary followed.",
    ),
    (
        "Polygraph Service LLP",
        D(2026, 3, 2),
        Supplier.Status.APPROVED,
        "Batch C delivered with the checked list of serial numbers; the condition is lifted.",
    ),
]


def seed_purchasing(people: dict) -> None:
    if Supplier.objects.exists():
        return
    qms = people["qms"]
    today = timezone.localdate()
    # Every step in date order, each recorded at its own date.
    steps = [(added, "supplier", row) for *row, added in SUPPLIERS]
    steps += [(row[3], "contract", row) for row in CONTRACTS]
    steps += [(row[1], "inspection", row) for row in INSPECTIONS]
    steps += [(row[1], "evaluation", row) for row in EVALUATIONS]
    steps = [step for step in steps if step[0] <= today]
    steps.sort(key=lambda step: step[0])
    suppliers: dict = {}
    contracts: dict = {}
    with demo_clock(steps[0][0]) as clock:
        for day, kind, row in steps:
            clock.at(day)
            if kind == "supplier":
                name, supplies, contact, requirements = row
                suppliers[name] = supplier_record(
                    actor=qms,
                    name=name,
                    supplies=supplies,
                    contact=contact,
                    requirements=requirements,
                    status=Supplier.Status.APPROVED,
                    evaluated_on=day,
                    evaluation="Selected by request for quotations; references checked.",
                )
            elif kind == "contract":
                number, supplier, subject, signed_on, valid_until = row
                contracts[number] = contract_record(
                    actor=qms,
                    supplier=suppliers[supplier],
                    number=number,
                    subject=subject,
                    signed_on=signed_on,
                    valid_until=valid_until,
                )
            elif kind == "inspection":
                number, received_on, item, result, notes = row
                inspection_record(
                    actor=qms,
                    contract=contracts[number],
                    received_on=received_on,
                    item=item,
                    result=result,
                    notes=notes,
                )
            else:
                supplier, evaluated_on, status, evaluation = row
                suppliers[supplier] = supplier_update(
                    supplier=suppliers[supplier],
                    actor=qms,
                    status=status,
                    evaluated_on=evaluated_on,
                    evaluation=evaluation,
                )
