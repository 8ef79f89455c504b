"""User-scoped reads of the risk register (§7.5.3): who sees a risk, the register as filtered,
the heat map, and the level of a score on the agency's matrix (IAAR_RISK_MEDIUM_FROM and
IAAR_RISK_HIGH_FROM)."""

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.shortcuts import get_object_or_404

from core.models import Process

from ..models import Action, Risk


def level_of(score: int | None) -> str:
    if score is None:
        return ""
    if score >= settings.IAAR_RISK_HIGH_FROM:
        return "high"
    if score >= settings.IAAR_RISK_MEDIUM_FROM:
        return "medium"
    return "low"


def risks_visible_to(user) -> QuerySet[Risk]:
    rows = Risk.objects.select_related("process", "owner")
    if user.has_perm("improvement.view_all_risks"):
        return rows
    # The owner of one of its preventive actions reads the risk too.
    owned_actions = Action.objects.filter(owner=user, risk__isnull=False).values("risk")
    return rows.filter(Q(owner=user) | Q(process__owner=user) | Q(pk__in=owned_actions))


def _scored(rows: QuerySet[Risk]) -> QuerySet[Risk]:
    return rows.annotate(scored=F("likelihood") * F("impact"))


def risk_register(user, params) -> tuple[QuerySet[Risk], dict]:
    """The register as the query string filters it, highest scores first, and the filters that
    applied; values that mean nothing are ignored."""
    rows = _scored(risks_visible_to(user))
    chosen = {}
    process = params.get("process", "")
    if process.isdigit() and len(process) < 10:
        chosen["process"] = int(process)
        rows = rows.filter(process_id=chosen["process"])
    if params.get("status", "") in Risk.Status.values:
        chosen["status"] = params["status"]
        rows = rows.filter(status=chosen["status"])
    for name in ("likelihood", "impact"):
        value = params.get(name, "")
        if value.isdigit() and 1 <= int(value) <= settings.IAAR_RISK_MATRIX_SIZE:
            chosen[name] = int(value)
            rows = rows.filter(**{name: chosen[name]})
    level = params.get("level", "")
    if level == "high":
        rows = rows.filter(scored__gte=settings.IAAR_RISK_HIGH_FROM)
    elif level == "medium":
        rows = rows.filter(
            scored__gte=settings.IAAR_RISK_MEDIUM_FROM, scored__lt=settings.IAAR_RISK_HIGH_FROM
        )
    elif level == "low":
        rows = rows.filter(scored__lt=settings.IAAR_RISK_MEDIUM_FROM)
    if level in ("high", "medium", "low"):
        chosen["level"] = level
    return rows.order_by("-scored", "review_on", "pk"), chosen


def processes_of(rows: QuerySet[Risk]) -> QuerySet[Process]:
    """The processes that have risks among these rows (the register's process filter)."""
    return Process.objects.filter(pk__in=rows.values("process"))


def risk_get_for(user, pk: int) -> Risk:
    return get_object_or_404(risks_visible_to(user), pk=pk)


def heat_map(rows: QuerySet[Risk], *, residual: bool = False) -> list[dict]:
    """The matrix as rows of cells, impact from the highest down, likelihood left to right, each
    with how many open or treated risks score there."""
    size = settings.IAAR_RISK_MATRIX_SIZE
    counts: dict[tuple[int, int], int] = {}
    live = rows.exclude(status=Risk.Status.CLOSED)
    pairs = (
        live.filter(residual_likelihood__isnull=False).values_list("residual_likelihood", "residual_impact")
        if residual
        else live.values_list("likelihood", "impact")
    )
    for likelihood, impact in pairs:
        counts[(likelihood, impact)] = counts.get((likelihood, impact), 0) + 1
    return [
        {
            "impact": impact,
            "cells": [
                {
                    "likelihood": likelihood,
                    "impact": impact,
                    "count": counts.get((likelihood, impact), 0),
                    "level": level_of(likelihood * impact),
                }
                for likelihood in range(1, size + 1)
            ],
        }
        for impact in range(size, 0, -1)
    ]


def risks_due_for_review(user) -> QuerySet[Risk]:
    return Risk.objects.exclude(status=Risk.Status.CLOSED).filter(owner=user).order_by("review_on")
