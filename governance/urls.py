from django.urls import path

from . import views
from .views import bodies

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
