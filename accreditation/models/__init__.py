"""Education organizations and their accreditations (§6): from application to certificate,
appeal and post-accreditation monitoring. One module per aggregate; every model is here."""

from .appeals import (
    Appeal,
)
from .authorities import (
    EducationAuthority,
)
from .certificates import (
    Certificate,
    DeqarStatus,
    ExpiryReminder,
    Publication,
)
from .commission import (
    CommissionEvaluation,
    CommissionMember,
    CriterionScore,
    EECReport,
    Evidence,
    ReportReview,
    Visit,
    VisitSession,
)
from .council import (
    AgendaItem,
    CouncilAttendance,
    CouncilMeeting,
    Decision,
    Outcome,
    Recusal,
    Vote,
)
from .experts import (
    Expert,
    ExpertTraining,
)
from .followup import FollowupItem, FollowupProgress, Progress
from .kpi_tallies import (
    CertificateMonth,
)
from .monitoring import (
    MonitoringTask,
)
from .organizations import (
    ISCED_FIELDS,
    EducationLevel,
    Organization,
    Programme,
    QfEheaLevel,
    search_text_of,
)
from .projects import (
    AccreditationProject,
    CommissionState,
    Contract,
    ContractAmendment,
    SelfAssessment,
)
from .standards import (
    Criterion,
    Score,
    Standard,
    StandardSet,
)
from .thresholds import ThresholdItem, ThresholdList

__all__ = [
    "ISCED_FIELDS",
    "AccreditationProject",
    "AgendaItem",
    "Appeal",
    "Certificate",
    "CertificateMonth",
    "CommissionEvaluation",
    "CommissionMember",
    "CommissionState",
    "Contract",
    "ContractAmendment",
    "CouncilAttendance",
    "CouncilMeeting",
    "Criterion",
    "CriterionScore",
    "Decision",
    "DeqarStatus",
    "EECReport",
    "EducationAuthority",
    "EducationLevel",
    "Evidence",
    "Expert",
    "ExpertTraining",
    "ExpiryReminder",
    "FollowupItem",
    "FollowupProgress",
    "MonitoringTask",
    "Organization",
    "Outcome",
    "Programme",
    "Progress",
    "Publication",
    "QfEheaLevel",
    "Recusal",
    "ReportReview",
    "Score",
    "SelfAssessment",
    "Standard",
    "StandardSet",
    "ThresholdItem",
    "ThresholdList",
    "Visit",
    "VisitSession",
    "Vote",
    "search_text_of",
]
