"""Demo corrective actions: the six steps walked through the services, as a real year would.

Each story takes a nonconformity (from last year's audit) and drives its corrective action in
three phases — planned, carried out, checked — on the demo clock (demo/clock.py), so that
several corrective actions run side by side as they do in an agency.
"""

import datetime
from dataclasses import dataclass, field

from improvement.models import Action, CorrectiveAction, Nonconformity
from improvement.services import actions as action_services
from improvement.services import capa as capa_services
from improvement.services import nonconformity_transition


@dataclass
class Verification:
    verifier: str
    effective: bool
    note: str


@dataclass
class CapaStory:
    owner: str
    analysis: str
    whys: list[str]
    root_cause: str
    evaluation: str
    # owner, action, evidence ("" leaves it open), days from opening to its due date
    actions: list[tuple[str, str, str, int]]
    results: str = ""
    verifications: list[Verification] = field(default_factory=list)
    # Actions planned after a check found the correction not effective.
    further_actions: list[tuple[str, str, str, int]] = field(default_factory=list)
    fishbone: dict = field(default_factory=dict)


def capa_plan(people: dict, nc: Nonconformity, story: CapaStory, *, clock) -> CorrectiveAction:
    """Accept the nonconformity for analysis, open its corrective action, analyze it, find the
    root cause, evaluate and plan the actions (steps 1–3), a few days a step."""
    qms, owner = people["qms"], people[story.owner]
    if nc.status == Nonconformity.Status.OPEN:
        nonconformity_transition(
            nonconformity=nc,
            target=Nonconformity.Status.UNDER_ANALYSIS,
            actor=qms,
            comment="Accepted for analysis at the audit's closing meeting.",
        )
    capa = capa_services.capa_open(nonconformity=nc, actor=qms, owner=owner)
    clock.advance(days=2)
    capa = capa_services.capa_step_save(capa=capa, actor=owner, analysis=story.analysis)
    capa = capa_services.capa_advance(capa=capa, actor=owner)
    clock.advance(days=3)
    method = (
        CorrectiveAction.CauseMethod.FISHBONE if story.fishbone else CorrectiveAction.CauseMethod.FIVE_WHYS
    )
    capa = capa_services.capa_step_save(
        capa=capa,
        actor=owner,
        cause_method=method,
        whys=story.whys,
        fishbone=story.fishbone,
        root_cause=story.root_cause,
    )
    capa = capa_services.capa_advance(capa=capa, actor=owner)
    clock.advance(days=2)
    capa = capa_services.capa_step_save(capa=capa, actor=owner, evaluation=story.evaluation)
    _add_actions(people, capa, story.actions, clock.today)
    return capa_services.capa_advance(capa=capa, actor=owner)


def capa_carry_out(people: dict, capa: CorrectiveAction, story: CapaStory) -> CorrectiveAction:
    """The action owners record their evidence; the owner records the results (steps 4–5)."""
    for action in capa.actions.filter(status=Action.Status.OPEN).order_by("pk"):
        planned = next((a for a in story.actions if a[1] == action.description), None)
        if planned and planned[2]:
            action_services.action_complete(action=action, actor=action.owner, evidence=planned[2])
    capa = capa_services.capa_advance(capa=capa, actor=capa.owner)
    capa = capa_services.capa_step_save(capa=capa, actor=capa.owner, results=story.results)
    return capa_services.capa_advance(capa=capa, actor=capa.owner)


def capa_check(people: dict, capa: CorrectiveAction, story: CapaStory, *, clock) -> CorrectiveAction:
    """The effectiveness check (step 6) by someone who owns nothing on it; not effective plans
    the further actions."""
    for verification in story.verifications:
        capa = capa_services.capa_verify(
            capa=capa,
            actor=people[verification.verifier],
            effective=verification.effective,
            note=verification.note,
        )
    if story.further_actions:
        _add_actions(people, capa, story.further_actions, clock.today)
    return capa


def _add_actions(people: dict, capa: CorrectiveAction, plan, start: datetime.date) -> None:
    for who, text, _evidence, days in plan:
        action_services.action_add(
            actor=capa.owner,
            description=text,
            owner=people[who],
            due_on=start + datetime.timedelta(days=days),
            capa=capa,
        )
