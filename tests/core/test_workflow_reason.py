"""core.workflow.transition_perform: the history row's reason is stored in English, with the
action's %-params filled in (not left as ``%(number)s``), in the one save of the move."""

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

from core.models import WorkflowEvent
from core.workflow import transition_perform
from improvement.models import Supplier
from improvement.workflow import SUPPLIER_WORKFLOW
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return UserFactory(is_superuser=True)


@pytest.fixture
def supplier(actor):
    return Supplier.objects.create(name="Print house", supplies="Printing", created_by=actor)


def test_the_reason_has_its_params_filled_in_english(supplier, actor):
    before = supplier.history.count()
    with translation.override("ru"):
        transition_perform(
            obj=supplier,
            workflow=SUPPLIER_WORKFLOW,
            target=Supplier.Status.EXCLUDED,
            actor=actor,
            action=gettext_lazy("Action %(number)s done"),
            params={"number": "ACT-0007"},
        )
    assert supplier.history.count() == before + 1
    row = supplier.history.latest()
    assert (row.status, row.history_change_reason) == ("excluded", "Action ACT-0007 done")
    event = WorkflowEvent.objects.filter(object_id=supplier.pk).latest("pk")
    # The event keeps the message and its params apart, to be shown in each reader's language.
    assert (event.action, event.params) == ("Action %(number)s done", {"number": "ACT-0007"})


def test_a_comment_is_the_reason_and_a_named_reason_wins_over_it(supplier, actor):
    transition_perform(
        obj=supplier, workflow=SUPPLIER_WORKFLOW, target="conditional", actor=actor, comment="Late twice"
    )
    assert supplier.history.latest().history_change_reason == "Late twice"
    transition_perform(
        obj=supplier,
        workflow=SUPPLIER_WORKFLOW,
        target="approved",
        actor=actor,
        comment="SHA-256 abc",
        reason=gettext_lazy("Order %(number)s signed"),
        params={"number": "ORD-1"},
    )
    assert supplier.history.latest().history_change_reason == "Order ORD-1 signed"
    assert WorkflowEvent.objects.filter(object_id=supplier.pk).latest("pk").comment == "SHA-256 abc"
