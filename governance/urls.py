from django.urls import path

from . import views
from .views import bodies, consultation, external_review, plan_approval, plans, weekly, workplans
from .views import orders as order_views
from .views import standards_dev as stddev

app_name = "governance"

urlpatterns = [
    path("strategy/", views.strategy_list, name="strategy_list"),
    path("strategy/new/", views.strategy_create, name="strategy_create"),
    path("strategy/<int:pk>/", views.strategy_detail, name="strategy_detail"),
    path("strategy/<int:pk>/new-version/", views.version_new, name="version_new"),
    path("strategy/version/<int:pk>/", views.version_detail, name="version_detail"),
    path("strategy/version/<int:pk>/edit/", views.version_edit, name="version_edit"),
    path("strategy/version/<int:pk>/goal/", views.goal_add, name="goal_add"),
    path("strategy/version/<int:pk>/discuss/", views.version_discuss, name="version_discuss"),
    path("strategy/version/<int:pk>/redraft/", views.version_redraft, name="version_redraft"),
    path("strategy/version/<int:pk>/approve/", views.version_approve, name="version_approve"),
    path("strategy/version/<int:pk>/minutes/", views.minutes_download, name="minutes_download"),
    path("plan/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("strategy/goal/<int:pk>/task/", views.task_add, name="task_add"),
    path("strategy/goal/<int:pk>/indicator/", views.indicator_add, name="indicator_add"),
    # The implementation plan (§4.4.1)
    path("strategy/<int:pk>/public/", plans.strategy_public, name="strategy_public"),
    path("strategy/version/<int:pk>/plan/new/", plans.plan_create, name="plan_create"),
    path("plan/<int:pk>/item/new/", plans.item_add, name="item_add"),
    path("plan/<int:pk>/approve/", plan_approval.plan_approve, name="plan_approve"),
    path("plan/<int:pk>/board/", plans.plan_board, name="plan_board"),
    path("plan/<int:pk>/report.pdf", plans.plan_report, name="plan_report"),
    path("plan/item/<int:pk>/", plans.item_detail, name="item_detail"),
    path("plan/item/<int:pk>/correct/", plans.item_edit, name="item_edit"),
    path("plan/item/<int:pk>/report/", plans.item_report, name="item_report"),
    path("plan/item/<int:pk>/done/", plans.item_done, name="item_done"),
    path("plan/item/<int:pk>/not-done/", plans.item_not_done, name="item_not_done"),
    path("plan/item/<int:pk>/cancel/", plans.item_cancel, name="item_cancel"),
    path("plan/evidence/<int:pk>/", plans.evidence_download, name="evidence_download"),
    # The collegial bodies (§1.6, §6.5.2): rosters, meetings, votes, decisions, minutes.
    path("bodies/", bodies.body_list, name="body_list"),
    path("bodies/new/", bodies.body_create, name="body_create"),
    path("bodies/<int:pk>/", bodies.body_detail, name="body_detail"),
    path("bodies/<int:pk>/edit/", bodies.body_edit, name="body_edit"),
    path("bodies/<int:pk>/members/new/", bodies.membership_add, name="membership_add"),
    path("bodies/members/<int:pk>/", bodies.membership_edit, name="membership_edit"),
    path("bodies/<int:pk>/meetings/new/", bodies.body_meeting_create, name="body_meeting_create"),
    path("bodies/meetings/<int:pk>/", bodies.body_meeting_detail, name="body_meeting_detail"),
    path("bodies/meetings/<int:pk>/items/", bodies.body_item_add, name="body_item_add"),
    path("bodies/meetings/<int:pk>/attendance/", bodies.body_attendance, name="body_attendance"),
    path("bodies/meetings/<int:pk>/open/", bodies.body_meeting_open, name="body_meeting_open"),
    path("bodies/meetings/<int:pk>/items/<int:item_pk>/vote/", bodies.body_vote, name="body_vote"),
    path("bodies/meetings/<int:pk>/items/<int:item_pk>/recuse/", bodies.body_recuse, name="body_recuse"),
    path(
        "bodies/meetings/<int:pk>/items/<int:item_pk>/decide/",
        bodies.body_item_decide,
        name="body_item_decide",
    ),
    path(
        "bodies/meetings/<int:pk>/items/<int:item_pk>/action/", bodies.body_action_add, name="body_action_add"
    ),
    path("bodies/actions/<int:pk>/done/", bodies.body_action_done, name="body_action_done"),
    path("bodies/meetings/<int:pk>/close/", bodies.body_meeting_close, name="body_meeting_close"),
    path("bodies/meetings/<int:pk>/sign/", bodies.body_minutes_sign, name="body_minutes_sign"),
    path("bodies/meetings/<int:pk>/minutes.pdf", bodies.body_minutes_pdf, name="body_minutes_pdf"),
]

public_urlpatterns = [
    path("<int:pk>/", views.public_strategy, name="public_strategy"),
]

# Project managers' work plans and the weekly meetings (§4.4.2, §7.2.3).
urlpatterns += [
    path("workplans/", workplans.workplan_list, name="workplan_list"),
    path("workplans/new/", workplans.workplan_create, name="workplan_create"),
    path("workplans/<int:pk>/", workplans.workplan_detail, name="workplan_detail"),
    path("workplans/<int:pk>/item/", workplans.workitem_add, name="workitem_add"),
    path("workplans/<int:pk>/submit/", workplans.workplan_submit, name="workplan_submit"),
    path("workplans/<int:pk>/approve/", workplans.workplan_approve, name="workplan_approve"),
    path("workplans/<int:pk>/return/", workplans.workplan_return, name="workplan_return"),
    path("workplans/<int:pk>/revise/", workplans.workplan_revise, name="workplan_revise"),
    path("workplans/item/<int:pk>/done/", workplans.workitem_done, name="workitem_done"),
    path("weekly/", weekly.weekly_list, name="weekly_list"),
    path("weekly/new/", weekly.weekly_prepare, name="weekly_prepare"),
    path("weekly/<int:pk>/", weekly.weekly_detail, name="weekly_detail"),
    path("weekly/<int:pk>/attendance/", weekly.weekly_attendance, name="weekly_attendance"),
    path("weekly/<int:pk>/record/", weekly.weekly_record, name="weekly_record"),
    path("weekly/<int:pk>/refresh/", weekly.weekly_refresh, name="weekly_refresh"),
    path("weekly/<int:pk>/action/", weekly.weekly_action_add, name="weekly_action_add"),
    path("weekly/<int:pk>/close/", weekly.weekly_close, name="weekly_close"),
    path("weekly/action/<int:pk>/done/", weekly.weekly_action_done, name="weekly_action_done"),
]

# Roles by the Director General's order (§4.5) and the responsibility matrix (§4.5.1).
urlpatterns += [
    path("orders/", order_views.order_list, name="order_list"),
    path("orders/new/", order_views.order_create, name="order_create"),
    path("orders/<int:pk>/", order_views.order_detail, name="order_detail"),
    path("orders/<int:pk>/clause/", order_views.order_line_add, name="order_line_add"),
    path("orders/<int:pk>/sign/", order_views.order_sign, name="order_sign"),
    path("orders/<int:pk>/cancel/", order_views.order_cancel, name="order_cancel"),
    path("people/<int:pk>/assignments/", order_views.person_assignments, name="person_assignments"),
    path("responsibilities/", order_views.responsibility_matrix_page, name="responsibility_matrix"),
    path("responsibilities/pdf/", order_views.responsibility_matrix_pdf, name="responsibility_matrix_pdf"),
]

# The agency's own external review (§7.1, ESG 3.7): memberships, reviews, recommendations.
urlpatterns += [
    path("external-review/", external_review.xr_list, name="xr_list"),
    path(
        "external-review/registrations/new/", external_review.xr_registration_add, name="xr_registration_add"
    ),
    path(
        "external-review/registrations/<int:pk>/",
        external_review.xr_registration_edit,
        name="xr_registration_edit",
    ),
    path("external-review/new/", external_review.xr_review_add, name="xr_review_add"),
    path("external-review/<int:pk>/", external_review.xr_detail, name="xr_detail"),
    path("external-review/<int:pk>/edit/", external_review.xr_review_edit, name="xr_review_edit"),
    path("external-review/<int:pk>/advance/", external_review.xr_advance, name="xr_advance"),
    path("external-review/<int:pk>/panel/", external_review.xr_panelist_add, name="xr_panelist_add"),
    path("external-review/<int:pk>/recommendations/new/", external_review.xr_rec_add, name="xr_rec_add"),
    path("external-review/<int:pk>/file/<slug:what>/", external_review.xr_file, name="xr_file"),
    path("external-review/recommendations/<int:pk>/", external_review.xr_rec_update, name="xr_rec_update"),
    path("external-review/recommendations/<int:pk>/file/", external_review.xr_rec_file, name="xr_rec_file"),
]

# The development of standards (§6.3): plans, their inputs, public consultations on the drafts.
urlpatterns += [
    path("standards-development/", stddev.plan_list, name="stddev_plan_list"),
    path("standards-development/new/", stddev.plan_create, name="stddev_plan_create"),
    path("standards-development/<int:pk>/", stddev.plan_detail, name="stddev_plan_detail"),
    path("standards-development/<int:pk>/input/", stddev.input_add, name="stddev_input_add"),
    path(
        "standards-development/<int:pk>/consultation/", stddev.consultation_create, name="consultation_create"
    ),
    path("consultations/<int:pk>/", consultation.consultation_detail, name="consultation_detail"),
    path("consultations/<int:pk>/section/", consultation.section_add, name="consultation_section_add"),
    path(
        "consultations/<int:pk>/summary.pdf", consultation.consultation_summary, name="consultation_summary"
    ),
    path("consultations/comment/<int:pk>/moderate/", consultation.comment_moderate, name="comment_moderate"),
    path("consultations/comment/<int:pk>/answer/", consultation.comment_answer, name="comment_answer"),
    path("consultations/comment/<int:pk>/dispose/", consultation.comment_dispose, name="comment_dispose"),
]

# A draft standard's public consultation: anyone comments by section, no sign-in.
consultation_public_urlpatterns = [
    path("<int:pk>/", consultation.consultation_public, name="public"),
]
