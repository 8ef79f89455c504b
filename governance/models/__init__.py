"""The governance app's records, one module per part of the manual: the strategy (§4.3) and the
annual implementation plan (§4.4.1)."""

from . import (
    bodies,  # noqa: F401 - the collegial bodies and their meetings (§1.6, §6.5.2)
    standards_dev,  # noqa: F401 - the development of standards (§6.3)
)
from .external_review import AgencyReview, Panelist, Registration, ReviewRecommendation
from .orders import DirectorOrder, OrderLine, OrderSignature
from .plans import ImplementationPlan, PlanItem, PlanRevision, PlanSignature, ProgressReport
from .strategy import (
    Goal,
    Indicator,
    IndicatorTarget,
    Strategy,
    StrategySignature,
    StrategyVersion,
    Task,
)
from .weekly import WeeklyAction, WeeklyAgendaLine, WeeklyAttendance, WeeklyMeeting
from .workplans import WorkPlan, WorkPlanItem

__all__ = [
    "AgencyReview",
    "DirectorOrder",
    "Goal",
    "ImplementationPlan",
    "Indicator",
    "IndicatorTarget",
    "OrderLine",
    "OrderSignature",
    "Panelist",
    "PlanItem",
    "PlanRevision",
    "PlanSignature",
    "ProgressReport",
    "Registration",
    "ReviewRecommendation",
    "Strategy",
    "StrategySignature",
    "StrategyVersion",
    "Task",
    "WeeklyAction",
    "WeeklyAgendaLine",
    "WeeklyAttendance",
    "WeeklyMeeting",
    "WorkPlan",
    "WorkPlanItem",
]
