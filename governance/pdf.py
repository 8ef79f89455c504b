"""What the governance app prints: the year's implementation report of the plan (§4.4.1).
Only core.pdf calls WeasyPrint; printed in the agency's language (settings.LANGUAGE_CODE),
whoever asks, as the management review's pack it feeds."""

import datetime

from django.conf import settings
from django.utils import translation

from core.pdf import render_pdf

from .models import ImplementationPlan
from .selectors.plans import execution_charts, plan_execution


def plan_report_context(plan: ImplementationPlan, today: datetime.date | None = None) -> dict:
    """The plan, its items by goal with status and progress, the overdue ones, the corrections
    with their reasons and the items closed as not done or cancelled with theirs."""
    execution = plan_execution(plan, today)
    goals: dict[int, dict] = {}
    for item in execution.items:
        goal = item.task.goal
        goals.setdefault(goal.pk, {"goal": goal, "items": []})["items"].append(item)
        reports = list(item.reports.all())
        item.last_report = reports[0] if reports else None
    return {
        "plan": plan,
        "version": plan.strategy_version,
        "strategy": plan.strategy_version.strategy,
        "execution": execution,
        "goals": list(goals.values()),
        "charts": execution_charts(execution),
    }


def plan_report_pdf(plan: ImplementationPlan) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf("pdf/plan_report.html", plan_report_context(plan))
