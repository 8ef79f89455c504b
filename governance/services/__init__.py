"""The strategy's services (§4.3): drafting a version's content, its discussion, its approval
by the Director General's signature. Every refusal is a ValidationError with a clear message
(or PermissionDenied) raised before anything is saved."""

import hashlib
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.files import check_upload
from core.models import stored
from core.permissions import password_confirm, user_role_labels
from core.workflow import event_record, transition_perform

from ..models import Goal, Indicator, IndicatorTarget, Strategy, StrategySignature, StrategyVersion, Task
from ..models.bodies import Body
from ..workflow import EDIT, VERSION_WORKFLOW

S = StrategyVersion.Status


def _require_edit(actor) -> None:
    if not actor.has_perm(EDIT):
        raise PermissionDenied(_("Only the IQAS owner or the Director General can edit the strategy."))


def _require_draft(version: StrategyVersion) -> None:
    if version.status != S.DRAFT:
        raise ValidationError(_("Only a draft version can be changed; this one is not a draft."))


@transaction.atomic
def strategy_create(
    *, actor, title: str, period_start: int, period_end: int, is_public: bool = False
) -> Strategy:
    _require_edit(actor)
    if period_end < period_start:
        raise ValidationError(_("The last year of the period cannot come before the first."))
    strategy = Strategy.objects.create(
        title=title, period_start=period_start, period_end=period_end, is_public=is_public, created_by=actor
    )
    StrategyVersion.objects.create(strategy=strategy, number=1, created_by=actor)
    return strategy


@transaction.atomic
def strategy_publish(*, strategy: Strategy, actor, is_public: bool) -> Strategy:
    """Show the strategy's effective version on the public site, or take it off; the change is
    kept in the strategy's history and on its timeline; asking for what already holds changes
    nothing."""
    _require_edit(actor)
    strategy = Strategy.objects.select_for_update().get(pk=strategy.pk)
    if strategy.is_public == is_public:
        return strategy  # pressed twice: nothing to record
    strategy.is_public = is_public
    strategy._history_user = actor
    strategy._change_reason = "Published on the public site" if is_public else "Taken off the public site"
    strategy.save(update_fields=["is_public"])
    event_record(
        obj=strategy,
        action=gettext_lazy("Published on the public site")
        if is_public
        else gettext_lazy("Taken off the public site"),
        actor=actor,
    )
    return strategy


