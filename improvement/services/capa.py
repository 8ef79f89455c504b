"""Corrective actions (§7.5.2) in the manual's six steps.

(1) analysis → (2) root cause, by five whys or a fishbone → (3) evaluation of actions to
prevent recurrence → (4) actions carried out, each with evidence → (5) results → (6) the
effectiveness check by someone who neither owns the corrective action nor any of its actions.
Effective closes it and the nonconformity; not effective sends it back to the actions.

The CAPA owner or the IQAS owner works steps 1–5: each step's content is saved while on it,
then the step is completed; going back one step needs a comment. Every move is a timeline
event, and every save a history row.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.permissions import people_with_perm
from core.services import notification_send, sequence_next
from core.workflow import event_record, transition_perform

from ..models import Action, CorrectiveAction, Nonconformity
from ..selectors.nonconformities import VERIFY
from ..workflow import CAPA_WORKFLOW, NONCONFORMITY_WORKFLOW, step_after, step_before, works_capa

Step = CorrectiveAction.Step
TEXT_LIMIT = 10_000
WHYS_MAX = 5
WHYS_MIN = 2
FISHBONE_CATEGORIES = {
    "people": gettext_lazy("People"),
    "methods": gettext_lazy("Methods"),
    "documents": gettext_lazy("Documents"),
    "resources": gettext_lazy("Resources"),
    "environment": gettext_lazy("Environment"),
    "measurement": gettext_lazy("Measurement"),
}
# What each step keeps; the fields a step's form may change.
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    Step.ANALYSIS: ("analysis",),
    Step.ROOT_CAUSE: ("cause_method", "whys", "fishbone", "root_cause"),
    Step.EVALUATION: ("evaluation",),
    Step.ACTIONS: (),
    Step.RESULTS: ("results", "verify_after", "verification_audit"),
}


def can_work(user, capa: CorrectiveAction) -> bool:
    """The CAPA owner or the IQAS owner works steps 1–5 (the relation of the tables)."""
    return works_capa(user, capa)


def verifier_refusal(user, capa: CorrectiveAction) -> str:
    """Why this person may not check the effectiveness, or "" when they may."""
    if not user.has_perm(VERIFY):
        return _("You are not allowed to verify the effectiveness of corrective actions.")
    if user.pk == capa.owner_id:
        return _("You own this corrective action: someone else must verify its effectiveness.")
    if capa.actions.filter(owner=user).exists():
        return _("You own one of its actions: verifying your own action is not allowed.")
    return ""


def _lock(capa: CorrectiveAction) -> CorrectiveAction:
    return CorrectiveAction.objects.select_for_update().select_related("nonconformity").get(pk=capa.pk)


def _require_worker(actor, capa: CorrectiveAction) -> None:
    if not can_work(actor, capa):
        raise PermissionDenied(_("Only the owner of the corrective action or the IQAS owner may do this."))


def _limit(errors: dict, name: str, value: str) -> None:
    if value and len(value) > TEXT_LIMIT:
        errors[name] = _("Keep this under %(limit)s characters.") % {"limit": TEXT_LIMIT}


@transaction.atomic
def capa_open(
    *,
    nonconformity: Nonconformity,
    actor,
    owner=None,
    verify_after: datetime.date | None = None,
) -> CorrectiveAction:
    """The IQAS owner opens the corrective action on a nonconformity under analysis; its owner
    defaults to the nonconformity's owner, else to whoever raised it."""
    if not actor.has_perm("improvement.add_correctiveaction"):
        raise PermissionDenied(_("Only the IQAS owner opens corrective actions."))
    nc = Nonconformity.objects.select_for_update().get(pk=nonconformity.pk)
    if CorrectiveAction.objects.filter(nonconformity=nc).exists():
        raise ValidationError(_("This nonconformity has a corrective action already."))
    if nc.status != Nonconformity.Status.UNDER_ANALYSIS:
        raise ValidationError(_("Accept the nonconformity for analysis before opening a corrective action."))
    owner = owner or nc.owner or nc.raised_by
    if not owner.is_active:
        raise ValidationError({"owner": _("The owner must be an active member of staff.")})
    year = timezone.localdate().year
    capa = CorrectiveAction.objects.create(
        number=f"CA-{year}-{sequence_next(f'capa-{year}'):04d}",
        nonconformity=nc,
        owner=owner,
        verify_after=verify_after,
    )
    transition_perform(
        obj=nc,
        workflow=NONCONFORMITY_WORKFLOW,
        target=Nonconformity.Status.CORRECTIVE_ACTION,
        actor=actor,
        comment=capa.number,
    )
    event_record(obj=capa, action=gettext_lazy("Opened"), actor=actor, to_state=capa.step)
    if owner.pk != actor.pk:
        notification_send(
            recipients=[owner],
            subject=gettext_lazy("You own corrective action %(number)s: %(title)s"),
            params={"number": capa.number, "title": nc.title},
            body=gettext_lazy("Start with step 1: the analysis of the nonconformity."),
            url=capa.get_absolute_url(),
        )
    return capa


