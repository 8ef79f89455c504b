"""The people of the agency (§4.5.1, §5.2): positions and who holds them, hiring and probation,
the yearly appraisal, the training plan with its attendance, certificates and effectiveness
checks, and each person's acceptance of the code of ethics."""

from .ethics import EthicsAcceptance, EthicsCode
from .positions import Appraisal, AppraisalSignature, Hiring, Position, PositionHolding
from .training import Attendance, Certificate, EffectivenessCheck, Training, TrainingNeed, TrainingPlan

__all__ = [
    "Appraisal",
    "AppraisalSignature",
    "Attendance",
    "Certificate",
    "EffectivenessCheck",
    "EthicsAcceptance",
    "EthicsCode",
    "Hiring",
    "Position",
    "PositionHolding",
    "Training",
    "TrainingNeed",
    "TrainingPlan",
]
