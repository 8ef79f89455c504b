from django.urls import path

from . import views

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