@transaction.atomic
def version_new(*, strategy: Strategy, actor) -> StrategyVersion:
    """A new draft, copied from the effective version (or the latest one)."""
    _require_edit(actor)
    if strategy.versions.filter(status__in=[S.DRAFT, S.DISCUSSION]).exists():
        raise ValidationError(_("This strategy already has a version being drafted or discussed."))
    source = strategy.effective_version or strategy.versions.first()
    number = (strategy.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = StrategyVersion.objects.create(
        strategy=strategy,
        number=number,
        created_by=actor,
        mission=source.mission if source else "",
        vision=source.vision if source else "",
        values=source.values if source else "",
    )
    for goal in source.goals.all() if source else []:
        new_goal = Goal.objects.create(
            version=version, position=goal.position, title=goal.title, description=goal.description
        )
        for task in goal.tasks.all():
            Task.objects.create(goal=new_goal, position=task.position, title=task.title)
        for indicator in goal.indicators.all():
            new_indicator = Indicator.objects.create(
                goal=new_goal, name=indicator.name, unit=indicator.unit, baseline=indicator.baseline
            )
            for target in indicator.targets.all():
                IndicatorTarget.objects.create(indicator=new_indicator, year=target.year, value=target.value)
    return version


@transaction.atomic
def version_edit(
    *,
    version: StrategyVersion,
    actor,
    mission: str,
    vision: str,
    values: str,
    change_note: str = "",
    discussed_on=None,
    discussed_by: str = "",
    minutes=None,
) -> StrategyVersion:
    _require_edit(actor)
    if version.status not in (S.DRAFT, S.DISCUSSION):
        raise ValidationError(_("An approved or superseded version is never changed; start a new version."))
    if _discussion_typed(version, discussed_on, discussed_by, minutes) and (
        version.discussed_at_id or Body.objects.filter(is_active=True).exists()
    ):
        raise ValidationError(
            _(
                "The discussion is recorded by a collegial body's decision: put the version on a "
                "meeting's agenda as a “Strategy or plan approval” item. The typed record is kept "
                "only for versions discussed before the portal kept the bodies' meetings."
            )
        )
    if discussed_on and not discussed_by.strip():
        raise ValidationError(_("Name the body that discussed the draft."))
    if minutes is not None:
        check_upload(minutes)
        version.discussion_minutes.save(minutes.name, minutes, save=False)
        version.discussion_minutes_name = minutes.name[:255]
    version.mission, version.vision, version.values = mission, vision, values
    version.change_note = change_note
    version.discussed_on, version.discussed_by = discussed_on, discussed_by.strip()
    version._history_user = actor
    version.save()
    return version


def _discussion_typed(version: StrategyVersion, discussed_on, discussed_by: str, minutes) -> bool:
    """Whether the edit changes the typed record of the discussion (date, body, minutes file)."""
    return (
        minutes is not None
        or discussed_on != version.discussed_on
        or discussed_by.strip() != version.discussed_by
    )


def discussion_refusal(version: StrategyVersion) -> str:
    """Why the version cannot be put on a body's agenda for discussion, or "" if it can."""
    if version.status != S.DISCUSSION:
        return _(
            "%(version)s is not under discussion (it is “%(status)s”): put the draft to discussion first."
        ) % {
            "version": version,
            "status": version.get_status_display(),
        }
    return ""


@transaction.atomic
def version_discussion_from_meeting(*, version: StrategyVersion, meeting, actor) -> StrategyVersion:
    """A collegial body adopted the draft at its meeting (§4.3): the version records the
    discussion — the meeting, its date, the body — and the Director General may approve it."""
    version = StrategyVersion.objects.select_for_update().get(pk=version.pk)
    refusal = discussion_refusal(version)
    if refusal:
        raise ValidationError(refusal)
    version.discussed_at = meeting
    version.discussed_on = meeting.date
    version.discussed_by = meeting.body.name
    version._history_user = actor
    version._change_reason = "Discussed at a collegial body's meeting"
    version.save(update_fields=["discussed_at", "discussed_on", "discussed_by"])
    event_record(
        obj=version,
        action=gettext_lazy("Discussed at %(body)s meeting № %(number)s"),
        actor=actor,
        params={"body": meeting.body.name, "number": meeting.number},
    )
    return version


@transaction.atomic
def goal_add(*, version: StrategyVersion, actor, title: str, description: str = "") -> Goal:
    _require_edit(actor)
    _require_draft(version)
    position = version.goals.count() + 1
    return Goal.objects.create(version=version, position=position, title=title, description=description)


@transaction.atomic
def task_add(*, goal: Goal, actor, title: str) -> Task:
    _require_edit(actor)
    _require_draft(goal.version)
    return Task.objects.create(goal=goal, position=goal.tasks.count() + 1, title=title)


@transaction.atomic
def indicator_add(
    *, goal: Goal, actor, name: str, unit: str, baseline, targets: dict[int, object]
) -> Indicator:
    """An indicator with its baseline and a target for every year of the strategy's period."""
    _require_edit(actor)
    _require_draft(goal.version)
    years = goal.version.strategy.years
    missing = [str(year) for year in years if targets.get(year) in (None, "")]
    if missing:
        raise ValidationError(
            _("Give a target for every year of the strategy; missing: %(years)s.")
            % {"years": ", ".join(missing)}
        )
    indicator = Indicator.objects.create(goal=goal, name=name, unit=unit, baseline=baseline)
    for year in years:
        IndicatorTarget.objects.create(indicator=indicator, year=year, value=targets[year])
    return indicator


def content_sha256(version: StrategyVersion) -> str:
    """The checksum of what the Director General signs: the texts, goals, tasks, indicators."""
    content = {
        "strategy": [version.strategy.title, version.strategy.period_start, version.strategy.period_end],
        "number": version.number,
        "mission": version.mission,
        "vision": version.vision,
        "values": version.values,
        "goals": [
            {
                "title": goal.title,
                "description": goal.description,
                "tasks": [task.title for task in goal.tasks.all()],
                "indicators": [
                    [i.name, i.unit, str(i.baseline), [[t.year, str(t.value)] for t in i.targets.all()]]
                    for i in goal.indicators.all()
                ],
            }
            for goal in version.goals.all()
        ],
    }
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


@transaction.atomic
def version_discuss(*, version: StrategyVersion, actor) -> StrategyVersion:
    if version.status == S.DRAFT and not version.goals.exists():
        raise ValidationError(_("Add at least one strategic goal before putting the draft to discussion."))
    return transition_perform(obj=version, workflow=VERSION_WORKFLOW, target=S.DISCUSSION, actor=actor)


@transaction.atomic
def version_redraft(*, version: StrategyVersion, actor, comment: str = "") -> StrategyVersion:
    return transition_perform(
        obj=version, workflow=VERSION_WORKFLOW, target=S.DRAFT, actor=actor, comment=comment
    )


@transaction.atomic
def version_approve(*, version: StrategyVersion, actor, password: str) -> StrategyVersion:
    """The Director General signs (password typed again): the version becomes the effective one
    and the one it replaces is superseded. A wrong password saves nothing."""
    VERSION_WORKFLOW.check(version, S.APPROVED, actor)
    if not version.discussed_on:
        raise ValidationError(_("Record the draft's discussion (date and body) before approving it."))
    password_confirm(actor, password)
    previous = list(version.strategy.versions.filter(status=S.APPROVED).exclude(pk=version.pk))
    now = timezone.now()
    StrategySignature.objects.create(
        version=version,
        signer=actor,
        signer_name=str(actor),
        signer_role=user_role_labels(actor) or actor.position or stored(gettext_lazy("no role")),
        content_sha256=content_sha256(version),
    )
    for old in previous:
        transition_perform(obj=old, workflow=VERSION_WORKFLOW, target=S.SUPERSEDED, actor=None)
    return transition_perform(
        obj=version,
        workflow=VERSION_WORKFLOW,
        target=S.APPROVED,
        actor=actor,
        also={"approved_by": actor, "approved_at": now},
    )
