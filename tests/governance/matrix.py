"""The permission matrix's rows for the governance views (see tests/test_permission_matrix.py):
the object each view is opened on, in the state it works in; who may is the view's own
declaration (opens=, moves=)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

POST_ONLY: set[str] = {"governance:version_new", "governance:version_discuss", "governance:version_redraft"}

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
}


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


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace not in ("governance", "governance_public"):
        return None
    if view == "plan_detail":
        from governance.models import ImplementationPlan

        version = strategy_version("approved")
        return {
            "pk": ImplementationPlan.objects.create(
                strategy_version=version, year=2026, created_by=version.created_by
            ).pk
        }
    if view not in STATES:
        return {}
    version = strategy_version(STATES[view], public=view == "public_strategy")
    if view in ("task_add", "indicator_add"):
        return {"pk": version.goals.get().pk}
    if view in ("strategy_detail", "version_new", "public_strategy"):
        return {"pk": version.strategy_id}
    return {"pk": version.pk}


def post_data(name: str) -> dict | None:
    return None
