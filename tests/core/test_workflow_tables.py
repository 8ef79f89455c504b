"""Every status field has its table, and no code but core's transition helper changes one.

A status field is a field with choices named ``status``, ``state``, ``step`` or ending in
``_status`` / ``_state`` on a model of the portal's own apps. The table lists every value the
field can take; every rule names a registered relation and an existing permission; and no
module outside ``core/workflow.py`` assigns such a field (``x.status = …``, ``.update(status=…)``,
``setattr(x, "status", …)``) — a record is created in its first state and moves only through
``transition_perform``, which writes one event row and one history row with the reason.
"""

import ast
import pathlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission

from core.workflow import RELATIONS, WORKFLOWS, AnyRule, Rule

ROOT = pathlib.Path(__file__).resolve().parents[2]
OWN_APPS = ("core", "documents", "accreditation", "improvement", "audits", "surveys", "registry", "reporting")


def _is_status(name: str) -> bool:
    return name in ("status", "state", "step") or name.endswith(("_status", "_state"))


STATUS_FIELDS = sorted(
    (model._meta.label, field.name)
    for label in OWN_APPS
    for model in apps.get_app_config(label).get_models()
    if not model.__name__.startswith("Historical")  # simple-history's copies follow the original
    for field in model._meta.get_fields()
    if getattr(field, "choices", None) and _is_status(field.name) and not field.name.startswith("history_")
)
FIELD_NAMES = {name for _model, name in STATUS_FIELDS}


def test_status_fields_are_found():
    assert len(STATUS_FIELDS) >= 20


# Status fields still without their table: this list only shrinks. A field missing from it
# without a table fails, and so does one listed here that has a table now (take it out).
NOT_YET: set[tuple[str, str]] = set()


@pytest.mark.parametrize(("model", "field"), STATUS_FIELDS, ids=[f"{m}.{f}" for m, f in STATUS_FIELDS])
def test_every_status_field_has_a_table(model, field):
    workflow = WORKFLOWS.get((model, field))
    if (model, field) in NOT_YET:
        assert workflow is None, f"{model}.{field} has its table now: take it out of NOT_YET"
        return
    assert workflow is not None, f"{model}.{field} has no workflow table"
    choices = {str(value) for value, _label in apps.get_model(model)._meta.get_field(field).flatchoices}
    assert workflow.states() == choices, f"{model}.{field}: the table's states differ from the choices"


def _rules(rule):
    return rule.alternatives if isinstance(rule, Rule | AnyRule) else ()


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(WORKFLOWS), ids=[f"{m}.{f}" for m, f in sorted(WORKFLOWS)])
def test_every_rule_names_what_exists(key):
    known = {
        f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.select_related("content_type")
    }
    for move in WORKFLOWS[key]:
        for rule in _rules(move.rule):
            assert rule.permission is None or rule.permission in known, (key, move, rule.permission)
            assert rule.relation is None or rule.relation in RELATIONS, (key, move, rule.relation)
        if move.move.via:
            obj = type("Stub", (), {"pk": 1, **{"project_id": 1, "meeting_id": 1}})()
            try:
                move.url(obj)
            except Exception as error:
                pytest.fail(f"{key} {move.source}→{move.target}: via {move.move.via}: {error}")


def _app_modules():
    for label in (*OWN_APPS, "demo"):
        for path in sorted((ROOT / label).rglob("*.py")):
            if "migrations" in path.parts or path == ROOT / "core" / "workflow.py":
                continue
            yield path


def _assignments(path: pathlib.Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and target.attr in FIELD_NAMES:
                if isinstance(target.value, ast.Name) and target.value.id in ("self", "cls"):
                    # A model's own methods; forms and other classes keep their own attributes.
                    continue
                yield node.lineno, f".{target.attr} = …"
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "update"
            and any(k.arg in FIELD_NAMES for k in node.keywords)
        ):
            yield node.lineno, ".update(status…)"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
            name = node.args[1] if len(node.args) > 1 else None
            if isinstance(name, ast.Constant) and name.value in FIELD_NAMES:
                yield node.lineno, f"setattr(…, {name.value!r})"


# Modules that still assign a status themselves, with how many times: the count only falls.
STILL_ASSIGNING: dict[str, int] = {}


def test_no_status_is_assigned_outside_the_transition_helper():
    from collections import Counter

    found = Counter(
        str(path.relative_to(ROOT)) for path in _app_modules() for _line, _what in _assignments(path)
    )
    grown = {module: n for module, n in found.items() if n > STILL_ASSIGNING.get(module, 0)}
    assert grown == {}, "status assigned outside core.workflow.transition_perform"
    stale = {m: n for m, n in STILL_ASSIGNING.items() if found.get(m, 0) < n}
    assert stale == {}, "fewer assignments now: lower STILL_ASSIGNING"
