"""The dashboard counts in SQL and fetches only the lines it shows: the same lists as the
builder it replaced, which built every task in Python and sorted them all.

The old builder lives here only, as the oracle: its bucketing, and the providers of the
improvement app (corrective actions, actions, nonconformities, risks) as they were.
"""

import datetime
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext as _

from core import dashboard as core_dashboard
from core.dashboard import DUE_SOON_DAYS, LIST_LIMIT, TaskItem, dashboard_for
from improvement import dashboard as improvement_dashboard
from improvement.models import Action, CorrectiveAction, actions_in_force
from improvement.selectors import (
    capas_awaiting_verification,
    capas_waiting_for_owner,
    nonconformities_awaiting_analysis,
    risks_due_for_review,
)

# ---- the old builder (oracle) --------------------------------------------------------------


def old_nonconformity_tasks(user):
    for nc in nonconformities_awaiting_analysis(user):
        yield TaskItem(
            title=f"{nc.number} {nc.title}",
            url=nc.get_absolute_url(),
            area=_("Nonconformities"),
            detail=_("Waiting to be accepted for analysis"),
        )


def old_risk_tasks(user):
    for risk in risks_due_for_review(user):
        yield TaskItem(
            title=f"{risk.number} {risk.title}",
            url=risk.get_absolute_url(),
            area=_("Risks"),
            due=risk.review_on,
            detail=_("Review the risk"),
        )


def old_action_tasks(user):
    """My open actions, each with its due date (overdue ones land in "overdue")."""
    # Only what a task line shows: a busy owner may have hundreds.
    rows = (
        Action.objects.filter(actions_in_force(), owner=user, status=Action.Status.OPEN)
        .select_related("capa", "risk", "decision__review")
        .only(
            "number",
            "description",
            "due_on",
            "capa",
            "capa__number",
            "risk",
            "risk__number",
            "decision",
            "decision__review",
            "decision__review__number",
        )
        .order_by("due_on", "pk")
    )
    for action in rows:
        if action.decision_id:
            yield TaskItem(
                title=f"{action.number} {action.description[:80]}",
                url=action.get_absolute_url(),
                area=_("Management review"),
                due=action.due_on,
                detail=_("Carry out the review decision and record its evidence (%(parent)s)")
                % {"parent": action.decision.review.number},
            )
            continue
        parent = action.capa or action.risk
        yield TaskItem(
            title=f"{action.number} {action.description[:80]}",
            url=action.get_absolute_url(),
            area=_("Actions"),
            due=action.due_on,
            detail=_("Carry out the action and record its evidence (%(parent)s)") % {"parent": parent.number},
        )


def old_capa_tasks(user):
    """Corrective-action steps waiting for their owner, and effectiveness checks for verifiers."""
    shown = ("number", "step", "verify_after", "nonconformity", "nonconformity__title")
    for capa in capas_waiting_for_owner(user).only(*shown):
        yield TaskItem(
            title=f"{capa.number} {capa.nonconformity.title}",
            url=capa.get_absolute_url(),
            area=_("Corrective actions"),
            detail=_("Step waiting for you: %(step)s") % {"step": capa.get_step_display()},
        )
    for capa in capas_awaiting_verification(user).only(*shown):
        yield TaskItem(
            title=f"{capa.number} {capa.nonconformity.title}",
            url=capa.get_absolute_url(),
            area=_("Corrective actions"),
            due=capa.verify_after,
            detail=_("Verify the effectiveness of the corrective action"),
        )


OLD_PROVIDERS = {
    improvement_dashboard.nonconformity_tasks: old_nonconformity_tasks,
    improvement_dashboard.risk_tasks: old_risk_tasks,
    improvement_dashboard.action_tasks: old_action_tasks,
    improvement_dashboard.capa_tasks: old_capa_tasks,
}


def old_dashboard(user, today: date) -> dict[str, list[TaskItem]]:
    """Every task built, bucketed and sorted in Python, as the dashboard did before."""
    soon = today + timedelta(days=DUE_SOON_DAYS)
    board = {"waiting": [], "due_soon": [], "overdue": []}
    for provider in core_dashboard._providers:
        for item in OLD_PROVIDERS.get(provider, provider)(user):
            assert isinstance(item, TaskItem)
            if item.due is not None and item.due < today:
                board["overdue"].append(item)
            elif item.due is not None and item.due <= soon:
                board["due_soon"].append(item)
            else:
                board["waiting"].append(item)
    for bucket in board.values():
        bucket.sort(key=lambda i: (i.due or date.max, i.title))
    return board


