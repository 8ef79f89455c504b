"""The stages of an accreditation project (§6.1–6.6) as one table.

This release covers the first stages: application → threshold check → contract (or
rejection) → self-assessment → EEC formation. Later stages join the table as they are built.
"""

from django.utils.translation import gettext_lazy as _

from core.workflow import Workflow

from .models import AccreditationProject, EducationLevel

S = AccreditationProject.Status

PROJECT_WORKFLOW = Workflow(
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
    },
)

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
