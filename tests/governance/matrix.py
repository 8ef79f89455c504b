"""The permission matrix's rows for the governance views (see tests/test_permission_matrix.py):
the object each view is opened on, in the state it works in; who may is the view's own
declaration (opens=, moves=)."""

import datetime

from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

POST_ONLY: set[str] = {
    "governance:version_new",
    "governance:version_discuss",
    "governance:version_redraft",
    "governance:strategy_public",
}

# The state of the version each view works in.
STATES = {
    "version_detail": "approved",
    "version_edit": "draft",
    "goal_add": "draft",
    "task_add": "draft",
    "indicator_add": "draft",
    "version_discuss": "draft",
    "version_redraft": "discussion",
    "version_approve": "discussion",
    "minutes_download": "approved",
    "strategy_detail": "approved",
    "version_new": "approved",
    "public_strategy": "approved",
    "plan_create": "approved",
    "strategy_public": "approved",
}

# The views of the implementation plan: on the plan, on an item (in progress, owned by a third
# person), on a progress report with a file.
PLAN_VIEWS = {"plan_detail", "item_add", "plan_board", "plan_report"}
ITEM_VIEWS = {"item_detail", "item_edit", "item_report", "item_done", "item_not_done", "item_cancel"}


def strategy_version(state: str, *, public: bool = False):
    """A strategy with one version in the given state, with one goal, written straight to the
    database (the services are tested on their own)."""
    from governance.models import Goal, Strategy, StrategyVersion
    from tests.factories import UserFactory

    author = UserFactory(username=f"matrix_strategy_{state}")
    strategy = Strategy.objects.create(
        title="Strategy", period_start=2025, period_end=2029, is_public=public, created_by=author
    )
    version = StrategyVersion(
        strategy=strategy,
        number=1,
        status=state,
        mission="Mission",
        created_by=author,
        discussed_on=datetime.date(2025, 1, 20),
        discussed_by="Supervisory Board",
        approved_at=timezone.now() if state == "approved" else None,
    )
    version.discussion_minutes.save("minutes.txt", ContentFile(b"Minutes"), save=False)
    version.discussion_minutes_name = "minutes.txt"
    version.save()
    Goal.objects.create(version=version, position=1, title="Goal")
    return version


def plan_item():
    """An approved strategy's plan for 2026 with one item in progress, owned by a third person,
    and one progress report with evidence."""
    from governance.models import ImplementationPlan, PlanItem, ProgressReport, Task
    from tests.factories import UserFactory

    version = strategy_version("approved")
    plan = ImplementationPlan.objects.create(
        strategy_version=version, year=2026, created_by=version.created_by
    )
    task = Task.objects.create(goal=version.goals.get(), position=1, title="Task")
    item = PlanItem.objects.create(
        plan=plan,
        task=task,
        title="Activity",
        owner=UserFactory(username="matrix_item_owner"),
        due_date=datetime.date(2026, 6, 30),
        status=PlanItem.Status.IN_PROGRESS,
        percent_done=40,
    )
    report = ProgressReport(item=item, text="Progress", percent=40, reported_by=item.owner)
    report.evidence.save("evidence.txt", ContentFile(b"Evidence"), save=False)
    report.evidence_name = "evidence.txt"
    report.save()
    return item, report


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace not in ("governance", "governance_public"):
        return None
    if view in PLAN_VIEWS:
        return {"pk": plan_item()[0].plan_id}
    if view in ITEM_VIEWS:
        return {"pk": plan_item()[0].pk}
    if view == "evidence_download":
        return {"pk": plan_item()[1].pk}
    if view not in STATES:
        # A view of this app without URL arguments; any other is another extension's to answer.
        try:
            reverse(name)
        except NoReverseMatch:
            return None
        return {}
    version = strategy_version(STATES[view], public=view == "public_strategy")
    if view in ("task_add", "indicator_add"):
        return {"pk": version.goals.get().pk}
    if view in ("strategy_detail", "version_new", "public_strategy", "strategy_public"):
        return {"pk": version.strategy_id}
    return {"pk": version.pk}


def post_data(name: str) -> dict | None:
    if name == "governance:strategy_public":
        return {"public": "1"}
    return None
