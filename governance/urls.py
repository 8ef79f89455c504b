from django.urls import path

from . import views
from .views import weekly, workplans

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
    path("plan/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("strategy/goal/<int:pk>/task/", views.task_add, name="task_add"),
    path("strategy/goal/<int:pk>/indicator/", views.indicator_add, name="indicator_add"),
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