def _clean_step(step: str, fields: dict) -> dict:
    """The step's content as it will be kept, or a ValidationError saying what is missing."""
    errors: dict = {}
    values: dict = {}
    if step == Step.ANALYSIS:
        values["analysis"] = (fields.get("analysis") or "").strip()
        if not values["analysis"]:
            errors["analysis"] = _("Describe the analysis of the nonconformity.")
    elif step == Step.ROOT_CAUSE:
        method = fields.get("cause_method") or CorrectiveAction.CauseMethod.FIVE_WHYS
        if method not in CorrectiveAction.CauseMethod.values:
            errors["cause_method"] = _("Choose five whys or a fishbone.")
        values["cause_method"] = method
        whys = [str(w).strip() for w in (fields.get("whys") or []) if str(w).strip()]
        fishbone = {
            key: str(text).strip()
            for key, text in (fields.get("fishbone") or {}).items()
            if key in FISHBONE_CATEGORIES and str(text).strip()
        }
        if len(whys) > WHYS_MAX:
            errors["whys"] = _("Five whys means five answers at most.")
        if method == CorrectiveAction.CauseMethod.FIVE_WHYS and len(whys) < WHYS_MIN:
            errors["whys"] = _("Answer “why?” at least twice to reach the root cause.")
        if method == CorrectiveAction.CauseMethod.FISHBONE and not fishbone:
            errors["fishbone"] = _("Name at least one cause in one of the fishbone's categories.")
        for n, why in enumerate(whys, start=1):
            _limit(errors, f"why_{n}", why)
        for key, text in fishbone.items():
            _limit(errors, f"fishbone_{key}", text)
        values["whys"], values["fishbone"] = whys, fishbone
        values["root_cause"] = (fields.get("root_cause") or "").strip()
        if not values["root_cause"]:
            errors["root_cause"] = _("State the root cause.")
    elif step == Step.EVALUATION:
        values["evaluation"] = (fields.get("evaluation") or "").strip()
        if not values["evaluation"]:
            errors["evaluation"] = _("Evaluate which actions will prevent the nonconformity from recurring.")
    elif step == Step.RESULTS:
        values["results"] = (fields.get("results") or "").strip()
        if not values["results"]:
            errors["results"] = _("Record the results of the actions.")
        values["verify_after"] = fields.get("verify_after")
        values["verification_audit"] = fields.get("verification_audit")
        audit = values["verification_audit"]
        if audit is not None and values["verify_after"] is None:
            values["verify_after"] = getattr(audit, "ends_on", None)
    for name in ("analysis", "root_cause", "evaluation", "results"):
        _limit(errors, name, values.get(name, ""))
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def capa_step_save(*, capa: CorrectiveAction, actor, **fields) -> CorrectiveAction:
    """Save the content of the step the corrective action is on (only that step's fields)."""
    capa = _lock(capa)
    _require_worker(actor, capa)
    if capa.step not in STEP_FIELDS or not STEP_FIELDS[capa.step]:
        raise ValidationError(_("There is nothing to write at this step."))
    values = _clean_step(capa.step, fields)
    for name, value in values.items():
        setattr(capa, name, value)
    capa._change_reason = f"{capa.get_step_display()}: saved"
    capa.save()
    return capa


def _ready_to_leave(capa: CorrectiveAction) -> None:
    """Refuse to complete a step whose content or actions are not there."""
    if capa.step == Step.ACTIONS:
        actions = capa.actions.exclude(status=Action.Status.CANCELLED)
        open_count = actions.filter(status=Action.Status.OPEN).count()
        if open_count:
            raise ValidationError(
                ngettext(
                    "%(count)s action is still open: its owner marks it done with evidence before "
                    "the step can be completed.",
                    "%(count)s actions are still open: each action's owner marks it done with "
                    "evidence before the step can be completed.",
                    open_count,
                )
                % {"count": open_count}
            )
        if not actions.filter(status=Action.Status.DONE).exists():
            raise ValidationError(
                _(
                    "A corrective action cannot be closed without evidence: add at least one action "
                    "and have its owner mark it done with evidence."
                )
            )
        return
    fields = {name: getattr(capa, name) for name in STEP_FIELDS.get(capa.step, ())}
    _clean_step(capa.step, fields)


