"""The stages of an accreditation project (§6.1–6.6) as one table.

application → threshold check → contract (or rejection) → self-assessment → EEC formation →
visit → EEC report → internal expertise → council → decided → published → post-monitoring →
closed (or re-accreditation). Most moves are made by the service of the step that completes
the stage (permission ``None``); the table still refuses every move it does not list.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from core.workflow import Workflow

from .models import AccreditationProject, EducationLevel

S = AccreditationProject.Status

PROJECT_WORKFLOW = Workflow(
    AccreditationProject,
    "status",
    {
        S.APPLICATION: {
            S.THRESHOLD_CHECK: ("accreditation.change_accreditationproject", _("Start the threshold check")),
        },
        S.THRESHOLD_CHECK: {
            # Decided by the threshold-check service from the checklist.
            S.CONTRACT: (None, _("Threshold requirements met")),
            S.REJECTED: (None, _("Threshold requirements not met")),
        },
        # Moved by the contract service once the contract is registered.
        S.CONTRACT: {S.SELF_ASSESSMENT: (None, _("Contract signed"))},
        # Moved by the review of the self-assessment report when it conforms.
        S.SELF_ASSESSMENT: {S.EEC_FORMATION: (None, _("Self-assessment report conforms"))},
        # Moved when the Director General approves the commission.
        S.EEC_FORMATION: {S.VISIT: (None, _("Expert commission approved"))},
        # Moved when the coordinator records the visit as held.
        S.VISIT: {S.EEC_REPORT: (None, _("Visit held"))},
        S.EEC_REPORT: {S.INTERNAL_EXPERTISE: (None, _("EEC report submitted by the chair"))},
        S.INTERNAL_EXPERTISE: {
            S.COUNCIL: (None, _("EEC report meets IAAR's requirements")),
            S.EEC_REPORT: (None, _("EEC report returned to the commission")),
        },
        S.COUNCIL: {S.DECIDED: (None, _("Council decision recorded"))},
        S.DECIDED: {
            S.PUBLISHED: (None, _("Decision published")),
            S.COUNCIL: (None, _("Decision set aside on appeal")),
        },
        S.PUBLISHED: {
            S.POST_MONITORING: (None, _("Post-accreditation monitoring started")),
            S.COUNCIL: (None, _("Decision set aside on appeal")),
            S.CLOSED: ("accreditation.change_accreditationproject", _("Close the project")),
        },
        S.POST_MONITORING: {
            S.COUNCIL: (None, _("Decision set aside on appeal")),
            S.CLOSED: (None, _("Project closed")),
        },
    },
)

# How long each stage should take (days); the coordinator is reminded as the date comes.
STAGE_DAYS = {
    S.APPLICATION: 5,
    S.THRESHOLD_CHECK: 10,
    S.CONTRACT: 20,
    S.SELF_ASSESSMENT: 90,
    S.EEC_FORMATION: 30,
    S.VISIT: 45,
    S.EEC_REPORT: 20,
    S.INTERNAL_EXPERTISE: 10,
    S.COUNCIL: 45,
    S.DECIDED: 15,
}


def stage_due(status: str, today: datetime.date) -> datetime.date | None:
    days = STAGE_DAYS.get(status)
    return today + datetime.timedelta(days=days) if days else None


_COMMON = [
    ("licence", _("Licence for educational activity is valid")),
    ("charter", _("Charter and registration documents are provided")),
    ("no_violations", _("No unresolved violations found by the education authority")),
    ("working_group", _("A self-assessment working group is appointed")),
]

# The threshold requirements by level of education (§6.2.2).
THRESHOLD_CHECKLISTS = {
    EducationLevel.HIGHER: [
        *_COMMON,
        ("graduates", _("At least one graduation in the programmes to be accredited")),
        ("teaching_staff", _("Share of teaching staff with degrees meets the national requirement")),
    ],
    EducationLevel.POSTGRADUATE: [
        *_COMMON,
        ("graduates", _("At least one graduation in the programmes to be accredited")),
        ("research", _("Research base and supervisors for master's and doctoral students")),
    ],
    EducationLevel.TVET: [
        *_COMMON,
        ("practice", _("Agreements with employers on industrial practice")),
    ],
    EducationLevel.SECONDARY: [*_COMMON],
    EducationLevel.ADDITIONAL: [*_COMMON],
}


def checklist_for(level: str) -> list[tuple[str, str]]:
    return THRESHOLD_CHECKLISTS.get(level, _COMMON)