# ---- the comparison ------------------------------------------------------------------------


def assert_same_as_old(user, today: date) -> int:
    old = old_dashboard(user, today)
    new = dashboard_for(user, today)
    for name in ("waiting", "due_soon", "overdue"):
        assert getattr(new, f"{name}_count") == len(old[name]), (user.username, name)
        assert getattr(new, name) == old[name][:LIST_LIMIT], (user.username, name)
    assert new.total == sum(len(bucket) for bucket in old.values())
    return new.total


def _days() -> list[date]:
    today = timezone.localdate()
    return [today, today + timedelta(days=30), today - timedelta(days=60)]


def test_every_demo_person_sees_the_same_tasks_as_before(seeded_demo):
    totals = {}
    for user in get_user_model().objects.filter(is_active=True).order_by("username"):
        for day in _days():
            totals[user.username, day] = assert_same_as_old(user, day)
    assert any(totals.values())


@pytest.fixture
def at_scale(seeded_demo):
    """The benchmark rows of ``seed_demo --scale 3000``: 300 corrective actions and 900
    actions spread over the demo's people, 60 risks; several people have more than 20 tasks
    in a list."""
    call_command("seed_demo", scale=3000)


def test_at_scale_the_first_twenty_and_the_counts_are_those_of_the_old_builder(at_scale):
    busy = 0
    for user in get_user_model().objects.filter(is_active=True).order_by("username"):
        for day in _days():
            board = dashboard_for(user, day)
            busy += any(
                getattr(board, f"{name}_count") > LIST_LIMIT for name in ("waiting", "due_soon", "overdue")
            )
            assert_same_as_old(user, day)
    assert busy, "no list longer than the dashboard shows: the limit was not exercised"


def test_the_page_shows_twenty_lines_and_true_counts_at_scale(at_scale, client):
    qms = get_user_model().objects.get(username="qms")
    board = dashboard_for(qms)
    client.force_login(qms)
    html = client.get("/dashboard/").content.decode()
    assert f'<div class="stat-value">{board.overdue_count}</div>' in html
    assert f'<div class="stat-value">{board.waiting_count}</div>' in html
    assert board.total > 3 * LIST_LIMIT
    for item in board.overdue + board.waiting:
        assert item.url in html
    assert html.count('class="fw-semibold"') <= 3 * LIST_LIMIT


def test_the_query_count_does_not_grow_with_the_tasks(at_scale):
    """One query for a source's counts and one per list it has lines in, however many rows."""
    qms = get_user_model().objects.get(username="qms")
    today = timezone.localdate()
    capa = CorrectiveAction.objects.filter(number__startswith="CA-BENCH-").order_by("pk").first()

    def add_actions(first: int, how_many: int) -> None:
        for k in range(first, first + how_many):
            Action.objects.create(
                number=f"ACT-MORE-{k:03d}",
                capa=capa,
                description=f"Another action {k}",
                owner=qms,
                due_on=today + datetime.timedelta(days=(k % 3 - 1) * 30),  # overdue, soon, later
                status=Action.Status.OPEN,
                created_by=qms,
            )

    add_actions(0, 3)  # a line in every list
    dashboard_for(qms, today)  # the person's permissions are cached on the first call
    with CaptureQueriesContext(connection) as before:
        dashboard_for(qms, today)
    add_actions(3, 60)
    with CaptureQueriesContext(connection) as after:
        dashboard_for(qms, today)
    assert len(after) == len(before)
    assert_same_as_old(qms, today)


def test_the_daily_digest_still_lists_every_overdue_task(make_person, mailoutbox):
    from core.dashboard import _providers, register_task_provider
    from core.tasks import send_daily_digests

    person = make_person(email="busy@iaar.test", language="en")
    today = timezone.localdate()

    def provider(user):
        if user == person:
            for n in range(1, 26):
                yield TaskItem(f"Late task {n:02d}", f"/t/{n}", "Test", due=today - timedelta(days=n))

    register_task_provider(provider)
    try:
        send_daily_digests()
    finally:
        _providers.remove(provider)
    (letter,) = [m for m in mailoutbox if m.to == ["busy@iaar.test"]]
    assert "25 overdue tasks" in letter.subject
    assert "Late task 01" in letter.body and "Late task 25" in letter.body
