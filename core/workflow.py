"""The one helper that moves any controlled record from one status to another.

Each app states the workflow of each status field as a table —
``{from: {to: Move(label, rule, via=…)}}`` — registered with its model, and calls
``transition_perform`` for every change of state (no other code assigns a status). From the
table come: the refusals of the services (``Workflow.check``), the buttons a page shows
(``Workflow.buttons`` / ``{% workflow_buttons obj %}``), and the permission matrix's object
rules.

A move's *rule* is a permission (held through a role, or on the object), a *relation* between
the person and the record ("runs the project", "leads the audit", "is a named reviewer"),
both, or several such alternatives. Relations are named questions each app registers with
``@relation("name")``. A move whose rule is ``None`` is a consequence made by the system (a date
arriving, another record's move); it never shows as a button.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .permissions import user_can
from .timeline import event_record

# name → question(user, obj) -> bool; registered by the apps in their workflow modules.
RELATIONS: dict[str, Callable[..., bool]] = {}

# (model label, field) → Workflow
WORKFLOWS: dict[tuple[str, str], "Workflow"] = {}


def relation(name: str) -> Callable:
    """Register a relation a move's rule may name: ``fn(user, obj) -> bool``."""

    def register(question: Callable[..., bool]) -> Callable[..., bool]:
        RELATIONS[name] = question
        return question

    return register


@dataclass(frozen=True)
class Rule:
    """One way to be allowed a move: a permission, a relation, or both (both must hold)."""

    permission: str | None = None
    relation: str | None = None

    def allows(self, user, obj) -> bool:
        if user is None or not user.is_authenticated or not user.is_active:
            return False
        if self.permission and not user_can(user, self.permission, obj):
            return False
        return not self.relation or bool(RELATIONS[self.relation](user, obj))

    @property
    def alternatives(self) -> tuple["Rule", ...]:
        return (self,)

    def __or__(self, other: "Rule | AnyRule") -> "AnyRule":
        return AnyRule(self.alternatives + other.alternatives)


@dataclass(frozen=True)
class AnyRule:
    """Several ways to be allowed a move: any one suffices."""

    alternatives: tuple[Rule, ...]

    def allows(self, user, obj) -> bool:
        return any(rule.allows(user, obj) for rule in self.alternatives)

    def __or__(self, other: "Rule | AnyRule") -> "AnyRule":
        return AnyRule(self.alternatives + other.alternatives)


def perm(name: str, relation: str | None = None) -> Rule:
    return Rule(permission=name, relation=relation)


def rel(name: str, permission: str | None = None) -> Rule:
    return Rule(permission=permission, relation=name)


@dataclass(frozen=True)
class Move:
    """One row of a table: what the move is called, who may make it, and where it is made.

    ``via`` names the URL where a person makes the move (``args(obj)`` gives its arguments,
    by default the object's pk); ``post`` says the URL takes a bare POST (a button), otherwise
    it is a page with a form (a link). A move without ``via`` is made inside another page's
    service and shows no button of its own."""

    label: str  # a lazy message: shown translated, stored untranslated
    rule: Rule | AnyRule | None = None
    via: str = ""
    post: bool = False
    icon: str = ""
    args: Callable[[models.Model], list] | None = None
    style: str = "primary"
    # The portal makes the move too (a closing date passed): with no actor, the rule is not asked.
    by_portal_too: bool = False


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    move: Move = field(compare=False)

    @property
    def label(self) -> str:
        return self.move.label

    @property
    def rule(self) -> Rule | AnyRule | None:
        return self.move.rule

    @property
    def permission(self) -> str | None:
        """The permission a move needs when that is its whole rule; None otherwise."""
        rule = self.move.rule
        if isinstance(rule, Rule) and rule.relation is None:
            return rule.permission
        return None

    @property
    def by_system(self) -> bool:
        return self.move.rule is None

    def allows(self, user, obj) -> bool:
        return self.move.rule is not None and self.move.rule.allows(user, obj)

    def url(self, obj) -> str:
        if not self.move.via:
            return ""
        args = self.move.args(obj) if self.move.args else [obj.pk]
        return reverse(self.move.via, args=args)


def _as_move(entry) -> Move:
    """Accept a Move, or the short form ``(permission or rule or None, label)``."""
    if isinstance(entry, Move):
        return entry
    rule, label = entry
    if isinstance(rule, str):
        rule = Rule(permission=rule)
    return Move(label=label, rule=rule)


