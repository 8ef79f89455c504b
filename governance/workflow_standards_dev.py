"""The development of standards (§6.3) as rules: who keeps a development plan and opens its
consultation (whoever drafts documents, or the working group's secretary), who moderates the
comments (the secretary), who answers them and records their disposition (a member of the
working group whose term covers today)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.workflow import Workflow, on_record, perm, rel, relation

from .models.bodies import Membership
from .models.standards_dev import Consultation, ConsultationComment, ConsultationSection, DevelopmentPlan
from .workflow_bodies import seat_of

VIEW = "governance.view_developmentplan"
ADD = "governance.add_developmentplan"
CHANGE = "governance.change_developmentplan"

C = ConsultationComment.Status


def plan_of(obj) -> DevelopmentPlan:
    """The plan a rule is asked about: the plan itself, its consultation's, section's or comment's."""
    if isinstance(obj, ConsultationComment):
        return obj.section.consultation.plan
    if isinstance(obj, ConsultationSection):
        return obj.consultation.plan
    return obj.plan if isinstance(obj, Consultation) else obj


@relation("is the working group's secretary")
def is_group_secretary(user, obj) -> bool:
    plan = plan_of(obj)
    return seat_of(user, plan.working_group, timezone.localdate(), Membership.Role.SECRETARY) is not None


@relation("sits in the working group")
def sits_in_group(user, obj) -> bool:
    return seat_of(user, plan_of(obj).working_group, timezone.localdate()) is not None


KEEPS = perm(CHANGE) | rel("is the working group's secretary", VIEW)
MODERATES = rel("is the working group's secretary", VIEW)
ANSWERS = rel("sits in the working group", VIEW)

COMMENT_WORKFLOW = Workflow(
    ConsultationComment,
    "status",
    {
        C.PENDING: {
            C.PUBLISHED: (MODERATES, _("Comment published")),
            C.HIDDEN: (MODERATES, _("Comment hidden")),
        },
        C.PUBLISHED: {C.HIDDEN: (MODERATES, _("Comment hidden"))},
        C.HIDDEN: {C.PUBLISHED: (MODERATES, _("Comment published"))},
    },
)

# The questions the pages ask of the record their URL names.
KEEPS_PLAN = on_record(DevelopmentPlan, KEEPS)
KEEPS_CONSULTATION = on_record(Consultation, KEEPS)
ANSWERS_COMMENT = on_record(ConsultationComment, ANSWERS)
