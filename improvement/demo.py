from .models import Nonconformity
from .services import nonconformity_raise, nonconformity_transition

NONCONFORMITIES = [
    (
        "staff",
        "Self-assessment report accepted without an annex",
        "The self-assessment report of a college was registered without the annex on teaching staff.",
        Nonconformity.Severity.MINOR,
        False,
    ),
    (
        "auditor",
        "Expert declarations missing for one commission",
        "Two experts of an external commission visited without a signed no-conflict declaration on file.",
        Nonconformity.Severity.MAJOR,
        True,
    ),
]


def seed(people: dict) -> None:
    for who, title, description, severity, accept in NONCONFORMITIES:
        if Nonconformity.objects.filter(title=title).exists():
            continue
        nc = nonconformity_raise(actor=people[who], title=title, description=description, severity=severity)
        if accept:
            nonconformity_transition(
                nonconformity=nc,
                target=Nonconformity.Status.UNDER_ANALYSIS,
                actor=people["qms"],
                comment="Root-cause analysis assigned to the accreditation department.",
            )
