"""Every change of state of surveys (§4.2, §7.2.1, §7.4). Views, tasks and the demo call these."""

from .answers import answer_target, response_submit
from .builder import (
    question_add,
    question_move,
    question_remove,
    question_update,
    section_add,
    section_move,
    section_remove,
    section_update,
    survey_create,
    survey_seed,
    survey_update,
    version_draft,
    version_publish,
)
from .campaigns import (
    campaign_close,
    campaign_open,
    campaign_remind,
    campaigns_close_due,
    dispatch_after_visit,
    invitation_add,
    invitations_remind,
)
from .publishing import summary_publish, summary_withdraw
from .targets import satisfaction_target_approve, satisfaction_target_propose, satisfaction_target_return

__all__ = [
    "answer_target",
    "campaign_close",
    "campaign_open",
    "campaign_remind",
    "campaigns_close_due",
    "dispatch_after_visit",
    "invitation_add",
    "invitations_remind",
    "question_add",
    "question_move",
    "question_remove",
    "question_update",
    "response_submit",
    "satisfaction_target_approve",
    "satisfaction_target_propose",
    "satisfaction_target_return",
    "section_add",
    "section_move",
    "section_remove",
    "section_update",
    "summary_publish",
    "summary_withdraw",
    "survey_create",
    "survey_seed",
    "survey_update",
    "version_draft",
    "version_publish",
]