class Workflow:
    """A status field of a model and the table of moves allowed on it."""

    def __init__(self, model: type[models.Model], field_name: str, table: dict) -> None:
        self.model = model
        self.field = field_name
        self.table: dict[str, dict[str, Move]] = {
            str(source): {str(target): _as_move(entry) for target, entry in moves.items()}
            for source, moves in table.items()
        }
        WORKFLOWS[(model._meta.label, field_name)] = self

    def __repr__(self) -> str:
        return f"<Workflow {self.model._meta.label}.{self.field}>"

    def __iter__(self) -> Iterator[Transition]:
        for source, moves in self.table.items():
            for target, move in moves.items():
                yield Transition(source, target, move)

    def states(self) -> set[str]:
        found = set(self.table)
        for moves in self.table.values():
            found |= set(moves)
        return found

    def get(self, source: str, target: str) -> Transition | None:
        move = self.table.get(str(source), {}).get(str(target))
        return None if move is None else Transition(str(source), str(target), move)

    def moves_from(self, obj: models.Model) -> list[Transition]:
        current = str(getattr(obj, self.field))
        return [t for t in self if t.source == current]

    def available(self, obj: models.Model, user) -> list[Transition]:
        """The moves this person may make on this record now."""
        return [t for t in self.moves_from(obj) if t.allows(user, obj)]

    def may(self, user, obj: models.Model, target: str) -> bool:
        move = self.get(getattr(obj, self.field), target)
        return move is not None and move.allows(user, obj)

    def buttons(self, obj: models.Model, user) -> list[dict]:
        """The buttons and links a page shows this person for this record."""
        return [
            {
                "label": t.label,
                "url": t.url(obj),
                "post": t.move.post,
                "icon": t.move.icon,
                "style": t.move.style,
                "target": t.target,
            }
            for t in self.available(obj, user)
            if t.move.via
        ]

    def acts(self, *targets: str, key: str = "pk") -> "Acts":
        """What a view declares it does (``access(…, moves=WORKFLOW.acts("approved"))``): the
        moves into these states on the record whose pk is the URL's ``key``. The permission
        matrix reads it to know who may use the view."""
        return Acts(self, tuple(str(t) for t in targets), key)

    def check(self, obj: models.Model, target: str, actor) -> Transition:
        """Refuse a move the table does not list (ValidationError) or this person may not make
        (PermissionDenied); return the move otherwise. A service's first line."""
        current = getattr(obj, self.field)
        move = self.get(current, target)
        if move is None:
            choices = dict(obj._meta.get_field(self.field).flatchoices)
            raise ValidationError(
                _("This record is “%(current)s”; it cannot be moved to “%(target)s”.")
                % {"current": choices.get(current, current), "target": choices.get(target, target)}
            )
        if actor is None and move.move.by_portal_too:
            return move
        if move.rule is not None and not move.rule.allows(actor, obj):
            raise PermissionDenied(_("You are not allowed to do this."))
        return move


@dataclass(frozen=True)
class Acts:
    workflow: Workflow
    targets: tuple[str, ...]
    key: str = "pk"

    def record(self, **url_kwargs) -> models.Model:
        return self.workflow.model._base_manager.get(pk=url_kwargs[self.key])

    def moves(self, obj: models.Model) -> list[Transition]:
        """The moves into the targets from the record's state, or from any state when the
        record is elsewhere (the view then refuses the state, not the person)."""
        into = [t for t in self.workflow if t.target in self.targets and t.rule is not None]
        here = [t for t in into if t.source == str(getattr(obj, self.workflow.field))]
        return here or into

    def allows(self, user, **url_kwargs) -> bool:
        obj = self.record(**url_kwargs)
        return any(t.allows(user, obj) for t in self.moves(obj))


@dataclass(frozen=True)
class OnRecord:
    """What a view that makes no move of a table still asks of the record its URL names: a
    rule (a permission and/or a relation). Declared as ``access(…, moves=on_record(Model,
    rule))``, read by the permission matrix as it reads a table's moves, and asked by the view
    itself (``allows_on``), so the refusal and the matrix share one rule."""

    model: type[models.Model]
    rule: "Rule | AnyRule"
    key: str = "pk"

    def allows(self, user, **url_kwargs) -> bool:
        return self.rule.allows(user, self.model._base_manager.get(pk=url_kwargs[self.key]))

    def allows_on(self, user, obj: models.Model) -> bool:
        return self.rule.allows(user, obj)


def on_record(model: type[models.Model], rule: "Rule | AnyRule", key: str = "pk") -> OnRecord:
    return OnRecord(model, rule, key)


def workflows_of(model: type[models.Model] | models.Model) -> list[Workflow]:
    label = model._meta.label
    return [w for (owner, _field), w in WORKFLOWS.items() if owner == label]


def workflow_for(model: type[models.Model] | models.Model, field_name: str = "") -> Workflow:
    found = [w for w in workflows_of(model) if not field_name or w.field == field_name]
    if len(found) != 1:
        raise LookupError(f"{model._meta.label}: {len(found)} workflows for {field_name or 'any field'}")
    return found[0]


@transaction.atomic
def transition_perform(
    *,
    obj: models.Model,
    workflow: Workflow,
    target: str,
    actor,
    comment: str = "",
    action: str = "",
    params: dict | None = None,
    also: dict | None = None,
    reason: str = "",
) -> models.Model:
    """Lock the row, check the table and the actor's right, move, record the event.

    ``also`` sets other fields that change with the move (a due date, who decided), in the
    same save, so history keeps one row per move, with the reason: the comment, or else the
    action (or the move's label) in English with its ``params`` filled in; ``reason`` names it
    when the event's comment is not one (a checksum, say). The object passed in is updated too,
    so a caller may go on using it."""
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    current = getattr(locked, workflow.field)
    move = workflow.check(locked, target, actor)
    setattr(locked, workflow.field, target)
    for name, value in (also or {}).items():
        setattr(locked, name, value)
    if actor is not None and getattr(actor, "is_authenticated", False):
        locked._history_user = actor
    with translation.override(None):
        text = str(reason or action or move.label)
        if params:
            # The reason is read as it is (no reader's language): its %-params are filled in now.
            text = text % {k: str(v) for k, v in params.items()}
    locked._change_reason = text if reason else (comment or text)
    locked.save()
    event_record(
        obj=locked,
        action=action or move.label,
        actor=actor,
        from_state=current,
        to_state=target,
        comment=comment,
        params=params,
    )
    for name in (workflow.field, *(also or {})):
        setattr(obj, name, getattr(locked, name))
    return locked