def actions_step_refusal(capa: CorrectiveAction) -> str:
    """Why the actions step cannot be completed yet ("" when it can), said before the button is
    offered, in the words the step's refusal uses."""
    if capa.step != Step.ACTIONS:
        return ""
    try:
        _ready_to_leave(capa)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return ""


@transaction.atomic
def capa_advance(*, capa: CorrectiveAction, actor, comment: str = "") -> CorrectiveAction:
    """Complete the current step (1–5) and move to the next one."""
    capa = _lock(capa)
    _require_worker(actor, capa)
    if capa.step in (Step.VERIFICATION, Step.CLOSED):
        raise ValidationError(_("The effectiveness check is made by a verifier, not by completing a step."))
    _ready_to_leave(capa)
    target = step_after(capa.step)
    capa = transition_perform(
        obj=capa, workflow=CAPA_WORKFLOW, target=target, actor=actor, comment=comment[:TEXT_LIMIT]
    )
    if target == Step.VERIFICATION:
        verifiers = people_with_perm("improvement.verify_effectiveness").exclude(pk=capa.owner_id)
        verifiers = verifiers.exclude(pk__in=capa.actions.values("owner"))
        notification_send(
            recipients=verifiers,
            subject=gettext_lazy("Corrective action %(number)s is ready for its effectiveness check"),
            params={"number": capa.number},
            url=capa.get_absolute_url(),
        )
    return capa


@transaction.atomic
def capa_back(*, capa: CorrectiveAction, actor, comment: str) -> CorrectiveAction:
    """Go back one step to correct it; the comment says why."""
    capa = _lock(capa)
    _require_worker(actor, capa)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say why you go back a step."))
    if len(comment) > TEXT_LIMIT:
        raise ValidationError(_("Keep the comment under %(limit)s characters.") % {"limit": TEXT_LIMIT})
    target = step_before(capa.step)
    if target is None:
        raise ValidationError(_("There is no earlier step to go back to."))
    return transition_perform(obj=capa, workflow=CAPA_WORKFLOW, target=target, actor=actor, comment=comment)


@transaction.atomic
def capa_verify(
    *,
    capa: CorrectiveAction,
    actor,
    effective: bool,
    note: str,
    today: datetime.date | None = None,
) -> CorrectiveAction:
    """The effectiveness check (step 6). Effective closes the corrective action and the
    nonconformity; not effective sends it back to the actions and tells the owner."""
    capa = _lock(capa)
    refusal = verifier_refusal(actor, capa)
    if refusal:
        raise PermissionDenied(refusal)
    if capa.step != Step.VERIFICATION:
        raise ValidationError(_("This corrective action is not waiting for its effectiveness check."))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Write what the effectiveness check found.")})
    if len(note) > TEXT_LIMIT:
        raise ValidationError({"note": _("Keep this under %(limit)s characters.") % {"limit": TEXT_LIMIT}})
    if effective not in (True, False):
        raise ValidationError({"effective": _("Say whether the corrective action was effective.")})
    today = today or timezone.localdate()
    if capa.verify_after and today < capa.verify_after:
        raise ValidationError(
            _("The effectiveness can be checked on or after %(date)s.")
            % {"date": date_format(capa.verify_after)}
        )
    now = timezone.now()
    common = {"verified_by": actor, "verified_at": now, "effective": effective, "verification_note": note}
    nc = capa.nonconformity
    if effective:
        capa = transition_perform(
            obj=capa,
            workflow=CAPA_WORKFLOW,
            target=Step.CLOSED,
            actor=actor,
            comment=note,
            also={**common, "closed_at": now},
        )
        transition_perform(
            obj=nc,
            workflow=NONCONFORMITY_WORKFLOW,
            target=Nonconformity.Status.CLOSED,
            actor=actor,
            comment=capa.number,
            also={"closed_at": now},
        )
        subject = gettext_lazy("Corrective action %(number)s is verified effective and closed")
    else:
        capa = transition_perform(
            obj=capa,
            workflow=CAPA_WORKFLOW,
            target=Step.ACTIONS,
            actor=actor,
            comment=note,
            also={**common, "reopened": capa.reopened + 1},
        )
        subject = gettext_lazy("Corrective action %(number)s was not effective: plan further actions")
    recipients = [capa.owner] + ([nc.owner] if nc.owner_id else [])
    notification_send(
        recipients=[r for r in recipients if r.pk != actor.pk],
        subject=subject,
        params={"number": capa.number},
        body=note,
        url=capa.get_absolute_url(),
    )
    return capa
