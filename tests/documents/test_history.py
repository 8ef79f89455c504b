"""One move of a version, one history row: the fields that change with a move are saved in the
transition's own save (core.workflow.transition_perform(also=...))."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import Role
from documents import services
from tests.factories import PASSWORD


def _rows(version) -> int:
    return version.history.count()


def test_each_approval_move_writes_one_history_row(people, draft):
    version = draft.versions.get()
    before = _rows(version)
    services.version_submit(
        version=version, actor=people["owner"], reviewers=[people["reviewer"]], mode="sequential"
    )
    assert _rows(version) == before + 1
    version.refresh_from_db()
    assert version.history.latest().review_mode == "sequential"

    services.step_decide(
        step=version.steps.get(), actor=people["reviewer"], decision="agreed", password=PASSWORD
    )
    assert _rows(version) == before + 2  # in review → awaiting approval

    later = timezone.localdate() + timedelta(days=5)
    services.version_approve(
        version=version,
        actor=people["director"],
        password=PASSWORD,
        effective_from=later,
        ack_groups=Group.objects.filter(name=Role.STAFF),
        ack_days=21,
    )
    assert _rows(version) == before + 3  # awaiting approval → approved, with its date, in one row
    approved = version.history.latest()
    assert (approved.status, approved.effective_from, approved.ack_days) == ("approved", later, 21)

    services.versions_activate_due(today=later)
    assert _rows(version) == before + 4  # approved → effective
    statuses = [h.status for h in version.history.order_by("history_date", "history_id")]
    assert statuses[-4:] == ["in_review", "awaiting_approval", "approved", "effective"]


def test_approval_with_today_as_date_writes_a_row_per_move(people, draft):
    version = draft.versions.get()
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer"]])
    services.step_decide(
        step=version.steps.get(), actor=people["reviewer"], decision="agreed", password=PASSWORD
    )
    before = _rows(version)
    services.version_approve(
        version=version, actor=people["director"], password=PASSWORD, effective_from=timezone.localdate()
    )
    # Two moves (approved, then in force the same day): two rows, not three.
    assert _rows(version) == before + 2


def test_approval_writes_one_history_row_of_the_document(people, draft):
    """The document follows its version into force in one save: status, effective version and
    next review in one history row, with the reason filled in."""
    version = draft.versions.get()
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer"]])
    services.step_decide(
        step=version.steps.get(), actor=people["reviewer"], decision="agreed", password=PASSWORD
    )
    before = draft.history.count()
    services.version_approve(
        version=version, actor=people["director"], password=PASSWORD, effective_from=timezone.localdate()
    )
    assert draft.history.count() == before + 1
    row = draft.history.latest()
    assert (row.status, row.effective_version_id) == ("effective", version.pk)
    assert row.next_review_date is not None
    assert row.history_change_reason == f"Version {version.number} became effective"
