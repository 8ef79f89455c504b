"""The demo strategy and this year's plan: approved and signed, 30 items in every status, some
overdue, one correction; seeding twice adds nothing."""

import pytest
from django.utils import timezone

from demo import governance as demo_governance
from demo.people import seed_people
from governance.models import ImplementationPlan, PlanItem, StrategySignature

pytestmark = pytest.mark.django_db


def test_the_demo_strategy_and_plan(roles):
    people = seed_people()
    demo_governance.seed(people)
    demo_governance.seed(people)
    assert StrategySignature.objects.count() == 1
    plan = ImplementationPlan.objects.get()
    items = plan.items.all()
    assert items.count() == 30
    assert {i.status for i in items} == set(PlanItem.Status.values)
    assert plan.revisions.count() == 1 and plan.revisions.get().reason
    open_states = (PlanItem.Status.PLANNED, PlanItem.Status.IN_PROGRESS)
    assert items.filter(status__in=open_states, due_date__lt=timezone.localdate()).exists()
